import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AsyncTwin } from '../catalog/index.js';
import { isFunction, staticPropertyName, type FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { ensureBinding, type ModuleKind } from './imports.js';
import { asyncKeywordFix } from './make-async.js';

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

export type SwapShape =
  /** The call sits directly in an async function: `await` in place. */
  | 'in-place'
  /** The call sits in a sync function that the fix makes async (a route handler). */
  | 'make-async'
  /** The call sits in a sync `.map`/`.forEach` callback of an async function: `await Promise.all(...)`. */
  | 'promise-all';

export interface SwapFix {
  readonly shape: SwapShape;
  readonly fix: (fixer: Fixer) => Fix[];
}

/** Where the rewritten expression is a unary `await …`, these parents need it parenthesised. */
export function needsParentheses(node: Node, unary: boolean): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'NewExpression':
      return parent.callee === node;
    case 'MemberExpression':
      return unary && parent.object === node;
    case 'CallExpression':
      return unary && parent.callee === node;
    case 'TaggedTemplateExpression':
      return unary && parent.tag === node;
    case 'BinaryExpression':
      return unary && parent.operator === '**' && parent.left === node;
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.superClass === node;
    case 'TSNonNullExpression':
      return unary;
    default:
      return false;
  }
}

function isInsideParameters(node: Node, fn: FunctionNode): boolean {
  for (let current: Node | undefined = node; current && current !== fn; current = current.parent) {
    if (current.parent === fn && fn.params.includes(current as TSESTree.Parameter)) return true;
  }
  return false;
}

/** The innermost function around `node`, if `node` is inside one (class fields and static blocks excluded). */
export function innermostFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return null;
  }
  return null;
}

/** `items.map(cb)` (any use) or `items.forEach(cb)` (as a statement) whose first argument is `fn`. */
function collectionCall(fn: FunctionNode): { call: TSESTree.CallExpression; forEach: TSESTree.Identifier | null } | null {
  const call = fn.parent;
  if (fn.type === 'FunctionDeclaration' || fn.generator || call?.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
  if (call.callee.type !== 'MemberExpression' || call.optional || call.callee.optional) return null;
  const method = staticPropertyName(call.callee);
  if (method === 'map') return { call, forEach: null };
  if (method === 'forEach' && call.parent.type === 'ExpressionStatement' && call.callee.property.type === 'Identifier' && !call.callee.computed) {
    return { call, forEach: call.callee.property };
  }
  return null;
}

export interface SwapRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly use: BlockingUse & { readonly call: TSESTree.CallExpression };
  readonly twin: AsyncTwin;
  readonly moduleKind: ModuleKind;
  /** A visible variable holding the API's whole module object (`fs`), reused before adding an import. */
  readonly moduleObject: string | null;
  /** A sync function the caller allows the fix to make `async` (a route handler), if any. */
  readonly makeAsync: FunctionNode | null;
}

/**
 * Rewrites a blocking call into its awaited async twin, keeping the value the code used:
 * `fs.readFileSync(p, 'utf8')` -> `await fs.promises.readFile(p, 'utf8')`, or
 * `await readFile(p, 'utf8')` with the import added. Returns `null` when no rewrite stays valid.
 */
export function buildSwapFix({ sourceCode, use, twin, moduleKind, moduleObject, makeAsync }: SwapRequest): SwapFix | null {
  const { call, target } = use;
  const inner = innermostFunction(call);
  if (!inner || (inner.generator && !inner.async) || isInsideParameters(call, inner)) return null;

  let shape: SwapShape;
  let collection: ReturnType<typeof collectionCall> = null;
  if (inner.async) {
    shape = 'in-place';
  } else if (makeAsync === inner && asyncKeywordFix(sourceCode, inner)) {
    shape = 'make-async';
  } else {
    collection = collectionCall(inner);
    const outer = collection && innermostFunction(collection.call);
    if (!collection || !outer?.async || isInsideParameters(collection.call, outer)) return null;
    shape = 'promise-all';
  }

  // The function expression that reaches the twin from the call site.
  let reach: { text: string; fixes: (fixer: Fixer) => Fix[] };
  if (twin.member && use.onModuleObject && target.type === 'MemberExpression') {
    const objectText = sourceCode.getText(target.object);
    reach = { text: [objectText, ...twin.member].join('.'), fixes: () => [] };
  } else if (twin.member && moduleObject) {
    reach = { text: [moduleObject, ...twin.member].join('.'), fixes: () => [] };
  } else {
    reach = ensureBinding(sourceCode, call, twin.module, twin.name, moduleKind);
  }
  if (twin.promisify) {
    const promisify = ensureBinding(sourceCode, call, 'node:util', 'promisify', moduleKind);
    const inner = reach;
    reach = { text: `${promisify.text}(${inner.text})`, fixes: (fixer) => [...promisify.fixes(fixer), ...inner.fixes(fixer)] };
  }

  // The call with only the API reference swapped: keeps arguments, comments, `.call(...)`, `?.`.
  const callText = sourceCode.getText(call);
  const start = call.range[0];
  const newCall = callText.slice(0, target.range[0] - start) + reach.text + callText.slice(target.range[1] - start);
  const replaced: Node = call.parent.type === 'ChainExpression' ? call.parent : call;
  const unary = twin.template.startsWith('await');
  let expression = twin.template.replace('$', newCall);
  if (needsParentheses(replaced, unary)) expression = `(${expression})`;

  return {
    shape,
    fix(fixer) {
      const fixes = [...reach.fixes(fixer), fixer.replaceText(replaced, expression)];
      if (shape === 'make-async') fixes.push(asyncKeywordFix(sourceCode, inner)!(fixer));
      if (shape === 'promise-all' && collection) {
        fixes.push(asyncKeywordFix(sourceCode, inner)!(fixer));
        if (collection.forEach) fixes.push(fixer.replaceText(collection.forEach, 'map'));
        const wrapInParens = needsParentheses(collection.call, true);
        fixes.push(fixer.insertTextBefore(collection.call, `${wrapInParens ? '(' : ''}await Promise.all(`));
        fixes.push(fixer.insertTextAfter(collection.call, wrapInParens ? '))' : ')'));
      }
      return fixes;
    },
  };
}
