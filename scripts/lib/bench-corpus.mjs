// The benchmark corpus: sources of real server packages, installed from the npm registry into
// tests/bench/node_modules (pinned by tests/bench/package-lock.json, never committed).
// Shared by scripts/bench.mjs and scripts/corpus-check.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DIR = path.join(ROOT, 'tests/bench');
export const MODULES = path.join(BENCH_DIR, 'node_modules');

/** Which part of each package is linted: its own published sources (JS or TS), no declarations. */
export const PACKAGES = [
  { name: 'express', dirs: ['.'] },
  { name: 'koa', dirs: ['.'] },
  { name: 'fastify', dirs: ['.'] },
  { name: '@nestjs/core', dirs: ['.'] },
  { name: 'next', dirs: ['dist/server'] },
  { name: 'effect', dirs: ['src'] },
];

/**
 * The bounded typed corpus, linted with the project service (tests/bench/tsconfig.json); copies
 * under tests/bench/typed, see ensureCorpus:
 * - effect's HTTP, RPC and process modules (the TypeScript program also holds the effect files
 *   they import). They import no Node.js module, so the plugin's type-aware analysis has nothing
 *   to follow there: the cost of ruling that out.
 * - @effect/platform-node and @effect/platform-node-shared: effect's Node.js platform layer, which
 *   imports node:fs, node:child_process, node:zlib, node:crypto…: the cost of following calls
 *   across files into code that does reach Node's blocking APIs.
 * A typed run of all of effect's src (570 files, 520,000 lines) needs several GB and minutes per
 * run on a 2-core machine, too much to repeat for medians.
 */
export const TYPED = {
  root: path.join(BENCH_DIR, 'typed'),
  tsconfig: path.join(BENCH_DIR, 'tsconfig.json'),
  parts: [
    { package: 'effect', dirs: ['src/http', 'src/process', 'src/rpc'] },
    { package: '@effect/platform-node-shared', dirs: ['src'] },
    { package: '@effect/platform-node', dirs: ['src'] },
  ],
};
const typedRoot = (part) => path.join(TYPED.root, part.package);

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(full);
  }
  return out;
}

/** Installs the pinned corpus packages when missing or out of date with the lock file. */
export function ensureCorpus({ quiet = false } = {}) {
  const lock = path.join(BENCH_DIR, 'package-lock.json');
  const stamp = path.join(MODULES, '.installed-lock');
  const lockText = readFileSync(lock, 'utf8');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockText) return;
  if (!quiet) console.error('Installing the benchmark corpus (npm install --no-save --prefix tests/bench)…');
  // The committed lock file pins every version. Not `npm ci`: npm 11 writes lock files without the
  // other platforms' optional binaries of `next` (@next/swc-*), which `npm ci` then rejects.
  // --ignore-scripts --omit=optional: only the sources are read, nothing is built or run.
  execFileSync('npm', ['install', '--no-save', '--prefix', BENCH_DIR, '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'],
  });
  // The project service does not open files under node_modules: the typed corpus is a copy.
  rmSync(TYPED.root, { recursive: true, force: true });
  for (const part of TYPED.parts) {
    cpSync(path.join(MODULES, part.package, 'src'), path.join(typedRoot(part), 'src'), { recursive: true });
    cpSync(path.join(MODULES, part.package, 'package.json'), path.join(typedRoot(part), 'package.json'));
  }
  writeFileSync(stamp, lockText);
}

/** Every corpus file, grouped by package, absolute paths. */
export function corpusFiles() {
  return PACKAGES.map((pkg) => {
    const root = path.join(MODULES, pkg.name);
    const files = pkg.dirs.flatMap((dir) => walk(path.join(root, dir), []));
    const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    return { ...pkg, version, root, files };
  });
}

/** The typed corpus's files, all parts, or one part's. */
export function typedFiles(part) {
  return (part ? [part] : TYPED.parts).flatMap((each) => each.dirs.flatMap((dir) => walk(path.join(typedRoot(each), dir), []))).filter((file) => /\.[cm]?tsx?$/.test(file));
}

export function countLines(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (text.length > 0 && !text.endsWith('\n')) lines++;
  }
  return lines;
}

export const isTypeScript = (file) => /\.[cm]?tsx?$/.test(file);
export const fileSize = (file) => statSync(file).size;
