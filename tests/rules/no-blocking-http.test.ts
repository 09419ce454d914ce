import noBlockingHttp from '../../rules/no-blocking-http.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-blocking-http', noBlockingHttp, {
  valid: [
    {
      name: 'top level is start-up code',
      code: `import request from 'sync-request';
const config = JSON.parse(request('GET', 'https://config.local/app.json').getBody('utf8'));`,
    },
    {
      name: 'axios request is async',
      code: `import { request } from 'axios';
async function f(url: string) {
  const res = await request({ url });
  return res.data;
}`,
    },
    {
      name: 'a user function named request',
      code: `async function request(method: string, url: string) {
  return fetch(url, { method });
}
async function f() {
  return (await request('GET', '/x')).json();
}`,
    },
    {
      name: 'global fetch',
      code: `async function f(url: string) {
  const res = await fetch(url);
  return res.json();
}`,
    },
    {
      name: 'asynchronous XMLHttpRequest',
      code: `async function f(url: string) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, true);
  xhr.send();
}`,
    },
    {
      name: 'XMLHttpRequest open without the async flag',
      code: `import { XMLHttpRequest } from 'xmlhttprequest';
async function f(url: string) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url);
  xhr.send();
}`,
    },
    {
      name: 'shadowed XMLHttpRequest',
      code: `class XMLHttpRequest {
  open(m: string, u: string, a: boolean) {}
}
async function f() {
  new XMLHttpRequest().open('GET', '/', false);
}`,
    },
    {
      name: 'deasync itself is only a wrapper',
      code: `import deasync from 'deasync';
import dns from 'node:dns';
const lookupSync = deasync(dns.lookup);
const address = lookupSync('example.com');`,
    },
    {
      name: 'then-request is async',
      code: `import request from 'then-request';
async function f() {
  const res = await request('GET', 'https://example.com');
  return res.getBody('utf8');
}`,
    },
    {
      name: 'execSync without curl belongs to no-sync-child-process',
      code: `import { execSync } from 'child_process';
async function f() {
  execSync('make');
}`,
    },
    {
      name: 'allow by qualified name',
      code: `import fetchSync from 'sync-fetch';
async function f() {
  return fetchSync('https://example.com').json();
}`,
      options: [{allow: ['sync-fetch']}],
    },
  ],
  invalid: [
    {
      name: 'sync-request getBody utf8 becomes text',
      code: `import request from 'sync-request';
export async function load(url: string) {
  const body = request('GET', url).getBody('utf8');
  return JSON.parse(body);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import request from 'sync-request';
export async function load(url: string) {
  const body = await (await fetch(url)).text();
  return JSON.parse(body);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-request getBody without encoding keeps a Buffer',
      code: `const request = require('sync-request');
async function download(url) {
  return request('GET', url).getBody();
}`,
      filename: 'file.js',
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
              output: `const request = require('sync-request');
async function download(url) {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-request POST with headers and body',
      code: `import request from 'sync-request';
async function create(user: object) {
  return request('post', 'https://api.local/users', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) }).statusCode;
}`,
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
              output: `import request from 'sync-request';
async function create(user: object) {
  return (await fetch('https://api.local/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })).status;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-request json option has no rewrite',
      code: `import request from 'sync-request';
async function create(user: object) {
  return request('POST', 'https://api.local/users', { json: user }).getBody('utf8');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    {
      name: 'sync-request response kept in a variable has no rewrite',
      code: `import request from 'sync-request';
async function f(url: string) {
  const res = request('GET', url);
  return res.statusCode === 200 ? res.getBody('utf8') : null;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'sync-request result unused',
      code: `import request from 'sync-request';
async function ping(url: string) {
  request('HEAD', url);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import request from 'sync-request';
async function ping(url: string) {
  await fetch(url, { method: 'HEAD' });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-fetch json',
      code: `import fetchSync from 'sync-fetch';
async function f(url: string) {
  const data = fetchSync(url, { headers: { Accept: 'application/json' } }).json();
  return data;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fetchSync from 'sync-fetch';
async function f(url: string) {
  const data = await (await fetch(url, { headers: { Accept: 'application/json' } })).json();
  return data;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-fetch buffer and status',
      code: `const syncFetch = require('sync-fetch');
async function f(url) {
  const ok = syncFetch(url).ok;
  const bytes = syncFetch(url).buffer();
  return ok ? bytes : null;
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const syncFetch = require('sync-fetch');
async function f(url) {
  const ok = (await fetch(url)).ok;
  const bytes = syncFetch(url).buffer();
  return ok ? bytes : null;
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const syncFetch = require('sync-fetch');
async function f(url) {
  const ok = syncFetch(url).ok;
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  return ok ? bytes : null;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sync-fetch with a shadowed fetch has no rewrite',
      code: `import syncFetch from 'sync-fetch';
import fetch from 'node-fetch';
async function f(url: string) {
  return syncFetch(url).text();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      name: 'urllib-sync',
      code: `import { request } from 'urllib-sync';
async function f(url: string) {
  return request(url, { dataType: 'json' }).data;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    {
      name: 'synchronous XMLHttpRequest global',
      code: `async function f(url: string) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.send();
  return xhr.responseText;
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
      name: 'xmlhttprequest package',
      code: `const { XMLHttpRequest } = require('xmlhttprequest');
class Client {
  xhr = new XMLHttpRequest();
  async get(url) {
    this.xhr.open('GET', url, false);
    this.xhr.send();
    return this.xhr.responseText;
  }
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'function made by deasync',
      code: `import deasync from 'deasync';
import dns from 'node:dns';
const lookupSync = deasync(dns.lookup);
export async function resolve(host: string) {
  return lookupSync(host);
}`,
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
      name: 'deasync loopWhile',
      code: `const deasync = require('deasync');
async function wait(state) {
  deasync.loopWhile(() => !state.done);
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'curl through execSync',
      code: `import { execSync } from 'node:child_process';
async function f(url: string) {
  return execSync(\`curl -s \${url}\`).toString();
}`,
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
              output: `import { execSync, exec } from 'node:child_process';
import { promisify } from 'node:util';
async function f(url: string) {
  return (await promisify(exec)(\`curl -s \${url}\`)).stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'wget through execFileSync',
      code: `import cp from 'child_process';
async function f(url: string) {
  cp.execFileSync('wget', ['-q', url]);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import cp from 'child_process';
import { promisify } from 'node:util';
async function f(url: string) {
  await promisify(cp.execFile)('wget', ['-q', url]);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'curl through spawnSync',
      code: `import { spawnSync } from 'child_process';
async function f(url: string) {
  return spawnSync('curl', [url]).stdout;
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
      name: 'in a map callback',
      code: `import fetchSync from 'sync-fetch';
async function f(urls: string[]) {
  return urls.map((url) => fetchSync(url).json());
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import fetchSync from 'sync-fetch';
async function f(urls: string[]) {
  return await Promise.all(urls.map(async (url) => await (await fetch(url)).json()));
}`,
            },
          ],
        },
      ],
    },

  ],
});
