// `event-loop-lint trace [options] -- <command…>`: runs the command with the tracer preloaded in
// every Node.js process it starts, merges their records and reports what blocked while serving.
// `event-loop-lint trace --compare trace.json [paths…]`: lines a trace up with the linter's findings.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ESLint } from 'eslint';
import { CATALOG, compileCatalog, MODULE_SPECS } from '../catalog/index.js';
import { userModuleSpecs } from '../catalog/user.js';
import { extensionSettings, type BlockingApiSetting } from '../settings.js';
import { NAMESPACE_SETTINGS } from '../settings-key.js';
import { compareTrace, formatComparison } from './compare.js';
import { readTraceFile } from './load.js';
import { buildPlan } from './plan.js';
import type { ProcessRecord, TraceFile } from './records.js';
import { TRACE_ENV } from './records.js';
import { formatTable, mergeRecords, toSarif } from './report.js';

export const TRACE_HELP = `Usage: event-loop-lint trace [options] -- <command...>
       event-loop-lint trace --compare <trace.json> [paths...]

Runs the command (a server, a test suite, a load script) with a tracer preloaded in every
Node.js process it starts (NODE_OPTIONS=--import; child processes and test workers too).
The tracer times each call of a blocking API the rules know (the plugin's catalog, plus
your blockingApis) and records its call site, whether it ran while serving (during an HTTP
request, or after the first listen) and during which routes. The command's exit code is
passed on. See docs/trace.md.

Options:
  --json <file>        write the trace: one entry per call site and API (file, line, api,
                       calls, totalMs, maxMs, serving, routes)
  --sarif <file>       write the calls that blocked while serving as SARIF 2.1.0
  --settings <file>    a JSON file with your settings['event-loop'] (its blockingApis are
                       traced too); either that object or { "event-loop": { ... } }
  --routes <how>       how a call finds its request: 'open' (default: the only open
                       request; exact when requests come one at a time, as from a test
                       suite) or 'async' (AsyncLocalStorage: exact under concurrent load,
                       about 15% more CPU per request on Node.js 20)
  --top <n>            rows of the terminal table (default 20)
  --no-source-maps     do not turn on --enable-source-maps (call sites in compiled files
                       are then not mapped to their TypeScript lines)
  --compare <file>     lint the paths (default .) and list the findings the trace confirmed,
                       those it never saw run, and the blocking calls the linter missed
  -h, --help           show this help

The table goes to stderr, so the command's own stdout stays its own.`;

class TraceUsageError extends Error {}

export interface TraceIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Lints paths the way `event-loop-lint` does (handed in by the CLI, which owns the ESLint set-up). */
export type LintPaths = (cwd: string, paths: readonly string[]) => Promise<ESLint.LintResult[]>;

function parseTraceArguments(argv: readonly string[]) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...own],
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        sarif: { type: 'string' },
        settings: { type: 'string' },
        top: { type: 'string' },
        routes: { type: 'string' },
        'no-source-maps': { type: 'boolean' },
        compare: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new TraceUsageError(`${(error as Error).message}\n\n${TRACE_HELP}`);
  }
  const command = separator === -1 ? (parsed.values.compare ? [] : parsed.positionals) : argv.slice(separator + 1);
  const paths = parsed.values.compare ? parsed.positionals : [];
  return { values: parsed.values, command, paths };
}

/** The user's blockingApis from a JSON settings file, validated as the rules validate them. */
function blockingApisFrom(file: string | undefined, cwd: string): readonly BlockingApiSetting[] {
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new TraceUsageError(`cannot read the settings file ${file}: ${(error as Error).message}`);
  }
  const ours = typeof json === 'object' && json !== null && NAMESPACE_SETTINGS in json ? json : { [NAMESPACE_SETTINGS]: json };
  try {
    return extensionSettings(ours as Record<string, unknown>).blockingApis;
  } catch (error) {
    throw new TraceUsageError((error as Error).message);
  }
}

