/**
 * Types whose values are catalog objects, for type-aware resolution: a receiver typed as one of
 * these is recognised whatever its name or provenance (a parameter, a field typed as another
 * class, a value from another file). `path` is the catalog path of that value in `module`'s trie
 * (`new()`: the instance `new` makes; `()`: what a call returns). A type matches when its symbol
 * has this name and is declared by the module: in `declare module "<module>"` or in a file under
 * `node_modules/<package>/` or `node_modules/@types/<package>/`.
 * Module objects (`typeof import('fs')`) need no entry: their type is the module itself.
 */
export interface TypedReceiver {
  readonly module: string;
  /** The package whose declaration files declare the type (`better-sqlite3`), if it is not a builtin. */
  readonly package: string | null;
  readonly typeName: string;
  readonly path: readonly string[];
}

export const TYPED_RECEIVERS: readonly TypedReceiver[] = [
  { module: 'better-sqlite3', package: 'better-sqlite3', typeName: 'Database', path: ['new()'] },
  { module: 'better-sqlite3', package: 'better-sqlite3', typeName: 'Statement', path: ['new()', 'prepare', '()'] },
  { module: 'better-sqlite3', package: 'better-sqlite3', typeName: 'Transaction', path: ['new()', 'transaction', '()'] },
  { module: 'node:sqlite', package: null, typeName: 'DatabaseSync', path: ['DatabaseSync', 'new()'] },
  { module: 'node:sqlite', package: null, typeName: 'StatementSync', path: ['DatabaseSync', 'new()', 'prepare', '()'] },
  { module: 'bun:sqlite', package: 'bun-types', typeName: 'Database', path: ['Database', 'new()'] },
  { module: 'bun:sqlite', package: 'bun-types', typeName: 'Statement', path: ['Database', 'new()', 'query', '()'] },
];
