import path from 'node:path';
import noSyncDatabase from '../../rules/no-sync-database.js';
import { createTypedRuleTester, FIXTURES } from '../rule-tester.js';

// File names are relative: the tester then lints with `cwd` at the fixture root, as a project's own lint run would.
const ROOT = path.join(FIXTURES, 'indirect');

createTypedRuleTester(ROOT).run('no-sync-database', noSyncDatabase, {
  valid: [
    {
      name: 'typed receiver at start-up',
      code: `import type Database from 'better-sqlite3';
export function migrate(db: Database.Database) {
  db.exec('create table t (x)');
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      name: 'a Map.get is not a statement',
      code: `export async function handler(cache: Map<string, string>) {
  return cache.get('a');
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      // Only the type checker sees through a local interface: without the setting it is not asked.
      name: 'typed receivers are off without the setting',
      code: `import type Database from 'better-sqlite3';
interface Stores { main: Database.Database }
export async function handler(stores: Stores) {
  return stores.main.prepare('select 1').all();
}`,
      filename: 'controller.ts',
      settings: {},
    },
  ],
  invalid: [
    {
      // An annotation that names the package's type is read without types (as node:sqlite's DatabaseSync).
      name: 'an annotation of the Database type, without the setting',
      code: `import type Database from 'better-sqlite3';
export async function handler(db: Database.Database) {
  return db.prepare('select 1').all();
}`,
      filename: 'controller.ts',
      settings: {},
      errors: [{ messageId: 'blocking', line: 3, column: 10, endLine: 3, endColumn: 36, suggestions: [] }],
    },
    {
      name: 'Database parameter, whatever its name',
      code: `import type Database from 'better-sqlite3';
export async function handler(conn: Database.Database) {
  return conn.prepare('select 1').all();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Statement parameter',
      code: `import type { Statement } from 'better-sqlite3';
export async function handler(stmt: Statement) {
  return stmt.get();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Transaction function',
      code: `import type Database from 'better-sqlite3';
export async function handler(db: Database.Database) {
  const insert = db.transaction((x: number) => x);
  insert(1);
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'field typed as Database',
      code: `import type Database from 'better-sqlite3';
export class Repo {
  constructor(private readonly db: Database.Database) {}
  async all() {
    return this.db.prepare('select * from t').all();
  }
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
  ],
});
