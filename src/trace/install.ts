// Installs the tracer in this process: wraps the catalog's blocking APIs in Node's builtin modules,
// in catalog packages as they load (CommonJS, also when imported from ESM), and in globals; writes
// this process's record at exit. Only src/trace/preload.ts calls it (from `--import`).
import { createRequire, isBuiltin, syncBuiltinESMExports } from 'node:module';
import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { CATALOG, compileCatalog, MODULE_SPECS, type Catalog, type TraceNode } from '../catalog/index.js';
import { userModuleSpecs } from '../catalog/user.js';
import type { BlockingApiSetting } from '../settings.js';
import { createCallSiteLocator, packageOf } from './call-site.js';
import { createInstrumenter, type Instrumenter } from './instrument.js';
import { createRecorder, type Recorder } from './recorder.js';
import { TRACE_ENV } from './records.js';
import { watchServing } from './serving.js';

export interface TracerOptions {
  /** Where this process writes its record. */
  readonly recordsDir: string;
  readonly root: string;
  readonly blockingApis: readonly BlockingApiSetting[];
}

export function optionsFromEnvironment(env: NodeJS.ProcessEnv): TracerOptions | null {
  const recordsDir = env[TRACE_ENV.records];
  if (!recordsDir) return null;
  let blockingApis: BlockingApiSetting[] = [];
  try {
    blockingApis = env[TRACE_ENV.apis] ? (JSON.parse(env[TRACE_ENV.apis]!) as BlockingApiSetting[]) : [];
  } catch {
    // The trace command validated them; a hand-set variable that does not parse adds nothing.
  }
  return { recordsDir, root: path.resolve(env[TRACE_ENV.root] ?? process.cwd()), blockingApis };
}

const require = createRequire(import.meta.url);

/** Builtins are instrumented at once; ESM named imports of them see the wrappers through syncBuiltinESMExports. */
function instrumentBuiltins(catalog: Catalog, instrumenter: Instrumenter): void {
  for (const [specifier, node] of catalog.modules) {
    if (specifier.startsWith('node:') || !isBuiltin(specifier)) continue;
    instrumenter.instrument(require(specifier), node);
  }
  for (const [name, node] of catalog.globals) instrumenter.instrument((globalThis as Record<string, unknown>)[name], node);
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
function instrumentPackagesOnLoad(catalog: Catalog, instrumenter: Instrumenter): void {
  const byPackage = new Map<string, [string, TraceNode][]>();
  for (const [specifier, node] of catalog.modules) {
    if (isBuiltin(specifier)) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (!byPackage.has(name)) byPackage.set(name, []);
    byPackage.get(name)!.push([specifier, node]);
  }
  const prototype = Module.prototype as unknown as { load(filename: string): void };
  const load = prototype.load;
  prototype.load = function (this: LoadingModule, filename: string) {
    load.call(this, filename);
    const candidates = byPackage.get(packageOf(filename) ?? '');
    if (!candidates) return;
    for (const [specifier, node] of candidates) {
      let entry: string;
      try {
        entry = createRequire(filename).resolve(specifier);
      } catch {
        continue;
      }
      if (entry === filename) this.exports = instrumenter.instrument(this.exports, node);
    }
  };
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
  const catalog = options.blockingApis.length > 0 ? compileCatalog([...userModuleSpecs(options.blockingApis), ...MODULE_SPECS]) : CATALOG;
  const tracerDir = path.dirname(fileURLToPath(import.meta.url)) + path.sep;
  const locator = createCallSiteLocator(options.root, tracerDir);
  const recorder = createRecorder(options.root, locator, () => state);
  const state = watchServing((scope) => recorder.finishRequest(scope));
  const instrumenter = createInstrumenter(recorder);
  process.on('exit', () => {
    for (const scope of state.open()) recorder.finishRequest(scope);
  });
  writeRecordOnExit(recorder, options);
  instrumentBuiltins(catalog, instrumenter);
  instrumentPackagesOnLoad(catalog, instrumenter);
}
