import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Untyped tests: @typescript-eslint/parser without a program, ES modules by default. */
export function createRuleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parserOptions: { ecmaVersion: 'latest' } } });
}

/**
 * Typed tests: a real program from `<root>/tsconfig.json`, which must include every test case's
 * file name (give cases an absolute `filename` under `root`; never `allowDefaultProject` for them).
 */
export function createTypedRuleTester(root: string = FIXTURES): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
  });
}
