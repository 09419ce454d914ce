// What the rules take from a measured trace (`settings['event-loop'].trace`): the figures for a
// finding's message, and "this ran while serving" where static analysis could not tell.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext, ServingContext } from '../context/serving-context.js';
import { warnOnce } from '../warn-once.js';
import { readTraceFile, TraceIndex } from './load.js';
import type { TraceSite } from './records.js';
import { describeMeasured } from './report.js';

export interface MeasuredTrace {
  /** " Measured: ran 1,204 times during GET /users/:id, 3.1 ms each …" for a call at `node`, or ''. */
  note(node: TSESTree.Node, api: string): string;
  /** A serving context for a call static analysis left outside one, when the trace saw its line run while serving. */
  observedServing(node: TSESTree.Node, api: string, fileContext: FileContext): ServingContext | null;
}

interface Loaded {
  readonly stamp: string;
  readonly index: TraceIndex | null;
}

const loaded = new Map<string, Loaded & { checkedAt: number }>();
/** How long a trace file's stamp is trusted before it is stat'ed again (an editor keeps running). */
const RECHECK_MS = 1000;

function indexFor(file: string, cwd: string): TraceIndex | null {
  const now = Date.now();
  const cached = loaded.get(file);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.index;
  let stamp = 'missing';
  try {
    const stats = statSync(file);
    stamp = `${stats.mtimeMs}:${stats.size}`;
  } catch {
    // readTraceFile says why.
  }
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.index;
  }
  const result = readTraceFile(file);
  if (!result.ok) warnOnce(`trace:${file}:${stamp}`, `settings['event-loop'].trace: ${result.problem}; the rules run without it.`);
  const index = result.ok ? new TraceIndex(result.trace, cwd) : null;
  loaded.set(file, { stamp, index, checkedAt: now });
  return index;
}

/** Sites on the lines of the call at `node`, preferring those of the same API. */
function sitesAt(index: TraceIndex, filename: string, node: TSESTree.Node, api: string): readonly TraceSite[] {
  const sites: TraceSite[] = [];
  for (let line = node.loc.start.line; line <= node.loc.end.line; line++) sites.push(...index.at(filename, line));
  const sameApi = sites.filter((site) => site.api === api);
  return sameApi.length > 0 ? sameApi : sites;
}

const servingFirst = (sites: readonly TraceSite[]) => [...sites].sort((a, b) => Number(b.serving) - Number(a.serving) || b.totalMs - a.totalMs);

/** The measured trace for a lint of `filename`, or `null` when the setting is not given or the file cannot be used. */
export function measuredTrace(tracePath: string | null, cwd: string, filename: string): MeasuredTrace | null {
  if (!tracePath) return null;
  const index = indexFor(path.resolve(cwd, tracePath), cwd);
  if (!index) return null;
  return {
    note(node, api) {
      const site = servingFirst(sitesAt(index, filename, node, api))[0];
      return site ? ` Measured: ${describeMeasured(site)}.` : '';
    },
    observedServing(node, api, fileContext) {
      const site = servingFirst(sitesAt(index, filename, node, api))[0];
      const root = fileContext.functionOf(node);
      if (!site?.serving || !root) return null;
      const during = site.routes.length > 0 ? ` (${site.routes.slice(0, 2).map((route) => route.route).join(', ')})` : '';
      return { kind: 'async-function', root, canMakeAsync: false, description: `in code the trace saw running while serving${during}` };
    },
  };
}
