import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ServingContext } from './context/serving-context.js';

// Advice that holds for one major version of a framework only ("Express 4 does not catch rejected
// promises") is given only where the project has that version: the installed package's
// package.json, as Node resolves it from the linted file, decides.

const majors = new Map<string, number | null>();

/** The major version of `name` as resolved from `file`'s folder; `null` when it is not installed there. */
export function installedMajor(name: string, file: string): number | null {
  const dir = path.dirname(file);
  const key = `${name}\0${dir}`;
  if (majors.has(key)) return majors.get(key)!;
  let major: number | null = null;
  try {
    const require = createRequire(path.join(dir, 'noop.js'));
    // Through the main entry, not `name/package.json`: packages with `exports` may not export it.
    let folder = path.dirname(require.resolve(name));
    for (let depth = 0; depth < 6; depth++) {
      try {
        const json = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (json.name === name) {
          major = Number.parseInt(json.version ?? '', 10);
          if (!Number.isInteger(major)) major = null;
          break;
        }
      } catch {
        // No package.json at this level.
      }
      folder = path.dirname(folder);
    }
  } catch {
    major = null;
  }
  majors.set(key, major);
  return major;
}

/** Notes about a framework version, and from which major version on they no longer apply. */
const VERSIONED_NOTES: readonly { readonly startsWith: string; readonly packageName: string; readonly fixedIn: number }[] = [
  // Express 5 passes a rejected promise from a handler to the error middleware.
  { startsWith: 'Express 4 ', packageName: 'express', fixedIn: 5 },
];

/** `serving` without a version note the installed framework makes moot (unknown version: the note stays). */
export function withApplicableNote(serving: ServingContext, file: string): ServingContext {
  const note = serving.asyncNote;
  if (!note) return serving;
  const versioned = VERSIONED_NOTES.find((candidate) => note.startsWith(candidate.startsWith));
  if (!versioned) return serving;
  const major = installedMajor(versioned.packageName, file);
  return major !== null && major >= versioned.fixedIn ? { ...serving, asyncNote: null } : serving;
}
