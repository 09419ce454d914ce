import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as TS from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { typeScriptFor } from '../../src/typescript-module.js';

const ts = createRequire(import.meta.url)('typescript') as typeof TS;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-ts-module-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function program(): TS.Program {
  const file = path.join(scratch, 'a.ts');
  writeFileSync(file, 'export const a = 1;\n');
  return ts.createProgram([file], { noEmit: true, types: [] });
}

describe('typeScriptFor: the classic compiler API that matches the parser’s program', () => {
  it('finds the TypeScript that built the program', () => {
    const lookup = typeScriptFor(program(), scratch);
    expect(lookup.ts?.version).toBe(ts.version);
  });

  it('refuses a module whose syntax kinds are not the program’s, and says why', () => {
    const sourceFile = { kind: -1 } as unknown as TS.SourceFile;
    const foreign = { getSourceFiles: () => [sourceFile] } as unknown as TS.Program;
    const lookup = typeScriptFor(foreign, scratch);
    expect(lookup.ts).toBeNull();
    expect(lookup.ts === null && lookup.reason).toContain('not the version the parser used');
  });

  it("names TypeScript 7's package, which has no compiler API", () => {
    // A project whose `typescript` is 7.x: its main export is only the version.
    const project = path.join(scratch, 'ts7');
    mkdirSync(path.join(project, 'node_modules/typescript/lib'), { recursive: true });
    writeFileSync(path.join(project, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '7.0.2', main: './lib/version.cjs' }));
    writeFileSync(path.join(project, 'node_modules/typescript/lib/version.cjs'), "exports.version = '7.0.2';\n");
    const sourceFile = { kind: -1 } as unknown as TS.SourceFile;
    const lookup = typeScriptFor({ getSourceFiles: () => [sourceFile] } as unknown as TS.Program, project);
    expect(lookup.ts === null && lookup.reason).toContain('no classic compiler API');
  });
});
