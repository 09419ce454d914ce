import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { CALL_RESULT, CATALOG, CONSTRUCT_RESULT, type CatalogEntry, type Family } from '../../src/catalog/index.js';
import { rules } from '../../src/rules.js';

/** The rule that reports each family (the rule files hold no catalog knowledge, so the test names them). */
const RULE_OF: Partial<Record<Family, keyof typeof rules>> = {
  fs: 'no-sync-fs',
  'child-process': 'no-sync-child-process',
  http: 'no-blocking-http',
  'busy-wait': 'no-busy-wait',
};

const SAMPLE_TEXTS = ['x', 'curl -s https://example.com', 'wget https://example.com', 'sleep 1', 'curl', 'wget', 'sleep'];

/** Arguments that meet the entry's `when` condition (or any arguments when it has none). */
function argumentsFor(entry: CatalogEntry): string {
  const args: string[] = ["'x'"];
  const when = entry.when;
  if (when?.argumentMatches) {
    const { index, pattern } = when.argumentMatches;
    const sample = SAMPLE_TEXTS.find((text) => pattern.test(text));
    if (sample === undefined) throw new Error(`no sample text matches ${pattern} (${entry.api})`);
    while (args.length <= index) args.push("'x'");
    args[index] = `'${sample}'`;
  }
  if (when?.argumentEquals) {
    const { index, value } = when.argumentEquals;
    while (args.length <= index) args.push("'x'");
    args[index] = JSON.stringify(value);
  }
  return args.join(', ');
}

/** `base` followed by the entry's path: `.name`, a call, or `new`; the last call gets `args`. */
function pathExpression(base: string, path: readonly string[], args: string): { text: string; calleeEnd: number } {
  let text = base;
  for (const segment of path) {
    if (segment === CALL_RESULT) text = `${text}('x')`;
    // `new require('m').X()` would construct `require`: parenthesise a callee that contains a call.
    else if (segment === CONSTRUCT_RESULT) text = text.includes('(') ? `new (${text})()` : `new ${text}()`;
    else text = `${text}.${segment}`;
  }
  return { text: `${text}(${args})`, calleeEnd: text.length };
}

interface Style {
  readonly name: string;
  /** Module-level statements, and statements at the start of the function body. */
  readonly imports: string;
  readonly local: string;
  readonly base: string;
  /** Path still to apply after `base`. */
  readonly path: readonly string[];
}

function stylesFor(entry: CatalogEntry): Style[] {
  const module = entry.module;
  const path = entry.path;
  if (CATALOG.globals.has(module) && !CATALOG.modules.has(module)) {
    return [{ name: 'global', imports: '', local: '', base: module, path }];
  }
  const named = path.length > 0 && path[0] !== CALL_RESULT && path[0] !== CONSTRUCT_RESULT ? path[0]! : null;
  const rest = path.slice(1);
  // A module whose export is the function itself is called through `.default` where a namespace object is involved.
  const viaDefault = path.length === 0 || !named ? ['default', ...path] : path;
  const styles: Style[] = [
    { name: 'default import', imports: `import m from '${module}';`, local: '', base: 'm', path },
    { name: 'namespace import', imports: `import * as m from '${module}';`, local: '', base: 'm', path: viaDefault },
    { name: 'require', imports: `const m = require('${module}');`, local: '', base: 'm', path },
    { name: 'require inline', imports: '', local: '', base: `require('${module}')`, path },
    { name: 'TS import equals', imports: `import m = require('${module}');`, local: '', base: 'm', path },
    { name: 'await import', imports: '', local: `const m = await import('${module}');`, base: 'm', path: viaDefault },
  ];
  if (named) {
    styles.push(
      { name: 'named import', imports: `import { ${named} } from '${module}';`, local: '', base: named, path: rest },
      { name: 'renamed import', imports: `import { ${named} as alias } from '${module}';`, local: '', base: 'alias', path: rest },
      { name: 'destructured require', imports: `const { ${named}: alias } = require('${module}');`, local: '', base: 'alias', path: rest },
    );
  }
  if (CATALOG.modules.has(`node:${module}`)) {
    styles.push({ name: 'node: prefix', imports: `import m from 'node:${module}';`, local: '', base: 'm', path });
  }
  return styles;
}

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser },
    plugins: { 'event-loop': { rules } as never },
    rules: Object.fromEntries(Object.keys(RULE_OF).map((family) => [`event-loop/${RULE_OF[family as Family]}`, 'error'])),
  },
];

function lint(code: string): Linter.LintMessage[] {
  const messages = linter.verify(code, config, 'file.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${code}`);
  return messages;
}

/** Entries of `family` x import styles: one report by the family's rule inside an async function, none at top level. */
export function catalogMatrix(family: Family): void {
  const entries = CATALOG.entries.filter((entry) => entry.family === family);
  const rule = `event-loop/${RULE_OF[family]}`;

  describe(`${family} catalog matrix`, () => {
    it('has entries', () => {
      expect(entries.length).toBeGreaterThan(0);
    });
    for (const entry of entries) {
      for (const style of stylesFor(entry)) {
        const { text, calleeEnd } = pathExpression(style.base, style.path, argumentsFor(entry));
        const head = style.imports ? `${style.imports}\n` : '';
        it(`${entry.api} [${entry.path.join('.') || '(default)'}] via ${style.name}, in an async function: one report`, () => {
          const line = style.local ? 4 : 3;
          const code = `${head}export async function run() {\n${style.local ? `  ${style.local}\n` : ''}  ${text};\n}\n`;
          const messages = lint(code).filter((message) => message.line === (head ? line : line - 1));
          const onCall = messages.filter((message) => message.endColumn === 3 + calleeEnd);
          expect(onCall.map((message) => message.ruleId), code).toEqual([rule]);
        });
        it(`${entry.api} [${entry.path.join('.') || '(default)'}] via ${style.name}, at module top level: none`, () => {
          const code = `${head}${style.local ? `${style.local}\n` : ''}${text};\n`;
          expect(lint(code), code).toEqual([]);
        });
      }
    }
  });
}
