import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, returnedExpressionsOf, staticPropertyName, unwrapExpression, type FunctionNode } from '../resolve/ast.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

export interface FunctionValueOptions {
  /** Object literals: properties with these keys hold functions (`route({ handler })`); `'*'`: every property. */
  readonly keys: readonly string[] | '*';
  /** Look into the arguments of wrapper calls (`asyncHandler(fn)`, `middy(fn)`). */
  readonly throughCalls: boolean;
  /** Told of the identifiers and members the file cannot resolve (an import's `users.list`, a parameter). */
  readonly onUnresolved?: (expression: TSESTree.Identifier | TSESTree.MemberExpression) => void;
}

/** Finds the variable an identifier refers to, through the scope chain. */
export function variableOf(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): Variable | null {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return null;
}

function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
    // `this` inside a non-arrow function is that function's receiver, not the class's.
    if (current.type === 'FunctionDeclaration') return null;
  }
  return null;
}

/** The function a class (instance or static) member of that name holds, if any. */
function classMember(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, isStatic: boolean | null): Node | null {
  for (const member of cls.body.body) {
    if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && (isStatic === null || member.static === isStatic)) {
      if (member.type === 'MethodDefinition' && (member.kind !== 'method' || member.value.type === 'TSEmptyBodyFunctionExpression')) continue;
      if (staticPropertyName(member) === name) return member.value;
    }
  }
  return null;
}

function objectProperty(object: TSESTree.ObjectExpression, name: string): Node | null {
  for (const property of object.properties) {
    if (property.type === 'Property' && staticPropertyName(property) === name) return property.value;
  }
  return null;
}

/**
 * The functions an expression denotes, as far as the file shows: inline functions, arrays of
 * them, identifiers resolved through scope to function declarations or variables, members of
 * object literals and class instances defined in the file (`auth.login`, `this.list`),
 * `.bind(…)`, conditional alternatives, and (with `throughCalls`) wrapper calls' arguments.
 */
export function functionValues(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: Node,
  options: FunctionValueOptions,
): FunctionNode[] {
  const found: FunctionNode[] = [];
  const seen = new Set<Node>();

  /** What the variable holds, from its single definition. */
  const variableValue = (variable: Variable): Node | null => {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    if (def.type === 'FunctionName') return def.node as Node;
    if (def.type === 'ClassName') return def.node as Node;
    if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'Identifier' && def.node.init) {
      // `let h = …; h = …` may change: only follow bindings never reassigned.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
      return def.node.init;
    }
    return null;
  };

  /** The object an expression denotes (object literal, class, instance of a class in this file). */
  const objectOf = (expression: Node, depth: number): { object: TSESTree.ObjectExpression } | { cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression; isStatic: boolean } | null => {
    if (depth > 4) return null;
    const node = expression.type.startsWith('TS') || expression.type === 'ChainExpression' ? unwrapExpression(expression as TSESTree.Expression) : expression;
    switch (node.type) {
      case 'ObjectExpression':
        return { object: node };
      case 'ClassDeclaration':
      case 'ClassExpression':
        return { cls: node, isStatic: true };
      case 'NewExpression': {
        const target = objectOf(node.callee, depth + 1);
        return target && 'cls' in target ? { cls: target.cls, isStatic: false } : null;
      }
      case 'ThisExpression': {
        const cls = enclosingClass(node);
        return cls ? { cls, isStatic: false } : null;
      }
      case 'Identifier': {
        const variable = variableOf(sourceCode, node);
        const value = variable && variableValue(variable);
        return value ? objectOf(value, depth + 1) : null;
      }
      default:
        return null;
    }
  };

  const visit = (expression: Node | null | undefined, depth: number): void => {
    if (!expression || depth > 6 || seen.has(expression)) return;
    seen.add(expression);
    if (isFunction(expression)) {
      found.push(expression);
      return;
    }
    switch (expression.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        visit(expression.expression, depth);
        return;
      case 'ArrayExpression':
        for (const element of expression.elements) if (element && element.type !== 'SpreadElement') visit(element, depth + 1);
        return;
      case 'ConditionalExpression':
        visit(expression.consequent, depth + 1);
        visit(expression.alternate, depth + 1);
        return;
      case 'LogicalExpression':
        visit(expression.right, depth + 1);
        if (expression.operator !== '&&') visit(expression.left, depth + 1);
        return;
      case 'ObjectExpression':
        if (options.keys.length === 0) return;
        for (const property of expression.properties) {
          if (property.type !== 'Property') continue;
          const key = staticPropertyName(property);
          if (options.keys === '*' || (key !== null && options.keys.includes(key))) visit(property.value, depth + 1);
        }
        return;
      case 'Identifier': {
        const variable = variableOf(sourceCode, expression);
        const value = variable && variableValue(variable);
        if (value && value.type !== 'ClassDeclaration') visit(value, depth + 1);
        else if (!value) options.onUnresolved?.(expression);
        return;
      }
      case 'MemberExpression': {
        const name = staticPropertyName(expression);
        if (name === null) return;
        const target = objectOf(expression.object, 0);
        if (!target) {
          options.onUnresolved?.(expression);
          return;
        }
        visit('object' in target ? objectProperty(target.object, name) : classMember(target.cls, name, target.isStatic), depth + 1);
        return;
      }
      case 'CallExpression': {
        const callee = unwrapExpression(expression.callee as TSESTree.Expression);
        // `handler.bind(this)` is the same function.
        if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'bind') {
          visit(callee.object, depth + 1);
          return;
        }
        if (!options.throughCalls) return;
        for (const argument of expression.arguments) {
          if (argument.type !== 'SpreadElement') visit(argument, depth + 1);
        }
        return;
      }
      default:
        return;
    }
  };

  visit(start, 0);
  return found;
}


