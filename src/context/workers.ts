import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requireSource, staticPropertyName, unwrapExpression, type FunctionNode } from '../resolve/ast.js';
import type { WorkerPoolSetting } from '../settings.js';
import type { ContextDecider } from './serving-context.js';

// Code that runs in a worker thread is not on the main event loop: blocking there is the point of a
// worker. This file finds it: whole worker files (by imports or by the `workerFiles` setting),
// `if (!isMainThread)` branches, and functions handed to the configured offload helper.

type Node = TSESTree.Node;

const WORKER_THREADS = new Set(['worker_threads', 'node:worker_threads']);
/** What only a worker thread reads: a file importing these (and not `isMainThread`) is a worker's entry module. */
const WORKER_SIDE = new Set(['parentPort', 'workerData']);


/** What a file takes from `worker_threads` and `workerpool`, read from its top-level imports and requires. */
interface ThreadImports {
  /** Names imported from worker_threads (`parentPort`, `isMainThread`, …), whatever their local names. */
  readonly imported: Set<string>;
  /** Local names of `isMainThread`. */
  readonly isMainThread: Set<string>;
  /** Local names of the whole worker_threads module (`wt.isMainThread`). */
  readonly threadsObjects: Set<string>;
  /** Local names of the workerpool module, and of its `worker` export. */
  readonly workerpoolObjects: Set<string>;
  readonly workerpoolWorker: Set<string>;
}

function threadImports(program: TSESTree.Program): ThreadImports {
  const found: ThreadImports = { imported: new Set(), isMainThread: new Set(), threadsObjects: new Set(), workerpoolObjects: new Set(), workerpoolWorker: new Set() };
  const take = (module: string, imported: string | null, local: string) => {
    if (WORKER_THREADS.has(module)) {
      if (imported === null) found.threadsObjects.add(local);
      else {
        found.imported.add(imported);
        if (imported === 'isMainThread') found.isMainThread.add(local);
      }
    } else if (module === 'workerpool') {
      if (imported === null) found.workerpoolObjects.add(local);
      else if (imported === 'worker') found.workerpoolWorker.add(local);
    }
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          take(statement.source.value, imported === 'default' ? null : imported, specifier.local.name);
        } else take(statement.source.value, null, specifier.local.name);
      }
      continue;
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      // `const { parentPort } = require('worker_threads')`, `const wt = require('worker_threads')`,
      // `const parentPort = require('worker_threads').parentPort`.
      const direct = requireSource(init);
      if (direct !== null) {
        if (declarator.id.type === 'Identifier') take(direct, null, declarator.id.name);
        else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type !== 'Property') continue;
            const key = staticPropertyName(property);
            const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
            if (key !== null && value.type === 'Identifier') take(direct, key, value.name);
          }
        }
      } else if (init?.type === 'MemberExpression' && declarator.id.type === 'Identifier') {
        const source = requireSource(init.object);
        const key = staticPropertyName(init);
        if (source !== null && key !== null) take(source, key, declarator.id.name);
      }
    }
  }
  return found;
}

/** `workerpool.worker({ … })` or `worker({ … })` (from workerpool) as a top-level statement. */
function registersWorkerpoolWorker(program: TSESTree.Program, imports: ThreadImports): boolean {
  if (imports.workerpoolObjects.size === 0 && imports.workerpoolWorker.size === 0) return false;
  return program.body.some((statement) => {
    if (statement.type !== 'ExpressionStatement') return false;
    const call = unwrapExpression(statement.expression);
    if (call.type !== 'CallExpression') return false;
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'Identifier') return imports.workerpoolWorker.has(callee.name);
    return (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      imports.workerpoolObjects.has(callee.object.name) &&
      staticPropertyName(callee) === 'worker'
    );
  });
}

/**
 * Whether the whole file runs in worker threads: it imports `parentPort` or `workerData` from
 * `worker_threads` without `isMainThread` (a file that checks `isMainThread` runs on both sides,
 * see `workerDecider`), or registers a workerpool worker.
 */
