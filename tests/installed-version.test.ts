// Version-specific advice follows the installed framework: no "Express 4" note in an Express 5 project.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { installedMajor } from '../src/installed-version.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-versions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, expressVersion: string | null): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  if (expressVersion) {
    const pkg = path.join(dir, 'node_modules/express');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'express', version: expressVersion, main: 'index.js' }));
    writeFileSync(path.join(pkg, 'index.js'), 'module.exports = function express() {};\n');
  }
  return dir;
}

const CODE = `import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/', (req, res) => {
  res.send(fs.readFileSync('index.html'));
});
`;

function suggestionDescriptions(dir: string): string[] {
  const messages = new Linter({ cwd: dir }).verify(CODE, [plugin.configs.recommended], path.join(dir, 'src/app.js'));
  return messages.flatMap((message) => (message.suggestions ?? []).map((suggestion) => suggestion.desc));
}

describe('the Express 4 note', () => {
  it('is left out where Express 5 is installed', () => {
    const dir = project('express5', '5.1.0');
    expect(installedMajor('express', path.join(dir, 'src/app.js'))).toBe(5);
    expect(suggestionDescriptions(dir)).toEqual(['Replace with `fs.promises.readFile`, await it, and make the handler async.']);
  });

  it('is given where Express 4 is installed, or where no express is found', () => {
    const four = project('express4', '4.21.2');
    expect(installedMajor('express', path.join(four, 'src/app.js'))).toBe(4);
    const note = 'Replace with `fs.promises.readFile`, await it, and make the handler async (Express 4 does not catch rejected promises; add error handling or use Express 5).';
    expect(suggestionDescriptions(four)).toEqual([note]);
    const none = project('no-express', null);
    expect(installedMajor('express', path.join(none, 'src/app.js'))).toBeNull();
    expect(suggestionDescriptions(none)).toEqual([note]);
  });
});
