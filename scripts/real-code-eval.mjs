// Precision and recall on a labelled corpus of real server code nobody here wrote, for this
// plugin's `recommended` and `recommendedTypeChecked` configs and for eslint-plugin-n's `no-sync`.
//
//   node scripts/real-code-eval.mjs [corpus-dir] [--json out.json] [--markdown out.md]
//        [--tools recommended,typed,n] [--plugin <checkout>/dist/src/index.js] [--notes notes.md] [--dump prefix]
//        [--repos name,name] (only the manifest's repos whose name contains one of these)
//        [--reverse] (lint each repo's files in reverse order: the reports must not depend on the order)
//
// The corpus (default /work/corpus) holds `labels.jsonl` (one labelled call site per line: repo,
// commit, path, line, column, label serving|startup|not-blocking|unclear, family, direct, and in the
// survey-3 format also endLine, via same-file|cross-file for indirect sites, reach) and the extracted
// sources under `src/<owner>__<name>/` (listed with their commits in `manifest.json`, each with a
// `.files` list of the files to lint). Its repos and commits are recorded in tests/real-code/; the
// code itself is never committed.
//
// Label semantics: `serving` = runs on the event loop while the process serves concurrent work (a
// report there is a true positive); `startup`/`not-blocking` = a report there is a false positive;
// `unclear` sites are left out. `direct: true` = the blocking API call is written at the site;
// `direct: false` = the site calls a project-local sync helper that blocks (transitively), with `via`
// saying whether the helper is in the same file or another one. A report matches a label when it is
// in the same file on a line from the label's `line` to its `endLine` (the call's last line; the
// old format has no endLine, so the line itself).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import nodePlugin from 'eslint-plugin-n';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const VALUED = new Set(['--json', '--markdown', '--tools', '--plugin', '--notes', '--dump', '--repos', '--reports']);
// --reports <prefix>: score the reports saved by an earlier `--dump <prefix>` run instead of linting again
// (to re-score after relabelling; the reports are those of the plugin build that made them).
const savedReports = option('--reports');
const jsonOut = option('--json');
const markdownOut = option('--markdown');
const notesFile = option('--notes');
const dumpPrefix = option('--dump') ?? process.env.EVAL_DUMP ?? null;
const pluginPath = path.resolve(option('--plugin') ?? new URL('../dist/src/index.js', import.meta.url).pathname);
const { default: plugin } = await import(pathToFileURL(pluginPath).href);
const corpus = path.resolve(args.find((arg, index) => !arg.startsWith('--') && !VALUED.has(args[index - 1])) ?? '/work/corpus');
if (!existsSync(path.join(corpus, 'labels.jsonl'))) {
  console.error(`No labelled corpus at ${corpus} (expected labels.jsonl and src/).`);
  process.exit(2);
}

const repoFilter = option('--repos')?.split(',') ?? null;
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')).filter((entry) => !repoFilter || repoFilter.some((name) => entry.repo.includes(name)));
const labels = readFileSync(path.join(corpus, 'labels.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((label) => manifest.some((entry) => entry.repo === label.repo));
for (const label of labels) label.expected_report ??= label.label === 'serving';
// The survey-3 format: labels have `endLine`/`via`; the old one reports a single recall figure.
const surveyFormat = labels.some((label) => 'via' in label || 'endLine' in label);

const JS = '**/*.{js,mjs,cjs,jsx}';
const TS = '**/*.{ts,mts,cts,tsx}';
const ALL = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
const language = [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{js,mjs,cjs,jsx,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
];
const typedLanguage = (root) => [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: [ALL], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: root, ecmaFeatures: { jsx: true } } } },
];
const TOOLS = {
  'event-loop/recommended': () => [...language, plugin.configs.recommended],
  'event-loop/recommendedTypeChecked': (root) => [...typedLanguage(root), plugin.configs.recommendedTypeChecked],
  // n/no-sync throws under @typescript-eslint/parser without type information, so JavaScript
  // gets ESLint's own parser, as most of its users have.
  'n/no-sync': () => [
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: [JS], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: [TS], languageOptions: { parser: tsParser } },
    { files: [ALL], plugins: { n: nodePlugin }, rules: { 'n/no-sync': 'error' } }],
};
const TOOL_ALIASES = { recommended: 'event-loop/recommended', typed: 'event-loop/recommendedTypeChecked', n: 'n/no-sync' };
const selectedTools = option('--tools')
  ? option('--tools').split(',').map((name) => TOOL_ALIASES[name] ?? name)
  : surveyFormat ? Object.keys(TOOLS) : ['event-loop/recommended', 'n/no-sync'];

