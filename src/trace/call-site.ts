// Where a blocking call was made: the first stack frame in the project's own code (not node_modules,
// not Node.js internals, not the tracer), mapped to the TypeScript source when source maps are on.
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface CallSite {
  /** The project frame; when no project frame exists, the outermost dependency frame. */
  readonly location: Location;
  /** The dependency the project frame called into, when the blocking call was made inside one. */
  readonly dependency: { readonly name: string; readonly entry: Location } | null;
}

const STACK_DEPTH = 32;
const PACKAGE = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/g;

/** The package a file under node_modules belongs to (the innermost node_modules folder). */
export function packageOf(file: string): string | null {
  let name: string | null = null;
  for (const match of file.matchAll(PACKAGE)) name = match[1]!.replace(/\\/g, '/');
  return name;
}

const toPath = (file: string) => (file.startsWith('file:') ? fileURLToPath(file) : file);
const isInternal = (file: string) => file.startsWith('node:') || file.startsWith('internal/') || !(file.startsWith('file:') || path.isAbsolute(file));

export interface CallSiteLocator {
  /** The call site of the code that called `caller`, or `null` when Node.js itself made the call (the module loader reading a file). */
  locate(caller: Function): CallSite | null;
}

export function createCallSiteLocator(root: string, tracerDir: string): CallSiteLocator {
  const mapped = new Map<string, Location>();
  const rootPrefix = root.endsWith(path.sep) ? root : root + path.sep;

  /** The original position of a generated one, through the file's source map (Node keeps them when source maps are enabled). */
  function originalLocation(file: string, line: number, column: number): Location {
    const key = `${file}:${line}:${column}`;
    let location = mapped.get(key);
    if (location) return location;
    location = { file, line, column };
    if (process.sourceMapsEnabled) {
      const map = findSourceMap(file) ?? findSourceMap(pathToFileURL(file).href);
      const entry = map?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
      if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
        const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
        location = { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
      }
    }
    mapped.set(key, location);
    return location;
  }

  function captureFrames(caller: Function): NodeJS.CallSite[] {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    const { prepareStackTrace, stackTraceLimit } = Error;
    Error.stackTraceLimit = STACK_DEPTH;
    // Structured frames, without formatting (or source-mapping) the whole stack as text.
    Error.prepareStackTrace = (_error, frames) => frames;
    try {
      Error.captureStackTrace(holder, caller);
      return holder.stack ?? [];
    } finally {
      Error.prepareStackTrace = prepareStackTrace;
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  function locate(caller: Function): CallSite | null {
    let dependency: { name: string; entry: Location } | null = null;
    let first = true;
    for (const frame of captureFrames(caller)) {
      const name = frame.getFileName();
      if (!name) continue; // a native frame (`Array.prototype.map`)
      if (isInternal(name)) {
        if (first) return null;
        continue;
      }
      first = false;
      const file = toPath(name);
      if (file.startsWith(tracerDir)) continue;
      const location = originalLocation(file, frame.getLineNumber() ?? 0, frame.getColumnNumber() ?? 0);
      const pkg = packageOf(location.file);
      if (pkg !== null || !location.file.startsWith(rootPrefix)) {
        // Keep the outermost dependency frame: the call the project made into it.
        dependency = { name: pkg ?? path.basename(location.file), entry: location };
        continue;
      }
      return { location, dependency };
    }
    return dependency ? { location: dependency.entry, dependency } : null;
  }

  return { locate };
}
