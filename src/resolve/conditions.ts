import type { TSESTree } from '@typescript-eslint/utils';
import type { CallCondition } from '../catalog/types.js';
import { constantString, staticPropertyName } from './ast.js';

function isFunctionArgument(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/** The constant text an argument starts with: a string, or a template literal's first chunk. */
function leadingText(node: TSESTree.Node | undefined): string | null {
  if (node?.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? null;
  return constantString(node);
}

/** Whether `call` meets `condition` (an absent condition always holds). */
export function matchesCondition(condition: CallCondition | undefined, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (!condition) return true;
  const args = call.arguments;
  if (condition.withoutCallback && isFunctionArgument(args.at(-1))) return false;
  if (condition.argumentMatches) {
    const { index, pattern, members } = condition.argumentMatches;
    const arg = args[index];
    const text = leadingText(arg);
    const member = members && arg?.type === 'MemberExpression' ? staticPropertyName(arg) : null;
    if (!(text !== null && pattern.test(text)) && !(member !== null && members!.test(member))) return false;
  }
  if (condition.argumentEquals) {
    const arg = args[condition.argumentEquals.index];
    if (arg?.type !== 'Literal' || arg.value !== condition.argumentEquals.value) return false;
  }
  if (condition.argumentNotSmall) {
    const size = knownSize(args[condition.argumentNotSmall.index]);
    if (size !== null && size <= condition.argumentNotSmall.max) return false;
  }
  // --- child-process / http / busy-wait conditions
  if (condition.withoutOption && args.some((arg) => setsOption(arg, condition.withoutOption!.name))) return false;
  // --- package conditions (archives, builders)
  if (condition.minArguments !== undefined && args.length < condition.minArguments) return false;
  if (condition.perCall && isKept(call)) return false;
  if (condition.withOption) {
    const { name, value } = condition.withOption;
    if (!args.some((arg) => { const found = propertyValue(objectOf(arg), name); return found?.type === 'Literal' && found.value === value; })) return false;
  }
  if (condition.argumentProperty && !propertyMatches(args[condition.argumentProperty.index], condition.argumentProperty)) return false;
  return true;
}

// --- package conditions (archives, builders) ---

/** The value `made` produces is stored beyond its function: a lazy singleton or a cache (see `perCall`). */
function isKept(made: TSESTree.Node): boolean {
  let node = made;
  while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression' || node.parent.type === 'TSSatisfiesExpression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type !== 'AssignmentExpression' || parent.right !== node) return false;
  if (parent.operator === '??=' || parent.operator === '||=') return true;
  const target = parent.left;
  if (target.type === 'MemberExpression') return true;
  if (target.type !== 'Identifier') return false;
  // A variable declared outside the function that assigns it outlives the call.
  const fn = enclosingFunctionOf(parent);
  return !fn || !declaresLocally(fn, target.name);
}

function enclosingFunctionOf(node: TSESTree.Node): TSESTree.FunctionLike | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') return current;
  }
  return null;
}

/** `name` is a parameter of `fn` or declared by a `let`/`var`/`const` directly in its body (syntactically). */
function declaresLocally(fn: TSESTree.FunctionLike, name: string): boolean {
  if (fn.params.some((param) => param.type === 'Identifier' && param.name === name)) return true;
  const body = fn.body;
  if (!body || body.type !== 'BlockStatement') return false;
  const declares = (statement: TSESTree.Node): boolean =>
    statement.type === 'VariableDeclaration' && statement.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === name);
  return body.body.some(declares);
}

/** An object literal: the node itself, or the initialiser of the `const` an identifier names. */
function objectOf(node: TSESTree.Node | undefined, depth = 0): TSESTree.ObjectExpression | null {
  const value = resolveConst(node, depth);
  return value?.type === 'ObjectExpression' ? value : null;
}

/** The node, or (for an identifier bound by a `const` in an enclosing block) its initialiser, unwrapped. */
function resolveConst(node: TSESTree.Node | undefined, depth = 0): TSESTree.Node | undefined {
  let current = node;
  for (let hops = depth; current && hops < 4; hops++) {
    while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression') current = current.expression;
    if (current.type !== 'Identifier') return current;
    const init = constInitialiser(current);
    if (!init) return current;
    current = init;
  }
  return current;
}

/** The value of property `name` in an object literal (the last one written wins), or `null`. */
function propertyValue(object: TSESTree.ObjectExpression | null, name: string): TSESTree.Node | null {
  if (!object) return null;
  let found: TSESTree.Node | null = null;
  for (const property of object.properties) {
    if (property.type === 'Property' && staticPropertyName(property) === name) found = property.value;
  }
  return found;
}

