// The README rules list and the rule doc headers are what eslint-doc-generator generates from the
// rules' meta and the configs (`npm run docs` rewrites them).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('eslint-doc-generator --check', () => {
  it('passes: README rules list and rule doc headers are up to date', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
