import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CatalogEntry } from '../catalog/types.js';
import type { CallerSite, FileContext } from '../context/serving-context.js';
import { functionName } from '../context/serving-context.js';
import { instanceConstructor, isFunction, prototypeMethods, returnedExpressionsOf, staticPropertyName, undeclaredReferences, unwrapExpression, type FunctionNode, forEachChild } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { findHelperTwin, type HelperTwin } from './async-twins.js';
import { exportedValues, isModuleExports } from '../context/exports.js';
import { runsOnce } from '../context/once-guard.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** One call in a chain: what is called, and where. */
export interface PathStep {
  /** `b()`, `this.load()`, `new Repo()`, `fs.readFileSync`. */
  readonly label: string;
  readonly line: number;
  /** The file the call is in, relative to the linted file's project; `null` for the linted file itself. */
  readonly file: string | null;
}

/** Why a function blocks: the calls from its body down to a blocking API. */
export interface BlockingPath {
  /** From the first call inside the function down to the blocking API (the last step). */
  readonly steps: readonly PathStep[];
  /** The blocking API at the end of the chain. */
  readonly entry: CatalogEntry;
  /** The function that makes the blocking call (where the fix goes), if it has a name. */
  readonly owner: string | null;
  /** Functions in the chain, the summarised one included. */
  readonly depth: number;
}

/** What a blocking-use filter is (the `allow` option): a key for memoising and a test. */
export interface UseFilter {
  readonly key: string;
  /** True for entries that count. */
  test(entry: CatalogEntry): boolean;
}

export const ALL_USES: UseFilter = { key: '', test: () => true };

/**
 * How many functions a chain may pass through (the helper called from the serving code counts as
 * one). Deeper chains exist but are rare, and their messages stop helping.
 */
export const MAX_DEPTH = 5;

/** The syntactic ways code runs a function of the same file. */
export type CallKind = 'call' | 'new' | 'getter' | 'callback';

/** A place where code runs a function (of this file, or, typed, of another file). */
export interface HelperCall {
  readonly kind: CallKind;
  /** The call, `new`, getter read or callback argument. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression | TSESTree.Identifier;
  /** The range reports go on: the callee. */
  readonly reference: TSESTree.Node;
  readonly label: string;
  /** The function run, when it is in this file. */
  readonly callee: FunctionNode | null;
  /** The innermost function around the call; `null` at module level. */
  readonly caller: FunctionNode | null;
}

/**
 * Resolves calls the same-file analysis cannot see into (imports, typed receivers) to the path
 * by which they block, or `null`. Supplied by the type-aware analysis.
 */
export type ExternalResolver = (call: HelperCall & { readonly callee: null }, filter: UseFilter) => BlockingPath | null;

/**
 * Extension point for work handed to a worker pool: a callback passed to such a call runs on
 * another thread, so its calls are not edges. Filled from `settings['event-loop'].workerPool` by
 * the worker-pool support; by default no call offloads.
 */
export type OffloadDetector = (call: TSESTree.CallExpression) => boolean;

export interface FunctionSummaries {
  /** Every call of a function the analysis knows (same file, or external when typed), in source order. */
  readonly calls: readonly HelperCall[];
  /** Why a call blocks: the callee's path (`null` when it does not block, or is async). Calls into other files are resolved on first request. */
  pathOf(call: HelperCall): BlockingPath | null;
  /** Why a same-file function blocks when called synchronously, or `null`. */
  blockingPath(fn: FunctionNode): BlockingPath | null;
  /**
   * Why running a same-file function blocks the event loop, `async` functions included (their
   * blocking calls run on the event loop too, after the caller has its promise), or `null`.
   */
  runningPath(fn: FunctionNode): BlockingPath | null;
  /** `runningPath` of a call's callee, in this file or another one. */
  runningPathOf(call: HelperCall): BlockingPath | null;
  /** The helper's promise-returning twin next to it (`loadConfig` for `loadConfigSync`), if certain. */
  twinOf(call: HelperCall): HelperTwin | null;
}

/** Array methods and constructors that call their callback before they return. */
const SYNC_CALLBACK_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex',
  'flatMap', 'sort', 'toSorted',
]);

interface Edge {
  readonly caller: FunctionNode;
  /** `null`: a callback the caller runs synchronously (transparent in messages). */
  readonly site: HelperCall | null;
}

interface CallGraph {
  readonly calls: readonly HelperCall[];
  /** Per callee, who runs it synchronously. */
  readonly callers: ReadonlyMap<FunctionNode, readonly Edge[]>;
  /** Calls whose callee is not in this file (candidates for the external resolver). */
  readonly unresolved: readonly (HelperCall & { readonly callee: null })[];
}

export interface SummaryInputs {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly uses: readonly BlockingUse[];
  readonly context: FileContext;
  readonly external: ExternalResolver | null;
  readonly offloaded: readonly OffloadDetector[];
  /**
   * Resolve every call into other files, not only those of functions this file calls: other
   * files' calls of this file's exports need them (the project model's files; the resolver is a
   * look-up, not a type query).
   */
  readonly resolveAllExternal?: boolean;
  /** The async twin of a call into another file, when that file exports one (the project model). */
  readonly externalTwin?: (call: HelperCall, resolver: ValueResolver) => HelperTwin | null;
  /** Why running another file's function blocks, async functions included (the project model). */
  readonly externalRunning?: ExternalResolver;
}

/**
 * Function summaries for one file: the call graph is built once; summaries are computed once per
 * filter (rule option `allow`). Without blocking uses and without an external resolver nothing
 * can block, so nothing is walked.
 */
