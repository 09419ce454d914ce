import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../dist/src/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The packed tarball in a scratch project: `npm install` it next to ESLint 10, write the one-line
 * flat config the README shows, and run `npx eslint` and the `event-loop-lint` bin.
 */
describe('npm pack in a scratch project', () => {
  let scratch: string;
  let files: string[];

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-pack-'));
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' })) as [
      { filename: string; files: { path: string }[] },
    ];
    files = packed[0].files.map((file) => file.path);
    const tarball = path.join(scratch, packed[0].filename);
    writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    // The versions this repository already resolved: no new downloads when npm's cache has them.
    const eslintVersion = JSON.parse(execFileSync(NPM, ['ls', 'eslint', '--json', '--depth=0'], { cwd: ROOT, encoding: 'utf8' })).dependencies.eslint.version as string;
    execFileSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `eslint@${eslintVersion}`], { cwd: scratch, stdio: 'pipe' });
    writeFileSync(
      path.join(scratch, 'eslint.config.js'),
      "import eventLoop from 'eslint-plugin-event-loop';\n\nexport default [eventLoop.configs.recommended];\n",
    );
    mkdirSync(path.join(scratch, 'src'));
    writeFileSync(
      path.join(scratch, 'src/app.js'),
      "import fs from 'node:fs';\nconst config = fs.readFileSync('config.json', 'utf8');\nexport async function load(name) {\n  return fs.readFileSync(name, 'utf8') + config;\n}\n",
    );
  }, 180_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('ships the built code, types and rule docs, not sources or tests', () => {
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/cli.js');
    expect(files).toContain('docs/rules/no-sync-fs.md');
    expect(files).toContain('README.md');
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('tests/') || file.startsWith('docs/examples/'))).toBe(false);
  });

  it('npx eslint with `export default [eventLoop.configs.recommended]` reports the blocking call', () => {
    const run = spawnSync(NPM, ['exec', '--', 'eslint', '--format', 'json', 'src'], { cwd: scratch, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; suggestions?: unknown[] }[] }[];
    expect(result!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', line: 4, column: 10 }]);
    expect(result!.messages[0]!.suggestions).toHaveLength(1);
  });

  it('the event-loop-lint bin works from the installed package', () => {
    const run = spawnSync(NPM, ['exec', '--', 'event-loop-lint', 'src'], { cwd: scratch, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('`fs.readFileSync` blocks the event loop inside async function \'load\'');
    expect(readdirSync(path.join(scratch, 'node_modules/.bin'))).toContain('event-loop-lint');
  });

  it('publint finds nothing to fix in the installed package, suggestions included', async () => {
    const { messages } = await publint({ pkgDir: path.join(scratch, 'node_modules/eslint-plugin-event-loop'), pack: false, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it("every rule's docs URL names a doc the package ships", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta!.docs!.url!;
      const shipped = url.replace(/^.*\/blob\/main\//, '');
      expect(shipped, `${name}: ${url}`).toBe(`docs/rules/${name}.md`);
      expect(files, name).toContain(shipped);
    }
  });

  it('relative links in the shipped README and docs point at shipped files', () => {
    const installed = path.join(scratch, 'node_modules/eslint-plugin-event-loop');
    const broken: string[] = [];
    let checked = 0;
    for (const file of files.filter((name) => name.endsWith('.md'))) {
      // Code (fenced blocks and inline spans) is not prose: `fn(...args)` is no link.
      const text = readFileSync(path.join(installed, file), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#/.test(target!)) continue;
        const resolved = path.join(path.dirname(path.join(installed, file)), target!.replace(/#.*$/, ''));
        checked += 1;
        if (!existsSync(resolved)) broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
