// Compatibility matrix: the rule tests, the catalog matrices and the property and corpus-slice
// tests under {ESLint 9 (latest 9.x), ESLint 10 (the repo's)} x {TypeScript 5.9, TypeScript 6.0
// (the repo's)}. Works in a scratch copy of the repository (os.tmpdir()), never touching this
// checkout's node_modules: `npm ci` once, then `npm install --no-save` of each combination.
// Then `publint` on the packed tarball.
//
//   npm run compat                 all four combinations
//   node scripts/compat.mjs --keep keep the scratch directory (its path is printed)
//   node scripts/compat.mjs --summary f   also write {passed, failed} totals to f (CI)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lockVersion = (name) => JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages[`node_modules/${name}`].version;

const npmView = (spec) => {
  const versions = JSON.parse(execFileSync('npm', ['view', spec, 'version', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  // The registry lists versions in publish order, not semver order (9.9.1 after 9.39.x).
  const key = (version) => version.split(/[.-]/).slice(0, 3).map(Number);
  return [versions].flat().filter((version) => !version.includes('-')).sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  }).at(-1);
};
const ESLINT = { 9: npmView('eslint@^9'), 10: lockVersion('eslint') };
const TYPESCRIPT = { '5.9': npmView('typescript@~5.9.0'), '6.0': lockVersion('typescript') };
const TESTS = ['tests/rules', 'tests/catalog', 'tests/quality', 'tests/meta/options.test.ts'];

const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-compat-'));
const npm = (...args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`Scratch copy: ${scratch}`);
for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts', 'src', 'rules', 'tests', 'scripts', 'docs']) {
  cpSync(path.join(ROOT, entry), path.join(scratch, entry), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.startsWith(path.join(ROOT, 'tests/bench')),
  });
}
npm('ci', '--ignore-scripts');
// The plugin is built once, with the repo's own TypeScript, as it is published.
execFileSync('npm', ['run', 'build', '--silent'], { cwd: scratch, stdio: 'inherit' });

const rows = [];
let failed = false;
let passedTotal = 0;
let failedTotal = 0;
for (const eslintMajor of Object.keys(ESLINT)) {
  for (const tsMinor of Object.keys(TYPESCRIPT)) {
    npm('install', '--no-save', '--ignore-scripts', `eslint@${ESLINT[eslintMajor]}`, `typescript@${TYPESCRIPT[tsMinor]}`);
    const installed = (name) => JSON.parse(readFileSync(path.join(scratch, 'node_modules', name, 'package.json'), 'utf8')).version;
    const started = performance.now();
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...TESTS, '--reporter=json', '--outputFile=.compat.json'], { cwd: scratch, encoding: 'utf8' });
    let counts = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
    try {
      counts = JSON.parse(readFileSync(path.join(scratch, '.compat.json'), 'utf8'));
    } catch {
      // No report: the run failed before the tests.
    }
    const ok = run.status === 0 && counts.numFailedTests === 0 && counts.numPassedTests > 0;
    passedTotal += counts.numPassedTests;
    failedTotal += counts.numFailedTests;
    if (!ok) {
      failed = true;
      console.error(run.stdout.slice(-4000), run.stderr.slice(-4000));
    }
    rows.push(`| ${installed('eslint')} | ${installed('typescript')} | ${counts.numPassedTests} | ${counts.numFailedTests} | ${counts.numPendingTests} | ${((performance.now() - started) / 1000).toFixed(0)} s | ${ok ? 'pass' : '**fail**'} |`);
    console.log(rows.at(-1));
  }
}
// The packed package as npm would publish it: publint checks exports, types and files.
const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: scratch, encoding: 'utf8' }).trim().split('\n').at(-1);
const publint = spawnSync('npm', ['exec', '--yes', '--package=publint@0.3.25', '--', 'publint', 'run', path.join(scratch, tarball)], { cwd: scratch, encoding: 'utf8' });
const publintOutput = `${publint.stdout}${publint.stderr}`.split('\n').filter((line) => line.trim() && !line.includes('npm warn')).join('\n');
if (publint.status !== 0 || !/All good/.test(publintOutput)) failed = true;
console.log(`\npublint ${tarball}:\n${publintOutput}`);
console.log(`\n${own.name}: ${TESTS.join(', ')}\n\n| eslint | typescript | passed | failed | skipped | time | result |\n|---|---|---:|---:|---:|---:|---|\n${rows.join('\n')}`);
// `--summary file`: totals for CI's summary line (.ci/run).
if (process.argv.includes('--summary')) {
  const totals = { passed: passedTotal, failed: failedTotal + (failed && failedTotal === 0 ? 1 : 0) };
  writeFileSync(process.argv[process.argv.indexOf('--summary') + 1], JSON.stringify(totals));
}
if (!process.argv.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
