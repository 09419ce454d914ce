import noBlockingHttp from '../../rules/no-blocking-http.js';
import noBusyWait from '../../rules/no-busy-wait.js';
import noSyncChildProcess from '../../rules/no-sync-child-process.js';
import noSyncCrypto from '../../rules/no-sync-crypto.js';
import noSyncDatabase from '../../rules/no-sync-database.js';
import noSyncFs from '../../rules/no-sync-fs.js';
import noSyncZlib from '../../rules/no-sync-zlib.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'settings allow silences a built-in fs entry',
      code: `import fs from 'node:fs';
export async function has(p: string) {
  return fs.existsSync(p);
}`,
      settings: {'event-loop':{allow: [{module: 'fs',export: 'existsSync'}]}},
    },
    {
      name: 'settings allow by export name silences every module',
      code: `import fse from 'fs-extra';
export async function has(p: string) {
  return fse.pathExistsSync(p);
}`,
      settings: {'event-loop':{allow: ['pathExistsSync']}},
    },
    {
      name: 'settings allow silences a user entry too',
      code: `import { loadSync } from '#lib/config';
export async function config() {
  return loadSync('app');
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}],allow: [{module: '#lib/config',export: 'loadSync'}]}},
    },
    {
      name: 'user entry at start-up is not reported',
      code: `import { loadSync } from '#lib/config';
export const config = loadSync('app');`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
    },
    {
      name: 'a user entry of another family is not this rule',
      code: `import { hashSync } from '#lib/password';
export async function hash(pw: string) {
  return hashSync(pw);
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/password',export: 'hashSync',family: 'crypto'}]}},
    },
  ],
  invalid: [
    {
      name: 'user entry with a replacement import: a real await rewrite (named import)',
      code: `import { loadSync } from '#lib/config';
export async function config(name: string) {
  const value = loadSync(name);
  return value;
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { loadSync, load } from '#lib/config';
export async function config(name: string) {
  const value = await load(name);
  return value;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'user entry with a replacement on the same module object',
      code: `import configLoader from '#lib/config';
export async function config(name: string) {
  return configLoader.loadSync(name).port;
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import configLoader from '#lib/config';
export async function config(name: string) {
  return (await configLoader.load(name)).port;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'user entry through require',
      code: `const { loadSync } = require('#lib/config');
module.exports = async function config() {
  return loadSync('app');
};`,
      filename: 'file.js',
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { loadSync, load } = require('#lib/config');
module.exports = async function config() {
  return await load('app');
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'user entry with a text replacement: message only',
      code: `import templates from '#lib/templates';
export async function page(name: string) {
  return templates.renderSync(name);
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'user entry with a nested export path and its own message',
      code: `import cache from '#lib/cache';
export async function get(key: string) {
  return cache.sync.read(key);
}`,
      settings: {'event-loop':{blockingApis: [{module: '#lib/config',export: 'loadSync',family: 'fs',replacement: {module: '#lib/config',export: 'load'}},{module: '#lib/templates',export: 'renderSync',family: 'fs',replacement: 'templates.render'},{module: '#lib/cache',export: 'sync.read',family: 'fs',message: 'Read the cache at start-up and keep it in memory.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: 'allow in settings leaves other entries reported',
      code: `import fs from 'node:fs';
export async function read(p: string) {
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
}`,
      settings: {'event-loop':{allow: [{module: 'node:fs',export: 'existsSync'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export async function read(p: string) {
  return fs.existsSync(p) ? await fs.promises.readFile(p, 'utf8') : '';
}`,
            },
          ],
        },
      ],
    },

  ],
});

