// Zero crashes, valid suggestions: every rule of `configs.all` over the benchmark corpus (the
// sources of express, koa, fastify, @nestjs/core, next's dist/server and effect, ~700,000 lines)
// and the syntax fixtures (tests/fixtures/syntax: JSX/TSX, decorators, `using`, class fields and
// static blocks, CommonJS, ESM, .cts/.mts), without types and with the project service.
// Every suggestion is applied; the result must parse and lint again without a crash, and in the
// typed runs must add no TypeScript error. A stress run makes every plain function of the corpus
// async first, so that every sync call in application code gets a suggestion to check.
//
//   npm run corpus-check                   everything (installs the corpus on first use)
//   node scripts/corpus-check.mjs --json f also write the summary as JSON
//
// Exits 1 on any crash, broken suggestion or crash when re-linting a suggestion's output.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../dist/src/index.js';
import { BENCH_DIR, MODULES, ROOT, corpusFiles, ensureCorpus, typedFiles } from './lib/bench-corpus.mjs';
import { checkFiles, createAllRulesESLint, createTypeErrorDiff, everyFunctionAsync } from './lib/lint-check.mjs';

const SYNTAX = path.join(ROOT, 'tests/fixtures/syntax');
const syntaxFiles = readdirSync(SYNTAX).filter((name) => /\.(?:[cm]?[jt]sx?)$/.test(name)).map((name) => path.join(SYNTAX, name));

ensureCorpus();
// Roles (test file, script, application) are judged relative to cwd, as in each package's own project.
const runs = [
  { name: 'corpus, no types', cwd: MODULES, typed: false, files: corpusFiles().flatMap((pkg) => pkg.files) },
  // Stress input: every plain function made async, so every sync call in application code is reported with its suggestion.
  { name: 'corpus with every function made async, no types', cwd: MODULES, typed: false, files: corpusFiles().flatMap((pkg) => pkg.files), transform: everyFunctionAsync },
  { name: 'typed corpus (effect http/process/rpc, @effect/platform-node, @effect/platform-node-shared), projectService', cwd: BENCH_DIR, typed: true, files: typedFiles() },
  { name: 'syntax fixtures, no types', cwd: SYNTAX, typed: false, files: syntaxFiles },
  { name: 'syntax fixtures, projectService', cwd: SYNTAX, typed: true, files: syntaxFiles },
];

const report = {};
let failed = false;
for (const run of runs) {
  const started = performance.now();
  const eslint = createAllRulesESLint(plugin, { cwd: run.cwd, typed: run.typed });
  // Typed runs also type-check every suggestion's output against the file's tsconfig.
  const summary = await checkFiles(eslint, run.files, { typeErrors: run.typed ? await createTypeErrorDiff() : null, transform: run.transform ?? null });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  report[run.name] = { ...summary, seconds };
  const bad = summary.crashes.length + summary.brokenSuggestions.length + summary.relintCrashes.length + summary.newTypeErrors.length;
  if (bad > 0) failed = true;
  console.log(
    `${run.name}: ${summary.files} files, ${summary.lines} lines, ${seconds}s — crashes ${summary.crashes.length}, ` +
      `parse errors in inputs ${summary.fatal.length}, reports ${summary.reports}, suggestions ${summary.suggestions}, ` +
      `suggestions that do not parse ${summary.brokenSuggestions.length}, crashes re-linting suggestion outputs ${summary.relintCrashes.length}` +
      (run.typed ? `, suggestions type-checked ${summary.typeChecked}, that add TypeScript errors ${summary.newTypeErrors.length}` : ''),
  );
  for (const [rule, counts] of Object.entries(summary.byRule)) console.log(`  ${rule}: ${counts.reports} reports, ${counts.suggestions} suggestions`);
  for (const crash of summary.crashes.slice(0, 10)) console.log(`  CRASH ${path.relative(run.cwd, crash.file)}\n    ${crash.error.replaceAll('\n', '\n    ')}`);
  for (const broken of summary.brokenSuggestions.slice(0, 10)) console.log(`  BROKEN SUGGESTION ${path.relative(run.cwd, broken.file)}:${broken.line}:${broken.column} ${broken.ruleId} "${broken.suggestion}": ${broken.error}`);
  for (const added of summary.newTypeErrors.slice(0, 10)) console.log(`  NEW TYPE ERRORS ${path.relative(run.cwd, added.file)}:${added.line}:${added.column} ${added.ruleId} "${added.suggestion}": ${added.errors.join('; ')}`);
  for (const crash of summary.relintCrashes.slice(0, 10)) console.log(`  RELINT CRASH ${path.relative(run.cwd, crash.file)}:${crash.line}: ${crash.error}`);
  for (const fatal of summary.fatal.slice(0, 5)) console.log(`  (input does not parse: ${path.relative(run.cwd, fatal.file)}: ${fatal.message})`);
}
const args = process.argv.slice(2);
if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
