// `recommendedTypeChecked` without a program does what `recommended` does: the run says so, once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ESLINT_BIN = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-typed-warning-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HANDLER = (name: string) => `import fs from 'node:fs';\nexport async function ${name}(file: string): Promise<Buffer> {\n  return fs.readFileSync(file);\n}\n`;
writeFileSync(path.join(scratch, 'a.ts'), HANDLER('a'));
writeFileSync(path.join(scratch, 'b.ts'), HANDLER('b'));
writeFileSync(path.join(scratch, 'c.js'), "import fs from 'node:fs';\nexport async function c(file) {\n  return fs.readFileSync(file);\n}\n");
writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [], noEmit: true }, include: ['*.ts'] }));
const parserUrl = JSON.stringify(pathToFileURL(path.join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href);
const pluginUrl = JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/index.js')).href);

function lint(config: string, files: string[]) {
  const configFile = path.join(scratch, `eslint.config.${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(configFile, `import * as tsParser from ${parserUrl};\nimport plugin from ${pluginUrl};\nexport default ${config};\n`);
  const run = spawnSync(process.execPath, [ESLINT_BIN, '--config', configFile, '--format', 'json', ...files], { cwd: scratch, encoding: 'utf8' });
  const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[]).flatMap((result) => result.messages.map((message) => message.ruleId));
  return { status: run.status, stderr: run.stderr, messages };
}

const WARNING = /eslint-plugin-event-loop: typeAware is 'auto' \(configs\.recommendedTypeChecked\), but the parser gave no TypeScript program/g;

describe('recommendedTypeChecked without a program', () => {
  it('warns once per run, naming the first TypeScript file and the fix, and still reports', () => {
    const run = lint(`[{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommendedTypeChecked]`, ['a.ts', 'b.ts']);
    expect(run.messages).toEqual(['event-loop/no-sync-fs', 'event-loop/no-sync-fs']);
    expect(run.stderr.match(WARNING)).toHaveLength(1);
    // ESLint reads files concurrently: the first one linted may be either.
    expect(run.stderr).toMatch(/for [ab]\.ts\b/);
    expect(run.stderr).toContain('projectService: true');
  });

  it('warns once at the end when no JavaScript file of the run had a program', () => {
    const run = lint('[plugin.configs.recommendedTypeChecked]', ['c.js']);
    expect(run.messages).toEqual(['event-loop/no-sync-fs']);
    expect(run.stderr.match(WARNING)).toHaveLength(1);
    expect(run.stderr).toContain('for any linted file');
  });

  it('says nothing when the parser has a program, nor under configs.recommended', () => {
    const typed = lint(
      `[{ files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(scratch)} } } }, plugin.configs.recommendedTypeChecked]`,
      ['a.ts', 'b.ts'],
    );
    expect(typed.messages).toEqual(['event-loop/no-sync-fs', 'event-loop/no-sync-fs']);
    expect(typed.stderr).toBe('');
    const untyped = lint(`[{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended]`, ['a.ts', 'c.js']);
    expect(untyped.messages).toEqual(['event-loop/no-sync-fs', 'event-loop/no-sync-fs']);
    expect(untyped.stderr).toBe('');
  });
});
