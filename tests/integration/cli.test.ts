// event-loop-lint as a CI step: exit codes, warnings, formatters, output files, pipes, parsers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  writeFileSync(path.join(scratch, file), text);
}
const BLOCKING = "import fs from 'node:fs';\nexport async function load(name) {\n  return fs.readFileSync(name, 'utf8');\n}\n";
write('bad/app.js', BLOCKING);
write('bad/app.ts', "import fs from 'node:fs';\nexport async function load(name: string): Promise<string> {\n  return fs.readFileSync(name, 'utf8');\n}\n");
write('clean/ok.js', 'export const ok = 1;\n');
write('clean/dist/bundle.js', 'export const bundled = 1;\n');
write('typed-js/annotated.js', 'let port: number = 3000;\nexport { port };\n');

function cli(args: readonly string[], cwd = scratch) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

describe('event-loop-lint exit codes', () => {
  it('exits 1 with findings, 0 without', () => {
    expect(cli(['bad']).status).toBe(1);
    const clean = cli(['clean/ok.js']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('No blocking calls found.\n');
  });

  it('a path that does not exist is an error (exit 2), not "No blocking calls found."', () => {
    const run = cli(['srcc']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('event-loop-lint: no such file or directory: srcc\n');
  });

  it('a glob that matches nothing is an error too, as in ESLint', () => {
    const run = cli(['nothing/**/*.js']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("No files matching 'nothing/**/*.js' were found.");
  });

  it('an unknown --format is a one-line error before anything is linted', () => {
    const run = cli(['--format', 'no-such-formatter', 'bad']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^event-loop-lint: cannot load the formatter 'no-such-formatter': /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--max-warnings counts warnings, as ESLint does; errors always fail', () => {
    // An explicitly named file under dist/ is ignored, which ESLint reports as one warning.
    const args = ['clean/ok.js', 'clean/dist/bundle.js'];
    const plain = cli(args);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('0 errors, 1 warning');
    expect(cli([...args, '--max-warnings', '1']).status).toBe(0);
    const over = cli([...args, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('event-loop-lint: too many warnings (1; maximum: 0).\n');
    expect(cli(['bad', '--max-warnings', '100']).status).toBe(1);
    expect(cli(['bad', '--max-warnings', 'lots']).status).toBe(2);
    expect(cli(['bad', '--max-warnings', '-1']).status).toBe(2);
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const run = cli(['bad/app.js', '--format', 'json', '--output-file', 'reports/event-loop.json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const [result] = JSON.parse(readFileSync(path.join(scratch, 'reports/event-loop.json'), 'utf8')) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['event-loop/no-sync-fs']);
  });

  it('`| head` closes the pipe early: no EPIPE stack trace', () => {
    const many = Array.from({ length: 400 }, (_, index) => `  fs.readFileSync('f${index}');`).join('\n');
    write('many/app.js', `import fs from 'node:fs';\nexport async function handler() {\n${many}\n}\n`);
    const run = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} many | head -n 3`], { cwd: scratch, encoding: 'utf8' });
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(run.stderr).toBe('');
  });
});

describe('event-loop-lint listing', () => {
  it('a byte-order mark does not shift the suggestion preview', () => {
    write('bom/app.js', `\uFEFF${BLOCKING}`);
    const run = cli(['bom']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("        - return fs.readFileSync(name, 'utf8');\n        + return await fs.promises.readFile(name, 'utf8');\n");
  });
});

describe('event-loop-lint parsers', () => {
  it('parses JavaScript with ESLint’s own parser (espree): TypeScript syntax in a .js file is a parse error', () => {
    const run = cli(['typed-js', '--format', 'json']);
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { message: string; fatal?: boolean }[] }[];
    expect(result!.messages).toMatchObject([{ fatal: true, message: 'Parsing error: Unexpected token :' }]);
  });

  it('parses TypeScript with @typescript-eslint/parser when it is installed', () => {
    const run = cli(['bad', '--format', 'json']);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)])).toEqual([
      ['app.js', ['event-loop/no-sync-fs']],
      ['app.ts', ['event-loop/no-sync-fs']],
    ]);
    expect(run.stderr).toBe('');
  });
});
