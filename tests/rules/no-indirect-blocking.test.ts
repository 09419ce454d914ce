import noIndirectBlocking from '../../rules/no-indirect-blocking.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-indirect-blocking', noIndirectBlocking, {
  valid: [
    {
      name: 'a variable given two different values, or a cache holding two kinds of value, may hold either: not followed',
      code: `import fs from 'node:fs';
class Store {
  save(data) { fs.writeFileSync('store.json', data); }
}
class Memory {
  save(data) { this.data = data; }
}
let store = new Memory();
export function useDisk() { store = new Store(); }
const things = new Map();
things.set('a', new Store());
things.set('b', new Memory());
export async function handler(req) {
  store.save(req.body);
  things.get(req.query.kind).save(req.body);
}`,
    },
    {
      name: 'helper called only at module top level (start-up)',
      code: `import fs from 'node:fs';
function loadConfig() {
  return JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
const config = loadConfig();
export async function handler() {
  return config;
}`,
    },
    {
      name: 'helper called from a plain sync function',
      code: `import fs from 'node:fs';
function read() {
  return fs.readFileSync('a');
}
export function boot() {
  return read();
}`,
    },
    {
      name: 'blocking call directly in the async function is the direct rules’ job',
      code: `import fs from 'node:fs';
export async function handler() {
  return fs.readFileSync('a');
}`,
    },
    {
      name: 'local sync function nested in an async function is reported directly, not twice',
      code: `import fs from 'node:fs';
export async function handler() {
  const read = () => fs.readFileSync('a');
  return read();
}`,
    },
    {
      name: 'helper whose blocking call is in a setTimeout callback',
      code: `import fs from 'node:fs';
function later() {
  setTimeout(() => fs.unlinkSync('a'), 10);
}
export async function handler() {
  later();
}`,
    },
    {
      name: 'helper whose blocking call is in a promise continuation',
      code: `import fs from 'node:fs';
function load() {
  return Promise.resolve('a').then((p) => fs.readFileSync(p));
}
export async function handler() {
  return load();
}`,
    },
    {
      name: 'helper whose blocking call is in an async callback (reported directly)',
      code: `import fs from 'node:fs';
function schedule() {
  setTimeout(async () => {
    fs.unlinkSync('a');
  }, 10);
}
export async function handler() {
  schedule();
}`,
    },
    {
      name: 'helper without blocking calls',
      code: `function add(a: number, b: number) {
  return a + b;
}
export async function handler() {
  return add(1, 2);
}`,
    },
    {
      name: 'allowed API makes the helper harmless',
      code: `import fs from 'node:fs';
function exists(p: string) {
  return fs.existsSync(p);
}
export async function handler() {
  return exists('a');
}`,
      options: [{allow: ['existsSync']}],
    },
    {
      name: 'a parameter shadows the helper',
      code: `import fs from 'node:fs';
function read() {
  return fs.readFileSync('a');
}
export async function handler(read: () => string) {
  return read();
}`,
    },
    {
      name: 'reassigned variable is not followed',
      code: `import fs from 'node:fs';
let read = () => fs.readFileSync('a');
read = () => 'x';
export async function handler() {
  return read();
}`,
    },
    {
      name: 'sync generator: calling it does not run the body',
      code: `import fs from 'node:fs';
function* lines() {
  yield fs.readFileSync('a');
}
export async function handler() {
  return lines();
}`,
    },
    {
      name: 'test files never serve',
      code: `import fs from 'node:fs';
function read() {
  return fs.readFileSync('a');
}
it('reads', async () => {
  read();
});`,
      filename: 'tests/read.test.ts',
    },
    {
      name: 'class field initialiser runs at construction',
      code: `import fs from 'node:fs';
function read() {
  return fs.readFileSync('a');
}
class Store {
  data = read();
  async get() {
    return this.data;
  }
}`,
    },
    {
      name: 'a setter is not a getter',
      code: `import fs from 'node:fs';
class Store {
  set path(p: string) {
    fs.writeFileSync(p, '');
  }
  async get() {
    return this.path;
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a lazy singleton (`if (!store) store = new Store()`, `??=`) and a cache filled on a miss: the getter returns the instance',
      code: `import fs from 'node:fs';
class Store {
  save(data) { fs.writeFileSync('store.json', data); }
}
let store;
function getStore() {
  if (!store) store = new Store();
  return store;
}
let other = null;
const getOther = () => (other ??= new Store());
const spaces = new Map();
function spaceFor(name) {
  let space = spaces.get(name);
  if (!space) spaces.set(name, (space = { store: new Store(), name }));
  return space;
}
export async function handler(req) {
  getStore().save(req.body);
  getOther().save(req.body);
  spaceFor(req.user).store.save(req.body);
  const space = spaceFor(req.user);
  space.store.save(req.body);
}`,
      errors: [
        { messageId: 'blocking', line: 19, data: { callee: 'getStore().save()', chain: '`fs.writeFileSync` (line 3)', fix: 'In `save`, use `fs.promises.writeFile` instead.' }, suggestions: [] },
        { messageId: 'blocking', line: 20, data: { callee: 'getOther().save()', chain: '`fs.writeFileSync` (line 3)', fix: 'In `save`, use `fs.promises.writeFile` instead.' }, suggestions: [] },
        { messageId: 'blocking', line: 21, data: { callee: 'spaceFor(req.user).store.save()', chain: '`fs.writeFileSync` (line 3)', fix: 'In `save`, use `fs.promises.writeFile` instead.' }, suggestions: [] },
        { messageId: 'blocking', line: 23, data: { callee: 'space.store.save()', chain: '`fs.writeFileSync` (line 3)', fix: 'In `save`, use `fs.promises.writeFile` instead.' }, suggestions: [] },
      ],
    },
    {
      name: 'async helper that blocks inside: its call while serving is reported too (the blocking call runs on the event loop)',
      code: `import fs from 'node:fs';
async function load() {
  return fs.readFileSync('a');
}
async function loadBoth() {
  await Promise.resolve();
  return [await load(), fs.readFileSync('b')];
}
export async function handler() {
  return load();
}
export async function other() {
  return loadBoth();
}
async function main() {
  await load();
}
main();`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 17,
          data: { callee: 'load()', chain: '`fs.readFileSync` (line 3)', fix: 'In `load`, use `fs.promises.readFile` instead.' },
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 10,
          column: 10,
          data: { callee: 'load()', chain: '`fs.readFileSync` (line 3)', fix: 'In `load`, use `fs.promises.readFile` instead.' },
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 13,
          column: 10,
          data: { callee: 'loadBoth()', chain: '`fs.readFileSync` (line 7)', fix: 'In `loadBoth`, use `fs.promises.readFile` instead.' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'chain deeper than the depth cap: the calls whose rest of the chain fits are reported, the handler\'s is not',
      code: `import fs from 'node:fs';
function h1() {
  return h2();
}
function h2() {
  return h3();
}
function h3() {
  return h4();
}
function h4() {
  return h5();
}
function h5() {
  return h6();
}
function h6() {
  return fs.readFileSync('data.txt', 'utf8');
}
export async function handler() {
  return h1();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 15,
          column: 10,
          endLine: 15,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper that runs its query through a callback-taking wrapper of the same file',
      code: `const Database = require('better-sqlite3');
const db = new Database('document.db');
function stmt(query) { return db.prepare(query); }
function wrap(query, func) { return func(stmt(query)); }
function getRows(query, params) { return wrap(query, (s) => s.all(params)); }
module.exports.notes = async (req, res) => res.send(getRows('select * from notes', []));`,
      filename: 'file.js',
      errors: [{ messageId: 'blocking', line: 6, column: 53, endLine: 6, endColumn: 60, suggestions: [] }],
    },
    {
      name: 'typeAware setting without a program: untyped analysis, no crash',
      code: `import fs from 'node:fs';
import { loadConfig } from './lib';
function read() {
  return fs.readFileSync('a');
}
export async function handler() {
  return [loadConfig(), read()];
}`,
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: 'plain function, one hop',
      code: `import fs from 'node:fs';
function loadConfig() {
  return JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
export async function handler() {
  return loadConfig();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'arrow constant',
      code: `const { readFileSync } = require('fs');
const gitHead = () => readFileSync('.git/HEAD').toString();
export const handler = async () => ({ head: gitHead() });`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      name: 'two hops',
      code: `import fs from 'node:fs';
function a() {
  return b();
}
function b() {
  return fs.readFileSync('a');
}
export async function handler() {
  return a();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 11,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 11,
          suggestions: [],
        },
      ],
    },
    {
      name: 'three hops',
      code: `import fs from 'node:fs';
function h1() {
  return h2();
}
function h2() {
  return h3();
}
function h3() {
  return fs.readFileSync('data.txt', 'utf8');
}
export async function handler() {
  return h1();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'five hops is the depth cap',
      code: `import fs from 'node:fs';
function h1() {
  return h2();
}
function h2() {
  return h3();
}
function h3() {
  return h4();
}
function h4() {
  return h5();
}
function h5() {
  return fs.readFileSync('data.txt', 'utf8');
}
export async function handler() {
  return h1();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 12,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 18,
          column: 10,
          endLine: 18,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'class method called through this',
      code: `import bcrypt from 'bcrypt';
class Auth {
  hash(password: string) {
    return bcrypt.hashSync(password, 12);
  }
  async register(password: string) {
    const hash = this.hash(password);
    return { hash };
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'object-literal method',
      code: `import Database from 'better-sqlite3';
const sqlite = new Database('app.db');
const db = {
  first(sql: string) {
    return sqlite.prepare(sql).get();
  },
};
export async function handler() {
  return db.first('select 1');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'static method',
      code: `import fs from 'node:fs';
class Config {
  static load() {
    return fs.readFileSync('config.json', 'utf8');
  }
}
export async function handler() {
  return Config.load();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: 'method of an instance made in the file',
      code: `import fs from 'node:fs';
class Repo {
  all() {
    return fs.readdirSync('data');
  }
}
const repo = new Repo();
export async function handler() {
  return repo.all();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'method of a class field instance',
      code: `import fs from 'node:fs';
class Repo {
  all() {
    return fs.readdirSync('data');
  }
}
class Service {
  repo = new Repo();
  async list() {
    return this.repo.all();
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: 'inherited method',
      code: `import fs from 'node:fs';
class Base {
  read() {
    return fs.readFileSync('a');
  }
}
class Child extends Base {
  async get() {
    return this.read();
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: 'private method',
      code: `import fs from 'node:fs';
class Store {
  #read() {
    return fs.readFileSync('a');
  }
  async get() {
    return this.#read();
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'getter',
      code: `import fs from 'node:fs';
class Stack {
  get composeYAML() {
    return fs.readFileSync('compose.yaml', 'utf8');
  }
  async toJSON() {
    return { yaml: this.composeYAML };
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: 'constructor',
      code: `import { existsSync } from 'node:fs';
class Terminal {
  shell: string;
  constructor() {
    this.shell = existsSync('/bin/bash') ? 'bash' : 'sh';
  }
}
export async function open() {
  return new Terminal();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'mutual recursion terminates',
      code: `import fs from 'node:fs';
function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => visit(dir + '/' + name));
}
function visit(p: string): string[] {
  return p.endsWith('/') ? walk(p) : [p];
}
export async function handler() {
  return visit('root/');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 53,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      name: 'helper running its blocking call in a map callback',
      code: `import fs from 'node:fs';
function readAll(paths: string[]) {
  return paths.map((p) => fs.readFileSync(p, 'utf8'));
}
export async function handler(paths: string[]) {
  return readAll(paths);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    {
      name: 'helper running its blocking call in a Promise executor',
      code: `import fs from 'node:fs';
function load() {
  return new Promise((resolve) => {
    resolve(fs.readFileSync('a'));
  });
}
export async function handler() {
  return load();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'helper passed to an array method',
      code: `import fs from 'node:fs';
function readOne(p: string) {
  return fs.readFileSync(p);
}
export async function handler(paths: string[]) {
  return paths.map(readOne);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'helper called in a sync callback of an async function',
      code: `import fs from 'node:fs';
function size(p: string) {
  return fs.statSync(p).size;
}
export async function handler(paths: string[]) {
  return paths.map((p) => size(p));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: 'only the reported helper’s chain: other allowed APIs are skipped',
      code: `import fs from 'node:fs';
function load(p: string) {
  if (!fs.existsSync(p)) return null;
  return fs.readFileSync(p);
}
export async function handler() {
  return load('a');
}`,
      options: [{allow: ['existsSync']}],
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'async twin by stem: loadConfigSync / loadConfig',
      code: `import fs from 'node:fs';
export function loadConfigSync(p: string) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}
export async function loadConfig(p: string) {
  return JSON.parse(await fs.promises.readFile(p, 'utf8'));
}
export async function handler() {
  const config = loadConfigSync('config.json');
  return config.port;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestTwin',
              output: `import fs from 'node:fs';
export function loadConfigSync(p: string) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}
export async function loadConfig(p: string) {
  return JSON.parse(await fs.promises.readFile(p, 'utf8'));
}
export async function handler() {
  const config = await loadConfig('config.json');
  return config.port;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'async twin with the Async suffix, returning fs.promises',
      code: `import fs from 'node:fs';
function getUser(id: string) {
  return fs.readFileSync('users/' + id);
}
function getUserAsync(id: string) {
  return fs.promises.readFile('users/' + id);
}
export async function handler(id: string) {
  return getUser(id).toString();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestTwin',
              output: `import fs from 'node:fs';
function getUser(id: string) {
  return fs.readFileSync('users/' + id);
}
function getUserAsync(id: string) {
  return fs.promises.readFile('users/' + id);
}
export async function handler(id: string) {
  return (await getUserAsync(id)).toString();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'async twin method through this',
      code: `import fs from 'node:fs';
class Store {
  readSync() {
    return fs.readFileSync('a');
  }
  read() {
    return new Promise((resolve, reject) => fs.readFile('a', (error, data) => (error ? reject(error) : resolve(data))));
  }
  async get() {
    return this.readSync();
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestTwin',
              output: `import fs from 'node:fs';
class Store {
  readSync() {
    return fs.readFileSync('a');
  }
  read() {
    return new Promise((resolve, reject) => fs.readFile('a', (error, data) => (error ? reject(error) : resolve(data))));
  }
  async get() {
    return await this.read();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'twin that takes fewer arguments is not offered',
      code: `import fs from 'node:fs';
function readSync(p: string) {
  return fs.readFileSync(p);
}
async function read() {
  return fs.promises.readFile('a');
}
export async function handler() {
  return readSync('b');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'sync twin that does not return a promise is not offered',
      code: `import fs from 'node:fs';
function loadSync() {
  return fs.readFileSync('a');
}
function load() {
  return 'cached';
}
export async function handler() {
  return loadSync();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'several calls, each reported once',
      code: `import { gzipSync } from 'node:zlib';
function pack(data: string) {
  return gzipSync(data);
}
export async function handler(a: string, b: string) {
  return [pack(a), pack(b)];
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 15,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: 'twin in an optional call keeps the chain',
      code: `import fs from 'node:fs';
const store = {
  loadSync() {
    return fs.readFileSync('a');
  },
  async load() {
    return fs.promises.readFile('a');
  },
};
export async function handler() {
  return store.loadSync?.().length;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestTwin',
              output: `import fs from 'node:fs';
const store = {
  loadSync() {
    return fs.readFileSync('a');
  },
  async load() {
    return fs.promises.readFile('a');
  },
};
export async function handler() {
  return (await store.load?.()).length;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS helper',
      code: `const fs = require('fs');
function readJson(p) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}
module.exports = async function handler(p) {
  return readJson(p);
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'IIFE inside a helper runs synchronously',
      code: `import fs from 'node:fs';
function load() {
  return (() => fs.readFileSync('a'))();
}
export async function handler() {
  return load();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },

  ],
});
