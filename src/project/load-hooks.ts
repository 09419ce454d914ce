import type { TSESTree } from '@typescript-eslint/utils';
import { functionValues } from '../context/function-values.js';
import { forEachChild, isFunction, type FunctionNode } from '../resolve/ast.js';
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
 * The member names a loader calls while it loads: in the function making a computed load (or the
 * module top, for a top-level load) and in the same-file functions it calls (`this.runInit(plugin)` →
 * `plugin.init()`). A loaded class's method of one of these names is a hook run at load time.
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
  const called = new Set<FunctionNode>();
  const visit = (node: Node, depth: number) => {
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && !isModuleValue(sourceCode, callee.object)) names.add(callee.property.name);
      // One hand-off deep: a helper of this file the loading function calls.
      if (depth === 0) {
        for (const fn of functionValues(sourceCode, node.callee, { keys: [], throughCalls: false })) {
          if (fn !== loading && !called.has(fn)) called.add(fn);
        }
      }
    }
    // A top-level load: only the module's own statements, not the functions it declares.
    if (loading.type === 'Program' && node !== loading && isFunction(node) && node.parent?.type !== 'CallExpression') return;
    forEachChild(node, sourceCode.visitorKeys, (child) => visit(child, depth));
  };
  visit(loading, 0);
  for (const fn of called) visit(fn, 1);
  cache.set(load, names);
  return names;
}

/** The method a key names (`init` of `role.new().init`, `run` of `default.run`); `null` for a module or a call result. */
export function memberNameOf(key: string): string | null {
  const last = key.split('.').at(-1);
  return last === undefined || last === 'new()' || last === '()' || last === 'default' || last === '<module>' ? null : last;
}

/** A global or a module-scope import (`logger.info`, `fs.readdirSync`, `lodash.forEach`): not a loaded value. */
function isModuleValue(sourceCode: ProjectSourceCode, receiver: Node): boolean {
  if (receiver.type !== 'Identifier') return false;
  for (let scope: ReturnType<typeof sourceCode.getScope> | null = sourceCode.getScope(receiver); scope; scope = scope.upper) {
    const variable = scope.set.get(receiver.name);
    if (!variable) continue;
    const def = variable.defs[0];
    if (!def) return true;
    if (def.type === 'ImportBinding') return true;
    return (scope.type === 'module' || scope.type === 'global') && def.type === 'Variable' && def.node.init?.type === 'CallExpression' && def.node.init.callee.type === 'Identifier' && def.node.init.callee.name === 'require';
  }
  return true;
}
