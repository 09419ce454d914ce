// Module hooks (node:module `register`, run off the main thread) for catalog packages that are ES
// modules (bcryptjs 3's `import`, execa) and for `node:sqlite`: an ES module's namespace cannot be
// patched, so an import of one resolves to a small generated module that re-exports the original
// with the catalog's members replaced by the tracer's wrappers (`globalThis[TRACE_WRAP]`, set by
// install.ts in the main thread).

export interface HooksData {
  /** Per package (or builtin) specifier the tracer wraps: the export names the catalog lists. */
  readonly exportsBySpecifier: Record<string, readonly string[]>;
}

/** The global the generated modules call: `(specifier, namespace) => wrapped exports`. */
export const TRACE_WRAP = 'event-loop-lint.trace.wrap';
const SCHEME = 'event-loop-trace:';

let exportsBySpecifier: Record<string, readonly string[]> = {};

export function initialize(data: HooksData): void {
  exportsBySpecifier = data.exportsBySpecifier;
}

type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<{ url: string; format?: string | null }>;
type NextLoad = (url: string, context: object) => Promise<{ format: string; source?: unknown }>;

export async function resolve(specifier: string, context: { parentURL?: string }, nextResolve: NextResolve) {
  const resolved = await nextResolve(specifier, context);
  const names = Object.hasOwn(exportsBySpecifier, specifier) ? exportsBySpecifier[specifier] : undefined;
  // CommonJS packages are wrapped as they load (install.ts); the generated module itself imports the original.
  const esm = resolved.format === 'module' || (resolved.format === 'builtin' && specifier.startsWith('node:'));
  if (!names || !esm || context.parentURL?.startsWith(SCHEME)) return resolved;
  return { url: `${SCHEME}${encodeURIComponent(specifier)}?${encodeURIComponent(resolved.url)}`, format: 'module', shortCircuit: true };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export async function load(url: string, context: object, nextLoad: NextLoad) {
  if (!url.startsWith(SCHEME)) return nextLoad(url, context);
  const [specifier, original] = url.slice(SCHEME.length).split('?').map(decodeURIComponent) as [string, string];
  const names = (exportsBySpecifier[specifier] ?? []).filter((name) => IDENTIFIER.test(name) && name !== 'default');
  const source = [
    `import * as original from ${JSON.stringify(original)};`,
    `export * from ${JSON.stringify(original)};`,
    `const wrap = globalThis[Symbol.for(${JSON.stringify(TRACE_WRAP)})];`,
    `const wrapped = wrap ? wrap(${JSON.stringify(specifier)}, original) : original;`,
    // Explicit exports take precedence over the star export of the same name.
    ...names.map((name) => `export const ${name} = wrapped[${JSON.stringify(name)}];`),
    `export default wrapped.default;`,
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