const PRELOAD = new URL('./preload.js', import.meta.url);

/** NODE_OPTIONS with the preload (quoted: the path may hold spaces) in front of the user's own. */
function nodeOptions(existing: string | undefined, sourceMaps: boolean): string {
  const preload = `--import=${JSON.stringify(PRELOAD.href)}`;
  return [preload, sourceMaps ? '--enable-source-maps' : '', existing ?? ''].filter(Boolean).join(' ');
}

/** Runs the command; resolves with its exit code (128 + the signal number when a signal ended it). */
function runCommand(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code: number) => {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
      resolve(code);
    };
    child.on('error', (error) => {
      process.stderr.write(`event-loop-lint trace: cannot run ${command[0]}: ${error.message}\n`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
  });
}

function readRecords(dir: string): ProcessRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const records: ProcessRecord[] = [];
  for (const name of names) {
    try {
      records.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as ProcessRecord);
    } catch {
      // A process killed while writing leaves a partial file: its calls are lost, the others count.
    }
  }
  return records;
}

function writeOutput(cwd: string, file: string, text: string): void {
  const target = path.resolve(cwd, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

async function traceCommand(values: ReturnType<typeof parseTraceArguments>['values'], command: readonly string[], io: TraceIo): Promise<number> {
  if (command.length === 0) throw new TraceUsageError(`no command to trace: event-loop-lint trace [options] -- <command...>\n\n${TRACE_HELP}`);
  const top = values.top === undefined ? 20 : Number(values.top);
  if (!Number.isSafeInteger(top) || top < 1) throw new TraceUsageError(`--top needs a whole number of rows (1 or more), got '${values.top}'`);
  const routes = values.routes ?? 'open';
  if (routes !== 'open' && routes !== 'async') throw new TraceUsageError(`--routes is 'open' or 'async', got '${routes}'`);
  const apis = blockingApisFrom(values.settings, io.cwd);
  const catalog = apis.length > 0 ? compileCatalog([...userModuleSpecs(apis), ...MODULE_SPECS]) : CATALOG;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'event-loop-trace-'));
  const recordsDir = path.join(workDir, 'records');
  const planFile = path.join(workDir, 'plan.json');
  try {
    writeFileSync(planFile, JSON.stringify(buildPlan(catalog)));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: nodeOptions(process.env.NODE_OPTIONS, !values['no-source-maps']),
      [TRACE_ENV.records]: recordsDir,
      [TRACE_ENV.root]: io.cwd,
      [TRACE_ENV.plan]: planFile,
      [TRACE_ENV.routes]: routes,
    };
    const exitCode = await runCommand(command, io.cwd, env);
    const records = readRecords(recordsDir);
    const trace: TraceFile = {
      version: 1,
      tool: 'event-loop-lint trace',
      root: io.cwd,
      command,
      exitCode,
      processes: records.length,
      sites: mergeRecords(records),
    };
    io.stderr(formatTable(trace, top));
    if (values.json) writeOutput(io.cwd, values.json, `${JSON.stringify(trace, null, 2)}\n`);
    if (values.sarif) writeOutput(io.cwd, values.sarif, `${JSON.stringify(toSarif(trace), null, 2)}\n`);
    return exitCode;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export async function runTrace(argv: readonly string[], io: TraceIo, lint: LintPaths): Promise<number> {
  const { values, command, paths } = parseTraceArguments(argv);
  if (values.help) {
    io.stdout(`${TRACE_HELP}\n`);
    return 0;
  }
  if (values.compare) {
    const trace = readTraceFile(path.resolve(io.cwd, values.compare));
    if (!trace.ok) throw new TraceUsageError(trace.problem);
    const results = await lint(io.cwd, paths);
    io.stdout(formatComparison(compareTrace(trace.trace, results, io.cwd)));
    return 0;
  }
  return traceCommand(values, command, io);
}

export { TraceUsageError };