// Labels by file, so that a report can be matched to the call whose lines it falls on.
const labelsByFile = new Map();
for (const label of labels) {
  const key = `${label.repo}|${label.path}`;
  if (!labelsByFile.has(key)) labelsByFile.set(key, []);
  labelsByFile.get(key).push(label);
}
// The label a report lands on: one starting on the report's line first (of two calls on one line, the
// one nearest the report's column that no other report took), else the innermost call spanning it.
function labelAt(repo, file, line, column = 0, taken = new Set()) {
  const candidates = (labelsByFile.get(`${repo}|${file}`) ?? []).filter((label) => label.line <= line && line <= (label.endLine ?? label.line));
  if (candidates.length === 0) return null;
  const onLine = candidates.filter((label) => label.line === line);
  if (onLine.length > 0) {
    const nearest = (list) => list.sort((a, b) => Math.abs((a.column ?? 0) - column) - Math.abs((b.column ?? 0) - column))[0];
    return nearest(onLine.filter((label) => !taken.has(label))) ?? nearest(onLine);
  }
  return candidates.sort((a, b) => (a.endLine ?? a.line) - a.line - ((b.endLine ?? b.line) - b.line))[0];
}

const isTypedTool = (tool) => tool.endsWith('TypeChecked');
async function reportsOf(tool) {
  if (savedReports) {
    const saved = JSON.parse(readFileSync(`${savedReports}.${tool.replace('/', '_')}.json`, 'utf8'));
    const inCorpus = (item) => !repoFilter || manifest.some((entry) => entry.repo === item.repo || item.startsWith?.(`${entry.repo}/`));
    return { reports: saved.reports.filter(inCorpus), crashes: saved.crashes ?? 0, crashSamples: saved.crashSamples ?? [], untypedFiles: (saved.untypedFiles ?? []).filter(inCorpus) };
  }
  const reports = [];
  const crashSamples = [];
  const untypedFiles = [];
  let crashes = 0;
  for (const entry of manifest) {
    const root = path.join(corpus, entry.path);
    const files = readFileSync(path.join(root, '.files'), 'utf8').split('\n').filter((file) => /\.(c|m)?[jt]sx?$/.test(file) && !file.endsWith('.d.ts') && existsSync(path.join(root, file)));
    if (args.includes('--reverse')) files.reverse();
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: TOOLS[tool](root), ignore: false });
    // A file no tsconfig of the repo includes cannot be typed: it is linted with the untyped parser
    // (and counted), as a user's editor would show it without type information.
    let untyped = null;
    for (const file of files) {
      let results;
      const filePath = path.join(root, file);
      const code = readFileSync(filePath, 'utf8');
      try {
        // One file at a time: n/no-sync throws on some files (TypeScript parser without type
        // information), and one crash must not hide the rest of the corpus.
        results = await eslint.lintText(code, { filePath });
        if (isTypedTool(tool) && results.some((result) => result.messages.some((message) => message.fatal && /project service|not included|parserOptions/i.test(message.message)))) {
          untyped ??= new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...language, { ...plugin.configs.recommendedTypeChecked, settings: {} }], ignore: false });
          results = await untyped.lintText(code, { filePath });
          untypedFiles.push(`${entry.repo}/${file}`);
        }
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
  return { reports, crashes, crashSamples, untypedFiles };
}

