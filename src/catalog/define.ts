import type { AsyncTwin, CallCondition, CallPayload, CatalogEntry, EntrySpec, ModuleSpec, PathAlias, ResultGuard } from './types.js';

/** Path segment for "the value returned by calling the previous segment". */
export const CALL_RESULT = '()';
/** Path segment for "the instance made by `new` on the previous segment". */
export const CONSTRUCT_RESULT = 'new()';
/** Path segment for "any member not named otherwise" (a query builder's `where`, `orderBy`, …). */
export const ANY_MEMBER = '*';
/** Path segment for "the value an `await` of the previous segment yields" (`await MikroORM.init()`). */
export const AWAITED = 'await';

/**
 * A node of the trace trie: the value reached by following a property path from a module's
 * exports. The resolver walks this trie along the program's data flow.
 */
export interface TraceNode {
  readonly children: Map<string, TraceNode>;
  /**
   * What calling this value means (a blocking API, a route registrar…), most specific first: the
   * first payload whose `when` condition the call meets applies.
   */
  readonly calls: CallPayload[];
  /** What `new` on this value means (`new AdmZip(path)` reads the archive), most specific first. */
  readonly constructs: CallPayload[];
  /** The member every name without a child of its own reaches (`*` in catalog paths), if any. */
  anyMember: TraceNode | null;
  /** The value `await` of this value yields (a promise of a catalog object). */
  awaitResult: TraceNode | null;
  /**
   * Only a call of this value that meets this condition makes `callResult` (`knex({ client:
   * 'better-sqlite3' })` is a sync builder, `knex({ client: 'pg' })` not).
   */
  callGuard: CallCondition | undefined;
  /** Likewise for `new` and `constructResult` (`new Kysely({ dialect: new SqliteDialect(…) })`). */
  constructGuard: CallCondition | undefined;
  /** Members of the value a call returns (a statement, a connection…). */
  callResult: TraceNode | null;
  /** Members of the instance `new` makes. */
  constructResult: TraceNode | null;
  /** The module object itself (its `.foo` member calls can be rewritten in place). */
  readonly isModule: boolean;
  /**
   * An ES module's default export, which a default import binds (project files with
   * `export default`); without it a default import is the module object (CommonJS interop).
   */
  esDefault?: TraceNode;
  /** What `new` on this value means (framework tables: `new Worker(name, processor)` registers a processor). */
  constructCalls?: CallPayload[];
  /**
   * `await value` and `value.then(cb)` yield the value described by this node (framework values:
   * `await amqp.connect(url)` is the connection; awaiting a value that is not a promise is the value).
   */
  awaitable?: boolean;
}

export function createTraceNode(isModule = false): TraceNode {
  return { children: new Map(), calls: [], constructs: [], callResult: null, constructResult: null, anyMember: null, awaitResult: null, callGuard: undefined, constructGuard: undefined, isModule };
}

export function displayPath(path: readonly string[]): string {
  return path.filter((segment) => segment !== CALL_RESULT && segment !== CONSTRUCT_RESULT && segment !== AWAITED).join('.');
}

function normaliseTwin(twin: EntrySpec['twin'], module: string): AsyncTwin | null {
  if (!twin) return null;
  const member = twin.member === undefined ? null : twin.member;
  return {
    module: twin.module ?? module,
    name: twin.name,
    member,
    promisify: twin.promisify ?? false,
    template: twin.template ?? 'await $',
    label: twin.label ?? twin.name,
    ...(twin.memberOnly ? { memberOnly: true } : {}),
  };
}

export function defineEntries(spec: ModuleSpec): CatalogEntry[] {
  return spec.entries.map((entry): CatalogEntry => {
    const path = typeof entry.path === 'string' ? entry.path.split('.') : [...entry.path];
    return Object.freeze({
      module: spec.module,
      path: Object.freeze(path),
      family: spec.family,
      kind: 'blocking',
      api: entry.api ?? `${spec.module}.${displayPath(path)}`,
      when: entry.when,
      twin: normaliseTwin(entry.twin, spec.module),
      advice: entry.advice ?? null,
      rewrite: entry.rewrite ?? null,
      ...(entry.message ? { message: entry.message } : {}),
      ...(entry.construct ? { construct: true } : {}),
    });
  });
}

/** The node at `path` in a module's trie, creating the missing nodes. */
function nodeAt(root: TraceNode, path: readonly string[]): TraceNode {
  let node = root;
  for (const segment of path) {
    if (segment === CALL_RESULT) {
      node.callResult ??= createTraceNode();
      node = node.callResult;
    } else if (segment === CONSTRUCT_RESULT) {
      node.constructResult ??= createTraceNode();
      node = node.constructResult;
    } else if (segment === ANY_MEMBER) {
      node.anyMember ??= createTraceNode();
      node = node.anyMember;
    } else if (segment === AWAITED) {
      node.awaitResult ??= createTraceNode();
      node = node.awaitResult;
    } else {
      let child = node.children.get(segment);
      if (!child) {
        child = createTraceNode();
        node.children.set(segment, child);
      }
      node = child;
    }
  }
  return node;
}

