import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

// End to end: lint a module that hashes with bcryptjs's sync API, apply the worker-pool suggestions,
// write the result next to the helper copied from docs/worker-pool.md (so the doc is what runs),
// run both versions in a child process and compare results and event-loop responsiveness.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/offload/accounts.mjs');
const SETTINGS = { 'event-loop': { workerPool: { module: '#lib/offload', export: 'offload' } } };

/** The doc's code block whose first line names `file` (`// offload.mjs: …`). */
function docBlock(file: string): string {
  const doc = readFileSync(path.join(ROOT, 'docs/worker-pool.md'), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!).find((code) => code.startsWith(`// ${file}:`));
  if (!block) throw new Error(`docs/worker-pool.md has no code block for ${file}`);
  return block;
}

/** Applies the first worker-pool suggestion, again and again, until none is left. */
function applyOffloadSuggestions(code: string): { code: string; applied: string[] } {
  const linter = new Linter();
  const config = [{ files: ['**/*.mjs'], settings: SETTINGS, plugins: { 'event-loop': plugin }, rules: { 'event-loop/no-sync-crypto': 'error' } }] as Linter.Config[];
  const applied: string[] = [];
  for (let round = 0; round < 10; round++) {
    // Linted under an application path: the fixture's own path (tests/) is a test file.
    const messages = linter.verify(code, config, 'src/accounts.mjs');
    const suggestion = messages.flatMap((message) => message.suggestions ?? []).find((candidate) => candidate.messageId?.startsWith('suggestOffload'));
    if (!suggestion) return { code, applied };
    applied.push(suggestion.messageId!);
    code = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
  }
  throw new Error('suggestions did not settle');
}

const RUNNER = `
const [modulePath] = process.argv.slice(2);
const accounts = await import(modulePath);
const SALT = '$2b$10$AgyCtNka3y7px0.B/GUr5O';
let ticks = 0;
const timer = setInterval(() => ticks++, 5);
const start = performance.now();
const { hash } = await accounts.register('correct horse', SALT);
const checks = await accounts.verifyAll('correct horse', [hash, SALT + 'x'.repeat(31), hash]);
const ms = performance.now() - start;
clearInterval(timer);
console.log(JSON.stringify({ hash, checks, ticks, ms }));
process.exit(0);
`;

interface Run {
  hash: string;
  checks: boolean[];
  ticks: number;
  ms: number;
}

const run = async (dir: string, file: string): Promise<Run> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['runner.mjs', `./${file}`], { cwd: dir, timeout: 60_000 });
  return JSON.parse(stdout) as Run;
};

describe('worker-pool suggestion, end to end with piscina', () => {
  let dir: string;
  let rewritten: { code: string; applied: string[] };

  beforeAll(() => {
    dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'event-loop-offload-')));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', imports: { '#lib/offload': './offload.mjs' } }));
    writeFileSync(path.join(dir, 'offload.mjs'), docBlock('offload.mjs'));
    writeFileSync(path.join(dir, 'offload-worker.mjs'), docBlock('offload-worker.mjs'));
    writeFileSync(path.join(dir, 'runner.mjs'), RUNNER);
    cpSync(FIXTURE, path.join(dir, 'accounts-sync.mjs'));
    rewritten = applyOffloadSuggestions(readFileSync(FIXTURE, 'utf8'));
    writeFileSync(path.join(dir, 'accounts-offloaded.mjs'), rewritten.code);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites both calls: in place, and under Promise.all for the map callback', () => {
    expect(rewritten.applied).toEqual(['suggestOffload', 'suggestOffloadPromiseAll']);
    expect(rewritten.code).toContain("import { offload } from '#lib/offload';");
    expect(rewritten.code).toContain("const hash = await offload('bcryptjs', 'hashSync', password, salt);");
    expect(rewritten.code).toContain("const results = await Promise.all(hashes.map(async (hash) => await offload('bcryptjs', 'compareSync', password, hash)));");
  });

  it('returns what the sync code returned, and the event loop keeps turning meanwhile', async () => {
    const sync = await run(dir, 'accounts-sync.mjs');
    const offloaded = await run(dir, 'accounts-offloaded.mjs');
    expect(offloaded.hash).toBe(sync.hash);
    expect(offloaded.checks).toEqual(sync.checks);
    expect(sync.checks).toEqual([true, false, true]);
    // The sync version holds the thread for the whole run: the interval never fires in between.
    expect(sync.ticks).toBe(0);
    // Offloaded, the main thread is idle while the workers hash: the 5 ms interval keeps firing
    // (a loose bound: timers on a loaded machine fire late, but they fire).
    expect(offloaded.ticks).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
