import noSyncDatabase from '../../rules/no-sync-database.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-database', noSyncDatabase, {
  valid: [
    {
      name: 'annotated parameter used at top level of a sync factory',
      code: `import { type DatabaseSync } from 'node:sqlite';
export function migrate(database: DatabaseSync) {
  database.exec('CREATE TABLE t (x)');
}`,
    },
    {
      name: 'a type with the same name from another module',
      code: `import type { DatabaseSync } from './my-db';
export async function list(database: DatabaseSync) {
  return database.prepare('SELECT 1').all();
}`,
    },
  ],
  invalid: [
    {
      // The value goes round `this.db` → `getDb()` → `this.db` (poolController's State.ts overflowed the stack here).
      name: 'a field reassigned from a getter that returns it',
      code: `import Database from 'better-sqlite3';
export class Store {
  db = new Database('app.db');
  getDb() {
    return this.db;
  }
  reset() {
    this.db = this.getDb();
  }
  async count() {
    return this.db.prepare('SELECT count(*) FROM t').get();
  }
}`,
      errors: [{ messageId: 'blocking', line: 11, suggestions: [] }],
    },
    {
      name: 'parameter annotated with a type-only import',
      code: `import { type DatabaseSync } from 'node:sqlite';
export function createExecutor(database: DatabaseSync) {
  return {
    async query(sql: string) {
      return database.prepare(sql).all();
    },
  };
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'constructor parameter property',
      code: `import type { DatabaseSync } from 'node:sqlite';
export class UsersRepository {
  constructor(private readonly db: DatabaseSync) {}
  async findAll() {
    return this.db.prepare('SELECT * FROM users').all();
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a field read through a getter, and a getter that feeds its own field',
      code: `import Database from 'better-sqlite3';
export class Store {
  private _db: Database.Database | undefined;
  protected get db(): Database.Database {
    if (!this._db) this._db = this.db;
    return this._db;
  }
  open() {
    this._db = new Database('app.db');
  }
  async find(id: string) {
    return this.db.prepare('SELECT * FROM t WHERE id = ?').get(id);
  }
}`,
      errors: [{ messageId: 'blocking', line: 12, suggestions: [] }],
    },
    {
      name: 'a TypeScript import-equals of the module, in a union with undefined',
      code: `import BetterSqlite3 = require('better-sqlite3');
export class Games {
  private db: BetterSqlite3.Database | undefined;
  async load(id: string) {
    return this.db!.prepare('SELECT game FROM games WHERE id = ?').get(id);
  }
}`,
      errors: [{ messageId: 'blocking', line: 5, suggestions: [] }],
    },
    {
      name: 'annotated class field',
      code: `import * as sqlite from 'node:sqlite';
export class Jobs {
  private db!: sqlite.DatabaseSync;
  async clear() {
    this.db.exec('DELETE FROM jobs');
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },

  ],
});
