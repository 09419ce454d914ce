// Precision and recall on a labelled corpus of real server code nobody here wrote, for this
// plugin's `recommended` config and for eslint-plugin-n's `no-sync`.
//
//   node scripts/real-code-eval.mjs [corpus-dir] [--json out.json]
//
// The corpus (default /work/corpus) holds `labels.jsonl` (one labelled call site per line: repo,
// commit, path, line, column, label serving|startup|not-blocking|unclear, family, direct) and the
// extracted sources under `src/<owner>__<name>/`. Its repos and commits are recorded in
// tests/real-code/labelled-corpus.json; the code itself is never committed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import plugin from '../dist/src/index.js';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const markdownOut = args.includes('--markdown') ? args[args.indexOf('--markdown') + 1] : null;
const corpus = path.resolve(args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--json' && args[index - 1] !== '--markdown') ?? '/work/corpus');
if (!existsSync(path.join(corpus, 'labels.jsonl'))) {
  console.error(`No labelled corpus at ${corpus} (expected labels.jsonl and src/).`);
  process.exit(2);
}
const labels = readFileSync(path.join(corpus, 'labels.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8'));

const language = [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{js,mjs,cjs,jsx,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
];
const TOOLS = {
  'event-loop/recommended': [...language, plugin.configs.recommended],
  // n/no-sync throws under @typescript-eslint/parser without type information, so JavaScript
  // gets ESLint's own parser, as most of its users have.
  'n/no-sync': [
    { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], plugins: { n: nodePlugin }, rules: { 'n/no-sync': 'error' } }],
};

const siteKey = (repo, file, line) => `${repo}|${file}|${line}`;
const labelled = new Map(labels.map((label) => [siteKey(label.repo, label.path, label.line), label]));

async function reportsOf(tool) {
  const reports = [];
  const crashSamples = [];
  let crashes = 0;
  for (const entry of manifest) {
    const root = path.join(corpus, entry.path);
    const files = readFileSync(path.join(root, '.files'), 'utf8').split('\n').filter((file) => /\.(c|m)?[jt]sx?$/.test(file) && !file.endsWith('.d.ts') && existsSync(path.join(root, file)));
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: TOOLS[tool], ignore: false });
    for (const file of files) {
      let results;
      try {
        // One file at a time: n/no-sync throws on some files (TypeScript parser without type
        // information), and one crash must not hide the rest of the corpus.
        results = await eslint.lintText(readFileSync(path.join(root, file), 'utf8'), { filePath: path.join(root, file) });
      } catch (error) {
        crashes++;
        crashSamples.push(`${entry.repo}/${file}: ${String(error.message).split('\n')[0]}`);
        continue;
      }
      for (const result of results) {
        for (const message of result.messages) {
          // Parse errors of corpus files and notes about the corpus's own disable comments are not reports.
          if (!message.ruleId || !(message.ruleId.startsWith('event-loop/') || message.ruleId === 'n/no-sync')) continue;
          reports.push({ repo: entry.repo, path: path.relative(root, result.filePath), line: message.line, column: message.column, ruleId: message.ruleId, message: message.message });
        }
      }
    }
  }
  return { reports, crashes, crashSamples: crashSamples.slice(0, 5) };
}

