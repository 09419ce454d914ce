import type { TSESTree } from '@typescript-eslint/utils';
import { CALL_RESULT, CONSTRUCT_RESULT, createTraceNode, type TraceNode } from '../catalog/define.js';
import type { ProjectFunctionPayload } from '../catalog/types.js';
import { createValueResolver } from '../analysis/function-summaries.js';
import { traceFile, type Tracer, type TraceRoots } from '../resolve/trace.js';
import { detached } from './files.js';
import { isFunction, staticPropertyName, type FunctionNode } from '../resolve/ast.js';
import { exportKey, functionKey, moduleExports, type ExportedFunction, type ModuleExports } from './exports.js';
import type { ProjectSourceCode } from './parse.js';

type Node = TSESTree.Node;

/**
 * What the project's other files pass to one file's exported functions and constructors, where that
 * is a value the trace knows: `new FileSystem(this)` in `class Server` (a `Server`), `require('./repo')(db)`
 * with `db = new Database(file)`. Keyed by `parameterKey`; each value is the union of what the call sites pass.
 */
export interface PassedParameters {
  readonly values: ReadonlyMap<string, TraceNode>;
  /** The files whose calls passed those values (their `this` methods are then called from this file). */
  readonly from: ReadonlySet<string>;
}

export const NO_PASSED_PARAMETERS: PassedParameters = { values: new Map(), from: new Set() };

/** `new FileSystem(this)`: a file that may hand its instance to another file's class. */
export const PASSES_THIS_TO_CONSTRUCTOR = /\bnew\s+[\w$.]+\s*\((?:[^()]*,)?\s*this\s*[,)]/;

const instanceRootsCache = new WeakMap<TraceRoots, TraceRoots>();

/**
 * The catalog modules that make values worth passing around (a database, a zip archive): those with
 * an instance or a call result. A file naming none of them (nor passing `this`) passes no known value.
 */
export function instanceMakingRoots(catalog: TraceRoots): TraceRoots {
  let roots = instanceRootsCache.get(catalog);
  if (!roots) {
    const modules = new Map<string, TraceNode>();
    for (const [name, node] of catalog.modules) if (makesInstances(node)) modules.set(name, node);
    instanceRootsCache.set(catalog, (roots = { modules, globals: new Map() }));
  }
  return roots;
}

function makesInstances(root: TraceNode): boolean {
  const seen = new Set<TraceNode>();
  const visit = (node: TraceNode, depth: number): boolean => {
    if (seen.has(node) || depth > 3) return false;
    seen.add(node);
    if (node.constructResult || node.callResult) return true;
    for (const child of node.children.values()) if (visit(child, depth + 1)) return true;
    return false;
  };
  return visit(root, 0);
}

/** The key of parameter `index` of the exported function `key` (`Server.new()` is the constructor). */
export function parameterKey(key: string, index: number): string {
  return `${key}\0${index}`;
}

/** Starts a trace at each exported function's parameters with what other files pass to them. */
export function seedPassedParameters(sourceCode: ProjectSourceCode, passed: ReadonlyMap<string, TraceNode>, tracer: Tracer): void {
  for (const exported of moduleExports(sourceCode, createValueResolver(sourceCode)).functions) {
    const key = functionKey(exported);
    exported.fn.params.forEach((_, index) => {
      const value = passed.get(parameterKey(key, index));
      if (value) tracer.followParameter(exported.fn, index, value);
    });
  }
}

/** Exported functions whose parameters are worth asking about: they take some. */
export function functionsWithParameters(exports: ModuleExports): ExportedFunction[] {
  return exports.functions.filter((each) => !each.returnsInstance && each.fn.params.some((parameter) => parameter.type !== 'RestElement'));
}

/** Marks the exported functions of a file in a trie, so that a trace of an importer finds their calls (a marker's methods are never asked). */
function markerPayload(file: string, key: string): ProjectFunctionPayload {
  return { kind: 'project-function', file, key, when: undefined, twin: () => null, blockingPath: () => null, runsBlocking: () => false, runningPath: () => null };
}

