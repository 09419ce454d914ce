import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { CALL_RESULT, CONSTRUCT_RESULT, type CatalogEntry } from '../../src/catalog/index.js';
import plugin from '../../src/index.js';

/** One way real code reaches a module's export: module-level prelude plus an expression for it. */
export interface ImportStyle {
  readonly name: string;
  /** Only for Node builtins (the `node:` prefix, `process.getBuiltinModule`). */
  readonly builtinOnly?: boolean;
  /** Statements at module level; `head` is the first segment of the export path, or null for the module itself. */
  prelude(module: string, head: string | null): string;
  /** Statements inside the async function before the call. */
  setup?(module: string): string;
  /** Expression for the export `head` (or the module itself when `head` is null); null: not expressible. */
  reach(module: string, head: string | null): string | null;
}

const member = (object: string, head: string | null) => (head === null ? object : `${object}.${head}`);

export const IMPORT_STYLES: readonly ImportStyle[] = [
  { name: 'default import', prelude: (m) => `import mod from '${m}';`, reach: (_, h) => member('mod', h) },
  { name: 'namespace import', prelude: (m) => `import * as mod from '${m}';`, reach: (_, h) => member('mod', h) },
  { name: 'named import', prelude: (m, h) => (h ? `import { ${h} } from '${m}';` : ''), reach: (_, h) => h },
  { name: 'renamed import', prelude: (m, h) => (h ? `import { ${h} as renamed } from '${m}';` : ''), reach: (_, h) => (h ? 'renamed' : null) },
  { name: 'node: prefix', builtinOnly: true, prelude: (m) => `import mod from 'node:${m}';`, reach: (_, h) => member('mod', h) },
  { name: 'require', prelude: (m) => `const mod = require('${m}');`, reach: (_, h) => member('mod', h) },
  { name: 'destructured require', prelude: (m, h) => (h ? `const { ${h} } = require('${m}');` : ''), reach: (_, h) => h },
  { name: 'renamed destructured require', prelude: (m, h) => (h ? `const { ${h}: renamed } = require('${m}');` : ''), reach: (_, h) => (h ? 'renamed' : null) },
  { name: 'inline require', prelude: () => '', reach: (m, h) => member(`require('${m}')`, h) },
  { name: 'import equals', prelude: (m) => `import mod = require('${m}');`, reach: (_, h) => member('mod', h) },
  { name: 'await import', prelude: () => '', setup: (m) => `const mod = await import('${m}');`, reach: (_, h) => member('mod', h) },
  {
    name: 'createRequire',
    prelude: (m) => `import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nconst mod = load('${m}');`,
    reach: (_, h) => member('mod', h),
  },
  { name: 'getBuiltinModule', builtinOnly: true, prelude: (m) => `const mod = process.getBuiltinModule('${m}');`, reach: (_, h) => member('mod', h) },
  { name: 'alias', prelude: (m, h) => `import mod from '${m}';\nconst alias = ${member('mod', h)};`, reach: () => 'alias' },
];

/** Source text that calls `entry` through `style`, or null when the style cannot express it. */
export function callThrough(entry: CatalogEntry, style: ImportStyle, args: string): { prelude: string; setup: string; call: string } | null {
  const [first, ...rest] = entry.path;
  const startsWithInstance = first === CALL_RESULT || first === CONSTRUCT_RESULT;
  const head = startsWithInstance ? null : first!;
  let expression = style.reach(entry.module, head);
  if (expression === null) return null;
  for (const segment of startsWithInstance ? entry.path : rest) {
    if (segment === CALL_RESULT) expression = `${expression}('x')`;
    else if (segment === CONSTRUCT_RESULT) expression = `new (${expression})('x')`;
    else expression = `${expression}.${segment}`;
  }
  return { prelude: style.prelude(entry.module, head), setup: style.setup?.(entry.module) ?? '', call: `${expression}(${args})` };
}

const linter = new Linter();

/** Lints `code` with one rule of the plugin and returns its messages. */
export function lintWith(ruleName: string, code: string, filename = 'file.ts'): Linter.LintMessage[] {
  return linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { 'event-loop': plugin as never }, rules: { [`event-loop/${ruleName}`]: 'error' } }],
    filename,
  );
}
