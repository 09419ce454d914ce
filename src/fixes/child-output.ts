import type { TSESTree } from '@typescript-eslint/utils';
import type { Rewrite } from '../catalog/types.js';
import { staticPropertyName } from '../resolve/ast.js';
import { buildSwapFix, type SwapFix, type SwapRequest } from './swap-to-async.js';
import { stringLiteral } from './imports.js';

type ChildOutput = Extract<Rewrite, { kind: 'child-output' }>;
type Node = TSESTree.Node;

/** `.toString()`, `.toString('utf8')` or `.toString('utf-8')` called on `node`: decodes like exec's default. */
function utf8ToString(node: Node): TSESTree.CallExpression | null {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || member.optional || staticPropertyName(member) !== 'toString') return null;
  const call = member.parent;
  if (call?.type !== 'CallExpression' || call.callee !== member || call.optional) return null;
  if (call.arguments.length === 0) return call;
  const [encoding] = call.arguments;
  if (call.arguments.length === 1 && encoding?.type === 'Literal' && (encoding.value === 'utf8' || encoding.value === 'utf-8')) return call;
  return null;
}

/** The options argument of `execSync(cmd, o)` / `execFileSync(file, [args], o)`, `undefined` if absent, `null` if unknown. */
function optionsArgument(call: TSESTree.CallExpression, where: ChildOutput['options']): TSESTree.CallExpressionArgument | undefined | null {
  const args = call.arguments;
  if (args.some((arg) => arg.type === 'SpreadElement')) return null;
  if (where === 'after-command') return args.length > 2 ? null : args[1];
  if (args.length <= 1) return undefined;
  const second = args[1]!;
  if (second.type === 'ArrayExpression') return args.length > 3 ? null : args[2];
  if (second.type === 'ObjectExpression' && args.length === 2) return second;
  // `execFileSync(file, list)`: an arguments array or an options object, unknown without types.
  return null;
}

/** `{ encoding: 'x' }` as a literal string; `undefined` when the object has no `encoding`; `null` when unknown. */
function literalEncoding(options: TSESTree.ObjectExpression): string | undefined | null {
  let found: string | undefined;
  for (const property of options.properties) {
    if (property.type !== 'Property') return null;
    const key = staticPropertyName(property);
    if (key === null) return null;
    // exec has no `input`, and picks its own stdio (it buffers the output): no faithful rewrite.
    if (key === 'input' || key === 'stdio') return null;
    if (key === 'encoding') {
      if (property.value.type !== 'Literal' || typeof property.value.value !== 'string') return null;
      found = property.value.value;
    }
  }
  return found;
}

/**
 * `execSync(cmd, o)` -> `await promisify(exec)(cmd, o)` with the result kept: the sync call returns
 * a Buffer unless `encoding` is set, `exec` resolves `{ stdout }` decoded as UTF-8 by default. So:
 * - result unused: `await promisify(exec)(cmd, o)`;
 * - `.toString()` (UTF-8) on the result: `(await promisify(exec)(cmd, o)).stdout` replaces both;
 * - a literal `encoding` option: `(await promisify(exec)(cmd, o)).stdout` (exec honours it, `'buffer'` too);
 * - no options: `{ encoding: 'buffer' }` is passed so `stdout` stays a Buffer; a literal options
 *   object without `encoding` gets `encoding: 'buffer'` added.
 * Anything else (options in a variable; `input` or `stdio`, which exec does not support): no rewrite.
 */
export function buildChildOutputFix(request: Omit<SwapRequest, 'twin'>, rewrite: ChildOutput): SwapFix | null {
  const { use } = request;
  const call = use.call;
  if (call.type !== 'CallExpression' || use.reference !== use.target) return null;
  const node: Node = call.parent.type === 'ChainExpression' ? call.parent : call;
  const twin = rewrite.twin;
  const options = optionsArgument(call, rewrite.options);
  const encoding = options === undefined ? undefined : options?.type === 'ObjectExpression' ? literalEncoding(options) : null;
  // Result unused: only `input` (which exec does not support) stands in the way.
  if (node.parent?.type === 'ExpressionStatement') {
    return encoding === null && options?.type === 'ObjectExpression' ? null : buildSwapFix({ ...request, twin, template: 'await $' });
  }
  if (encoding === null) return null;
  const decoded = utf8ToString(node);
  if (decoded && encoding === undefined) return buildSwapFix({ ...request, twin, template: '(await $).stdout', replaced: decoded });
  if (encoding !== undefined) return buildSwapFix({ ...request, twin, template: '(await $).stdout' });
  // The value is used as a Buffer: ask exec for one (in the file's quotes).
  const buffer = stringLiteral(request.sourceCode, 'buffer');
  if (options === undefined) {
    const last = call.arguments.at(-1);
    if (!last) return null;
    return buildSwapFix({ ...request, twin, template: '(await $).stdout', insert: { at: last.range[1], text: `, { encoding: ${buffer} }` } });
  }
  const object = options as TSESTree.ObjectExpression;
  const lastProperty = object.properties.at(-1);
  const insert = lastProperty
    ? { at: lastProperty.range[1], text: `, encoding: ${buffer}` }
    : { at: object.range[0] + 1, text: ` encoding: ${buffer} ` };
  return buildSwapFix({ ...request, twin, template: '(await $).stdout', insert });
}
