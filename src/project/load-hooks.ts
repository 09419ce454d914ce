import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { functionValues, variableOf } from '../context/function-values.js';
import { forEachChild, isFunction } from '../resolve/ast.js';
import type { ProjectSourceCode } from './parse.js';

type Node = TSESTree.Node;

const cache = new WeakMap<Node, ReadonlySet<string>>();
const dynamicLoads = new WeakMap<Node, Node[]>();

/** Every load by a path that is not a literal: `import(file.path)`, `require(name)`, `` require(`./${x}`) ``. */
export function dynamicLoadCalls(sourceCode: ProjectSourceCode): Node[] {
  let found = dynamicLoads.get(sourceCode.ast);
  if (!found) {
    const calls: Node[] = [];
    const visit = (node: Node) => {
      const argument =
        node.type === 'ImportExpression' ? node.source : node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' ? node.arguments[0] : undefined;
      if (argument && argument.type !== 'Literal') calls.push(node);
      forEachChild(node, sourceCode.visitorKeys, visit);
    };
    visit(sourceCode.ast);
    dynamicLoads.set(sourceCode.ast, (found = calls));
  }
  return found;
}

/**
 * The member names a loader calls, while it loads, on what it loads: in the function making a computed
 * load (or the module top), calls on a local bound to the load or to a `new` of something
 * (`const plugin = new Plugin()`, `const mod = require(file)`), and in a same-file helper it hands such a
 * local to, calls on that parameter (`this.runInit(plugin)` → `plugin.init()`). A loaded class's method of
 * one of these names is a hook run at load time.
 */
export function loadTimeCalls(sourceCode: ProjectSourceCode, load: Node): ReadonlySet<string> {
  const cached = cache.get(load);
  if (cached) return cached;
  const names = new Set<string>();
  let loading: Node = sourceCode.ast;
  for (let current = load.parent; current; current = current.parent) {
    if (isFunction(current)) {
      loading = current;
      break;
    }
  }
  const instances = new Set<TSESLint.Scope.Variable>();
  // Locals the loading code binds to what it loads or makes.
  const collect = (node: Node) => {
    if (node.type === 'VariableDeclarator' && node.init && (node.init.type === 'NewExpression' || contains(node.init, load))) {
      for (const variable of sourceCode.getDeclaredVariables(node)) if (variable.scope.type !== 'module' && variable.scope.type !== 'global') instances.add(variable);
    }
    forEachChild(node, sourceCode.visitorKeys, collect);
  };
  collect(loading);
  // The identifiers that read those locals, kept as they are added (helpers' parameters join later).
  const reads = new Set<Node>();
  const addInstance = (variable: TSESLint.Scope.Variable) => {
    for (const reference of variable.references) reads.add(reference.identifier as Node);
  };
  for (const variable of instances) addInstance(variable);
  const isInstance = (receiver: Node): boolean => receiver.type === 'Identifier' && reads.has(receiver);
  const visit = (node: Node, helpers: boolean, root: Node) => {
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      const receiver = callee.type === 'MemberExpression' ? callee.object : null;
      // `plugin.init()`, and `new Schema().run(db)` on a class the load gave.
      const onLoaded = receiver !== null && (isInstance(receiver) || (receiver.type === 'NewExpression' && isInstance(receiver.callee)));
      if (onLoaded && callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') names.add(callee.property.name);
      // One hand-off deep: a helper of this file given such a local (`this.runInit(plugin)`).
      if (helpers) {
        node.arguments.forEach((argument, index) => {
          if (!isInstance(argument)) return;
          for (const fn of functionValues(sourceCode, node.callee, { keys: [], throughCalls: false })) {
            const parameter = fn.params[index];
            if (fn === loading || parameter?.type !== 'Identifier') continue;
            for (const variable of sourceCode.getDeclaredVariables(fn)) if (variable.name === parameter.name) addInstance(variable);
            visit(fn, false, fn);
          }
        });
      }
    }
    // A nested function runs now only when an iteration runs it (`lodash.forEach(tmp, (p) => …)`); a listener
    // (`client.on(name, (...args) => event.execute(...args))`) runs later, per event.
    if (node !== root && isFunction(node) && !iteratedNow(node)) return;
    forEachChild(node, sourceCode.visitorKeys, (child) => visit(child, helpers, root));
  };
  visit(loading, true, loading);
  cache.set(load, names);
  return names;
}

/** Callees that run the function they are given before they return. */
const ITERATIONS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'reduce', 'each', 'forIn', 'forOwn']);

function iteratedNow(fn: Node): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
  return name !== null && ITERATIONS.has(name);
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The method a key names (`init` of `role.new().init`, `run` of `default.run`); `null` for a module or a call result. */
export function memberNameOf(key: string): string | null {
  const last = key.split('.').at(-1);
  return last === undefined || last === 'new()' || last === '()' || last === 'default' || last === '<module>' ? null : last;
}


const registryCalls = new WeakMap<Node, Map<string, Node[]>>();

/**
 * Calls of member `hook` on a value looked up in a registry: `client.commands.get(name).execute(…)`,
 * `commands[name].run(…)`, and a local holding such a lookup (`const command = commands.get(name) ||
 * commands.find(…)`, then `command.execute(…)`). What a loader stores in a registry runs there.
 */
export function registryMemberCalls(sourceCode: ProjectSourceCode, hook: string): readonly Node[] {
  let byHook = registryCalls.get(sourceCode.ast);
  if (!byHook) registryCalls.set(sourceCode.ast, (byHook = new Map()));
  let found = byHook.get(hook);
  if (found) return found;
  const calls: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === hook && isLookup(sourceCode, callee.object, 0)) calls.push(node);
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(sourceCode.ast);
  byHook.set(hook, (found = calls));
  return found;
}

/** `registry.get(key)`, `registry.find(fn)`, `registry[key]`, `a || b` of those, or a local set once to one. */
function isLookup(sourceCode: ProjectSourceCode, node: Node, depth: number): boolean {
  if (node.type === 'ChainExpression' || node.type === 'TSNonNullExpression') return isLookup(sourceCode, node.expression, depth);
  if (node.type === 'MemberExpression') return node.computed && node.property.type !== 'Literal';
  if (node.type === 'CallExpression') {
    const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
    return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && (callee.property.name === 'get' || callee.property.name === 'find') && node.arguments.length > 0;
  }
  if (node.type === 'LogicalExpression') return isLookup(sourceCode, node.left, depth) || isLookup(sourceCode, node.right, depth);
  if (node.type !== 'Identifier' || depth > 0) return false;
  const variable = variableOf(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = definition?.node.type === 'VariableDeclarator' && definition.node.id.type === 'Identifier' ? definition.node.init : null;
  return init !== null && init !== undefined && isLookup(sourceCode, init.type === 'AwaitExpression' ? init.argument : init, depth + 1);
}