createRuleTester().run('no-sync-child-process', noSyncChildProcess, {
  valid: [
    {
      name: 'settings allow silences execSync',
      code: `import { execSync } from 'node:child_process';
export async function rev() {
  return execSync('git rev-parse HEAD', { encoding: 'utf8' });
}`,
      settings: {'event-loop':{allow: [{module: 'child_process',export: 'execSync'}]}},
    },
    {
      name: 'user entry in a plain sync function',
      code: `import { runSync } from '@acme/shell';
export function rev() {
  return runSync('git rev-parse HEAD');
}`,
      settings: {'event-loop':{blockingApis: [{module: '@acme/shell',export: 'runSync',family: 'child-process',replacement: {module: '@acme/shell',export: 'run'}}]}},
    },
  ],
  invalid: [
    {
      name: 'user child-process entry with an async replacement',
      code: `import { runSync } from '@acme/shell';
export async function rev() {
  return runSync('git rev-parse HEAD').trim();
}`,
      settings: {'event-loop':{blockingApis: [{module: '@acme/shell',export: 'runSync',family: 'child-process',replacement: {module: '@acme/shell',export: 'run'}}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { runSync, run } from '@acme/shell';
export async function rev() {
  return (await run('git rev-parse HEAD')).trim();
}`,
            },
          ],
        },
      ],
    },

  ],
});

createRuleTester().run('no-blocking-http', noBlockingHttp, {
  valid: [
    {
      name: 'settings allow silences urllib-sync',
      code: `import urllib from 'urllib-sync';
export async function ping(url: string) {
  return urllib.request(url);
}`,
      settings: {'event-loop':{allow: [{module: 'urllib-sync',export: 'request'}]}},
    },
    {
      name: 'settings allow by api name silences sync-request',
      code: `import request from 'sync-request';
export async function ping(url: string) {
  return request('GET', url);
}`,
      settings: {'event-loop':{allow: ['sync-request']}},
    },
  ],
  invalid: [
    {
      name: 'user http entry with a text replacement',
      code: `import http from 'legacy-http';
app.get('/proxy', async (req, res) => {
  res.send(http.getSync(req.query.url));
});`,
      settings: {'event-loop':{blockingApis: [{module: 'legacy-http',export: 'getSync',family: 'http',replacement: 'fetch'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },

  ],
});

createRuleTester().run('no-busy-wait', noBusyWait, {
  valid: [
    {
      name: 'settings allow silences sleep.msleep',
      code: `import sleep from 'sleep';
export async function retry() {
  sleep.msleep(100);
}`,
      settings: {'event-loop':{allow: [{module: 'sleep',export: 'msleep'}]}},
    },
  ],
  invalid: [
    {
      name: 'user busy-wait entry with its own message',
      code: `import { pause } from '@acme/timing';
export async function retry(task: () => Promise<void>) {
  pause(250);
  await task();
}`,
      settings: {'event-loop':{blockingApis: [{module: '@acme/timing',export: 'pause',family: 'busy-wait',message: 'Use `await setTimeout(ms)` from `node:timers/promises`.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a sleep gets the timer suggestion and no pool suggestion',
      code: `import sleep from 'sleep';
export async function retry() {
  sleep.msleep(100);
}`,
      settings: {'event-loop':{workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import sleep from 'sleep';
import { setTimeout as sleepAsync } from 'node:timers/promises';
export async function retry() {
  await sleepAsync(100);
}`,
            },
          ],
        },
      ],
    },

  ],
});

createRuleTester().run('no-sync-crypto', noSyncCrypto, {
  valid: [
    {
      name: 'settings allow silences scryptSync',
      code: `import { scryptSync } from 'node:crypto';
export async function derive(pw: string) {
  return scryptSync(pw, 'salt', 64);
}`,
      settings: {'event-loop':{allow: [{module: 'node:crypto',export: 'scryptSync'}]}},
    },
  ],
  invalid: [
    {
      name: 'user crypto entry without a replacement: the worker pool is the only suggestion',
      code: `import argon2 from 'argon2-sync';
export async function hash(pw: string) {
  return argon2.hash(pw);
}`,
      settings: {'event-loop':{blockingApis: [{module: 'argon2-sync',export: 'hash',family: 'crypto'}],workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestOffload',
              output: `import argon2 from 'argon2-sync';
import { offload } from '#lib/offload';
export async function hash(pw: string) {
  return await offload('argon2-sync', 'hash', pw);
}`,
            },
          ],
        },
      ],
    },

  ],
});

