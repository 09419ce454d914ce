import { programStatements } from './program-statements.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createTraceNode, unionOf, type TraceNode } from '../catalog/define.js';
import type { CallCondition, CallPayload } from '../catalog/types.js';
import { SAME_OBJECT_CALLS } from '../catalog/same-object-calls.js';
import { calleeName, constantString, instanceConstructor, folderRelativePath, escapeRegExp, isFunction, prototypeMethods, staticPropertyName, undeclaredReferences, unwrapExpression, type FunctionNode, forEachChild } from './ast.js';
import { matchesCondition } from './conditions.js';
import { annotatedUses, DEFAULT_EXPORT } from './type-annotations.js';
import { jsdocUses } from './jsdoc-annotations.js';
import { callSitesOf } from '../context/startup.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** One place where the program reaches a traced function: a call of it, or the function passed along. */
export interface TraceHit<P extends CallPayload = CallPayload> {
  readonly payload: P;
  /**
   * The expression that names the API: the callee of the call (`fs.readFileSync`, `read`,
   * `fs.readFileSync.call`), or the function passed along as a value (`fs.readFileSync` in
   * `paths.map(fs.readFileSync)`). Reports go on this range.
   */
  readonly reference: TSESTree.Expression;
  /** The part of `reference` that denotes the API itself (without `.call`/`.apply`). */
  readonly target: TSESTree.Expression;
  /**
   * The call that runs it (a tagged template is a call too: execa's `` $.sync`ls` ``; `new` is one
   * for construct entries: `new AdmZip(file)`); `null` when the function is handed over as a value.
   */
  readonly call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression | TSESTree.NewExpression | null;
  /** `target` is `<module object>.<export>`: it can be rewritten in place (`fs.promises.readFile`). */
  readonly onModuleObject: boolean;
}

/**
 * A trace node for functions that load a module from a constant specifier: `require`, the
 * function `createRequire()` returns, `process.getBuiltinModule`.
 */
const LOADER: TraceNode = createTraceNode();

/** The modules and globals where tracing starts (the compiled catalog and framework tables). */
export interface TraceRoots {
  readonly modules: ReadonlyMap<string, TraceNode>;
  readonly globals: ReadonlyMap<string, TraceNode>;
}

/** Lets a hit handler keep following values (a plugin's instance parameter, a returned router…). */
export interface Tracer {
  /** Follows the value of `node`, described by `trace`, through everything that uses it. */
  follow(node: TSESTree.Expression, trace: TraceNode): void;
  /** Follows a binding pattern (parameter, declarator id) that receives a value described by `trace`. */
  followPattern(pattern: Node, trace: TraceNode, declaration: Node): void;
  /** Follows parameter `index` of `fn` (a parameter property `constructor(private db)` as `this.db`) holding a value described by `trace`. */
  followParameter(fn: FunctionNode, index: number, trace: TraceNode): void;
}

/** Entry points that are not catalog data but lead to it: module loaders. */
const LOADER_MODULES: ReadonlyMap<string, TraceNode> = (() => {
  const moduleModule = createTraceNode(true);
  const createRequire = createTraceNode();
  createRequire.callResult = LOADER;
  moduleModule.children.set('createRequire', createRequire);
  const processModule = createTraceNode(true);
  processModule.children.set('getBuiltinModule', LOADER);
  return new Map([
    ['module', moduleModule],
    ['node:module', moduleModule],
    ['process', processModule],
    ['node:process', processModule],
    // `rfr('src/config.js')`: require from the project's root.
    ['rfr', LOADER],
  ]);
})();

const LOADER_GLOBALS: ReadonlyMap<string, TraceNode> = new Map([
  ['require', LOADER],
  ['process', LOADER_MODULES.get('process')!],
]);

