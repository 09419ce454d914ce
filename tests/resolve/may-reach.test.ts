import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/index.js';
import { mayReachRoots } from '../../src/resolve/trace.js';

describe('mayReachRoots (the text pre-check that lets traceFile skip files)', () => {
  it.each([
    "import fs from 'fs';",
    'import { readFileSync } from "node:fs";',
    'const fs = require(`fs`);',
    "const { hashSync } = require('bcrypt');",
    "import Database from 'better-sqlite3';",
    "const zlib = process.getBuiltinModule('node:zlib');",
    "const fs = await import('fs-extra');",
    "import fs = require('graceful-fs');",
  ])('sees a way in: %s', (text) => {
    expect(mayReachRoots(text, CATALOG)).toBe(true);
  });

  it.each([
    'const offset = refs.length; readFileSync(path);',
    "import { readFile } from 'node:fs/promises';",
    "import x from 'fsx'; import y from 'my-fs';",
    '',
  ])('sees none: %s', (text) => {
    expect(mayReachRoots(text, CATALOG)).toBe(false);
  });

  it('follows the roots it is given, globals included', () => {
    const roots = { modules: new Map([['a.b', CATALOG.modules.get('fs')!]]), globals: new Map([['Atomics', CATALOG.modules.get('fs')!]]) };
    expect(mayReachRoots("require('a.b')", roots)).toBe(true);
    expect(mayReachRoots("require('axb')", roots)).toBe(false);
    expect(mayReachRoots('Atomics.wait(a, 0, 0)', roots)).toBe(true);
    expect(mayReachRoots('MyAtomics.wait(a, 0, 0)', roots)).toBe(false);
  });
});