export interface SummaryFactory {
  summaries(filter: UseFilter): FunctionSummaries;
  /** Who runs `fn` synchronously within the file (built with the call graph, on first request). */
  callersOf(fn: FunctionNode): readonly CallerSite[];
}

export function createSummaryFactory(inputs: SummaryInputs): SummaryFactory {
  let graph: CallGraph | undefined;
  let resolver: ValueResolver | undefined;
  const byFilter = new Map<string, FunctionSummaries>();
  const getGraph = () => {
    resolver ??= createValueResolver(inputs.sourceCode);
    graph ??= buildCallGraph(inputs.sourceCode, resolver, inputs.offloaded, inputs.external !== null);
    return graph;
  };
  const callerSites = new Map<FunctionNode, readonly CallerSite[]>();
  const callersOf = (fn: FunctionNode): readonly CallerSite[] => {
    let sites = callerSites.get(fn);
    if (!sites) {
      sites = (getGraph().callers.get(fn) ?? []).map((edge) => ({ caller: edge.caller, line: edge.site ? edge.site.node.loc.start.line : null }));
      callerSites.set(fn, sites);
    }
    return sites;
  };
  const summaries = (filter: UseFilter): FunctionSummaries => {
    let result = byFilter.get(filter.key);
    if (!result) {
      if (inputs.uses.length === 0 && !inputs.external && !inputs.externalRunning) {
        result = { calls: [], pathOf: () => null, blockingPath: () => null, runningPath: () => null, runningPathOf: () => null, twinOf: () => null };
      } else {
        result = summarise(inputs, getGraph(), filter, resolver!);
      }
      byFilter.set(filter.key, result);
    }
    return result;
  };
  return { summaries, callersOf };
}

function summarise(inputs: SummaryInputs, graph: CallGraph, filter: UseFilter, resolver: ValueResolver): FunctionSummaries {
  const paths = new Map<FunctionNode, BlockingPath>();
  const external = new Map<HelperCall, BlockingPath | null>();
  // Bucket queue by depth: functions are settled shallowest first, so each gets its shortest chain
  // and cycles end (a function is settled once).
  const buckets: FunctionNode[][] = Array.from({ length: MAX_DEPTH + 1 }, () => []);
  const settle = (fn: FunctionNode, path: BlockingPath) => {
    // Sync generators count: their body runs while the caller drains them (`Array.from(gen())`).
    if (paths.has(fn) || fn.async || path.depth > MAX_DEPTH) return;
    paths.set(fn, path);
    buckets[path.depth]!.push(fn);
  };

  const uses = [...inputs.uses].sort((a, b) => a.reference.range[0] - b.reference.range[0]);
  for (const use of uses) {
    if (!filter.test(use.payload)) continue;
    // Reported where it is by the direct rules (it already runs while serving): not a helper's cost.
    if (inputs.context.contextOf(use.reference)) continue;
    const fn = inputs.context.functionOf(use.reference);
    if (!fn) continue;
    settle(fn, {
      steps: [{ label: use.payload.api, line: use.reference.loc.start.line, file: null }],
      entry: use.payload,
      owner: ownerName(fn),
      depth: 1,
    });
  }
  const externalPath = (call: HelperCall & { readonly callee: null }): BlockingPath | null => {
    if (!inputs.external) return null;
    let path = external.get(call);
    if (path === undefined) {
      path = inputs.external(call, filter);
      external.set(call, path);
    }
    return path;
  };
  // Calls into other files matter for a function of this file only when this file calls that
  // function; other calls are resolved on demand, when a serving context makes them (type
  // queries are the expensive part of typed mode).
  for (const call of graph.unresolved) {
    if (!call.caller || (!inputs.resolveAllExternal && !graph.callers.has(call.caller))) continue;
    const path = externalPath(call);
    if (path) settle(call.caller, prepend(call, path));
  }

  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const bucket = buckets[depth]!;
    // The bucket grows while it is read: transparent callback edges stay at the same depth.
    for (let index = 0; index < bucket.length; index++) {
      const fn = bucket[index]!;
      const path = paths.get(fn)!;
      for (const edge of graph.callers.get(fn) ?? []) {
        settle(edge.caller, edge.site ? prepend(edge.site, path) : { ...path, owner: path.owner ?? ownerName(edge.caller) });
      }
    }
  }

  const pathOfFunction = (fn: FunctionNode) => paths.get(fn) ?? null;
  const runningPath = asyncRunningPaths(inputs, graph, filter, uses, paths, externalPath);
  return {
    calls: graph.calls,
    blockingPath: pathOfFunction,
    runningPath,
    runningPathOf: (call) =>
      call.callee
        ? runningPath(call.callee)
        : (externalPath(call as HelperCall & { readonly callee: null }) ?? inputs.externalRunning?.(call as HelperCall & { readonly callee: null }, filter) ?? null),
    pathOf: (call) => (call.callee ? pathOfFunction(call.callee) : externalPath(call as HelperCall & { readonly callee: null })),
    twinOf: (call) => findHelperTwin(resolver, call) ?? (call.callee ? null : (inputs.externalTwin?.(call, resolver) ?? null)),
  };
}

/** How many async functions deep a running path is followed (`await a()` → `await b()` → the blocking call). */
const MAX_ASYNC_DEPTH = 3;

/**
 * Running paths: a sync function's blocking path, or for an async function its first blocking
 * call, in its own body (or a callback it runs synchronously), through a sync helper, or through
 * another async function it calls. Worked out on request, per function.
 */
