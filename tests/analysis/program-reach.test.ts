import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';
import { programReach } from '../../src/analysis/program-reach.js';

// As the plugin loads it (src/analysis/typed.ts): the CommonJS module itself.
const ts = createRequire(import.meta.url)('typescript') as typeof TS;
const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/indirect');

function fixtureProgram(): TS.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(FIXTURE, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  return ts.createProgram(config.fileNames, config.options);
}

describe('programReach', () => {
  const program = fixtureProgram();
  const reach = programReach(ts, program);
  const file = (name: string) => program.getSourceFile(path.join(FIXTURE, name))!;

  it('files importing a catalog module, and their importers transitively, may block', () => {
    expect(reach.mayBlock(file('lib/config.ts'))).toBe(true); // import fs from 'node:fs'
    expect(reach.mayBlock(file('lib/index.ts'))).toBe(true); // re-exports lib/config.ts
    expect(reach.mayBlock(file('model.ts'))).toBe(true); // import Database from 'better-sqlite3'
    expect(reach.mayBlock(file('service.ts'))).toBe(true); // imports model.ts
  });

  it('a file that only names catalog modules in comments and strings cannot block', () => {
    expect(reach.mayBlock(file('format.ts'))).toBe(false);
    expect(reach.mayBlock(file('startup.ts'))).toBe(false);
  });

  it('names callable in files that may block are known; names declared only elsewhere are not', () => {
    expect(reach.declaresName('loadConfig')).toBe(true);
    expect(reach.declaresName('UserModel')).toBe(true);
    expect(reach.declaresName('formatName')).toBe(false);
    expect(reach.declaresName('pipe')).toBe(false);
  });

  it('is computed once per program', () => {
    expect(programReach(ts, program)).toBe(reach);
  });

  it('without the program module graph (TypeScript before 5.3) rules nothing out', () => {
    const bare = Object.create(program, { forEachResolvedModule: { value: undefined } }) as TS.Program;
    const everything = programReach(ts, bare);
    expect(everything.mayBlock(file('format.ts'))).toBe(true);
    expect(everything.declaresName('anything')).toBe(true);
  });
});
