// The plugin under oxlint's JS plugins next to ESLint, beyond tests/integration/oxlint.test.ts:
//   1. every RuleTester case of tests/ (code, file name, rule options, settings; typed ones run untyped),
//   2. the syntax fixtures (tests/fixtures/syntax: JSX/TSX, decorators, `using`, .cts/.mts, …),
//   3. the benchmark corpus (tests/bench: express, koa, fastify, @nestjs/core, next, effect).
// Each file is linted by both with the same rules, options and settings. Compared: the findings
// (position in ESLint's convention, rule, message) and the text once every suggestion is applied
// (ESLint's fixer given each report's first suggestion; `oxlint --fix-suggestions` rerun until
// nothing changes). Files oxlint's parser rejects are listed apart (no rule runs on them there).
//
//   npm run oxlint-compare        (installs the benchmark corpus on first use)
//
// Exits 1 on any difference. docs/oxlint.md quotes its latest summary.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import plugin from '../dist/src/index.js';
import { MODULES, ROOT, corpusFiles, ensureCorpus } from './lib/bench-corpus.mjs';

const OXLINT = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');
const PLUGIN_ENTRY = path.join(ROOT, 'dist/src/index.js');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`event-loop/${name}`, 'error']));
const version = spawnSync(process.execPath, [OXLINT, '--version'], { encoding: 'utf8' }).stdout.trim();

/** The rules with each report's first suggestion turned into its fix, for ESLint's fixer. */
const fixingPlugin = {
  rules: Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        meta: { ...rule.meta, fixable: 'code' },
        create(context) {
          const report = (descriptor) => {
            const suggestion = descriptor.suggest?.[0];
            context.report(suggestion ? { ...descriptor, fix: suggestion.fix, suggest: null } : descriptor);
          };
          return rule.create(Object.create(context, { report: { value: report } }));
        },
      },
    ]),
  ),
};

function eslintConfig(pluginObject, rules, settings) {
  return [
    // oxlint honours `eslint-disable` comments too, but knows nothing of other plugins' rules.
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: FILES, languageOptions: { parser: tsParser }, plugins: { 'event-loop': pluginObject }, settings, rules },
  ];
}

const walk = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE.test(name) && !DECLARATION.test(name))
    .map((name) => path.join(dir, name))
    .sort();

function lineColumn(text, index) {
  const before = text.slice(0, index).split(/\r\n|[\r\n\u2028\u2029]/);
  return `${before.length}:${before.at(-1).length + 1}`;
}

/** oxlint's spans are UTF-8 byte offsets: as string indices, then ESLint's line:column. */
function oxlintPosition(text, span) {
  const bytes = Buffer.from(text, 'utf8');
  const start = bytes.subarray(0, span.offset).toString('utf8').length;
  const end = bytes.subarray(0, span.offset + span.length).toString('utf8').length;
  return `${lineColumn(text, start)}-${lineColumn(text, end)}`;
}

