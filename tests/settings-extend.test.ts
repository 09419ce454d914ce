import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { catalogFor, userEntryPath } from '../src/catalog/user.js';
import plugin from '../src/index.js';
import { extensionSettings, validateAllow, validateBlockingApis, validateWorkerFiles, validateWorkerPool } from '../src/settings.js';

const lint = (code: string, settings: Record<string, unknown>, rules: string[] = Object.keys(plugin.rules)) =>
  new Linter().verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        settings: { 'event-loop': settings },
        plugins: { 'event-loop': plugin } as never,
        rules: Object.fromEntries(rules.map((rule) => [`event-loop/${rule}`, 'error'])),
      },
    ],
    'src/file.ts',
  );

describe('settings: workerPool', () => {
  it('accepts { module, export }', () => {
    expect(validateWorkerPool({ module: '#lib/offload', export: 'offload' })).toEqual({ module: '#lib/offload', export: 'offload' });
    expect(validateWorkerPool(undefined)).toBeNull();
  });

  it.each([
    ['#lib/offload', /workerPool must be an object \{ module, export \}/],
    [{ export: 'offload' }, /workerPool needs `module`/],
    [{ module: '#lib/offload' }, /workerPool needs `export`/],
    [{ module: '#lib/offload', export: 'offload', threads: 4 }, /workerPool has an unknown property 'threads'/],
    [{ module: './lib/offload.js', export: 'offload' }, /workerPool\.module '\.\/lib\/offload\.js' is a file path/],
  ])('rejects %j', (value, message) => {
    expect(() => validateWorkerPool(value)).toThrow(message);
  });
});

describe('settings: workerFiles', () => {
  it('accepts globs', () => expect(validateWorkerFiles(['src/workers/**'])).toEqual(['src/workers/**']));
  it.each([
    ['src/workers/**', /workerFiles must be an array of glob patterns/],
    [['src/workers/**', ''], /workerFiles\[1\] must be a non-empty glob pattern string/],
  ])('rejects %j', (value, message) => {
    expect(() => validateWorkerFiles(value)).toThrow(message);
  });
});

describe('settings: blockingApis', () => {
  const documented = [
    { module: '#lib/config', export: 'loadSync', family: 'fs', replacement: { module: '#lib/config', export: 'load' } },
    { module: '#lib/templates', export: 'renderSync', family: 'fs', replacement: 'templates.render' },
    { module: 'legacy-db', export: 'Client', instance: 'new', method: 'querySync', family: 'database', message: 'Use the db pool.' },
    { module: 'sync-thing', family: 'http' },
  ];

  it('accepts the documented shapes', () => {
    expect(validateBlockingApis(documented)).toEqual(documented);
    expect(validateBlockingApis(undefined)).toEqual([]);
  });

  it.each([
    [{ export: 'loadSync', family: 'fs' }, /blockingApis\[0\] needs `module`/],
    [{ module: 'x', export: 'loadSync' }, /blockingApis\[0\] needs `family`: one of fs, child-process, http, busy-wait, crypto, zlib, database/],
    [{ module: 'x', export: 'loadSync', family: 'disk' }, /blockingApis\[0\] needs `family`/],
    [{ module: 'x', export: 'a..b', family: 'fs' }, /blockingApis\[0\] has an `export` that is not a dotted export path/],
    [{ module: 'x', export: 'Client', instance: 'class', method: 'q', family: 'database' }, /blockingApis\[0\] has `instance` other than 'new' or 'call'/],
    [{ module: 'x', export: 'Client', instance: 'new', family: 'database' }, /blockingApis\[0\] has `instance` but no `method`/],
    [{ module: 'x', method: 'querySync', family: 'database' }, /blockingApis\[0\] has `method` without `instance`/],
    [{ module: 'x', export: 'a', family: 'fs', replacement: 3 }, /blockingApis\[0\] has a `replacement` that is neither a text nor an object/],
    [{ module: 'x', export: 'a', family: 'fs', replacement: { export: 'b' } }, /blockingApis\[0\]\.replacement needs `module`/],
    [{ module: 'x', export: 'a', family: 'fs', replacement: { module: 'x', export: 'promises.b' } }, /blockingApis\[0\]\.replacement needs `export`/],
    [{ module: 'x', export: 'a', family: 'fs', replacement: { module: 'x', export: 'b', async: true } }, /blockingApis\[0\]\.replacement has an unknown property 'async'/],
    [{ module: 'x', export: 'a', family: 'fs', replacement: { module: 'x', export: 'b', promisify: 'yes' } }, /blockingApis\[0\]\.replacement has a `promisify` that is not a boolean/],
    [{ module: 'x', export: 'C', instance: 'new', method: 'q', family: 'database', replacement: { module: 'x', export: 'q' } }, /blockingApis\[0\] is an instance method: its `replacement` can only be a text/],
    [{ module: 'x', export: 'a', family: 'fs', message: '' }, /blockingApis\[0\] has a `message` that is not a non-empty string/],
    [{ module: 'x', export: 'a', family: 'fs', twin: 'b' }, /blockingApis\[0\] has an unknown property 'twin'/],
    ['x.loadSync', /blockingApis\[0\] must be an object/],
  ])('rejects %j with a clear error', (item, message) => {
    expect(() => validateBlockingApis([item])).toThrow(message);
  });

  it('names the index of the bad entry', () => {
    expect(() => validateBlockingApis([documented[0], { module: 'y', family: 'nope' }])).toThrow(/blockingApis\[1\]/);
  });

  it('paths: export, instance segment, method', () => {
    expect(userEntryPath({ module: 'x', export: 'sync.read', family: 'fs' })).toEqual(['sync', 'read']);
    expect(userEntryPath({ module: 'x', export: 'default', family: 'fs' })).toEqual([]);
    expect(userEntryPath({ module: 'x', export: 'Client', instance: 'new', method: 'querySync', family: 'database' })).toEqual(['Client', 'new()', 'querySync']);
    expect(userEntryPath({ module: 'x', instance: 'call', method: 'db.exec', family: 'database' })).toEqual(['()', 'db', 'exec']);
  });

  it('compiles once per settings object; no entries means the built-in catalog', () => {
    const raw = { blockingApis: documented };
    const settings = extensionSettings({ 'event-loop': raw });
    expect(extensionSettings({ 'event-loop': raw })).toBe(settings);
    const catalog = catalogFor(settings);
    expect(catalogFor(settings)).toBe(catalog);
    expect(catalog.entries.length).toBe(CATALOG.entries.length + documented.length);
    expect(catalogFor(extensionSettings({ 'event-loop': {} }))).toBe(CATALOG);
    expect(catalogFor(extensionSettings(undefined))).toBe(CATALOG);
  });
});

