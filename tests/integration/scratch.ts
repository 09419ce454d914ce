import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Packed {
  readonly dir: string;
  readonly tarball: string;
  readonly files: string[];
}

/** `npm pack` of this repository (its dist/ as built by `pretest`) into a fresh temporary folder. */
export function pack(): Packed {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'event-loop-pack-'));
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as [
    { filename: string; files: { path: string }[] },
  ];
  return { dir, tarball: path.join(dir, packed[0].filename), files: packed[0].files.map((file) => file.path) };
}

/** The version of a package this repository resolved (so npm's cache usually has it). */
export function lockedVersion(name: string): string {
  return (JSON.parse(execFileSync(NPM, ['ls', name, '--json', '--depth=0'], { cwd: ROOT, encoding: 'utf8' })) as { dependencies: Record<string, { version: string }> })
    .dependencies[name]!.version;
}

/** A scratch project under `parent` with `files` written and `packages` installed as a user would. */
export function scratchProject(parent: string, name: string, packages: readonly string[], files: Record<string, string>, type: 'module' | 'commonjs' = 'module'): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  execFileSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], { cwd: dir, stdio: 'pipe' });
  return dir;
}

export function npmExec(cwd: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(NPM, ['exec', '--', ...args], { cwd, encoding: 'utf8' });
}

export function remove(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
