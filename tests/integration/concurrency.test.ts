// ESLint's `--concurrency` lints files in worker threads, each loading the plugin (and compiling
// the catalog) on its own: the findings and suggestions must be the same as in one thread.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ESLINT_BIN = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-concurrency-'));
const configFile = path.join(scratch, 'eslint.config.js');
writeFileSync(
  configFile,
  [
    `import * as tsParser from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href)};`,
    `import plugin from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/index.js')).href)};`,
    `export default [{ files: ['**/*.{js,cjs,mjs,ts}'], languageOptions: { parser: tsParser } }, plugin.configs.all];`,
  ].join('\n'),
);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; suggestions?: { desc: string; fix: unknown }[] }[];
}

function lint(...extra: string[]): Result[] {
  const run = spawnSync(process.execPath, [ESLINT_BIN, '--config', configFile, '--format', 'json', ...extra, 'docs/examples'], { cwd: ROOT, encoding: 'utf8' });
  // ESLint warns that 2 threads are many for a handful of files (ESLintPoorConcurrencyWarning); nothing else may be printed.
  expect(run.stderr.split('\n').filter((line) => line.trim() && !/ESLintPoorConcurrencyWarning|--trace-warnings/.test(line))).toEqual([]);
  // 1: problems found, which docs/examples has on purpose.
  expect(run.status).toBe(1);
  return (JSON.parse(run.stdout) as Result[]).map(({ filePath, messages }) => ({ filePath, messages })).sort((a, b) => a.filePath.localeCompare(b.filePath));
}

describe('ESLint --concurrency 2', () => {
  it('finds exactly what a single thread finds, with the same suggestions', () => {
    const single = lint();
    const parallel = lint('--concurrency', '2');
    expect(single.flatMap((result) => result.messages).length).toBeGreaterThan(5);
    expect(parallel).toEqual(single);
  });
});
