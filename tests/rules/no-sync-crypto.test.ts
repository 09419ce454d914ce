import noSyncCrypto from '../../rules/no-sync-crypto.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-crypto', noSyncCrypto, {
  valid: [
    {
      name: 'top level key derivation is start-up code',
      code: `import crypto from 'node:crypto';
export const key = crypto.pbkdf2Sync(process.env.SECRET ?? '', 'salt', 100000, 32, 'sha256');`,
    },
    {
      name: 'plain sync function',
      code: `import { scryptSync } from 'crypto';
export function derive(p: string) {
  return scryptSync(p, 'salt', 64);
}`,
    },
    {
      name: 'mongoose validateSync is not crypto',
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ name: String }));
export async function create(body: unknown) {
  const user = new User(body);
  const error = user.validateSync();
  if (error) throw error;
  return user.save();
}`,
    },
    {
      name: 'user-defined hashSync in the file',
      code: `function hashSync(value: string) {
  return value.split('').reverse().join('');
}
export async function sign(body: string) {
  return hashSync(body);
}`,
    },
    {
      name: 'bcrypt hash awaited',
      code: `import bcrypt from 'bcrypt';
export async function register(password: string) {
  const salt = await bcrypt.genSalt(12);
  const hash = await bcrypt.hash(password, salt);
  return bcrypt.compare(password, hash).then((ok) => ok && hash);
}`,
    },
    {
      name: 'randomBytes with a small constant size',
      code: `import crypto from 'crypto';
const TOKEN_BYTES = 32;
export async function token() {
  const id = crypto.randomBytes(16).toString('hex');
  const secret = crypto.randomBytes(TOKEN_BYTES * 2).toString('base64url');
  return { id, secret, iv: crypto.randomBytes(0x10) };
}`,
    },
    {
      name: 'randomBytes with a callback',
      code: `import crypto from 'node:crypto';
export async function bytes(n: number) {
  return new Promise<Buffer>((resolve, reject) => {
    crypto.randomBytes(n, (err, buf) => (err ? reject(err) : resolve(buf)));
  });
}`,
    },
    {
      name: 'randomInt, randomUUID and getRandomValues are cheap',
      code: `import { randomInt, randomUUID, getRandomValues } from 'node:crypto';
export async function pick(items: string[]) {
  const id = randomUUID();
  getRandomValues(new Uint8Array(16));
  return [id, items[randomInt(items.length)]];
}`,
    },
    {
      name: 'randomFillSync of a small constant buffer',
      code: `import { randomFillSync } from 'crypto';
export async function nonce() {
  const a = randomFillSync(Buffer.alloc(16));
  const b = randomFillSync(new Uint32Array(4));
  return [a, b];
}`,
    },
    {
      name: 'shadowed bcrypt import',
      code: `import bcrypt from 'bcryptjs';
export async function check(bcrypt: { compareSync(a: string, b: string): boolean }, a: string, b: string) {
  return bcrypt.compareSync(a, b);
}`,
    },
    {
      name: 'promisified pbkdf2 already',
      code: `import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
const pbkdf2Async = promisify(pbkdf2);
export async function derive(p: string) {
  return pbkdf2Async(p, 'salt', 100000, 64, 'sha512');
}`,
    },
    {
      name: 'scrypt with a callback',
      code: `const crypto = require('crypto');
module.exports = async function derive(p) {
  return new Promise((resolve, reject) => crypto.scrypt(p, 'salt', 64, (e, key) => (e ? reject(e) : resolve(key))));
};`,
      filename: 'file.js',
    },
    {
      name: 'web crypto is async',
      code: `import { webcrypto } from 'node:crypto';
export async function digest(data: Uint8Array) {
  return webcrypto.subtle.digest('SHA-256', data);
}`,
    },
    {
      name: 'a relative module with the same export names',
      code: `import { hashSync, compareSync } from './password';
export async function login(p: string, h: string) {
  return compareSync(p, h) ? hashSync(p) : null;
}`,
    },
    {
      name: 'argon2 has no sync API',
      code: `import argon2 from 'argon2';
export async function hash(p: string) {
  return argon2.hash(p);
}`,
    },
    {
      name: 'allow option',
      code: `import crypto from 'crypto';
export async function bytes(n: number) {
  return crypto.randomBytes(n);
}`,
      options: [{allow: ['randomBytes']}],
    },
    {
      name: 'promisify(randomBytes) passed along is not a call',
      code: `import { randomBytes } from 'crypto';
import { promisify } from 'util';
export async function bytes(n: number) {
  return promisify(randomBytes)(n);
}`,
    },
  ],
  invalid: [
    {
      name: 'bcrypt-nodejs in a request handler: reported with advice, no rewrite (its callback API takes a progress callback)',
      code: `import bcrypt from 'bcrypt-nodejs';
