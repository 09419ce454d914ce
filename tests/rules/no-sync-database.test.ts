import noSyncDatabase from '../../rules/no-sync-database.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-database', noSyncDatabase, {
  valid: [
    {
      name: 'top level schema set-up is start-up code',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
db.pragma('journal_mode = WAL');
db.exec('create table if not exists users (id integer primary key, name text)');
export default db;`,
    },
    {
      name: 'plain sync function',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export function findUser(id: number) {
  return db.prepare('select * from users where id = ?').get(id);
}`,
    },
    {
      name: 'pg Pool query and a prepare method of another client',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function find(id: number, client: { prepare(sql: string): { get(id: number): unknown } }) {
  const { rows } = await pool.query('select * from users where id = $1', [id]);
  return rows[0] ?? client.prepare('select').get(id);
}`,
    },
    {
      name: 'mysql2 execute',
      code: `import mysql from 'mysql2/promise';
const conn = await mysql.createConnection({ host: 'localhost' });
export async function find(id: number) {
  const [rows] = await conn.execute('select * from users where id = ?', [id]);
  return rows;
}`,
    },
    {
      name: 'Database from another module',
      code: `import { Database } from 'sqlite3';
import Db from './database';
const a = new Database('a.db');
const b = new Db('b.db');
export async function f() {
  a.run('delete from t');
  return b.prepare('select 1').get();
}`,
    },
    {
      name: 'the npm sqlite package is not node:sqlite',
      code: `import { DatabaseSync } from 'sqlite';
const db = new DatabaseSync('x');
export async function f() {
  return db.prepare('select 1').get();
}`,
    },
    {
      name: 'prepare alone only compiles',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function statement(sql: string) {
  return db.prepare(sql);
}`,
    },
    {
      name: 'backup is already async',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function backup(path: string) {
  await db.backup(path);
}`,
    },
    {
      name: 'shadowed database variable',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function f(db: { exec(sql: string): Promise<void> }) {
  await db.exec('vacuum');
}`,
    },
    {
      name: 'defining a transaction is not running it',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function makeInsert() {
  return db.transaction((rows: string[]) => rows.length);
}`,
    },
    {
      name: 'allow option',
      code: `import Database from 'better-sqlite3';
const db = new Database(':memory:');
export async function f() {
  db.pragma('optimize');
}`,
      options: [{allow: ['pragma']}],
    },
    {
      name: 'allow by display name and by module and export path',
      code: `import Database from 'better-sqlite3';
import { DatabaseSync } from 'node:sqlite';
const a = new Database(':memory:');
const b = new DatabaseSync(':memory:');
export async function f() {
  b.exec('vacuum');
  return a.prepare('select 1').get();
}`,
      options: [{allow: ['better-sqlite3 Statement#get',{module: 'node:sqlite',export: 'DatabaseSync.exec'}]}],
    },
  ],
  invalid: [
    {
      name: 'a statement kept in a Map cache and read back with get()',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const statements = new Map();
function statement(sql: string) {
  if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
  return statements.get(sql);
}
export async function users() {
  return statement('select * from users').all();
}`,
      errors: [{ messageId: 'blocking', line: 9, column: 10, endLine: 9, endColumn: 46, suggestions: [] }],
    },
    {
      name: 'a statement kept in an object cache by query text (statementCache[sql])',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const cache: Record<string, ReturnType<typeof db.prepare>> = {};
function statement(sql: string) {
  if (!(sql in cache)) cache[sql] = db.prepare(sql);
  return cache[sql];
}
export async function users() {
  return statement('select * from users').all();
}`,
      errors: [{ messageId: 'blocking', line: 9, column: 10, endLine: 9, endColumn: 46, suggestions: [] }],
    },
    {
      name: 'a database kept on a state object under a name',
      code: `import Database from 'better-sqlite3';
const state = { db: null as Database.Database | null };
state.db = new Database('app.db');
export async function users() {
  return state.db!.prepare('select * from users').all();
}`,
      errors: [{ messageId: 'blocking', line: 5, column: 10, endLine: 5, endColumn: 54, suggestions: [] }],
    },
    {
      name: "node:sqlite loaded through createRequire with a split specifier ('node:' + 'sqlite', so a bundler skips it)",
      code: `const { createRequire } = await import('node:module');
const load = createRequire(import.meta.url);
const { DatabaseSync } = load('node:' + 'sqlite');
const db = new DatabaseSync('music.db');
export async function tracks() {
  return db.prepare('select * from tracks').all();
}`,
      errors: [{ messageId: 'blocking', line: 6, column: 10, endLine: 6, endColumn: 48, suggestions: [] }],
    },
    {
      name: 'a database handed to a helper of the same file as an argument',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
function genresOf(d: Database.Database, ids: number[]) {
  return d.prepare('select * from genres where track in (?)').all(ids);
}
export async function tracks(ids: number[]) {
  return genresOf(db, ids);
}`,
      errors: [{ messageId: 'blocking', line: 4, column: 10, endLine: 4, endColumn: 66, suggestions: [] }],
    },
    {
      name: 'a statement handed to a callback by a wrapper of the same file (trilium-style sql.js)',
      code: `const Database = require('better-sqlite3');
const db = new Database('document.db');
function stmt(query) { return db.prepare(query); }
function wrap(query, func) { return func(stmt(query)); }
function getRows(query, params) { return wrap(query, (s) => s.all(params)); }
module.exports.notes = async (req, res) => res.send(getRows('select * from notes', []));`,
      filename: 'file.js',
      errors: [{ messageId: 'blocking', line: 5, column: 61, endLine: 5, endColumn: 66, suggestions: [] }],
    },
    {
      name: 'statement get in an async handler',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getUser(id: number) {
  return db.prepare('select * from users where id = ?').get(id);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Database() without new, through require',
      code: `const db = require('better-sqlite3')('app.db');
module.exports.list = async () => db.prepare('select * from users').all();`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 72,
          suggestions: [],
        },
      ],
    },
    {
      name: 'exec, pragma and serialize',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function maintenance() {
  db.exec('vacuum');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db.serialize();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 10,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'statement stored in a variable, chained pluck and raw',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const countUsers = db.prepare('select count(*) from users').pluck();
export async function stats() {
  const rows = db.prepare('select * from t').raw().all();
  return { count: countUsers.get(), rows };
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 55,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'iterate and run',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function copy() {
  const insert = db.prepare('insert into b values (?)');
  for (const row of db.prepare('select * from a').iterate()) insert.run(row);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 58,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 62,
          endLine: 5,
          endColumn: 72,
          suggestions: [],
        },
      ],
    },
    {
      name: 'transaction functions and their modes',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const insertMany = db.transaction((rows: unknown[]) => {
  for (const row of rows) db.prepare('insert into t values (?)').run(row);
});
export async function save(rows: unknown[]) {
  insertMany(rows);
  insertMany.immediate(rows);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 13,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'class field set in the constructor, statement in a this member',
      code: `import Database from 'better-sqlite3';
export class UserRepo {
  private db: Database.Database;
  private byId: Database.Statement;
  constructor(file: string) {
    this.db = new Database(file);
    this.byId = this.db.prepare('select * from users where id = ?');
  }
  async find(id: number) {
    return this.byId.get(id);
  }
  async remove(id: number) {
    this.db.prepare('delete from users where id = ?').run(id);
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 25,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: 'class property initialiser and private field',
      code: `import Database from 'better-sqlite3';
export class Cache {
  #db = new Database(':memory:');
  readonly lookup = this.#db.prepare('select v from kv where k = ?');
  async get(key: string) {
    return this.lookup.get(key);
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'exported instance used in the same file',
      code: `import Database from 'better-sqlite3';
export const db = new Database('app.db');
export default db;
export async function count() {
  return db.prepare('select count(*) as n from t').get();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 55,
          suggestions: [],
        },
      ],
    },
    {
      name: 'module.exports instance used in the same file',
      code: `const Database = require('better-sqlite3');
const db = module.exports = new Database('app.db');
async function purge() {
  module.exports.exec('delete from sessions');
  db.exec('vacuum');
}
module.exports.purge = purge;`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 22,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 10,
          suggestions: [],
        },
      ],
    },
    {
      name: 'lazy singleton returned from a getter function',
      code: `import Database from 'better-sqlite3';
let db: Database.Database | undefined;
function getDb() {
  db ??= new Database('app.db');
  return db;
}
export async function list() {
  return getDb().prepare('select * from t').all();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    {
      name: 'node:sqlite DatabaseSync',
      code: `import { DatabaseSync } from 'node:sqlite';
const db = new DatabaseSync('app.db');
export async function handler(id: number) {
  db.exec('pragma foreign_keys = on');
  const stmt = db.prepare('select * from users where id = ?');
  return stmt.get(id) ?? stmt.all();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 10,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 18,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'bun:sqlite query, prepare, run and transaction',
      code: `import { Database } from 'bun:sqlite';
const db = new Database('app.db');
const insert = db.transaction((name: string) => db.run('insert into t (name) values (?)', [name]));
export async function handler(name: string) {
  insert(name);
  db.run('delete from t where name = ?', [name]);
  const rows = db.query('select * from t').all();
  return [rows, db.prepare('select 1').values()];
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 47,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: 'libsql and better-sqlite3-multiple-ciphers have better-sqlite3 API',
      code: `import Database from 'libsql';
import Cipher from 'better-sqlite3-multiple-ciphers';
const db = new Database('vectors.db');
const secrets = new Cipher('secrets.db');
secrets.pragma("key = 'k'");
export async function search(id: number) {
  const row = db.prepare('select * from vectors where id = ?').get(id);
  secrets.prepare('insert into reads values (?)').run(id);
  return row;
}`,
      errors: [
        { messageId: 'blocking', line: 7, column: 15, endLine: 7, endColumn: 67, suggestions: [] },
        { messageId: 'blocking', line: 8, column: 3, endLine: 8, endColumn: 54, suggestions: [] },
      ],
    },
    {
      name: 'bun:sqlite default import',
      code: `import Database from 'bun:sqlite';
const db = new Database(':memory:');
export default {
  async fetch() {
    return Response.json(db.query('select 1 as x').get());
  },
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 55,
          suggestions: [],
        },
      ],
    },
    {
      name: 'map callback',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const byId = db.prepare('select * from t where id = ?');
export async function many(ids: number[]) {
  return ids.map((id) => byId.get(id));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'exec returns the database; chained statement modifiers',
      code: `import Database from 'better-sqlite3';
const db = new Database(':memory:');
export async function f(id: number) {
  const row = db.exec('pragma foreign_keys = on').prepare('select * from t where id = ?').get(id);
  return [row, db.prepare('select * from t').bind().safeIntegers().expand().all()];
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 22,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 94,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 80,
          suggestions: [],
        },
      ],
    },
    {
      name: 'bun:sqlite Database.open and Statement.as',
      code: `import { Database } from 'bun:sqlite';
class User {}
const db = Database.open('app.db');
export async function users() {
  return db.query('select * from users').as(User).all();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: 'node:sqlite through process.getBuiltinModule',
      code: `const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
const db = new DatabaseSync(':memory:');
export async function f() {
  return db.prepare('select 1').all();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },

  ],
});