/** A trie of the module's exports with a marker at each function of `functions` (calls, and `new` for constructors). */
export function markerTrie(file: string, exports: ModuleExports, functions: readonly ExportedFunction[]): TraceNode {
  const root = createTraceNode(true);
  const nodeAt = (segments: readonly string[]): TraceNode => {
    let node = root;
    for (const segment of segments) {
      if (segment === CALL_RESULT) node = node.callResult ??= createTraceNode();
      else if (segment === CONSTRUCT_RESULT) node = node.constructResult ??= createTraceNode();
      else {
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = createTraceNode()));
        node = child;
      }
    }
    return node;
  };
  for (const exported of functions) {
    const payload = markerPayload(file, functionKey(exported));
    if (exported.construct) nodeAt(exported.path).constructs.push(payload);
    else nodeAt(exported.path).calls.push(payload);
  }
  // As the export trie does: a default import of an ES module is its default export, of a CommonJS one the module.
  const esDefault = root.children.get('default');
  if (esDefault && !exports.commonJsDefault) root.esDefault = esDefault;
  else if (exports.commonJsDefault && !esDefault) root.children.set('default', root);
  return root;
}

/**
 * A trie standing for everything a project file exports: any member, called or constructed, is a
 * marked function of `file`. Tracing an importer with one per imported file finds, in one pass,
 * which files it passes known values to, before any of them is parsed.
 */
export function anyExportMarker(file: string): TraceNode {
  const root = createTraceNode(true);
  const payload = markerPayload(file, '*');
  root.calls.push(payload);
  root.constructs.push(payload);
  root.anyMember = root;
  anyExportMarkers.add(root);
  return root;
}

const anyExportMarkers = new WeakSet<TraceNode>();

/** Makes the payload of one function of the importer, by its key (an export key, or a local one). */
export type PayloadOf = (key: string, fn: FunctionNode) => ProjectFunctionPayload;

interface PassedArgument {
  readonly payload: ProjectFunctionPayload;
  readonly index: number;
  readonly argument: Node;
  /** What the trace knows the argument is; `undefined` for `this`, which the trace does not follow. */
  readonly value: TraceNode | undefined;
}

/**
 * The arguments of calls (and `new`) of marked functions that the trace reached, or that are `this`.
 * An object literal of such values (`createRoutes({ configModule, db })`) is an object of them.
 */
function passedArguments(sourceCode: ProjectSourceCode, roots: TraceRoots, seed?: (tracer: Tracer) => void): PassedArgument[] {
  const reached = new Map<Node, TraceNode>();
  const { hits } = traceFile(sourceCode, roots, undefined, seed, (node, trace) => {
    if (!reached.has(node)) reached.set(node, trace);
  });
  const passed: PassedArgument[] = [];
  for (const hit of hits) {
    const { payload, call } = hit;
    if (payload.kind !== 'project-function' || !call || call.type === 'TaggedTemplateExpression') continue;
    for (const [index, argument] of call.arguments.entries()) {
      if (argument.type === 'SpreadElement') break;
      const value = reached.get(argument) ?? (argument.type === 'ObjectExpression' ? objectOfValues(argument, reached) : undefined);
      if (value || argument.type === 'ThisExpression') passed.push({ payload, index, argument, value });
    }
  }
  return passed;
}

/** `{ configModule, db: database }` where the trace reached some of the values: an object with those members. */
function objectOfValues(object: TSESTree.ObjectExpression, reached: ReadonlyMap<Node, TraceNode>): TraceNode | undefined {
  let members: TraceNode | undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.kind !== 'init') continue;
    const name = staticPropertyName(property);
    const value = name === null ? undefined : reached.get(property.value);
    // Another file's exports as a whole (the marker standing for them) are not a known value.
    if (name === null || !value || anyExportMarkers.has(value)) continue;
    members ??= createTraceNode();
    if (!members.children.has(name)) members.children.set(detached(name), value);
  }
  return members;
}

/** The files whose marked functions an importer passes known values (or, `withThis`, `this`) to. */
export function filesPassedValues(sourceCode: ProjectSourceCode, roots: TraceRoots, withThis: boolean): Set<string> {
  // Another file's exports passed along are not a known value here (the marker stands for them all).
  const known = (each: PassedArgument) => (each.value ? !anyExportMarkers.has(each.value) : withThis);
  return new Set(passedArguments(sourceCode, roots).filter(known).map((each) => each.payload.file));
}

