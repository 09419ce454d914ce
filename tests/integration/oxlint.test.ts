import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter, type Rule } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built plugin, as users get it (npm test builds before testing); oxlint loads the same file.
import plugin from '../../dist/src/index.js';

// The plugin under oxlint's JS plugins (`jsPlugins`, see docs/oxlint.md): the oxlint binary from
// node_modules lints with every rule that needs no type information, and what it finds and what its
// `--fix-suggestions` writes must be what ESLint finds and what ESLint's suggestions write.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OXLINT = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');
const PLUGIN_ENTRY = path.join(ROOT, 'dist/src/index.js');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** Every rule that works without type information (under oxlint, `parserServices` is always empty). */
const UNTYPED_RULES = Object.entries(plugin.rules as Record<string, { meta: { docs?: { requiresTypeChecking?: boolean } } }>)
  .filter(([, rule]) => !rule.meta.docs?.requiresTypeChecking)
  .map(([name]) => `event-loop/${name}`)
  .sort();

interface OxlintDiagnostic {
  message: string;
  code?: string;
  filename: string;
  labels?: { span: { offset: number; length: number; line: number; column: number } }[];
}

interface Finding {
  /** `file:line:column-endLine:endColumn`, ESLint's convention (1-based, columns in UTF-16 code units). */
  at: string;
  ruleId: string | null;
  message: string;
}

type Rules = Record<string, Linter.RuleEntry>;

function oxlintConfig(dir: string, { settings = {}, rules = {} }: { settings?: Record<string, unknown>; rules?: Rules } = {}): string {
  const file = path.join(dir, `oxlintrc-${Math.random().toString(36).slice(2)}.json`);
  const config = {
    // No built-in plugins and no built-in rules: only this plugin's findings.
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [PLUGIN_ENTRY],
    settings,
    rules: { ...Object.fromEntries(UNTYPED_RULES.map((id) => [id, 'error'])), ...rules },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

function runOxlint(cwd: string, config: string, ...args: string[]) {
  // Only the given config: no `.oxlintrc.json` that may lie in a linted folder.
  const result = spawnSync(process.execPath, [OXLINT, '-c', config, '--disable-nested-config', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return result;
}

/** Line starts (UTF-16 indices) by ESLint's definition of a line break. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lineColumn(starts: number[], index: number): string {
  let line = starts.length - 1;
  while (starts[line]! > index) line--;
  return `${line + 1}:${index - starts[line]! + 1}`;
}

/**
 * oxlint's findings in ESLint's conventions. oxlint's spans are UTF-8 byte offsets into the file and
 * its `column` counts UTF-8 bytes (in every output format), where ESLint counts UTF-16 code units:
 * the two differ on a line with non-ASCII text before the finding. The byte offsets are turned into
 * string indices, and those into ESLint's lines and columns.
 */
function oxlintFindings(cwd: string, stdout: string): Finding[] {
  const { diagnostics } = JSON.parse(stdout) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics
    .map((diagnostic) => {
      const text = readFileSync(path.resolve(cwd, diagnostic.filename), 'utf8');
      const bytes = Buffer.from(text, 'utf8');
      const span = diagnostic.labels![0]!.span;
      const start = bytes.subarray(0, span.offset).toString('utf8').length;
      const end = bytes.subarray(0, span.offset + span.length).toString('utf8').length;
      const starts = lineStarts(text);
      return {
        at: `${diagnostic.filename}:${lineColumn(starts, start)}-${lineColumn(starts, end)}`,
        // `event-loop(no-sync-fs)` -> `event-loop/no-sync-fs`; a parse error or crash has no code.
        ruleId: diagnostic.code?.replace(/^([\w-]+)\((.+)\)$/, '$1/$2') ?? null,
        message: diagnostic.message,
      };
    })
    .sort(byPlace);
}

function byPlace(a: Finding, b: Finding): number {
  return a.at.localeCompare(b.at) || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

function createESLint(cwd: string, { settings = {}, rules = {} }: { settings?: Record<string, unknown>; rules?: Rules } = {}): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser } },
      plugin.configs.recommended,
      { settings, rules },
    ],
  });
}

