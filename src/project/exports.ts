import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CALL_RESULT, CONSTRUCT_RESULT } from '../catalog/define.js';
import { exportedValues } from '../context/exports.js';
import { thisAssignments, type Value, type ValueResolver } from '../analysis/function-summaries.js';
import { forEachChild, isFunction, prototypeMethods, returnedExpressionsOf, staticPropertyName, unwrapExpression, type FunctionNode } from '../resolve/ast.js';
import { thisMembersByName } from '../resolve/trace.js';

type Node = TSESTree.Node;

/**
 * A function other files can reach through this module's exports, by the property path a trace
 * takes from the module object: `['save']`, `['default', 'save']` (`export default { save }`),
 * `['Store', 'new()', 'save']` (a method of an exported class), `['save']` also for
 * `module.exports = { save }` (CommonJS objects are the module object itself).
 */
export interface ExportedFunction {
  readonly path: readonly string[];
  readonly fn: FunctionNode;
  /** A class's constructor, run by `new` of the class at `path` (its key ends in `new()`). */
  readonly construct?: boolean;
  /** A static method that hands out the class's instances (`static getInstance()`): its calls return one. */
  readonly returnsInstance?: boolean;
}

/** An exported expression, by its path: where values traced in the file leave it (`export const db = new Database()`). */
export interface ExportedExpression {
  readonly path: readonly string[];
  readonly node: Node;
}

export interface ModuleExports {
  readonly functions: readonly ExportedFunction[];
  readonly expressions: readonly ExportedExpression[];
  /** `module.exports = value`: the module object is that value (so `require(m)()` calls it). */
  readonly commonJsDefault: boolean;
  /** Exported classes that extend another (`class ChatRepo extends KVRepository`): their instances have its members too. */
  readonly superClasses: readonly ExportedExpression[];
}

/** Nesting of object literals followed for `export default { users: { get() {…} } }`. */
const MAX_OBJECT_DEPTH = 2;

const cache = new WeakMap<TSESTree.Program, ModuleExports>();

/**
 * The functions and expressions a module exports, ESM and CommonJS: declarations, `export { a as b }`,
 * default exports, `module.exports = { a, b: c }`, `exports.x = …`, classes (instance methods
 * under `new()`, static ones directly), instances (`export default new Store()`), object
 * literals, and constructor functions with `X.prototype.m = function …`.
 */