function runOxlint(cwd, args) {
  const result = spawnSync(process.execPath, [OXLINT, '-c', '.oxlintrc.json', '--disable-nested-config', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return result;
}

/** Lints every source file under `dir` (the cwd of both linters) with both; compares findings and suggestion outputs. */
async function compare(dir, { rules = ALL_RULES, settings = {} } = {}) {
  writeFileSync(
    path.join(dir, '.oxlintrc.json'),
    JSON.stringify({ plugins: [], categories: { correctness: 'off' }, jsPlugins: [PLUGIN_ENTRY], settings, rules }),
  );
  const files = walk(dir);
  const originals = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const timing = {};

  let started = performance.now();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, ignore: false, overrideConfig: eslintConfig(plugin, rules, settings) });
  const results = await eslint.lintFiles(files);
  timing.eslint = performance.now() - started;
  const eslintFound = new Set();
  for (const result of results) {
    for (const message of result.messages) {
      if (message.ruleId?.startsWith('event-loop/')) {
        eslintFound.add(`${path.relative(dir, result.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`);
      }
    }
  }

  started = performance.now();
  const oxlint = runOxlint(dir, ['--format', 'json', '.']);
  timing.oxlint = performance.now() - started;
  const unparsed = new Set();
  const crashes = [];
  const oxlintFound = new Set();
  for (const diagnostic of JSON.parse(oxlint.stdout).diagnostics) {
    const file = path.resolve(dir, diagnostic.filename);
    if (!diagnostic.code) {
      if (/JS plugin/.test(diagnostic.message)) crashes.push(`${diagnostic.filename}: ${diagnostic.message}`);
      else unparsed.add(file);
      continue;
    }
    const ruleId = diagnostic.code.replace(/^([\w-]+)\((.+)\)$/, '$1/$2');
    oxlintFound.add(`${diagnostic.filename}:${oxlintPosition(originals.get(file), diagnostic.labels[0].span)} ${ruleId} ${diagnostic.message}`);
  }
  const parsed = (finding) => !unparsed.has(path.resolve(dir, finding.slice(0, finding.indexOf(':'))));
  const onlyESLint = [...eslintFound].filter((finding) => parsed(finding) && !oxlintFound.has(finding));
  const onlyOxlint = [...oxlintFound].filter((finding) => !eslintFound.has(finding));

  // Suggestions: ESLint's fixer on each file; oxlint run after run until nothing changes.
  const linter = new Linter({ cwd: dir });
  const config = eslintConfig(fixingPlugin, rules, settings);
  const expected = new Map(files.map((file) => [file, linter.verifyAndFix(originals.get(file), config, { filename: file }).output]));
  let runs = 0;
  const snapshot = () => files.map((file) => readFileSync(file, 'utf8')).join('\0');
  for (let before = snapshot(); runs < 20; runs++) {
    runOxlint(dir, ['--fix-suggestions', '.']);
    const after = snapshot();
    if (after === before) break;
    before = after;
  }
  const rewritten = files.filter((file) => expected.get(file) !== originals.get(file)).length;
  const rewriteDiffers = files.filter((file) => !unparsed.has(file) && readFileSync(file, 'utf8') !== expected.get(file)).map((file) => path.relative(dir, file));
  return {
    files: files.length,
    eslint: eslintFound.size,
    oxlint: oxlintFound.size,
    onlyESLint,
    onlyOxlint,
    unparsed: [...unparsed].map((file) => path.relative(dir, file)),
    crashes,
    rewritten,
    rewriteDiffers,
    runs,
    timing,
  };
}

