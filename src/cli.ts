#!/usr/bin/env node
// event-loop-lint: lints paths with the embedded `recommended` config through ESLint's Node API,
// without reading or needing the project's own ESLint config.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import plugin from './index.js';
import { formatWithSuggestions } from './cli-format.js';

const HELP = `Usage: event-loop-lint [paths...] [options]

Finds calls that block the Node.js event loop in async functions and route handlers,
using eslint-plugin-event-loop's recommended config (your ESLint config is not read).

Options:
  -f, --format <name>   ESLint formatter (stylish, json, … or a package such as
                        @microsoft/eslint-formatter-sarif); default: a listing that
                        shows each suggestion's rewrite
  --max-warnings <n>    exit 1 only when there are more than n problems
  -h, --help            show this help
  -v, --version         show the version

Exit code: 0 when nothing is reported, 1 when something is, 2 on a usage or runtime error.`;

/**
 * The parser for every file: @typescript-eslint/parser reads JS, JSX and TS alike. It needs the
 * `typescript` package; without it, JavaScript is linted with ESLint's own parser and TS is skipped.
 */
async function languageConfigs(): Promise<Linter.Config[]> {
  let parser: Linter.Parser;
  try {
    parser = (await import('@typescript-eslint/parser')) as unknown as Linter.Parser;
  } catch {
    process.stderr.write('event-loop-lint: TypeScript is not installed, so only JavaScript files are linted.\n');
    return [{ files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }, { ignores: ['**/*.{ts,mts,cts,tsx}'] }];
  }
  return [
    { files: ['**/*.{js,mjs,cjs,jsx,tsx}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser } },
  ];
}

export async function main(argv: readonly string[]): Promise<number> {
  let values: { format?: string; 'max-warnings'?: string; help?: boolean; version?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    process.stderr.write(`event-loop-lint: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${plugin.meta.version}\n`);
    return 0;
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings)) {
    process.stderr.write(`event-loop-lint: --max-warnings needs an integer, got '${values['max-warnings']}'\n`);
    return 2;
  }

  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js', '**/.next/**'] },
      ...(await languageConfigs()),
      plugin.configs.recommended,
    ],
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(positionals.length > 0 ? positionals : ['.']);
  if (values.format) {
    const formatter = await eslint.loadFormatter(values.format);
    const output = await formatter.format(results);
    if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  } else {
    process.stdout.write(formatWithSuggestions(results, process.cwd(), (path) => readFileSync(path, 'utf8')));
  }
  const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  return problems > Math.max(maxWarnings, 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`event-loop-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