createRuleTester().run('no-sync-zlib', noSyncZlib, {
  valid: [
    {
      name: 'settings allow silences inflateSync',
      code: `import zlib from 'zlib';
export async function unpack(data: Buffer) {
  return zlib.inflateSync(data);
}`,
      settings: {'event-loop':{allow: [{module: 'zlib',export: 'inflateSync'}]}},
    },
  ],
  invalid: [
    {
      name: 'user zlib entry with an async replacement',
      code: `import { compressSync } from 'snappy';
export async function pack(data: Buffer) {
  return compressSync(data);
}`,
      settings: {'event-loop':{blockingApis: [{module: 'snappy',export: 'compressSync',family: 'zlib',replacement: {module: 'snappy',export: 'compress'}},{module: 'node:zlib',export: 'gzipSync',family: 'zlib',message: 'Use the gzip stream from `#lib/compress`.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { compressSync, compress } from 'snappy';
export async function pack(data: Buffer) {
  return await compress(data);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a user entry for a builtin replaces its message (also without the node: prefix)',
      code: `import zlib from 'zlib';
export async function pack(data: Buffer) {
  return zlib.gzipSync(data);
}`,
      settings: {'event-loop':{blockingApis: [{module: 'snappy',export: 'compressSync',family: 'zlib',replacement: {module: 'snappy',export: 'compress'}},{module: 'node:zlib',export: 'gzipSync',family: 'zlib',message: 'Use the gzip stream from `#lib/compress`.'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },

  ],
});

createRuleTester().run('no-sync-database', noSyncDatabase, {
  valid: [
    {
      name: 'settings allow by api name silences Database#exec',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function migrate() {
  db.exec('create table t (id integer)');
}`,
      settings: {'event-loop':{allow: ['better-sqlite3 Database#exec']}},
    },
    {
      name: 'a user instance method at start-up',
      code: `import { Client } from 'legacy-db';
const client = new Client();
export const users = client.querySync('select * from users');`,
      settings: {'event-loop':{blockingApis: [{module: 'legacy-db',export: 'Client',instance: 'new',method: 'querySync',family: 'database'},{module: 'legacy-db',export: 'connect',instance: 'call',method: 'execSync',family: 'database',message: 'Use `legacyDb.exec` from `#lib/db-pool` (a worker owns the connection).'}],workerPool: {module: '#lib/offload',export: 'offload'}}},
    },
  ],
  invalid: [
    {
      name: 'user instance method: reported, no rewrite, advice points to the worker-owns-its-instance pattern',
      code: `import { Client } from 'legacy-db';
const client = new Client();
export async function users() {
  return client.querySync('select * from users');
}`,
      settings: {'event-loop':{blockingApis: [{module: 'legacy-db',export: 'Client',instance: 'new',method: 'querySync',family: 'database'},{module: 'legacy-db',export: 'connect',instance: 'call',method: 'execSync',family: 'database',message: 'Use `legacyDb.exec` from `#lib/db-pool` (a worker owns the connection).'}],workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: 'user instance method on what a call returns, with its own message, through a class field',
      code: `import { connect } from 'legacy-db';
export class Repo {
  db = connect('main');
  async clear() {
    this.db.execSync('delete from t');
  }
}`,
      settings: {'event-loop':{blockingApis: [{module: 'legacy-db',export: 'Client',instance: 'new',method: 'querySync',family: 'database'},{module: 'legacy-db',export: 'connect',instance: 'call',method: 'execSync',family: 'database',message: 'Use `legacyDb.exec` from `#lib/db-pool` (a worker owns the connection).'}],workerPool: {module: '#lib/offload',export: 'offload'}}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },

  ],
});