function asyncRunningPaths(
  inputs: SummaryInputs,
  graph: CallGraph,
  filter: UseFilter,
  uses: readonly BlockingUse[],
  paths: ReadonlyMap<FunctionNode, BlockingPath>,
  externalPath: (call: HelperCall & { readonly callee: null }) => BlockingPath | null,
): (fn: FunctionNode) => BlockingPath | null {
  const running = new Map<FunctionNode, BlockingPath | null>();
  // Indexed on first request: the file's uses and calls by the function they are written in.
  let usesIn: Map<FunctionNode | null, BlockingUse> | undefined;
  let callsIn: Map<FunctionNode | null, HelperCall[]> | undefined;
  const index = () => {
    usesIn = new Map();
    for (const use of uses) {
      const fn = inputs.context.functionOf(use.reference);
      if (filter.test(use.payload) && !usesIn.has(fn)) usesIn.set(fn, use);
    }
    callsIn = new Map();
    for (const call of graph.calls) {
      const list = callsIn.get(call.caller);
      if (list) list.push(call);
      else callsIn.set(call.caller, [call]);
    }
  };
  const find = (fn: FunctionNode, depth: number): BlockingPath | null => {
    const own = paths.get(fn);
    if (own) return own;
    if (fn.generator || depth > MAX_ASYNC_DEPTH) return null;
    if (running.has(fn)) return running.get(fn)!;
    running.set(fn, null);
    if (!usesIn) index();
    // A sync function that starts an async one (`upsert(rows) { return this.upsertMany(rows); }`) runs what
    // that one runs; its own blocking calls are in `paths` (or are the direct rules' to report).
    if (!fn.async) {
      let started: BlockingPath | null = null;
      for (const call of callsIn!.get(fn) ?? []) {
        const path = call.callee ? (call.callee.async ? find(call.callee, depth + 1) : null) : (inputs.externalRunning?.(call as HelperCall & { readonly callee: null }, filter) ?? null);
        if (path) {
          started = prepend(call, path);
          break;
        }
      }
      running.set(fn, started);
      return started;
    }
    let found: BlockingPath | null = null;
    const use = usesIn!.get(fn);
    if (use) found = { steps: [{ label: use.payload.api, line: use.reference.loc.start.line, file: null }], entry: use.payload, owner: ownerName(fn), depth: 1 };
    for (const [helper, path] of paths) {
      if (found) break;
      const edge = graph.callers.get(helper)?.find((each) => each.caller === fn);
      if (edge) found = edge.site ? prepend(edge.site, path) : { ...path, owner: path.owner ?? ownerName(fn) };
    }
    for (const call of callsIn!.get(fn) ?? []) {
      if (found) break;
      const external = call as HelperCall & { readonly callee: null };
      const path = call.callee ? find(call.callee, depth + 1) : (externalPath(external) ?? inputs.externalRunning?.(external, filter) ?? null);
      if (path) found = prepend(call, path);
    }
    running.set(fn, found);
    return found;
  };
  return (fn) => find(fn, 0);
}

/** The name a function is known by, `#name` for private methods. */
function ownerName(fn: FunctionNode): string | null {
  const parent = fn.parent;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.key.type === 'PrivateIdentifier') return `#${parent.key.name}`;
  // A constructor goes by what runs it: `new Store()`.
  if (parent?.type === 'MethodDefinition' && parent.kind === 'constructor') {
    const cls = parent.parent.parent;
    return cls.id ? `new ${cls.id.name}()` : 'constructor';
  }
  return functionName(fn);
}

function prepend(site: HelperCall, path: BlockingPath): BlockingPath {
  return {
    steps: [{ label: site.label, line: site.node.loc.start.line, file: null }, ...path.steps],
    entry: path.entry,
    owner: path.owner,
    depth: path.depth + 1,
  };
}

// ---------------------------------------------------------------------------------------------
// The call graph: which function runs which, resolved by scope analysis within the file.

/** What an expression evaluates to, as far as calls into this file are concerned. */
export type Value =
  | { readonly kind: 'function'; readonly fn: FunctionNode }
  | { readonly kind: 'class'; readonly body: TSESTree.ClassBody }
  | { readonly kind: 'instance'; readonly body: TSESTree.ClassBody }
  | { readonly kind: 'object'; readonly object: TSESTree.ObjectExpression }
  /** The file's CommonJS exports object (`exports`, `module.exports`): its members are what it exports. */
  | { readonly kind: 'exports' }
  /**
   * A variable whose members are assigned in the file (`db.set = function …`, `s.camera = function …`):
   * a namespace object, with the object literal it starts as (if one) and the assigned values by name.
   */
  | { readonly kind: 'namespace'; readonly object: TSESTree.ObjectExpression | null; readonly members: ReadonlyMap<string, Node> };

const COMMONJS_EXPORTS: Value = { kind: 'exports' };

type Member = { readonly fn: FunctionNode; readonly getter: boolean };

const MAX_ALIAS_DEPTH = 4;

/** Assignments a lazily made value is given by: `x = …`, `x ??= …`, `x ||= …`. */
const LAZY_ASSIGNMENTS = new Set(['=', '??=', '||=']);

/** A value that has no members to call: a literal, `undefined`, `void 0`. */
function isNothing(node: Node): boolean {
  return node.type === 'Literal' || (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}

function isNewMap(init: Node | null | undefined): boolean {
  if (!init) return false;
  const node = unwrapExpression(init as TSESTree.Expression);
  return node.type === 'NewExpression' && node.callee.type === 'Identifier' && (node.callee.name === 'Map' || node.callee.name === 'WeakMap');
}

/** Whether two resolved values are the same function, class, instance, object or namespace. */
function sameValue(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'function':
      return a.fn === (b as typeof a).fn;
    case 'class':
    case 'instance':
      return a.body === (b as typeof a).body;
    case 'object':
      return a.object === (b as typeof a).object;
    case 'exports':
      return true;
    default:
      return a === b;
  }
}

