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
  readonly use: BlockingUse & { readonly call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression };
  readonly twin: AsyncTwin;
  readonly moduleKind: ModuleKind;
  /** A visible variable holding the API's whole module object (`fs`), reused before adding an import. */
  readonly moduleObject: string | null;
  /** A sync function the caller allows the fix to make `async` (a route handler), if any. */
  readonly makeAsync: FunctionNode | null;
  /** Overrides `twin.template` (a fix builder that knows how the result is used). */
  readonly template?: string;
  /** An expression around the call that the rewrite replaces as a whole (`execSync(c).toString()`). */
  readonly replaced?: Node;
  /** Text inserted at a source offset inside the call (`, { encoding: 'buffer' }` after the last argument). */
  readonly insert?: { readonly at: number; readonly text: string };
}

/** What a rewrite into awaited code needs: where the blocking call is and what replaces what. */
export interface AwaitRewrite {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The blocking call (decides the enclosing function that must be async). */
  readonly at: Node;
  /** The node replaced: an expression, or a whole statement (`expression` then ends with `;`). */
  readonly replaced: Node;
  /** Replacement text; parenthesised where `unary` (it starts with `await`) and the parent needs it. */
  readonly expression: string;
  readonly unary: boolean;
  /** Further edits: imports, bindings. */
  readonly fixes: (fixer: Fixer) => Fix[];
  readonly makeAsync: FunctionNode | null;
}

/**
 * Decides how an `await` can be introduced at `at` (in place, by making the handler async, or by
 * turning a `.map`/`.forEach` callback async under `Promise.all`) and builds the fix that replaces
 * `replaced` with `expression`. `null` when no shape keeps the code valid.
 */
export function buildAwaitFix({ sourceCode, at, replaced, expression, unary, fixes: extra, makeAsync }: AwaitRewrite): SwapFix | null {
  const inner = innermostFunction(at);
  if (!inner || (inner.generator && !inner.async) || isInsideParameters(at, inner)) return null;

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
  // `await fs.readFileSync(p)` already awaits: the rewrite adds no second `await`.
  const awaited = unary && replaced.parent?.type === 'AwaitExpression' && expression.startsWith('await ');
  const bare = awaited ? expression.slice('await '.length) : expression;
  const text = !awaited && needsParentheses(replaced, unary) ? `(${bare})` : bare;

  return {
    shape,
    fix(fixer) {
      const fixes = [...extra(fixer), fixer.replaceText(replaced, text)];
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

/**
 * Rewrites a blocking call into its awaited async twin, keeping the value the code used:
 * `fs.readFileSync(p, 'utf8')` -> `await fs.promises.readFile(p, 'utf8')`, or
 * `await readFile(p, 'utf8')` with the import added. Returns `null` when no rewrite stays valid.
 */
export function buildSwapFix({ sourceCode, use, twin, moduleKind, moduleObject, makeAsync, template, replaced: around, insert }: SwapRequest): SwapFix | null {
  const { call, target } = use;

  // The function expression that reaches the twin from the call site.
  let reach: { text: string; fixes: (fixer: Fixer) => Fix[] };
  if (twin.member && use.onModuleObject && target.type === 'MemberExpression') {
    const objectText = sourceCode.getText(target.object);
    reach = { text: [objectText, ...twin.member].join('.'), fixes: () => [] };
  } else if (twin.member && moduleObject) {
    reach = { text: [moduleObject, ...twin.member].join('.'), fixes: () => [] };
  } else if (twin.memberOnly) {
    return null;
  } else {
    reach = ensureBinding(sourceCode, call, twin.module, twin.name, moduleKind);
  }
  if (twin.promisify) {
    const promisify = ensureBinding(sourceCode, call, 'node:util', 'promisify', moduleKind);
    const inner = reach;
    reach = { text: `${promisify.text}(${inner.text})`, fixes: (fixer) => [...promisify.fixes(fixer), ...inner.fixes(fixer)] };
  }

  // The call with only the API reference swapped: keeps arguments, comments, `.call(...)`, `?.`.
  const callNode: Node = call.parent.type === 'ChainExpression' ? call.parent : call;
  const replaced: Node = around ?? callNode;
  const callText = sourceCode.getText(callNode);
  const start = callNode.range[0];
  let newCall = callText.slice(0, target.range[0] - start) + reach.text + callText.slice(target.range[1] - start);
  if (insert) {
    // Offsets after the swapped reference moved by the difference in length.
    if (insert.at < target.range[1] || insert.at > callNode.range[1]) return null;
    const at = insert.at - start + (reach.text.length - (target.range[1] - target.range[0]));
    newCall = `${newCall.slice(0, at)}${insert.text}${newCall.slice(at)}`;
  }
  const chosen = template ?? twin.template;
  const unary = chosen.startsWith('await');
  // The template's `$` is the call; a function replacer keeps `$` signs in the call text literal.
  const expression = chosen.replace('$', () => newCall);

  return buildAwaitFix({ sourceCode, at: call, replaced, expression, unary, fixes: reach.fixes, makeAsync });
}