describe('settings: allow', () => {
  it('accepts objects and names', () => {
    expect(validateAllow([{ module: 'node:fs', export: 'existsSync' }, 'pathExistsSync'])).toEqual([{ module: 'node:fs', export: 'existsSync' }, 'pathExistsSync']);
  });
  it.each([
    [{ module: 'fs' }, /allow\[0\] needs `export`/],
    [{ export: 'existsSync' }, /allow\[0\] needs `module`/],
    [{ module: 'fs', export: 'existsSync', rule: 'no-sync-fs' }, /allow\[0\] has an unknown property 'rule'/],
    [42, /allow\[0\] must be \{ module, export \} or an export name string/],
  ])('rejects %j', (item, message) => {
    expect(() => validateAllow([item])).toThrow(message);
  });
  it('rejects a non-array', () => expect(() => validateAllow('existsSync')).toThrow(/allow must be an array/));
});

describe('settings in messages', () => {
  const apis = [
    { module: '#lib/config', export: 'loadSync', family: 'fs', replacement: { module: '#lib/config', export: 'load' } },
    { module: '#lib/templates', export: 'renderSync', family: 'fs', replacement: 'templates.render' },
    { module: 'legacy-db', export: 'Client', instance: 'new', method: 'querySync', family: 'database' },
    { module: 'node:zlib', export: 'gzipSync', family: 'zlib', message: 'Use the gzip stream from `#lib/compress`.' },
  ];
  const code = `import config from '#lib/config';
import { renderSync } from '#lib/templates';
import { Client } from 'legacy-db';
import zlib from 'zlib';
const client = new Client();
export async function page(name: string) {
  return [config.loadSync(name), renderSync(name), client.querySync('select 1'), zlib.gzipSync(name)];
}`;

  it('each user entry is reported once, by its family, with its replacement or message', () => {
    const messages = lint(code, { blockingApis: apis }).map((message) => `${message.ruleId}: ${message.message}`);
    expect(messages).toEqual([
      "event-loop/no-sync-fs: `#lib/config.loadSync` blocks the event loop inside async function 'page'; use `#lib/config.load` instead.",
      "event-loop/no-sync-fs: `#lib/templates.renderSync` blocks the event loop inside async function 'page'; use `templates.render` instead.",
      'event-loop/no-sync-database: `legacy-db Client#querySync` blocks the event loop inside async function \'page\'; run it in a worker thread that owns its own instance (see "Instances" in docs/worker-pool.md).',
      "event-loop/no-sync-zlib: `zlib.gzipSync` blocks the event loop inside async function 'page'; use the gzip stream from `#lib/compress`.",
    ]);
  });

  it('settings allow silences an API in every rule', () => {
    const messages = lint(code, { blockingApis: apis, allow: [{ module: '#lib/config', export: 'loadSync' }, 'renderSync', 'legacy-db Client#querySync', { module: 'zlib', export: 'gzipSync' }] });
    expect(messages).toEqual([]);
  });

  it('a bad setting surfaces as an error naming it when a rule runs', () => {
    expect(() => lint(code, { blockingApis: [{ module: 'x', export: 'y', family: 'disk' }] }, ['no-sync-fs'])).toThrow(
      /settings\['event-loop'\]\.blockingApis\[0\] needs `family`/,
    );
    expect(() => lint(code, { workerPool: { module: '#lib/offload' } }, ['no-busy-wait'])).toThrow(/settings\['event-loop'\]\.workerPool needs `export`/);
  });

  it('an unknown key is an error naming it and the known ones', () => {
    expect(() => lint(code, { workerpool: { module: '#lib/offload', export: 'offload' } }, ['no-sync-fs'])).toThrow(
      /settings\['event-loop'\] has an unknown property 'workerpool' \(allowed: blockingApis, allow, workerPool, workerFiles, routeRegistrars, typeAware, followNodeModules, crossFile, trace\)/,
    );
  });

  it('typeAware and followNodeModules are checked', () => {
    expect(() => lint(code, { typeAware: 'on' }, ['no-sync-fs'])).toThrow(/settings\['event-loop'\]\.typeAware must be 'auto'/);
    expect(() => lint(code, { typeAware: 'auto', followNodeModules: 'yes' }, ['no-indirect-blocking'])).toThrow(/settings\['event-loop'\]\.followNodeModules must be a boolean/);
    expect(lint(code, { typeAware: 'off', followNodeModules: false }, ['no-sync-fs'])).toBeInstanceOf(Array);
    expect(() => lint(code, { crossFile: 'no' }, ['no-sync-fs'])).toThrow(/settings\['event-loop'\]\.crossFile must be a boolean/);
    expect(lint(code, { crossFile: false }, ['no-sync-fs'])).toBeInstanceOf(Array);
  });
});