export interface ValueResolver {
  /** The same-file value an expression evaluates to, if known. */
  valueOf(expression: Node, depth?: number): Value | null;
  /** A member (method, getter, function-valued property) of a known value. */
  memberOf(value: Value, name: string, depth?: number): Member | null;
  /** The variable `name` resolves to at `at`. */
  variableAt(at: Node, name: string): Variable | null;
  /** The same-file value a variable holds, if it is assigned once. */
  valueOfVariable(variable: Variable): Value | null;
  /** What a sync factory function returns: a function or object of the file (`return function converter() {…}`). */
  returnedValue(fn: FunctionNode): Value | null;
}


export function createValueResolver(sourceCode: Readonly<TSESLint.SourceCode>): ValueResolver {
  const variableAt = (at: Node, name: string): Variable | null => {
    for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) return variable;
    }
    return null;
  };

  let exportsByName: Map<string, Node> | undefined;
  const commonJsExports = (): Map<string, Node> => {
    if (!exportsByName) {
      exportsByName = new Map();
      for (const { name, value } of exportedValues(sourceCode.ast)) if (!exportsByName.has(name)) exportsByName.set(name, value);
    }
    return exportsByName;
  };

  const valueOfInit = (init: Node | null | undefined, depth: number): Value | null => {
    if (!init) return null;
    const node = unwrapExpression(init as TSESTree.Expression);
    // `const db = module.exports = {}`: the value assigned.
    // `getOther = () => (other ??= new Store())`: what is assigned (the variable holds nothing else once it is).
    if (node.type === 'AssignmentExpression' && LAZY_ASSIGNMENTS.has(node.operator)) return depth > MAX_ALIAS_DEPTH ? null : valueOfInit(node.right, depth + 1);
    if (isFunction(node)) return { kind: 'function', fn: node };
    if (node.type === 'ClassExpression') return { kind: 'class', body: node.body };
    if (node.type === 'ObjectExpression') return { kind: 'object', object: node };
    if (node.type === 'NewExpression') {
      const made = valueOf(node.callee, depth + 1);
      if (made?.kind === 'function') return constructedBy(made.fn);
      return made?.kind === 'class' ? { kind: 'instance', body: made.body } : null;
    }
    // `Object.assign(getFs, { FSPath })` is its first argument, with more members.
    if (node.type === 'CallExpression' && assignedTarget(node)) return valueOf(node, depth);
    // `const markdownToDocx = pandoc('markdown', 'docx')`: what the factory of this file returns.
    if (node.type === 'CallExpression') {
      const cached = valueOfMapGet(node, depth);
      if (cached) return cached;
      const factory = valueOf(node.callee, depth + 1);
      return factory?.kind === 'function' ? returnedValue(factory.fn, depth + 1) : null;
    }
    return valueOf(node, depth + 1);
  };

  /**
   * `new Common()` of a constructor function: the members its body assigns to `this` (`this.save = function …`)
   * and its prototype's (`Common.prototype.load = function …`), which an own member of the same name hides.
   */
  const constructedCache = new Map<FunctionNode, Value | null>();
  const constructedBy = (fn: FunctionNode): Value | null => {
    if (constructedCache.has(fn)) return constructedCache.get(fn)!;
    const own = thisAssignments(fn, sourceCode.visitorKeys);
    const inherited = prototypeMethods(sourceCode.ast).get(fn);
    let members: ReadonlyMap<string, Node> = own;
    if (inherited && inherited.size > 0) {
      const merged = new Map<string, Node>(inherited);
      for (const [name, value] of own) merged.set(name, value);
      members = merged;
    }
    const value: Value | null = members.size > 0 ? { kind: 'namespace', object: null, members } : null;
    constructedCache.set(fn, value);
    return value;
  };

  /** The function or object a sync function returns (its first `return` of one), for factories. */
  const returnedValue = (fn: FunctionNode, depth: number): Value | null => {
    if (fn.async || fn.generator || depth > MAX_ALIAS_DEPTH) return null;
    for (const returned of returnedExpressionsOf(fn, sourceCode.visitorKeys)) {
      const value = valueOfInit(returned, depth + 1);
      if (value && value.kind !== 'exports') return value;
    }
    return null;
  };

  const valueOfVariable = (variable: Variable, depth: number): Value | null => {
    const def = variable.defs[0];
    if (!def || variable.defs.length !== 1) return null;
    switch (def.type) {
      case 'FunctionName':
        return isFunction(def.node) ? { kind: 'function', fn: def.node } : null;
      case 'ClassName':
        return def.node.type === 'ClassDeclaration' || def.node.type === 'ClassExpression' ? { kind: 'class', body: def.node.body } : null;
      case 'Variable': {
        const declarator = def.node;
        if (declarator.id.type !== 'Identifier') return null;
        if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id)) return valueOfReassigned(variable, declarator, depth);
        return valueOfInit(declarator.init, depth);
      }
      default:
        return null;
    }
  };

  /**
   * What a variable given several values holds, when every value the file resolves is one and the same: a
   * lazy singleton (`if (!store) store = new Store()`, `store ??= new Store()`), a cache look-up filled on a
   * miss (`let space = spaces.get(name); if (!space) spaces.set(name, space = { … })`). Literals and
   * `undefined` (`store = null` on a reset) say nothing; two different values, or a write that is not a
   * plain assignment (`for (x of …)`, `x += …`), and it may hold anything.
   */
  const valueOfReassigned = (variable: Variable, declarator: TSESTree.VariableDeclarator, depth: number): Value | null => {
    const given: Node[] = declarator.init ? [declarator.init] : [];
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.identifier === declarator.id) continue;
      const assignment = reference.identifier.parent;
      if (assignment?.type !== 'AssignmentExpression' || assignment.left !== reference.identifier || !LAZY_ASSIGNMENTS.has(assignment.operator)) return null;
      given.push(assignment.right);
    }
    return oneValueOf(given, variable.name, depth);
  };

  /** The one value `expressions` resolve to (unresolved ones and literals aside), or `null`. */
  const oneValueOf = (expressions: readonly Node[], self: string | null, depth: number): Value | null => {
    let found: Value | null = null;
    for (const expression of expressions) {
      let node = unwrapExpression(expression as TSESTree.Expression);
      // `store = store || new Store()`.
      if (node.type === 'LogicalExpression' && node.left.type === 'Identifier' && node.left.name === self) node = unwrapExpression(node.right);
      if (isNothing(node)) continue;
      const value = valueOfInit(node, depth);
      if (!value) continue;
      if (found && !sameValue(found, value)) return null;
      found = value;
    }
    return found;
  };

  /** The value of a member of an object literal or namespace: `spaceFor(name).store` where the getter returns `{ store: new Store() }`. */
  const valueOfProperty = (node: TSESTree.MemberExpression, depth: number): Value | null => {
    const name = memberKey(node);
    const owner = name === null ? null : valueOf(node.object, depth + 1);
    if (!owner || name === null) return null;
    // `System.runtime.info()` where `static get runtime() { return { info: async () => … } }`: what the getter returns.
    if (owner.kind === 'class' || owner.kind === 'instance') {
      // `Bridges.update(id).info()`: a method is a function value, so its call is what it returns.
      const member = memberOf(owner, name, depth + 1);
      if (!member) return null;
      return member.getter ? returnedValue(member.fn, depth + 1) : { kind: 'function', fn: member.fn };
    }
    if (owner.kind !== 'object' && owner.kind !== 'namespace') return null;
    const object = owner.object;
    for (const property of object?.properties ?? []) {
      if (property.type !== 'Property' || staticPropertyName(property) !== name) continue;
      if (property.kind === 'init') return valueOfInit(property.value as Node, depth + 1);
      const getter = unwrapExpression(property.value as TSESTree.Expression);
      if (property.kind === 'get' && isFunction(getter)) return returnedValue(getter, depth + 1);
    }
    const assigned = owner.kind === 'namespace' ? owner.members.get(name!) : undefined;
    return assigned ? valueOfInit(assigned, depth + 1) : null;
  };

  /** `cache.get(key)` of a `const cache = new Map()` whose `cache.set(key, value)` calls in the file all store one value. */
  const valueOfMapGet = (call: TSESTree.CallExpression, depth: number): Value | null => {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || memberKey(callee) !== 'get') return null;
    const variable = variableAt(callee.object, callee.object.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || !isNewMap(def.node.init)) return null;
    const stored: Node[] = [];
    for (const reference of variable!.references) {
      const member = reference.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || memberKey(member) !== 'set') continue;
      const setCall = member.parent;
      if (setCall?.type === 'CallExpression' && setCall.callee === member && setCall.arguments[1]) stored.push(setCall.arguments[1]);
    }
    return oneValueOf(stored, null, depth);
  };

  // Members assigned to a variable (`db.set = function …`), once per variable; implicit globals by name.
  const assignedByVariable = new Map<Variable, Map<string, Node>>();
  const implicitGlobals = new Map<string, Value | null>();

  /** Adds to `members` the values `<identifier>.<name> = value` assigns through these references. */
  const collectAssigned = (references: readonly TSESLint.Scope.Reference[], members: Map<string, Node>) => {
    for (const reference of references) {
      const member = reference.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
      const assignment = member.parent;
      if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== member) continue;
      const name = memberKey(member);
      if (name !== null && name !== 'prototype' && !members.has(name)) members.set(name, assignment.right);
    }
    return members;
  };

  const assignedMembers = (variable: Variable): Map<string, Node> => {
    let members = assignedByVariable.get(variable);
    if (!members) assignedByVariable.set(variable, (members = collectAssigned(variable.references, new Map())));
    return members;
  };

  /** An undeclared name the file assigns an object to (`s = {…}` in a script) and whose members it assigns. */
  const implicitGlobal = (name: string): Value | null => {
    let found = implicitGlobals.get(name);
    if (found === undefined) {
      const references = undeclaredReferences(sourceCode, name);
      const writes = references.filter((reference) => reference.isWrite());
      const members = writes.length > 0 ? collectAssigned(references, new Map()) : null;
      const written = writes.length === 1 ? unwrapExpression(writes[0]!.writeExpr as TSESTree.Expression) : null;
      found = members && members.size > 0 ? { kind: 'namespace', object: written?.type === 'ObjectExpression' ? written : null, members } : null;
      implicitGlobals.set(name, found);
    }
    return found;
  };

  /** A variable's value, as a namespace when the file assigns members to it (an object literal, `{}`, a parameter). */
  const withAssignedMembers = (variable: Variable, value: Value | null): Value | null => {
    if (value && value.kind !== 'object') return value;
    const def = variable.defs[0];
    if (!value && def?.type !== 'Parameter' && !(def?.type === 'Variable' && !def.node.init)) return value;
    const members = assignedMembers(variable);
    if (members.size === 0) return value;
    return { kind: 'namespace', object: value?.kind === 'object' ? value.object : null, members };
  };

  /** The class or object literal whose method `this` is in, seen from `node`. */
  const valueOfThis = (node: Node): Value | null => {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === 'ArrowFunctionExpression') continue;
      if (current.type === 'PropertyDefinition' && current.parent.type === 'ClassBody') {
        return current.static ? { kind: 'class', body: current.parent } : { kind: 'instance', body: current.parent };
      }
      if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
        // A prototype method (`Store.prototype.get = function () { this.read() }`), a constructor with a prototype.
        const owner = instanceConstructor(sourceCode.ast, current);
        if (owner) return constructedBy(owner);
        const parent = current.parent;
        if (parent?.type === 'MethodDefinition' && parent.parent.type === 'ClassBody') {
          return parent.static ? { kind: 'class', body: parent.parent } : { kind: 'instance', body: parent.parent };
        }
        // `{ save() { … } }`, `{ save: function () { … } }`, getters: called as `object.save()`, `this` is the object.
        if (parent?.type === 'Property' && parent.parent.type === 'ObjectExpression' && parent.value === current) {
          return { kind: 'object', object: parent.parent };
        }
        return null;
      }
    }
    return null;
  };

  const valueOf = (expression: Node, depth = 0): Value | null => {
    if (depth > MAX_ALIAS_DEPTH) return null;
    const node = unwrapExpression(expression as TSESTree.Expression);
    switch (node.type) {
      case 'Identifier': {
        const variable = variableAt(node, node.name);
        if (node.name === 'exports' && isUndeclared(variable)) return COMMONJS_EXPORTS;
        if (!variable) return implicitGlobal(node.name);
        return withAssignedMembers(variable, valueOfVariable(variable, depth));
      }
      case 'ThisExpression':
        return valueOfThis(node);
      case 'MemberExpression': {
        if (isModuleExports(node) && isUndeclared(variableAt(node, 'module'))) return COMMONJS_EXPORTS;
        // `space.store` of an object literal the file made (`{ store: new Store() }`), a namespace's assigned member.
        if (node.object.type !== 'ThisExpression') return valueOfProperty(node, depth);
        // `this.repo` where the class declares `repo = new Repo()`.
        const owner = valueOfThis(node);
        const name = memberKey(node);
        if (owner?.kind === 'namespace' && name !== null) {
          // `this.store` of a constructor function that assigns `this.store = new Store()`.
          const assigned = owner.members.get(name);
          return assigned && !isFunction(assigned) ? valueOfInit(assigned, depth + 1) : null;
        }
        if (!owner || name === null || (owner.kind !== 'instance' && owner.kind !== 'class')) return null;
        for (const member of owner.body.body) {
          if (member.type === 'PropertyDefinition' && member.static === (owner.kind === 'class') && memberKey(member) === name) {
            return valueOfInit(member.value, depth);
          }
        }
        return null;
      }
      case 'NewExpression':
        return valueOfInit(node, depth);
      case 'CallExpression':
        // `export const FS = Object.assign(getFs, { … })`; `getStore().save()`: what the getter returns.
        return assignedTarget(node) ? valueOfInit(assignedTarget(node), depth + 1) : valueOfInit(node, depth);
      case 'ClassExpression':
        // `module.exports = new class Api { … }`.
        return { kind: 'class', body: node.body };
      default:
        return isFunction(node) ? { kind: 'function', fn: node } : null;
    }
  };

  const memberOf = (value: Value, name: string, depth = 0): Member | null => {
    if (depth > MAX_ALIAS_DEPTH) return null;
    if (value.kind === 'function') return null;
    if (value.kind === 'exports') {
      // `exports.getConfigFile()` inside the module that assigns `exports.getConfigFile = () => …`.
      const exported = commonJsExports().get(name);
      if (exported) {
        const target = valueOfInit(exported, depth + 1);
        return target?.kind === 'function' ? { fn: target.fn, getter: false } : null;
      }
      const whole = commonJsExports().get('default');
      const object = whole ? valueOfInit(whole, depth + 1) : null;
      return object && object.kind !== 'exports' ? memberOf(object, name, depth + 1) : null;
    }
    if (value.kind === 'namespace') {
      const own = value.object ? memberOf({ kind: 'object', object: value.object }, name, depth + 1) : null;
      const assigned = own ? null : value.members.get(name);
      const target = assigned ? valueOfInit(assigned, depth + 1) : null;
      return own ?? (target?.kind === 'function' ? { fn: target.fn, getter: false } : null);
    }
    if (value.kind === 'object') {
      for (const property of value.object.properties) {
        if (property.type !== 'Property' || staticPropertyName(property) !== name) continue;
        const fn = unwrapExpression(property.value as TSESTree.Expression);
        if (!isFunction(fn)) return null;
        if (property.kind === 'set') continue;
        return { fn, getter: property.kind === 'get' };
      }
      return null;
    }
    const isStatic = value.kind === 'class';
    for (const member of value.body.body) {
      if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && member.static === isStatic && memberKey(member) === name) {
        if (member.type === 'MethodDefinition') {
          // A setter, or an overload signature (`declare(a: A): R;`): the body is the implementation's.
          if (member.kind === 'set' || member.value.type === 'TSEmptyBodyFunctionExpression') continue;
          if (member.kind === 'constructor' || member.value.type !== 'FunctionExpression') return null;
          return { fn: member.value, getter: member.kind === 'get' };
        }
        const fn = member.value && unwrapExpression(member.value);
        return fn && isFunction(fn) ? { fn, getter: false } : null;
      }
    }
    // Inherited from a class of this file.
    const cls = value.body.parent;
    if ((cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') && cls.superClass) {
      const parent = valueOf(cls.superClass, depth + 1);
      if (parent?.kind === 'class') return memberOf({ kind: value.kind, body: parent.body }, name, depth + 1);
    }
    return null;
  };

  return {
    valueOf,
    memberOf,
    variableAt,
    valueOfVariable: (variable) => withAssignedMembers(variable, valueOfVariable(variable, 0)),
    returnedValue: (fn) => returnedValue(fn, 0),
  };
}

