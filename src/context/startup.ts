import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { runsOnce } from './once-guard.js';
import { runsBackgroundLoop } from './background-loops.js';
import { forEachChild, isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../resolve/ast.js';

type Node = TSESTree.Node;

/** The innermost function around `node` (class fields and static blocks count as top level). */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return null;
  }
  return null;
}

/** The call whose callee is `node` (through parentheses-free TS wrappers), if any. */
function callOfCallee(node: Node): TSESTree.CallExpression | null {
  let current: Node = node;
  while (
    current.parent &&
    (current.parent.type === 'TSAsExpression' || current.parent.type === 'TSNonNullExpression' || current.parent.type === 'TSSatisfiesExpression')
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent?.type === 'CallExpression' && unwrapExpression(parent.callee) === unwrapExpression(current as TSESTree.Expression) ? parent : null;
}

/** Whether no other file can call the function the file exports by this name (the project model knows). */
export type ExportUncalled = (name: string) => boolean;
const NEVER: ExportUncalled = () => false;

/** The variable a function is known by in its scope (`function main`, `const main = async () => …`). */
function bindingOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, exportUncalled: ExportUncalled = NEVER): TSESLint.Scope.Variable | null {
  if (fn.type === 'FunctionDeclaration') {
    if (!fn.id) return null;
    if (fn.parent?.type === 'ExportDefaultDeclaration' || (fn.parent?.type === 'ExportNamedDeclaration' && !exportUncalled(fn.id.name))) return null;
    return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === fn.id!.name) ?? null;
  }
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
    if (parent.parent.parent?.type === 'ExportNamedDeclaration' && !exportUncalled(parent.id.name)) return null;
    return sourceCode.getDeclaredVariables(parent).find((variable) => variable.name === (parent.id as TSESTree.Identifier).name) ?? null;
  }
  return null;
}

/**
 * Functions that only run at start-up: immediately invoked functions and functions only ever
 * called (never exported, passed along or stored) from the module top level or from other
 * start-up functions — `async function main() {…} main()`, `main().catch(…)`, `void main()`,
 * `(async () => {…})()` — transitively, starting from `seeds` (listen callbacks, plugins…).
 */
export function startupFunctions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  functions: readonly FunctionNode[],
  seeds: ReadonlySet<FunctionNode>,
  /** Exports only this file calls (of the service entry, by name): plain functions here. */
  exportUncalled: ExportUncalled = NEVER,
): Set<FunctionNode> {
  const startup = new Set(seeds);
  const isStartupSite = (node: Node) => {
    const fn = enclosingFunction(node);
    return fn === null || startup.has(fn);
  };
  interface Candidate {
    readonly fn: FunctionNode;
    /** The calls that run it; `null` when some use is not a call (exported, passed along). */
    readonly calls: readonly TSESTree.CallExpression[] | null;
  }
  const candidates: Candidate[] = [];
  for (const fn of functions) {
    // A background loop started at boot works while serving: neither it nor what only it calls is start-up code.
    if (startup.has(fn) || runsBackgroundLoop(fn, sourceCode.visitorKeys)) continue;
    const iife = callOfCallee(fn);
    if (iife) {
      candidates.push({ fn, calls: [iife] });
      continue;
    }
    const variable = bindingOf(sourceCode, fn, exportUncalled);
    if (!variable) continue;
    const calls: TSESTree.CallExpression[] = [];
    let onlyCalls = true;
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (reference.isWrite()) {
        onlyCalls = false;
        break;
      }
      const call = callOfCallee(reference.identifier as Node);
      // A call inside the function itself (recursion) does not start it.
      if (!call) {
        onlyCalls = false;
        break;
      }
      calls.push(call);
    }
    if (onlyCalls && calls.length > 0) candidates.push({ fn, calls });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const { fn, calls } of candidates) {
      if (startup.has(fn) || !calls) continue;
      if (calls.every(isStartupSite)) {
        startup.add(fn);
        changed = true;
      }
    }
  }
  return startup;
}

/**
 * Functions only ever called (never passed along, stored or exported) from start-up code or behind a
 * lazy initialisation (which runs them once): the module top level, start-up functions, or functions `knownStartup` says only start-up code calls
 * (the project model's answer for exported functions). `async function connect()` awaited only
 * from `main()` runs at boot, not per request.
 */
