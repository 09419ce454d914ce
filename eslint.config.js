// Self-lint: the plugin's own code under eslint-plugin-eslint-plugin's recommended rules and the
// plugin's own `recommended` config (from the build, as users get it). `npm run lint`.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import eventLoop from './dist/src/index.js';

export default [
  { ignores: ['dist/', 'node_modules/', 'tests/bench/', 'tests/fixtures/', 'docs/examples/', 'coverage/'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tsParser },
  },
  {
    ...eslintPlugin.configs.recommended,
    files: ['rules/**/*.ts', 'src/**/*.ts', 'tests/**/*.ts'],
    // The tests build their RuleTester with `createRuleTester()` (tests/rule-tester.ts).
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', /^create\w*RuleTester$/] } },
  },
  eventLoop.configs.recommended,
];
