import { createTraceNode, defineEntries, insertAlias, insertGuard, insertPayload, type TraceNode } from './define.js';
import { fsExtra, fsPackages, gracefulFs, nodeFs } from './fs.js';
import { cryptoPackages, nodeCrypto } from './crypto.js';
import { databaseSpecs } from './database.js';
import { nodeZlib } from './zlib.js';
import type { CatalogEntry, ModuleSpec } from './types.js';

import { childProcessSpecs } from './child-process.js';
import { httpSpecs } from './http.js';
import { busyWaitSpecs } from './busy-wait.js';
import { transformSpecs } from './transform.js';
import { archiveSpecs } from './zlib.js';

export type { AsyncTwin, CallCondition, CallPayload, CatalogEntry, Family, ModuleSpec, PathAlias, ResultGuard } from './types.js';
export type { ClockSpec, ResponseRead, Rewrite, RewriteSpec } from './types.js';
export { BUSY_WAIT_LOOPS, type BusyWaitLoopSpec } from './busy-wait.js';
export { FAMILIES } from './types.js';
export { ANY_MEMBER, AWAITED, CALL_RESULT, CONSTRUCT_RESULT, type TraceNode } from './define.js';

/** Every module family file, in the order docs list them. */
export const MODULE_SPECS: readonly ModuleSpec[] = [
  nodeFs,
  fsExtra,
  gracefulFs,
  ...fsPackages,
  nodeCrypto,
  ...cryptoPackages,
  nodeZlib,
  ...archiveSpecs,
  ...databaseSpecs,
  ...childProcessSpecs,
  ...httpSpecs,
  ...busyWaitSpecs,
  ...transformSpecs,
];

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  /** Trace trie per module specifier as written in source (`fs` and `node:fs` share one). */
  readonly modules: ReadonlyMap<string, TraceNode>;
  /** Trace trie per global name (`Atomics`), reached without an import. */
  readonly globals: ReadonlyMap<string, TraceNode>;
}

export function compileCatalog(specs: readonly ModuleSpec[]): Catalog {
  const entries: CatalogEntry[] = [];
  const modules = new Map<string, TraceNode>();
  const globals = new Map<string, TraceNode>();
  for (const spec of specs) {
    const table = spec.global ? globals : modules;
    let root = table.get(spec.module);
    if (!root) {
      root = createTraceNode(true);
      table.set(spec.module, root);
      if (spec.builtin && !spec.global) modules.set(`node:${spec.module}`, root);
    }
    for (const entry of defineEntries(spec)) {
      insertPayload(root, entry.path, entry);
      entries.push(entry);
    }
    for (const alias of spec.aliases ?? []) insertAlias(root, alias);
    for (const guard of spec.guards ?? []) insertGuard(root, guard);
  }
  return { entries: Object.freeze(entries), modules, globals };
}

/** The built-in catalog, compiled once per process (per worker thread under --concurrency). */
export const CATALOG: Catalog = compileCatalog(MODULE_SPECS);