export function calledOnlyFromStartupDecider(
  sourceCode: Readonly<TSESLint.SourceCode>,
  knownStartup: (fn: FunctionNode) => boolean,
  exportUncalled: ExportUncalled = NEVER,
  /** Handlers a framework (or their request-shaped parameters) says serve: what they call is never start-up only. */
  isHandler: (fn: FunctionNode) => boolean = () => false,
): (fn: FunctionNode) => null | undefined {
  const memo = new Map<FunctionNode, boolean>();
  const inProgress = new Set<FunctionNode>();
  const startupOnly = (fn: FunctionNode): boolean => {
    // `http.createServer((req, res) => this.requestHandler(req, res))` inside `start()`: the listener serves.
    if (isHandler(fn) || runsBackgroundLoop(fn, sourceCode.visitorKeys)) return false;
    if (knownStartup(fn)) return true;
    const known = memo.get(fn);
    if (known !== undefined) return known;
    if (inProgress.has(fn)) return false;
    inProgress.add(fn);
    let result = false;
    const variable = bindingOf(sourceCode, fn, exportUncalled);
    const executorOf = promiseExecutorCaller(fn) ?? runOnceCallbackCaller(fn);
    if (executorOf === TOP_LEVEL) result = true;
    else if (executorOf) {
      // `new Promise(async (resolve) => …)` runs its executor inside the function that makes the promise.
      result = startupOnly(executorOf);
    } else if (!variable && isConstructor(fn)) {
      // `constructor() { this.startLoops(); }`: it runs where the class is instantiated, when every `new` of it is in this file.
      const sites = constructionSitesOf(sourceCode, fn);
      result = sites !== null && sites.length > 0 && sites.every((site) => {
        const caller = enclosingFunction(site);
        return caller === null || (caller !== fn && (runsOnce(sourceCode, site) || startupOnly(caller)));
      });
    } else if (!variable && isMethod(fn)) {
      // `this.loadModel()` calls of a method, all inside start-up code.
      const calls = callSitesOf(sourceCode, fn);
      result = calls.length > 0 && calls.every((call) => {
        const caller = enclosingFunction(call);
        return caller !== null && caller !== fn && (runsOnce(sourceCode, call) || startupOnly(caller));
      });
    } else if (variable) {
      let calls = 0;
      let onlyStartupCalls = true;
      for (const reference of variable.references) {
        if (reference.init) continue;
        const call = reference.isWrite() ? null : callOfCallee(reference.identifier as Node);
        if (!call) {
          onlyStartupCalls = false;
          break;
        }
        const caller = enclosingFunction(call);
        if (caller === fn || isDelayedRetry(caller, fn)) continue;
        // A lazy initialisation (`loading ??= load()`) runs it once, whoever calls the function around it.
        if (caller !== null && !runsOnce(sourceCode, call) && !startupOnly(caller)) {
          onlyStartupCalls = false;
          break;
        }
        calls++;
      }
      result = onlyStartupCalls && calls > 0;
    }
    inProgress.delete(fn);
    memo.set(fn, result);
    return result;
  };
  return (fn) => (startupOnly(fn) ? null : undefined);
}

/** Timers that run a callback once, later. */
const ONE_SHOT_TIMERS = new Set(['setTimeout', 'setImmediate']);

/**
 * `setTimeout(() => connect(), 3000)` written inside `connect` (in a listener it adds, too): a
 * reconnect or retry runs `connect` again where it already runs, so it does not start it elsewhere.
 */
function isDelayedRetry(caller: FunctionNode | null, fn: FunctionNode): boolean {
  const timer = caller?.parent;
  if (timer?.type !== 'CallExpression' || timer.arguments[0] !== caller) return false;
  const callee = timer.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
  if (name === null || !ONE_SHOT_TIMERS.has(name)) return false;
  for (let node: Node | undefined = timer.parent; node; node = node.parent) if (node === fn) return true;
  return false;
}

const TOP_LEVEL = 'top-level' as const;

/** Promise callbacks: they run once, when the promise settles. */
const SETTLE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * The function around a call that runs `fn`, written in place, once on behalf of it: `promisify(fn)()`
 * and a promise's `.then(fn)`/`.catch(fn)`/`.finally(fn)` (`TOP_LEVEL` at module level).
 */