const DYNAMIC_IMPORT = /\bimport\s*\(/g;

export interface TracedFile {
  readonly hits: readonly TraceHit[];
  /** Variables bound to a whole module object (`import fs from 'fs'`, `const fs = require('fs')`), by module trie. */
  readonly moduleVariables: ReadonlyMap<TraceNode, readonly Variable[]>;
}

/**
 * A specifier written as a concatenation of strings (`require('node:' + 'sqlite')`, so a bundler
 * skips it): the trace reads it, so the text check lets such files through.
 */
const SPLIT_SPECIFIER = String.raw`\b(?:require|import)\s*\(\s*(['"\`])[^'"\`]*\2\s*\+|(['"\`])node:\3\s*\+`;
const rootPatterns = new WeakMap<TraceRoots, RegExp>();

/**
 * Whether `text` can reach any of `roots` at all: every way in names a module in a string
 * (`import … from 'fs'`, `require("fs")`, `import(\`fs\`)`, `createRequire(…)('fs')`,
 * `process.getBuiltinModule('fs')`) or names a catalog global. A file that does neither has no
 * trace hits, whatever its code does, so `traceFile` need not walk it. (A specifier spelled with
 * escape sequences, `'f\x73'`, is not recognised; no real code writes one.)
 */
export function mayReachRoots(text: string, roots: TraceRoots): boolean {
  let pattern = rootPatterns.get(roots);
  if (!pattern) {
    const specifiers = [...roots.modules.keys()].map(escapeRegExp);
    const globals = [...roots.globals.keys()].map(escapeRegExp);
    const alternatives = [`(['"\`])(?:${specifiers.join('|')})\\1`, SPLIT_SPECIFIER];
    if (globals.length > 0) alternatives.push(`\\b(?:${globals.join('|')})\\b`);
    pattern = new RegExp(alternatives.join('|'));
    rootPatterns.set(roots, pattern);
  }
  return pattern.test(text);
}

/**
 * Finds, in one file, every call (or pass-along) of a traced function, by following values from
 * where modules enter the program (imports, requires, loaders, globals) through variables,
 * destructuring, aliases, class fields, member accesses and calls. A binding that shadows an
 * import is a different variable, so it is never followed. `onHit` may follow further values.
 */
export function traceFile(
  sourceCode: Readonly<TSESLint.SourceCode>,
  roots: TraceRoots,
  onHit?: (hit: TraceHit, tracer: Tracer) => void,
  /** Starts extra traces (parameters typed `FastifyInstance`…) with the same tracer. */
  seed?: (tracer: Tracer) => void,
  /**
   * Told of every expression a traced value reaches, and of every function whose calls return one
   * (with the trace of the function): how the project model sees values leave a module by its exports.
   */
  onReach?: (node: Node, trace: TraceNode) => void,
): TracedFile {
  const hits: TraceHit[] = [];
  const moduleVariables = new Map<TraceNode, Variable[]>();
  const seen = new Set<Node>();
  const visited = new Map<Variable, Set<TraceNode>>();
  const holderVisits = new Map<Variable, Map<string, Set<TraceNode>>>();
  const thisMemberVisits = new Map<TSESTree.ClassBody | FunctionNode, Map<string, Set<TraceNode>>>();
  const program = sourceCode.ast;
  const globalScope = sourceCode.scopeManager?.globalScope ?? null;
  const subclassNodes = new WeakMap<TraceNode, TraceNode>();

  const moduleTrace = (specifier: string | null): TraceNode | undefined =>
    specifier === null ? undefined : (roots.modules.get(specifier) ?? LOADER_MODULES.get(specifier));

  /** Records the first payload whose condition the call meets (conditioned payloads come first). */
  const report = (
    trace: TraceNode,
    reference: TSESTree.Expression,
    target: TSESTree.Expression,
    call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression | TSESTree.NewExpression | null,
    onModuleObject: boolean,
  ) => {
    if (seen.has(reference)) return;
    const payloads = call?.type === 'NewExpression' ? trace.constructs : trace.calls;
    // Conditions look at arguments: a tagged template or a function passed along meets none.
    const matches = (candidate: (typeof payloads)[number]) => (call && call.type !== 'TaggedTemplateExpression' ? matchesCondition(candidate.when, call) : !candidate.when);
    const payload = payloads.find(matches);
    if (!payload) return;
    seen.add(reference);
    // A value that is one of several project classes (what a factory returns, an interface's implementers)
    // may run any of their functions: each is a hit. Of catalog entries, the first that matches is the API.
    const chosen = payload.kind === 'project-function' ? payloads.filter((candidate) => candidate.kind === 'project-function' && matches(candidate)) : [payload];
    for (const each of chosen) {
      const hit: TraceHit = { payload: each, reference, target, call, onModuleObject };
      hits.push(hit);
      onHit?.(hit, tracer);
    }
  };

  const followVariable = (variable: Variable | null | undefined, trace: TraceNode) => {
    if (!variable) return;
    let traces = visited.get(variable);
    if (!traces) {
      traces = new Set();
      visited.set(variable, traces);
    }
    if (traces.has(trace)) return;
    traces.add(trace);
    if (trace.isModule) {
      const list = moduleVariables.get(trace) ?? [];
      list.push(variable);
      moduleVariables.set(trace, list);
    }
    for (const reference of variable.references) {
      if (reference.isRead() && !reference.isWrite()) follow(reference.identifier as TSESTree.Identifier, trace);
    }
  };

  /** `io = require('socket.io-client')(url)` in a script: an undeclared global holds the value wherever the file reads it. */
  const implicitVisits = new Map<string, Set<TraceNode>>();
  const followImplicitGlobal = (name: string, trace: TraceNode) => {
    const traces = implicitVisits.get(name) ?? new Set<TraceNode>();
    implicitVisits.set(name, traces);
    if (traces.has(trace)) return;
    traces.add(trace);
    for (const reference of undeclaredReferences(sourceCode, name)) {
      if (reference.isRead() && !reference.isWrite()) follow(reference.identifier as TSESTree.Identifier, trace);
    }
  };

  /** Follows the value of `pattern` after it is assigned a value described by `trace`. */
  const followPattern = (pattern: Node, trace: TraceNode, declaration: Node) => {
    switch (pattern.type) {
      case 'Identifier': {
        const declared = sourceCode.getDeclaredVariables(declaration).find((variable) => variable.name === pattern.name) ?? findVariableOf(pattern);
        if (declared) followVariable(declared, trace);
        else followImplicitGlobal(pattern.name, trace);
        return;
      }
      case 'AssignmentPattern':
        followPattern(pattern.left, trace, declaration);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type !== 'Property') continue;
          const key = staticPropertyName(property);
          const child = key === null ? undefined : memberTrace(trace, key);
          if (child) followPattern(property.value, child, declaration);
        }
        return;
      case 'MemberExpression':
        if (pattern.object.type === 'ThisExpression') followThisMember(pattern, trace);
        else if (exportsKey(pattern) !== null) followExportsMember(pattern, trace);
        else followHolderMember(pattern, trace);
        return;
      default:
        return;
    }
  };

  const findVariableOf = (identifier: TSESTree.Identifier): Variable | null => {
    let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
    while (scope) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable;
      scope = scope.upper;
    }
    return null;
  };

  /** `this.db = new Database()`: follow every `this.db` in the same class. */
  const followThisMember = (member: TSESTree.MemberExpression, trace: TraceNode) => {
    const name = classMemberKey(member);
    // A class, or a constructor function with prototype methods (`this.volume = new Volume()` in `Router`).
    const owner = enclosingClassBody(member) ?? enclosingConstructor(program, member);
    if (name === null || !owner) return;
    // `this.a = this.load()` where `load()` returns `this.a`: each (member, value) is followed once.
    let byName = thisMemberVisits.get(owner);
    if (!byName) thisMemberVisits.set(owner, (byName = new Map()));
    let traces = byName.get(name);
    if (!traces) byName.set(name, (traces = new Set()));
    if (traces.has(trace)) return;
    traces.add(trace);
    const uses = owner.type === 'ClassBody' ? thisMembers(owner, name, sourceCode.visitorKeys) : (constructorThisMembers(program, owner, sourceCode.visitorKeys).get(name) ?? []);
    for (const use of uses) {
      if (use !== member) follow(use, trace);
    }
  };

  /**
   * `module.exports = db`, `exports.db = db`, `module.exports.db = db`: follow every other read of
   * the same CommonJS export in this file (`module.exports.prepare(…)`, `exports.db.exec(…)`).
   */
  const followExportsMember = (member: TSESTree.MemberExpression, trace: TraceNode) => {
    const key = exportsKey(member);
    if (key === null) return;
    for (const use of exportsReads(program, sourceCode.visitorKeys).get(key) ?? []) {
      if (use !== member && isUnboundGlobal(exportsRoot(use))) follow(use, trace);
    }
  };

  /** Holders can feed each other (`a.x = b.y; b.y = a.x`): each (holder, key, value) is followed once. */
  const firstHolderVisit = (variable: Variable, key: string, trace: TraceNode): boolean => {
    const byKey = holderVisits.get(variable) ?? new Map<string, Set<TraceNode>>();
    holderVisits.set(variable, byKey);
    const traces = byKey.get(key) ?? new Set<TraceNode>();
    byKey.set(key, traces);
    if (traces.has(trace)) return false;
    traces.add(trace);
    return true;
  };

  /**
   * `cache[sql] = db.prepare(sql)`, `state.db = new Database()`: a local object holds the value, so
   * its reads hold it too (`return cache[sql]`). A computed write stands for every computed read
   * (a cache keyed by query, path, id); a named write for reads of that name.
   */
  const followHolderMember = (member: TSESTree.MemberExpression, trace: TraceNode) => {
    const variable = member.object.type === 'Identifier' ? findVariableOf(member.object) : null;
    if (!variable || variable.defs.length === 0) return;
    const key = staticPropertyName(member);
    if (!firstHolderVisit(variable, key ?? '[]', trace)) return;
    for (const reference of variable.references) {
      const read = reference.identifier.parent;
      if (read?.type !== 'MemberExpression' || read.object !== reference.identifier || read === member) continue;
      if (staticPropertyName(read) !== key || isAssignedTo(read)) continue;
      follow(read, trace);
    }
  };

  /** `cache.set(key, value)` on a local Map: its `cache.get(…)` calls return the value. */
  const followMapEntry = (call: TSESTree.CallExpression, argument: Node, trace: TraceNode) => {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'set' || call.arguments[1] !== argument) return false;
    const variable = callee.object.type === 'Identifier' ? findVariableOf(callee.object) : null;
    if (!variable || variable.defs.length === 0) return false;
    if (!firstHolderVisit(variable, 'get()', trace)) return true;
    for (const reference of variable.references) {
      const read = reference.identifier.parent;
      if (read?.type !== 'MemberExpression' || read.object !== reference.identifier || staticPropertyName(read) !== 'get') continue;
      const getCall = read.parent;
      if (getCall?.type === 'CallExpression' && getCall.callee === read) follow(getCall, trace);
    }
    return true;
  };

  const isUnboundGlobal = (identifier: TSESTree.Identifier | null): boolean => {
    if (!identifier) return false;
    const variable = findVariableOf(identifier);
    return !variable || variable.defs.length === 0;
  };

  /**
   * A function returns a traced value (`function getDb() { return db; }`, `() => this.db`): follow
   * what its calls return. Async functions and generators return something else, so they stop here.
   */
  const followReturned = (fn: FunctionNode, trace: TraceNode) => {
    if (fn.async || fn.generator) return;
    const getter = fn.parent;
    if (getter?.type === 'MethodDefinition' && getter.value === fn && getter.kind === 'get' && !getter.static) {
      // `get db() { return this._db; }` is read as `this.db` in the same class: the read is the value.
      const name = classMemberKey(getter);
      if (name !== null) for (const use of thisMembers(getter.parent, name, sourceCode.visitorKeys)) follow(use, trace);
      return;
    }
    const wrapper = returning(trace);
    if (!wrapper) return;
    onReach?.(fn, wrapper);
    if (fn.type === 'FunctionDeclaration') {
      followVariable(sourceCode.getDeclaredVariables(fn)[0], wrapper);
      return;
    }
    const parent = fn.parent;
    if (parent.type === 'MethodDefinition' && parent.value === fn && parent.kind === 'method' && !parent.static) {
      // `getDb() { return this.db; }` is called as `this.getDb()` in the same class.
      const name = classMemberKey(parent);
      if (name !== null) for (const use of thisMembers(parent.parent, name, sourceCode.visitorKeys)) follow(use, wrapper);
      return;
    }
    follow(fn, wrapper);
  };

  /** Walks from a value described by `trace` up through the expressions that use it. */
  const follow = (start: TSESTree.Expression, trace: TraceNode): void => {
    let node: TSESTree.Expression = start;
    // True while `node` is `<module object>.<export>`: such a callee can be rewritten in place.
    let onModuleObject = false;
    for (;;) {
      onReach?.(node, trace);
      const parent = node.parent as Node | undefined;
      if (!parent) return;
      switch (parent.type) {
        case 'ChainExpression':
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSNonNullExpression':
        case 'TSTypeAssertion':
        case 'TSInstantiationExpression':
        case 'LogicalExpression':
          node = parent;
          continue;
        case 'ConditionalExpression':
          if (parent.test === node) return;
          node = parent;
          continue;
        case 'SequenceExpression':
          if (parent.expressions.at(-1) !== node) return;
          node = parent;
          continue;
        case 'MemberExpression': {
          if (parent.object !== node) return;
          const name = staticPropertyName(parent);
          if (name === null) {
            // `commands[name](…)`: a dispatch through a project module's table reaches each of its functions.
            const table = parent.computed ? dispatchTable(trace) : null;
            if (!table) return;
            node = parent;
            trace = table;
            onModuleObject = false;
            continue;
          }
          const grand = parent.parent as Node;
          const calledMember = grand.type === 'CallExpression' && grand.callee === parent;
          if (trace.calls.length > 0 && calledMember && (name === 'call' || name === 'apply')) {
            report(trace, parent, unwrapExpression(node), grand, onModuleObject);
            return;
          }
          if (trace.calls.length > 0 && calledMember && name === 'bind') {
            // `fs.readFileSync.bind(fs)` is the same function.
            node = grand;
            onModuleObject = false;
            continue;
          }
          if ((trace.isModule || trace.awaitable) && calledMember && name === 'then' && !trace.children.has('then')) {
            followThenCallback(grand, trace);
            return;
          }
          if (trace.awaitResult && calledMember && name === 'then') {
            // `MikroORM.init(config).then((orm) => …)`.
            followThenCallback(grand, trace.awaitResult);
            return;
          }
          const child = memberTrace(trace, name);
          if (!child) return;
          onModuleObject = trace.isModule && child !== trace;
          node = parent;
          trace = child;
          continue;
        }
        case 'CallExpression': {
          if (parent.callee === node) {
            if (trace === LOADER) {
              // `require('./db')`, and `require(path.join(__dirname, 'db.js'))` as `./db.js`, the key the project gives it.
              // `require(dev ? './db.dev.js' : './db.js')`: either module.
              const argument = parent.arguments[0];
              const loaded = argument?.type === 'ConditionalExpression' ? [argument.consequent, argument.alternate] : [argument];
              const roots = loaded.map((each) => moduleTrace(constantString(each) ?? folderRelativePath(each))).filter((root): root is TraceNode => root !== undefined);
              if (roots.length > 0) follow(parent, roots.reduce((union, root) => unionOf(union, root)));
              return;
            }
            if (trace.calls.length > 0) report(trace, node, unwrapExpression(node), parent, onModuleObject);
            if (trace.callResult && guardHolds(trace.callGuard, parent)) follow(parent, trace.callResult);
            return;
          }
          if (trace.calls.length > 0 && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
            report(trace, node, unwrapExpression(node), null, false);
          }
          // `Promise.promisifyAll(require('fs'))` returns the module object it was given.
          if (trace.isModule && parent.arguments[0] === node && SAME_OBJECT_CALLS.has(calleeName(parent.callee) ?? '')) {
            node = parent;
            onModuleObject = false;
            continue;
          }
          if (followMapEntry(parent, node, trace)) return;
          // `fetchGenres(db, ids)`: a function of this file receives the value (a database, a statement) as a parameter.
          if (trace.calls.length === 0) followIntoParameter(parent, node, trace);
          return;
        }
        case 'TaggedTemplateExpression':
          // `` $.sync`ls` `` calls the tag.
          if (parent.tag !== node) return;
          if (trace.calls.length > 0) report(trace, node, unwrapExpression(node), parent, onModuleObject);
          if (trace.callResult && !trace.callGuard) follow(parent, trace.callResult);
          return;
        case 'NewExpression':
          if (parent.callee !== node) return;
          if (trace.constructs.length > 0) report(trace, node, unwrapExpression(node), parent, onModuleObject);
          if (trace.constructCalls && !seen.has(node)) {
            // Framework tables: `new Worker('q', processor)` registers; the hit's call is `null`, its reference the callee.
            const payload = trace.constructCalls.find((candidate) => matchesCondition(candidate.when, parent as unknown as TSESTree.CallExpression));
            if (payload) {
              seen.add(node);
              const hit: TraceHit = { payload, reference: node, target: unwrapExpression(node), call: null, onModuleObject: false };
              hits.push(hit);
              onHit?.(hit, tracer);
            }
          }
          if (trace.constructResult && guardHolds(trace.constructGuard, parent)) follow(parent, trace.constructResult);
          return;
        case 'AwaitExpression':
          // `await MikroORM.init(…)`: a promise of a catalog object.
          if (trace.awaitResult) {
            node = parent;
            trace = trace.awaitResult;
            onModuleObject = false;
            continue;
          }
          // Otherwise module namespaces (`await import('fs')`) and framework values (`await amqp.connect(url)`).
          if (!trace.isModule && !trace.awaitable) return;
          node = parent;
          continue;
        case 'VariableDeclarator':
          if (parent.init === node) followPattern(parent.id, trace, parent);
          return;
        case 'AssignmentPattern':
          // A default value: `function detect({ fsx = fs } = {})` uses `fs` unless a test injects another.
          if (parent.right === node) followPattern(parent.left, trace, parent);
          return;
        case 'AssignmentExpression':
          if (parent.right !== node || !ASSIGNING_OPERATORS.has(parent.operator)) return;
          followPattern(parent.left, trace, parent);
          // The assignment's value is the assigned value: `const db = module.exports = new Database()`.
          node = parent;
          onModuleObject = false;
          continue;
        case 'ReturnStatement': {
          const fn = enclosingFunction(parent);
          if (fn) followReturned(fn, trace);
          return;
        }
        case 'ArrowFunctionExpression':
          if (parent.body === node) followReturned(parent, trace);
          return;
        case 'ClassDeclaration':
        case 'ClassExpression':
          // `class Bus extends EventEmitter { … this.on(…) }`: the subclass makes the same instances.
          if (parent.superClass === node && trace.constructResult) followSubclass(parent, trace.constructResult);
          return;
        case 'PropertyDefinition':
          if (parent.value === node && !parent.static) {
            const name = classMemberKey(parent);
            const classBody = parent.parent;
            if (name !== null && classBody.type === 'ClassBody') {
              for (const use of thisMembers(classBody, name, sourceCode.visitorKeys)) follow(use, trace);
            }
          }
          return;
        default:
          return;
      }
    }
  };

  /**
   * A class extending a traced class: `new Sub()` and `this` in its instance methods are instances
   * described by `instance` (the subclass binding is followed with a node that only constructs).
   */
  const followSubclass = (cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, instance: TraceNode) => {
    let constructor = subclassNodes.get(instance);
    if (!constructor) {
      constructor = createTraceNode();
      constructor.constructResult = instance;
      subclassNodes.set(instance, constructor);
    }
    if (cls.type === 'ClassDeclaration') {
      for (const variable of sourceCode.getDeclaredVariables(cls)) followVariable(variable, constructor);
    } else {
      follow(cls, constructor);
    }
    const visit = (node: Node, inMethod: boolean) => {
      if (node.type === 'ThisExpression') {
        if (inMethod) follow(node, instance);
        return;
      }
      // A nested `function` or class rebinds `this`.
      if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
      forEachChild(node, sourceCode.visitorKeys, (child) => visit(child, inMethod));
    };
    for (const member of cls.body.body) {
      if (member.type === 'MethodDefinition' && !member.static && member.value.body) visit(member.value.body, true);
      else if (member.type === 'PropertyDefinition' && !member.static && member.value) visit(member.value, true);
    }
  };

  /** A plain call of a function of this file (`helper(db)`): follow the parameter the value lands in. */
  const followIntoParameter = (call: TSESTree.CallExpression, argument: Node, trace: TraceNode) => {
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const callee = unwrapExpression(call.callee);
    if (index < 0 || callee.type !== 'Identifier' || call.arguments.slice(0, index).some((each) => each.type === 'SpreadElement')) return;
    const variable = findVariableOf(callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Parameter' && isFunction(def.node)) {
      // `function wrap(query, func) { return func(stmt(query)); }`: the value reaches the callbacks
      // `wrap` is called with in this file (`wrap(q, (s) => s.all())`).
      followIntoCallbacks(def.node, def.node.params.indexOf(def.name as TSESTree.Parameter), index, trace);
      return;
    }
    let fn: FunctionNode | null = null;
    if (def?.type === 'FunctionName' && isFunction(def.node)) fn = def.node;
    else if (def?.type === 'Variable' && def.node.init && def.parent?.kind === 'const') {
      const init = unwrapExpression(def.node.init);
      if (isFunction(init)) fn = init;
    }
    const parameter = fn?.params[index];
    if (fn && parameter && parameter.type !== 'RestElement' && parameter.type !== 'TSParameterProperty') followPattern(parameter, trace, fn);
  };

  /** The callbacks passed as parameter `parameterIndex` of `fn` at its calls in this file: follow their parameter `argumentIndex`. */
  const followIntoCallbacks = (fn: FunctionNode, parameterIndex: number, argumentIndex: number, trace: TraceNode) => {
    if (parameterIndex < 0) return;
    for (const call of callSitesOf(sourceCode, fn)) {
      const callback = call.arguments[parameterIndex];
      if (!callback || callback.type === 'SpreadElement') continue;
      let target: FunctionNode | null = null;
      const value = unwrapExpression(callback);
      if (isFunction(value)) target = value;
      else if (value.type === 'Identifier') {
        const defined = findVariableOf(value)?.defs[0];
        if (defined?.type === 'FunctionName' && isFunction(defined.node)) target = defined.node;
      }
      const parameter = target?.params[argumentIndex];
      if (target && parameter && parameter.type !== 'RestElement' && parameter.type !== 'TSParameterProperty') followPattern(parameter, trace, target);
    }
  };

  /** The value an annotation types: a parameter, a parameter property, a class field, a variable. */
  const followAnnotated = (owner: Node | undefined, trace: TraceNode) => {
    if (!owner) return;
    if (owner.type === 'Identifier' && owner.parent) {
      const holder = owner.parent;
      if (holder.type === 'TSParameterProperty') {
        // `constructor(private db: DatabaseSync)`: read back as `this.db` (and by subclasses).
        onReach?.(owner, trace);
        const classBody = holder.parent?.parent?.parent;
        if (classBody?.type === 'ClassBody') for (const use of thisMembers(classBody, owner.name, sourceCode.visitorKeys)) follow(use, trace);
        return;
      }
      if (isFunction(holder) && holder.params.includes(owner)) followPattern(owner, trace, holder);
      else if (holder.type === 'VariableDeclarator' && holder.id === owner) followPattern(owner, trace, holder);
      return;
    }
    if (owner.type === 'PropertyDefinition' && !owner.static && owner.parent.type === 'ClassBody') {
      // `readonly #table: TableView` is read as `this.#table`.
      onReach?.(owner, trace);
      const name = classMemberKey(owner);
      if (name !== null) for (const use of thisMembers(owner.parent, name, sourceCode.visitorKeys)) follow(use, trace);
    }
  };

  const followParameter = (fn: FunctionNode, index: number, trace: TraceNode) => {
    const parameter = fn.params[index];
    if (!parameter || parameter.type === 'RestElement') return;
    if (parameter.type !== 'TSParameterProperty') followPattern(parameter, trace, fn);
    else followAnnotated(parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter, trace);
  };

  const tracer: Tracer = {
    follow: (node, trace) => follow(node, trace),
    followPattern: (pattern, trace, declaration) => followPattern(pattern, trace, declaration),
    followParameter,
  };

  const followThenCallback = (thenCall: TSESTree.CallExpression, trace: TraceNode) => {
    const callback = thenCall.arguments[0];
    if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
      const parameter = callback.params[0];
      if (parameter) followPattern(parameter, trace, callback);
    }
  };

  // 1. ESM imports and TypeScript `import x = require('m')`.
  for (const statement of programStatements(program)) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type') continue;
      const root = moduleTrace(statement.source.value);
      if (!root) continue;
      for (const specifier of statement.specifiers) {
        let trace: TraceNode | undefined = specifier.type === 'ImportDefaultSpecifier' ? (root.esDefault ?? root) : root;
        if (specifier.type === 'ImportSpecifier') {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          trace = memberTrace(root, imported);
        }
        if (trace) followVariable(sourceCode.getDeclaredVariables(specifier)[0], trace);
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.importKind !== 'type' &&
      statement.moduleReference.type === 'TSExternalModuleReference'
    ) {
      const root = moduleTrace(constantString(statement.moduleReference.expression));
      if (root) followVariable(sourceCode.getDeclaredVariables(statement)[0], root);
    }
  }

  // 2. Globals: `require` (declared or not), `process.getBuiltinModule`, catalog globals.
  if (globalScope) {
    const startGlobal = (identifier: TSESTree.Identifier) => {
      const trace = LOADER_GLOBALS.get(identifier.name) ?? roots.globals.get(identifier.name);
      if (trace) follow(identifier, trace);
    };
    for (const reference of globalScope.through) startGlobal(reference.identifier as TSESTree.Identifier);
    for (const name of [...LOADER_GLOBALS.keys(), ...roots.globals.keys()]) {
      const variable = globalScope.set.get(name);
      // A configured global (no definitions in the file); a declared one is user code.
      if (variable && variable.defs.length === 0) {
        for (const reference of variable.references) startGlobal(reference.identifier as TSESTree.Identifier);
      }
    }
  }

  // 3. `await import('fs')` and `import('fs').then((fs) => …)`.
  const text = sourceCode.text;
  if (text.includes('import')) {
    for (const match of text.matchAll(DYNAMIC_IMPORT)) {
      const node = sourceCode.getNodeByRangeIndex(match.index) as Node | null;
      if (node?.type !== 'ImportExpression') continue;
      const root = moduleTrace(constantString(node.source));
      if (root) follow(node, root);
    }
  }

  // 4. Values annotated with a catalog class (`(db: DatabaseSync)`, `private readonly db: Database`),
  //    type-only imports included: the annotation says what the value is, whatever its name.
  for (const statement of programStatements(program)) {
    const importsModule = statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference';
    if (statement.type !== 'ImportDeclaration' && !importsModule) continue;
    const root = moduleTrace(statement.type === 'ImportDeclaration' ? statement.source.value : (statement.moduleReference as TSESTree.TSExternalModuleReference).expression.value);
    if (!root) continue;
    for (const specifier of statement.type === 'ImportDeclaration' ? statement.specifiers : [statement]) {
      for (const { typeName, owner } of annotatedUses(sourceCode, specifier, true)) {
        const type = specifier.type === 'ImportDefaultSpecifier' && typeName === DEFAULT_EXPORT ? (root.esDefault ?? root) : memberTrace(root, typeName);
        // A class whose instances block only when made with some options (TypeORM's `DataSource` with
        // `type: 'better-sqlite3'`): an annotation names the class, not how it was made.
        if (type?.constructResult && !type.constructGuard) followAnnotated(owner, type.constructResult);
      }
    }
  }

  // 5. The same in JSDoc (`@param {import("./updater")} options.updater`): a class the module exports.
  for (const { specifier, member, target } of jsdocUses(sourceCode)) {
    const root = moduleTrace(specifier);
    const type = root && (member === null ? (root.esDefault ?? root) : memberTrace(root, member));
    const instance = type && !type.constructGuard ? type.constructResult : null;
    if (!instance) continue;
    if (target.kind === 'pattern') followPattern(target.pattern, instance, target.declaration);
    else if (target.kind === 'reads') for (const read of target.reads) follow(read, instance);
    else followThisMember(target.member, instance);
  }

  seed?.(tracer);

  return { hits, moduleVariables };
}

