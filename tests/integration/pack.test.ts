import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../dist/src/index.js';
import { lockedVersion, npmExec, pack, remove, scratchProject, type Packed } from './scratch.js';

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(full) : statSync(full).size;
  }
  return total;
}

/** A package and what its dependencies (and installed optional dependencies) pull in, transitively. */
function installedClosure(project: string, name: string, found = new Set<string>()): Set<string> {
  if (found.has(name)) return found;
  const manifest = path.join(project, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return found;
  found.add(name);
  const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  for (const dependency of [...Object.keys(dependencies), ...Object.keys(optionalDependencies)]) installedClosure(project, dependency, found);
  return found;
}

type EslintJson = { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string; suggestions?: unknown[] }[] }[];

const APP_JS = "import fs from 'node:fs';\nconst config = fs.readFileSync('config.json', 'utf8');\nexport async function load(name) {\n  return fs.readFileSync(name, 'utf8') + config;\n}\n";
const APP_TS =
  "import fs from 'node:fs';\nexport async function load(name: string): Promise<string> {\n  return fs.readFileSync(name, 'utf8');\n}\n";
// A declaration file and a TypeScript file in a JavaScript project: ESLint's parser cannot read either.
const TYPES_D_TS = "declare module 'legacy-lib' {\n  export function run(): void;\n}\n";

let packed: Packed;
beforeAll(() => {
  packed = pack();
}, 120_000);
afterAll(() => remove(packed?.dir));

/**
 * The packed tarball in a plain JavaScript project next to ESLint 10: `npm install` it, write the
 * one-line flat config the README shows, run `npx eslint` and the `event-loop-lint` bin.
 */
