// Reading a trace file (`event-loop-lint trace --json`) back: for `--compare` and for the rules
// (`settings['event-loop'].trace`), which look measured call sites up by file and line.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TraceFile, TraceSite } from './records.js';

export type TraceReadResult = { readonly ok: true; readonly trace: TraceFile } | { readonly ok: false; readonly problem: string };

const isSite = (value: unknown): value is TraceSite => {
  const site = value as Partial<TraceSite> | null;
  return (
    typeof site === 'object' && site !== null &&
    typeof site.file === 'string' && Number.isInteger(site.line) && typeof site.api === 'string' &&
    typeof site.calls === 'number' && typeof site.totalMs === 'number' && typeof site.maxMs === 'number' &&
    typeof site.serving === 'boolean' && Array.isArray(site.routes)
  );
};

/** The trace at `file`, or why it cannot be used (missing, unreadable, not JSON, not a trace). */
export function readTraceFile(file: string): TraceReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problem: `cannot read the trace file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `the trace file ${file} is not JSON (${(error as Error).message})` };
  }
  const trace = json as Partial<TraceFile> | null;
  if (typeof trace !== 'object' || trace === null || !Array.isArray(trace.sites)) {
    return { ok: false, problem: `the trace file ${file} has no "sites" list: write it with \`event-loop-lint trace --json ${path.basename(file)} -- <command>\`` };
  }
  const bad = trace.sites.findIndex((site) => !isSite(site));
  if (bad !== -1) return { ok: false, problem: `the trace file ${file} has a malformed entry sites[${bad}] (needs file, line, api, calls, totalMs, maxMs, serving, routes)` };
  return { ok: true, trace: { version: 1, tool: 'event-loop-lint trace', root: typeof trace.root === 'string' ? trace.root : path.dirname(file), command: [], exitCode: 0, processes: 0, ...trace } as TraceFile };
}

/** Where a trace's relative `file` paths start: its root when that exists here, else `cwd` (a trace made elsewhere, in CI). */
export function traceRoot(trace: TraceFile, cwd: string): string {
  try {
    if (statSync(trace.root).isDirectory()) return trace.root;
  } catch {
    // Recorded on another machine.
  }
  return cwd;
}

/** Measured sites by absolute file and line. */
export class TraceIndex {
  private readonly byLine = new Map<string, TraceSite[]>();

  constructor(readonly trace: TraceFile, cwd: string) {
    const root = traceRoot(trace, cwd);
    for (const site of trace.sites) {
      const key = `${path.resolve(root, site.file)}:${site.line}`;
      if (!this.byLine.has(key)) this.byLine.set(key, []);
      this.byLine.get(key)!.push(site);
    }
  }

  /** Sites measured at this line of this file (absolute path). */
  at(file: string, line: number): readonly TraceSite[] {
    return this.byLine.get(`${path.resolve(file)}:${line}`) ?? [];
  }
}
