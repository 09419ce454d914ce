import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Rewrite } from '../catalog/types.js';
import { staticPropertyName, type FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { ensureBinding, type ModuleKind } from './imports.js';
import { buildAwaitFix, type SwapFix } from './swap-to-async.js';

type Call = TSESTree.CallExpression;

export interface PackageCallRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly use: BlockingUse & { readonly call: Call };
  readonly moduleKind: ModuleKind;
  readonly makeAsync: FunctionNode | null;
}

/** A plain call (no `?.`, `.call`, spread) whose callee is the reported reference. */
function plainCall(use: BlockingUse & { readonly call: Call }): boolean {
  const { call } = use;
  return !call.optional && call.parent.type !== 'ChainExpression' && use.reference === use.target && call.arguments.every((argument) => argument.type !== 'SpreadElement');
}

/**
 * `zip.writeZip(p)` -> `await zip.writeZipPromise(p)`: the same object's promise-returning method,
 * same arguments and result. Only for a plain `obj.method(…)` call.
 */
export function buildMethodFix({ sourceCode, use, makeAsync }: PackageCallRequest, rewrite: Extract<Rewrite, { kind: 'method' }>): SwapFix | null {
  const { call } = use;
  const callee = call.callee;
  if (!plainCall(use) || callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  if (staticPropertyName(callee) === rewrite.name) return null;
  if (rewrite.arity !== undefined && call.arguments.length > rewrite.arity) return null;
  const property = callee.property;
  const text = sourceCode.getText(call);
  const start = call.range[0];
  const expression = `await ${text.slice(0, property.range[0] - start)}${rewrite.name}${text.slice(property.range[1] - start)}`;
  return buildAwaitFix({ sourceCode, at: call, replaced: call, expression, unary: true, fixes: () => [], makeAsync });
}

/**
 * `mkdirp.sync(dir)` -> `await mkdir(dir, { recursive: true })` from `node:fs/promises`: another
 * module's function with the same leading arguments plus a fixed options object. Only for calls
 * with exactly `arity` arguments, and (`resultUnused`) only where nothing reads the result.
 */
export function buildOptionsFix({ sourceCode, use, moduleKind, makeAsync }: PackageCallRequest, rewrite: Extract<Rewrite, { kind: 'options' }>): SwapFix | null {
  const { call } = use;
  if (!plainCall(use) || call.arguments.length !== rewrite.arity) return null;
  if (rewrite.resultUnused && call.parent.type !== 'ExpressionStatement') return null;
  const binding = ensureBinding(sourceCode, call, rewrite.module, rewrite.name, moduleKind);
  const args = call.arguments.map((argument) => sourceCode.getText(argument));
  const expression = `await ${binding.text}(${[...args, rewrite.options].join(', ')})`;
  return buildAwaitFix({ sourceCode, at: call, replaced: call, expression, unary: true, fixes: binding.fixes, makeAsync });
}

/**
 * `tar.x({ sync: true, file, cwd })` -> `await tar.x({ file, cwd })`: the option that makes the
 * call synchronous dropped, and the promise awaited. Only when an object literal argument sets
 * `option` to the literal `true` and also has every property in `requires` (without `file`, tar
 * returns a stream, not a promise).
 */
export function buildDropOptionFix({ sourceCode, use, makeAsync }: PackageCallRequest, rewrite: Extract<Rewrite, { kind: 'drop-option' }>): SwapFix | null {
  const { call } = use;
  if (!plainCall(use)) return null;
  for (const argument of call.arguments) {
    if (argument.type !== 'ObjectExpression') continue;
    const named = (name: string) => argument.properties.filter((property): property is TSESTree.Property => property.type === 'Property' && staticPropertyName(property) === name);
    const dropped = named(rewrite.option);
    if (dropped.length !== 1 || argument.properties.some((property) => property.type === 'SpreadElement')) continue;
    const property = dropped[0]!;
    if (property.value.type !== 'Literal' || property.value.value !== true) continue;
    if (!rewrite.requires.every((name) => named(name).length > 0)) return null;
    const index = argument.properties.indexOf(property);
    const next = argument.properties[index + 1];
    const previous = argument.properties[index - 1];
    // Remove the property with its comma: up to the next property, or from the previous one.
    const range: [number, number] = next ? [property.range[0], next.range[0]] : previous ? [previous.range[1], property.range[1]] : [property.range[0], property.range[1]];
    const text = sourceCode.getText(call);
    const start = call.range[0];
    const expression = `await ${text.slice(0, range[0] - start)}${text.slice(range[1] - start)}`;
    return buildAwaitFix({ sourceCode, at: call, replaced: call, expression, unary: true, fixes: () => [], makeAsync });
  }
  return null;
}
