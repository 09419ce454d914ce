// Installs the tracer in this process: wraps the catalog's blocking APIs in Node's builtin modules,
// in catalog packages as they load (CommonJS, also when imported from ESM), and in globals; writes
// this process's record at exit. Only src/trace/preload.ts calls it (from `--import`).
import { createRequire, isBuiltin, register, syncBuiltinESMExports } from 'node:module';
import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { createCallSiteLocator, packageOf } from './call-site.js';
import { createInstrumenter, type Instrumenter } from './instrument.js';
import { TRACE_WRAP, type HooksData } from './esm-hooks.js';
import { planTrie, type SerialPlan } from './plan.js';
import { createRecorder, type Recorder } from './recorder.js';
import { TRACE_ENV } from './records.js';
import { watchServing, type RouteTracking } from './serving.js';

export interface TracerOptions {
  /** Where this process writes its record. */
  readonly recordsDir: string;
  readonly root: string;
  /** What to wrap: the catalog (and the user's blockingApis) as the trace command serialised it. */
  readonly plan: SerialPlan;
  readonly routes: RouteTracking;
}

/** The options the trace command put in the environment, or `null` outside a trace (then nothing is installed). */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): TracerOptions | null {
  const recordsDir = env[TRACE_ENV.records];
  const planFile = env[TRACE_ENV.plan];
  if (!recordsDir || !planFile) return null;
  let plan: SerialPlan;
  try {
    plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as SerialPlan;
  } catch {
    // The trace command has ended and removed it (a process that outlived it): trace nothing.
    return null;
  }
  return { recordsDir, root: path.resolve(env[TRACE_ENV.root] ?? process.cwd()), plan, routes: env[TRACE_ENV.routes] === 'async' ? 'async' : 'open' };
}

const require = createRequire(import.meta.url);

/** Builtins are instrumented at once; ESM named imports of them see the wrappers through syncBuiltinESMExports. */
function instrumentBuiltins(plan: SerialPlan, instrumenter: Instrumenter): void {
  for (const [specifier, trie] of Object.entries(plan.modules)) {
    if (specifier.startsWith('node:') || !isBuiltin(specifier)) continue;
    instrumenter.instrument(require(specifier), planTrie(trie));
  }
  for (const [name, trie] of Object.entries(plan.globals)) instrumenter.instrument((globalThis as Record<string, unknown>)[name], planTrie(trie));
  syncBuiltinESMExports();
}

interface LoadingModule {
  filename: string;
  exports: unknown;
}

/**
 * Catalog packages are instrumented right after their entry file loads, before any importer reads
 * its exports: `Module.prototype.load` runs for `require()` and for ESM imports of CommonJS alike.
 */
function instrumentPackagesOnLoad(plan: SerialPlan, instrumenter: Instrumenter): void {
  // Tries stay JSON text until their package loads: most of the catalog's packages never do.
  const byPackage = new Map<string, [string, string][]>();
  for (const [specifier, trie] of Object.entries(plan.modules)) {
    if (isBuiltin(specifier)) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (!byPackage.has(name)) byPackage.set(name, []);
    byPackage.get(name)!.push([specifier, trie]);
  }
  const prototype = Module.prototype as unknown as { load(filename: string): void };
  const load = prototype.load;
  prototype.load = function (this: LoadingModule, filename: string) {
    load.call(this, filename);
    const candidates = byPackage.get(packageOf(filename) ?? '');
    if (!candidates) return;
    for (const [specifier, trie] of candidates) {
      let entry: string;
      try {
        entry = createRequire(filename).resolve(specifier);
      } catch {
        continue;
      }
      if (entry === filename) this.exports = instrumenter.instrument(this.exports, planTrie(trie));
    }
  };
}

/**
 * ES modules of the catalog (bcryptjs 3 through `import`, `node:sqlite`): their imports resolve,
 * through module hooks, to generated modules that ask this function for wrapped exports.
 */
function instrumentEsModules(plan: SerialPlan, instrumenter: Instrumenter): void {
  const exportsBySpecifier: Record<string, readonly string[]> = {};
  for (const [specifier, names] of Object.entries(plan.exportNames ?? {})) {
    // Builtins with a CommonJS face are patched in place (instrumentBuiltins).
    if (!isBuiltin(specifier) || !isBuiltin(specifier.replace(/^node:/, ''))) exportsBySpecifier[specifier] = names;
  }
  const wrap = (specifier: string, namespace: Record<string, unknown>) => {
    const trie = plan.modules[specifier];
    const copy: Record<string, unknown> = { ...namespace };
    if (!trie) return copy;
    const node = planTrie(trie);
    instrumenter.instrument(copy, node);
    // A default export holding the same API (`import bcrypt from 'bcryptjs'`).
    if (copy.default !== undefined) copy.default = instrumenter.instrument(copy.default, node);
    return copy;
  };
  Object.defineProperty(globalThis, Symbol.for(TRACE_WRAP), { value: wrap });
  const data: HooksData = { exportsBySpecifier };
  register(new URL('./esm-hooks.js', import.meta.url), { data });
}

/** Writes the record with the fs functions as they were before instrumenting (and unmeasured). */
function writeRecordOnExit(recorder: Recorder, options: TracerOptions): void {
  const { writeFileSync, mkdirSync } = fs;
  const file = path.join(options.recordsDir, `${process.pid}.json`);
  const write = () => {
    try {
      mkdirSync(options.recordsDir, { recursive: true });
      writeFileSync(file, JSON.stringify(recorder.snapshot()));
    } catch {
      // The trace command reports processes without a record; the traced program must not fail.
    }
  };
  process.on('exit', write);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      write();
      // Alone, a listener would keep the process alive: re-raise the signal so it ends as it would have.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

export function installTracer(options: TracerOptions): void {
  // Worker threads do not run on the event loop that serves: their calls block nobody else.
  if (!isMainThread) return;
  const tracerDir = path.dirname(fileURLToPath(import.meta.url)) + path.sep;
  const locator = createCallSiteLocator(options.root, tracerDir);
  const recorder = createRecorder(options.root, locator, () => state);
  const state = watchServing((scope) => recorder.finishRequest(scope), options.routes);
  const instrumenter = createInstrumenter(recorder);
  process.on('exit', () => {
    for (const scope of state.open()) recorder.finishRequest(scope);
  });
  writeRecordOnExit(recorder, options);
  instrumentBuiltins(options.plan, instrumenter);
  instrumentPackagesOnLoad(options.plan, instrumenter);
  instrumentEsModules(options.plan, instrumenter);
}