/** `x.y` on the left of an assignment or as an update's operand: a write, not a read. */
function isAssignedTo(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (parent?.type === 'AssignmentExpression' && parent.left === member) || parent?.type === 'UpdateExpression';
}

/** Assignments whose value is the right-hand side (when they assign at all). */
const ASSIGNING_OPERATORS = new Set(['=', '||=', '??=']);

/** How many calls deep a value may be returned from functions before the tracer gives up. */
const MAX_RETURN_DEPTH = 3;
const returnWrappers = new WeakMap<TraceNode, { node: TraceNode; depth: number }>();
const returnDepth = new WeakMap<TraceNode, number>();

/** The trace of a function whose calls return values described by `trace` (`null` past the depth limit). */
function returning(trace: TraceNode): TraceNode | null {
  const cached = returnWrappers.get(trace);
  if (cached) return cached.node;
  const depth = (returnDepth.get(trace) ?? 0) + 1;
  if (depth > MAX_RETURN_DEPTH) return null;
  const node = createTraceNode();
  node.callResult = trace;
  returnWrappers.set(trace, { node, depth });
  returnDepth.set(node, depth);
  return node;
}

function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return null;
}

/** `module.exports` or `exports` (the object every CommonJS export hangs off). */
function isExportsObject(node: Node): boolean {
  if (node.type === 'Identifier') return node.name === 'exports';
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

/** `''` for `module.exports` itself, `'db'` for `exports.db` / `module.exports.db`, else `null`. */
function exportsKey(member: TSESTree.MemberExpression): string | null {
  if (isExportsObject(member)) return '';
  if (!isExportsObject(member.object)) return null;
  const name = staticPropertyName(member);
  return name === null ? null : `.${name}`;
}

/** The `module` or `exports` identifier an exports member starts from. */
function exportsRoot(member: TSESTree.MemberExpression): TSESTree.Identifier | null {
  let object: Node = member;
  while (object.type === 'MemberExpression') object = object.object;
  return object.type === 'Identifier' ? object : null;
}

const exportsReadCache = new WeakMap<TSESTree.Program, Map<string, TSESTree.MemberExpression[]>>();

/** Every `module.exports`, `exports.x` and `module.exports.x` in a file, by key. */
function exportsReads(program: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys): Map<string, TSESTree.MemberExpression[]> {
  let byKey = exportsReadCache.get(program);
  if (byKey) return byKey;
  byKey = new Map();
  const found = byKey;
  const visit = (node: Node) => {
    if (node.type === 'MemberExpression') {
      const key = exportsKey(node);
      if (key !== null) {
        const list = found.get(key) ?? [];
        list.push(node);
        found.set(key, list);
      }
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(program);
  exportsReadCache.set(program, byKey);
  return byKey;
}

/**
 * The trace reached by reading `.name` on a value; `.default` of a module is the module (CJS
 * interop); any other name reaches the value's `*` member, if it has one (query-builder chains).
 */
function memberTrace(trace: TraceNode, name: string): TraceNode | undefined {
  return trace.children.get(name) ?? (trace.isModule && name === 'default' ? trace : (trace.anyMember ?? undefined));
}

const dispatchTables = new WeakMap<TraceNode, TraceNode | null>();

/**
 * What a computed read (`handlers[type]`) of a value whose members are project functions reaches:
 * every one of them, and one level of their members (`commands[name].run(…)`). Only another file's
 * functions count: a computed read of a catalog module (`fs[method]`) stays unknown.
 */
function dispatchTable(trace: TraceNode): TraceNode | null {
  const known = dispatchTables.get(trace);
  if (known !== undefined) return known;
  const table = createTraceNode();
  let found = false;
  const merge = (into: TraceNode, from: TraceNode, depth: number) => {
    for (const payload of from.calls) {
      if (payload.kind !== 'project-function') continue;
      into.calls.push(payload);
      found = true;
    }
    if (depth > 0) return;
    for (const [name, grand] of from.children) {
      let child = into.children.get(name);
      if (!child) into.children.set(name, (child = createTraceNode()));
      merge(child, grand, depth + 1);
    }
  };
  for (const child of trace.children.values()) merge(table, child, 0);
  const answer = found ? table : null;
  dispatchTables.set(trace, answer);
  return answer;
}

/** A value only some calls make (a guard) is made by this call (`new Kysely({ dialect: new SqliteDialect() })`). */
function guardHolds(guard: CallCondition | undefined, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return !guard || matchesCondition(guard, call);
}

/** The key of a class member or `this` member; private names keep their `#` (`#db` is not `db`). */
function classMemberKey(node: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  return key.type === 'PrivateIdentifier' ? `#${key.name}` : staticPropertyName(node);
}

/** Names a method body binds to `this` at its top level: `const self = this`, `var that = this`. */
function thisAliases(body: TSESTree.BlockStatement | TSESTree.Expression): string[] {
  if (body.type !== 'BlockStatement') return [];
  const names: string[] = [];
  for (const statement of body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init?.type === 'ThisExpression') names.push(declarator.id.name);
    }
  }
  return names;
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
  }
  return null;
}

