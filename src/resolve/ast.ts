import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The string value of a string literal or a template literal without substitutions. */
export function constantString(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  // `'node:' + 'sqlite'`: a specifier split so a bundler does not see it.
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = constantString(node.left);
    const right = left === null ? null : constantString(node.right);
    return left !== null && right !== null ? left + right : null;
  }
  return null;
}

/** `require('m')` → `m` (a constant specifier), else `null`. */
export function requireSource(node: Node | null | undefined): string | null {
  if (node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
    return constantString(node.arguments[0]);
  }
  return null;
}

/**
 * A path built from the module's own folder, as a relative specifier: `path.join(__dirname, 'lib', 'db.js')`,
 * `path.resolve(__dirname, '../lib')`, `__dirname + '/db.js'`, `` `${__dirname}/db.js` `` → `./lib/db.js`, `../lib`.
 */
export function folderRelativePath(node: Node | null | undefined): string | null {
  if (!node) return null;
  const isFolder = (each: Node | undefined) =>
    (each?.type === 'Identifier' && each.name === '__dirname') ||
    (each?.type === 'MemberExpression' && each.object.type === 'MetaProperty' && !each.computed && each.property.type === 'Identifier' && each.property.name === 'dirname');
  if (node.type === 'CallExpression' && node.arguments.length >= 2 && isFolder(node.arguments[0])) {
    const callee = node.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
    if (name !== 'join' && name !== 'resolve') return null;
    const segments = node.arguments.slice(1).map((each) => constantString(each));
    if (segments.some((each) => each === null || (name === 'resolve' && each.startsWith('/')))) return null;
    return asRelative(segments.join('/'));
  }
  if (node.type === 'BinaryExpression' && node.operator === '+' && isFolder(node.left)) {
    const rest = constantString(node.right);
    return rest?.startsWith('/') ? asRelative(rest) : null;
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 1 && node.quasis[0]?.value.cooked === '' && isFolder(node.expressions[0])) {
    const rest = node.quasis[1]?.value.cooked;
    return rest?.startsWith('/') ? asRelative(rest) : null;
  }
  return null;
}

/** `a//b/./c.js` → `./a/b/c.js`; `../x` stays. */
export function asRelative(joined: string): string | null {
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  if (parts.length === 0) return null;
  return parts[0] === '..' ? parts.join('/') : `./${parts.join('/')}`;
}

/** `require('./x')` or `require(path.join(__dirname, 'x'))`: the module a `require` of the project names. */
export function projectRequireSource(node: Node | null | undefined): string | null {
  const literal = requireSource(node);
  if (literal !== null || node?.type !== 'CallExpression' || node.arguments.length !== 1) return literal;
  return node.callee.type === 'Identifier' && node.callee.name === 'require' ? folderRelativePath(node.arguments[0]) : null;
}

/** The static key of a member access, property or class member (`a.b`, `a['b']`, `{ b: … }`). */
export function staticPropertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition | TSESTree.TSAbstractMethodDefinition,
): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'Literal') return String(key.value);
    return null;
  }
  return constantString(key);
}

/** Strips TypeScript-only wrappers and optional chains: `(fs as any).x!` -> the inner expression. */
export function unwrapExpression(node: TSESTree.Expression): TSESTree.Expression {
  let current: TSESTree.Expression = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        continue;
      case 'ChainExpression':
        current = current.expression as TSESTree.Expression;
        continue;
      default:
        return current;
    }
  }
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Calls `visit` on each child node of `node`, in the order the parser's visitor keys give. */
export function forEachChild(node: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, visit: (child: Node) => void): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === 'object' && 'type' in child) visit(child as Node);
    } else if (value && typeof value === 'object' && 'type' in value) {
      visit(value as Node);
    }
  }
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const returnedCache = new WeakMap<FunctionNode, Node[]>();

/** The expressions a function returns: an arrow's expression body, or its own `return` statements' arguments (walked once per function). */
export function returnedExpressionsOf(fn: FunctionNode, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Node[] {
  if (fn.body?.type !== 'BlockStatement') return fn.body ? [fn.body] : [];
  const cached = returnedCache.get(fn);
  if (cached) return cached;
  const found: Node[] = [];
  returnedCache.set(fn, found);
  const walk = (node: Node) => {
    if (node.type === 'ReturnStatement') {
      if (node.argument) found.push(node.argument);
      return;
    }
    // A nested function's returns are its own.
    if (node !== fn.body && isFunction(node)) return;
    forEachChild(node, visitorKeys, walk);
  };
  walk(fn.body);
  return found;
}

type Reference = TSESLint.Scope.Reference;
const throughCache = new WeakMap<object, Map<string, Reference[]>>();

/** The references a file makes to names it does not declare (implicit globals, builtins), by name: indexed once per scope manager. */
export function undeclaredReferences(sourceCode: Readonly<TSESLint.SourceCode>, name: string): readonly Reference[] {
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager?.globalScope) return [];
  let byName = throughCache.get(scopeManager);
  if (!byName) {
    byName = new Map();
    for (const reference of scopeManager.globalScope.through) {
      const list = byName.get(reference.identifier.name);
      if (list) list.push(reference);
      else byName.set(reference.identifier.name, [reference]);
    }
    throughCache.set(scopeManager, byName);
  }
  return byName.get(name) ?? [];
}

