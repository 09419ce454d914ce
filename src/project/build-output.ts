import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders compiled sources usually live in, tried when no tsconfig says (`outDir` → `rootDir`). */
const SOURCE_FOLDERS = ['src', 'lib', 'source', 'app', ''];
const OUTPUT_EXTENSION = /\.(?:[cm]?js|jsx)$/;

/**
 * Where the source of a build-output file may be: a server entry that starts `./dist/controller.js`
 * runs `lib/controller.ts`, and the project model must see that import (zigbee2mqtt's `index.js`),
 * whether or not the output was built. `outputFolder` is the folder holding the output folder
 * (`dist`), `inside` the path below it. Candidates have no extension: the resolver adds the source's.
 */
export function sourceCandidates(packageDir: string, outputFolder: string, inside: string): string[] {
  const stem = inside.replace(OUTPUT_EXTENSION, '');
  const candidates: string[] = [];
  const mapped = tsconfigRootFor(packageDir, outputFolder);
  if (mapped !== null) candidates.push(path.join(packageDir, mapped, stem));
  for (const folder of SOURCE_FOLDERS) {
    const candidate = path.join(packageDir, folder, stem);
    if (!candidates.includes(candidate)) candidates.push(candidate);
  }
  return candidates;
}

/** The `outDir` of the package's tsconfig.json (`lib`), normalised, or `null`: output folders named otherwise. */
export function tsconfigOutDir(packageDir: string): string | null {
  let known = outDirs.get(packageDir);
  if (known === undefined) {
    const outDir = (readJsonc(path.join(packageDir, 'tsconfig.json'))?.compilerOptions as { outDir?: unknown } | undefined)?.outDir;
    known = typeof outDir === 'string' ? path.normalize(outDir).replace(/[\\/]$/, '') : null;
    if (known === '.' || known?.startsWith('..')) known = null;
    outDirs.set(packageDir, known);
  }
  return known;
}

const outDirs = new Map<string, string | null>();
const rootDirs = new Map<string, string | null>();

/** The `rootDir` of the package's tsconfig.json when its `outDir` is `outputFolder`, else `null`. */
function tsconfigRootFor(packageDir: string, outputFolder: string): string | null {
  const key = `${packageDir}\0${outputFolder}`;
  let known = rootDirs.get(key);
  if (known === undefined) {
    const options = readJsonc(path.join(packageDir, 'tsconfig.json'))?.compilerOptions as { outDir?: unknown; rootDir?: unknown } | undefined;
    const outDir = typeof options?.outDir === 'string' ? path.normalize(options.outDir).replace(/[\\/]$/, '') : null;
    known = outDir === path.normalize(outputFolder) && typeof options?.rootDir === 'string' ? path.normalize(options.rootDir) : null;
    rootDirs.set(key, known);
  }
  return known;
}

/** tsconfig.json is JSON with comments and trailing commas. */
function readJsonc(file: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  // Strings are kept whole; comments outside them go, then trailing commas.
  const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_comment, string: string | undefined) => string ?? '').replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * A copy of a tsconfig.json with only its own `baseUrl` and `paths`, made absolute, for a tsconfig
 * whose `extends` names a package that is not installed. It is written once under the system's temp
 * folder, named by a hash of its content (later runs reuse it). `null` when the tsconfig has no paths
 * of its own, or the copy cannot be written.
 */
export function ownPathsConfig(tsconfig: string): string | null {
  const options = readJsonc(tsconfig)?.compilerOptions as { baseUrl?: unknown; paths?: unknown } | undefined;
  if (!options || (typeof options.baseUrl !== 'string' && (!options.paths || typeof options.paths !== 'object'))) return null;
  const baseUrl = path.resolve(path.dirname(tsconfig), typeof options.baseUrl === 'string' ? options.baseUrl : '.');
  const text = JSON.stringify({ compilerOptions: { baseUrl, paths: options.paths ?? {} } });
  const copy = path.join(os.tmpdir(), 'eslint-plugin-event-loop', `tsconfig-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`);
  try {
    if (!existsSync(copy)) {
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, text);
    }
    return copy;
  } catch {
    return null;
  }
}
