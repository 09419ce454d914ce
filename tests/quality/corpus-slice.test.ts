// A bounded slice of scripts/corpus-check.mjs that runs in `npm test`: every rule of
// `configs.all`, without types and with the project service, over the syntax fixtures, the
// plugin's own sources and docs/examples. No crash; every suggestion parses and re-lints.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../dist/src/index.js';
import { checkFiles, createAllRulesESLint, createTypeErrorDiff, parseError } from '../../scripts/lib/lint-check.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYNTAX = path.join(ROOT, 'tests/fixtures/syntax');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`))
    .sort();
}

const syntaxFiles = sources(SYNTAX);

describe('corpus slice: syntax fixtures', () => {
  it.each([false, true])('typed %s: no crash, every suggestion parses and re-lints', async (typed) => {
    const summary = await checkFiles(createAllRulesESLint(plugin, { cwd: SYNTAX, typed }), syntaxFiles);
    expect(summary.files).toBe(syntaxFiles.length);
    expect(summary.crashes).toEqual([]);
    expect(summary.fatal).toEqual([]);
    expect(summary.brokenSuggestions).toEqual([]);
    expect(summary.relintCrashes).toEqual([]);
    // The fixtures are written to be reported: the check is not vacuous.
    expect(summary.reports).toBeGreaterThanOrEqual(30);
    expect(summary.suggestions).toBeGreaterThanOrEqual(30);
    expect(Object.keys(summary.byRule).sort()).toEqual(
      ['event-loop/no-indirect-blocking', 'event-loop/no-sync-crypto', 'event-loop/no-sync-database', 'event-loop/no-sync-fs', 'event-loop/no-sync-zlib'].filter((rule) => rule in plugin.configs.all.rules!),
    );
  });
});

describe('corpus slice: the plugin’s own code and docs/examples', () => {
  it('lints src/, rules/, scripts/ and docs/examples without a crash', async () => {
    const files = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'rules')), ...sources(path.join(ROOT, 'scripts')), ...sources(path.join(ROOT, 'docs/examples'))];
    const summary = await checkFiles(createAllRulesESLint(plugin, { cwd: ROOT }), files);
    expect(summary.files).toBeGreaterThan(30);
    expect(summary.crashes).toEqual([]);
    expect(summary.fatal).toEqual([]);
    expect(summary.brokenSuggestions).toEqual([]);
    expect(summary.relintCrashes).toEqual([]);
    // docs/examples holds a server that blocks on purpose.
    expect(summary.reports).toBeGreaterThan(0);
  });
});

describe('parseError (the check the slice relies on)', () => {
  it('accepts valid code of each kind and rejects broken code', () => {
    expect(parseError('const a = <div>{await x}</div>;', 'a.jsx')).toBeNull();
    expect(parseError('export const f = async <T,>(x: T) => x;', 'a.tsx')).toBeNull();
    expect(parseError('import fs = require("fs"); export = fs;', 'a.cts')).toBeNull();
    expect(parseError('async function f() { using x = y; }', 'a.ts')).toBeNull();
    expect(parseError('function f() { await fs.promises.readFile(p); }', 'a.js')).not.toBeNull();
    expect(parseError('const a = (;', 'a.ts')).not.toBeNull();
  });
});

describe('parseError: await where it cannot run', () => {
  it('rejects await in sync functions, class fields, static blocks and CommonJS top level', () => {
    expect(parseError('const f = () => { for await (const x of y) {} };', 'a.ts')).toMatch(/await outside/);
    expect(parseError('class A { x = await y; }', 'a.mjs')).toMatch(/await outside/);
    expect(parseError('class A { static { await y; } }', 'a.ts')).toMatch(/await outside/);
    expect(parseError('const x = await y;', 'a.cjs')).toMatch(/await outside/);
    expect(parseError('const x = await y;', 'a.mjs')).toBeNull();
    expect(parseError('async function f() { return [1].map(async (x) => await x); }', 'a.js')).toBeNull();
  });
});

describe('corpus slice: suggestions add no TypeScript errors', () => {
  it('typed syntax fixtures: every suggestion type-checks as well as the code it replaces', async () => {
    const typeErrors = await createTypeErrorDiff();
    const summary = await checkFiles(createAllRulesESLint(plugin, { cwd: SYNTAX, typed: true }), syntaxFiles.filter((file) => /\.[cm]?tsx?$/.test(file)), { relint: false, typeErrors });
    expect(summary.newTypeErrors).toEqual([]);
    // Every suggestion of these TypeScript files was type-checked.
    expect(summary.typeChecked).toBe(summary.suggestions);
    expect(summary.typeChecked).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