export function moduleExports(sourceCode: Readonly<TSESLint.SourceCode>, resolver: ValueResolver): ModuleExports {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const functions: ExportedFunction[] = [];
  const expressions: ExportedExpression[] = [];
  const superClasses: ExportedExpression[] = [];
  const seen = new Set<string>();
  const prototypes = prototypeMethods(program);
  const addFunction = (path: readonly string[], fn: FunctionNode) => {
    const key = path.join('\0');
    if (seen.has(key)) return;
    seen.add(key);
    functions.push({ path, fn });
  };
  // A getter's member reads are what it returns; a field or literal it returns leaves the file there too.
  const addGetter = (path: readonly string[], getter: FunctionNode, depth: number) => {
    for (const returned of returnedExpressionsOf(getter, sourceCode.visitorKeys)) expressions.push({ path, node: returned });
    addValue(path, resolver.returnedValue(getter), depth);
  };
  const addValue = (path: readonly string[], value: Value | null, depth: number) => {
    if (!value) return;
    switch (value.kind) {
      case 'function': {
        addFunction(path, value.fn);
        for (const [name, method] of prototypes.get(value.fn) ?? []) addFunction([...path, CONSTRUCT_RESULT, name], method);
        // `function Store() { this.save = function … }`: what `new Store()` holds.
        for (const [name, member] of thisAssignments(value.fn, sourceCode.visitorKeys)) {
          const method = unwrapExpression(member as TSESTree.Expression);
          if (isFunction(method)) addFunction([...path, CONSTRUCT_RESULT, name], method);
        }
        // A factory: what its calls return (`pandoc('md', 'docx')` is the `converter` it returns).
        if (path.at(-1) !== CALL_RESULT) addValue([...path, CALL_RESULT], resolver.returnedValue(value.fn), depth);
        return;
      }
      case 'class':
      case 'instance': {
        const instancePath = value.kind === 'class' ? [...path, CONSTRUCT_RESULT] : path;
        const declaration = value.body.parent;
        if (value.kind === 'class' && (declaration.type === 'ClassDeclaration' || declaration.type === 'ClassExpression') && declaration.superClass) superClasses.push({ path, node: declaration.superClass });
        for (const member of value.body.body) {
          if (value.kind === 'class' && member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.type === 'FunctionExpression') {
            const key = [...path, CONSTRUCT_RESULT].join('\0');
            if (!seen.has(key)) {
              seen.add(key);
              functions.push({ path, fn: member.value, construct: true });
            }
            continue;
          }
          // `getInfo = async (req) => {…}`: an arrow-function property is a method too (bound per instance).
          const propertyValue = member.type === 'PropertyDefinition' && member.value ? unwrapExpression(member.value) : null;
          if (member.type === 'PropertyDefinition' && propertyValue && isFunction(propertyValue)) {
            const arrowProperty = propertyValue;
            const name = staticPropertyName(member);
            if (name === null) continue;
            if (!member.static) addFunction([...instancePath, name], arrowProperty);
            else if (value.kind === 'class') addFunction([...path, name], arrowProperty);
            continue;
          }
          if (member.type === 'MethodDefinition' && member.kind === 'get' && member.value.type === 'FunctionExpression') {
            // `static get runtime() { return { info: async () => … } }`: `System.runtime.info()` calls what it returns.
            const name = staticPropertyName(member);
            if (name !== null && (member.static ? value.kind === 'class' : true)) addGetter([...(member.static ? path : instancePath), name], member.value, depth);
            continue;
          }
          if (member.type !== 'MethodDefinition' || member.kind !== 'method' || member.value.type !== 'FunctionExpression') continue;
          const name = staticPropertyName(member);
          if (name === null) continue;
          // A method that returns an object of functions (`static update(id) { return { info: … } }`) is a factory.
          const returned = resolver.returnedValue(member.value);
          if (member.static) {
            if (value.kind === 'class') {
              addFunction([...path, name], member.value);
              if (returned?.kind === 'object') addValue([...path, name, CALL_RESULT], returned, depth);
              if (handsOutInstances(member.value, value.body, sourceCode.visitorKeys)) functions.push({ path: [...path, name], fn: member.value, returnsInstance: true });
            }
          } else {
            addFunction([...instancePath, name], member.value);
            if (returned?.kind === 'object') addValue([...instancePath, name, CALL_RESULT], returned, depth);
          }
        }
        // What the instance holds (`constructor(protected readonly db: Database)`, `this.store = new Store()`):
        // a subclass in another file reads it as `this.db`.
        for (const [name, reads] of instanceMemberReads(value.body, sourceCode.visitorKeys)) {
          for (const read of reads) expressions.push({ path: [...instancePath, name], node: read });
        }
        return;
      }
      case 'object':
      case 'namespace': {
        if (depth >= MAX_OBJECT_DEPTH) return;
        const addProperty = (name: string, propertyValue: Node) => {
          expressions.push({ path: [...path, name], node: propertyValue });
          addValue([...path, name], valueOfExport(resolver, propertyValue), depth + 1);
        };
        for (const property of value.object?.properties ?? []) {
          if (property.type !== 'Property' || property.kind === 'set') continue;
          const name = staticPropertyName(property);
          if (name === null) continue;
          const getter = property.kind === 'get' ? unwrapExpression(property.value as TSESTree.Expression) : null;
          if (getter && isFunction(getter)) addGetter([...path, name], getter, depth + 1);
          else if (property.kind === 'init') addProperty(name, property.value as Node);
        }
        // `const db = module.exports = {}; db.set = function …`
        if (value.kind === 'namespace') for (const [name, assigned] of value.members) addProperty(name, assigned);
        return;
      }
    }
  };
  let commonJsDefault = false;
  for (const { name, value, commonJs } of exportsWithKind(program)) {
    const path = commonJs && name === 'default' ? [] : [name];
    if (commonJs && name === 'default') commonJsDefault = true;
    expressions.push({ path, node: value });
    addValue(path, valueOfExport(resolver, value), 0);
  }
  const result = { functions, expressions, commonJsDefault, superClasses };
  cache.set(program, result);
  return result;
}

/**
 * A sync static method that makes an instance of its own class and returns something: a singleton
 * or per-key cache (`static getAuthenticator(ns) { cache[ns] ??= new Authenticator(ns); return cache[ns]; }`).
 */
