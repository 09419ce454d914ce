import noSyncCrypto from '../../rules/no-sync-crypto.js';
import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-crypto', noSyncCrypto, {
  valid: [
    {
      name: 'offload helper set: top level is still start-up code',
      code: `import bcrypt from 'bcryptjs';
export const adminHash = bcrypt.hashSync(process.env.ADMIN ?? '', 10);`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
    },
    {
      name: 'the awaited offload call itself is not reported',
      code: `import { offload } from '#lib/offload';
export async function register(pw: string) {
  return offload('bcryptjs', 'hashSync', pw, 10);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
    },
    {
      name: 'a function passed to the offload helper runs in the pool',
      code: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function register(pw: string) {
  return offload(() => bcrypt.hashSync(pw, 10));
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
    },
    {
      name: 'a function passed to the helper through a namespace import',
      code: `import bcrypt from 'bcryptjs';
import * as pool from '#lib/offload';
export async function register(pw: string) {
  return pool.offload(async () => bcrypt.hashSync(pw, 10));
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
    },
  ],
  invalid: [
    {
      name: 'in place: twin first, then the pool, import added',
      code: `import bcrypt from 'bcryptjs';
export async function register(password: string) {
  const hash = bcrypt.hashSync(password, 12);
  return { hash };
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
export async function register(password: string) {
  const hash = await bcrypt.hash(password, 12);
  return { hash };
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function register(password: string) {
  const hash = await offload('bcryptjs', 'hashSync', password, 12);
  return { hash };
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no pool suggestion without the setting',
      code: `import bcrypt from 'bcryptjs';
export async function register(password: string) {
  return bcrypt.hashSync(password, 12);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
export async function register(password: string) {
  return await bcrypt.hash(password, 12);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'make-async: a sync Express handler',
      code: `import express from 'express';
import bcrypt from 'bcryptjs';
const app = express();
app.post('/register', (req, res) => {
  const hash = bcrypt.hashSync(req.body.password, 12);
  res.json({ hash });
});`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import bcrypt from 'bcryptjs';
const app = express();
app.post('/register', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, 12);
  res.json({ hash });
});`,
            },
            {
              messageId: 'suggestOffloadMakeAsyncNote',
              output: `import express from 'express';
import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
const app = express();
app.post('/register', async (req, res) => {
  const hash = await offload('bcryptjs', 'hashSync', req.body.password, 12);
  res.json({ hash });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'make-async: a sync Hono handler',
      code: `import { Hono } from 'hono';
import bcrypt from 'bcryptjs';
const app = new Hono();
app.post('/register', (c) => {
  const password = c.req.header('x-password') ?? '';
  return c.json({ hash: bcrypt.hashSync(password, 12) });
});`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Hono } from 'hono';
import bcrypt from 'bcryptjs';
const app = new Hono();
app.post('/register', async (c) => {
  const password = c.req.header('x-password') ?? '';
  return c.json({ hash: await bcrypt.hash(password, 12) });
});`,
            },
            {
              messageId: 'suggestOffloadMakeAsync',
              output: `import { Hono } from 'hono';
import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
const app = new Hono();
app.post('/register', async (c) => {
  const password = c.req.header('x-password') ?? '';
  return c.json({ hash: await offload('bcryptjs', 'hashSync', password, 12) });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Promise.all: a map callback in an async function',
      code: `import { compareSync } from 'bcryptjs';
export async function verifyAll(password: string, hashes: string[]) {
  return hashes.map((hash) => compareSync(password, hash));
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import { compareSync, compare } from 'bcryptjs';
export async function verifyAll(password: string, hashes: string[]) {
  return await Promise.all(hashes.map(async (hash) => await compare(password, hash)));
}`,
            },
            {
              messageId: 'suggestOffloadPromiseAll',
              output: `import { compareSync } from 'bcryptjs';
import { offload } from '#lib/offload';
export async function verifyAll(password: string, hashes: string[]) {
  return await Promise.all(hashes.map(async (hash) => await offload('bcryptjs', 'compareSync', password, hash)));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses an existing helper import',
      code: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function check(pw: string, stored: { hash: string }) {
  const salt = await offload('bcryptjs', 'genSaltSync', 10);
  return [salt, bcrypt.compareSync(pw, stored.hash)];
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function check(pw: string, stored: { hash: string }) {
  const salt = await offload('bcryptjs', 'genSaltSync', 10);
  return [salt, await bcrypt.compare(pw, stored.hash)];
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function check(pw: string, stored: { hash: string }) {
  const salt = await offload('bcryptjs', 'genSaltSync', 10);
  return [salt, await offload('bcryptjs', 'compareSync', pw, stored.hash)];
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'extends an existing import of the helper module',
      code: `import bcrypt from 'bcryptjs';
import { closeOffloadPool } from '#lib/offload';
export async function hash(pw: string) {
  return bcrypt.hashSync(pw, 10);
}
export { closeOffloadPool };`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { closeOffloadPool } from '#lib/offload';
export async function hash(pw: string) {
  return await bcrypt.hash(pw, 10);
}
export { closeOffloadPool };`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { closeOffloadPool, offload } from '#lib/offload';
export async function hash(pw: string) {
  return await offload('bcryptjs', 'hashSync', pw, 10);
}
export { closeOffloadPool };`,
            },
          ],
        },
      ],
    },
    {
      name: 'avoids a name clash with a local offload',
      code: `import bcrypt from 'bcryptjs';
const offload = 1;
export async function hash(pw: string) {
  return bcrypt.hashSync(pw, offload);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
const offload = 1;
export async function hash(pw: string) {
  return await bcrypt.hash(pw, offload);
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { offload as offloadAsync } from '#lib/offload';
const offload = 1;
export async function hash(pw: string) {
  return await offloadAsync('bcryptjs', 'hashSync', pw, offload);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS adds a require of the helper',
      code: `const bcrypt = require('bcryptjs');
module.exports.hash = async (pw) => bcrypt.hashSync(pw, 10);`,
      filename: 'file.js',
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const bcrypt = require('bcryptjs');
module.exports.hash = async (pw) => await bcrypt.hash(pw, 10);`,
            },
            {
              messageId: 'suggestOffload',
              output: `const bcrypt = require('bcryptjs');
const { offload } = require('#lib/offload');
module.exports.hash = async (pw) => await offload('bcryptjs', 'hashSync', pw, 10);`,
            },
          ],
        },
      ],
    },
    {
      name: 'default-export helper',
      code: `import bcrypt from 'bcryptjs';
export async function hash(pw: string) {
  return bcrypt.hashSync(pw, 10);
}`,
      settings: {'event-loop':{workerPool: {module: '@acme/pool',export: 'default'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
export async function hash(pw: string) {
  return await bcrypt.hash(pw, 10);
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import pool from '@acme/pool';
export async function hash(pw: string) {
  return await pool('bcryptjs', 'hashSync', pw, 10);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'parenthesised where the result is read',
      code: `import bcrypt from 'bcryptjs';
export async function prefix(pw: string) {
  return bcrypt.hashSync(pw, 10).slice(0, 7);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
export async function prefix(pw: string) {
  return (await bcrypt.hash(pw, 10)).slice(0, 7);
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
export async function prefix(pw: string) {
  return (await offload('bcryptjs', 'hashSync', pw, 10)).slice(0, 7);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'crossable arguments: literals, member reads, templates, arrays, objects, operators',
      code: `import bcrypt from 'bcryptjs';
const ROUNDS = 10;
export async function hash(req: { body: { pw: string } }, user: { id: number }) {
  return bcrypt.hashSync(\`\${req.body.pw}:\${user.id}\`, process.env.ROUNDS ? Number.NaN || ROUNDS + 1 : -ROUNDS);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
const ROUNDS = 10;
export async function hash(req: { body: { pw: string } }, user: { id: number }) {
  return await bcrypt.hash(\`\${req.body.pw}:\${user.id}\`, process.env.ROUNDS ? Number.NaN || ROUNDS + 1 : -ROUNDS);
}`,
            },
            {
              messageId: 'suggestOffload',
              output: `import bcrypt from 'bcryptjs';
import { offload } from '#lib/offload';
const ROUNDS = 10;
export async function hash(req: { body: { pw: string } }, user: { id: number }) {
  return await offload('bcryptjs', 'hashSync', \`\${req.body.pw}:\${user.id}\`, process.env.ROUNDS ? Number.NaN || ROUNDS + 1 : -ROUNDS);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'arguments that cannot cross: no pool suggestion',
      code: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    bcrypt.hashSync(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    await bcrypt.hash(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    bcrypt.hashSync(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    await bcrypt.hash(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    bcrypt.hashSync(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    await bcrypt.hash(pw.trim(), 10);
    bcrypt.hashSync(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    await bcrypt.hash(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    bcrypt.hashSync(...args);
    await bcrypt.hash({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    bcrypt.hashSync(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
import { pepper } from './secrets';
class Users {
  salt = 10;
  async create(pw: string, args: [string, number]) {
    bcrypt.hashSync(pw, this.salt);
    bcrypt.hashSync(pepper, 10);
    bcrypt.hashSync(pw.trim(), 10);
    bcrypt.hashSync(...args);
    bcrypt.hashSync({ toString() { return pw; } } as any, 10);
    const salter = new Salter();
    await bcrypt.hash(pw, salter as any);
  }
}
class Salter {}`,
            },
          ],
        },
      ],
    },
    {
      name: 'call through .call: no pool suggestion',
      code: `import bcrypt from 'bcryptjs';
export async function hash(pw: string) {
  return bcrypt.hashSync.call(bcrypt, pw, 10);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import bcrypt from 'bcryptjs';
export async function hash(pw: string) {
  return await bcrypt.hash.call(bcrypt, pw, 10);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'builtin with an async twin: no pool suggestion (libuv runs it already)',
      code: `import crypto from 'node:crypto';
export async function derive(pw: string) {
  return crypto.pbkdf2Sync(pw, 'salt', 100000, 64, 'sha512');
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import crypto from 'node:crypto';
import { promisify } from 'node:util';
export async function derive(pw: string) {
  return await promisify(crypto.pbkdf2)(pw, 'salt', 100000, 64, 'sha512');
}`,
            },
          ],
        },
      ],
    },

  ],
});

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
  ],
  invalid: [
    {
      name: 'no async twin: the pool is the only suggestion',
      code: `import glob from 'glob';
export async function list(pattern: string) {
  return glob.sync(pattern, { nodir: true });
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestOffload',
              output: `import glob from 'glob';
import { offload } from '#lib/offload';
export async function list(pattern: string) {
  return await offload('glob', 'sync', pattern, { nodir: true });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'builtin fs with a twin: only the async API',
      code: `import fs from 'node:fs';
export async function read(p: string) {
  return fs.readFileSync(p, 'utf8');
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export async function read(p: string) {
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'user entry of a file-relative module: no pool suggestion (the worker would resolve it from its own file)',
      code: `import { loadSync } from './config';
export async function load(name: string) {
  return loadSync(name);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'},blockingApis: [{module: './config',export: 'loadSync',family: 'fs'}]}},
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

  ],
});
