// Output stays bounded on pathological files: the listing's diff costs what a suggestion's own
// lines cost, and a file's suggestion text grows linearly with the file, not quadratically.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixPreview, lineDiff, MAX_PREVIEW_LINES } from '../../src/cli-format.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-bounded-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI under a 256 MB heap cap: a quadratic diff or suggestion text would not fit. */
function cli(...args: string[]) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, ...args], { cwd: scratch, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

describe('bounded output', () => {
  it('a 40,000-line file through the default listing: both import-adding suggestions shown, in bounded time and memory', () => {
    const lines = ["import { execSync } from 'node:child_process';", 'let total = 0;', 'export async function near() {', "  return execSync('ls');", '}'];
    for (let index = 0; index < 40_000; index++) lines.push(`total += ${index};`);
    lines.push('export async function far() {', "  return execSync('ls');", '}');
    writeFileSync(path.join(scratch, 'big.js'), `${lines.join('\n')}\n`);
    const run = cli('big.js');
    expect(run.status, run.stderr).toBe(1);
    expect(run.seconds).toBeLessThan(90);
    const previews = run.stdout.split('suggestion:').slice(1);
    expect(previews).toHaveLength(2);
    for (const preview of previews) {
      // Only the changed lines, however far apart the import and the call are.
      expect(preview.split('\n').filter((line) => /^\s+[-+] /.test(line))).toEqual([
        "        - import { execSync } from 'node:child_process';",
        "        + import { execSync, exec } from 'node:child_process';",
        "        + import { promisify } from 'node:util';",
        "        - return execSync('ls');",
        "        + return (await promisify(exec)('ls', { encoding: 'buffer' })).stdout;",
      ]);
    }
  }, 180_000);

  it('20,000 calls in one sync handler: every call reported, suggestion text linear in the file', () => {
    const lines = ["import { execSync } from 'node:child_process';", "import express from 'express';", 'const app = express();', 'export function handler(req, res) {'];
    for (let index = 0; index < 20_000; index++) lines.push(`  execSync('echo ${index}');`);
    lines.push('}', "app.get('/', handler);");
    const text = `${lines.join('\n')}\n`;
    writeFileSync(path.join(scratch, 'many.js'), text);
    const run = cli('--format', 'json', 'many.js');
    expect(run.status, run.stderr).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { line: number; suggestions?: { fix: { text: string } }[] }[] }[];
    expect(result!.messages).toHaveLength(20_000);
    const suggested = result!.messages.filter((message) => message.suggestions?.length);
    // The calls nearest the handler's start keep their make-async suggestion...
    expect(suggested[0]!.line).toBe(5);
    expect(suggested.length).toBeGreaterThan(100);
    // ...and all suggestion text together stays within a few times the file (it was 5 GB).
    const suggestionText = suggested.reduce((sum, message) => sum + message.suggestions!.reduce((total, suggestion) => total + suggestion.fix.text.length, 0), 0);
    expect(suggestionText).toBeLessThan(4 * text.length + 2_000_000);
  }, 180_000);
});

describe('fixPreview and lineDiff', () => {
  it('diffs only the lines the fix touches', () => {
    const source = `a\n${'x\n'.repeat(50_000)}readFileSync(p);\nb\n`;
    const at = source.indexOf('readFileSync');
    expect(fixPreview(source, { range: [at, at + 'readFileSync(p)'.length], text: 'await readFile(p)' })).toEqual(['- readFileSync(p);', '+ await readFile(p);']);
  });

  it('prints at most MAX_PREVIEW_LINES changed lines, then counts the rest', () => {
    const before = Array.from({ length: 100 }, (_, index) => `old ${index}`).join('\n');
    const after = Array.from({ length: 100 }, (_, index) => `new ${index}`).join('\n');
    const out = lineDiff(before, after);
    expect(out).toHaveLength(MAX_PREVIEW_LINES + 1);
    expect(out.at(-1)).toBe(`… ${200 - MAX_PREVIEW_LINES} more changed lines`);
  });

  it('gives up past its edit bound with a one-line summary instead of a quadratic search', () => {
    const before = Array.from({ length: 3_000 }, (_, index) => `a${index}`).join('\n');
    const after = Array.from({ length: 3_000 }, (_, index) => `b${index}`).join('\n');
    expect(lineDiff(before, after)).toEqual(['(a rewrite of 3000 lines into 3000: too large to show)']);
  });
});