/**
 * In one importer, the values passed to the marked functions of `markedFile`: each call's arguments
 * whose value the trace reached, and (given `payloadOf`) `this` inside a class or constructor function as an instance of that class.
 */
export function passedValuesIn(
  sourceCode: ProjectSourceCode,
  roots: TraceRoots,
  markedFile: string,
  payloadOf: PayloadOf | null,
  /** What other files pass to the importer's own exported functions, followed from those parameters. */
  seed?: (tracer: Tracer) => void,
): Map<string, TraceNode[]> {
  const found = new Map<string, TraceNode[]>();
  const instances = new Map<Node, TraceNode | null>();
  for (const { payload, index, argument, value } of passedArguments(sourceCode, roots, seed)) {
    if (payload.file !== markedFile) continue;
    const known = value ?? (payloadOf ? instanceOf(sourceCode, argument as TSESTree.ThisExpression, instances, payloadOf) : null);
    if (!known) continue;
    const key = parameterKey(payload.key, index);
    const list = found.get(key);
    if (list) list.push(known);
    else found.set(key, [known]);
  }
  return found;
}

/**
 * `this` where it is an instance of the file's class (a method or constructor of a class, a
 * constructor function or its prototype methods): a trie of the class's methods, exported ones by
 * their export keys (so their callers are found across files) and the others by a local key.
 */
function instanceOf(sourceCode: ProjectSourceCode, self: TSESTree.ThisExpression, cache: Map<Node, TraceNode | null>, payloadOf: PayloadOf): TraceNode | null {
  let fn: FunctionNode | null = null;
  for (let current = self.parent as Node | undefined; current; current = current.parent) {
    if (isFunction(current) && current.type !== 'ArrowFunctionExpression') {
      fn = current;
      break;
    }
    if (current.type === 'PropertyDefinition' && !current.static) break;
  }
  const exports = moduleExports(sourceCode, createValueResolver(sourceCode));
  // Exported: the instance path is where `fn` sits (`Server.new().path`), or `new()` of a constructor.
  const own = fn ? exports.functions.find((each) => each.fn === fn) : undefined;
  let prefix: readonly string[] | null = null;
  if (own) {
    const at = own.path.lastIndexOf(CONSTRUCT_RESULT);
    prefix = own.construct ? [...own.path, CONSTRUCT_RESULT] : at >= 0 ? own.path.slice(0, at + 1) : fn!.type === 'FunctionDeclaration' || fn!.type === 'FunctionExpression' ? [...own.path, CONSTRUCT_RESULT] : null;
  }
  const classBody = enclosingClassBody(fn ?? self);
  const cacheKey: Node | null = prefix ? (own!.fn as Node) : classBody;
  if (!cacheKey) return null;
  if (cache.has(cacheKey)) return cache.get(cacheKey)!;
  const instance = createTraceNode();
  if (prefix) {
    const depth = prefix.length;
    const prefixKey = exportKey(prefix);
    for (const member of exports.functions) {
      if (member.construct || member.path.length !== depth + 1 || exportKey(member.path.slice(0, depth)) !== prefixKey) continue;
      addMethod(instance, member.path.at(-1)!, payloadOf(functionKey(member), member.fn));
    }
  } else if (classBody) {
    for (const member of classBody.body) {
      if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.static || member.computed || member.key.type !== 'Identifier') continue;
      if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
      const value = member.value;
      if (!value || !isFunction(value)) continue;
      addMethod(instance, member.key.name, payloadOf(`#${classBody.range[0]}.${member.key.name}`, value));
    }
  }
  const answer = instance.children.size > 0 ? instance : null;
  cache.set(cacheKey, answer);
  return answer;
}

function addMethod(instance: TraceNode, name: string, payload: ProjectFunctionPayload): void {
  let child = instance.children.get(name);
  if (!child) instance.children.set(name, (child = createTraceNode()));
  child.calls.push(payload);
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
    if (current.type === 'FunctionDeclaration' || (current.type === 'FunctionExpression' && current.parent?.type !== 'MethodDefinition')) return null;
  }
  return null;
}
