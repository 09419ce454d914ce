// The `allow` option's schema has no `uniqueItems`: ajv checks that pairwise, which made ESLint's
// option validation quadratic (47 s at 100,000 entries).
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('allow at scale', () => {
  it('100,000 allow entries validate and lint in bounded time, duplicates included', () => {
    const allow = Array.from({ length: 100_000 }, (_, index) => (index % 2 ? `helper${index}Sync` : { module: 'fs', export: `x${index % 1000}Sync` }));
    allow.push('readFileSync', 'readFileSync');
    const started = performance.now();
    const messages = new Linter().verify(
      "import fs from 'node:fs';\nexport async function a() { fs.readFileSync('a'); fs.statSync('b'); }\n",
      [{ plugins: { 'event-loop': plugin }, rules: { 'event-loop/no-sync-fs': ['error', { allow }] } }],
      'file.js',
    );
    const seconds = (performance.now() - started) / 1000;
    expect(messages.map((message) => message.message)).toEqual([expect.stringContaining('`fs.statSync` blocks the event loop')]);
    expect(seconds).toBeLessThan(15);
  }, 60_000);
});
