import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ResponseRead, Rewrite } from '../catalog/types.js';
import type { FunctionNode } from '../resolve/ast.js';
import { staticPropertyName } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { buildAwaitFix, type SwapFix } from './swap-to-async.js';
import { stringLiteral } from './imports.js';

type FetchRewrite = Extract<Rewrite, { kind: 'fetch' }>;
type Node = TSESTree.Node;

export interface FetchRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly use: BlockingUse;
  readonly makeAsync: FunctionNode | null;
}

/** `name` resolves to a global at `at` (not declared or imported anywhere on the way up). */
export function isGlobalAt(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, name: string): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable.defs.length === 0;
  }
  return true;
}

const STANDARD_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);

/** `method: 'POST'` for fetch, or `''` for GET; `null` when the method cannot be carried over. */
function methodProperty(sourceCode: Readonly<TSESLint.SourceCode>, node: Node | undefined): string | null {
  if (!node || node.type === 'SpreadElement') return null;
  if (node.type === 'Literal' && typeof node.value === 'string') {
    // sync-request accepts any case; fetch only normalises the standard methods, PATCH excepted.
    const method = node.value.toUpperCase();
    if (!STANDARD_METHODS.has(method)) return null;
    return method === 'GET' ? '' : `method: ${stringLiteral(sourceCode, method)}`;
  }
  return `method: ${sourceCode.getText(node)}`;
}

/** sync-request options `{ headers, body }` as fetch init properties; `null` for any other option. */
function requestOptionProperties(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string[] | null {
  if (node.type !== 'ObjectExpression') return null;
  const properties: string[] = [];
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.kind !== 'init' || property.method || property.computed) return null;
    const key = staticPropertyName(property);
    if (key !== 'headers' && key !== 'body') return null;
    properties.push(sourceCode.getText(property));
  }
  return properties;
}

/** The response read right after the call (`syncFetch(u).json()`), per the catalog's read table. */
function readAfter(node: Node, reads: readonly ResponseRead[]): { read: ResponseRead; replaced: Node } | null {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || member.optional) return null;
  const name = staticPropertyName(member);
  if (name === null) return null;
  const call = member.parent;
  const called = call?.type === 'CallExpression' && call.callee === member;
  for (const read of reads) {
    if (read.member !== name || read.call !== called) continue;
    if (!called) return { read, replaced: member };
    const args = (call as TSESTree.CallExpression).arguments;
    const wanted = read.args ?? [];
    if (args.length !== wanted.length) continue;
    if (args.every((arg, index) => arg.type === 'Literal' && arg.value === wanted[index])) return { read, replaced: call! };
  }
  return null;
}

/**
 * A sync HTTP call -> global `fetch`, awaited, with the response read the code does awaited too:
 * `syncFetch(u).json()` -> `await (await fetch(u)).json()`, `request('GET', u).getBody('utf8')` ->
 * `await (await fetch(u)).text()`, `.getBody()` -> `Buffer.from(await (await fetch(u)).arrayBuffer())`.
 * Offered when the result is unused or read at once; a response kept in a variable, options fetch
 * has no equivalent for, or a shadowed `fetch` get no rewrite.
 */
export function buildFetchFix({ sourceCode, use, makeAsync }: FetchRequest, rewrite: FetchRewrite): SwapFix | null {
  const call = use.call;
  if (call?.type !== 'CallExpression' || use.reference !== use.target || call.optional) return null;
  if (call.parent.type === 'ChainExpression') return null;
  if (!isGlobalAt(sourceCode, call, 'fetch')) return null;
  const args = call.arguments;
  if (args.some((arg) => arg.type === 'SpreadElement')) return null;
  const url = args[rewrite.url];
  if (!url) return null;
  const expected = Math.max(rewrite.url, rewrite.method ?? -1, rewrite.init.index) + 1;
  if (args.length > expected) return null;

  const init: string[] = [];
  if (rewrite.method !== null) {
    const method = methodProperty(sourceCode, args[rewrite.method]);
    if (method === null) return null;
    if (method) init.push(method);
  }
  const options = args[rewrite.init.index];
  let initText: string | null = null;
  if (options) {
    if (rewrite.init.shape === 'fetch-init') {
      if (init.length > 0) return null;
      initText = sourceCode.getText(options);
    } else {
      const properties = requestOptionProperties(sourceCode, options);
      if (!properties) return null;
      init.push(...properties);
    }
  }
  if (initText === null && init.length > 0) initText = `{ ${init.join(', ')} }`;
  const fetchCall = `fetch(${sourceCode.getText(url)}${initText ? `, ${initText}` : ''})`;

  const found = readAfter(call, rewrite.reads);
  let expression: string;
  let replaced: Node;
  let unary: boolean;
  if (found) {
    replaced = found.replaced;
    const response = `(await ${fetchCall})`;
    switch (found.read.fetch) {
      case 'buffer':
        if (!isGlobalAt(sourceCode, call, 'Buffer')) return null;
        expression = `Buffer.from(await ${response}.arrayBuffer())`;
        unary = false;
        break;
      case 'json':
      case 'text':
      case 'arrayBuffer':
      case 'blob':
        expression = `await ${response}.${found.read.fetch}()`;
        unary = true;
        break;
      default:
        expression = `${response}.${found.read.fetch}`;
        unary = false;
    }
  } else if (call.parent.type === 'ExpressionStatement') {
    replaced = call;
    expression = `await ${fetchCall}`;
    unary = true;
  } else {
    return null;
  }
  return buildAwaitFix({ sourceCode, at: call, replaced, expression, unary, fixes: () => [], makeAsync });
}
