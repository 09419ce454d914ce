import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import * as tsParser from '@typescript-eslint/parser';
import { ANY_MEMBER, AWAITED, CALL_RESULT, CATALOG, CONSTRUCT_RESULT, MODULE_SPECS, type CallCondition, type CatalogEntry, type Family, type TraceNode } from '../../src/catalog/index.js';
import { rules } from '../../src/rules.js';

// Generates, from the catalog itself, code that reaches every entry of a family through every
// import style (and, for instance APIs, every way of making and keeping the instance), so a new
// entry is tested the moment it is added.

export interface MatrixCase {
  readonly name: string;
  readonly code: string;
  readonly entry: CatalogEntry;
  /**
   * Reports the rule must make: one per blocking call on the way (1, or more when the entry is
   * reached through another blocking call, as `shell.cat(f).to(out)`) inside an async function;
   * 0 at module top level and in sync functions.
   */
  readonly expected: number;
}

/** How code reaches the value at the first path segment; `null` when the style cannot express it. */
interface ImportStyle {
  readonly name: string;
  /** Top-of-file statements and the expression for the value at `head` (inside the function when `inFunction`). */
  build(specifier: string, head: string): { preamble: string; setup: string; value: string } | null;
}

const isBuiltinSpecifier = (specifier: string) => MODULE_SPECS.some((spec) => spec.builtin && (spec.module === specifier || `node:${spec.module}` === specifier));
/** A property name; not `()`/`new()`/`*`/`await`, and not '' (an empty path: the module itself is called). */
const isName = (segment: string) => segment !== '' && segment !== CALL_RESULT && segment !== CONSTRUCT_RESULT && segment !== ANY_MEMBER && segment !== AWAITED;
/** `mod.head`, or `mod` when the path starts by calling or constructing the module itself. */
const memberOf = (object: string, head: string) => (isName(head) ? `${object}.${head}` : object);

const IMPORT_STYLES: readonly ImportStyle[] = [
  { name: 'named import', build: (m, head) => (isName(head) ? { preamble: `import { ${head} } from '${m}';`, setup: '', value: head } : null) },
  { name: 'renamed import', build: (m, head) => (isName(head) ? { preamble: `import { ${head} as renamed } from '${m}';`, setup: '', value: 'renamed' } : null) },
  { name: 'default import', build: (m, head) => ({ preamble: `import mod from '${m}';`, setup: '', value: memberOf('mod', head) }) },
  { name: 'namespace import', build: (m, head) => (isName(head) ? { preamble: `import * as mod from '${m}';`, setup: '', value: `mod.${head}` } : null) },
  { name: 'require', build: (m, head) => ({ preamble: `const mod = require('${m}');`, setup: '', value: memberOf('mod', head) }) },
  { name: 'destructured require', build: (m, head) => (isName(head) ? { preamble: `const { ${head}: local } = require('${m}');`, setup: '', value: 'local' } : null) },
  { name: 'inline require', build: (m, head) => ({ preamble: '', setup: '', value: isName(head) ? `require('${m}').${head}` : `(require('${m}'))` }) },
  { name: 'TS import equals', build: (m, head) => ({ preamble: `import mod = require('${m}');`, setup: '', value: memberOf('mod', head) }) },
  { name: 'plain destructured require', build: (m, head) => (isName(head) ? { preamble: `const { ${head} } = require('${m}');`, setup: '', value: head } : null) },
  {
    name: 'createRequire',
    build: (m, head) => ({ preamble: `import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nconst mod = load('${m}');`, setup: '', value: memberOf('mod', head) }),
  },
  {
    name: 'process.getBuiltinModule',
    build: (m, head) => (isBuiltinSpecifier(m) ? { preamble: `const mod = process.getBuiltinModule('${m}');`, setup: '', value: memberOf('mod', head) } : null),
  },
  { name: 'alias of the export', build: (m, head) => (isName(head) ? { preamble: `import mod from '${m}';\nconst alias = mod.${head};`, setup: '', value: 'alias' } : null) },
  {
    name: 'await import',
    build: (m, head) => ({ preamble: '', setup: `const mod = await import('${m}');`, value: isName(head) ? `mod.${head}` : 'mod.default' }),
  },
];