function runOnceCallbackCaller(fn: FunctionNode): FunctionNode | typeof TOP_LEVEL | null {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  const callee = unwrapExpression(call.callee);
  const promisified = callee.type === 'Identifier' && callee.name === 'promisify' && call.arguments[0] === fn && call.parent?.type === 'CallExpression' && call.parent.callee === call;
  const name = callee.type === 'MemberExpression' ? staticPropertyName(callee) : callee.type === 'Identifier' ? callee.name : null;
  const settles = callee.type === 'MemberExpression' && SETTLE_METHODS.has(name ?? '');
  // A plain completion callback (`fs.readFile(path, (err, data) => …)`, `isFresh((fresh) => …)`): called
  // back once for this call. Not one that could be a listener or a registration (`bot.on`, `router.get`).
  const completion = !fn.async && name !== null && !REGISTERS.test(name) && call.arguments.at(-1) === fn;
  if (!promisified && !settles && !completion) return null;
  return enclosingFunction(call) ?? TOP_LEVEL;
}

/** Callee names that may register a function to run later, many times (listeners, routes, commands, hooks). */
const REGISTERS = /^(?:on|once|add|register|subscribe|use|handle|listen|watch|get|post|put|patch|delete|del|all|head|options|route|command|hears|action|process|consume|schedule|every|set(?:Interval|Timeout|Immediate))|(?:Listener|Handler|Hook|Callback)s?$/i;

/** The function around `new Promise(fn)` when `fn` is the executor written in place. */
function promiseExecutorCaller(fn: FunctionNode): FunctionNode | null {
  const parent = fn.parent;
  if (parent?.type !== 'NewExpression' || parent.arguments[0] !== fn) return null;
  if (parent.callee.type !== 'Identifier' || parent.callee.name !== 'Promise') return null;
  return enclosingFunction(parent);
}

function isConstructor(fn: FunctionNode): boolean {
  return fn.parent?.type === 'MethodDefinition' && fn.parent.kind === 'constructor';
}

/**
 * The `new C(…)` of a class whose constructor is `fn`, when they are all the class's uses: a class
 * declared in this file, not exported, never passed or stored (else `null`, the callers are not all known).
 */
function constructionSitesOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.NewExpression[] | null {
  const classNode = fn.parent?.parent?.parent;
  if (classNode?.type !== 'ClassDeclaration' || !classNode.id) return null;
  if (classNode.parent?.type === 'ExportNamedDeclaration' || classNode.parent?.type === 'ExportDefaultDeclaration') return null;
  const variable = sourceCode.getDeclaredVariables(classNode).find((candidate) => candidate.name === classNode.id!.name);
  if (!variable) return null;
  const sites: TSESTree.NewExpression[] = [];
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    // Its own name inside the class (`static create() { return new Updater() }`) is a use like any other.
    if (parent?.type !== 'NewExpression' || parent.callee !== reference.identifier) return null;
    sites.push(parent);
  }
  return sites;
}

function isMethod(fn: FunctionNode): boolean {
  return fn.parent?.type === 'MethodDefinition' && fn.parent.kind === 'method';
}

/**
 * The same-file calls of `fn`: by its name (`function listen`, `const listen = …`, a name the
 * scope resolves), or as `this.name()` / `this.#name()` inside its class for a method.
 */
export function callSitesOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.CallExpression[] {
  const sites: TSESTree.CallExpression[] = [];
  const parent = fn.parent;
  if (parent?.type === 'MethodDefinition' && parent.value === fn && parent.kind === 'method') {
    const key = parent.key.type === 'PrivateIdentifier' ? `#${parent.key.name}` : parent.key.type === 'Identifier' && !parent.computed ? parent.key.name : null;
    if (key === null) return sites;
    const walk = (node: Node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === (parent.static ? 'Identifier' : 'ThisExpression')) {
        const property = node.callee.property;
        const name = property.type === 'PrivateIdentifier' ? `#${property.name}` : property.type === 'Identifier' && !node.callee.computed ? property.name : null;
        if (name === key) sites.push(node);
      }
      forEachChild(node, sourceCode.visitorKeys, walk);
    };
    walk(parent.parent);
    return sites;
  }
  let variable: TSESLint.Scope.Variable | undefined;
  if (fn.type === 'FunctionDeclaration' && fn.id) variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === fn.id!.name);
  else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    variable = sourceCode.getDeclaredVariables(parent).find((candidate) => candidate.name === name);
  }
  for (const reference of variable?.references ?? []) {
    const call = callOfCallee(reference.identifier as Node);
    if (call) sites.push(call);
  }
  return sites;
}