describe('npm pack in a JavaScript project (ESLint 10, no TypeScript)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = scratchProject(packed.dir, 'js', [packed.tarball, `eslint@${lockedVersion('eslint')}`], {
      'eslint.config.js': "import eventLoop from 'eslint-plugin-event-loop';\n\nexport default [eventLoop.configs.recommended];\n",
      'src/app.js': APP_JS,
      'src/types.d.ts': TYPES_D_TS,
      'src/util.ts': "export const port: number = 3000;\n",
      'cjs/eslint.config.cjs': "const eventLoop = require('eslint-plugin-event-loop');\n\nmodule.exports = [eventLoop.configs.recommended];\n",
      'cjs/plugin.config.cjs':
        "const eventLoop = require('eslint-plugin-event-loop');\n\nmodule.exports = [\n  eventLoop.configs.recommended,\n  { plugins: { 'event-loop': eventLoop }, rules: { 'event-loop/no-sync-fs': 'warn' } },\n];\n",
      'cjs/app.cjs': "const fs = require('fs');\nmodule.exports = async function read(name) {\n  return fs.readFileSync(name);\n};\n",
      'cross/store.js': "import fs from 'node:fs';\nexport function save(name, data) {\n  fs.writeFileSync(name, data);\n}\n",
      'cross/routes.js': "import express from 'express';\nimport { save } from './store.js';\nexport const router = express.Router();\nrouter.post('/save', (req, res) => {\n  save(req.body.name, req.body.data);\n  res.end();\n});\n",
    });
  }, 180_000);

  it('ships the built code, types and rule docs, not sources or tests', () => {
    const { files } = packed;
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/cli.js');
    expect(files).toContain('docs/rules/no-sync-fs.md');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/settings.schema.json');
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('tests/') || file.startsWith('docs/examples/'))).toBe(false);
    // The surveys' records (550 KB and growing with each survey) are the project's, not a user's.
    expect(files.some((file) => file.startsWith('docs/accuracy-survey-'))).toBe(false);
    expect(files).toContain('docs/accuracy.md');
  });

  it('brings no TypeScript and no typescript-eslint into node_modules', () => {
    const modules = readdirSync(path.join(scratch, 'node_modules'));
    expect(modules).not.toContain('typescript');
    expect(modules).not.toContain('@typescript-eslint');
    const installed = JSON.parse(readFileSync(path.join(scratch, 'node_modules/eslint-plugin-event-loop/package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(installed.dependencies ?? {}).not.toHaveProperty('@typescript-eslint/utils');
    // What the plugin adds to a JavaScript project: itself and everything its runtime dependencies
    // install, the resolver's native binding included (27 MB before, TypeScript alone 24 MB).
    const size = [...installedClosure(scratch, 'eslint-plugin-event-loop')].reduce((sum, name) => sum + folderSize(path.join(scratch, 'node_modules', name)), 0);
    expect(size).toBeLessThan(5_000_000);
  });

  it('npx eslint with `export default [eventLoop.configs.recommended]` reports the blocking call, and no parsing errors on .ts or .d.ts', () => {
    const run = npmExec(scratch, ['eslint', '--format', 'json', 'src']);
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as EslintJson;
    const reported = results.filter((result) => result.messages.length > 0).map((result) => path.relative(scratch, result.filePath));
    expect(reported).toEqual([path.join('src', 'app.js')]);
    const [app] = results.filter((result) => result.messages.length > 0);
    expect(app!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', line: 4, column: 10 }]);
    expect(app!.messages[0]!.suggestions).toHaveLength(1);
    // ESLint was not made to lint TypeScript it cannot parse.
    expect(results.map((result) => path.extname(result.filePath))).not.toContain('.ts');
  });

  it('follows a helper into another file from the installed package (espree, oxc-resolver), both ends reported', () => {
    const run = npmExec(scratch, ['eslint', '--format', 'json', 'cross']);
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as EslintJson;
    const found = results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`)).sort();
    expect(found).toEqual(['routes.js:5 event-loop/no-indirect-blocking', 'store.js:3 event-loop/no-sync-fs']);
  });

  it('a CommonJS config (`require(...).configs.recommended` in eslint.config.cjs) works', () => {
    const run = npmExec(path.join(scratch, 'cjs'), ['eslint', '--format', 'json', 'app.cjs']);
    expect(run.status, run.stderr).toBe(1);
    const [result] = JSON.parse(run.stdout) as EslintJson;
    expect(result!.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', line: 3 }]);
  });

  it("require() returns the plugin itself: registering it beside configs.recommended is no 'Cannot redefine plugin'", () => {
    const run = npmExec(path.join(scratch, 'cjs'), ['eslint', '--config', 'plugin.config.cjs', '--format', 'json', 'app.cjs']);
    expect(run.status, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: number }[] }[];
    expect(result!.messages.map(({ ruleId, severity }) => ({ ruleId, severity }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', severity: 1 }]);
    const same = npmExec(scratch, ['node', '-e', "const p = require('eslint-plugin-event-loop'); console.log(p.default === p, Object.keys(p).join(','))"]);
    expect(same.stdout.trim()).toBe('true meta,rules,configs');
  });

  it('the event-loop-lint bin works from the installed package, and says which TypeScript files it could not read', () => {
    const run = npmExec(scratch, ['event-loop-lint', 'src']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain("`fs.readFileSync` blocks the event loop inside async function 'load'");
    expect(run.stderr).toContain('1 TypeScript file was not linted: @typescript-eslint/parser is not installed');
    expect(readdirSync(path.join(scratch, 'node_modules/.bin'))).toContain('event-loop-lint');
  });

  it('the settings JSON schema is importable by its subpath', () => {
    const run = npmExec(scratch, ['node', '-e', "console.log(require('eslint-plugin-event-loop/settings.schema.json').title)"]);
    expect(run.stdout.trim()).toBe("eslint-plugin-event-loop settings (settings['event-loop'])");
  });

  it('publint finds nothing to fix in the installed package, suggestions included', async () => {
    const { messages } = await publint({ pkgDir: path.join(scratch, 'node_modules/eslint-plugin-event-loop'), pack: false, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it("every rule's docs URL names this version's tag and a doc the package ships", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta!.docs!.url!;
      expect(url, name).toContain(`/blob/v${plugin.meta.version}/`);
      const shipped = url.replace(/^.*\/blob\/[^/]+\//, '');
      expect(shipped, `${name}: ${url}`).toBe(`docs/rules/${name}.md`);
      expect(packed.files, name).toContain(shipped);
    }
  });

  it('relative links in the shipped README and docs point at shipped files', () => {
    const installed = path.join(scratch, 'node_modules/eslint-plugin-event-loop');
    const broken: string[] = [];
    let checked = 0;
    for (const file of packed.files.filter((name) => name.endsWith('.md'))) {
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

/** A TypeScript project as typescript-eslint's docs set it up, on ESLint 9. */
describe('npm pack in a TypeScript project (ESLint 9, typescript-eslint)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = scratchProject(packed.dir, 'ts', [packed.tarball, 'eslint@9', `typescript@${lockedVersion('typescript')}`, `typescript-eslint@^${lockedVersion('@typescript-eslint/parser')}`], {
      'eslint.config.js': [
        "import tseslint from 'typescript-eslint';",
        "import eventLoop from 'eslint-plugin-event-loop';",
        '',
        'export default tseslint.config(',
        '  tseslint.configs.base,',
        "  { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },",
        '  eventLoop.configs.recommendedTypeChecked,',
        ');',
        '',
      ].join('\n'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [], noEmit: true }, include: ['src'] }),
      'src/app.ts': APP_TS,
      'src/types.d.ts': TYPES_D_TS,
    });
  }, 300_000);

  it('reports in .ts files, typed, without a warning; no rule runs on the .d.ts', () => {
    const run = npmExec(scratch, ['eslint', '--format', 'json', 'src']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('eslint-plugin-event-loop');
    const results = JSON.parse(run.stdout) as EslintJson;
    // The project's config lints the .d.ts (it names **/*.ts); the plugin's rules do not run there.
    expect(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)])).toEqual([
      ['app.ts', ['event-loop/no-sync-fs']],
      ['types.d.ts', []],
    ]);
  });
});

/** npm's `latest` TypeScript is 7.x, whose package has no JavaScript compiler API. */
describe('npm pack next to TypeScript 7', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = scratchProject(packed.dir, 'ts7', [packed.tarball, `eslint@${lockedVersion('eslint')}`, 'typescript@7'], {
      'eslint.config.ts': "import eventLoop from 'eslint-plugin-event-loop';\n\nexport default [eventLoop.configs.recommended, eventLoop.configs.all];\n",
      'check.ts':
        "import eventLoop, { configs, rules, type EventLoopSettings, type RuleName } from 'eslint-plugin-event-loop';\n\nconst name: RuleName = 'no-sync-fs';\nexport const docs: string | undefined = rules[name].meta?.docs?.url;\nexport const same: boolean = configs === eventLoop.configs;\nexport const settings: EventLoopSettings = { workerPool: { module: '#lib/offload', export: 'offload' }, typeAware: 'auto' };\n",
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.ts', 'eslint.config.ts'] }),
      'src/app.js': APP_JS,
    });
  }, 300_000);

  it('installs (no ERESOLVE) and the plugin runs', () => {
    expect(JSON.parse(readFileSync(path.join(scratch, 'node_modules/typescript/package.json'), 'utf8')).version).toMatch(/^7\./);
    const run = npmExec(scratch, ['event-loop-lint', 'src']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('event-loop/no-sync-fs');
  });

  it("the published types check under TypeScript 7's tsc with skipLibCheck off: they need nothing but ESLint's types", () => {
    const run = npmExec(scratch, ['tsc', '-p', 'tsconfig.json']);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

/**
 * Typed linting beside TypeScript 7: typescript-eslint 8.74's experimental tsgo backend (TypeScript
 * 7.1 as `@typescript/native`, next to the classic TypeScript 6.0 typescript-eslint itself needs).
 * The type-aware mode reads the program that backend gives and finds a cross-file helper.
 */
describe('npm pack with typed linting on the TypeScript 7 backend', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = scratchProject(
      packed.dir,
      'tsgo',
      [packed.tarball, `eslint@${lockedVersion('eslint')}`, `typescript@${lockedVersion('typescript')}`, 'typescript-eslint@8.74.0', '@typescript/native@npm:typescript@7.1.0-dev.20261021.1'],
      {
        'eslint.config.js': [
          "import tseslint from 'typescript-eslint';",
          "import eventLoop from 'eslint-plugin-event-loop';",
          '',
          'export default tseslint.config(',
          '  tseslint.configs.base,',
          "  { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: { EXPERIMENTAL_backend: 'tsgo' }, tsconfigRootDir: import.meta.dirname } } },",
          '  eventLoop.configs.recommendedTypeChecked,',
          ');',
          '',
        ].join('\n'),
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [], noEmit: true }, include: ['src'] }),
        'src/app.ts': "import { readConfig } from './lib.js';\nexport async function handler(): Promise<string> {\n  return readConfig();\n}\n",
        'src/lib.ts': "import fs from 'node:fs';\nexport function readConfig(): string {\n  return fs.readFileSync('config.json', 'utf8');\n}\n",
      },
    );
  }, 300_000);

  it('cross-file no-indirect-blocking through the native program, without a warning', () => {
    const run = npmExec(scratch, ['eslint', '--format', 'json', 'src']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('eslint-plugin-event-loop');
    const results = JSON.parse(run.stdout) as EslintJson;
    const app = results.find((result) => result.filePath.endsWith('app.ts'))!;
    expect(app.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'event-loop/no-indirect-blocking', line: 3 }]);
    expect(app.messages[0]!.message).toContain('`fs.readFileSync` (src/lib.ts:3)');
  });
});