const SAMPLE_TEXTS = ['x', 'curl -s https://example.com', 'wget https://example.com', 'sleep 1', 'curl', 'wget', 'sleep'];

/** Arguments that meet the entry's `when` condition: sample texts for patterns, literals, non-constant sizes. */
function argumentsFor(entry: CatalogEntry): string {
  const args: string[] = ['input'];
  const when = entry.when;
  if (when?.argumentMatches) {
    const { index, pattern } = when.argumentMatches;
    const sample = SAMPLE_TEXTS.find((text) => pattern.test(text));
    if (sample === undefined) throw new Error(`matrix: no sample text matches ${pattern} (${entry.api})`);
    while (args.length <= index) args.push('input');
    args[index] = `'${sample}'`;
  }
  if (when?.argumentEquals) {
    const { index, value } = when.argumentEquals;
    while (args.length <= index) args.push('input');
    args[index] = JSON.stringify(value);
  }
  if (when?.withOption) args[0] = `{ ${when.withOption.name}: ${JSON.stringify(when.withOption.value)} }`;
  if (when?.argumentProperty) args[when.argumentProperty.index] = guardArgument(when.argumentProperty);
  return args.join(', ');
}

/** An options object that names the sync driver a guard looks for (`{ dialect: new SqliteDialect({}) }`). */
function guardArgument(wanted: NonNullable<CallCondition['argumentProperty']>): string {
  const value = wanted.equals?.[0] !== undefined ? `'${wanted.equals[0]}'` : wanted.constructs?.[0] ? `new ${wanted.constructs[0]}({})` : wanted.names![0]!;
  return wanted.property === undefined ? value : `{ ${wanted.property}: ${value} }`;
}

/** The trie node at `segments` from `module`'s root (following aliases), if any. */
function nodeAt(module: string, segments: readonly string[]): TraceNode | undefined {
  let node: TraceNode | undefined | null = CATALOG.modules.get(module);
  for (const segment of segments) {
    if (!node) return undefined;
    if (segment === CALL_RESULT) node = node.callResult;
    else if (segment === CONSTRUCT_RESULT) node = node.constructResult;
    else if (segment === ANY_MEMBER) node = node.anyMember;
    else if (segment === AWAITED) node = node.awaitResult;
    else node = node.children.get(segment) ?? node.anyMember;
  }
  return node ?? undefined;
}

/** Arguments for the call or `new` that makes the value at `segments` (a guard's driver options). */
function makerArguments(module: string, segments: readonly string[]): string {
  const maker = nodeAt(module, segments.slice(0, -1));
  const guard = (segments.at(-1) === CONSTRUCT_RESULT ? maker?.constructGuard : maker?.callGuard)?.argumentProperty;
  return guard ? guardArgument(guard) : `'arg'`;
}

/** Applies path segments to an expression: member reads, calls, `new`, `await`, any member (`.anyMethod`). */
function chain(value: string, segments: readonly string[], module = '', offset: readonly string[] = []): string {
  let expression = value;
  segments.forEach((segment, index) => {
    const made = [...offset, ...segments.slice(0, index + 1)];
    if (segment === CONSTRUCT_RESULT) expression = `new (${expression})(${makerArguments(module, made)})`;
    else if (segment === CALL_RESULT) expression = `${expression}(${makerArguments(module, made)})`;
    else if (segment === AWAITED) expression = `(await ${expression})`;
    else if (segment === ANY_MEMBER) expression = `${expression}.anyMethod`;
    else expression = `${expression}.${segment}`;
  });
  return expression;
}

/** The call (or `new`) of the entry's API at the end of `segments`. */
const callAt = (value: string, segments: readonly string[], entry: CatalogEntry, offset: readonly string[] = []) =>
  entry.construct ? `new (${chain(value, segments, entry.module, offset)})(${argumentsFor(entry)})` : `${chain(value, segments, entry.module, offset)}(${argumentsFor(entry)})`;

/** The segments still to apply after an import style produced the value for `path[0]`. */
const afterHead = (path: readonly string[]) => (path.length > 0 && isName(path[0]!) ? path.slice(1) : path);