/**
 * The functions at `path` inside a call's arguments (framework tables' `select`): a number is an
 * argument, a name a property, `*` every property (or every argument), `()` what a function
 * returns. At every step the values are looked through: TS wrappers, same-file `const` variables,
 * members of same-file objects, arrays, spreads (`{ ...userResolvers }`) and the arguments of
 * wrapper calls (`mergeResolvers([a, b])`, `Object.assign({}, a, b)`).
 */
export function selectFunctions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  args: readonly TSESTree.CallExpressionArgument[],
  path: readonly string[],
): FunctionNode[] {
  const [first, ...rest] = path;
  let current: Node[] = [];
  const spreadless = args.filter((argument): argument is TSESTree.Expression => argument.type !== 'SpreadElement');
  if (first === '*') current = [...spreadless];
  else if (first !== undefined && /^\d+$/.test(first) && args[Number(first)] && args[Number(first)]!.type !== 'SpreadElement') current = [args[Number(first)]!];

  /** The object literals, arrays' elements and functions an expression denotes (depth-limited). */
  const resolve = (start: Node): Node[] => {
    const out: Node[] = [];
    const seen = new Set<Node>();
    const visit = (node: Node | null | undefined, depth: number) => {
      if (!node || depth > 8 || seen.has(node)) return;
      seen.add(node);
      switch (node.type) {
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSNonNullExpression':
        case 'TSTypeAssertion':
        case 'ChainExpression':
          visit(node.expression, depth);
          return;
        case 'ArrayExpression':
          for (const element of node.elements) visit(element?.type === 'SpreadElement' ? element.argument : element, depth + 1);
          return;
        case 'ConditionalExpression':
          visit(node.consequent, depth + 1);
          visit(node.alternate, depth + 1);
          return;
        case 'LogicalExpression':
          visit(node.right, depth + 1);
          if (node.operator !== '&&') visit(node.left, depth + 1);
          return;
        case 'Identifier': {
          const variable = variableOf(sourceCode, node);
          if (!variable || variable.defs.length !== 1) return;
          const def = variable.defs[0]!;
          if (def.type === 'FunctionName') return visit(def.node as Node, depth + 1);
          if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'Identifier' && def.node.init) {
            if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
            visit(def.node.init, depth + 1);
          }
          return;
        }
        case 'MemberExpression': {
          const name = staticPropertyName(node);
          if (name === null) return;
          for (const object of resolve(node.object)) {
            if (object.type === 'ObjectExpression') visit(objectProperty(object, name), depth + 1);
          }
          return;
        }
        case 'CallExpression': {
          const callee = unwrapExpression(node.callee as TSESTree.Expression);
          if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'bind') return visit(callee.object, depth + 1);
          for (const argument of node.arguments) visit(argument.type === 'SpreadElement' ? argument.argument : argument, depth + 1);
          return;
        }
        default:
          out.push(node);
      }
    };
    visit(start, 0);
    return out;
  };

  /** The properties of an object literal, spreads of same-file objects included. */
  const properties = (object: TSESTree.ObjectExpression, depth = 0): TSESTree.Property[] => {
    const found: TSESTree.Property[] = [];
    for (const property of object.properties) {
      if (property.type === 'Property') found.push(property);
      else if (depth < 4) {
        for (const spread of resolve(property.argument)) if (spread.type === 'ObjectExpression') found.push(...properties(spread, depth + 1));
      }
    }
    return found;
  };

  for (const segment of rest) {
    const next: Node[] = [];
    for (const value of current.flatMap(resolve)) {
      if (segment === '()') {
        if (isFunction(value)) next.push(...returnedExpressionsOf(value, sourceCode.visitorKeys));
      } else if (value.type === 'ObjectExpression') {
        for (const property of properties(value)) {
          if (segment === '*' || staticPropertyName(property) === segment) next.push(property.value);
        }
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  const found = new Set<FunctionNode>();
  for (const value of current) for (const fn of functionValues(sourceCode, value, { keys: [], throughCalls: true })) found.add(fn);
  return [...found];
}
