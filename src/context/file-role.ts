import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { isWorkerModule } from './workers.js';

/**
 * What a file is for. Test files and scripts (CLIs, build and dev scripts, migrations, seeds) run
 * once or under a test runner, never while a server is serving requests, so nothing in them is
 * reported. Worker files (a worker thread's entry module, a piscina or workerpool task module)
 * run off the main event loop, so blocking there is fine. Everything else is application code.
 */
export type FileRole = 'application' | 'test' | 'script' | 'worker';

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

/** A glob over project paths as a regular expression: `*`, `?`, `**` (any folders), `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slash = glob[index + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        index += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', index);
      if (end < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(index + 1, end).split(',').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:\\./)?${source}$`);
}

const globCache = new Map<string, RegExp>();
const globRegExp = (glob: string) => {
  let compiled = globCache.get(glob);
  if (!compiled) globCache.set(glob, (compiled = globToRegExp(glob.replace(/^\.\//, ''))));
  return compiled;
};

/** The role of a file from its path (relative to the project) and what it imports. */
export function fileRole(
  filename: string,
  cwd: string,
  program: TSESTree.Program,
  text: string,
  /** Globs of worker task modules (`settings['event-loop'].workerFiles`), relative to the project. */
  workerFiles: readonly string[] = [],
): FileRole {
  const relative = path.relative(cwd, filename);
  const projectPath = (relative.startsWith('..') || path.isAbsolute(relative) ? filename : relative).split(path.sep).join('/');
  if (TEST_PATH.test(projectPath)) return 'test';
  let cli = false;
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    if (TEST_MODULES.has(statement.source.value)) return 'test';
    if (CLI_MODULES.has(statement.source.value)) cli = true;
  }
  if (workerFiles.some((glob) => globRegExp(glob).test(projectPath)) || (text.includes('worker') && isWorkerModule(program))) return 'worker';
  if (cli || SCRIPT_PATH.test(projectPath) || text.startsWith('#!')) return 'script';
  return 'application';
}