export function isWorkerModule(program: TSESTree.Program): boolean {
  const imports = threadImports(program);
  const workerSide = [...imports.imported].some((name) => WORKER_SIDE.has(name));
  if (workerSide && !imports.imported.has('isMainThread') && imports.threadsObjects.size === 0) return true;
  return registersWorkerpoolWorker(program, imports);
}

/** `isMainThread` or `wt.isMainThread` read from worker_threads (not a shadowing local). */
function readsIsMainThread(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, imports: ThreadImports): boolean {
  const expression = unwrapExpression(node as TSESTree.Expression);
  let root: TSESTree.Identifier | null = null;
  if (expression.type === 'Identifier' && imports.isMainThread.has(expression.name)) root = expression;
  else if (
    expression.type === 'MemberExpression' &&
    expression.object.type === 'Identifier' &&
    imports.threadsObjects.has(expression.object.name) &&
    staticPropertyName(expression) === 'isMainThread'
  ) {
    root = expression.object;
  }
  if (!root) return false;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(root); scope; scope = scope.upper) {
    const variable = scope.set.get(root.name);
    if (variable) return scope.type === 'module' || scope.type === 'global';
  }
  return false;
}

/** Whether `node` sits in a branch that only runs off the main thread: `if (!isMainThread) {…}` or `if (isMainThread) … else {…}`. */
function inWorkerBranch(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, imports: ThreadImports): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== 'IfStatement' && parent.type !== 'ConditionalExpression') continue;
    const test = unwrapExpression(parent.test);
    if (child === parent.consequent && test.type === 'UnaryExpression' && test.operator === '!' && readsIsMainThread(sourceCode, test.argument, imports)) return true;
    if (child === parent.alternate && readsIsMainThread(sourceCode, test, imports)) return true;
  }
  return false;
}

/** Local names under which the offload helper is reachable: `offload(…)` and `pool.offload(…)`. */
function helperNames(program: TSESTree.Program, pool: WorkerPoolSetting): { direct: Set<string>; objects: Set<string> } {
  const direct = new Set<string>();
  const objects = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.source.value !== pool.module || statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          if (imported === pool.export) direct.add(specifier.local.name);
        } else if (specifier.type === 'ImportDefaultSpecifier' && pool.export === 'default') direct.add(specifier.local.name);
        else objects.add(specifier.local.name);
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (requireSource(init) !== pool.module) continue;
        if (declarator.id.type === 'Identifier') (pool.export === 'default' ? direct : objects).add(declarator.id.name);
        else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type === 'Property' && staticPropertyName(property) === pool.export && property.value.type === 'Identifier') direct.add(property.value.name);
          }
        }
      }
    }
  }
  return { direct, objects };
}

/** Whether `fn` is an argument of a call of the offload helper (it runs in the pool, not here). */
function passedToHelper(fn: FunctionNode, names: { direct: Set<string>; objects: Set<string> }, exportName: string): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return names.direct.has(callee.name);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && names.objects.has(callee.object.name) && staticPropertyName(callee) === exportName;
}

/**
 * Decides `null` (never serving) for functions that run off the main thread: inside
 * `if (!isMainThread)` / the else-branch of `if (isMainThread)`, or passed to the offload helper.
 * `undefined` for the rest, or no decider at all when the file has neither.
 */
export function workerDecider(sourceCode: Readonly<TSESLint.SourceCode>, pool: WorkerPoolSetting | null): ContextDecider | null {
  const program = sourceCode.ast;
  const imports = threadImports(program);
  const branches = imports.isMainThread.size > 0 || imports.threadsObjects.size > 0;
  const helper = pool ? helperNames(program, pool) : null;
  const passing = helper !== null && (helper.direct.size > 0 || helper.objects.size > 0);
  if (!branches && !passing) return null;
  return (fn) => {
    if (passing && passedToHelper(fn, helper, pool!.export)) return null;
    if (branches && inWorkerBranch(sourceCode, fn, imports)) return null;
    return undefined;
  };
}
