import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'top level is start-up code',
      code: `import fs from 'node:fs';
const config = fs.readFileSync('config.json', 'utf8');`,
    },
    {
      name: 'plain sync function',
      code: `import { readFileSync } from 'fs';
function load(p: string) {
  return readFileSync(p);
}`,
    },
    {
      name: 'parameter shadows the import',
      code: `import { readFileSync } from 'fs';
async function f(readFileSync: (p: string) => string) {
  return readFileSync('x');
}`,
    },
    {
      name: 'local function with the same name',
      code: `function readFileSync(p: string) { return p; }
async function f() {
  return readFileSync('x');
}`,
    },
    {
      name: 'names that end in Sync but are not in the catalog',
      code: `import { Effect } from 'effect';
async function f(user: any, sheet: any) {
  user.validateSync();
  Effect.runSync(Effect.succeed(1));
  sheet.replaceSync('');
}`,
    },
    {
      name: 'async API already',
      code: `import fs from 'node:fs';
async function f() {
  return fs.promises.readFile('a');
}`,
    },
    {
      name: 'allow by export name',
      code: `import fs from 'node:fs';
async function f(p: string) {
  return fs.existsSync(p);
}`,
      options: [{allow: ['existsSync']}],
    },
    {
      name: 'allow by module and export',
      code: `import { statSync } from 'fs';
async function f(p: string) {
  return statSync(p);
}`,
      options: [{allow: [{module: 'node:fs',export: 'statSync'}]}],
    },
    {
      name: 'allow by qualified name',
      code: `import fse from 'fs-extra';
async function f(p: string) {
  return fse.readJsonSync(p);
}`,
      options: [{allow: ['fs-extra.readJsonSync']}],
    },
    {
      name: 'class field initialiser runs at construction',
      code: `import fs from 'fs';
class Store {
  data = fs.readFileSync('a');
  async get() { return this.data; }
}`,
    },
    {
      name: 'require shadowed by a parameter',
      code: `async function f(require: any) {
  return require('fs').readFileSync('x');
}`,
    },
    {
      name: 'type-only import',
      code: `import type * as fs from 'fs';
async function f(x: typeof fs) {
  return x.readFileSync('a');
}`,
    },
    {
      name: 'a relative module named fs',
      code: `import { readFileSync } from './fs';
async function f() {
  return readFileSync('a');
}`,
    },
    {
      name: 'function passed along at top level',
      code: `import fs from 'fs';
const contents = ['a'].map((p) => fs.readFileSync(p));`,
    },
    {
      name: 'fs/promises has no sync API',
      code: `import { readFile } from 'node:fs/promises';
async function f() {
  return readFile('a');
}`,
    },
  ],
  invalid: [
    {
      name: 'default import, member call',
      code: `import fs from 'node:fs';
async function load(p: string) {
  return fs.readFileSync(p, 'utf8');
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
              output: `import fs from 'node:fs';
async function load(p: string) {
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'named import adds an fs/promises import',
      code: `import { readFileSync } from 'fs';
export async function load(p: string) {
  const text = readFileSync(p, 'utf8');
  return text;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
export async function load(p: string) {
  const text = await readFile(p, 'utf8');
  return text;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed import',
      code: `import { readFileSync as read } from 'node:fs';
const f = async (p: string) => read(p);`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { readFileSync as read } from 'node:fs';
import { readFile } from 'node:fs/promises';
const f = async (p: string) => await readFile(p);`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import',
      code: `import * as fs from 'node:fs';
class Repo {
  async list(dir: string) {
    return fs.readdirSync(dir);
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as fs from 'node:fs';
class Repo {
  async list(dir: string) {
    return await fs.promises.readdir(dir);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require with require declared',
      code: `const fs = require('fs');
module.exports = async function read(p) {
  return fs.readFileSync(p, 'utf8');
};`,
      filename: 'file.js',
      languageOptions: {globals: {require: 'readonly',module: 'writable'}},
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
              output: `const fs = require('fs');
module.exports = async function read(p) {
  return await fs.promises.readFile(p, 'utf8');
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed destructured require, require not declared',
      code: `const { readFileSync: read } = require('fs');
async function f() {
  return read('a');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { readFileSync: read } = require('fs');
const { readFile } = require('node:fs/promises');
async function f() {
  return await readFile('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'require inline',
      code: `async function f() {
  require('fs').writeFileSync('a', 'b');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `async function f() {
  await require('fs').promises.writeFile('a', 'b');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'TypeScript import equals',
      code: `import fs = require('fs');
async function f() {
  fs.unlinkSync('a');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs = require('fs');
async function f() {
  await fs.promises.unlink('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'dynamic import',
      code: `async function f() {
  const { mkdirSync } = await import('node:fs');
  mkdirSync('dir');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { mkdir } from 'node:fs/promises';
async function f() {
  const { mkdirSync } = await import('node:fs');
  await mkdir('dir');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'dynamic import with then',
      code: `async function f() {
  import('fs').then((fs) => fs.rmSync('dir'));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'createRequire',
      code: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const fs = require('fs');
export async function f() {
  return fs.statSync('a');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const fs = require('fs');
export async function f() {
  return await fs.promises.stat('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.getBuiltinModule',
      code: `const fs = process.getBuiltinModule('fs');
export async function f() {
  return fs.lstatSync('a');
}`,
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
              output: `const fs = process.getBuiltinModule('fs');
export async function f() {
  return await fs.promises.lstat('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'call and apply',
      code: `import fs from 'fs';
async function f() {
  fs.readFileSync.call(fs, 'a');
  fs.readFileSync.apply(fs, ['b']);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
async function f() {
  await fs.promises.readFile.call(fs, 'a');
  fs.readFileSync.apply(fs, ['b']);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
async function f() {
  fs.readFileSync.call(fs, 'a');
  await fs.promises.readFile.apply(fs, ['b']);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'alias reported where called',
      code: `import fs from 'fs';
const read = fs.readFileSync;
async function f() {
  return read('a');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
const read = fs.readFileSync;
async function f() {
  return await fs.promises.readFile('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'function passed as a value',
      code: `import fs from 'fs';
async function f(paths: string[]) {
  return paths.map(fs.readFileSync);
}`,
      errors: [
        {
          messageId: 'blockingValue',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: 'reuses an existing fs/promises import',
      code: `import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  return [await readFile('a'), readFileSync('b')];
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  return [await readFile('a'), await readFile('b')];
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'extends an existing fs/promises import',
      code: `import { writeFile } from 'fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  await writeFile('a', readFileSync('b'));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { writeFile, readFile } from 'fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  await writeFile('a', await readFile('b'));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses a namespace import of fs/promises',
      code: `import * as fsp from 'fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  return readFileSync('b');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as fsp from 'fs/promises';
import { readFileSync } from 'node:fs';
async function f() {
  return await fsp.readFile('b');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses the fs module object for a named import',
      code: `import fs, { readFileSync } from 'node:fs';
async function f() {
  return readFileSync('b');
}`,
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
              output: `import fs, { readFileSync } from 'node:fs';
async function f() {
  return await fs.promises.readFile('b');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'avoids a name clash',
      code: `import { readFileSync } from 'fs';
const readFile = 1;
async function f() {
  return readFileSync('a');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { readFileSync } from 'fs';
import { readFile as readFileAsync } from 'node:fs/promises';
const readFile = 1;
async function f() {
  return await readFileAsync('a');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'parenthesises for member access',
      code: `import fs from 'fs';
async function f(p: string) {
  return fs.readFileSync(p).toString('utf8');
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
              output: `import fs from 'fs';
async function f(p: string) {
  return (await fs.promises.readFile(p)).toString('utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'existsSync keeps a boolean',
      code: `import fs from 'fs';
async function f(p: string) {
  if (!fs.existsSync(p)) return null;
  return p;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
async function f(p: string) {
  if (!await fs.promises.access(p).then(() => true, () => false)) return null;
  return p;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'fd API through promisify',
      code: `import fs from 'fs';
async function f(fd: number) {
  fs.closeSync(fd);
}`,
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
              output: `import fs from 'fs';
import { promisify } from 'node:util';
async function f(fd: number) {
  await promisify(fs.close)(fd);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'readSync keeps the byte count',
      code: `import { readSync } from 'fs';
async function f(fd: number, buf: Buffer) {
  const n = readSync(fd, buf, 0, 10, 0);
  return n;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { readSync, read } from 'fs';
import { promisify } from 'node:util';
async function f(fd: number, buf: Buffer) {
  const n = (await promisify(read)(fd, buf, 0, 10, 0)).bytesRead;
  return n;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'map callback becomes Promise.all',
      code: `import fs from 'fs';
async function f(names: string[]) {
  const files = names.map((n) => fs.readFileSync(n, 'utf8'));
  return files.join('');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import fs from 'fs';
async function f(names: string[]) {
  const files = await Promise.all(names.map(async (n) => await fs.promises.readFile(n, 'utf8')));
  return files.join('');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'forEach statement becomes Promise.all over map',
      code: `import fs from 'fs';
async function f(names: string[]) {
  names.forEach(function (n) {
    fs.unlinkSync(n);
  });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import fs from 'fs';
async function f(names: string[]) {
  await Promise.all(names.map(async function (n) {
    await fs.promises.unlink(n);
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'filter callback has no valid rewrite',
      code: `import fs from 'fs';
async function f(names: string[]) {
  return names.filter((n) => fs.existsSync(n));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      name: 'object literal async method',
      code: `import fs from 'fs';
export const store = {
  async load() {
    return fs.readFileSync('a');
  },
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
export const store = {
  async load() {
    return await fs.promises.readFile('a');
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'fs-extra member and named import',
      code: `import fse, { outputJsonSync } from 'fs-extra';
async function f() {
  const data = fse.readJsonSync('a.json');
  outputJsonSync('b.json', data);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fse, { outputJsonSync } from 'fs-extra';
async function f() {
  const data = await fse.readJson('a.json');
  outputJsonSync('b.json', data);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fse, { outputJsonSync } from 'fs-extra';
async function f() {
  const data = fse.readJsonSync('a.json');
  await fse.outputJson('b.json', data);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'graceful-fs',
      code: `const gfs = require('graceful-fs');
async function f() {
  return gfs.readdirSync('.');
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
              output: `const gfs = require('graceful-fs');
async function f() {
  return await gfs.promises.readdir('.');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'use server directive keeps its place',
      code: `'use server';
const { writeFileSync } = require('node:fs');
export async function save(data: string) {
  writeFileSync('a', data);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `'use server';
import { writeFile } from 'node:fs/promises';
const { writeFileSync } = require('node:fs');
export async function save(data: string) {
  await writeFile('a', data);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'glob sync has no single rewrite',
      code: `import glob from 'glob';
async function f() {
  return glob.sync('*.js');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      name: 'timer callback inside an async function',
      code: `import fs from 'fs';
async function f() {
  setTimeout(() => fs.unlinkSync('a'), 10);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'realpathSync.native',
      code: `import fs from 'fs';
async function f(p: string) {
  return fs.realpathSync.native(p);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
async function f(p: string) {
  return await fs.promises.realpath(p);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'optional call',
      code: `import fs from 'fs';
async function f(p: string) {
  return fs.readFileSync?.(p);
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
              output: `import fs from 'fs';
async function f(p: string) {
  return await fs.promises.readFile?.(p);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'async generator',
      code: `import fs from 'fs';
async function* lines(p: string) {
  yield fs.readFileSync(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'fs';
async function* lines(p: string) {
  yield await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'write-file-atomic sync from a require member adds a require of the default export',
      code: `const writeFileAtomicSync = require('write-file-atomic').sync;
router.post('/save', async (req, res) => {
  writeFileAtomicSync(req.body.path, req.body.data);
  res.end();
});`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const writeFileAtomicSync = require('write-file-atomic').sync;
const writeFileAtomic = require('write-file-atomic');
router.post('/save', async (req, res) => {
  await writeFileAtomic(req.body.path, req.body.data);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'write-file-atomic named sync import gains a default import',
      code: `import { sync as writeSync } from 'write-file-atomic';
export async function save(p: string, data: string) {
  writeSync(p, data);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import writeFileAtomic, { sync as writeSync } from 'write-file-atomic';
export async function save(p: string, data: string) {
  await writeFileAtomic(p, data);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS file adds a require after the last one',
      code: `'use strict';
const path = require('path');
const { statSync } = require('fs');
module.exports.size = async (p) => statSync(path.resolve(p)).size;`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `'use strict';
const path = require('path');
const { statSync } = require('fs');
const { stat } = require('node:fs/promises');
module.exports.size = async (p) => (await stat(path.resolve(p))).size;`,
            },
          ],
        },
      ],
    },

  ],
});