/** The constructor function whose instance `this` is at `node`: in a prototype method, or in the constructor itself. */
function enclosingConstructor(program: TSESTree.Program, node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) && current.type !== 'ArrowFunctionExpression') return instanceConstructor(program, current);
  }
  return null;
}

const constructorMemberCache = new WeakMap<FunctionNode, Map<string, TSESTree.MemberExpression[]>>();

/** `thisMembersByName` for a constructor function: `this.x` (and `self.x`) in it and in its prototype methods. */
function constructorThisMembers(program: TSESTree.Program, ctor: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): ReadonlyMap<string, TSESTree.MemberExpression[]> {
  let byName = constructorMemberCache.get(ctor);
  if (!byName) {
    const methods = new Set<Node>([ctor, ...(prototypeMethods(program).get(ctor)?.values() ?? [])]);
    byName = collectThisReads([...methods], (fn) => methods.has(fn), visitorKeys);
    constructorMemberCache.set(ctor, byName);
  }
  return byName;
}

/**
 * Every `this.<name>` read (and `self.<name>` through `const self = this`) under `starts`, by name. A
 * function `ownsThis` accepts binds `this` to the instance; any other non-arrow function rebinds it,
 * while the aliases made outside it still reach into it. A nested class is not entered.
 */
function collectThisReads(starts: readonly Node[], ownsThis: (fn: Node) => boolean, visitorKeys: TSESLint.SourceCode.VisitorKeys): Map<string, TSESTree.MemberExpression[]> {
  const byName = new Map<string, TSESTree.MemberExpression[]>();
  const collect = (node: Node, thisBound: boolean, aliases: ReadonlySet<string>) => {
    if (node.type === 'MemberExpression' && (node.object.type === 'ThisExpression' ? thisBound : node.object.type === 'Identifier' && aliases.has(node.object.name))) {
      const key = classMemberKey(node);
      if (key !== null) {
        const list = byName.get(key);
        if (list) list.push(node);
        else byName.set(key, [node]);
      }
    }
    if (node.type === 'ClassBody') return;
    if (isFunction(node) && node.type !== 'ArrowFunctionExpression' && node.body) {
      const owns = ownsThis(node);
      const names = owns ? thisAliases(node.body) : [];
      const inner = names.length > 0 ? new Set([...aliases, ...names]) : aliases;
      forEachChild(node, visitorKeys, (child) => collect(child, owns, inner));
      return;
    }
    forEachChild(node, visitorKeys, (child) => collect(child, thisBound, aliases));
  };
  for (const start of starts) collect(start, true, new Set());
  return byName;
}

const thisMemberCache = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();

/** Every `this.<name>` read in a class body, not crossing into nested non-arrow functions or classes. */
function thisMembers(classBody: TSESTree.ClassBody, name: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.MemberExpression[] {
  return thisMembersByName(classBody, visitorKeys).get(name) ?? [];
}

/** `thisMembers` for every name at once (`self.x` through `const self = this` included), built once per class body. */
export function thisMembersByName(classBody: TSESTree.ClassBody, visitorKeys: TSESLint.SourceCode.VisitorKeys): ReadonlyMap<string, TSESTree.MemberExpression[]> {
  let byName = thisMemberCache.get(classBody);
  if (!byName) {
    // A method's own body binds `this` to the instance; a nested `function` rebinds it.
    byName = collectThisReads(classBody.body, (fn) => fn.parent?.type === 'MethodDefinition' && fn.parent.parent === classBody, visitorKeys);
    thisMemberCache.set(classBody, byName);
  }
  return byName;
}
