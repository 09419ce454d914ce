import { EXEC_FILE_REWRITE, EXEC_REWRITE } from './child-process.js';
import type { CallCondition, ModuleSpec, ResponseRead, RewriteSpec } from './types.js';

// Blocking HTTP: libraries that make a request and wait for the response synchronously (by
// spawning a child process and waiting for it, or by spinning the loop with deasync).
// Checked against the published packages: sync-request 6.1, sync-request-curl 3.3, sync-fetch 0.6,
// urllib-sync 1.1, xmlhttprequest 1.8, xmlhttprequest-ssl 4.0, deasync 0.1. then-request has no sync
// variant: sync-request *is* its sync variant.

/** sync-request's response (http-response-object): `getBody()` is the Buffer, `getBody('utf8')` a string. */
const SYNC_REQUEST_READS: readonly ResponseRead[] = [
  { member: 'getBody', call: true, args: [], fetch: 'buffer' },
  { member: 'getBody', call: true, args: ['utf8'], fetch: 'text' },
  { member: 'getBody', call: true, args: ['utf-8'], fetch: 'text' },
  { member: 'statusCode', call: false, fetch: 'status' },
  { member: 'body', call: false, fetch: 'buffer' },
  { member: 'url', call: false, fetch: 'url' },
];

/** sync-fetch's SyncResponse mirrors `Response` with sync body reads (plus node-fetch's `buffer()`). */
const SYNC_FETCH_READS: readonly ResponseRead[] = [
  { member: 'json', call: true, args: [], fetch: 'json' },
  { member: 'text', call: true, args: [], fetch: 'text' },
  { member: 'arrayBuffer', call: true, args: [], fetch: 'arrayBuffer' },
  { member: 'blob', call: true, args: [], fetch: 'blob' },
  { member: 'buffer', call: true, args: [], fetch: 'buffer' },
  { member: 'status', call: false, fetch: 'status' },
  { member: 'statusText', call: false, fetch: 'statusText' },
  { member: 'ok', call: false, fetch: 'ok' },
  { member: 'url', call: false, fetch: 'url' },
];

const FETCH_ADVICE = 'Use the global `fetch` and await the response and its body read (`await (await fetch(url)).json()`).';

const syncRequestRewrite: RewriteSpec = {
  label: 'fetch',
  rewrite: { kind: 'fetch', method: 0, url: 1, init: { index: 2, shape: 'request-options' }, reads: SYNC_REQUEST_READS },
};

// The default export is the request function: its path is empty.
const syncRequest = (module: string): ModuleSpec => ({
  module,
  family: 'http',
  builtin: false,
  entries: [{ path: [], api: module, twin: null, advice: FETCH_ADVICE, rewrite: syncRequestRewrite }],
});

export const syncFetch: ModuleSpec = {
  module: 'sync-fetch',
  family: 'http',
  builtin: false,
  entries: [
    {
      path: [],
      api: 'sync-fetch',
      twin: null,
      advice: FETCH_ADVICE,
      rewrite: { label: 'fetch', rewrite: { kind: 'fetch', method: null, url: 0, init: { index: 1, shape: 'fetch-init' }, reads: SYNC_FETCH_READS } },
    },
  ],
};

export const urllibSync: ModuleSpec = {
  module: 'urllib-sync',
  family: 'http',
  builtin: false,
  entries: [
    {
      path: 'request',
      twin: null,
      advice: 'Use the async `request` of `urllib` (same options and result) or the global `fetch`, and await it.',
    },
  ],
};

// `xhr.open(method, url, false)` makes `send()` wait for the response. The report goes on `open`,
// where the `false` is written. The global (browsers, jsdom, polyfills) and the Node packages.
const SYNC_OPEN: CallCondition = { argumentEquals: { index: 2, value: false } };
const XHR_ADVICE = 'Open the request asynchronously (`open(method, url, true)` and handle `load`), or use `await fetch(url)`.';

const xhrPackage = (module: string): ModuleSpec => ({
  module,
  family: 'http',
  builtin: false,
  entries: [{ path: ['XMLHttpRequest', 'new()', 'open'], api: `${module}.XMLHttpRequest#open(…, false)`, when: SYNC_OPEN, twin: null, advice: XHR_ADVICE }],
});

export const xhrGlobal: ModuleSpec = {
  module: 'XMLHttpRequest',
  family: 'http',
  builtin: false,
  global: true,
  entries: [{ path: ['new()', 'open'], api: 'XMLHttpRequest#open(…, false)', when: SYNC_OPEN, twin: null, advice: XHR_ADVICE }],
};

// deasync turns a callback API into a sync one by spinning the event loop inside the call; the
// calls it makes are blocking (usually HTTP or database clients). `deasync.sleep` is in busy-wait.ts.
export const deasync: ModuleSpec = {
  module: 'deasync',
  family: 'http',
  builtin: false,
  entries: [
    {
      path: ['()'],
      api: 'a function made by deasync(fn)',
      twin: null,
      advice: 'Call the original callback API through `promisify` from `node:util` and await it.',
    },
    { path: 'loopWhile', twin: null, advice: 'Await a promise that settles when the condition holds.' },
    { path: 'runLoopOnce', twin: null, advice: 'Await a promise (`await setImmediate()` from `node:timers/promises`) instead of pumping the loop.' },
  ],
};

// `execSync('curl …')`: blocking HTTP through a child process. These conditioned entries share the
// `child_process` trie nodes with child-process.ts and are tried first, so the call is reported by
// this family only. The rewrite keeps curl but runs it asynchronously; the message says `fetch`.
const CURL_COMMAND = /^\s*(?:\S*\/)?(?:curl|wget)(?:\s|$)/;
const CURL_FILE = /^(?:\S*[\\/])?(?:curl|wget)(?:\.exe)?$/;
const CURL_ADVICE = 'Use the global `fetch` and await it, or at least run the command with `promisify(exec)` from `node:child_process`.';

export const childProcessHttp: ModuleSpec = {
  module: 'child_process',
  family: 'http',
  builtin: true,
  entries: [
    {
      path: 'execSync',
      api: 'child_process.execSync (curl/wget)',
      when: { argumentMatches: { index: 0, pattern: CURL_COMMAND } },
      twin: null,
      advice: CURL_ADVICE,
      rewrite: EXEC_REWRITE,
    },
    {
      path: 'execFileSync',
      api: 'child_process.execFileSync (curl/wget)',
      when: { argumentMatches: { index: 0, pattern: CURL_FILE } },
      twin: null,
      advice: CURL_ADVICE,
      rewrite: EXEC_FILE_REWRITE,
    },
    { path: 'spawnSync', api: 'child_process.spawnSync (curl/wget)', when: { argumentMatches: { index: 0, pattern: CURL_FILE } }, twin: null, advice: CURL_ADVICE },
  ],
};

export const httpSpecs: readonly ModuleSpec[] = [
  syncRequest('sync-request'),
  syncRequest('sync-request-curl'),
  syncFetch,
  urllibSync,
  xhrPackage('xmlhttprequest'),
  xhrPackage('xmlhttprequest-ssl'),
  xhrGlobal,
  deasync,
  childProcessHttp,
];
