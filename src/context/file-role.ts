import path from 'node:path';
import picomatch from 'picomatch';
import type { TSESTree } from '@typescript-eslint/utils';
import { isWorkerModule } from './workers.js';

/**
 * What a file is for. Test files and scripts (CLIs, build and dev scripts, migrations, seeds) run
 * once or under a test runner, never while a server is serving requests, so nothing in them is
 * reported. Worker files (a worker thread's entry module, a piscina or workerpool task module)
 * run off the main event loop, so blocking there is fine. Everything else is application code.
 */
export type FileRole = 'application' | 'test' | 'script' | 'worker';

const TEST_PATH =
  /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|spec|specs|e2e|cypress|playwright|testing|(?:e2e|integration|unit|api|acceptance|functional|smoke|load|perf|performance|system|component|contract|regression)[-_]?tests?|tests?[-_](?:utils?|helpers?|fixtures?|data|setup|support|e2e|integration|unit|results))\/|\.(?:test|spec|e2e|cy|bench)\.[cm]?[jt]sx?$|(?:^|\/)(?:global[-_]?(?:test[-_]?)?(?:setup|teardown)|setup[-_]?tests?|tests?[-_]?(?:setup|teardown|utils?|helpers?))\.[cm]?[jt]sx?$/i;
/** Folders named for tooling in which applications also keep code they load at run time (a bot's `scripts/cmds/`). */
const TOOLING_NAMED_FOLDER = /^(?:tools|tooling)\/|(?:^|\/)(?:scripts?|bin|cli)\//i;
const SCRIPT_PATH = /(?:^|\/)(?:release|(?:[\w.]+[-_])?migrations?|seeds?|seeders?|benchmarks?|benches|webpack)\/|(?:^|\/)dev-?server\.[cm]?[jt]s$|(?:^|\/)(?:(?:jest|vitest|vite|webpack|rollup|babel|eslint|prettier|playwright|tailwind|postcss|next|nuxt|svelte|astro|tsup|tsdown|esbuild|gulpfile|gruntfile)[.-][^/]*|gulpfile\.[^/]+|gruntfile\.[^/]+)$/i;
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
/** Bundlers and build-time plugin APIs: a file importing one is build tooling (a webpack plugin, an Expo config plugin). */
const BUILD_MODULES = new Set(['webpack', '@rspack/core', 'rollup', 'gulp', '@expo/config-plugins', 'expo/config-plugins']);
const TEST_MODULES = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'ava', 'tap', 'chai', 'supertest', '@playwright/test', 'uvu', 'tape', 'sinon']);

/**
 * A glob over project paths as a regular expression, by picomatch (`*`, `?`, `**`, `{a,b}`,
 * `[jt]`, extglobs; dot files included). A leading `./` is ignored.
 */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob.replace(/^\.\//, ''), { dot: true });
}

const matcherCache = new Map<string, (projectPath: string) => boolean>();

/**
 * Whether a project path is one of `globs`: it matches a pattern, and no `!`-pattern. (The order of
 * the patterns does not matter: a `!` pattern always excludes.)
 */
export function matchesGlobs(globs: readonly string[], projectPath: string): boolean {
  if (globs.length === 0) return false;
  const key = JSON.stringify(globs);
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const include = globs.filter((glob) => !glob.startsWith('!')).map(globToRegExp);
    const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => globToRegExp(glob.slice(1)));
    matcher = (file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file));
    matcherCache.set(key, matcher);
  }
  return matcher(projectPath.replace(/^\.\//, ''));
}

/** The module a top-level statement loads: `import … from 'm'`, `const x = require('m')`, `require('m')`. */
function moduleOf(statement: TSESTree.ProgramStatement): string | null {
  if (statement.type === 'ImportDeclaration') return statement.source.value;
  const call =
    statement.type === 'VariableDeclaration' && statement.declarations.length === 1
      ? statement.declarations[0]!.init
      : statement.type === 'ExpressionStatement'
        ? statement.expression
        : null;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return null;
  const argument = call.arguments[0];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

const ROLE_MODULE_LITERAL = new RegExp(
  `['"](?:${[...TEST_MODULES, ...CLI_MODULES, ...BUILD_MODULES].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})['"]`,
);

/**
 * Whether `fileRole` needs the file's AST: its text names one of the modules it looks for in
 * quotes, or says `worker`. Otherwise the path and the text decide, and `fileRole` may be given
 * `NO_STATEMENTS` (the project model then reads an importer's role without parsing it).
 */
export function roleNeedsSyntax(text: string): boolean {
  return text.includes('worker') || ROLE_MODULE_LITERAL.test(text);
}

export const NO_STATEMENTS = { type: 'Program', body: [] } as unknown as TSESTree.Program;

function projectPathOf(filename: string, cwd: string): string {
  const relative = path.relative(cwd, filename);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? filename : relative).split(path.sep).join('/');
}

/** Whether `fileRole` says `test` by the path alone, whatever the file holds (the project model then need not parse it). */
export function isTestPath(filename: string, cwd: string): boolean {
  return TEST_PATH.test(projectPathOf(filename, cwd));
}

/** The role of a file from its path (relative to the project) and what it imports. */
export function fileRole(
  filename: string,
  cwd: string,
  program: TSESTree.Program,
  text: string,
  /** Globs of worker task modules (`settings['event-loop'].workerFiles`), relative to the project. */
  workerFiles: readonly string[] = [],
): FileRole {
  return fileRoleWithReason(filename, cwd, program, text, workerFiles).role;
}

/** Why a file is a script that the project model may show to be application code (`entry`: a shebang). */
export type ProvisionalScript = 'folder' | 'parser' | 'entry';

/**
 * `fileRole`, and whether a `script` is one only by the folder it is in (`scripts/`, `bin/`, `cli/`,
 * `tools/`: application code may load it), by importing an argument parser (the package's supervisor
 * may run it as the service), with no shebang, or by its shebang (the package may run it as its service).
 */
export function fileRoleWithReason(
  filename: string,
  cwd: string,
  program: TSESTree.Program,
  text: string,
  workerFiles: readonly string[] = [],
): { readonly role: FileRole; readonly provisional: ProvisionalScript | null } {
  const projectPath = projectPathOf(filename, cwd);
  if (TEST_PATH.test(projectPath)) return { role: 'test', provisional: null };
  let cli = false;
  for (const statement of program.body) {
    const module = moduleOf(statement);
    if (module === null) continue;
    if (TEST_MODULES.has(module)) return { role: 'test', provisional: null };
    if (CLI_MODULES.has(module) || BUILD_MODULES.has(module)) cli = true;
  }
  if (matchesGlobs(workerFiles, projectPath) || (text.includes('worker') && isWorkerModule(program))) return { role: 'worker', provisional: null };
  if (SCRIPT_PATH.test(projectPath)) return { role: 'script', provisional: null };
  // `#!/usr/bin/env node`: a command-line program, unless the package runs it as its service (`"start": "node webui.js"`).
  if (text.startsWith('#!')) return { role: 'script', provisional: 'entry' };
  // A folder named for tooling (a bot's `scripts/cmds/`), or an argument parser (a service reading its flags with yargs).
  if (TOOLING_NAMED_FOLDER.test(projectPath) && !cli) return { role: 'script', provisional: 'folder' };
  if (cli) return { role: 'script', provisional: 'parser' };
  return { role: 'application', provisional: null };
}
