#!/usr/bin/env node
// Lints cloned public server code bases with `configs.recommended` and prints counts per repo.
//
//   npm run build
//   node scripts/real-code-check.mjs <dir> [<dir>…] [--manifest tests/real-code/manifest.json] [--list]
//
// Each <dir> holds one sub-directory per code base, named `owner__name`, with the commit in a
// `.commit` file (or a `.git` directory). Code bases stay outside this repository; the manifest
// records repo, commit and counts only, never their code. `--list` prints every report, for review.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));

const args = process.argv.slice(2);
const manifestIndex = args.indexOf('--manifest');
const manifestPath = manifestIndex >= 0 ? args[manifestIndex + 1] : null;
const list = args.includes('--list');
const dirs = args.filter((arg, index) => !arg.startsWith('--') && (manifestIndex < 0 || index !== manifestIndex + 1));

const SKIP = new Set(['node_modules', 'dist', 'build', 'coverage', 'vendor', '.next', 'out', '.git']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

function sourceFiles(dir) {
  const files = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.includes('.min.')) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

function commitOf(dir) {
  const file = path.join(dir, '.commit');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const recommended = plugin.configs.recommended;
const results = [];
for (const base of dirs) {
  for (const name of fs.readdirSync(base).sort()) {
    const dir = path.join(base, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const linter = new Linter({ cwd: dir });
    const config = [
      { ...recommended, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    ];
    const counts = { repo: name.replace('__', '/'), commit: commitOf(dir), files: 0, parseErrors: 0, crashes: 0, reports: 0, byRule: {}, byContext: {} };
    const started = performance.now();
    for (const file of sourceFiles(dir)) {
      if (fs.statSync(file).size > 1_000_000) continue;
      counts.files++;
      let messages;
      try {
        messages = linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
      } catch (error) {
        counts.crashes++;
        console.error(`CRASH ${path.relative(base, file)}: ${error.message}`);
        continue;
      }
      for (const message of messages) {
        if (message.fatal) {
          counts.parseErrors++;
          continue;
        }
        if (!message.ruleId?.startsWith('event-loop/')) continue;
        counts.reports++;
        const rule = message.ruleId.slice('event-loop/'.length);
        counts.byRule[rule] = (counts.byRule[rule] ?? 0) + 1;
        const where = /blocks the event loop (inside [^;]*);/.exec(message.message)?.[1] ?? '';
        const context = where.includes('by its parameters') ? 'heuristic' : where.includes('async ') ? 'async-function' : 'route-handler';
        counts.byContext[context] = (counts.byContext[context] ?? 0) + 1;
        if (list) console.log(`${path.relative(base, file)}:${message.line}:${message.column} ${message.message}`);
      }
    }
    counts.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    results.push(counts);
    console.log(`${counts.repo.padEnd(45)} files ${String(counts.files).padStart(5)}  reports ${String(counts.reports).padStart(4)}  ${JSON.stringify(counts.byContext)}  parse errors ${counts.parseErrors}  crashes ${counts.crashes}`);
  }
}
const total = results.reduce((sum, result) => sum + result.reports, 0);
console.log(`${results.length} code bases, ${total} reports, ${results.reduce((sum, result) => sum + result.crashes, 0)} crashes`);
if (manifestPath) {
  const previous = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : {};
  const manifest = {
    ...previous,
    generated: new Date().toISOString().slice(0, 10),
    config: 'configs.recommended',
    repos: results.map(({ seconds, ...rest }) => rest),
  };
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
