// The JSON schema of settings['event-loop'] agrees with the plugin's own validation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SETTINGS_SCHEMA, type EventLoopSettings } from '../src/index.js';
import { extensionSettings, validateRouteRegistrars } from '../src/settings.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const validate = new Ajv({ allErrors: true }).compile(SETTINGS_SCHEMA);

function pluginAccepts(settings: unknown): boolean {
  try {
    extensionSettings({ 'event-loop': settings });
    validateRouteRegistrars((settings as { routeRegistrars?: unknown }).routeRegistrars);
    return true;
  } catch {
    return false;
  }
}

const ACCEPTED: EventLoopSettings[] = [
  {},
  { workerPool: { module: '#lib/offload', export: 'offload' } },
  { workerPool: { module: '@acme/pool', export: 'default' } },
  { workerPool: null },
  { workerFiles: ['src/workers/**', '!src/workers/legacy/**'] },
  { allow: ['existsSync', 'fs.statSync', { module: 'fs', export: 'realpathSync.native' }] },
  { blockingApis: [{ module: 'legacy-config', export: 'loadSync', family: 'fs', replacement: { module: 'legacy-config', export: 'load' } }] },
  { blockingApis: [{ module: 'db', instance: 'new', method: 'querySync', family: 'database', replacement: 'db.query' }] },
  { blockingApis: [{ module: 'x', family: 'crypto', message: 'Use the pool.' }] },
  { routeRegistrars: [{ module: 'my-fw', methods: ['route'], instance: 'call', export: 'createApp', label: 'my-fw handler' }] },
  { typeAware: 'auto', followNodeModules: true },
];

const REFUSED: unknown[] = [
  { workerPol: {} },
  { workerPool: { module: '#lib/offload', export: 'class' } },
  { workerPool: { module: '#lib/offload', export: 'a-b c' } },
  { workerPool: { module: "it's", export: 'offload' } },
  { workerPool: { module: './lib/offload.js', export: 'offload' } },
  { workerPool: { module: '#lib/offload' } },
  { workerFiles: 'src/**' },
  { workerFiles: [''] },
  { allow: [{ module: 'fs' }] },
  { allow: [{ module: 'fs', export: 'a..b' }] },
  { blockingApis: [{ module: 'x', family: 'network' }] },
  { blockingApis: [{ module: 'x', family: 'fs', method: 'querySync' }] },
  { blockingApis: [{ module: 'x', family: 'fs', instance: 'new' }] },
  { blockingApis: [{ module: 'x', family: 'fs', instance: 'new', method: 'q', replacement: { module: 'y', export: 'z' } }] },
  { blockingApis: [{ module: 'x', family: 'fs', replacement: { module: 'y', export: 'let' } }] },
  { routeRegistrars: [{ module: 'my-fw', methods: [] }] },
  { routeRegistrars: [{ module: 'my-fw', methods: ['get'], instance: 'factory' }] },
  { typeAware: true },
  { followNodeModules: 'yes' },
];

describe('settings.schema.json', () => {
  it.each(ACCEPTED.map((settings) => [JSON.stringify(settings), settings]))('accepts %s, as the plugin does', (_, settings) => {
    expect(pluginAccepts(settings)).toBe(true);
    expect(validate(settings), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(REFUSED.map((settings) => [JSON.stringify(settings), settings]))('refuses %s, as the plugin does', (_, settings) => {
    expect(pluginAccepts(settings)).toBe(false);
    expect(validate(settings)).toBe(false);
  });

  it('is shipped as dist/settings.schema.json, the same schema', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/settings.schema.json'), 'utf8'))).toEqual(SETTINGS_SCHEMA);
  });
});