const ratio = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const summary = {};
for (const tool of Object.keys(TOOLS)) {
  const started = performance.now();
  const { reports, crashes, crashSamples } = await reportsOf(tool);
  const reportedSites = new Set(reports.map((report) => siteKey(report.repo, report.path, report.line)));
  if (process.env.EVAL_DUMP) {
    const dump = labels.filter((label) => label.label !== 'unclear').map((label) => ({ ...label, reported: reportedSites.has(siteKey(label.repo, label.path, label.line)) }));
    writeFileSync(`${process.env.EVAL_DUMP}.${tool.replace('/', '_')}.json`, JSON.stringify({ dump, unlabelled: reports.filter((report) => !labelled.has(siteKey(report.repo, report.path, report.line))) }, null, 1));
  }
  const count = { tp: 0, fp: 0, fn: 0, byLabel: {}, byFamily: {}, unlabelledReports: 0 };
  for (const label of labels) {
    if (label.label === 'unclear') continue;
    const reported = reportedSites.has(siteKey(label.repo, label.path, label.line));
    count.byLabel[label.label] ??= { sites: 0, reported: 0 };
    count.byLabel[label.label].sites++;
    if (reported) count.byLabel[label.label].reported++;
    const family = (count.byFamily[label.family] ??= { tp: 0, fp: 0, fn: 0 });
    if (label.expected_report && reported) (count.tp++, family.tp++);
    else if (label.expected_report) (count.fn++, family.fn++);
    else if (reported) (count.fp++, family.fp++);
  }
  for (const site of reportedSites) if (!labelled.has(site)) count.unlabelledReports++;
  const direct = labels.filter((label) => label.expected_report && label.direct);
  const directFound = direct.filter((label) => reportedSites.has(siteKey(label.repo, label.path, label.line))).length;
  summary[tool] = {
    precision: ratio(count.tp, count.tp + count.fp),
    recall: ratio(count.tp, count.tp + count.fn),
    recallDirect: ratio(directFound, direct.length),
    ...count,
    reports: reports.length,
    crashes,
    crashSamples,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
}

for (const [tool, result] of Object.entries(summary)) {
  console.log(`\n${tool}: precision ${result.precision} (TP ${result.tp}, FP ${result.fp}), recall ${result.recall} (FN ${result.fn}), recall on direct sites ${result.recallDirect}`);
  console.log(`  reports ${result.reports}, at unlabelled sites ${result.unlabelledReports}, crashes ${result.crashes}, ${result.seconds}s`);
  for (const [family, c] of Object.entries(result.byFamily)) console.log(`  ${family.padEnd(14)} TP ${c.tp}  FP ${c.fp}  FN ${c.fn}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
if (markdownOut) {
  const sites = labels.filter((label) => label.label !== 'unclear');
  const lines = [
    '# Accuracy on real code',
    '',
    '<!-- Generated by `node scripts/real-code-eval.mjs <corpus> --markdown docs/accuracy.md`; do not edit by hand. -->',
    '',
    `A labelled corpus of ${manifest.length} public Node.js code bases nobody on the team wrote (Express, Fastify, Koa, Hono,`,
    'NestJS, Next.js, Remix, Lambda, socket.io servers and two CLIs; repos and commits in',
    '`tests/real-code/labelled-corpus.json`, the code itself is never committed). Every call site that a name-based',
    'linter or this plugin could consider was labelled by reading its code: `serving` (runs while serving',
    `requests), \`startup\` (boot, CLI, scripts, tests, workers) or \`not-blocking\` (a name ending in Sync that is not a blocking API); ${sites.length} sites,`,
    `${sites.filter((label) => label.expected_report).length} of them serving. A tool's report on a serving site is a true positive, on another labelled site a false positive;`,
    'a serving site without a report is a false negative. Reports of `no-indirect-blocking` land on the calling line, so they',
    'count only where that line is itself labelled.',
    '',
    '| tool | precision | recall | recall on direct sites | TP | FP | FN | crashes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(summary).map(([tool, r]) => `| ${tool} | ${r.precision} | ${r.recall} | ${r.recallDirect} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.crashes} files |`),
    '',
    '"Direct" sites are those whose blocking call is written in the serving function itself; the others are reached through',
    'a helper (often in another file, which only the type-aware mode follows). `n/no-sync` ran with ESLint\'s own parser on',
    'JavaScript and @typescript-eslint/parser on TypeScript, where it throws without type information ("crashes").',
    '',
    'A second survey of 19 other code bases (reports classified by hand, before and after the fixes it led to): [accuracy-survey-2.md](accuracy-survey-2.md).',
    '',
    '## Per family',
    '',
    '| family | event-loop TP / FP / FN | n/no-sync TP / FP / FN |',
    '| --- | --- | --- |',
    ...[...new Set([...Object.keys(summary['event-loop/recommended'].byFamily), ...Object.keys(summary['n/no-sync'].byFamily)])]
      .map((family) => {
        const ours = summary['event-loop/recommended'].byFamily[family];
        const theirs = summary['n/no-sync'].byFamily[family] ?? { tp: 0, fp: 0, fn: 0 };
        const name = family === 'none' ? 'not a blocking API (`validateSync`, `runSync`, …)' : family;
        return `| ${name} | ${ours?.tp ?? 0} / ${ours?.fp ?? 0} / ${ours?.fn ?? 0} | ${theirs.tp} / ${theirs.fp} / ${theirs.fn} |`;
      }),
    '',
  ];
  writeFileSync(markdownOut, `${lines.join('\n')}\n`);
}
