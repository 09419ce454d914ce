// Speed benchmark: this plugin's configs against the parse-only floor and eslint-plugin-n's
// `no-sync`, on the sources of real server packages (tests/bench, installed on first use).
//
//   npm run bench                     build, install the corpus, 3 alternating runs, print the table
//   node scripts/bench.mjs --runs 5   more runs (medians are reported)
//   node scripts/bench.mjs --write    also regenerate docs/performance.md from the measured table
//   node scripts/bench.mjs --json f   raw per-run figures
//   node scripts/bench.mjs --large-typed   also G and H: the typed floor and recommendedTypeChecked on the
//                                     large typed corpus (870 files, 590,000 lines; minutes per run)
//
// Every configuration runs in a fresh process of its own, and the configurations alternate
// (A B C D E A B C D E …), so a noisy neighbour slows all of them alike; medians are reported.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, LARGE_TYPED, MODULES, ROOT, TYPED, corpusFiles, countLines, ensureCorpus, isTypeScript, largeTypedFiles, typedFiles } from './lib/bench-corpus.mjs';

const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** The measured configurations, in the order they alternate. */
const CONFIGS = {
  A: { label: 'parse-only floor (@typescript-eslint/parser, no rules)', corpus: 'large' },
  B: { label: 'eslint-plugin-n `no-sync` (espree on JS, TS parser on TS)', corpus: 'large' },
  C: { label: '`event-loop/recommended`', corpus: 'large', floor: 'A' },
  D: { label: 'typed parse-only floor (projectService)', corpus: 'typed' },
  E: { label: '`event-loop/recommendedTypeChecked` (projectService)', corpus: 'typed', floor: 'D' },
  F: { label: 'C with the shared per-file analysis timed on its own (attribution only)', corpus: 'large', floor: 'A' },
  G: { label: 'typed parse-only floor (projectService)', corpus: 'large typed', optIn: true },
  H: { label: '`event-loop/recommendedTypeChecked` (projectService)', corpus: 'large typed', floor: 'G', optIn: true },
};

// ---------------------------------------------------------------------------------------------
// Child: one configuration, one process. Prints a JSON summary on the last line of stdout.

async function child(id) {
  const [{ ESLint }, tsParser, { default: plugin }, { default: nodePlugin }, fileAnalysis] = await Promise.all([
    import('eslint'),
    import('@typescript-eslint/parser'),
    import('../dist/src/index.js'),
    import('eslint-plugin-n'),
    import('../dist/src/analysis/file-analysis.js'),
  ]);
  const started = performance.now();
  // The corpus's own `/* eslint … */` comments must not switch rules on.
  const base = { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } };
  const untypedTs = { files: SOURCE_FILES, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } };
  const typedTs = { files: SOURCE_FILES, languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: BENCH_DIR } } };
  const largeTypedTs = { files: SOURCE_FILES, languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: LARGE_TYPED.root } } };
  const noSync = { files: SOURCE_FILES, plugins: { n: nodePlugin }, rules: { 'n/no-sync': 'error' } };
  const configs = {
    A: [base, untypedTs],
    B: [
      base,
      { files: SOURCE_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
      noSync,
    ],
    C: [base, untypedTs, plugin.configs.recommended],
    D: [base, typedTs],
    E: [base, typedTs, plugin.configs.recommendedTypeChecked],
    // The plugin's rules share one analysis per file, and ESLint's per-rule times charge it to
    // whichever rule asks first. A rule configured before them computes it, with the same
    // defaults the rules use, so each rule's time is what that rule adds.
    G: [base, largeTypedTs],
    H: [base, largeTypedTs, plugin.configs.recommendedTypeChecked],
    F: [base, untypedTs, { files: SOURCE_FILES, plugins: { bench: { rules: { 'shared-analysis': sharedAnalysisRule(fileAnalysis) } } }, rules: { 'bench/shared-analysis': 'error' } }, plugin.configs.recommended],
  };
  const { corpus } = CONFIGS[id];
  const files = corpus === 'typed' ? typedFiles() : corpus === 'large typed' ? largeTypedFiles() : corpusFiles().flatMap((pkg) => pkg.files);
  // ESLint never lints files under a node_modules below its cwd: the large corpus is linted from
  // inside tests/bench/node_modules (paths then read `fastify/lib/…`), the typed copies from tests/bench.
  const cwd = corpus === 'large' ? MODULES : BENCH_DIR;
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: configs[id], ignore: false, stats: true });

  let results;
  let crashes = 0;
  if (id === 'B') {
    // n/no-sync throws under @typescript-eslint/parser without type information on every file
    // with a `…Sync()` call: JS files go in one batch (espree), TS files one by one, crashes counted.
    results = await eslint.lintFiles(files.filter((file) => !isTypeScript(file)));
    for (const file of files.filter(isTypeScript)) {
      try {
        results.push(...(await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file })));
      } catch {
        crashes++;
      }
    }
  } else {
    results = await eslint.lintFiles(files);
  }
  const lintMs = performance.now() - started;

  const rules = {};
  const rulesJs = {};
  let parseMs = 0;
  let fatal = 0;
  let reports = 0;
  for (const result of results) {
    // A file ESLint skipped (ignored, no matching config) has no stats: the run would measure nothing.
    if (!result.stats) throw new Error(`${result.filePath} was not linted: ${result.messages.map((message) => message.message).join('; ')}`);
    if (result.messages.some((message) => message.fatal)) fatal++;
    reports += result.messages.filter((message) => message.ruleId).length;
    const js = !isTypeScript(result.filePath);
    for (const pass of result.stats?.times?.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        rules[rule] = (rules[rule] ?? 0) + time.total;
        if (js) rulesJs[rule] = (rulesJs[rule] ?? 0) + time.total;
      }
    }
  }
  const usage = process.resourceUsage();
  // CPU time of the whole process (user + system, every thread): unlike wall time, it does not
  // grow when other processes on the machine take the cores.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  const summary = { id, files: results.length, crashes, fatal, reports, lintMs, cpuMs, parseMs, rules, rulesJs, maxRssMb: usage.maxRSS / 1024 };
  console.log(JSON.stringify(summary));
}