const thisAssignmentCache = new WeakMap<FunctionNode, Map<string, Node>>();

/**
 * What a constructor function (`function Store(dir) { this.save = function … }`) assigns to `this` in
 * its own body (arrow functions in it share its `this`), by member name. Classes, arrows and
 * async functions are no constructors.
 */
export function thisAssignments(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): ReadonlyMap<string, Node> {
  const cached = thisAssignmentCache.get(fn);
  if (cached) return cached;
  const members = new Map<string, Node>();
  thisAssignmentCache.set(fn, members);
  if (fn.type === 'ArrowFunctionExpression' || fn.async || fn.generator || !fn.body || fn.parent?.type === 'MethodDefinition') return members;
  const walk = (node: Node) => {
    if (node !== fn.body && isFunction(node) && node.type !== 'ArrowFunctionExpression') return;
    if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
      const name = memberKey(node.left);
      if (name !== null && !members.has(name)) members.set(name, node.right);
    }
    forEachChild(node, visitorKeys, walk);
  };
  walk(fn.body);
  return members;
}

/** A global the file does not declare (`exports` and `module` in a CommonJS file). */
function isUndeclared(variable: Variable | null): boolean {
  return !variable || variable.defs.length === 0;
}

function constructorOf(body: TSESTree.ClassBody): FunctionNode | null {
  for (const member of body.body) {
    if (member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.type === 'FunctionExpression') return member.value;
  }
  return null;
}

