// Counts and times each blocking call by call site, API and serving state, and writes the process's
// record when it exits (normally, through process.exit, or on SIGINT/SIGTERM).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CallSiteLocator, Location } from './call-site.js';
import type { Measurer } from './instrument.js';
import type { PlanEntry } from './plan.js';
import type { ProcessRecord, TraceSite } from './records.js';
import { routeOf, type RequestScope, type ServingState } from './serving.js';

interface SiteStats {
  readonly location: Location;
  readonly entry: PlanEntry;
  readonly serving: boolean;
  readonly dependency: { readonly name: string; readonly entry: Location } | null;
  calls: number;
  totalMs: number;
  maxMs: number;
  readonly routes: Map<string, number>;
}

/** Distinct routes kept per site: URL paths with ids in them would otherwise grow without end. */
const MAX_ROUTES = 50;

export interface Recorder extends Measurer {
  /** The record of everything measured so far. */
  snapshot(): ProcessRecord;
  /** Adds a finished request's calls to the routes of the sites it ran. */
  finishRequest(scope: RequestScope): void;
}

export function createRecorder(root: string, locator: CallSiteLocator, state: () => ServingState): Recorder {
  const sites = new Map<string, SiteStats>();
  // A blocking API calling another (fs-extra over fs) is one blocking call, timed once.
  let depth = 0;

  function statsFor(entry: PlanEntry, caller: Function): SiteStats | null {
    const site = locator.locate(caller);
    if (!site) return null;
    const serving = state().serving();
    const { location, dependency } = site;
    const key = `${location.file}:${location.line}:${location.column}\0${entry.api}\0${serving}\0${dependency ? `${dependency.entry.file}:${dependency.entry.line}` : ''}`;
    let stats = sites.get(key);
    if (!stats) {
      stats = { location, entry, serving, dependency, calls: 0, totalMs: 0, maxMs: 0, routes: new Map() };
      sites.set(key, stats);
    }
    return stats;
  }

  function addRoute(stats: SiteStats, route: string, calls: number): void {
    if (stats.routes.size >= MAX_ROUTES && !stats.routes.has(route)) route = 'other routes';
    stats.routes.set(route, (stats.routes.get(route) ?? 0) + calls);
  }

  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

  return {
    measure(entry, caller, run) {
      if (depth > 0) return run();
      const stats = statsFor(entry, caller);
      if (!stats) return run();
      depth++;
      const start = performance.now();
      try {
        return run();
      } finally {
        const elapsed = performance.now() - start;
        depth--;
        stats.calls++;
        stats.totalMs += elapsed;
        if (elapsed > stats.maxMs) stats.maxMs = elapsed;
        const scope = state().request();
        if (scope) scope.calls.set(stats, (scope.calls.get(stats) ?? 0) + 1);
      }
    },
    finishRequest(scope) {
      const route = routeOf(scope);
      for (const [stats, calls] of scope.calls) addRoute(stats as SiteStats, route, calls);
      scope.calls.clear();
    },
    snapshot() {
      const out: TraceSite[] = [];
      for (const stats of sites.values()) {
        out.push({
          file: relative(stats.location.file),
          line: stats.location.line,
          column: stats.location.column,
          api: stats.entry.api,
          family: stats.entry.family,
          calls: stats.calls,
          totalMs: stats.totalMs,
          maxMs: stats.maxMs,
          serving: stats.serving,
          routes: [...stats.routes].map(([route, calls]) => ({ route, calls })).sort((a, b) => b.calls - a.calls),
          ...(stats.dependency ? { package: stats.dependency.name, via: { file: relative(stats.dependency.entry.file), line: stats.dependency.entry.line } } : {}),
        });
      }
      return { pid: process.pid, argv: process.argv, sites: out };
    },
  };
}