/** Computes what the rules of `recommended` read from the shared analysis, and reports nothing. */
function sharedAnalysisRule({ getFileAnalysis, DEFAULT_CONTEXTS, HELPER_COST_CONTEXTS }) {
  const everyUse = { key: '', test: () => true };
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        Program() {
          const analysis = getFileAnalysis(context);
          const serving = analysis.contextFor(DEFAULT_CONTEXTS);
          for (const use of analysis.uses) serving.contextOf(use.reference);
          const summaries = analysis.summaries(everyUse);
          const helperCost = analysis.contextFor(HELPER_COST_CONTEXTS);
          for (const call of summaries.calls) if (helperCost.contextOf(call.node)) summaries.pathOf(call);
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: alternate the children, take medians, print (and optionally write) the table.

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const ratio = (value, floor) => `${(value / floor).toFixed(3)}x`;

function runChild(id) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.mjs'), '--child', id], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`bench child ${id} failed (${child.status}):\n${child.stderr}`);
  const summary = JSON.parse(child.stdout.trim().split('\n').at(-1));
  return { ...summary, wallMs };
}

async function parent(args) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const only = args.includes('--configs')
    ? args[args.indexOf('--configs') + 1].split(',')
    : Object.keys(CONFIGS).filter((id) => !CONFIGS[id].optIn || args.includes('--large-typed'));
  ensureCorpus();
  const packages = corpusFiles();
  const large = packages.flatMap((pkg) => pkg.files);
  const typed = typedFiles();
  const corpus = {
    packages: packages.map((pkg) => ({ name: pkg.name, version: pkg.version, dirs: pkg.dirs, files: pkg.files.length, lines: countLines(pkg.files) })),
    largeFiles: large.length,
    largeLines: countLines(large),
    largeTsLines: countLines(large.filter(isTypeScript)),
    typedFiles: typed.length,
    typedParts: TYPED.parts.map((part) => {
      const files = typedFiles(part);
      const version = JSON.parse(readFileSync(path.join(MODULES, part.package, 'package.json'), 'utf8')).version;
      return { package: part.package, version, dirs: part.dirs, files: files.length, lines: countLines(files) };
    }),
    typedLines: countLines(typed),
    largeTypedParts: LARGE_TYPED.parts.map((part) => {
      const files = largeTypedFiles(part);
      const version = JSON.parse(readFileSync(path.join(MODULES, part.package, 'package.json'), 'utf8')).version;
      return { package: part.package, version, dirs: part.dirs, files: files.length, lines: countLines(files) };
    }),
  };
  console.error(`Corpus: ${corpus.largeFiles} files, ${corpus.largeLines} lines; typed: ${corpus.typedFiles} files, ${corpus.typedLines} lines. ${runs} runs of ${only.join(' ')}.`);

  const measured = Object.fromEntries(only.map((id) => [id, []]));
  for (let run = 1; run <= runs; run++) {
    for (const id of only) {
      const result = runChild(id);
      measured[id].push(result);
      console.error(`  run ${run} ${id}: wall ${fmt(result.wallMs)}, lint ${fmt(result.lintMs)}, CPU ${fmt(result.cpuMs)}, max RSS ${Math.round(result.maxRssMb)} MB${result.crashes ? `, ${result.crashes} crashes` : ''}`);
    }
  }

  const med = (id, pick) => median(measured[id].map(pick));
  const table = {};
  for (const id of only) {
    const ruleNames = [...new Set(measured[id].flatMap((run) => Object.keys(run.rules)))].sort();
    table[id] = {
      wallMs: med(id, (run) => run.wallMs),
      lintMs: med(id, (run) => run.lintMs),
      cpuMs: med(id, (run) => run.cpuMs),
      parseMs: med(id, (run) => run.parseMs),
      maxRssMb: med(id, (run) => run.maxRssMb),
      files: measured[id][0].files,
      crashes: med(id, (run) => run.crashes),
      fatal: med(id, (run) => run.fatal),
      reports: med(id, (run) => run.reports),
      rules: Object.fromEntries(ruleNames.map((rule) => [rule, med(id, (run) => run.rules[rule] ?? 0)])),
      rulesJs: Object.fromEntries(ruleNames.map((rule) => [rule, med(id, (run) => run.rulesJs[rule] ?? 0)])),
    };
  }

  const lines = [];
  const environment = `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${os.loadavg()[0].toFixed(2)} at the end`;
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)}: ${runs} alternating runs, medians; ${environment}.`, '');
  lines.push('| package | version | linted | files | lines |', '|---|---|---|---:|---:|');
  for (const pkg of corpus.packages) lines.push(`| ${pkg.name} | ${pkg.version} | ${pkg.dirs.join(', ')} | ${pkg.files} | ${pkg.lines} |`);
  lines.push(`| **large corpus** | | | ${corpus.largeFiles} | ${corpus.largeLines} (${corpus.largeTsLines} TypeScript) |`);
  for (const part of corpus.typedParts) lines.push(`| typed: ${part.package} | ${part.version} | ${part.dirs.join(', ')} | ${part.files} | ${part.lines} |`);
  lines.push(`| **typed corpus** | | | ${corpus.typedFiles} | ${corpus.typedLines} |`);
  if (only.some((id) => CONFIGS[id].corpus === 'large typed')) {
    for (const part of corpus.largeTypedParts) lines.push(`| large typed: ${part.package} | ${part.version} | ${part.dirs.join(', ')} | ${part.files} | ${part.lines} |`);
    const sum = (key) => corpus.largeTypedParts.reduce((total, part) => total + part[key], 0);
    lines.push(`| **large typed corpus** | | | ${sum('files')} | ${sum('lines')} |`);
  }
  lines.push('');

  lines.push('| | configuration | corpus | wall (process) | ratio to floor | CPU (process) | ratio to floor | max RSS | ratio to floor | crashes |', '|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const id of only) {
    const row = table[id];
    const floorId = CONFIGS[id].floor ?? (id === 'B' ? 'A' : null);
    const floor = floorId && table[floorId];
    lines.push(
      `| ${id} | ${CONFIGS[id].label} | ${CONFIGS[id].corpus} | ${fmt(row.wallMs)} | ${floor ? ratio(row.wallMs, floor.wallMs) : '1'} | ${fmt(row.cpuMs)} | ${floor ? ratio(row.cpuMs, floor.cpuMs) : '1'} | ${Math.round(row.maxRssMb)} MB | ${floor ? ratio(row.maxRssMb, floor.maxRssMb) : '1'} | ${row.crashes}${id === 'B' ? ' TS files' : ''} |`,
    );
  }
  lines.push('');
  lines.push('Per-rule times (ESLint `stats`, sum over files, median of runs). "JS files" counts only the JavaScript files, where `n/no-sync` runs on every file; on TypeScript files it crashes on most files, so its all-files figure covers fewer files.', '');
  lines.push('| configuration | rule | all files | JS files |', '|---|---|---:|---:|');
  for (const id of only) {
    for (const [rule, ms] of Object.entries(table[id].rules)) lines.push(`| ${id} | ${rule} | ${ms.toFixed(1)} ms | ${table[id].rulesJs[rule].toFixed(1)} ms |`);
    const ours = Object.keys(table[id].rules).filter((rule) => rule.startsWith('event-loop/'));
    if (ours.length > 1) {
      const sum = (key) => ours.reduce((total, rule) => total + table[id][key][rule], 0);
      lines.push(`| ${id} | **all event-loop rules** | ${sum('rules').toFixed(1)} ms | ${sum('rulesJs').toFixed(1)} ms |`);
    }
  }
  lines.push('');

  // Targets.
  const checks = [];
  if (table.A && table.C) {
    checks.push([`recommended / parse-only floor, wall ≤ 1.15`, table.C.wallMs / table.A.wallMs, 1.15]);
    checks.push([`recommended / parse-only floor, CPU ≤ 1.15`, table.C.cpuMs / table.A.cpuMs, 1.15]);
    checks.push([`recommended / parse-only floor, peak RSS ≤ 1.25`, table.C.maxRssMb / table.A.maxRssMb, 1.25]);
  }
  if (table.D && table.E) {
    checks.push([`recommendedTypeChecked / typed floor, wall ≤ 1.15`, table.E.wallMs / table.D.wallMs, 1.15]);
    checks.push([`recommendedTypeChecked / typed floor, CPU ≤ 1.15`, table.E.cpuMs / table.D.cpuMs, 1.15]);
  }
  if (table.G && table.H) {
    checks.push([`recommendedTypeChecked / typed floor, large typed corpus, wall ≤ 1.15`, table.H.wallMs / table.G.wallMs, 1.15]);
    checks.push([`recommendedTypeChecked / typed floor, large typed corpus, CPU ≤ 1.15`, table.H.cpuMs / table.G.cpuMs, 1.15]);
  }
  if (table.B && table.C) {
    const noSync = table.B.rulesJs['n/no-sync'];
    for (const [rule, ms] of Object.entries(table.C.rulesJs)) if (rule.startsWith('event-loop/')) checks.push([`${rule} time / n/no-sync time (JS files) ≤ 1`, ms / noSync, 1]);
    const ours = Object.entries(table.C.rulesJs).filter(([rule]) => rule.startsWith('event-loop/'));
    checks.push([`all event-loop rules together / n/no-sync (JS files)`, ours.reduce((total, [, ms]) => total + ms, 0) / noSync, Infinity]);
  }
  if (table.B && table.F) {
    const noSync = table.B.rulesJs['n/no-sync'];
    for (const [rule, ms] of Object.entries(table.F.rulesJs)) {
      if (rule.startsWith('event-loop/')) checks.push([`${rule} own time, shared analysis timed apart (F) / n/no-sync time (JS files) ≤ 1`, ms / noSync, 1]);
    }
    checks.push([`shared per-file analysis (F) / n/no-sync time (JS files)`, table.F.rulesJs['bench/shared-analysis'] / noSync, Infinity]);
  }
  lines.push('| target | measured | met |', '|---|---:|---|');
  for (const [name, value, limit] of checks) lines.push(`| ${name} | ${value.toFixed(3)} | ${limit === Infinity ? '(no target)' : value <= limit ? 'yes' : '**no**'} |`);
  const text = lines.join('\n');
  console.log(text);

  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify({ corpus, measured, table }, null, 2));
  if (args.includes('--write')) {
    const doc = path.join(ROOT, 'docs/performance.md');
    const current = readFileSync(doc, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const before = current.slice(0, current.indexOf(start) + start.length);
    const after = current.slice(current.indexOf(end));
    writeFileSync(doc, `${before}\n${text}\n${after}`);
    console.error(`Wrote ${path.relative(ROOT, doc)}.`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1]);
else await parent(args);