function memberKey(node: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  return key.type === 'PrivateIdentifier' ? `#${key.name}` : staticPropertyName(node);
}

/** A callback passed to a call that runs it before returning (`items.map(cb)`, `new Promise(executor)`). */
function runsCallbackSynchronously(fn: FunctionNode, offloaded: readonly OffloadDetector[]): boolean {
  const parent = fn.parent;
  if (!parent) return false;
  if (parent.type === 'CallExpression') {
    // An immediately invoked function.
    if (unwrapExpression(parent.callee) === fn) return true;
    if (!parent.arguments.includes(fn as TSESTree.CallExpressionArgument) || offloaded.some((detect) => detect(parent))) return false;
    const callee = unwrapExpression(parent.callee);
    if (callee.type === 'MemberExpression') {
      const name = staticPropertyName(callee);
      if (name !== null && SYNC_CALLBACK_METHODS.has(name) && parent.arguments[0] === fn) return true;
      // `Array.from(items, cb)`
      return name === 'from' && callee.object.type === 'Identifier' && callee.object.name === 'Array' && parent.arguments[1] === fn;
    }
    return false;
  }
  return parent.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Promise' && parent.arguments[0] === fn;
}

/**
 * A callback handed to a function of this file that calls it before returning
 * (`wrap(query, (s) => s.all())` where `function wrap(q, func) { return func(stmt(q)); }`).
 */