const ratio = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const fraction = (a, b) => `${ratio(a, b)} (${a}/${b})`;
const summary = {};
const details = {};
for (const tool of selectedTools) {
  const started = performance.now();
  const { reports, crashes, crashSamples: samples, untypedFiles } = await reportsOf(tool);
  const crashSamples = samples.slice(0, 5);
  // Each labelled site is reported or not; each report lands on a labelled site or on none.
  const reportedLabels = new Set();
  const unlabelled = new Map();
  for (const report of reports) {
    const label = labelAt(report.repo, report.path, report.line, report.column, reportedLabels);
    if (label) reportedLabels.add(label);
    else unlabelled.set(`${report.repo}|${report.path}|${report.line}`, report);
  }
  const count = { tp: 0, fp: 0, fn: 0, byLabel: {}, byFamily: {}, byRepo: {}, unlabelledReports: unlabelled.size };
  for (const label of labels) {
    if (label.label === 'unclear') continue;
    const reported = reportedLabels.has(label);
    const kind = label.direct === false && surveyFormat ? `${label.label} (indirect, ${label.via})` : label.label;
    count.byLabel[kind] ??= { sites: 0, reported: 0 };
    count.byLabel[kind].sites++;
    if (reported) count.byLabel[kind].reported++;
    const family = (count.byFamily[label.family] ??= { tp: 0, fp: 0, fn: 0 });
    const repo = (count.byRepo[label.repo] ??= { tp: 0, fp: 0, fn: 0 });
    if (label.expected_report && reported) (count.tp++, family.tp++, repo.tp++);
    else if (label.expected_report) (count.fn++, family.fn++, repo.fn++);
    else if (reported) (count.fp++, family.fp++, repo.fp++);
  }
  const serving = labels.filter((label) => label.expected_report && label.label !== 'unclear');
  const found = (list) => list.filter((label) => reportedLabels.has(label)).length;
  const direct = serving.filter((label) => label.direct !== false);
  const directCross = direct.filter((label) => label.reach === 'cross-file');
  const sameFile = serving.filter((label) => label.direct === false && label.via === 'same-file');
  const crossFile = serving.filter((label) => label.direct === false && label.via === 'cross-file');
  summary[tool] = {
    precision: ratio(count.tp, count.tp + count.fp),
    recall: ratio(count.tp, count.tp + count.fn),
    recallDirect: ratio(found(direct), direct.length),
    recallDirectCrossFileReach: fraction(found(directCross), directCross.length),
    recallIndirectSameFile: fraction(found(sameFile), sameFile.length),
    recallIndirectCrossFile: fraction(found(crossFile), crossFile.length),
    ...count,
    reports: reports.length,
    crashes,
    crashSamples,
    untypedFiles: untypedFiles.length,
    untypedSamples: untypedFiles.slice(0, 5),
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
  details[tool] = {
    falsePositives: labels.filter((label) => !label.expected_report && label.label !== 'unclear' && reportedLabels.has(label)),
    falseNegatives: serving.filter((label) => !reportedLabels.has(label)),
    unlabelled: [...unlabelled.values()],
  };
  if (dumpPrefix) {
    const dump = labels.filter((label) => label.label !== 'unclear').map((label) => ({ ...label, reported: reportedLabels.has(label) }));
    mkdirSync(path.dirname(path.resolve(dumpPrefix)), { recursive: true });
    writeFileSync(`${dumpPrefix}.${tool.replace('/', '_')}.json`, JSON.stringify({ dump, unlabelled: [...unlabelled.values()], reports, crashes, crashSamples, untypedFiles }, null, 1));
  }
}

for (const [tool, result] of Object.entries(summary)) {
  console.log(`\n${tool}: precision ${result.precision} (TP ${result.tp}, FP ${result.fp}), recall ${result.recall} (FN ${result.fn}), recall on direct sites ${result.recallDirect}`);
  if (surveyFormat) console.log(`  direct sites whose serving caller is in another file ${result.recallDirectCrossFileReach}; indirect same-file ${result.recallIndirectSameFile}, cross-file ${result.recallIndirectCrossFile}`);
  console.log(`  reports ${result.reports}, at unlabelled sites ${result.unlabelledReports}, crashes ${result.crashes}${isTypedTool(tool) ? `, files linted untyped ${result.untypedFiles}` : ''}, ${result.seconds}s`);
  for (const [family, c] of Object.entries(result.byFamily)) console.log(`  ${family.padEnd(14)} TP ${c.tp}  FP ${c.fp}  FN ${c.fn}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
if (markdownOut && surveyFormat) writeFileSync(markdownOut, surveyMarkdown());
else if (markdownOut) {
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
    'A third, labelled by meaning on 16 more server applications (direct, same-file and cross-file indirect recall, typed mode): [accuracy-survey-3.md](accuracy-survey-3.md).',
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

function surveyMarkdown() {
  const sites = labels.filter((label) => label.label !== 'unclear');
  const kinds = {};
  for (const label of labels) {
    const kind = label.direct === false ? `${label.label}, indirect ${label.via}` : label.label;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const tools = Object.keys(summary);
  const site = (label) => `${label.repo} \`${label.path}:${label.line}\``;
  // The survey's number, from the document's name (docs/accuracy-survey-4.md): its title, label and notes paths.
  const survey = /accuracy-survey-(\d+)\.md$/.exec(markdownOut)?.[1] ?? '3';
  const corpusDir = `/work/${path.basename(corpus)}`;
  const lines = [
    `# Accuracy survey ${survey}: real server applications, labelled by meaning`,
    '',
    `<!-- Generated by \`node scripts/real-code-eval.mjs ${corpusDir} --markdown docs/accuracy-survey-${survey}.md --notes tests/real-code/survey-${survey}/notes.md\`; do not edit by hand. -->`,
    '',
    `${manifest.length} self-hosted server applications nobody on the team wrote, none used by earlier corpora. Labels (in`,
    `\`tests/real-code/survey-${survey}/labels.jsonl\`: repo, commit, path, line, column, no code) were made by reading each call and its`,
    'callers across files, independently of what any tool reports: `serving` = runs on the event loop while the process serves',
    'concurrent work (per request, message, job, tick, listener, or a function those reach); `startup` = boot, CLI, scripts, tests,',
    'workers; `not-blocking` = a `*Sync` name that is not a blocking API. Indirect sites (`direct: false`) are call sites of a',
    'project-local sync helper that blocks, in serving code; `via` says whether the helper is in the same file or another one.',
    `${labels.length} labelled call sites (${sites.length} decided): ${Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`).join('; ')}.`,
    '',
    'Precision = reports on serving sites / reports on labelled sites. A report matches a label when it lies on the lines of the',
    'labelled call (the callee and its method chain, not its arguments). Reports on no labelled line are counted apart',
    '("unlabelled"). Direct recall = serving sites with the blocking call written at the site that get a report; the next column',
    'is the part of those whose function serves only because of callers in other files (`reach: cross-file`). Indirect recall =',
    'serving call sites of a blocking project-local helper that get a report (any rule), helper in the same file or another one.',
    '',
    `Rerun (corpus in \`${corpusDir}\`, sources extracted from the commits below; \`--plugin\` scores another checkout's build):`,
    `\`node scripts/real-code-eval.mjs ${corpusDir} --plugin <checkout>/dist/src/index.js --markdown docs/accuracy-survey-${survey}.md`,
    `--notes tests/real-code/survey-${survey}/notes.md\` (\`--tools recommended,typed,n\`, \`--repos name,…\`, \`--dump\`/\`--reports\` to re-score`,
    'saved reports after relabelling).',
    '',
    '| tool | precision | direct recall | direct, serving caller in another file | indirect same-file | indirect cross-file | TP | FP | FN | unlabelled | crashes | untyped files |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...tools.map((tool) => {
      const r = summary[tool];
      return `| ${tool} | ${r.precision} | ${r.recallDirect} | ${r.recallDirectCrossFileReach} | ${r.recallIndirectSameFile} | ${r.recallIndirectCrossFile} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.unlabelledReports} | ${r.crashes} | ${isTypedTool(tool) ? r.untypedFiles : '–'} |`;
    }),
    '',
    'Typed mode: `@typescript-eslint/parser` with `projectService`, each file under its nearest `tsconfig.json` (the repo\'s own;',
    'for repos without one, a generated permissive `tsconfig.json` with `allowJs` — marked `tsconfig: generated` below).',
    'Dependencies are not installed; `@types/node` is provided from the corpus root. Files no tsconfig includes are linted',
    'untyped ("untyped files"). `n/no-sync` ran with ESLint\'s parser on JavaScript and @typescript-eslint/parser on TypeScript.',
    '',
    '## Per family',
    '',
    `| family | ${tools.map((tool) => `${tool} TP / FP / FN`).join(' | ')} |`,
    `| --- | ${tools.map(() => '---').join(' | ')} |`,
    ...[...new Set(tools.flatMap((tool) => Object.keys(summary[tool].byFamily)))].map((family) =>
      `| ${family} | ${tools.map((tool) => { const c = summary[tool].byFamily[family] ?? { tp: 0, fp: 0, fn: 0 }; return `${c.tp} / ${c.fp} / ${c.fn}`; }).join(' | ')} |`),
    '',
    '## Per repo',
    '',
    `| repo | serving sites | ${tools.map((tool) => `${tool} TP / FP / FN`).join(' | ')} |`,
    `| --- | --- | ${tools.map(() => '---').join(' | ')} |`,
    ...manifest.map((entry) => `| ${entry.repo} | ${labels.filter((label) => label.repo === entry.repo && label.expected_report && label.label !== 'unclear').length} | ${tools.map((tool) => { const c = summary[tool].byRepo[entry.repo] ?? { tp: 0, fp: 0, fn: 0 }; return `${c.tp} / ${c.fp} / ${c.fn}`; }).join(' | ')} |`),
    '',
    '## Repos',
    '',
    '| repo | commit | frameworks | tsconfig | files | lines | labels |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...manifest.map((entry) => `| ${entry.repo} | ${entry.commit} | ${(entry.frameworks ?? []).join(', ')} | ${entry.tsconfig ?? ''} | ${entry.files ?? ''} | ${entry.lines ?? ''} | ${Object.entries(entry.labels ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')} |`),
    '',
    '## Sites each tool gets wrong',
    '',
    'Generated lists (every false positive; the first 40 misses and unlabelled reports); the classes behind them are in the notes below.',
    '',
    ...tools.flatMap((tool) => {
      const d = details[tool];
      const list = (items, render, limit = 40) => items.slice(0, limit).map((item) => `- ${render(item)}`).concat(items.length > limit ? [`- … and ${items.length - limit} more (all in the \`--dump\` output)`] : []);
      return [
        `### ${tool}`,
        '',
        `False positives (${d.falsePositives.length}):`,
        '',
        ...list(d.falsePositives, (label) => `${site(label)} (${label.label}${label.direct === false ? `, indirect ${label.via}` : ''})`, Infinity),
        '',
        `Missed serving sites (${d.falseNegatives.length}):`,
        '',
        ...list(d.falseNegatives, (label) => `${site(label)} (${label.family}${label.direct === false ? `, indirect ${label.via}` : label.reach === 'cross-file' ? ', serving caller in another file' : ''})`),
        '',
        `Reports on unlabelled lines (${d.unlabelled.length}):`,
        '',
        ...list(d.unlabelled, (report) => `${report.repo} \`${report.path}:${report.line}\` ${report.ruleId}`),
        '',
      ];
    }),
  ];
  if (notesFile && existsSync(notesFile)) lines.push(readFileSync(notesFile, 'utf8').trim(), '');
  return `${lines.join('\n')}\n`;
}