function propertyMatches(argument: TSESTree.Node | undefined, wanted: NonNullable<CallCondition['argumentProperty']>): boolean {
  const raw = wanted.property === undefined ? (argument ?? null) : propertyValue(objectOf(argument), wanted.property);
  if (!raw) return false;
  // `{ driver: BetterSqliteDriver }`: the identifier itself, before it is resolved.
  if (raw.type === 'Identifier' && wanted.names?.includes(raw.name)) return true;
  const value = resolveConst(raw);
  if (!value) return false;
  if (value.type === 'Literal' && typeof value.value === 'string') return wanted.equals?.includes(value.value) ?? false;
  if (value.type === 'NewExpression' || value.type === 'CallExpression') {
    const callee = value.callee.type === 'MemberExpression' ? value.callee.property : value.callee;
    return callee.type === 'Identifier' && (wanted.constructs?.includes(callee.name) ?? false);
  }
  return false;
}

// --- crypto / zlib / database conditions ---

/** Bytes per element of the constructors that take a length. */
const TYPED_ARRAYS: ReadonlyMap<string, number> = new Map([
  ['ArrayBuffer', 1], ['Uint8Array', 1], ['Int8Array', 1], ['Uint8ClampedArray', 1], ['Uint16Array', 2], ['Int16Array', 2],
  ['Uint32Array', 4], ['Int32Array', 4], ['Float32Array', 4], ['Float64Array', 8], ['BigUint64Array', 8], ['BigInt64Array', 8],
]);
const BUFFER_ALLOCATORS = new Set(['alloc', 'allocUnsafe', 'allocUnsafeSlow']);

/**
 * The size in bytes (or elements) an argument is known to have: a numeric constant, or a buffer
 * allocated with a constant length (`Buffer.alloc(16)`, `new Uint32Array(4)`); `null` when unknown.
 */
function knownSize(node: TSESTree.Node | undefined): number | null {
  if (!node) return null;
  if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && TYPED_ARRAYS.has(node.callee.name)) {
    const length = constantNumber(node.arguments[0]);
    return length === null ? null : length * TYPED_ARRAYS.get(node.callee.name)!;
  }
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === 'Buffer' &&
    node.callee.property.type === 'Identifier' &&
    BUFFER_ALLOCATORS.has(node.callee.property.name)
  ) {
    return constantNumber(node.arguments[0]);
  }
  return constantNumber(node);
}

/**
 * The value of a numeric constant expression: literals, `+ - * / % **`, unary minus, parentheses,
 * and identifiers bound by a `const` declaration with a constant initialiser in an enclosing block
 * (found syntactically; a parameter of the same name in between makes it unknown).
 */
export function constantNumber(node: TSESTree.Node | undefined, depth = 0): number | null {
  if (!node || depth > 8) return null;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'number' ? node.value : null;
    case 'UnaryExpression': {
      const value = node.operator === '-' || node.operator === '+' ? constantNumber(node.argument, depth + 1) : null;
      return value === null ? null : node.operator === '-' ? -value : value;
    }
    case 'BinaryExpression': {
      const left = node.left.type === 'PrivateIdentifier' ? null : constantNumber(node.left, depth + 1);
      const right = constantNumber(node.right, depth + 1);
      if (left === null || right === null) return null;
      switch (node.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return left / right;
        case '%': return left % right;
        case '**': return left ** right;
        case '<<': return left << right;
        default: return null;
      }
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return constantNumber(node.expression, depth + 1);
    case 'Identifier':
      return constantNumber(constInitialiser(node), depth + 1);
    default:
      return null;
  }
}

/** The initialiser of the `const` an identifier names, looked up through enclosing blocks. */
function constInitialiser(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    if (isFunctionArgument(node) || node.type === 'FunctionDeclaration') {
      const fn = node as TSESTree.FunctionLike;
      if (fn.params.some((param) => param.type === 'Identifier' && param.name === identifier.name)) return undefined;
    }
    if (node.type !== 'Program' && node.type !== 'BlockStatement' && node.type !== 'StaticBlock') continue;
    for (const statement of node.body) {
      const declaration =
        statement.type === 'VariableDeclaration' ? statement
        : statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration' ? statement.declaration
        : null;
      if (!declaration) continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === identifier.name) {
          return declaration.kind === 'const' && declarator.init ? declarator.init : undefined;
        }
      }
    }
  }
  return undefined;
}

/** `{ name: <anything but false> }` as an object literal argument. */
function setsOption(node: TSESTree.Node, name: string): boolean {
  if (node.type !== 'ObjectExpression') return false;
  return node.properties.some(
    (property) =>
      property.type === 'Property' &&
      staticPropertyName(property) === name &&
      !(property.value.type === 'Literal' && property.value.value === false),
  );
}
