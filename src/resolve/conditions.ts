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
export function matchesCondition(condition: CallCondition | undefined, call: TSESTree.CallExpression): boolean {
  if (!condition) return true;
  const args = call.arguments;
  if (condition.withoutCallback && isFunctionArgument(args.at(-1))) return false;
  if (condition.argumentMatches) {
    const text = leadingText(args[condition.argumentMatches.index]);
    if (text === null || !condition.argumentMatches.pattern.test(text)) return false;
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
  return true;
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
