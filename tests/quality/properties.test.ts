// Property-based tests: programs with catalog calls in random positions. Invariants: linting
// never throws; exactly one report per blocking call that runs in an async context (an async
// function, arrow or method, or any function nested in one), none at the top level or in plain
// sync code; every suggestion's output parses (and puts no `await` outside an async function).
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../dist/src/index.js';
import { CALL_RESULT, CATALOG, CONSTRUCT_RESULT, type CatalogEntry } from '../../dist/src/catalog/index.js';
import { parseError } from '../../scripts/lib/lint-check.mjs';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Catalog entries callable as `<module object>.<export>(…)` with no argument condition. */
// Module exports only: globals (`Atomics.wait`) are not imported.
const ENTRIES: readonly CatalogEntry[] = CATALOG.entries.filter(
  (entry) => !CATALOG.globals.has(entry.module) && entry.path.length === 1 && entry.path[0] !== CALL_RESULT && entry.path[0] !== CONSTRUCT_RESULT && IDENTIFIER.test(entry.path[0]!) && !entry.when,
);

type Kind = 'function' | 'arrow' | 'arrowExpression' | 'forEach' | 'map' | 'classMethod' | 'objectMethod';
type Item = { readonly call: number; readonly style: 'namespace' | 'named' | 'require' } | { readonly kind: Kind; readonly async: boolean; readonly body: readonly Item[] };

const callItem = fc.record({ call: fc.nat({ max: ENTRIES.length - 1 }), style: fc.constantFrom('namespace' as const, 'named' as const, 'require' as const) });
const { item } = fc.letrec<{ item: Item }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    callItem,
    fc.record({
      kind: fc.constantFrom<Kind>('function', 'arrow', 'arrowExpression', 'forEach', 'map', 'classMethod', 'objectMethod'),
      async: fc.boolean(),
      body: fc.array(tie('item'), { minLength: 1, maxLength: 3 }),
    }),
  ),
}));
const programArbitrary = fc.array(item, { minLength: 1, maxLength: 5 });

interface Generated {
  readonly code: string;
  /** Line of every catalog call, and whether it runs in an async context. */
  readonly calls: { line: number; expected: boolean; api: string }[];
}

function generate(items: readonly Item[]): Generated {
  const lines: string[] = [];
  const calls: Generated['calls'] = [];
  const imports = new Map<string, string>();
  let counter = 0;
  const moduleBinding = (module: string, style: 'namespace' | 'named' | 'require', name: string): string => {
    const key = `${style}:${module}:${style === 'named' ? name : ''}`;
    let binding = imports.get(key);
    if (!binding) {
      binding = style === 'named' ? `${name}_${imports.size}` : `m${imports.size}`;
      imports.set(key, binding);
    }
    return style === 'named' ? binding : `${binding}.${name}`;
  };
  const emitCall = (call: Extract<Item, { call: number }>, inAsync: boolean, indent: string, terminator = ';') => {
    const entry = ENTRIES[call.call]!;
    const callee = moduleBinding(entry.module, call.style, entry.path[0]!);
    calls.push({ line: lines.length + 1, expected: inAsync, api: entry.api });
    lines.push(`${indent}${callee}('./file-${calls.length}', 'utf8')${terminator}`);
  };
  const emit = (list: readonly Item[], inAsync: boolean, indent: string) => {
    for (const current of list) {
      if ('call' in current) {
        emitCall(current, inAsync, indent);
        continue;
      }
      const id = counter++;
      const a = current.async ? 'async ' : '';
      const inner = inAsync || current.async;
      const body = (open: string, close: string, extra = '  ') => {
        lines.push(`${indent}${open}`);
        emit(current.body, inner, indent + extra);
        lines.push(`${indent}${close}`);
      };
      switch (current.kind) {
        case 'function':
          body(`${a}function f${id}() {`, '}');
          break;
        case 'arrow':
          body(`const f${id} = ${a}() => {`, '};');
          break;
        case 'arrowExpression': {
          const first = current.body.find((child) => 'call' in child);
          if (first && 'call' in first) {
            lines.push(`${indent}const f${id} = ${a}() =>`);
            emitCall(first, inner, `${indent}  `);
          } else {
            body(`const f${id} = ${a}() => {`, '};');
          }
          break;
        }
        case 'forEach':
          body(`[1, 2].forEach(${a}(item${id}) => {`, '});');
          break;
        case 'map':
          body(`const r${id} = [1, 2].map(${a}(item${id}) => {`, '});');
          break;
        case 'classMethod':
          lines.push(`${indent}class C${id} {`);
          body(`  ${a}run() {`, '  }', '    ');
          lines.push(`${indent}}`);
          break;
        case 'objectMethod':
          lines.push(`${indent}const o${id} = {`);
          body(`  ${a}run() {`, '  },', '    ');
          lines.push(`${indent}};`);
          break;
      }
    }
  };
  emit(items, false, '');
  const header: string[] = [];
  for (const [key, binding] of imports) {
    const [style, module, name] = key.split(':') as ['namespace' | 'named' | 'require', string, string];
    if (style === 'namespace') header.push(`import * as ${binding} from '${module}';`);
    else if (style === 'named') header.push(`import { ${name} as ${binding} } from '${module}';`);
    else header.push(`const ${binding} = require('${module}');`);
  }
  const offset = header.length;
  return { code: [...header, ...lines].join('\n') + '\n', calls: calls.map((call) => ({ ...call, line: call.line + offset })) };
}

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }, plugin.configs.all];
const FILENAME = 'src/service.ts';

function lint(code: string): Linter.LintMessage[] {
  return linter.verify(code, config, { filename: FILENAME });
}

describe('property: blocking calls in random positions', () => {
  it('uses a non-trivial slice of the catalog', () => {
    expect(ENTRIES.length).toBeGreaterThan(50);
    expect(new Set(ENTRIES.map((entry) => entry.family)).size).toBeGreaterThanOrEqual(3);
  });

  it('never throws; one report per call in an async context, none elsewhere; suggestions parse', () => {
    let reported = 0;
    let suggestions = 0;
    fc.assert(
      fc.property(programArbitrary, (items) => {
        const { code, calls } = generate(items);
        expect(parseError(code, FILENAME)).toBeNull();
        const messages = lint(code);
        const fatal = messages.filter((message) => message.fatal || !message.ruleId);
        expect(fatal).toEqual([]);
        const reportedLines = messages.map((message) => message.line).sort((a, b) => a - b);
        const expectedLines = calls.filter((call) => call.expected).map((call) => call.line);
        expect({ code, lines: reportedLines }).toEqual({ code, lines: expectedLines });
        for (const message of messages) {
          for (const suggestion of message.suggestions ?? []) {
            const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
            expect({ code, output, error: parseError(output, FILENAME) }).toEqual({ code, output, error: null });
            // The fixed program lints without a crash, too.
            expect(() => lint(output)).not.toThrow();
            suggestions++;
          }
        }
        reported += messages.length;
      }),
      { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20261124) },
    );
    // The generator is not vacuous: calls in async contexts were reported and fixed.
    expect(reported).toBeGreaterThan(100);
    expect(suggestions).toBeGreaterThan(50);
  });
});
