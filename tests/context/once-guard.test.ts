// Lazy initialisation: a blocking call behind an emptiness test of a module variable the file
// assigns runs once per process, not per request (zigbee2mqtt's `settings.get()`, nginx-proxy-manager's
// `instance === null && configure()`, mStream's `if (!irohMod) irohMod = …`).
import noIndirectBlocking from '../../rules/no-indirect-blocking.js';
import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

const tester = createRuleTester();

tester.run('no-sync-fs: lazy initialisation', noSyncFs, {
  valid: [
    {
      name: 'if (!x) x = read(): read once, kept',
      code: `import fs from 'node:fs';
let config: string | null = null;
export async function handler() {
  if (!config) config = fs.readFileSync('config.json', 'utf8');
  return config;
}`,
    },
    {
      name: 'a static member of a class of the file: if (this.connection == null) this.connection = open() in a static method',
      code: `import Database from 'better-sqlite3';
import fs from 'node:fs';
export class SQLConnection {
  private static connection: Database.Database | null = null;
  static async getConnection() {
    if (this.connection == null) {
      fs.mkdirSync('db', { recursive: true });
      this.connection = new Database('db/app.db');
    }
    return this.connection;
  }
  static async reset() {
    SQLConnection.instance ??= fs.readFileSync('db/reset.sql', 'utf8');
  }
  static instance: string | undefined;
}`,
    },
    {
      name: 'x ??= read()',
      code: `import fs from 'node:fs';
let template: string | undefined;
export async function render() {
  template ??= fs.readFileSync('page.html', 'utf8');
  return template;
}`,
    },
    {
      name: 'x || (x = read())',
      code: `import fs from 'node:fs';
let key: Buffer | undefined;
export async function sign() {
  return key || (key = fs.readFileSync('key.pem'));
}`,
    },
    {
      name: 'typeof x === "undefined" guarding a block',
      code: `import fs from 'node:fs';
var schema;
export async function validate() {
  if (typeof schema === 'undefined') {
    schema = JSON.parse(fs.readFileSync('schema.json', 'utf8'));
  }
  return schema;
}`,
    },
  ],
  invalid: [
    {
      name: 'a guard on a constant is not a lazy initialisation',
      code: `import fs from 'node:fs';
const cached = null;
export async function handler() {
  if (!cached) return fs.readFileSync('config.json', 'utf8');
  return cached;
}`,
      errors: [{ messageId: 'blocking', line: 4, column: 23, endLine: 4, endColumn: 38, suggestions: [{ messageId: 'suggestAwait', output: `import fs from 'node:fs';
const cached = null;
export async function handler() {
  if (!cached) return await fs.promises.readFile('config.json', 'utf8');
  return cached;
}` }] }],
    },
    {
      name: 'an instance field is one per instance, and instances may be made per request',
      code: `import fs from 'node:fs';
export class Session {
  private data: string | null = null;
  async load() {
    if (!this.data) this.data = fs.readFileSync('s.json', 'utf8');
    return this.data;
  }
}`,
      errors: [{ messageId: 'blocking', line: 5, column: 33, endLine: 5, endColumn: 48, suggestions: [{ messageId: 'suggestAwait', output: `import fs from 'node:fs';
export class Session {
  private data: string | null = null;
  async load() {
    if (!this.data) this.data = await fs.promises.readFile('s.json', 'utf8');
    return this.data;
  }
}` }] }],
    },
    {
      name: 'a guard on a local variable runs every call',
      code: `import fs from 'node:fs';
export async function handler(path: string | null) {
  let data = null;
  if (!data) data = fs.readFileSync(path ?? 'a', 'utf8');
  return data;
}`,
      errors: [{ messageId: 'blocking', line: 4, column: 21, endLine: 4, endColumn: 36, suggestions: [{ messageId: 'suggestAwait', output: `import fs from 'node:fs';
export async function handler(path: string | null) {
  let data = null;
  if (!data) data = await fs.promises.readFile(path ?? 'a', 'utf8');
  return data;
}` }] }],
    },
  ],
});

tester.run('no-indirect-blocking: lazy initialisation', noIndirectBlocking, {
  valid: [
    {
      name: 'instance === null && configure(): the getter does not block its callers',
      code: `import fs from 'node:fs';
let instance: { engine: string } | null = null;
function configure() {
  instance = JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
function isPostgres() {
  instance === null && configure();
  return instance!.engine === 'pg';
}
export async function handler() {
  return isPostgres();
}`,
    },
  ],
  invalid: [
    {
      name: 'the same helper without the guard blocks',
      code: `import fs from 'node:fs';
let instance: { engine: string } | null = null;
function configure() {
  instance = JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
function isPostgres() {
  configure();
  return instance!.engine === 'pg';
}
export async function handler() {
  return isPostgres();
}`,
      errors: [
        { messageId: 'blocking', line: 7, column: 3, endLine: 7, endColumn: 12, suggestions: [] },
        { messageId: 'blocking', line: 11, column: 10, endLine: 11, endColumn: 20, suggestions: [] },
      ],
    },
  ],
});
