import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../resolve/ast.js';
import type { HelperCall, ValueResolver } from './function-summaries.js';

type Node = TSESTree.Node;

/** A promise-returning function that does what a blocking helper does: `loadConfig` for `loadConfigSync`. */
export interface HelperTwin {
  /** The name to call instead (identifier or property name). */
  readonly name: string;
  /** The identifier or property to rename at the call site. */
  readonly rename: TSESTree.Identifier;
}

/** `loadConfigSync` -> `loadConfig`, `loadConfigAsync`; `getX` -> `getXAsync`. */
export function twinNames(name: string): string[] {
  if (name.endsWith('Sync') && name.length > 4) {
    const stem = name.slice(0, -4);
    return [stem, `${stem}Async`];
  }
  return [`${name}Async`];
}

/**
 * The async twin of a helper called at `call`, found next to it: a function of the same file,
 * reached the same way (same scope for a plain call, same object for a method), that returns a
 * promise and takes at least the arguments the call passes. `null` when none is certain.
 */
export function findHelperTwin(resolver: ValueResolver, call: HelperCall): HelperTwin | null {
  if (call.kind !== 'call' || call.node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(call.node.callee);
  const argumentCount = call.node.arguments.length;
  if (call.node.arguments.some((argument) => argument.type === 'SpreadElement')) return null;
  if (callee.type === 'Identifier') {
    for (const name of twinNames(callee.name)) {
      const variable = resolver.variableAt(callee, name);
      const value = variable ? resolver.valueOfVariable(variable) : null;
      if (value?.kind === 'function' && fits(value.fn, argumentCount) && returnsPromise(resolver, value.fn)) return { name, rename: callee };
    }
    return null;
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const owner = resolver.valueOf(callee.object);
    if (!owner) return null;
    for (const name of twinNames(callee.property.name)) {
      const member = resolver.memberOf(owner, name);
      if (member && !member.getter && fits(member.fn, argumentCount) && returnsPromise(resolver, member.fn)) return { name, rename: callee.property };
    }
  }
  return null;
}

/**
 * The async twin of a call of another project file's function, from what that file exports next
 * to it (`readConfigAsync` beside `readConfig`): a method call is renamed in place
 * (`config.readConfig()` -> `config.readConfigAsync()`), a plain call only when the twin is already
 * imported from the same module under its own name.
 */
export function findProjectTwin(resolver: ValueResolver, call: HelperCall, twinName: string | null): HelperTwin | null {
  if (!twinName || call.kind !== 'call' || call.node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(call.node.callee);
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return { name: twinName, rename: callee.property };
  if (callee.type !== 'Identifier') return null;
  const own = resolver.variableAt(callee, callee.name)?.defs[0];
  const twin = resolver.variableAt(callee, twinName)?.defs[0];
  if (own?.type !== 'ImportBinding' || twin?.type !== 'ImportBinding' || own.parent !== twin.parent) return null;
  const specifier = twin.node;
  const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) : null;
  return imported === twinName ? { name: twinName, rename: callee } : null;
}

/** The twin takes every argument the call passes. */
export function fits(fn: FunctionNode, argumentCount: number): boolean {
  return fn.params.some((param) => param.type === 'RestElement') || fn.params.length >= argumentCount;
}

/** Async, or every `return` yields a promise (`new Promise`, `Promise.all`, `.then()`, `fs.promises.*`, an async function's call). */
export function returnsPromise(resolver: ValueResolver, fn: FunctionNode): boolean {
  if (fn.generator) return false;
  if (fn.async) return true;
  const returned: Node[] = [];
  if (fn.body.type !== 'BlockStatement') returned.push(fn.body);
  else collectReturns(fn.body, returned);
  return returned.length > 0 && returned.every((expression) => isPromiseExpression(resolver, expression));
}

function collectReturns(node: Node, into: Node[]): void {
  if (node.type === 'ReturnStatement') {
    into.push(node.argument ?? node);
    return;
  }
  if (isFunction(node) || node.type === 'ClassBody') return;
  for (const value of Object.values(node)) {
    if (value === node.parent) continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === 'object' && 'type' in child) collectReturns(child as Node, into);
    } else if (value && typeof value === 'object' && 'type' in value && value !== node.parent) {
      collectReturns(value as Node, into);
    }
  }
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

function isPromiseExpression(resolver: ValueResolver, expression: Node): boolean {
  const node = unwrapExpression(expression as TSESTree.Expression);
  if (node.type === 'AwaitExpression') return false;
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name === 'Promise';
  if (node.type !== 'CallExpression') return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type === 'MemberExpression') {
    const name = staticPropertyName(callee);
    if (name !== null && PROMISE_METHODS.has(name)) return true;
    // `Promise.all(…)`, `fs.promises.readFile(…)`
    for (let object: Node = callee.object; ; object = (object as TSESTree.MemberExpression).object) {
      if (object.type === 'Identifier') return object.name === 'Promise' || object.name === 'promises';
      if (object.type !== 'MemberExpression') return false;
      if (staticPropertyName(object) === 'promises') return true;
    }
  }
  if (callee.type === 'Identifier') {
    // A function imported from a `*/promises` module (`readFile` from `node:fs/promises`), or an async function of this file.
    const variable = resolver.variableAt(callee, callee.name);
    const def = variable?.defs[0];
    if (def?.type === 'ImportBinding') {
      const declaration = def.parent;
      return declaration.type === 'ImportDeclaration' && /(?:^|\/)promises$/.test(declaration.source.value);
    }
    const value = resolver.valueOf(callee);
    return value?.kind === 'function' && value.fn.async && !value.fn.generator;
  }
  return false;
}
