import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, staticPropertyName, type FunctionNode } from '../resolve/ast.js';
import type { HandlerInfo } from './handlers.js';

type Node = TSESTree.Node;

/** Why code counts as running on the event loop while serving work. */
export type ServingKind = 'async-function' | 'route-handler';

export interface ServingContext {
  readonly kind: ServingKind;
  /** The async function or handler whose run this code belongs to. */
  readonly root: FunctionNode;
  /** Words for messages: "inside async function 'load'". */
  readonly description: string;
  /** Route handlers: whether a suggestion may make `root` async (default true). */
  readonly canMakeAsync?: boolean;
  /** Route handlers: what to mind when making this framework's handlers async. */
  readonly asyncNote?: string | null;
  /** Sync helpers: the serving code they run for ("async function 'handler'"). */
  readonly servingRoot?: string;
}

/**
 * Decides, per function, whether its body runs while serving work. Each decider looks at one
 * function and answers with a context, with `null` ("never here": start-up, worker code), or
 * with `undefined` (no opinion; the next decider or the enclosing function decides).
 * Route-handler, start-up and worker detection plug in here as deciders.
 */
export type ContextDecider = (fn: FunctionNode, contextOf: (fn: FunctionNode) => ServingContext | null) => ServingContext | null | undefined;

export interface FileContext {
  /** The serving context of the code at `node`, or `null` when it runs at top level or in plain sync code. */
  contextOf(node: Node): ServingContext | null;
  /** The innermost function around `node`, or `null` at module level. */
  functionOf(node: Node): FunctionNode | null;
}

export function createFileContext(deciders: readonly ContextDecider[]): FileContext {
  const memo = new Map<FunctionNode, ServingContext | null>();
  // Functions whose context is being computed (a cycle of calls: a recursive helper).
  const inProgress = new Set<FunctionNode>();
  // "Not serving" answers that leaned on an unfinished function: valid only within the current
  // top-level question. `walk` recursing from its own `forEach` callback asks about the callback
  // while `walk` itself is unfinished; the callback must not be remembered as "not serving".
  const tentative = new Map<FunctionNode, null>();
  let cycleHits = 0;

  const functionOf = (node: Node): FunctionNode | null => {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) return current;
      // Class field initialisers and static blocks run when the class or instance is created,
      // not as part of an enclosing function's body.
      if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return null;
    }
    return null;
  };

  const contextOfFunction = (fn: FunctionNode): ServingContext | null => {
    const known = memo.get(fn);
    if (known !== undefined) return known;
    if (tentative.has(fn)) return null;
    if (inProgress.has(fn)) {
      // A cycle of calls back to this function adds nothing to its own answer.
      cycleHits++;
      return null;
    }
    inProgress.add(fn);
    const hitsBefore = cycleHits;
    let result: ServingContext | null | undefined;
    for (const decide of deciders) {
      result = decide(fn, contextOfFunction);
      if (result !== undefined) break;
    }
    if (result === undefined) {
      // A sync function nested in a serving function (a `.map` callback, a local helper, a timer
      // callback) runs on the same loop on behalf of it: it inherits the context.
      const outer = functionOf(fn);
      result = outer ? contextOfFunction(outer) : null;
    }
    inProgress.delete(fn);
    // A serving context found on some path holds whatever the cycle adds; "not serving" is final
    // only when no unfinished function was consulted, or once the top-level question is answered.
    if (result !== null || cycleHits === hitsBefore || inProgress.size === 0) memo.set(fn, result);
    else tentative.set(fn, null);
    if (inProgress.size === 0) tentative.clear();
    return result;
  };

  return {
    functionOf,
    contextOf(node) {
      const fn = functionOf(node);
      return fn ? contextOfFunction(fn) : null;
    },
  };
}

/** The base decider: `async` functions, arrows and methods serve work. */
export const asyncFunctionDecider: ContextDecider = (fn) =>
  fn.async ? { kind: 'async-function', root: fn, description: `inside ${describeFunction(fn, 'async ')}` } : undefined;

/** A call site of a same-file function: the function around the call and the call's line. */
export interface CallerSite {
  readonly caller: FunctionNode;
  /** Line of the call; `null` when the function is run as a callback the caller hands on. */
  readonly line: number | null;
}

/**
 * A sync helper runs while serving when serving code of the same file calls it synchronously:
 * its blocking calls are reported where they are, and the message names the caller.
 */
export function calledFromServingDecider(callersOf: (fn: FunctionNode) => readonly CallerSite[]): ContextDecider {
  return (fn, contextOf) => {
    // A sync generator's body runs while its caller drains it (`[...gen()]`, `for (… of gen())`): a helper too.
    if (fn.async) return undefined;
    for (const { caller, line } of callersOf(fn)) {
      // A callback written inside its caller (`items.map((x) => …)`) inherits the caller's context.
      if (isInside(fn, caller)) continue;
      const serving = contextOf(caller);
      if (!serving) continue;
      const root = serving.servingRoot ?? serving.description.replace(/^inside /, '');
      const from = serving.servingRoot ? `a helper of ${root}` : root;
      return {
        ...serving,
        canMakeAsync: false,
        servingRoot: root,
        description: `inside ${describeFunction(fn, '')}, called${line === null ? '' : ` (line ${line})`} from ${from}`,
      };
    }
    return undefined;
  };
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** "async function 'load'", "async method 'get'", "async arrow function 'handler'", "this async arrow function". */
export function describeFunction(fn: FunctionNode, prefix: string): string {
  const name = functionName(fn);
  const parent = fn.parent;
  // "the constructor of class 'Sonarr'"
  if (parent?.type === 'MethodDefinition' && parent.kind === 'constructor') {
    const cls = parent.parent.parent;
    return cls.id ? `the constructor of class '${cls.id.name}'` : 'this constructor';
  }
  const isMethod = parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && (parent.method || parent.kind !== 'init'));
  const kind = isMethod ? 'method' : fn.type === 'ArrowFunctionExpression' ? 'arrow function' : 'function';
  return name ? `${prefix}${kind} '${name}'` : `this ${prefix}${kind}`;
}

/** The name a function is known by: its own, its variable's, its key's. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : null;
    case 'MethodDefinition':
    case 'Property':
    case 'PropertyDefinition':
      return staticPropertyName(parent);
    case 'AssignmentExpression':
      return parent.left.type === 'Identifier'
        ? parent.left.name
        : parent.left.type === 'MemberExpression'
          ? staticPropertyName(parent.left)
          : null;
    default:
      return null;
  }
}

/** Handlers found through imports, conventions, types or the parameter heuristic. */
export function handlerDecider(handlers: ReadonlyMap<FunctionNode, HandlerInfo>): ContextDecider {
  return (fn) => {
    const info = handlers.get(fn);
    if (!info) return undefined;
    const name = functionName(fn);
    const description =
      info.source === 'heuristic'
        ? `inside ${name ? `'${name}'` : 'this function'}, a ${info.label} by ${info.shape?.startsWith('(') ? `its parameters ${info.shape}` : info.shape}`
        : name
          ? `inside ${info.label} '${name}'`
          : `inside this ${info.label}`;
    return { kind: 'route-handler', root: fn, description, canMakeAsync: info.canMakeAsync, asyncNote: info.asyncNote };
  };
}

/** Start-up code never serves requests. */
export function startupDecider(startup: ReadonlySet<FunctionNode>): ContextDecider {
  return (fn) => (startup.has(fn) ? null : undefined);
}