function calledBackByLocalFunction(sourceCode: Readonly<TSESLint.SourceCode>, resolver: ValueResolver, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || unwrapExpression(call.callee) === fn) return false;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  const target = localFunctionOf(resolver, call.callee);
  if (index < 0 || !target || target.async || target.generator) return false;
  const parameter = target.params[index];
  if (parameter?.type !== 'Identifier') return false;
  const variable = sourceCode.getDeclaredVariables(target).find((candidate) => candidate.name === parameter.name);
  return (variable?.references ?? []).some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== 'CallExpression' || parent.callee !== reference.identifier) return false;
    // Called in the function's own body, not in a callback it defers.
    for (let current: Node | undefined = parent.parent; current; current = current.parent) {
      if (current === target) return true;
      if (isFunction(current)) return false;
    }
    return false;
  });
}

/** The function of this file a callee names: `wrap`, or a method such as `this.#runOp` or `store.run`. */
function localFunctionOf(resolver: ValueResolver, callee: Node): FunctionNode | null {
  const value = resolver.valueOf(callee);
  if (value?.kind === 'function') return value.fn;
  const member = unwrapExpression(callee as TSESTree.Expression);
  if (member.type !== 'MemberExpression') return null;
  const name = memberKey(member);
  const owner = name === null ? null : resolver.valueOf(member.object);
  const found = owner && name !== null ? resolver.memberOf(owner, name) : null;
  return found && !found.getter ? found.fn : null;
}

/** A short, readable label for the callee of a call: the source text when short, else its name. */
function calleeLabel(sourceCode: Readonly<TSESLint.SourceCode>, callee: Node, fallback: string): string {
  const text = sourceCode.getText(callee);
  return text.length <= 40 && !text.includes('\n') ? text : fallback;
}

