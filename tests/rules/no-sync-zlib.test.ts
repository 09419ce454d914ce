import noSyncZlib from '../../rules/no-sync-zlib.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-zlib', noSyncZlib, {
  valid: [
    {
      name: 'top level decompression is start-up code',
      code: `import zlib from 'node:zlib';
import fs from 'node:fs';
export const table = JSON.parse(zlib.gunzipSync(fs.readFileSync('table.json.gz')).toString());`,
    },
    {
      name: 'plain sync function',
      code: `import { gzipSync } from 'zlib';
export function pack(body: string) {
  return gzipSync(body);
}`,
    },
    {
      name: 'callback API',
      code: `import zlib from 'zlib';
export async function pack(body: Buffer) {
  return new Promise<Buffer>((resolve, reject) => zlib.gzip(body, (err, out) => (err ? reject(err) : resolve(out))));
}`,
    },
    {
      name: 'promisified API',
      code: `import { promisify } from 'node:util';
import { brotliCompress } from 'node:zlib';
const compress = promisify(brotliCompress);
export async function pack(body: Buffer) {
  return compress(body);
}`,
    },
    {
      name: 'streaming API',
      code: `import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
export async function pack(input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  await pipeline(input, createGzip(), output);
}`,
    },
    {
      name: 'crc32 is a checksum',
      code: `import zlib from 'node:zlib';
export async function sum(data: Buffer) {
  return zlib.crc32(data);
}`,
    },
    {
      name: 'pako-like local helper with the same name',
      code: `const gzipSync = (data: string) => data;
export async function pack(body: string) {
  return gzipSync(body);
}`,
    },
    {
      name: 'a relative zlib module',
      code: `import { inflateSync } from './zlib';
export async function unpack(b: Buffer) {
  return inflateSync(b);
}`,
    },
    {
      name: 'shadowed zlib binding',
      code: `import zlib from 'zlib';
export async function unpack(zlib: { unzipSync(b: Buffer): Buffer }, b: Buffer) {
  return zlib.unzipSync(b);
}`,
    },
    {
      name: 'allow option',
      code: `import zlib from 'zlib';
export async function unpack(b: Buffer) {
  return zlib.inflateRawSync(b);
}`,
      options: [{allow: ['zlib.inflateRawSync']}],
    },
  ],
  invalid: [
    {
      name: 'default import with options, result used as a member',
      code: `import zlib from 'node:zlib';
export async function pack(body: string) {
  return zlib.gzipSync(body, { level: 9 }).toString('base64');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import zlib from 'node:zlib';
import { promisify } from 'node:util';
export async function pack(body: string) {
  return (await promisify(zlib.gzip)(body, { level: 9 })).toString('base64');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'named import adds the twin and promisify',
      code: `import { gunzipSync } from 'zlib';
export async function unpack(buf: Buffer) {
  const text = gunzipSync(buf).toString('utf8');
  return JSON.parse(text);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { gunzipSync, gunzip } from 'zlib';
import { promisify } from 'node:util';
export async function unpack(buf: Buffer) {
  const text = (await promisify(gunzip)(buf)).toString('utf8');
  return JSON.parse(text);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import, deflate and inflate',
      code: `import * as zlib from 'zlib';
export class Codec {
  async encode(b: Buffer) {
    return zlib.deflateSync(b);
  }
  async decode(b: Buffer) {
    return zlib.inflateSync(b);
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as zlib from 'zlib';
import { promisify } from 'node:util';
export class Codec {
  async encode(b: Buffer) {
    return await promisify(zlib.deflate)(b);
  }
  async decode(b: Buffer) {
    return zlib.inflateSync(b);
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as zlib from 'zlib';
import { promisify } from 'node:util';
export class Codec {
  async encode(b: Buffer) {
    return zlib.deflateSync(b);
  }
  async decode(b: Buffer) {
    return await promisify(zlib.inflate)(b);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw deflate and unzip through require',
      code: `const { deflateRawSync, unzipSync } = require('node:zlib');
module.exports = { async roundTrip(b) { return unzipSync(deflateRawSync(b)); } };`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { deflateRawSync, unzipSync, unzip } = require('node:zlib');
const { promisify } = require('node:util');
module.exports = { async roundTrip(b) { return await promisify(unzip)(deflateRawSync(b)); } };`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { deflateRawSync, unzipSync, deflateRaw } = require('node:zlib');
const { promisify } = require('node:util');
module.exports = { async roundTrip(b) { return unzipSync(await promisify(deflateRaw)(b)); } };`,
            },
          ],
        },
      ],
    },
    {
      name: 'brotli in an Express-style handler',
      code: `import express from 'express';
import zlib from 'zlib';
const app = express();
app.get('/data', async (req, res) => {
  const body = zlib.brotliCompressSync(Buffer.from(JSON.stringify(req.query)));
  res.set('Content-Encoding', 'br').send(body);
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import express from 'express';
import zlib from 'zlib';
import { promisify } from 'node:util';
const app = express();
app.get('/data', async (req, res) => {
  const body = await promisify(zlib.brotliCompress)(Buffer.from(JSON.stringify(req.query)));
  res.set('Content-Encoding', 'br').send(body);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'brotliDecompressSync inline require',
      code: `export async function read(b: Buffer) {
  return require('zlib').brotliDecompressSync(b);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { promisify } from 'node:util';
export async function read(b: Buffer) {
  return await promisify(require('zlib').brotliDecompress)(b);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'zstd (Node 22.15+)',
      code: `import zlib from 'node:zlib';
export async function roundTrip(b: Buffer) {
  const packed = zlib.zstdCompressSync(b);
  return zlib.zstdDecompressSync(packed);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import zlib from 'node:zlib';
import { promisify } from 'node:util';
export async function roundTrip(b: Buffer) {
  const packed = await promisify(zlib.zstdCompress)(b);
  return zlib.zstdDecompressSync(packed);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import zlib from 'node:zlib';
import { promisify } from 'node:util';
export async function roundTrip(b: Buffer) {
  const packed = zlib.zstdCompressSync(b);
  return await promisify(zlib.zstdDecompress)(packed);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'forEach statement becomes Promise.all over map',
      code: `import zlib from 'zlib';
export async function packAll(items: Buffer[], out: Buffer[]) {
  items.forEach((item) => {
    out.push(zlib.gzipSync(item));
  });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import zlib from 'zlib';
import { promisify } from 'node:util';
export async function packAll(items: Buffer[], out: Buffer[]) {
  await Promise.all(items.map(async (item) => {
    out.push(await promisify(zlib.gzip)(item));
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses an existing zlib import for the twin',
      code: `import zlib, { inflateSync } from 'zlib';
export async function unpack(b: Buffer) {
  return inflateSync(b);
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
              output: `import zlib, { inflateSync } from 'zlib';
import { promisify } from 'node:util';
export async function unpack(b: Buffer) {
  return await promisify(zlib.inflate)(b);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'TypeScript import equals',
      code: `import zlib = require('zlib');
export async function unpack(b: Buffer) {
  return zlib.gunzipSync(b);
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
              output: `import { promisify } from 'node:util';
import zlib = require('zlib');
export async function unpack(b: Buffer) {
  return await promisify(zlib.gunzip)(b);
}`,
            },
          ],
        },
      ],
    },

  ],
});
