import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { compileCatalog, type ModuleSpec } from '../../src/catalog/index.js';
import { traceFile } from '../../src/resolve/trace.js';

// A made-up builder module, to pin the tracer's generic behaviour for builders: `new Builder(opts)`
// only makes a traced builder when `opts.driver` is `new SyncDriver()`; any method chains (`*`);
// `run()` at the end of a chain is the blocking call; `open(file)` is blocking as a `new` (`new Archive(f)`)
// unless kept in a lazy singleton; `connect()` gives a promise of a client whose `query` blocks.
const spec: ModuleSpec = {
  module: 'made-up-builder',
  family: 'database',
  builtin: false,
  entries: [
    { path: ['Builder', 'new()', '*', '()', 'run'], twin: null, advice: 'x' },
    { path: ['Archive'], construct: true, twin: null, advice: 'x', when: { minArguments: 1, perCall: true } },
    { path: ['connect', '()', 'await', 'query'], twin: null, advice: 'x' },
    { path: ['tar'], twin: null, advice: 'x', when: { withOption: { name: 'sync', value: true } } },
  ],
  aliases: [
    { path: ['Builder', 'new()', '*', '*'], target: ['Builder', 'new()', '*'] },
    { path: ['Builder', 'new()', '*', '()', '*'], target: ['Builder', 'new()', '*'] },
  ],
  guards: [{ path: ['Builder', 'new()'], when: { argumentProperty: { index: 0, property: 'driver', constructs: ['SyncDriver'], equals: ['sync'] } } }],
};
const roots = compileCatalog([spec]);

function hits(code: string): string[] {
  const found: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      return {
        Program() {
          const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
          const traced = [...traceFile(sourceCode, roots).hits].sort((a, b) => a.reference.range[0] - b.reference.range[0]);
          for (const hit of traced) found.push(`${hit.call?.type === 'NewExpression' ? 'new ' : ''}${sourceCode.getText(hit.reference)}`);
        },
      };
    },
  };
  const messages = new Linter().verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { t: { rules: { trace: rule } } }, rules: { 't/trace': 'error' } }], 'file.ts');
  expect(messages).toEqual([]);
  return found;
}

describe('traceFile: builders, constructors, awaited values', () => {
  it('follows a guarded builder through any chain to its run, and only when the guard holds', () => {
    expect(
      hits(`import { Builder, SyncDriver, AsyncDriver } from 'made-up-builder';
const driver = new SyncDriver();
const a = new Builder({ driver });
const b = new Builder({ driver: new AsyncDriver() });
const c = new Builder({ driver: 'sync' });
const d = new Builder(options);
async function f() {
  await a.from('t').where('x').orderBy('y').run();
  await a.schema.create('t').run();
  await b.from('t').run();
  await c.from('t').run();
  await d.from('t').run();
  const q = a.from('t');
  return q.limit(1).run();
}`),
    ).toEqual(["a.from('t').where('x').orderBy('y').run", "a.schema.create('t').run", "c.from('t').run", "q.limit(1).run"]);
  });

  it('does not ask the guard again of a function that returns the builder', () => {
    expect(
      hits(`import { Builder, SyncDriver } from 'made-up-builder';
let db: any;
function getDb() {
  db ??= new Builder({ driver: new SyncDriver() });
  return db;
}
async function f() {
  return getDb().from('t').run();
}`),
    ).toEqual(["getDb().from('t').run"]);
  });

  it('reports new per call, not an empty constructor nor a lazy singleton or a stored instance', () => {
    expect(
      hits(`import { Archive } from 'made-up-builder';
let shared: any;
class Cache { zip: any; load(f: string) { this.zip = new Archive(f); } }
function f(file: string) {
  const zip = new Archive(file);
  const empty = new Archive();
  shared ??= new Archive('a.zip');
  shared = new Archive('b.zip');
  let local;
  local = new Archive('c.zip');
  return [zip, empty, local];
}`),
    ).toEqual(['new Archive', 'new Archive']);
  });

  it('follows an awaited promise of a client and its then callback', () => {
    expect(
      hits(`import { connect } from 'made-up-builder';
async function f() {
  const client = await connect('x');
  client.query('1');
  connect('y').then((other) => other.query('2'));
  const pending = connect('z');
  pending.query('3');
}`),
    ).toEqual(['client.query', 'other.query']);
  });

  it('withOption: only a literal option value counts, also through a const options object', () => {
    expect(
      hits(`import { tar } from 'made-up-builder';
const opts = { sync: true, file: 'a.tgz' };
function f(sync: boolean) {
  tar({ sync: true });
  tar({ sync });
  tar({ sync: false });
  tar(opts);
}`),
    ).toEqual(['tar', 'tar']);
  });
});
