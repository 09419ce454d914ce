import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * What a file is for. Test files and scripts (CLIs, build and dev scripts, migrations, seeds) run
 * once or under a test runner, never while a server is serving requests, so nothing in them is
 * reported. Everything else is application code.
 */
export type FileRole = 'application' | 'test' | 'script';

const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|spec|specs|e2e|cypress|playwright)\/|\.(?:test|spec|e2e|cy|bench)\.[cm]?[jt]sx?$/;
const SCRIPT_PATH = /(?:^|\/)(?:scripts?|bin|cli|release|migrations?|seeds?|seeders?)\/|(?:^|\/)(?:(?:jest|vitest|vite|webpack|rollup|babel|eslint|prettier|playwright|tailwind|postcss|next|nuxt|svelte|astro|tsup|tsdown|esbuild|gulpfile|gruntfile)[.-][^/]*|gulpfile\.[^/]+|gruntfile\.[^/]+)$/i;
/** Argument parsers, prompts and spinners: a file importing one is part of a command-line tool. */
const CLI_MODULES = new Set([
  'commander',
  'yargs',
  'yargs/yargs',
  'meow',
  'cac',
  'sade',
  'citty',
  'clipanion',
  '@oclif/core',
  'inquirer',
  '@inquirer/prompts',
  '@clack/prompts',
  'prompts',
  'enquirer',
  'ora',
  'listr2',
]);
const TEST_MODULES = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'ava', 'tap', 'chai', 'supertest', '@playwright/test', 'uvu', 'tape', 'sinon']);

/** The role of a file from its path (relative to the project) and what it imports. */
export function fileRole(filename: string, cwd: string, program: TSESTree.Program, text: string): FileRole {
  const relative = path.relative(cwd, filename);
  const projectPath = (relative.startsWith('..') || path.isAbsolute(relative) ? filename : relative).split(path.sep).join('/');
  if (TEST_PATH.test(projectPath)) return 'test';
  let cli = false;
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    if (TEST_MODULES.has(statement.source.value)) return 'test';
    if (CLI_MODULES.has(statement.source.value)) cli = true;
  }
  if (cli || SCRIPT_PATH.test(projectPath) || text.startsWith('#!')) return 'script';
  return 'application';
}