/** `X.prototype.m = function () {…}`, `X.prototype = { m() {…} }` and `Object.assign(X.prototype, {…})` for top-level functions `X`. */
export function prototypeMethods(program: TSESTree.Program): ReadonlyMap<FunctionNode, ReadonlyMap<string, FunctionNode>> {
  const cached = prototypeCache.get(program);
  if (cached) return cached;
  const byName = new Map<string, FunctionNode>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) byName.set(declaration.id.name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (declarator.id.type === 'Identifier' && init?.type === 'FunctionExpression') byName.set(declarator.id.name, init);
      }
    }
  }
  const methods = new Map<FunctionNode, Map<string, FunctionNode>>();
  const add = (owner: FunctionNode, name: string, value: Node) => {
    const fn = unwrapExpression(value as TSESTree.Expression);
    if (!isFunction(fn)) return;
    let list = methods.get(owner);
    if (!list) methods.set(owner, (list = new Map()));
    list.set(name, fn);
  };
  const addAll = (owner: FunctionNode, object: TSESTree.ObjectExpression) => {
    for (const property of object.properties) {
      const name = property.type === 'Property' ? staticPropertyName(property) : null;
      if (name !== null && property.type === 'Property') add(owner, name, property.value);
    }
  };
  for (const statement of program.body) {
    // `Object.assign(X.prototype, { … })`, `util._extend(X.prototype, { … })`
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression') {
      const [target, source] = statement.expression.arguments;
      const owner = target?.type === 'MemberExpression' && staticPropertyName(target) === 'prototype' && target.object.type === 'Identifier' ? byName.get(target.object.name) : undefined;
      if (owner && source?.type === 'ObjectExpression' && /^(?:assign|extend|_extend)$/.test(calleeName(statement.expression.callee) ?? '')) addAll(owner, source);
      continue;
    }
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    if (left.type !== 'MemberExpression') continue;
    // `X.prototype = { … }`
    if (staticPropertyName(left) === 'prototype' && left.object.type === 'Identifier' && right.type === 'ObjectExpression') {
      const owner = byName.get(left.object.name);
      if (owner) addAll(owner, right);
      continue;
    }
    // `X.prototype.m = …`
    const object = left.object;
    if (object.type === 'MemberExpression' && staticPropertyName(object) === 'prototype' && object.object.type === 'Identifier') {
      const owner = byName.get(object.object.name);
      const name = staticPropertyName(left);
      if (owner && name !== null) add(owner, name, right);
    }
  }
  prototypeCache.set(program, methods);
  return methods;
}

const prototypeCache = new WeakMap<TSESTree.Program, Map<FunctionNode, Map<string, FunctionNode>>>();

/** The constructor function whose prototype `fn` is a method of (`X.prototype.m = fn`, `X.prototype = { m: fn }`). */
function prototypeOwner(program: TSESTree.Program, fn: FunctionNode): FunctionNode | null {
  let owners = ownerCache.get(program);
  if (!owners) {
    owners = new Map();
    for (const [owner, methods] of prototypeMethods(program)) for (const method of methods.values()) if (!owners.has(method)) owners.set(method, owner);
    ownerCache.set(program, owners);
  }
  return owners.get(fn) ?? null;
}

const ownerCache = new WeakMap<TSESTree.Program, Map<FunctionNode, FunctionNode>>();

/** The name a call's callee goes by: `promisifyAll` in `promisifyAll(x)` and `Promise.promisifyAll(x)`. */
export function calleeName(callee: TSESTree.Expression): string | null {
  const unwrapped = unwrapExpression(callee);
  if (unwrapped.type === 'Identifier') return unwrapped.name;
  return unwrapped.type === 'MemberExpression' ? staticPropertyName(unwrapped) : null;
}

/** The constructor function whose instance `this` is inside `fn`: a prototype method's owner, or `fn` itself when it has a prototype. */
export function instanceConstructor(program: TSESTree.Program, fn: FunctionNode): FunctionNode | null {
  return prototypeOwner(program, fn) ?? (prototypeMethods(program).has(fn) ? fn : null);
}