export const signin = (req, res) => {
  res.json({ ok: bcrypt.compareSync(req.body.password, req.user.password) });
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "bluebird's promisifyAll returns the same module object: its Sync methods still block",
      code: `const Promise = require('bluebird');
const crypto = Promise.promisifyAll(require('crypto'));
module.exports.keys = async () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const Promise = require('bluebird');
const { promisify } = require('node:util');
const crypto = Promise.promisifyAll(require('crypto'));
module.exports.keys = async () => await promisify(crypto.generateKeyPair)('rsa', { modulusLength: 2048 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'named import adds the crypto and promisify imports',
      code: `import { pbkdf2Sync } from 'crypto';
export async function derive(password: string, salt: string) {
  const key = pbkdf2Sync(password, salt, 310000, 32, 'sha256');
  return key;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { pbkdf2Sync, pbkdf2 } from 'crypto';
import { promisify } from 'node:util';
export async function derive(password: string, salt: string) {
  const key = await promisify(pbkdf2)(password, salt, 310000, 32, 'sha256');
  return key;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'default import, member call parenthesised',
      code: `import crypto from 'node:crypto';
export async function derive(p: string) {
  return crypto.scryptSync(p, 'salt', 64).toString('hex');
}`,
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
export async function derive(p: string) {
  return (await promisify(crypto.scrypt)(p, 'salt', 64)).toString('hex');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'generateKeyPairSync keeps the key pair object',
      code: `import { generateKeyPairSync } from 'node:crypto';
export async function keys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey, privateKey };
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { generateKeyPairSync, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
export async function keys() {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('ed25519');
  return { publicKey, privateKey };
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: generateKeySync, generatePrimeSync, checkPrimeSync',
      code: `import * as crypto from 'crypto';
export class Keys {
  async make() {
    const key = crypto.generateKeySync('hmac', { length: 256 });
    const prime = crypto.generatePrimeSync(2048, { bigint: true });
    return { key, prime, ok: crypto.checkPrimeSync(prime) };
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as crypto from 'crypto';
import { promisify } from 'node:util';
export class Keys {
  async make() {
    const key = await promisify(crypto.generateKey)('hmac', { length: 256 });
    const prime = crypto.generatePrimeSync(2048, { bigint: true });
    return { key, prime, ok: crypto.checkPrimeSync(prime) };
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as crypto from 'crypto';
import { promisify } from 'node:util';
export class Keys {
  async make() {
    const key = crypto.generateKeySync('hmac', { length: 256 });
    const prime = await promisify(crypto.generatePrime)(2048, { bigint: true });
    return { key, prime, ok: crypto.checkPrimeSync(prime) };
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as crypto from 'crypto';
import { promisify } from 'node:util';
export class Keys {
  async make() {
    const key = crypto.generateKeySync('hmac', { length: 256 });
    const prime = crypto.generatePrimeSync(2048, { bigint: true });
    return { key, prime, ok: await promisify(crypto.checkPrime)(prime) };
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require, hkdfSync',
      code: `const crypto = require('crypto');
module.exports.derive = async (ikm) => Buffer.from(crypto.hkdfSync('sha256', ikm, 'salt', 'info', 32));`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const crypto = require('crypto');
const { promisify } = require('node:util');
module.exports.derive = async (ikm) => Buffer.from(await promisify(crypto.hkdf)('sha256', ikm, 'salt', 'info', 32));`,
            },
          ],
        },
      ],
    },
    {
      name: 'randomBytes with a variable size',
      code: `import { randomBytes } from 'crypto';
export async function bytes(size: number) {
  return randomBytes(size);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { randomBytes } from 'crypto';
import { promisify } from 'node:util';
export async function bytes(size: number) {
  return await promisify(randomBytes)(size);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'randomBytes with a large constant size',
      code: `import crypto from 'crypto';
export async function blob() {
  return crypto.randomBytes(1024 * 1024);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import crypto from 'crypto';
import { promisify } from 'node:util';
export async function blob() {
  return await promisify(crypto.randomBytes)(1024 * 1024);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'randomFillSync of an unknown buffer',
      code: `import crypto from 'crypto';
export async function fill(buf: Buffer) {
  crypto.randomFillSync(buf);
  return buf;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import crypto from 'crypto';
import { promisify } from 'node:util';
export async function fill(buf: Buffer) {
  await promisify(crypto.randomFill)(buf);
  return buf;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses an existing promisify import',
      code: `import { promisify } from 'util';
import { scryptSync } from 'crypto';
export async function derive(p: string) {
  return scryptSync(p, 'salt', 32);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { promisify } from 'util';
import { scryptSync, scrypt } from 'crypto';
export async function derive(p: string) {
  return await promisify(scrypt)(p, 'salt', 32);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'bcrypt default import',
      code: `import bcrypt from 'bcrypt';
export async function register(password: string) {
  const hash = bcrypt.hashSync(password, 12);
  return hash;
}`,
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
              output: `import bcrypt from 'bcrypt';
export async function register(password: string) {
  const hash = await bcrypt.hash(password, 12);
  return hash;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'bcryptjs named import extends the import',
      code: `import { compareSync } from 'bcryptjs';
export async function login(password: string, hash: string) {
  if (!compareSync(password, hash)) throw new Error('denied');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { compareSync, compare } from 'bcryptjs';
export async function login(password: string, hash: string) {
  if (!await compare(password, hash)) throw new Error('denied');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'bcryptjs require in an Express-style async handler',
      code: `const bcrypt = require('bcryptjs');
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  const salt = bcrypt.genSaltSync(10);
  res.json({ hash: bcrypt.hashSync(req.body.password, salt) });
});`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const bcrypt = require('bcryptjs');
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  const salt = await bcrypt.genSalt(10);
  res.json({ hash: bcrypt.hashSync(req.body.password, salt) });
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const bcrypt = require('bcryptjs');
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  const salt = bcrypt.genSaltSync(10);
  res.json({ hash: await bcrypt.hash(req.body.password, salt) });
});`,
            },
          ],
        },
      ],
    },
    {
      name: '@node-rs/bcrypt and @node-rs/argon2',
      code: `import { verifySync } from '@node-rs/bcrypt';
import * as argon2 from '@node-rs/argon2';
export async function check(p: string, h: string, a: string) {
  return verifySync(p, h) && argon2.verifySync(a, p);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { verifySync, verify } from '@node-rs/bcrypt';
import * as argon2 from '@node-rs/argon2';
export async function check(p: string, h: string, a: string) {
  return await verify(p, h) && argon2.verifySync(a, p);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { verifySync } from '@node-rs/bcrypt';
import * as argon2 from '@node-rs/argon2';
export async function check(p: string, h: string, a: string) {
  return verifySync(p, h) && await argon2.verify(a, p);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'map callback becomes Promise.all',
      code: `import bcrypt from 'bcryptjs';
export async function hashAll(passwords: string[]) {
  const hashes = passwords.map((p) => bcrypt.hashSync(p, 10));
  return hashes;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import bcrypt from 'bcryptjs';
export async function hashAll(passwords: string[]) {
  const hashes = await Promise.all(passwords.map(async (p) => await bcrypt.hash(p, 10)));
  return hashes;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.getBuiltinModule',
      code: `const { pbkdf2Sync } = process.getBuiltinModule('node:crypto');
export async function derive(p: string) {
  return pbkdf2Sync(p, 's', 1000, 32, 'sha256');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { promisify } from 'node:util';
import { pbkdf2 } from 'node:crypto';
const { pbkdf2Sync } = process.getBuiltinModule('node:crypto');
export async function derive(p: string) {
  return await promisify(pbkdf2)(p, 's', 1000, 32, 'sha256');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'dynamic import',
      code: `export async function derive(p: string) {
  const { scryptSync } = await import('node:crypto');
  return scryptSync(p, 'salt', 32);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { promisify } from 'node:util';
import { scrypt } from 'node:crypto';
export async function derive(p: string) {
  const { scryptSync } = await import('node:crypto');
  return await promisify(scrypt)(p, 'salt', 32);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed import with a name clash',
      code: `import { pbkdf2Sync as derive } from 'crypto';
const pbkdf2 = 'taken';
export async function f(p: string) {
  return derive(p, pbkdf2, 1000, 32, 'sha256');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { pbkdf2Sync as derive, pbkdf2 as pbkdf2Async } from 'crypto';
import { promisify } from 'node:util';
const pbkdf2 = 'taken';
export async function f(p: string) {
  return await promisify(pbkdf2Async)(p, pbkdf2, 1000, 32, 'sha256');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'randomBytes size from a parameter with the const name shadowed',
      code: `import crypto from 'crypto';
const SIZE = 16;
export async function bytes(SIZE: number) {
  return crypto.randomBytes(SIZE);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import crypto from 'crypto';
import { promisify } from 'node:util';
const SIZE = 16;
export async function bytes(SIZE: number) {
  return await promisify(crypto.randomBytes)(SIZE);
}`,
            },
          ],
        },
      ],
    },

  ],
});
