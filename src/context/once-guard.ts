import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachChild, isFunction } from '../resolve/ast.js';
import { variableOf } from './function-values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Whether the call at `node` runs at most once per process: it sits behind a test that a
 * module-level variable is still empty, a variable the file assigns elsewhere — a lazy
 * initialisation (`if (!config) config = JSON.parse(fs.readFileSync(…))`,
 * `instance === null && configure()`, `cache ??= load()`). The first call pays once, at start-up or
 * on the first request; the calls that serve later return the kept value.
 */
export function runsOnce(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    let held: TSESTree.Expression | null = null;
    if (current.type === 'IfStatement' && current.consequent === child) held = emptinessTested(current.test);
    else if (current.type === 'ConditionalExpression' && current.consequent === child) held = emptinessTested(current.test);
    else if (current.type === 'LogicalExpression' && current.right === child) {
      // `x === null && load()`; `x || (x = load())`, where the right side keeps what it made.
      if (current.operator === '&&') held = emptinessTested(current.left);
      else if (assigns(current.right, current.left)) held = current.left;
    } else if (current.type === 'AssignmentExpression' && current.right === child && (current.operator === '??=' || current.operator === '||=')) held = current.left;
    if (held && (isLazyModuleVariable(sourceCode, held) || isLazyStaticMember(sourceCode, held))) return true;
  }
  return false;
}

/** The variable a test finds empty: `!x`, `x === null`, `x == null`, `x === undefined`, `typeof x === 'undefined'`. */
function emptinessTested(test: TSESTree.Expression): TSESTree.Expression | null {
  if (test.type === 'UnaryExpression' && test.operator === '!') return test.argument;
  if (test.type !== 'BinaryExpression' || (test.operator !== '===' && test.operator !== '==')) return null;
  const [value, empty] = isEmptyLiteral(test.right) ? [test.left, true] : isEmptyLiteral(test.left as TSESTree.Expression) ? [test.right, true] : [null, false];
  if (!empty || !value) return null;
  if (value.type === 'UnaryExpression' && value.operator === 'typeof') return value.argument;
  return value as TSESTree.Expression;
}

function isEmptyLiteral(node: TSESTree.Expression): boolean {
  return (node.type === 'Literal' && (node.value === null || node.value === 'undefined')) || (node.type === 'Identifier' && node.name === 'undefined');
}

/** A variable of the module scope, assigned somewhere after its declaration (the value it holds once made). */
function isLazyModuleVariable(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Expression): boolean {
  if (expression.type !== 'Identifier') return false;
  const variable: Variable | null = variableOf(sourceCode, expression);
  if (!variable || variable.defs.length !== 1) return false;
  const scope = variable.scope.type;
  if (scope !== 'module' && scope !== 'global' && !(scope === 'function' && variable.scope.block.type === 'Program')) return false;
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * A static member of a class of the file, assigned somewhere in the class or the file: one per
 * process, like a module variable (`if (this.connection == null) this.connection = await open()` in
 * a static method, `Db.instance ??= new Db()`).
 */
function isLazyStaticMember(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Expression): boolean {
  if (expression.type !== 'MemberExpression' || expression.computed || expression.property.type !== 'Identifier') return false;
  const name = expression.property.name;
  const owner = staticOwner(expression.object);
  if (!owner) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && !node.left.computed && node.left.property.type === 'Identifier' && node.left.property.name === name && staticOwner(node.left.object) === owner) {
      found = true;
      return;
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(owner);
  return found;
}

/** The class `this` is inside a static method of, or the class of the file an identifier names. */
function staticOwner(object: TSESTree.Expression): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  if (object.type === 'ThisExpression') {
    for (let current: Node | undefined = object.parent; current; current = current.parent) {
      if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
        const method = current.parent;
        return method?.type === 'MethodDefinition' && method.static ? method.parent.parent : null;
      }
    }
    return null;
  }
  if (object.type !== 'Identifier') return null;
  for (let current: Node | undefined = object.parent; current; current = current.parent) {
    if ((current.type === 'ClassDeclaration' || current.type === 'ClassExpression') && current.id?.name === object.name) return current;
    if (current.type === 'Program') {
      for (const statement of current.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
        if (declaration?.type === 'ClassDeclaration' && declaration.id?.name === object.name) return declaration;
      }
    }
  }
  return null;
}

/** Whether `expression` is or contains (outside nested functions) an assignment to the identifier `target`. */
function assigns(expression: Node, target: TSESTree.Expression): boolean {
  if (target.type !== 'Identifier') return false;
  const visit = (node: Node): boolean => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === target.name) return true;
    if (node.type === 'SequenceExpression') return node.expressions.some(visit);
    if (node.type === 'AssignmentExpression') return visit(node.right);
    return false;
  };
  return visit(expression);
}
