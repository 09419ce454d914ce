import { isBuiltin } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CALL_RESULT, CONSTRUCT_RESULT, displayPath } from '../catalog/define.js';
import type { CatalogEntry } from '../catalog/types.js';
import type { FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import type { WorkerPoolSetting } from '../settings.js';
import { ensureBinding, type ModuleKind } from './imports.js';
import { buildAwaitFix, type SwapFix } from './swap-to-async.js';

// The worker-pool suggestion: `bcrypt.hashSync(pw, 10)` -> `await offload('bcryptjs', 'hashSync', pw, 10)`,
// where `offload` is the user's helper (`settings['event-loop'].workerPool`, docs/worker-pool.md).
// The worker imports the module itself, so only module-level exports can move, and only with
// arguments that survive the structured clone into the worker.

type Node = TSESTree.Node;

/** Globals that are plain values. */
const VALUE_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/**
 * Where the worker imports the API from: `node:` for builtins; `null` for instance APIs, sleeps, and
 * file-relative specifiers (they would resolve from the worker's file).
 */
export function offloadModule(entry: CatalogEntry): string | null {
  if (entry.path.includes(CALL_RESULT) || entry.path.includes(CONSTRUCT_RESULT)) return null;
  // A sleep moved to a worker still holds a thread for nothing: a timer is the fix, not a pool.
  if (entry.family === 'busy-wait') return null;
  if (/^(?:\.{1,2}(?:\/|$)|\/|file:)/.test(entry.module)) return null;
  return isBuiltin(entry.module) && !entry.module.startsWith('node:') ? `node:${entry.module}` : entry.module;
}

function findVariable(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return null;
}

/**
 * A bare identifier is taken to hold data (a parameter, a variable, a destructured value), unless
 * this file binds it to a function, a class, an import (a module's export is often a function) or
 * a `new` instance (an instance loses its prototype and methods in the clone). Globals other than
 * `undefined`/`NaN`/`Infinity` are not data.
 */
function identifierCrosses(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return VALUE_GLOBALS.has(identifier.name);
  return variable.defs.every((definition) => {
    switch (definition.type) {
      case 'FunctionName':
      case 'ClassName':
      case 'ImportBinding':
      case 'TSEnumName':
      case 'TSModuleName':
        return false;
      case 'Variable': {
        const init = definition.node.init && definition.node.id.type === 'Identifier' ? stripTypes(definition.node.init) : null;
        return !init || !['ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression', 'NewExpression'].includes(init.type);
      }
      default:
        return true;
    }
  });
}

function stripTypes(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSTypeAssertion') {
    current = current.expression;
  }
  return current;
}

/**
 * Whether an argument can be structured-cloned into a worker as far as the source shows:
 * literals, identifiers holding data, member reads (`req.body.password`, `process.env.ROUNDS`, not
 * from `this`), template literals, arrays and object literals of those, and operators on them.
 * Functions, classes, `this`, `new`, calls, spreads and methods cannot cross (or are not known to).
 */
export function crossesThreads(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): boolean {
  switch (node.type) {
    case 'Literal':
      return true;
    case 'Identifier':
      return identifierCrosses(sourceCode, node);
    case 'MemberExpression': {
      let object: Node = node;
      while (object.type === 'MemberExpression') {
        if (object.computed && !crossesThreads(sourceCode, object.property)) return false;
        if (object.property.type === 'PrivateIdentifier') return false;
        object = stripTypes(object.object as TSESTree.Expression);
      }
      return object.type === 'Identifier' && (findVariable(sourceCode, object)?.defs.every((definition) => definition.type !== 'FunctionName' && definition.type !== 'ClassName') ?? true);
    }
    case 'TemplateLiteral':
      return node.expressions.every((expression) => crossesThreads(sourceCode, expression));
    case 'ArrayExpression':
      return node.elements.every((element) => element === null || (element.type !== 'SpreadElement' && crossesThreads(sourceCode, element)));
    case 'ObjectExpression':
      return node.properties.every(
        (property) =>
          property.type === 'Property' &&
          property.kind === 'init' &&
          !property.method &&
          (!property.computed || crossesThreads(sourceCode, property.key)) &&
          crossesThreads(sourceCode, property.value),
      );
    case 'UnaryExpression':
      return node.operator !== 'delete' && crossesThreads(sourceCode, node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return node.left.type !== 'PrivateIdentifier' && crossesThreads(sourceCode, node.left) && crossesThreads(sourceCode, node.right);
    case 'ConditionalExpression':
      return crossesThreads(sourceCode, node.test) && crossesThreads(sourceCode, node.consequent) && crossesThreads(sourceCode, node.alternate);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return crossesThreads(sourceCode, node.expression);
    default:
      return false;
  }
}

export interface OffloadRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly use: BlockingUse;
  readonly pool: WorkerPoolSetting;
  readonly moduleKind: ModuleKind;
  readonly makeAsync: FunctionNode | null;
}

/**
 * `hashSync(pw, 10)` -> `await offload('bcryptjs', 'hashSync', pw, 10)` with the helper's import
 * added, in the shapes of every await rewrite (in place, handler made async, `Promise.all`).
 * `null` when the API is an instance method, the call is not a plain call (`.call`, `?.`, a
 * tagged template) or an argument cannot cross to a worker.
 */
export function buildOffloadFix({ sourceCode, use, pool, moduleKind, makeAsync }: OffloadRequest): SwapFix | null {
  const call = use.call;
  const module = offloadModule(use.payload);
  if (!module || call?.type !== 'CallExpression' || call.optional || use.reference !== use.target) return null;
  if (call.parent.type === 'ChainExpression') return null;
  if (!call.arguments.every((argument) => argument.type !== 'SpreadElement' && crossesThreads(sourceCode, argument))) return null;
  const exportPath = use.payload.path.length === 0 ? 'default' : displayPath(use.payload.path);
  const helper = ensureBinding(sourceCode, call, pool.module, pool.export, moduleKind);
  const args = [`'${module.replace(/'/g, "\\'")}'`, `'${exportPath}'`, ...call.arguments.map((argument) => sourceCode.getText(argument))];
  return buildAwaitFix({
    sourceCode,
    at: call,
    replaced: call,
    expression: `await ${helper.text}(${args.join(', ')})`,
    unary: true,
    fixes: helper.fixes,
    makeAsync,
  });
}
