import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import noSyncFs from '../rules/no-sync-fs.js';
import { validateRouteRegistrars } from '../src/settings.js';

describe('settings: routeRegistrars', () => {
  it('accepts the documented shapes', () => {
    const value = [
      { module: 'my-framework', methods: ['route'], instance: 'call', export: 'createServer' },
      { module: '@acme/rpc', methods: ['expose'], label: 'Acme RPC method' },
      { module: 'acme-server', methods: ['get', 'post'], instance: 'new' },
    ];
    expect(validateRouteRegistrars(value)).toEqual(value);
    expect(validateRouteRegistrars(undefined)).toEqual([]);
  });

  it.each([
    [{ methods: ['get'] }, /routeRegistrars\[0\] needs `module`/],
    [{ module: 'x', methods: [] }, /routeRegistrars\[0\] needs `methods`: a non-empty array/],
    [{ module: 'x', methods: ['get'], instance: 'factory' }, /routeRegistrars\[0\] has `instance` other than 'module', 'call' or 'new'/],
    [{ module: 'x', methods: ['get'], verbs: ['get'] }, /routeRegistrars\[0\] has an unknown property 'verbs'/],
    ['express', /routeRegistrars\[0\] must be an object/],
  ])('rejects %j with a clear error', (item, message) => {
    expect(() => validateRouteRegistrars([item])).toThrow(message);
  });

  it('rejects a non-array', () => {
    expect(() => validateRouteRegistrars({ module: 'x' })).toThrow(/routeRegistrars must be an array/);
  });

  it('surfaces the error when a rule runs', () => {
    const linter = new Linter();
    const run = () =>
      linter.verify(
        "import fs from 'node:fs';\nexport async function f() { return fs.readFileSync('a'); }",
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            settings: { 'event-loop': { routeRegistrars: [{ module: 'x' }] } },
            plugins: { 'event-loop': { rules: { 'no-sync-fs': noSyncFs } } } as never,
            rules: { 'event-loop/no-sync-fs': 'error' },
          },
        ],
        'file.ts',
      );
    expect(run).toThrow(/settings\['event-loop'\]\.routeRegistrars\[0\] needs `methods`/);
  });
});
