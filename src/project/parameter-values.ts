import type { TSESTree } from '@typescript-eslint/utils';
import { CALL_RESULT, CONSTRUCT_RESULT, createTraceNode, type TraceNode } from '../catalog/define.js';
import type { ProjectFunctionPayload } from '../catalog/types.js';
import { createValueResolver } from '../analysis/function-summaries.js';
import { traceFile, type TraceRoots } from '../resolve/trace.js';
import { isFunction, type FunctionNode } from '../resolve/ast.js';
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

/** The key of parameter `index` of the exported function `key` (`Server.new()` is the constructor). */
export function parameterKey(key: string, index: number): string {
  return `${key}\0${index}`;
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

/** Makes the payload of one function of the importer, by its key (an export key, or a local one). */
export type PayloadOf = (key: string, fn: FunctionNode) => ProjectFunctionPayload;

/**
 * In one importer, the values passed to the marked functions: each call's arguments whose value the
 * trace reached, and `this` inside a class (or constructor function) as an instance of that class.
 */
export function passedValuesIn(sourceCode: ProjectSourceCode, roots: TraceRoots, markedFile: string, payloadOf: PayloadOf): Map<string, TraceNode[]> {
  const reached = new Map<Node, TraceNode>();
  const { hits } = traceFile(sourceCode, roots, undefined, undefined, (node, trace) => {
    if (!reached.has(node)) reached.set(node, trace);
  });
  const found = new Map<string, TraceNode[]>();
  let instances: Map<Node, TraceNode | null> | undefined;
  for (const hit of hits) {
    if (hit.payload.kind !== 'project-function' || hit.payload.file !== markedFile || !hit.call || hit.call.type === 'TaggedTemplateExpression') continue;
    const { key } = hit.payload;
    const { arguments: args } = hit.call;
    args.forEach((argument, index) => {
      if (args.slice(0, index).some((each) => each.type === 'SpreadElement')) return;
      let value: TraceNode | null | undefined = reached.get(argument);
      if (!value && argument.type === 'ThisExpression') value = instanceOf(sourceCode, argument, (instances ??= new Map()), payloadOf);
      if (!value) return;
      const list = found.get(parameterKey(key, index));
      if (list) list.push(value);
      else found.set(parameterKey(key, index), [value]);
    });
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
