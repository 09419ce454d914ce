// The data a traced process writes and the merged trace file holds (`event-loop-lint trace --json`).

/** How many calls of one call site ran during one route. */
export interface RouteCount {
  /** `GET /users/:id` (the framework's route pattern when known, else the URL path). */
  readonly route: string;
  readonly calls: number;
}

/** One call site and API, as measured: one entry of the trace file. */
export interface TraceSite {
  /** The first frame in the project's own code, relative to the trace root, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The catalog's display name (`fs.readFileSync`), the same the rules use in their messages. */
  readonly api: string;
  readonly family: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly maxMs: number;
  /** Ran while the process served work (during a request, or after the first `listen`). */
  readonly serving: boolean;
  readonly routes: readonly RouteCount[];
  /**
   * The blocking call was made inside a dependency: the package the project frame called into,
   * and that package's frame (the entry call), relative to the trace root.
   */
  readonly package?: string;
  readonly via?: { readonly file: string; readonly line: number };
}

/** What one process writes at exit (one file per process in the records directory). */
export interface ProcessRecord {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly sites: readonly TraceSite[];
}

/** The merged trace file. */
export interface TraceFile {
  readonly version: 1;
  readonly tool: 'event-loop-lint trace';
  /** Absolute directory `file` paths are relative to (the working directory of the trace). */
  readonly root: string;
  readonly command: readonly string[];
  readonly exitCode: number;
  /** How many Node.js processes wrote records. */
  readonly processes: number;
  readonly sites: readonly TraceSite[];
}

/** Environment variables the trace command hands the preloaded tracer. */
export const TRACE_ENV = {
  /** Directory each traced process writes its record into. */
  records: 'EVENT_LOOP_TRACE_DIR',
  /** Project root: frames under it (outside node_modules) are the project's own code. */
  root: 'EVENT_LOOP_TRACE_ROOT',
  /** The wrap plan file (plan.ts): the catalog plus the user's `blockingApis`, serialised. */
  plan: 'EVENT_LOOP_TRACE_PLAN',
  /** How calls find their request: `open` (default) or `async` (serving.ts, RouteTracking). */
  routes: 'EVENT_LOOP_TRACE_ROUTES',
} as const;