function buildCallGraph(
  sourceCode: Readonly<TSESLint.SourceCode>,
  resolver: ValueResolver,
  offloaded: readonly OffloadDetector[],
  keepUnresolved: boolean,
): CallGraph {
  const calls: HelperCall[] = [];
  const unresolved: (HelperCall & { callee: null })[] = [];
  const callers = new Map<FunctionNode, Edge[]>();
  /** Enclosing functions; `null` marks a class field initialiser or static block (not run by the function around it). */
  const stack: (FunctionNode | null)[] = [];

  const addEdge = (callee: FunctionNode, edge: Edge) => {
    const list = callers.get(callee);
    if (list) list.push(edge);
    else callers.set(callee, [edge]);
  };

  const addCall = (call: HelperCall) => {
    calls.push(call);
    if (call.caller && call.callee) addEdge(call.callee, { caller: call.caller, site: call });
  };

  const record = (kind: CallKind, node: HelperCall['node'], reference: Node, label: string, callee: FunctionNode | null) => {
    // Calling a sync generator runs nothing; draining it runs the body (`[...gen()]`, `for (… of gen())`).
    if (callee?.generator && !callee.async && !isDrainedSynchronously(node as Node)) return;
    // `instance === null && configure()`: a lazy initialisation runs once, not for each caller.
    if (runsOnce(sourceCode, node as Node)) return;
    const caller = stack.at(-1) ?? null;
    const call = { kind, node, reference, label, callee, caller };
    if (callee) addCall(call);
    else if (keepUnresolved) {
      calls.push(call);
      unresolved.push(call as HelperCall & { callee: null });
    }
  };

  const visitCall = (node: TSESTree.CallExpression) => {
    const callee = unwrapExpression(node.callee);
    let target: FunctionNode | null = null;
    let name: string | null = null;
    if (callee.type === 'Identifier') {
      name = callee.name;
      const value = resolver.valueOf(callee);
      if (value?.kind === 'function') target = value.fn;
    } else if (callee.type === 'MemberExpression') {
      name = memberKey(callee);
      const owner = resolver.valueOf(callee.object);
      const member = owner && name !== null ? resolver.memberOf(owner, name) : null;
      if (member && !member.getter) target = member.fn;
      // `handlers[type](msg)`: a dispatch; another file's table of functions may say what it runs.
      if (name === null && callee.computed && keepUnresolved) name = '[]';
    }
    // Direct recursion adds nothing to a summary.
    if (name !== null && !(target && target === stack.at(-1))) {
      record('call', node, node.callee, `${calleeLabel(sourceCode, node.callee, name)}()`, target);
    }
    // `paths.map(loadOne)`: a function of this file handed to a sync callback consumer.
    if (callee.type === 'MemberExpression' && SYNC_CALLBACK_METHODS.has(memberKey(callee) ?? '')) {
      const argument = node.arguments[0];
      if (argument?.type === 'Identifier') {
        const value = resolver.valueOf(argument);
        if (value?.kind === 'function' && !offloaded.some((detect) => detect(node))) {
          record('callback', argument, argument, `${argument.name}()`, value.fn);
        }
      }
    }
  };

  const visitNew = (node: TSESTree.NewExpression) => {
    const value = resolver.valueOf(node.callee);
    const constructor = value?.kind === 'class' ? constructorOf(value.body) : null;
    if (constructor) record('new', node, node.callee, `new ${calleeLabel(sourceCode, node.callee, 'class')}()`, constructor);
    else if (node.callee.type === 'Identifier' && !value) record('new', node, node.callee, `new ${node.callee.name}()`, null);
  };

  const visitMemberRead = (node: TSESTree.MemberExpression) => {
    const parent = node.parent;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node) return;
    if (parent.type === 'AssignmentExpression' && parent.left === node) return;
    if (parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete')) return;
    const name = memberKey(node);
    if (name === null) return;
    const owner = resolver.valueOf(node.object);
    const member = owner ? resolver.memberOf(owner, name) : null;
    if (member?.getter) record('getter', node, node, calleeLabel(sourceCode, node, name), member.fn);
  };

  const visit = (node: Node) => {
    let pushed = false;
    if (isFunction(node)) {
      const outer = stack.at(-1);
      if (outer && !node.async && !node.generator && (runsCallbackSynchronously(node, offloaded) || calledBackByLocalFunction(sourceCode, resolver, node))) {
        addEdge(node, { caller: outer, site: null });
      }
      stack.push(node);
      pushed = true;
    } else if (node.type === 'PropertyDefinition' || node.type === 'StaticBlock') {
      // Field initialisers and static blocks run at construction / class definition, not in the enclosing function.
      stack.push(null);
      pushed = true;
    } else if (node.type === 'CallExpression') {
      visitCall(node);
    } else if (node.type === 'NewExpression') {
      visitNew(node);
    } else if (node.type === 'MemberExpression') {
      visitMemberRead(node);
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
    if (pushed) stack.pop();
  };
  visit(sourceCode.ast);
  return { calls, callers, unresolved };
}

/** Constructors and functions that iterate their first argument to the end before returning. */
const DRAINING_CALLS = new Set(['Array.from', 'Object.fromEntries', 'Set', 'Map', 'WeakSet', 'WeakMap', 'Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);

/** Whether the iterator a call returns is iterated to the end right there: spread, `for…of`, array destructuring, `yield*`, `Array.from`. */
function isDrainedSynchronously(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'SpreadElement':
      return true;
    case 'ForOfStatement':
      return parent.right === node && !parent.await;
    case 'VariableDeclarator':
      return parent.init === node && parent.id.type === 'ArrayPattern';
    case 'AssignmentExpression':
      return parent.right === node && parent.left.type === 'ArrayPattern';
    case 'YieldExpression':
      return parent.delegate;
    case 'CallExpression':
    case 'NewExpression': {
      if (parent.arguments[0] !== node) return false;
      const callee = parent.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.property.type === 'Identifier' && !callee.computed
            ? `${callee.object.name}.${callee.property.name}`
            : null;
      return name !== null && DRAINING_CALLS.has(name);
    }
    default:
      return false;
  }
}

/** The object `Object.assign(target, …)` returns: its first argument. */
function assignedTarget(call: TSESTree.CallExpression): TSESTree.Expression | null {
  const member = unwrapExpression(call.callee);
  const isAssign = member.type === 'MemberExpression' && !member.computed && member.object.type === 'Identifier' && member.object.name === 'Object' && member.property.type === 'Identifier' && member.property.name === 'assign';
  const target = call.arguments[0];
  return isAssign && target && target.type !== 'SpreadElement' ? target : null;
}
