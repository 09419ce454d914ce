#!/usr/bin/env node
// event-loop-lint: lints paths with the embedded `recommended` config through ESLint's Node API,
// without reading or needing the project's own ESLint config.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import plugin from './index.js';
import { formatWithSuggestions } from './cli-format.js';
import { runTrace, TRACE_HELP, TraceUsageError } from './trace/command.js';

const HELP = `Usage: event-loop-lint [paths...] [options]
       event-loop-lint trace [options] -- <command...>   (measure while serving: see below)

Finds calls that block the Node.js event loop in async functions and route handlers,
using eslint-plugin-event-loop's recommended config (your ESLint config is not read).
JavaScript is parsed with ESLint's own parser; TypeScript with @typescript-eslint/parser
when the project has it (typescript-eslint installs it), and is skipped otherwise.

Options:
  -f, --format <name>       ESLint formatter (stylish, json, … or a package such as
                            @microsoft/eslint-formatter-sarif); default: a listing that
                            shows each suggestion's rewrite
  -o, --output-file <path>  write the report to this file instead of stdout
  --max-warnings <n>        also exit 1 when there are more than n warnings
                            (errors always do, as with ESLint)
  -h, --help                show this help
  -v, --version             show the version

Exit code: 0 when no errors are reported (and warnings are within --max-warnings),
1 when some are, 2 on a usage or runtime error (a path that does not exist,
an unknown formatter, a crash).

${TRACE_HELP}`;

const JS_PATTERN = '**/*.{js,mjs,cjs,jsx}';
const TS_PATTERN = '**/*.{ts,mts,cts,tsx}';
const IGNORED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js', '**/.next/**', '**/*.d.{ts,mts,cts}'];

class UsageError extends Error {}

/** @typescript-eslint/parser as the project resolves it, else as this package does; null when neither has it. */
async function loadTypeScriptParser(cwd: string): Promise<Linter.Parser | null> {
  for (const from of [path.join(cwd, 'package.json'), import.meta.url]) {
    let resolved: string;
    try {
      resolved = createRequire(from).resolve('@typescript-eslint/parser');
    } catch {
      continue;
    }
    try {
      return (await import(pathToFileURL(resolved).href)) as Linter.Parser;
    } catch {
      // Installed but not loadable (its `typescript` peer missing, say): try the next place.
    }
  }
  return null;
}

/**
 * JavaScript through espree, ESLint's default parser (about half the time and memory of
 * @typescript-eslint/parser). TypeScript through @typescript-eslint/parser when it can be loaded;
 * otherwise each TypeScript file gets an empty program and is counted, so the run says how many
 * files it could not read instead of passing them over in silence.
 */
async function languageConfigs(cwd: string): Promise<{ configs: Linter.Config[]; skipped: Set<string> }> {
  const skipped = new Set<string>();
  const js: Linter.Config = { files: [JS_PATTERN], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
  const tsParser = await loadTypeScriptParser(cwd);
  if (tsParser) {
    return { configs: [js, { files: [TS_PATTERN], languageOptions: { parser: tsParser } }], skipped };
  }
  const skipParser: Linter.Parser = {
    meta: { name: 'event-loop-lint/typescript-not-installed' },
    parseForESLint(code: string, options?: { filePath?: string }) {
      if (options?.filePath) skipped.add(options.filePath);
      const lines = code.split(/\r\n|[\r\n\u2028\u2029]/);
      const end = { line: lines.length, column: lines.at(-1)!.length };
      const ast = { type: 'Program', body: [], sourceType: 'module', range: [0, code.length], loc: { start: { line: 1, column: 0 }, end }, tokens: [], comments: [] };
      return { ast };
    },
  } as unknown as Linter.Parser;
  return { configs: [js, { files: [TS_PATTERN], languageOptions: { parser: skipParser } }], skipped };
}

/** A glob character: such a path is a pattern, which ESLint itself reports when it matches nothing. */
const GLOB = /[*?[\]{}!]/;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** ESLint with the embedded recommended config, as the command runs it (also for `trace --compare`). */
async function createLinter(cwd: string, explicitPaths: boolean) {
  const { configs, skipped } = await languageConfigs(cwd);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ ignores: IGNORED }, ...configs, plugin.configs.recommended],
    // Explicit patterns that match nothing are errors (as in ESLint); the implicit `.` is not.
    errorOnUnmatchedPattern: explicitPaths,
  });
  return { eslint, skipped };
}

async function lintPaths(cwd: string, paths: readonly string[]): Promise<ESLint.LintResult[]> {
  for (const target of paths) {
    if (!GLOB.test(target) && !existsSync(path.resolve(cwd, target))) throw new UsageError(`no such file or directory: ${target}`);
  }
  const { eslint } = await createLinter(cwd, paths.length > 0);
  return eslint.lintFiles(paths.length > 0 ? [...paths] : ['.']);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `trace` is a subcommand; a folder of that name is linted as `./trace`.
  if (argv[0] === 'trace') return runTrace(argv.slice(1), io, lintPaths);
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${plugin.meta.version}\n`);
    return 0;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more), got '${values['max-warnings']}'`);
    }
  }
  // A mistyped path must fail the CI step, not pass it with "No blocking calls found."
  for (const target of positionals) {
    if (!GLOB.test(target) && !existsSync(path.resolve(io.cwd, target))) throw new UsageError(`no such file or directory: ${target}`);
  }

  const { eslint, skipped } = await createLinter(io.cwd, positionals.length > 0);
  // The formatter is loaded before linting: a mistyped name is a usage error, not a crash after the whole run.
  let formatter: ESLint.LoadedFormatter | null = null;
  if (values.format) {
    try {
      formatter = await eslint.loadFormatter(values.format);
    } catch (error) {
      throw new UsageError(`cannot load the formatter '${values.format}': ${(error as Error).message.split('\n')[0]}`);
    }
  }
  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles(positionals.length > 0 ? positionals : ['.']);
  } catch (error) {
    if ((error as { messageTemplate?: string }).messageTemplate === 'file-not-found') throw new UsageError((error as Error).message);
    throw error;
  }
  let output: string;
  if (formatter) {
    output = await formatter.format(results);
    if (output && !output.endsWith('\n')) output += '\n';
  } else {
    output = formatWithSuggestions(results, io.cwd, (file) => readFileSync(file, 'utf8'));
  }
  if (values['output-file']) {
    const file = path.resolve(io.cwd, values['output-file']);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output);
  } else {
    io.stdout(output);
  }
  if (skipped.size > 0) {
    io.stderr(
      `event-loop-lint: ${skipped.size} TypeScript file${skipped.size === 1 ? ' was' : 's were'} not linted: @typescript-eslint/parser is not installed (npm install --save-dev typescript-eslint).\n`,
    );
  }
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`event-loop-lint: too many warnings (${warnings}; maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `event-loop-lint | head` closes the pipe early: stop quietly, as a Unix filter does.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof TraceUsageError) process.stderr.write(`event-loop-lint: ${error.message}\n`);
      else process.stderr.write(`event-loop-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
