import noSyncCrypto from '../../rules/no-sync-crypto.js';
import noSyncFs from '../../rules/no-sync-fs.js';
import noSyncZlib from '../../rules/no-sync-zlib.js';
import { createRuleTester } from '../rule-tester.js';

// Popular packages' sync APIs (issue 14), with every suggestion's output. What is sync was checked by
// running each package (docs/catalog.md, "How the package list was chosen").

const tester = createRuleTester();

tester.run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'the promise APIs',
      code: `import { glob } from 'tinyglobby';
import { deleteAsync } from 'del';
import { rimraf } from 'rimraf';
import { mkdirp } from 'mkdirp';
export async function clean(dir: string) {
  await rimraf(dir);
  await mkdirp(dir);
  await deleteAsync(['tmp/*']);
  return glob(['*.txt']);
}`,
    },
    {
      name: 'sync calls at start-up',
      code: `import { globSync } from 'tinyglobby';
import mkdirp from 'mkdirp';
mkdirp.sync('uploads');
export const routes = globSync(['routes/*.js']);`,
    },
  ],
  invalid: [
    {
      name: 'mkdirp.sync -> fs.promises.mkdir recursive (every mkdirp major), through the named export too',
      code: `import { mkdirp } from 'mkdirp';
export async function upload(dir: string) {
  const made = mkdirp.sync(dir);
  return made;
}`,
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { mkdirp } from 'mkdirp';
import { mkdir } from 'node:fs/promises';
export async function upload(dir: string) {
  const made = await mkdir(dir, { recursive: true });
  return made;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'rimraf.sync -> fs.promises.rm as a statement; no suggestion where its boolean is read',
      code: `const rimraf = require('rimraf');
exports.reset = async function reset(dir) {
  rimraf.sync(dir);
  return rimraf.sync(dir + '.bak');
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const rimraf = require('rimraf');
const { rm } = require('node:fs/promises');
exports.reset = async function reset(dir) {
  await rm(dir, { recursive: true, force: true });
  return rimraf.sync(dir + '.bak');
};`,
            },
          ],
        },
        { messageId: 'blocking', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'tinyglobby, del and make-dir twins in a sync Express handler made async',
      code: `import express from 'express';
import { globSync } from 'tinyglobby';
import { deleteSync } from 'del';
const app = express();
app.post('/clean', (req, res) => {
  deleteSync(globSync(['tmp/*']));
  res.end();
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import { globSync } from 'tinyglobby';
import { deleteSync, deleteAsync } from 'del';
const app = express();
app.post('/clean', async (req, res) => {
  await deleteAsync(globSync(['tmp/*']));
  res.end();
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import { globSync, glob } from 'tinyglobby';
import { deleteSync } from 'del';
const app = express();
app.post('/clean', async (req, res) => {
  deleteSync(await glob(['tmp/*']));
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'old majors: del.sync, makeDir.sync, findUp.sync -> the promise-returning default export',
      code: `const del = require('del');
const makeDir = require('make-dir');
async function run(dir) {
  del.sync([dir]);
  await makeDir.sync(dir);
}
module.exports = run;`,
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const del = require('del');
const makeDir = require('make-dir');
async function run(dir) {
  await del([dir]);
  await makeDir.sync(dir);
}
module.exports = run;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const del = require('del');
const makeDir = require('make-dir');
async function run(dir) {
  del.sync([dir]);
  await makeDir(dir);
}
module.exports = run;`,
            },
          ],
        },
      ],
    },
    {
      name: 'tmp and which have no rewrite that fits every version',
      code: `import tmp from 'tmp';
import which from 'which';
export async function convert() {
  const file = tmp.fileSync({ postfix: '.pdf' });
  return [file, which.sync('gs')];
}`,
      errors: [
        { messageId: 'blocking', line: 4, suggestions: [] },
        { messageId: 'blocking', line: 5, suggestions: [] },
      ],
    },
  ],
});