const isEntryPath = (module: string, path: readonly string[], construct = false) =>
  CATALOG.entries.some(
    (entry) => entry.module === module && !!entry.construct === construct && entry.path.length === path.length && entry.path.every((segment, index) => path[index] === segment),
  );

/** The entry's path plus the equivalent paths its module's aliases give (`Database()` for `new Database()`). */
function pathVariants(entry: CatalogEntry): { name: string; path: readonly string[] }[] {
  const variants = [{ name: 'catalog path', path: entry.path }];
  for (const spec of MODULE_SPECS) {
    if (spec.module !== entry.module || spec.family !== entry.family) continue;
    for (const alias of spec.aliases ?? []) {
      const target = typeof alias.target === 'string' ? alias.target.split('.') : alias.target;
      const path = typeof alias.path === 'string' ? alias.path.split('.') : alias.path;
      // An alias through a blocking call (`db.exec(a).exec(b)`) would report twice: the rule tests cover those.
      const throughBlockingCall = path.some((segment, index) => segment === CALL_RESULT && isEntryPath(entry.module, path.slice(0, index)));
      if (!throughBlockingCall && target.length <= entry.path.length && target.every((segment, index) => entry.path[index] === segment)) {
        variants.push({ name: `alias ${path.join('.')}`, path: [...path, ...entry.path.slice(target.length)] });
      }
    }
  }
  return variants;
}

const specifiers = (entry: CatalogEntry): string[] => {
  const builtin = MODULE_SPECS.some((spec) => spec.module === entry.module && spec.builtin);
  return builtin ? [entry.module, `node:${entry.module}`] : [entry.module];
};

/** Index just past the first `new()`/`()` segment: the instance, when the path has one. */
function instanceEnd(path: readonly string[]): number {
  const index = path.findIndex((segment) => !isName(segment));
  return index === -1 || index === path.length - 1 ? -1 : index + 1;
}

/** Blocking calls made on the way to the entry: prefixes of its path that are entries themselves. */
function blockingCallsOnTheWay(entry: CatalogEntry, path: readonly string[] = entry.path, cachedBefore = 0): number {
  let count = 0;
  path.forEach((segment, index) => {
    // A `perCall` maker kept in a lazy singleton (`inst ??= new Database(file)`) opens once: not counted.
    const made = path.slice(0, index);
    const maker = CATALOG.entries.find((candidate) => candidate.module === entry.module && candidate.path.join('\0') === made.join('\0') && !!candidate.construct === (segment === CONSTRUCT_RESULT));
    if (index < cachedBefore && maker?.when?.perCall) return;
    if (segment === CALL_RESULT && isEntryPath(entry.module, made)) count++;
    // `new Database(file).prepare(…)`: opening the database blocks too.
    if (segment === CONSTRUCT_RESULT && isEntryPath(entry.module, made, true)) count++;
  });
  return count;
}

