// Shared set-up for the trace tests: the built CLI, fixture copies in temp directories, real runs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TraceFile, TraceSite } from '../../src/trace/records.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/src/cli.js');
export const FIXTURES = path.join(ROOT, 'tests/trace/fixtures');

const scratchDirs: string[] = [];
export function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `event-loop-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The server fixture in a temp directory, with express linked from this repository and the vendored dependency installed. */
export function serverProject(): string {
  const dir = scratch('trace-server');
  cpSync(path.join(FIXTURES, 'server'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(ROOT, 'node_modules/express'), path.join(dir, 'node_modules/express'), 'dir');
  cpSync(path.join(dir, 'vendor/slow-lib'), path.join(dir, 'node_modules/slow-lib'), { recursive: true });
  rmSync(path.join(dir, 'vendor'), { recursive: true });
  return dir;
}

export function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...rest, ...env }, timeout: 60_000 });
}

export const readTrace = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as TraceFile;

/** The sites of `trace` at `file:line` (and `api`, when given). */
export function sitesAt(trace: TraceFile, file: string, line: number, api?: string): TraceSite[] {
  return trace.sites.filter((site) => site.file === file && site.line === line && (api === undefined || site.api === api));
}

/** The 1-based line of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${text} not in ${file}`);
  return index + 1;
}
