import noSyncFs from '../../rules/no-sync-fs.js';
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { fileRole, globToRegExp } from '../../src/context/file-role.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'worker entry file: imports parentPort (ESM)',
      code: `import { parentPort } from 'node:worker_threads';
import fs from 'node:fs';
parentPort!.on('message', async (path: string) => {
  parentPort!.postMessage(fs.readFileSync(path));
});`,
    },
    {
      name: 'worker entry file: destructured require of workerData',
      code: `const { workerData, parentPort } = require('worker_threads');
const fs = require('fs');
async function run() {
  parentPort.postMessage(fs.readFileSync(workerData.path, 'utf8'));
}
run();`,
      filename: 'file.js',
    },
    {
      name: 'worker entry file: member of a require',
      code: `const parentPort = require('node:worker_threads').parentPort;
const { statSync } = require('fs');
parentPort.on('message', async (p) => parentPort.postMessage(statSync(p).size));`,
      filename: 'file.js',
    },
    {
      name: 'workerpool worker (ESM)',
      code: `import workerpool from 'workerpool';
import fs from 'node:fs';
async function checksum(path: string) {
  return fs.readFileSync(path).length;
}
workerpool.worker({ checksum });`,
    },
    {
      name: 'workerpool worker (CommonJS, named worker)',
      code: `const { worker } = require('workerpool');
const fs = require('fs');
worker({
  read: async (p) => fs.readFileSync(p, 'utf8'),
});`,
      filename: 'file.js',
    },
    {
      name: 'piscina task module matched by workerFiles',
      code: `import fs from 'node:fs';
export default async function resize({ path }: { path: string }) {
  return fs.readFileSync(path);
}`,
      filename: 'src/workers/resize.ts',
      settings: {'event-loop':{workerFiles: ['src/workers/**','**/*.task.{js,ts}']}},
    },
    {
      name: 'task module matched by a brace glob',
      code: `import fs from 'node:fs';
export default async ({ path }: { path: string }) => fs.readFileSync(path);`,
      filename: 'src/images/thumbnail.task.ts',
      settings: {'event-loop':{workerFiles: ['src/workers/**','**/*.task.{js,ts}']}},
    },
    {
      name: 'inside if (!isMainThread)',
      code: `import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import fs from 'node:fs';
if (!isMainThread) {
  parentPort!.on('message', async (p: string) => parentPort!.postMessage(fs.readFileSync(p)));
}`,
    },
    {
      name: 'else branch of if (isMainThread), through the module object',
      code: `const threads = require('worker_threads');
const fs = require('fs');
if (threads.isMainThread) {
  new threads.Worker(__filename);
} else {
  threads.parentPort.on('message', async (p) => threads.parentPort.postMessage(fs.readFileSync(p)));
}`,
      filename: 'file.js',
    },
  ],
  invalid: [
    {
      name: 'main-thread branch of a file that runs on both sides',
      code: `import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import fs from 'node:fs';
if (isMainThread) {
  new Worker(new URL(import.meta.url));
  process.on('message', async (p: string) => fs.readFileSync(p));
} else {
  parentPort!.on('message', async (p: string) => parentPort!.postMessage(fs.readFileSync(p)));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 46,
          endLine: 5,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import fs from 'node:fs';
if (isMainThread) {
  new Worker(new URL(import.meta.url));
  process.on('message', async (p: string) => await fs.promises.readFile(p));
} else {
  parentPort!.on('message', async (p: string) => parentPort!.postMessage(fs.readFileSync(p)));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file that only starts workers runs on the main thread',
      code: `import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
export async function start(file: string) {
  const code = fs.readFileSync(file, 'utf8');
  return new Worker(code, { eval: true });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
export async function start(file: string) {
  const code = await fs.promises.readFile(file, 'utf8');
  return new Worker(code, { eval: true });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a parameter named isMainThread is not the import',
      code: `import { isMainThread } from 'node:worker_threads';
import fs from 'node:fs';
export async function f(isMainThread: boolean) {
  if (!isMainThread) {
    ['a'].forEach((p) => fs.unlinkSync(p));
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import { isMainThread } from 'node:worker_threads';
import fs from 'node:fs';
export async function f(isMainThread: boolean) {
  if (!isMainThread) {
    await Promise.all(['a'].map(async (p) => await fs.promises.unlink(p)));
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file outside the workerFiles globs',
      code: `import fs from 'node:fs';
export default async function resize({ path }: { path: string }) {
  return fs.readFileSync(path);
}`,
      filename: 'src/routes/resize.ts',
      settings: {'event-loop':{workerFiles: ['src/workers/**','**/*.task.{js,ts}']}},
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
export default async function resize({ path }: { path: string }) {
  return await fs.promises.readFile(path);
}`,
            },
          ],
        },
      ],
    },

  ],
});

