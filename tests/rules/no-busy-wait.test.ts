import noBusyWait from '../../rules/no-busy-wait.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-busy-wait', noBusyWait, {
  valid: [
    {
      name: 'user sleep that returns a promise',
      code: `const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function f() {
  await sleep(100);
}`,
    },
    {
      name: 'await new Promise with setTimeout',
      code: `async function f() {
  await new Promise((r) => setTimeout(r, 50));
}`,
    },
    {
      name: 'timers/promises setTimeout',
      code: `import { setTimeout as delay } from 'node:timers/promises';
async function f() {
  await delay(100);
}`,
    },
    {
      name: 'a local sleep shadows the package import',
      code: `import sleep from 'sleep-sync';
async function f(sleep: (ms: number) => Promise<void>) {
  await sleep(10);
}`,
    },
    {
      name: 'polling loop with await in its body',
      code: `async function waitFor(check: () => boolean, timeout: number) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}`,
    },
    {
      name: 'loop over an array calls Date.now for logging only',
      code: `async function f(items: string[]) {
  for (let i = 0; i < items.length; i++) {
    console.log(Date.now(), items[i]);
  }
}`,
    },
    {
      name: 'time-boxed work loop is not a busy-wait',
      code: `async function drain(queue: (() => void)[]) {
  const deadline = Date.now() + 10;
  while (Date.now() < deadline && queue.length > 0) {
    queue.shift()!();
  }
}`,
    },
    {
      name: 'shadowed Date',
      code: `async function f(Date: { now(): number }, end: number) {
  while (Date.now() < end) {}
}`,
    },
    {
      name: 'loop at top level is start-up code',
      code: `const end = Date.now() + 100;
while (Date.now() < end) {}`,
    },
    {
      name: 'loop in a plain sync function',
      code: `function spin(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}`,
    },
    {
      name: 'Atomics.waitAsync',
      code: `async function f(shared: Int32Array) {
  await Atomics.waitAsync(shared, 0, 0, 100).value;
}`,
    },
    {
      name: 'loop with an await in its condition',
      code: `async function f(end: number, now: () => Promise<number>) {
  while ((await now()) < end) {}
}`,
    },
    {
      name: 'execSync of other commands belongs to no-sync-child-process',
      code: `import { execSync } from 'child_process';
async function f() {
  execSync('sleepy-tool --run');
}`,
    },
    {
      name: 'allow loops on a clock by its name',
      code: `async function f(end: number) {
  while (Date.now() < end) {}
}`,
      options: [{allow: ['Date.now()']}],
    },
    {
      name: 'loop waiting on a flag with a callback in the body is not a busy-wait',
      code: `async function f(end: number, poll: () => boolean) {
  while (Date.now() < end) {
    if (poll()) break;
  }
}`,
    },
    {
      name: 'allow a package',
      code: `import sleep from 'atomic-sleep';
async function f() {
  sleep(10);
}`,
      options: [{allow: ['atomic-sleep']}],
    },
  ],
  invalid: [
    {
      name: 'while Date.now below a deadline',
      code: `export async function handler() {
  const end = Date.now() + 500;
  while (Date.now() < end) {}
  return 'ok';
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
export async function handler() {
  const end = Date.now() + 500;
  await sleep(end - Date.now());
  return 'ok';
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'elapsed time below a duration',
      code: `async function pause(ms: number) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    // spin
  }
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function pause(ms: number) {
  const start = Date.now();
  await sleep(ms - (Date.now() - start));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'deadline greater than the clock',
      code: `async function f(deadline: number) {
  while (deadline > performance.now());
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(deadline: number) {
  await sleep(deadline - performance.now());
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'new Date getTime and unary plus',
      code: `async function f(ms: number) {
  const start = +new Date();
  while (new Date().getTime() - start < ms) {}
  do {} while (+new Date() < start + 2 * ms);
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(ms: number) {
  const start = +new Date();
  await sleep(ms - (new Date().getTime() - start));
  do {} while (+new Date() < start + 2 * ms);
}`,
            },
          ],
        },
        {
          messageId: 'busyLoop',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(ms: number) {
  const start = +new Date();
  while (new Date().getTime() - start < ms) {}
  await sleep(start + 2 * ms - +new Date());
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'hrtime bigint',
      code: `async function f(end: bigint) {
  while (process.hrtime.bigint() < end) {}
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(end: bigint) {
  await sleep(Number(end - process.hrtime.bigint()) / 1e6);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.hrtime pair has no rewrite',
      code: `async function f(start: [number, number]) {
  while (process.hrtime(start)[0] < 2) {}
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'clock re-read into a variable',
      code: `async function f(end: number) {
  let now = Date.now();
  while (now < end) {
    now = Date.now();
  }
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(end: number) {
  let now = Date.now();
  await sleep(end - Date.now());
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'for loop with a start in its init',
      code: `async function f(ms: number) {
  for (const start = Date.now(); Date.now() - start < ms; ) {}
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(ms: number) {
  { const start = Date.now(); await sleep(ms - (Date.now() - start)); }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'counting spins has no rewrite',
      code: `async function f(end: number) {
  let spins = 0;
  while (Date.now() < end) spins++;
  return spins;
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: 'existing sleep name is avoided',
      code: `const sleep = 1;
async function f(end: number) {
  while (Date.now() < end) {}
  return sleep;
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleepAsync } from 'node:timers/promises';
const sleep = 1;
async function f(end: number) {
  await sleepAsync(end - Date.now());
  return sleep;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'reuses a timers/promises import',
      code: `import { setTimeout as wait } from 'node:timers/promises';
async function f(end: number) {
  await wait(1);
  while (Date.now() < end) {}
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as wait } from 'node:timers/promises';
async function f(end: number) {
  await wait(1);
  await wait(end - Date.now());
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS adds a require',
      code: `const path = require('path');
module.exports = async function f(end) {
  while (Date.now() < end) {}
};`,
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'busyLoop',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const path = require('path');
const { setTimeout: sleep } = require('node:timers/promises');
module.exports = async function f(end) {
  await sleep(end - Date.now());
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'Atomics.wait becomes waitAsync',
      code: `async function f(shared: Int32Array) {
  const result = Atomics.wait(shared, 0, 0, 100);
  return result;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `async function f(shared: Int32Array) {
  const result = await Atomics.waitAsync(shared, 0, 0, 100).value;
  return result;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sleep package units',
      code: `import sleep from 'sleep';
async function f(n: number) {
  sleep.sleep(2);
  sleep.msleep(n);
  sleep.usleep(n + 1);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import sleep from 'sleep';
import { setTimeout as sleepAsync } from 'node:timers/promises';
async function f(n: number) {
  await sleepAsync(2000);
  sleep.msleep(n);
  sleep.usleep(n + 1);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import sleep from 'sleep';
import { setTimeout as sleepAsync } from 'node:timers/promises';
async function f(n: number) {
  sleep.sleep(2);
  await sleepAsync(n);
  sleep.usleep(n + 1);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import sleep from 'sleep';
import { setTimeout as sleepAsync } from 'node:timers/promises';
async function f(n: number) {
  sleep.sleep(2);
  sleep.msleep(n);
  await sleepAsync((n + 1) / 1000);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'seconds times a thousand',
      code: `const { sleep } = require('sleep');
async function f(seconds) {
  sleep(seconds);
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { sleep } = require('sleep');
const { setTimeout: sleepAsync } = require('node:timers/promises');
async function f(seconds) {
  await sleepAsync(seconds * 1000);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'system-sleep, sleep-sync, atomic-sleep',
      code: `import systemSleep from 'system-sleep';
import sleepSync from 'sleep-sync';
import atomicSleep from 'atomic-sleep';
async function f() {
  systemSleep(100);
  sleepSync(200);
  atomicSleep(300);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import systemSleep from 'system-sleep';
import sleepSync from 'sleep-sync';
import atomicSleep from 'atomic-sleep';
import { setTimeout as sleep } from 'node:timers/promises';
async function f() {
  await sleep(100);
  sleepSync(200);
  atomicSleep(300);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import systemSleep from 'system-sleep';
import sleepSync from 'sleep-sync';
import atomicSleep from 'atomic-sleep';
import { setTimeout as sleep } from 'node:timers/promises';
async function f() {
  systemSleep(100);
  await sleep(200);
  atomicSleep(300);
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import systemSleep from 'system-sleep';
import sleepSync from 'sleep-sync';
import atomicSleep from 'atomic-sleep';
import { setTimeout as sleep } from 'node:timers/promises';
async function f() {
  systemSleep(100);
  sleepSync(200);
  await sleep(300);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'deasync.sleep',
      code: `const deasync = require('deasync');
async function f() {
  deasync.sleep(250);
}`,
      filename: 'file.js',
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
              output: `const deasync = require('deasync');
const { setTimeout: sleep } = require('node:timers/promises');
async function f() {
  await sleep(250);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync sleep command',
      code: `import { execSync } from 'child_process';
async function retry() {
  execSync('sleep 2');
  execSync('sleep 0.5');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync } from 'child_process';
import { setTimeout as sleep } from 'node:timers/promises';
async function retry() {
  await sleep(2000);
  execSync('sleep 0.5');
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync } from 'child_process';
import { setTimeout as sleep } from 'node:timers/promises';
async function retry() {
  execSync('sleep 2');
  await sleep(500);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync sleep with a computed duration has no rewrite',
      code: `import { execSync } from 'child_process';
async function retry(n: number) {
  execSync(\`sleep \${n}\`);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [],
        },
      ],
    },
    {
      name: 'spawnSync sleep',
      code: `import { spawnSync } from 'child_process';
async function f() {
  spawnSync('sleep', ['1']);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'sleep result used has no rewrite',
      code: `import sleep from 'system-sleep';
async function f() {
  return sleep(100);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      name: 'busy-wait in a forEach callback',
      code: `async function f(delays: number[]) {
  delays.forEach((ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end);
  });
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(delays: number[]) {
  await Promise.all(delays.map(async (ms) => {
    const end = Date.now() + ms;
    await sleep(end - Date.now());
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'labelled loop',
      code: `async function f(end: number) {
  spin: while (Date.now() < end) {
    continue spin;
  }
}`,
      errors: [
        {
          messageId: 'busyLoop',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
async function f(end: number) {
  await sleep(end - Date.now());
}`,
            },
          ],
        },
      ],
    },

  ],
});