/** Every case of the untyped rule tests, recorded by a RuleTester whose `run` only writes them down. */
function ruleTesterCases(work) {
  // Typed tests' cases too: both linters run them without types here.
  const testFiles = readdirSync(path.join(ROOT, 'tests'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts') && !name.startsWith('bench'))
    .filter((name) => /\bcreate(?:Typed)?RuleTester\(/.test(readFileSync(path.join(ROOT, 'tests', name), 'utf8')))
    .map((name) => `tests/${name.split(path.sep).join('/')}`);
  // vitest resolves its config's imports from the config's folder: it lives under node_modules.
  const harness = mkdtempSync(path.join(ROOT, 'node_modules/.oxlint-compare-'));
  const out = path.join(work, 'cases.jsonl');
  try {
    writeFileSync(
      path.join(harness, 'record.mjs'),
      `import { appendFileSync } from 'node:fs';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { it } from 'vitest';
RuleTester.prototype.run = function (rule, _module, tests) {
  for (const test of [...tests.valid, ...tests.invalid]) {
    const { code, filename, options, settings } = typeof test === 'string' ? { code: test } : test;
    appendFileSync(${JSON.stringify(out)}, JSON.stringify({ rule, code, filename, options, settings }) + '\\n');
  }
  it('recorded', () => {});
};
`,
    );
    writeFileSync(
      path.join(harness, 'vitest.config.mjs'),
      `export default { test: { root: ${JSON.stringify(ROOT)}, include: ${JSON.stringify(testFiles)}, setupFiles: [${JSON.stringify(path.join(ROOT, 'tests/setup.ts'))}, ${JSON.stringify(path.join(harness, 'record.mjs'))}] } };\n`,
    );
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', path.join(harness, 'vitest.config.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`recording the rule tests failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(harness, { recursive: true, force: true });
  }
  return readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

/** The cases as files, one folder per (rule, options, settings), one subfolder per case (its file name kept). */
function caseGroups(cases, work) {
  const groups = new Map();
  for (const [index, testCase] of cases.entries()) {
    const key = JSON.stringify([testCase.rule, testCase.options ?? [], testCase.settings ?? {}]);
    if (!groups.has(key)) groups.set(key, { dir: path.join(work, `group-${groups.size}`), rule: testCase.rule, options: testCase.options ?? [], settings: testCase.settings ?? {} });
    const file = path.join(groups.get(key).dir, `case-${index}`, testCase.filename ?? 'file.ts');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, testCase.code);
  }
  return [...groups.values()];
}

function add(total, part) {
  for (const [key, value] of Object.entries(part)) {
    if (Array.isArray(value)) total[key] = [...(total[key] ?? []), ...value];
    else if (typeof value === 'number') total[key] = (total[key] ?? 0) + value;
  }
  return total;
}

function print(name, result) {
  console.log(
    `${name}: ${result.files} files — findings: ESLint ${result.eslint}, oxlint ${result.oxlint}; only ESLint ${result.onlyESLint.length}, only oxlint ${result.onlyOxlint.length}; ` +
      `files oxlint cannot parse ${result.unparsed.length}; plugin crashes under oxlint ${result.crashes.length}; ` +
      `files rewritten by suggestions ${result.rewritten}, rewritten differently ${result.rewriteDiffers.length}` +
      (result.timing ? `; lint time ESLint ${(result.timing.eslint / 1000).toFixed(1)} s, oxlint ${(result.timing.oxlint / 1000).toFixed(1)} s` : ''),
  );
  for (const finding of result.onlyESLint.slice(0, 10)) console.log(`  only ESLint: ${finding}`);
  for (const finding of result.onlyOxlint.slice(0, 10)) console.log(`  only oxlint: ${finding}`);
  for (const file of result.unparsed.slice(0, 10)) console.log(`  oxlint cannot parse: ${file}`);
  for (const crash of result.crashes.slice(0, 10)) console.log(`  crash: ${crash}`);
  for (const file of result.rewriteDiffers.slice(0, 10)) console.log(`  rewritten differently: ${file}`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'event-loop-oxlint-compare-'));
let failed = false;
const check = (name, result) => {
  print(name, result);
  if (result.onlyESLint.length + result.onlyOxlint.length + result.crashes.length + result.rewriteDiffers.length > 0) failed = true;
};
try {
  console.log(`${version}, ${process.version}`);

  const cases = ruleTesterCases(work);
  let total = {};
  for (const group of caseGroups(cases, work)) {
    const result = await compare(group.dir, { rules: { [`event-loop/${group.rule}`]: ['error', ...group.options] }, settings: group.settings });
    delete result.timing;
    total = add(total, result);
  }
  check(`rule-tester cases (${cases.length})`, total);

  const syntax = path.join(work, 'syntax');
  cpSync(path.join(ROOT, 'tests/fixtures/syntax'), syntax, { recursive: true });
  check('syntax fixtures', await compare(syntax));

  ensureCorpus({ quiet: true });
  const corpus = path.join(work, 'corpus');
  for (const pkg of corpusFiles()) {
    for (const file of pkg.files) {
      const target = path.join(corpus, path.relative(MODULES, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  check('benchmark corpus', await compare(corpus));
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