describe('worker files', () => {
  const CWD = '/home/dev/app';
  const roleOf = (file: string, code: string, workerFiles: string[] = []) =>
    fileRole(`${CWD}/${file}`, CWD, parse(code, { sourceType: 'module' }) as never, code, workerFiles);

  it.each([
    ["import { parentPort } from 'worker_threads';\nparentPort.on('message', () => {});"],
    ["import { workerData } from 'node:worker_threads';\nexport default workerData;"],
    ["const { parentPort } = require('node:worker_threads');"],
    ["const parentPort = require('worker_threads').parentPort;"],
    ["import workerpool from 'workerpool';\nworkerpool.worker({ add: (a, b) => a + b });"],
    ["import { worker } from 'workerpool';\nworker({ add: (a, b) => a + b });"],
  ])('%s is a worker file', (code) => {
    expect(roleOf('src/jobs/task.js', code)).toBe('worker');
  });

  it.each([
    ["import { isMainThread, parentPort } from 'worker_threads';\nif (!isMainThread) parentPort.on('message', () => {});"],
    ["import * as threads from 'worker_threads';\nthreads.parentPort?.on('message', () => {});"],
    ["import { Worker } from 'worker_threads';\nnew Worker('./task.js');"],
    ["import workerpool from 'workerpool';\nexport const pool = workerpool.pool('./worker.js');"],
  ])('%s runs on the main thread (application)', (code) => {
    expect(roleOf('src/jobs/task.js', code)).toBe('application');
  });

  it('workerFiles globs match project-relative paths', () => {
    expect(roleOf('src/workers/resize.ts', 'export {};', ['src/workers/**'])).toBe('worker');
    expect(roleOf('src/workers/deep/resize.ts', 'export {};', ['./src/workers/**'])).toBe('worker');
    expect(roleOf('src/images/a.worker.mjs', 'export {};', ['**/*.worker.{js,mjs}'])).toBe('worker');
    expect(roleOf('src/routes/resize.ts', 'export {};', ['src/workers/**'])).toBe('application');
    // Tests stay tests.
    expect(roleOf('src/workers/resize.test.ts', 'export {};', ['src/workers/**'])).toBe('test');
  });

  it('globToRegExp', () => {
    expect(globToRegExp('src/*.js').test('src/a.js')).toBe(true);
    expect(globToRegExp('src/*.js').test('src/a/b.js')).toBe(false);
    expect(globToRegExp('**/task?.js').test('a/b/task1.js')).toBe(true);
    expect(globToRegExp('**/task?.js').test('task1.js')).toBe(true);
    expect(globToRegExp('jobs/{a,b}.js').test('jobs/b.js')).toBe(true);
    expect(globToRegExp('jobs/{a,b}.js').test('jobs/c.js')).toBe(false);
    // picomatch's syntax: character classes and extglobs; literal parentheses are escaped.
    expect(globToRegExp('src/*.[jt]s').test('src/a.ts')).toBe(true);
    expect(globToRegExp('src/*.[jt]s').test('src/a.cs')).toBe(false);
    expect(globToRegExp('src/*.+(js|ts)').test('src/a.js')).toBe(true);
    expect(globToRegExp('a+b/\\(x\\).js').test('a+b/(x).js')).toBe(true);
  });

  it('workerFiles: a `!` pattern excludes, wherever it stands in the list', () => {
    const globs = ['!src/workers/legacy/**', 'src/workers/**'];
    expect(roleOf('src/workers/resize.ts', 'export {};', globs)).toBe('worker');
    expect(roleOf('src/workers/legacy/old.ts', 'export {};', globs)).toBe('application');
    expect(roleOf('src/workers/x.js', 'export {};', ['src/workers/*.[jt]s'])).toBe('worker');
    expect(roleOf('src/routes/x.js', 'export {};', ['!src/routes/**'])).toBe('application');
  });
});
