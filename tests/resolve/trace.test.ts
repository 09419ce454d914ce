import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { compileCatalog, type ModuleSpec } from '../../src/catalog/index.js';
import { traceFile } from '../../src/resolve/trace.js';

// A made-up module, so these tests pin the tracer's generic behaviour rather than any family's data:
// `new Conn()` has `query()` (blocking) and `prepare()` -> statement with `get()` (blocking);
// `Conn()` without `new` is the same instance; `stmt.pluck()` returns the statement.
const spec: ModuleSpec = {
  module: 'made-up-db',
  family: 'database',
  builtin: false,
  entries: [
    { path: ['Conn', 'new()', 'query'], twin: null, advice: 'x' },
    { path: ['Conn', 'new()', 'prepare', '()', 'get'], twin: null, advice: 'x' },
  ],
  aliases: [
    { path: ['Conn', '()'], target: ['Conn', 'new()'] },
    { path: ['Conn', 'new()', 'prepare', '()', 'pluck', '()'], target: ['Conn', 'new()', 'prepare', '()'] },
  ],
};
const roots = compileCatalog([spec]);

/** The source text of every traced call's callee, in source order. */
function hits(code: string, sourceType: 'module' | 'commonjs' = 'module'): string[] {
  const found: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      return {
        Program() {
          const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
          const traced = [...traceFile(sourceCode, roots).hits].sort((a, b) => a.reference.range[0] - b.reference.range[0]);
          for (const hit of traced) found.push(sourceCode.getText(hit.reference));
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType }, plugins: { t: { rules: { trace: rule } } }, rules: { 't/trace': 'error' } }],
    'file.ts',
  );
  expect(messages).toEqual([]);
  return found;
}

describe('traceFile', () => {
  it('follows an instance made with or without new, its statements and chainable aliases', () => {
    expect(
      hits(`import { Conn } from 'made-up-db';
const a = new Conn();
const b = Conn();
a.query('1');
b.prepare('2').pluck().pluck().get();`),
    ).toEqual(['a.query', "b.prepare('2').pluck().pluck().get"]);
  });

  it('follows chained and logical assignments', () => {
    expect(
      hits(`import { Conn } from 'made-up-db';
let lazy: any;
let other: any;
const chained = other = new Conn();
function f() {
  (lazy ??= new Conn()).query('a');
  lazy.query('b');
  other.query('c');
  chained.query('d');
}`),
    ).toEqual(['(lazy ??= new Conn()).query', 'lazy.query', 'other.query', 'chained.query']);
  });

  it('follows values returned from functions, methods and arrow class fields, but not from async functions', () => {
    expect(
      hits(`import { Conn } from 'made-up-db';
let conn: any;
function getConn() {
  if (!conn) conn = new Conn();
  return conn;
}
const viaArrow = () => getConn();
async function asyncConn() { return new Conn(); }
class Repo {
  #conn = Conn();
  conn() { return this.#conn; }
  stmt = () => this.conn().prepare('s');
  run() {
    this.stmt().get();
    this.#conn.query('p');
  }
}
function use(c: any) {
  getConn().query('1');
  viaArrow().query('2');
  asyncConn().query('3');
}`),
    ).toEqual(['this.stmt().get', 'this.#conn.query', 'getConn().query', 'viaArrow().query']);
  });

  it('follows a statement stored in a this member', () => {
    expect(
      hits(`import { Conn } from 'made-up-db';
class Users {
  constructor() {
    this.db = new Conn();
    this.byId = this.db.prepare('select');
  }
  find(id: number) { return this.byId.get(id); }
}`),
    ).toEqual(['this.byId.get']);
  });

  it('follows CommonJS exports of an instance to their reads in the same file', () => {
    expect(
      hits(
        `const { Conn } = require('made-up-db');
module.exports = new Conn();
exports.db = Conn();
module.exports.stmt = module.exports.prepare('x');
function f() {
  module.exports.query('1');
  exports.db.query('2');
  module.exports.stmt.get();
}`,
        'commonjs',
      ),
    ).toEqual(['module.exports.query', 'exports.db.query', 'module.exports.stmt.get']);
  });

  it('does not follow a local variable named exports or a shadowed instance', () => {
    expect(
      hits(`import { Conn } from 'made-up-db';
const db = new Conn();
function f(exports: any, db: any) {
  exports.db = new Conn();
  exports.db.query('1');
  db.query('2');
}`),
    ).toEqual([]);
  });
});