async function eslintFindings(cwd: string, target: string, options?: Parameters<typeof createESLint>[1]): Promise<Finding[]> {
  const results = await createESLint(cwd, options).lintFiles([target]);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        at: `${path.relative(cwd, result.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        ruleId: message.ruleId,
        message: message.message,
      })),
    )
    .sort(byPlace);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE.test(name))
    .map((name) => path.join(dir, name))
    .sort();
}

describe('the plugin under oxlint (jsPlugins)', () => {
  it('runs every rule of configs.recommended: none of them needs type information', () => {
    expect(UNTYPED_RULES).toEqual(Object.keys(plugin.configs.recommended.rules!).sort());
    expect(UNTYPED_RULES).toHaveLength(9);
  });

  it('loads without the eslint package, which a project linted by oxlint alone may not have', () => {
    // Every `require('eslint')` fails, as in such a project (the plugin's own ES imports of eslint are types only).
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, parent, ...rest) {
        if (request === 'eslint' || request.startsWith('eslint/')) throw new Error('eslint required by ' + parent?.filename);
        return resolve.call(this, request, parent, ...rest);
      };
      import(${JSON.stringify(pathToFileURL(PLUGIN_ENTRY).href)}).then((loaded) => console.log(Object.keys(loaded.default.rules).length));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('9\n');
  });

  it('finds on docs/examples exactly what ESLint finds with configs.recommended', async () => {
    const config = oxlintConfig(os.tmpdir());
    try {
      const oxlint = runOxlint(ROOT, config, '--format', 'json', 'docs/examples');
      expect(oxlint.stderr).toBe('');
      expect(oxlint.status).toBe(1);
      const eslint = await eslintFindings(ROOT, 'docs/examples');
      // The 16 findings tests/integration/examples.test.ts lists.
      expect(eslint).toHaveLength(16);
      expect(oxlintFindings(ROOT, oxlint.stdout)).toEqual(eslint);
    } finally {
      rmSync(config);
    }
  });

  it('passes rule options and settings to the rules as ESLint does', async () => {
    // The allow list spares `existsSync` everywhere; no-sync-fs no longer counts async functions as serving code.
    const settings = { 'event-loop': { allow: [{ module: 'node:fs', export: 'existsSync' }] } };
    const rules: Rules = { 'event-loop/no-sync-fs': ['error', { contexts: { asyncFunctions: false } }] };
    const config = oxlintConfig(os.tmpdir(), { settings, rules });
    try {
      const oxlint = runOxlint(ROOT, config, '--format', 'json', 'docs/examples');
      expect(oxlint.stderr).toBe('');
      const eslint = await eslintFindings(ROOT, 'docs/examples', { settings, rules });
      const found = oxlintFindings(ROOT, oxlint.stdout);
      expect(found).toEqual(eslint);
      // Gone: users.js's existsSync (allowed). avatars.cjs's two calls stay without `asyncFunctions`:
      // the project model shows routes/users.js calling listAvatars from an Express route handler.
      expect(found).toHaveLength(15);
      expect(found.map((finding) => finding.at)).not.toContain('docs/examples/routes/users.js:12:8-12:18');
      expect(found.filter((finding) => finding.at.startsWith('docs/examples/services/avatars.cjs'))).toHaveLength(2);
    } finally {
      rmSync(config);
    }
  });

  describe('on a copy of docs/examples plus three files that exercise oxlint differences', () => {
    let dir: string;
    let config: string;
    /** Each file's text before any suggestion is applied. */
    const originals = new Map<string, string>();

    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'event-loop-oxlint-'));
      cpSync(path.join(ROOT, 'docs/examples'), path.join(dir, 'examples'), { recursive: true });
      mkdirSync(path.join(dir, 'more'));
      // No import or export: oxlint's parser calls it a 'script'; the new import must still be ESM.
      writeFileSync(
        path.join(dir, 'more/sleep.ts'),
        'async function pause(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}\n',
      );
      // oxlint's AST gives non-directive statements `directive: null`: the require must still go first.
      writeFileSync(path.join(dir, 'more/deploy.js'), "module.exports = async function deploy() {\n  require('child_process').execSync('make deploy');\n};\n");
      // Non-ASCII text before a finding: oxlint's columns count bytes.
      writeFileSync(
        path.join(dir, 'more/unicode.js'),
        "import fs from 'node:fs';\nexport async function greet() {\n  const text = 'héllo wörld 😀'; return fs.readFileSync(text);\n}\n",
      );
      config = oxlintConfig(dir);
      for (const file of sourceFiles(dir)) originals.set(file, readFileSync(file, 'utf8'));
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const restore = () => {
      for (const [file, text] of originals) writeFileSync(file, text);
    };

    it('finds the same, with oxlint columns that count UTF-8 bytes on non-ASCII lines', async () => {
      const oxlint = runOxlint(dir, config, '--format', 'json', '.');
      expect(oxlint.stderr).toBe('');
      const found = oxlintFindings(dir, oxlint.stdout);
      expect(found).toEqual(await eslintFindings(dir, '.'));
      expect(found).toHaveLength(16 + 3);
      // The exact difference in oxlint's own output: 'héllo wörld 😀' is 14 UTF-16 code units, 18 bytes.
      const { diagnostics } = JSON.parse(oxlint.stdout) as { diagnostics: OxlintDiagnostic[] };
      const unicode = diagnostics.find((diagnostic) => diagnostic.filename === 'more/unicode.js')!;
      expect(found.find((finding) => finding.at.startsWith('more/unicode.js'))!.at).toBe('more/unicode.js:3:41-3:56');
      expect(unicode.labels![0]!.span).toMatchObject({ line: 3, column: 41 + 4 });
    });

    it('applies the same rewrite as the ESLint suggestion, for a file with one suggestion', () => {
      restore();
      const file = path.join(dir, 'examples/routes/auth.js');
      const text = originals.get(file)!;
      const messages = new Linter({ cwd: dir }).verify(text, eslintConfig(RULES), { filename: file });
      // The call of the async helper that queries the database has no rewrite (the fix is in the helper).
      expect(messages.map((each) => `${each.ruleId} ${each.suggestions?.length ?? 0}`).sort()).toEqual(['event-loop/no-indirect-blocking 0', 'event-loop/no-sync-crypto 1']);
      const message = messages.find((each) => each.ruleId === 'event-loop/no-sync-crypto');
      const fix = message!.suggestions![0]!.fix;
      const expected = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
      expect(expected).toContain('!await bcrypt.compare(req.body.password, user.passwordHash)');
      runOxlint(dir, config, '--fix-suggestions', 'examples/routes/auth.js');
      expect(readFileSync(file, 'utf8')).toBe(expected);
    });

    it('writes, run after run, what ESLint writes applying every suggestion with its fixer', () => {
      restore();
      // ESLint applies suggestions one at a time (editors, the `suggestions` API): its own fixer
      // (`verifyAndFix`, up to 10 passes of non-overlapping fixes) is given each report's first
      // suggestion as the fix. One `oxlint --fix-suggestions` run applies one pass: rerun it until
      // nothing changes.
      const linter = new Linter({ cwd: dir });
      const expected = new Map([...originals].map(([file, text]) => [file, linter.verifyAndFix(text, eslintConfig(suggestionsAsFixes()), { filename: file }).output]));
      const snapshot = () => [...originals.keys()].map((file) => readFileSync(file, 'utf8')).join('\0');
      let runs = 0;
      for (let before = snapshot(); runs < 10; runs++) {
        runOxlint(dir, config, '--fix-suggestions', '.');
        const after = snapshot();
        if (after === before) break;
        before = after;
      }
      for (const [file, text] of expected) expect(readFileSync(file, 'utf8'), path.relative(dir, file)).toBe(text);
      // Overlapping suggestions (two that add to the same import) wait for the next run.
      expect(runs).toBeGreaterThan(1);
      expect(readFileSync(path.join(dir, 'more/sleep.ts'), 'utf8')).toMatch(/^import \{ setTimeout as sleep \} from 'node:timers\/promises';\n/);
      expect(readFileSync(path.join(dir, 'more/deploy.js'), 'utf8')).toMatch(/^const \{ promisify \} = require\('node:util'\);\nmodule\.exports/);
      // Nothing left to report but the sync database query, which has no rewrite, and the route's call of its async wrapper.
      const left = oxlintFindings(dir, runOxlint(dir, config, '--format', 'json', '.').stdout);
      expect(left.map((finding) => `${finding.at} ${finding.ruleId}`)).toEqual([
        'examples/routes/auth.js:9:22-9:37 event-loop/no-indirect-blocking',
        'examples/services/users-db.js:9:10-9:21 event-loop/no-sync-database',
      ]);
    });
  });
});

function eslintConfig(rules: Record<string, Rule.RuleModule>): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { 'event-loop': { rules } },
      rules: Object.fromEntries(UNTYPED_RULES.map((id) => [id, 'error'])),
    },
  ];
}

const RULES = plugin.rules as unknown as Record<string, Rule.RuleModule>;

/** The plugin's rules, each reporting its first suggestion as a fix (for ESLint's fixer). */
function suggestionsAsFixes(): Record<string, Rule.RuleModule> {
  return Object.fromEntries(
    Object.entries(RULES).map(([name, rule]) => [
      name,
      {
        ...rule,
        meta: { ...rule.meta, fixable: 'code' },
        create(context: Rule.RuleContext) {
          const report = (descriptor: Rule.ReportDescriptor) => {
            const suggestion = descriptor.suggest?.[0];
            context.report(suggestion ? { ...descriptor, fix: suggestion.fix, suggest: null } : descriptor);
          };
          return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
        },
      } satisfies Rule.RuleModule,
    ]),
  );
}
