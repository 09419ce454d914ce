// ESLint's --concurrency runs the plugin in worker threads, each with its own project model: the
// findings must be those of a serial run, and the duplicated cross-file work must stay bounded.
//
//   node scripts/concurrency-check.mjs <dir> [--concurrency 2]
//
// Lints <dir> with `recommended` (TypeScript through @typescript-eslint/parser) serially and with
// --concurrency N, in fresh processes; prints wall and CPU time of each and whether the JSON
// results are identical. Exits 1 when they differ.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const target = path.resolve(args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--concurrency') ?? '.');
const threads = args.includes('--concurrency') ? args[args.indexOf('--concurrency') + 1] : '2';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-concurrency-check-'));
const config = path.join(scratch, 'eslint.config.js');
writeFileSync(
  config,
  [
    `import * as tsParser from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href)};`,
    `import plugin from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/index.js')).href)};`,
    `export default [{ linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } }, { ignores: ['**/dist/**', '**/build/**'] }, { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } }, plugin.configs.recommended];`,
  ].join('\n'),
);

function lint(extra) {
  const started = performance.now();
  const run = spawnSync('bash', ['-c', `/usr/bin/time -f '%U %S %M' ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'node_modules/eslint/bin/eslint.js'))} --no-config-lookup --config ${JSON.stringify(config)} --format json ${extra} . 2>"$0"`, path.join(scratch, `time${extra ? '-c' : ''}.txt`)], {
    cwd: target,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited ${run.status}: ${run.stderr}`);
  const times = spawnSync('tail', ['-1', path.join(scratch, `time${extra ? '-c' : ''}.txt`)], { encoding: 'utf8' }).stdout.trim().split(' ');
  const results = JSON.parse(run.stdout)
    .map(({ filePath, messages }) => ({ filePath, messages: messages.map(({ ruleId, line, column, message, suggestions }) => ({ ruleId, line, column, message, suggestions })) }))
    .sort((a, b) => a.filePath.localeCompare(b.filePath));
  return { wallMs, cpuMs: (Number(times[0]) + Number(times[1])) * 1000, maxRssMb: Number(times[2]) / 1024, results };
}

try {
  const serial = lint('');
  const parallel = lint(`--concurrency ${threads}`);
  const same = JSON.stringify(serial.results) === JSON.stringify(parallel.results);
  const reports = serial.results.reduce((sum, result) => sum + result.messages.length, 0);
  const line = (label, run) => `${label}: wall ${(run.wallMs / 1000).toFixed(1)} s, CPU ${(run.cpuMs / 1000).toFixed(1)} s, max RSS ${Math.round(run.maxRssMb)} MB`;
  console.log(`${path.basename(target)}: ${serial.results.length} files, ${reports} reports`);
  console.log(line('serial', serial));
  console.log(line(`--concurrency ${threads}`, parallel));
  console.log(same ? 'results identical' : 'RESULTS DIFFER');
  process.exitCode = same ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
