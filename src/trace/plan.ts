// The wrap plan: the part of the compiled catalog the tracer needs (which members to wrap, which
// calls block, under which conditions), serialised by the trace command and read by each traced
// process. The traced processes do not load the catalog itself: its compiled tries would add about
// 2.5 MB to every server's heap, and on routes that allocate large buffers each major GC marks
// that too (measured: twice the GC time on the impact benchmark's readFileSync route).
import type { CallCondition, Catalog, TraceNode } from '../catalog/index.js';

/** What the tracer needs of a blocking payload. */
export interface PlanEntry {
  readonly kind: 'blocking';
  readonly api: string;
  readonly family: string;
  readonly when: CallCondition | undefined;
}

/** The subset of a catalog trie node the instrumenter walks (a `TraceNode` is one). */
export interface PlanNode {
  readonly children: ReadonlyMap<string, PlanNode>;
  readonly calls: readonly unknown[];
  readonly constructs: readonly unknown[];
  readonly callResult: PlanNode | null;
  readonly constructResult: PlanNode | null;
}

interface SerialNode {
  c?: Record<string, number>;
  k?: SerialEntry[];
  n?: SerialEntry[];
  r?: number;
  s?: number;
}
interface SerialEntry {
  api: string;
  family: string;
  when?: Record<string, unknown>;
}
/** One module's trie: nodes by index, the root first (indexes keep the alias cycles). */
type SerialTrie = SerialNode[];

export interface SerialPlan {
  /** Per module specifier as written in code (`fs`, `node:fs`, `better-sqlite3`), a JSON text of its trie. */
  readonly modules: Record<string, string>;
  /** Per module specifier, the export names its trie lists (the ES module hooks re-export these wrapped). */
  readonly exportNames: Record<string, readonly string[]>;
  readonly globals: Record<string, string>;
}

const serialWhen = (when: CallCondition): Record<string, unknown> =>
  JSON.parse(JSON.stringify(when, (_key, value: unknown) => (value instanceof RegExp ? { $regexp: value.source, flags: value.flags } : value))) as Record<string, unknown>;

function serialEntries(payloads: readonly unknown[]): SerialEntry[] | undefined {
  const entries: SerialEntry[] = [];
  for (const payload of payloads as readonly { kind: string; api: string; family: string; when?: CallCondition }[]) {
    if (payload.kind !== 'blocking') continue;
    entries.push({ api: payload.api, family: payload.family, ...(payload.when ? { when: serialWhen(payload.when) } : {}) });
  }
  return entries.length > 0 ? entries : undefined;
}

/** Whether any blocking payload is reachable from `node` (branches without one are left out). */
function reachesBlocking(node: TraceNode, seen = new Set<TraceNode>()): boolean {
  if (seen.has(node)) return false;
  seen.add(node);
  if (serialEntries(node.calls) || serialEntries(node.constructs)) return true;
  for (const child of node.children.values()) if (reachesBlocking(child, seen)) return true;
  return [node.callResult, node.constructResult].some((next) => next !== null && reachesBlocking(next, seen));
}

function serialTrie(root: TraceNode): string {
  const nodes: SerialNode[] = [];
  const index = new Map<TraceNode, number>();
  const visit = (node: TraceNode): number => {
    const known = index.get(node);
    if (known !== undefined) return known;
    const at = nodes.length;
    const serial: SerialNode = {};
    nodes.push(serial);
    index.set(node, at);
    const calls = serialEntries(node.calls);
    const constructs = serialEntries(node.constructs);
    if (calls) serial.k = calls;
    if (constructs) serial.n = constructs;
    for (const [name, child] of node.children) {
      if (!reachesBlocking(child)) continue;
      (serial.c ??= {})[name] = visit(child);
    }
    if (node.callResult && reachesBlocking(node.callResult)) serial.r = visit(node.callResult);
    if (node.constructResult && reachesBlocking(node.constructResult)) serial.s = visit(node.constructResult);
    return at;
  };
  visit(root);
  return JSON.stringify(nodes satisfies SerialTrie);
}

/** The plan for a compiled catalog (the built-in one, or with the user's blockingApis first). */
export function buildPlan(catalog: Catalog): SerialPlan {
  const modules: Record<string, string> = {};
  const exportNames: Record<string, string[]> = {};
  const globals: Record<string, string> = {};
  for (const [specifier, root] of catalog.modules) {
    if (!reachesBlocking(root)) continue;
    modules[specifier] = serialTrie(root);
    exportNames[specifier] = [...root.children.keys()].filter((name) => reachesBlocking(root.children.get(name)!));
  }
  for (const [name, root] of catalog.globals) if (reachesBlocking(root)) globals[name] = serialTrie(root);
  return { modules, exportNames, globals };
}

const reviveWhen = (when: Record<string, unknown>): CallCondition =>
  JSON.parse(JSON.stringify(when), (_key, value: { $regexp?: string; flags?: string }) =>
    value && typeof value === 'object' && typeof value.$regexp === 'string' ? new RegExp(value.$regexp, value.flags) : value,
  ) as CallCondition;

/** The trie of one module, rebuilt from its plan text. */
export function planTrie(text: string): PlanNode {
  const serial = JSON.parse(text) as SerialTrie;
  type Mutable = { children: Map<string, PlanNode>; calls: PlanEntry[]; constructs: PlanEntry[]; callResult: PlanNode | null; constructResult: PlanNode | null };
  const entries = (list: SerialEntry[] | undefined): PlanEntry[] =>
    (list ?? []).map((entry) => ({ kind: 'blocking', api: entry.api, family: entry.family, when: entry.when ? reviveWhen(entry.when) : undefined }));
  const nodes: Mutable[] = serial.map((node) => ({ children: new Map(), calls: entries(node.k), constructs: entries(node.n), callResult: null, constructResult: null }));
  serial.forEach((node, at) => {
    for (const [name, child] of Object.entries(node.c ?? {})) nodes[at]!.children.set(name, nodes[child]!);
    if (node.r !== undefined) nodes[at]!.callResult = nodes[node.r]!;
    if (node.s !== undefined) nodes[at]!.constructResult = nodes[node.s]!;
  });
  return nodes[0]!;
}
