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
 * The bounded typed corpus (a copy of effect's src under tests/bench/typed, see ensureCorpus): effect's HTTP, RPC and process modules plus the files they import
 * are what the TypeScript program holds; only these directories are linted. A typed run of all
 * of effect's src (570 files, 520,000 lines) needs several GB and minutes per run on a 2-core
 * machine, too much to repeat for medians.
 */
export const TYPED = { package: 'effect', root: path.join(BENCH_DIR, 'typed/effect'), dirs: ['src/http', 'src/process', 'src/rpc'], tsconfig: path.join(BENCH_DIR, 'tsconfig.json') };

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
  cpSync(path.join(MODULES, TYPED.package, 'src'), path.join(TYPED.root, 'src'), { recursive: true });
  cpSync(path.join(MODULES, TYPED.package, 'package.json'), path.join(TYPED.root, 'package.json'));
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

export function typedFiles() {
  const root = TYPED.root;
  return TYPED.dirs.flatMap((dir) => walk(path.join(root, dir), [])).filter((file) => /\.[cm]?tsx?$/.test(file));
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