function handsOutInstances(method: TSESTree.FunctionExpression, body: TSESTree.ClassBody, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (method.async || method.generator || !method.body) return false;
  const cls = body.parent;
  const className = cls.id?.name ?? null;
  let makes = false;
  let returns = false;
  const visit = (node: Node): void => {
    if (makes && returns) return;
    if (node !== method && isFunction(node)) return;
    if (node.type === 'NewExpression' && ((node.callee.type === 'Identifier' && node.callee.name === className) || node.callee.type === 'ThisExpression')) makes = true;
    if (node.type === 'ReturnStatement' && node.argument) returns = true;
    forEachChild(node, keys, visit);
  };
  visit(method.body);
  return makes && returns;
}

/**
 * Where a class's instances hold values, by member name (not its methods or accessors): `this.<name>`
 * reads in its constructor, methods and field initialisers, its fields and its parameter properties.
 */
function instanceMemberReads(body: TSESTree.ClassBody, keys: TSESLint.SourceCode.VisitorKeys): Map<string, Node[]> {
  const methods = new Set<string>();
  for (const member of body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.static) continue;
    const isMethod = member.type === 'MethodDefinition' ? member.kind !== 'constructor' : !!member.value && isFunction(unwrapExpression(member.value));
    const name = isMethod ? staticPropertyName(member) : null;
    if (name !== null) methods.add(name);
  }
  const reads = new Map<string, Node[]>();
  const add = (name: string | null, node: Node) => {
    if (name === null || name.startsWith('#') || methods.has(name)) return;
    const list = reads.get(name);
    if (list) list.push(node);
    else reads.set(name, [node]);
  };
  for (const [name, uses] of thisMembersByName(body, keys)) {
    for (const use of uses) if (!(use.parent?.type === 'AssignmentExpression' && use.parent.left === use)) add(name, use);
  }
  for (const member of body.body) {
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      // `constructor(protected readonly db: Database)`: the parameter property itself.
      for (const parameter of member.value.params) {
        if (parameter.type !== 'TSParameterProperty') continue;
        const declared = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
        if (declared.type === 'Identifier') add(declared.name, declared);
      }
    } else if (member.type === 'PropertyDefinition' && !member.static && member.key.type !== 'PrivateIdentifier') {
      // `db = new Database(…)` and `db!: Database`.
      add(staticPropertyName(member), member);
      if (member.value) add(staticPropertyName(member), member.value);
    }
  }
  return reads;
}

/** `exportedValues`, told apart by whether the export is CommonJS (`module.exports = x` makes `x` the module object). */
function exportsWithKind(program: TSESTree.Program): { name: string; value: Node; commonJs: boolean }[] {
  const found = exportedValues(program).map(({ name, value }) => {
    const statement = topLevelStatementOf(value);
    // `const db = module.exports = {}` is listed by its variable (`db`).
    const aliased = value.type === 'Identifier' && value.parent?.type === 'VariableDeclarator';
    return { name, value, commonJs: statement?.type === 'ExpressionStatement' || aliased };
  });
  // `export class Store {…}` (exportedValues lists the values handlers can be: functions and variables).
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'ClassDeclaration' && statement.declaration.id) {
      found.push({ name: statement.declaration.id.name, value: statement.declaration, commonJs: false });
    }
  }
  return found;
}

function topLevelStatementOf(node: Node): Node | null {
  let current: Node | undefined = node;
  while (current?.parent && current.parent.type !== 'Program') current = current.parent;
  return current ?? null;
}

function valueOfExport(resolver: ValueResolver, node: Node): Value | null {
  if (node.type === 'FunctionDeclaration') return { kind: 'function', fn: node };
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return { kind: 'class', body: node.body };
  const expression = unwrapExpression(node as TSESTree.Expression);
  if (isFunction(expression)) return { kind: 'function', fn: expression };
  if (expression.type === 'ObjectExpression') return { kind: 'object', object: expression };
  if (expression.type === 'NewExpression') {
    const made = resolver.valueOf(expression.callee);
    if (made?.kind !== 'function') return made?.kind === 'class' ? { kind: 'instance', body: made.body } : null;
  }
  return resolver.valueOf(expression);
}

/** The key an exported function is looked up by: its path's, and `Store.new()` for a class's constructor. */
export function functionKey(exported: ExportedFunction): string {
  return exportKey(exported.construct ? [...exported.path, CONSTRUCT_RESULT] : exported.path);
}

/** The path a function is exported by, keyed for look-ups: `save`, `default.save`, `Store.new().save`. */
export function exportKey(path: readonly string[]): string {
  return path.length === 0 ? '<module>' : path.join('.');
}

