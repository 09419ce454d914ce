import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Untyped tests: @typescript-eslint/parser without a program, ES modules by default. */
export function createRuleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parserOptions: { ecmaVersion: 'latest' } } });
}

/** Typed tests: a real program from `tests/fixtures/tsconfig.json` (which includes `file.ts`). */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES } },
  });
}
