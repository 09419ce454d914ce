import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from './ast.js';

type Node = TSESTree.Node;

/** What a JSDoc tag types, as the tracer follows it. */
export type JsdocTarget =
  /** A parameter or variable: follow the pattern once it holds the value. */
  | { readonly kind: 'pattern'; readonly pattern: Node; readonly declaration: Node }
  /** `@param {T} options.store`: the reads of `options.store` in the function. */
  | { readonly kind: 'reads'; readonly reads: readonly TSESTree.MemberExpression[] }
  /** `@type {T}` over `this.store = …`: the instance member. */
  | { readonly kind: 'this-member'; readonly member: TSESTree.MemberExpression };

export interface JsdocUse {
  /** The module specifier inside `import("…")`. */
  readonly specifier: string;
  /** `Store` of `import("./store").Store`; `null` for the module's own value (`module.exports = Store`). */
  readonly member: string | null;
  readonly target: JsdocTarget;
}

/** Whether a file has JSDoc types worth reading (`@param {import("./x")} …`): most files have none. */
const JSDOC_IMPORT = /@(?:param|arg|argument|type)\s*\{\s*import\s*\(/;
/** `@param {import("./x").Y} name.path` (the name may be `[name]` or `[name=default]`). */
const PARAM_TAG = /@(?:param|arg|argument)\s*\{\s*import\s*\(\s*(['"])([^'"]+)\1\s*\)((?:\s*\.\s*[\w$]+)?)\s*\}\s*\[?\s*([\w$]+(?:\.[\w$]+)*)/g;
const JSDOC_BLOCK = /\/\*\*(?!\/)[\s\S]*?\*\//g;
/** Whitespace and further comments between a JSDoc block and the code it documents. */
const FOLLOWING_CODE = /(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/y;
const TYPE_TAG = /@type\s*\{\s*import\s*\(\s*(['"])([^'"]+)\1\s*\)((?:\s*\.\s*[\w$]+)?)\s*\}/g;

/**
 * Values whose JSDoc names a module's class (`@param {import("../updater/Updater")} options.updater`,
 * `/** @type {import("./db").Store} *\/ this.store = …`): in JavaScript the type annotation of a
 * JSDoc-typed code base, read like a TypeScript one. Only `import("…")` types: a bare name may be a
 * typedef of anything.
 */
export function* jsdocUses(sourceCode: Readonly<TSESLint.SourceCode>): Generator<JsdocUse> {
  const text = sourceCode.text;
  if (!JSDOC_IMPORT.test(text)) return;
  // Read from the text: the project model parses other files without comments or tokens.
  for (const comment of text.matchAll(JSDOC_BLOCK)) {
    if (!JSDOC_IMPORT.test(comment[0])) continue;
    const documented = documentedNode(sourceCode, comment.index + comment[0].length);
    if (!documented) continue;
    const fn = functionOf(documented);
    if (fn) {
      for (const match of comment[0].matchAll(PARAM_TAG)) {
        const target = parameterTarget(sourceCode, fn, match[4]!);
        if (target) yield { specifier: match[2]!, member: memberName(match[3]!), target };
      }
    }
    for (const match of comment[0].matchAll(TYPE_TAG)) {
      const target = typedTarget(documented);
      if (target) yield { specifier: match[2]!, member: memberName(match[3]!), target };
    }
  }
}

function memberName(suffix: string): string | null {
  const name = suffix.replace(/[\s.]/g, '');
  return name === '' ? null : name;
}

/** The outermost node that starts where the code after a comment does: what the comment documents. */
function documentedNode(sourceCode: Readonly<TSESLint.SourceCode>, end: number): Node | null {
  const text = sourceCode.text;
  FOLLOWING_CODE.lastIndex = end;
  const next = FOLLOWING_CODE.exec(text);
  if (!next) return null;
  const start = next.index + next[0].length;
  let node = sourceCode.getNodeByRangeIndex(start) as Node | null;
  if (!node || node.range[0] !== start) return null;
  while (node.parent && node.parent.range[0] === start && node.parent.type !== 'Program') node = node.parent;
  return node;
}

/** The function a documented statement, member or declaration defines. */
function functionOf(node: Node): FunctionNode | null {
  let current: Node | null | undefined = node;
  for (let step = 0; current && step < 4; step++) {
    if (isFunction(current)) return current;
    switch (current.type) {
      case 'MethodDefinition':
      case 'Property':
      case 'PropertyDefinition':
        current = current.value;
        break;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        current = current.declaration;
        break;
      case 'VariableDeclaration':
        current = current.declarations.length === 1 ? current.declarations[0]!.init : null;
        break;
      case 'ExpressionStatement':
        current = current.expression;
        break;
      case 'AssignmentExpression':
        current = current.right;
        break;
      default:
        return null;
    }
    current = current && unwrapExpression(current as TSESTree.Expression);
  }
  return null;
}

/** `name` (a parameter) or `name.prop` (a property of a parameter, read or destructured). */
function parameterTarget(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, path: string): JsdocTarget | null {
  const [name, ...properties] = path.split('.');
  for (const parameter of fn.params) {
    const pattern = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
    if (pattern.type === 'Identifier' && pattern.name === name) {
      if (properties.length === 0) return { kind: 'pattern', pattern, declaration: fn };
      if (properties.length !== 1) return null;
      const variable = sourceCode.getDeclaredVariables(fn).find((each) => each.name === name);
      const reads: TSESTree.MemberExpression[] = [];
      for (const reference of variable?.references ?? []) {
        const parent = (reference.identifier as Node).parent;
        if (parent?.type === 'MemberExpression' && parent.object === reference.identifier && staticPropertyName(parent) === properties[0]) reads.push(parent);
      }
      return reads.length > 0 ? { kind: 'reads', reads } : null;
    }
  }
  // `constructor({ store })` documented as `@param {…} options.store`: only the first parameter.
  const first = fn.params[0];
  const pattern = first?.type === 'AssignmentPattern' ? first.left : first;
  if (properties.length === 1 && pattern?.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      if (property.type === 'Property' && staticPropertyName(property) === properties[0]) return { kind: 'pattern', pattern: property.value, declaration: fn };
    }
  }
  return null;
}

/** What `@type` documents: `this.x = …`, `const x = …`, a class field. */
function typedTarget(node: Node): JsdocTarget | null {
  const statement = node.type === 'ExpressionStatement' ? node.expression : node;
  if (statement.type === 'AssignmentExpression' && statement.left.type === 'MemberExpression' && statement.left.object.type === 'ThisExpression') {
    return { kind: 'this-member', member: statement.left };
  }
  if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
    const declarator = statement.declarations[0]!;
    return declarator.id.type === 'Identifier' ? { kind: 'pattern', pattern: declarator.id, declaration: declarator } : null;
  }
  return null;
}