export function matrixCases(family: Family): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const entry of CATALOG.entries.filter((candidate) => candidate.family === family)) {
    if (CATALOG.globals.has(entry.module) && !CATALOG.modules.has(entry.module)) {
      // A global (`Atomics.wait`): reached without any import.
      const call = callAt(entry.module, entry.path, entry);
      cases.push({ name: `${entry.api} as a global, in an async function`, entry, expected: 1, code: `export async function handler(input: any) {\n  return ${call};\n}\n` });
      cases.push({ name: `${entry.api} as a global, at module top level`, entry, expected: 0, code: `const input: any = process.argv[2];\nexport const result = ${call};\n` });
      continue;
    }
    for (const variant of pathVariants(entry)) {
      const head = variant.path[0] ?? '';
      const rest = afterHead(variant.path);
      for (const specifier of specifiers(entry)) {
        for (const style of IMPORT_STYLES) {
          const built = style.build(specifier, head);
          if (!built) continue;
          const call = callAt(built.value, rest, entry, variant.path.slice(0, variant.path.length - rest.length));
          const label = `${entry.api} [${variant.name}] via ${style.name} of '${specifier}'`;
          cases.push({
            name: `${label}, in an async function`,
            entry,
            expected: 1 + blockingCallsOnTheWay(entry, variant.path),
            code: `${built.preamble}\nexport async function handler(input: any) {\n  ${built.setup}\n  return ${call};\n}\n`,
          });
          // An `await` on the way cannot be written in a sync function.
          if (!variant.path.includes(AWAITED)) cases.push({
            name: `${label}, in a plain sync function`,
            entry,
            expected: 0,
            code: `${built.preamble}\nexport function load(input: any) {\n  ${built.setup.replace('await ', '')}\n  return ${call};\n}\n`,
          });
          cases.push({
            name: `${label}, at module top level`,
            entry,
            expected: 0,
            code: `${built.preamble}\nconst input: any = process.argv[2];\n${built.setup}\nexport const result = ${call};\n`,
          });
        }
        // Instance APIs: the instance kept in a variable, a constructor-assigned field, a class property.
        const end = instanceEnd(variant.path);
        if (end === -1) continue;
        const base = IMPORT_STYLES.find((style) => style.name === 'default import')!.build(specifier, head)!;
        const instancePath = afterHead(variant.path.slice(0, end));
        const instance = chain(base.value, instancePath, entry.module, variant.path.slice(0, end - instancePath.length));
        const use = (object: string) => callAt(object, variant.path.slice(end), entry, variant.path.slice(0, end));
        const label = `${entry.api} [${variant.name}] of '${specifier}'`;
        const holders = [
          { name: 'module-level variable', code: `const inst = ${instance};\nexport async function handler(input: any) {\n  return ${use('inst')};\n}\n` },
          {
            name: 'field assigned in the constructor',
            code: `export class Repo {\n  inst: any;\n  constructor() {\n    this.inst = ${instance};\n  }\n  async handler(input: any) {\n    return ${use('this.inst')};\n  }\n}\n`,
          },
          { name: 'class property initialiser', code: `export class Repo {\n  private inst = ${instance};\n  async handler(input: any) {\n    return ${use('this.inst')};\n  }\n}\n` },
          { name: 'getter function', code: `let inst: any;\nfunction getInst() {\n  inst ??= ${instance};\n  return inst;\n}\nexport async function handler(input: any) {\n  return ${use('getInst()')};\n}\n` },
          { name: 'factory function', code: `function makeInst() {\n  return ${instance};\n}\nexport async function handler(input: any) {\n  return ${use('makeInst()')};\n}\n` },
        ];
        for (const holder of holders) {
          // A getter function makes the instance lazily (`inst ??= …`): that call runs once per
          // process, so a blocking call on the way is not reported there; the use in the handler is.
          // A factory makes it at each call, while serving (a sync helper of the handler): a blocking
          // call on the way is reported there too.
          const expected = holder.name === 'factory function' ? 1 + blockingCallsOnTheWay(entry, variant.path) : 1;
          cases.push({ name: `${label} held in a ${holder.name}`, entry, expected, code: `${base.preamble}\n${holder.code}` });
        }
      }
    }
  }
  return cases;
}

const linter = new Linter({ configType: 'flat' });
const plugin = { rules } as unknown as ESLint.Plugin;
// Every direct rule (one per family); no-indirect-blocking rightly reports helpers such as the getter holder.
const everyRule = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.family)
    .map(([name]) => [`event-loop/${name}`, 'error' as const]),
);

/** Messages of every direct rule of the plugin for `code` (a fatal parse error fails loudly instead). */
export function lint(code: string): Linter.LintMessage[] {
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'event-loop': plugin }, rules: everyRule }], 'file.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${code}`);
  return messages;
}

/**
 * The matrix of a family as vitest cases: exactly one report, by `rule`, naming the entry, inside
 * an async function; none from any rule at top level or in a sync function. Every rule runs, so
 * an entry reported by two families (`execSync('curl …')`) fails.
 */
export function catalogMatrix(family: Family, rule: string): void {
  const cases = matrixCases(family);
  describe(`${rule} catalog matrix`, () => {
    it('covers every entry of the family', () => {
      const entries = CATALOG.entries.filter((entry) => entry.family === family);
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.entry))).toEqual(new Set(entries));
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const messages = lint(c.code);
      expect(messages.map((m) => m.ruleId), c.code).toEqual(Array.from({ length: c.expected }, () => `event-loop/${rule}`));
      if (c.expected) expect(messages.some((message) => message.message.includes(`\`${c.entry.api}\``)), c.code).toBe(true);
    });
  });
}
