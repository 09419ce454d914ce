import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'helper called only at top level',
      code: `import fs from 'node:fs';
function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}
export const config = load('config.json');`,
    },
    {
      name: 'helper called only from a sync function nobody serves',
      code: `import fs from 'node:fs';
function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}
export function build() {
  return load('a');
}`,
    },
    {
      name: 'helper called from a timer callback of an async function is not run synchronously by it',
      code: `import fs from 'node:fs';
function cleanup() {
  fs.rmSync('tmp', { recursive: true });
}
export async function job() {
  setTimeout(cleanup, 1000);
}`,
    },
    {
      name: 'syncHelpers off',
      code: `import fs from 'node:fs';
function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}
export async function handler() {
  return load('a');
}`,
      options: [{contexts: {syncHelpers: false}}],
    },
    {
      name: 'helper called from start-up main only',
      code: `import fs from 'node:fs';
function readCert() {
  return fs.readFileSync('cert.pem');
}
async function main() {
  const cert = readCert();
  console.log(cert.length);
}
main();`,
    },
  ],
  invalid: [
    {
      name: 'recursive helper: the callback that recurses is reported too (directory walker)',
      code: `import fs from 'node:fs';
import path from 'node:path';
function walk(dir: string, out: string[]) {
  if (!fs.existsSync(dir)) return;
  fs.readdirSync(dir).forEach((name) => {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  });
}
export async function list(root: string) {
  const out: string[] = [];
  walk(root, out);
  return out;
}`,
      errors: [
        { messageId: 'blocking', line: 4, column: 8, endLine: 4, endColumn: 21, suggestions: [] },
        { messageId: 'blocking', line: 5, column: 3, endLine: 5, endColumn: 17, suggestions: [] },
        { messageId: 'blocking', line: 7, column: 9, endLine: 7, endColumn: 20, suggestions: [] },
      ],
    },
    {
      name: 'helper called from an async function',
      code: `import fs from 'node:fs';
function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}
export async function handler() {
  return load('a');
}`,
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
      name: 'helper called from a sync Express handler',
      code: `import express from 'express';
import { existsSync } from 'node:fs';
const app = express();
function hasAvatar(id: string) {
  return existsSync(\`avatars/\${id}.png\`);
}
app.get('/users/:id', (req, res) => {
  res.json({ avatar: hasAvatar(req.params.id) });
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'two hops: the helper of a helper',
      code: `import fs from 'node:fs';
const read = (p: string) => fs.readFileSync(p);
function loadAll(paths: string[]) {
  return paths.map((p) => read(p));
}
export async function handler(paths: string[]) {
  return loadAll(paths);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: 'class method called through this from an async method',
      code: `import fs from 'node:fs';
export class Store {
  private readRaw(id: string) {
    return fs.readFileSync(\`data/\${id}.json\`, 'utf8');
  }
  async get(id: string) {
    return JSON.parse(this.readRaw(id));
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },

  ],
});