/** Adds a payload at its path in a module's trie, creating the intermediate nodes. */
export function insertPayload(root: TraceNode, path: readonly string[], payload: CallPayload): void {
  const node = nodeAt(root, path);
  const list = payload.kind === 'blocking' && payload.construct ? node.constructs : node.calls;
  // Conditioned payloads first, so `execSync('curl …')` is blocking HTTP before it is a child process.
  if (payload.when) list.unshift(payload);
  else list.push(payload);
}

/** Sets the condition under which a call (or `new`) makes the value at `guard.path`. */
export function insertGuard(root: TraceNode, guard: ResultGuard): void {
  const path = segments(guard.path);
  const last = path.at(-1);
  if (last !== CALL_RESULT && last !== CONSTRUCT_RESULT) throw new Error(`Catalog guard ${path.join('.')} must end in () or new()`);
  const maker = nodeAt(root, path.slice(0, -1));
  if (last === CALL_RESULT) maker.callGuard = guard.when;
  else maker.constructGuard = guard.when;
}

const segments = (path: string | readonly string[]): readonly string[] => (typeof path === 'string' ? path.split('.') : path);

/**
 * Makes `path` reach the very node at `target` (the trie may become cyclic: `stmt.pluck()` is
 * `stmt`). The tracer walks the program, not the trie, so cycles cost nothing.
 */
export function insertAlias(root: TraceNode, alias: PathAlias): void {
  const path = segments(alias.path);
  const target = nodeAt(root, segments(alias.target));
  const parent = nodeAt(root, path.slice(0, -1));
  const last = path.at(-1);
  const existing =
    last === CALL_RESULT ? parent.callResult
    : last === CONSTRUCT_RESULT ? parent.constructResult
    : last === ANY_MEMBER ? parent.anyMember
    : last === AWAITED ? parent.awaitResult
    : last === undefined ? root
    : parent.children.get(last);
  if (existing && existing !== target) {
    throw new Error(`Catalog alias ${path.join('.')} would hide entries already under that path`);
  }
  if (last === CALL_RESULT) parent.callResult = target;
  else if (last === CONSTRUCT_RESULT) parent.constructResult = target;
  else if (last === ANY_MEMBER) parent.anyMember = target;
  else if (last === AWAITED) parent.awaitResult = target;
  else if (last !== undefined) parent.children.set(last, target);
}

const unions = new WeakMap<TraceNode, WeakMap<TraceNode, TraceNode>>();

/** A trace of a value that is one or the other: every member, payload and result of both, a few levels deep. */
export function unionOf(first: TraceNode, second: TraceNode, depth = 0): TraceNode {
  if (first === second || depth > 6) return first;
  let bySecond = unions.get(first);
  if (!bySecond) unions.set(first, (bySecond = new WeakMap()));
  const known = bySecond.get(second);
  if (known) return known;
  const union = createTraceNode(first.isModule || second.isModule);
  bySecond.set(second, union);
  union.calls.push(...first.calls, ...second.calls.filter((payload) => !first.calls.includes(payload)));
  union.constructs.push(...first.constructs, ...second.constructs.filter((payload) => !first.constructs.includes(payload)));
  for (const [name, child] of first.children) {
    const other = second.children.get(name);
    union.children.set(name, other ? unionOf(child, other, depth + 1) : child);
  }
  for (const [name, child] of second.children) if (!union.children.has(name)) union.children.set(name, child);
  const both = (a: TraceNode | null, b: TraceNode | null) => (a && b ? unionOf(a, b, depth + 1) : (a ?? b));
  union.callResult = both(first.callResult, second.callResult);
  union.constructResult = both(first.constructResult, second.constructResult);
  union.anyMember = both(first.anyMember, second.anyMember);
  union.awaitResult = both(first.awaitResult, second.awaitResult);
  union.callGuard = first.callGuard ?? second.callGuard;
  union.constructGuard = first.constructGuard ?? second.constructGuard;
  if (first.constructCalls || second.constructCalls) union.constructCalls = [...(first.constructCalls ?? []), ...(second.constructCalls ?? [])];
  if (first.awaitable || second.awaitable) union.awaitable = true;
  const esDefault = both(first.esDefault ?? null, second.esDefault ?? null);
  if (esDefault) union.esDefault = esDefault;
  return union;
}