tester.run('no-sync-zlib', noSyncZlib, {
  valid: [
    {
      name: 'an empty archive, the promise forms, tar without sync',
      code: `import AdmZip from 'adm-zip';
import * as tar from 'tar';
export async function pack(dir: string) {
  const zip = new AdmZip();
  zip.addFile('a.txt', Buffer.from('a'));
  await zip.writeZipPromise('out.zip');
  await tar.x({ file: 'a.tgz', cwd: dir });
  await tar.c({ file: 'b.tgz', sync: false }, ['a']);
}`,
    },
    {
      name: 'an archive opened once at start-up and kept',
      code: `import AdmZip from 'adm-zip';
let assets: AdmZip | undefined;
export async function asset(name: string) {
  assets ??= new AdmZip('assets.zip');
  return assets.getEntry(name);
}`,
    },
  ],
  invalid: [
    {
      name: 'adm-zip: opening the archive, and each sync method with its promise twin',
      code: `import AdmZip from 'adm-zip';
export async function unpack(file: string, dir: string) {
  const zip = new AdmZip(file);
  zip.extractAllTo(dir, true);
  const copy = zip.toBuffer();
  zip.writeZip(file + '.bak');
  return zip.readAsText('README');
}`,
      errors: [
        { messageId: 'blocking', line: 3, column: 19, endColumn: 25, suggestions: [] },
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import AdmZip from 'adm-zip';
export async function unpack(file: string, dir: string) {
  const zip = new AdmZip(file);
  await zip.extractAllToAsync(dir, true);
  const copy = zip.toBuffer();
  zip.writeZip(file + '.bak');
  return zip.readAsText('README');
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import AdmZip from 'adm-zip';
export async function unpack(file: string, dir: string) {
  const zip = new AdmZip(file);
  zip.extractAllTo(dir, true);
  const copy = await zip.toBufferPromise();
  zip.writeZip(file + '.bak');
  return zip.readAsText('README');
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import AdmZip from 'adm-zip';
export async function unpack(file: string, dir: string) {
  const zip = new AdmZip(file);
  zip.extractAllTo(dir, true);
  const copy = zip.toBuffer();
  await zip.writeZipPromise(file + '.bak');
  return zip.readAsText('README');
}`,
            },
          ],
        },
        { messageId: 'blocking', line: 7, suggestions: [] },
      ],
    },
    {
      name: 'tar with sync: true -> the promise form when it has a file',
      code: `import * as tar from 'tar';
export async function unpack(file: string, cwd: string) {
  tar.x({ sync: true, file, cwd });
  tar.create({ gzip: true, file: 'b.tgz', sync: true }, ['a']);
  return tar.c({ sync: true }, ['a']);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as tar from 'tar';
export async function unpack(file: string, cwd: string) {
  await tar.x({ file, cwd });
  tar.create({ gzip: true, file: 'b.tgz', sync: true }, ['a']);
  return tar.c({ sync: true }, ['a']);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as tar from 'tar';
export async function unpack(file: string, cwd: string) {
  tar.x({ sync: true, file, cwd });
  await tar.create({ gzip: true, file: 'b.tgz' }, ['a']);
  return tar.c({ sync: true }, ['a']);
}`,
            },
          ],
        },
        { messageId: 'blocking', line: 5, suggestions: [] },
      ],
    },
  ],
});

tester.run('no-sync-crypto', noSyncCrypto, {
  valid: [
    {
      name: 'node-forge with callbacks runs asynchronously',
      code: `import forge from 'node-forge';
export async function keys() {
  return new Promise((resolve) => forge.pki.rsa.generateKeyPair({ bits: 2048, workers: -1 }, (err, pair) => resolve(pair)));
}`,
    },
  ],
  invalid: [
    {
      name: "bcrypt-nodejs's callback hash and compare run the sync hash on the event loop",
      code: `import bcrypt from 'bcrypt-nodejs';
export function login(pw: string, stored: string, done: (ok: boolean) => void) {
  return new Promise(() => {});
}
export async function register(pw: string) {
  return new Promise((resolve) => bcrypt.hash(pw, null, null, (err, hash) => resolve(hash)));
}
export async function check(pw: string, stored: string) {
  return new Promise((resolve) => bcrypt.compare(pw, stored, (err, ok) => resolve(ok)));
}`,
      errors: [
        { messageId: 'blocking', line: 6, suggestions: [] },
        { messageId: 'blocking', line: 9, suggestions: [] },
      ],
    },
    {
      name: 'crypto-js PBKDF2 and node-forge without callbacks derive and generate on the event loop',
      code: `const CryptoJS = require('crypto-js');
const pbkdf2 = require('crypto-js/pbkdf2');
const forge = require('node-forge');
app.post('/login', (req, res) => {
  const key = CryptoJS.PBKDF2(req.body.password, salt, { keySize: 8, iterations: 10000 });
  const again = pbkdf2(req.body.password, salt, { iterations: 10000 });
  const pair = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  res.json({ key: key.toString(), again: again.toString(), pair });
});`,
      errors: [
        { messageId: 'blocking', line: 5, suggestions: [] },
        { messageId: 'blocking', line: 6, suggestions: [] },
        { messageId: 'blocking', line: 7, suggestions: [] },
      ],
    },
  ],
});
