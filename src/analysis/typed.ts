import path from 'node:path';
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as TS from 'typescript';
import { CATALOG, type CatalogEntry, type TraceNode } from '../catalog/index.js';
import type { CallCondition, CallPayload } from '../catalog/types.js';
import { TYPED_RECEIVERS, type TypedReceiver } from '../catalog/typed-receivers.js';
import { matchesCondition } from '../resolve/conditions.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { unwrapExpression, forEachChild } from '../resolve/ast.js';
import { programReach } from './program-reach.js';
import { skipWrappers } from './ts-ast.js';
import { typeScriptFor } from '../typescript-module.js';
import { noteTypedFile, warnOnce } from '../warn-once.js';
import { MAX_DEPTH, type BlockingPath, type ExternalResolver, type PathStep, type UseFilter } from './function-summaries.js';

type Node = TSESTree.Node;

/**
 * The parser services with a program, when the user switched type-aware analysis on
 * (`settings['event-loop'].typeAware: 'auto'`) and the parser has a program for this file;
 * otherwise `null` (the untyped analysis runs, nothing throws).
 */
export function typedServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, typeAware: 'off' | 'auto'): ParserServicesWithTypeInformation | null {
  if (typeAware !== 'auto') return null;
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  const hasProgram = !!services?.program && !!services.esTreeNodeToTSNodeMap && !!services.tsNodeToESTreeNodeMap;
  noteTypedFile(path.relative(context.cwd, context.filename) || context.filename, hasProgram);
  if (!hasProgram) return null;
  return services as ParserServicesWithTypeInformation;
}

/** How many functions of other files one program may summarise (a cap on cost in huge programs). */
const MAX_SUMMARIES_PER_PROGRAM = 5000;
/** How many statements-worth of nodes one function's walk may visit. */
const MAX_NODES_PER_FUNCTION = 20_000;

interface ProgramCache {
  readonly summaries: Map<string, Map<TS.Node, BlockingPath | null>>;
  count: number;
}
const programCaches = new WeakMap<TS.Program, ProgramCache>();

const SYNC_CALLBACK_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex',
  'flatMap', 'sort', 'toSorted',
]);

/** Method and property names under typed receivers and module objects: only members with these names are looked at. */
const TYPED_MEMBER_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  for (const receiver of TYPED_RECEIVERS) {
    const node = receiverNode(receiver);
    if (node) for (const name of node.children.keys()) names.add(name);
  }
  for (const root of CATALOG.modules.values()) for (const name of root.children.keys()) names.add(name);
  return names;
})();

function receiverNode(receiver: TypedReceiver): TraceNode | null {
  let node: TraceNode | null | undefined = CATALOG.modules.get(receiver.module);
  for (const segment of receiver.path) {
    if (!node) return null;
    node = segment === '()' ? node.callResult : segment === 'new()' ? node.constructResult : node.children.get(segment);
  }
  return node ?? null;
}

function memberTrace(trace: TraceNode, name: string): TraceNode | undefined {
  return trace.children.get(name) ?? (trace.isModule && name === 'default' ? trace : undefined);
}

export interface TypedAnalysis {
  /** Calls of catalog APIs on values recognised by their type (added to the file's uses). */
  readonly hits: readonly BlockingUse[];
  /** Resolves calls of functions declared elsewhere in the program to how they block; `null` when none can. */
  readonly external: ExternalResolver | null;
}

/**
 * Type-aware resolution for one file. Everything is lazy: typed hits are computed on first read,
 * and external summaries on first request, cached per program and declaration.
 */
export function createTypedAnalysis(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  cwd: string,
  followNodeModules: boolean,
  knownReferences: ReadonlySet<Node>,
): TypedAnalysis | null {
  const program = services.program;
  const lookup = typeScriptFor(program, cwd);
  if (!lookup.ts) {
    warnOnce('no-typescript-api', `type-aware analysis is off (the untyped analysis runs): ${lookup.reason}.`);
    return null;
  }
  const ts = lookup.ts;
  const checker = program.getTypeChecker();
  let cache = programCaches.get(program);
  if (!cache) {
    cache = { summaries: new Map(), count: 0 };
    programCaches.set(program, cache);
  }
  const programCache = cache;
  const thisSourceFile = services.esTreeNodeToTSNodeMap.get(sourceCode.ast).getSourceFile();
  const thisFile = thisSourceFile.fileName;
  const reach = programReach(ts, program);

  // --- what a TS expression is, in catalog terms --------------------------------------------

  const isDeclaredBy = (declaration: TS.Declaration, module: string, pkg: string | null): boolean => {
    for (let node: TS.Node | undefined = declaration; node; node = node.parent) {
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
        const name = node.name.text;
        return name === module || `node:${name}` === module || name === `node:${module}` || (pkg !== null && name === pkg);
      }
    }
    if (pkg === null) return false;
    const file = declaration.getSourceFile().fileName.split(path.sep).join('/');
    const typesName = pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg;
    return file.includes(`/node_modules/${pkg}/`) || file.includes(`/node_modules/@types/${typesName}/`);
  };

  /** The catalog trie node a type stands for: a module object, or a typed receiver. */
  const typeTrace = (expression: TS.Expression): TraceNode | null => {
    const type = checker.getTypeAtLocation(expression);
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const declarations = symbol?.getDeclarations() ?? [];
    for (const declaration of declarations) {
      // `typeof import('fs')`: the type's symbol is the module.
      if (ts.isModuleDeclaration(declaration) && ts.isStringLiteral(declaration.name)) {
        const root = CATALOG.modules.get(declaration.name.text);
        if (root) return root;
      }
    }
    if (!symbol) return null;
    for (const receiver of TYPED_RECEIVERS) {
      if (receiver.typeName !== symbol.getName()) continue;
      if (declarations.some((declaration) => isDeclaredBy(declaration, receiver.module, receiver.package))) return receiverNode(receiver);
    }
    return null;
  };

  const moduleOfImport = (declaration: TS.Declaration): TraceNode | null => {
    let node: TS.Node | undefined = declaration;
    while (node && !ts.isImportDeclaration(node) && !ts.isImportEqualsDeclaration(node)) node = node.parent;
    if (!node) return null;
    if (ts.isImportDeclaration(node)) return ts.isStringLiteral(node.moduleSpecifier) ? (CATALOG.modules.get(node.moduleSpecifier.text) ?? null) : null;
    const reference = node.moduleReference;
    return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? (CATALOG.modules.get(reference.expression.text) ?? null) : null;
  };

  /** Follows an expression syntactically (imports, requires, consts, members, calls), then by its type. */
  const traceOf = (expression: TS.Expression, depth = 0): TraceNode | null => {
    if (depth > 6) return null;
    const node = skipWrappers(ts, expression);
    let found: TraceNode | null | undefined = null;
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const declaration = symbol?.getDeclarations()?.[0];
      if (declaration && symbol && symbol.flags & ts.SymbolFlags.Alias) {
        const root = moduleOfImport(declaration);
        if (root) {
          if (ts.isImportSpecifier(declaration)) found = memberTrace(root, (declaration.propertyName ?? declaration.name).text);
          else found = root;
        }
      } else if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isIdentifier(declaration.name)) {
        const list = declaration.parent;
        if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) found = traceOf(declaration.initializer, depth + 1);
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      const object = traceOf(node.expression, depth + 1);
      found = object ? memberTrace(object, node.name.text) : null;
    } else if (ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
        found = CATALOG.modules.get(node.arguments[0].text);
      } else {
        // A guarded result (a builder only a sync driver makes) is not followed here: its condition is not checked on TS nodes.
        const callee = traceOf(node.expression, depth + 1);
        found = callee?.callGuard ? null : callee?.callResult;
      }
    } else if (ts.isNewExpression(node)) {
      const callee = traceOf(node.expression, depth + 1);
      found = callee?.constructGuard ? null : callee?.constructResult;
    }
    return found ?? typeTrace(node);
  };

  const conditionHolds = (condition: CallCondition | undefined, call: TS.CallExpression): boolean => matchesTsCondition(ts, condition, call);

  /** The catalog entry a TS call reaches, if any. */
  const entryOfCall = (call: TS.CallExpression): CatalogEntry | null => {
    const callee = skipWrappers(ts, call.expression);
    if (ts.isPropertyAccessExpression(callee) && !TYPED_MEMBER_NAMES.has(callee.name.text)) return null;
    const trace = traceOf(callee);
    const payload = trace?.calls.find((candidate: CallPayload) => conditionHolds(candidate.when, call));
    return payload?.kind === 'blocking' ? payload : null;
  };

  // --- summaries of functions in other files ------------------------------------------------

  const displayFile = (fileName: string): string | null => (fileName === thisFile ? null : path.relative(cwd, fileName).split(path.sep).join('/'));

  const lineOf = (node: TS.Node): number => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

  const nameOf = (declaration: TS.Node): string | null => {
    const named = declaration as TS.Node & { name?: TS.Node };
    if (named.name && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
    const parent = declaration.parent;
    if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
    return null;
  };

  /** The symbol an identifier names, through imports and re-exports. */
  const symbolOf = (name: TS.Identifier | TS.MemberName): TS.Symbol | undefined => {
    const symbol = checker.getSymbolAtLocation(name);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };
  /** Whether some declaration of the symbol sits in a file whose functions may block (declaration files have no bodies). */
  const declaredWhereBlockingIsPossible = (symbol: TS.Symbol | undefined): boolean =>
    symbol?.getDeclarations()?.some((declaration) => {
      const file = declaration.getSourceFile();
      return !file.isDeclarationFile && reach.mayBlock(file);
    }) ?? false;

  /** A declaration that runs as a function when called: a function or method with a body, or a variable or property holding one. */
  const isCallableImplementation = (declaration: TS.Declaration): boolean => {
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration.body !== undefined;
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) {
      const value = declaration.initializer && skipWrappers(ts, declaration.initializer);
      return !!value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
    }
    return false;
  };

  /**
   * The declaration a call, `new` or getter read runs, or `undefined` when it cannot be one this
   * analysis reads. Calls into files that cannot block are ruled out first, by the callee's
   * declarations when it is a name or a member of an imported module, otherwise by the member's
   * name; the callee is then found from its symbol where that is unambiguous (a function, a
   * method, a class's constructor). The checker's overload resolution, which also infers every
   * argument, is the costliest query there is on generic-heavy code: it is the last resort.
   */
  const declarationRun = (node: TS.Node): TS.Declaration | undefined => {
    if (ts.isPropertyAccessExpression(node)) {
      if (!reach.declaresName(node.name.text)) return undefined;
      return checker.getSymbolAtLocation(node.name)?.getDeclarations()?.find((candidate) => ts.isGetAccessorDeclaration(candidate));
    }
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
    const callee = skipWrappers(ts, node.expression);
    let symbol: TS.Symbol | undefined;
    if (ts.isIdentifier(callee)) {
      symbol = symbolOf(callee);
      // A parameter's type has no body to read.
      if (symbol?.getDeclarations()?.every((declaration) => ts.isParameter(declaration))) return undefined;
      if (!declaredWhereBlockingIsPossible(symbol)) return undefined;
    } else if (ts.isPropertyAccessExpression(callee)) {
      if (!reach.declaresName(callee.name.text)) return undefined;
      // `Effect.all()` with `import * as Effect from 'effect/Effect'`: the module's members are declared in it.
      const object = skipWrappers(ts, callee.expression);
      const module = ts.isIdentifier(object) ? symbolOf(object) : undefined;
      if (module && module.flags & ts.SymbolFlags.ValueModule && !declaredWhereBlockingIsPossible(module)) return undefined;
      symbol = symbolOf(callee.name);
    }
    const declarations = symbol?.getDeclarations() ?? [];
    if (ts.isNewExpression(node)) {
      const constructor = declarations
        .find((declaration): declaration is TS.ClassLikeDeclaration => ts.isClassLike(declaration))
        ?.members.find((member) => ts.isConstructorDeclaration(member) && member.body !== undefined);
      if (constructor) return constructor;
    } else {
      const implementation = declarations.find(isCallableImplementation);
      if (implementation) return implementation;
      // A name bound to something else (`const read = memoize(…)`, an interface's method) has no body to read.
      if (symbol) return undefined;
    }
    // `super()`, `new Derived()` with an inherited constructor, `factory()()`.
    return checker.getResolvedSignature(node)?.getDeclaration();
  };

  /** The function a call, `new` or getter read runs, when it is a sync function with a body this analysis may read. */
  const targetOf = (node: TS.Node): TS.FunctionLikeDeclaration | null => {
    const declaration = declarationRun(node);
    if (!declaration) return null;
    let fn: TS.Node = declaration;
    // `const helper = () => …`, `helper = function () {…}` in a class.
    if ((ts.isVariableDeclaration(fn) || ts.isPropertyDeclaration(fn) || ts.isPropertyAssignment(fn)) && fn.initializer) fn = skipWrappers(ts, fn.initializer);
    if (!(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) || ts.isGetAccessorDeclaration(fn) || ts.isConstructorDeclaration(fn))) return null;
    if (!fn.body) return null;
    if (fn.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)) return null;
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.asteriskToken) return null;
    const file = fn.getSourceFile();
    if (file.isDeclarationFile || program.isSourceFileDefaultLibrary(file)) return null;
    if (!followNodeModules && /[\\/]node_modules[\\/]/.test(file.fileName)) return null;
    return fn as TS.FunctionLikeDeclaration;
  };

  /** A nested callback runs synchronously with its function: array methods, IIFEs, `new Promise` executors. */
  const runsSynchronously = (fn: TS.Node): boolean => {
    if (ts.canHaveModifiers(fn) && ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)) return false;
    let parent = fn.parent;
    while (parent && ts.isParenthesizedExpression(parent)) parent = parent.parent;
    if (!parent) return false;
    if (ts.isCallExpression(parent)) {
      if (skipWrappers(ts, parent.expression) === fn) return true;
      const callee = skipWrappers(ts, parent.expression);
      return ts.isPropertyAccessExpression(callee) && SYNC_CALLBACK_METHODS.has(callee.name.text) && parent.arguments[0] === fn;
    }
    return ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise' && parent.arguments?.[0] === fn;
  };

  const calleeLabel = (node: TS.Node): string => {
    if (ts.isCallExpression(node)) return `${shortText(node.expression)}()`;
    if (ts.isNewExpression(node)) return `new ${shortText(node.expression)}()`;
    return shortText(node);
  };
  const shortText = (node: TS.Node): string => {
    const text = node.getText();
    return text.length <= 40 && !text.includes('\n') ? text : (nameOf(node) ?? 'function');
  };

  const summarise = (fn: TS.FunctionLikeDeclaration, filter: UseFilter, depth: number): BlockingPath | null => {
    let byNode = programCache.summaries.get(filter.key);
    if (!byNode) {
      byNode = new Map();
      programCache.summaries.set(filter.key, byNode);
    }
    if (byNode.has(fn)) return byNode.get(fn) ?? null;
    if (!reach.mayBlock(fn.getSourceFile())) return null;
    if (depth > MAX_DEPTH || programCache.count >= MAX_SUMMARIES_PER_PROGRAM) return null;
    programCache.count++;
    // In progress: a cycle back to this function adds nothing.
    byNode.set(fn, null);
    const owner = nameOf(fn);
    const file = displayFile(fn.getSourceFile().fileName);
    let direct: BlockingPath | null = null;
    const callees: [TS.Node, TS.FunctionLikeDeclaration][] = [];
    let visited = 0;
    const visit = (node: TS.Node): void => {
      if (direct || ++visited > MAX_NODES_PER_FUNCTION) return;
      if (node !== fn && ts.isFunctionLike(node)) {
        if (!runsSynchronously(node)) return;
      } else if (ts.isCallExpression(node)) {
        const entry = entryOfCall(node);
        if (entry) {
          if (filter.test(entry)) direct = { steps: [{ label: entry.api, line: lineOf(node), file }], entry, owner, depth: 1 };
        } else {
          const target = targetOf(node);
          if (target && target !== fn) callees.push([node, target]);
        }
      } else if (ts.isNewExpression(node) || (ts.isPropertyAccessExpression(node) && !ts.isCallExpression(node.parent))) {
        const target = targetOf(node);
        if (target && target !== fn) callees.push([node, target]);
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) ts.forEachChild(fn.body, visit);
    let result: BlockingPath | null = direct;
    if (!result) {
      for (const [site, target] of callees) {
        const inner = summarise(target, filter, depth + 1);
        if (inner && inner.depth < MAX_DEPTH && (!result || inner.depth + 1 < result.depth)) {
          const step: PathStep = { label: calleeLabel(site), line: lineOf(site), file };
          result = { steps: [step, ...inner.steps], entry: inner.entry, owner: inner.owner, depth: inner.depth + 1 };
        }
      }
    }
    byNode.set(fn, result);
    return result;
  };

  const external: ExternalResolver = (call, filter) => {
    const tsNode = services.esTreeNodeToTSNodeMap.get(call.node as TSESTree.Node) as TS.Node | undefined;
    if (!tsNode) return null;
    const target = targetOf(tsNode);
    if (!target) return null;
    return summarise(target, filter, 1);
  };

  // --- typed hits for the direct rules ------------------------------------------------------

  let hits: BlockingUse[] | undefined;
  const typedHits = (): BlockingUse[] => {
    if (hits) return hits;
    const found: BlockingUse[] = [];
    // No import chain brings a catalog module's types into this file: no value here has one.
    if (!reach.mayBlock(thisSourceFile)) return (hits = found);
    const mentionsTransaction = sourceCode.text.includes('transaction');
    const visit = (node: Node) => {
      if (node.type === 'CallExpression') {
        const callee = unwrapExpression(node.callee);
        // Plain calls are typed receivers only as transaction functions: ask for their type only in files that mention one.
        const candidate =
          (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && TYPED_MEMBER_NAMES.has(callee.property.name)) ||
          (callee.type === 'Identifier' && mentionsTransaction);
        if (candidate && !knownReferences.has(node.callee) && !knownReferences.has(callee)) {
          const trace =
            callee.type === 'MemberExpression'
              ? (() => {
                  const object = typeTrace(services.esTreeNodeToTSNodeMap.get(callee.object) as TS.Expression);
                  return object && memberTrace(object, (callee.property as TSESTree.Identifier).name);
                })()
              : typeTrace(services.esTreeNodeToTSNodeMap.get(callee) as TS.Expression);
          const payload = trace?.calls.find((entry) => matchesCondition(entry.when, node));
          if (payload?.kind === 'blocking') {
            found.push({ payload, reference: node.callee, target: callee, call: node, onModuleObject: callee.type === 'MemberExpression' && trace !== null && isModuleMember(callee) });
          }
        }
      }
      forEachChild(node, sourceCode.visitorKeys, visit);
    };
    /** `x.readFileSync` where `x` is typed as the module itself (so `x.promises.readFile` exists). */
    const isModuleMember = (callee: TSESTree.MemberExpression): boolean => typeTrace(services.esTreeNodeToTSNodeMap.get(callee.object) as TS.Expression)?.isModule ?? false;
    visit(sourceCode.ast);
    hits = found;
    return hits;
  };

  return {
    get hits() {
      return typedHits();
    },
    // Without a catalog import in its import closure, nothing this file calls can block.
    external: reach.mayBlock(thisSourceFile) ? external : null,
  };
}

/** `matchesCondition` for TypeScript call nodes (other files of the program). */
function matchesTsCondition(ts: typeof TS, condition: CallCondition | undefined, call: TS.CallExpression): boolean {
  if (!condition) return true;
  const args = call.arguments;
  const last = args.at(-1);
  if (condition.withoutCallback && last && (ts.isArrowFunction(last) || ts.isFunctionExpression(last))) return false;
  const leading = (node: TS.Node | undefined): string | null =>
    !node ? null : ts.isStringLiteralLike(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : null;
  if (condition.argumentMatches) {
    const text = leading(args[condition.argumentMatches.index]);
    if (text === null || !condition.argumentMatches.pattern.test(text)) return false;
  }
  if (condition.argumentEquals) {
    const arg = args[condition.argumentEquals.index];
    const value = condition.argumentEquals.value;
    const literal =
      !arg ? undefined
      : ts.isStringLiteralLike(arg) ? arg.text
      : ts.isNumericLiteral(arg) ? Number(arg.text)
      : arg.kind === ts.SyntaxKind.TrueKeyword ? true
      : arg.kind === ts.SyntaxKind.FalseKeyword ? false
      : arg.kind === ts.SyntaxKind.NullKeyword ? null
      : undefined;
    if (literal !== value) return false;
  }
  if (condition.argumentNotSmall) {
    const arg = args[condition.argumentNotSmall.index];
    if (arg && ts.isNumericLiteral(arg) && Number(arg.text) <= condition.argumentNotSmall.max) return false;
  }
  if (condition.minArguments !== undefined && args.length < condition.minArguments) return false;
  if (condition.withOption) {
    const { name, value } = condition.withOption;
    const literal = (node: TS.Expression): unknown =>
      node.kind === ts.SyntaxKind.TrueKeyword ? true : node.kind === ts.SyntaxKind.FalseKeyword ? false : ts.isStringLiteralLike(node) ? node.text : ts.isNumericLiteral(node) ? Number(node.text) : undefined;
    const sets = (arg: TS.Expression) =>
      ts.isObjectLiteralExpression(arg) &&
      arg.properties.some((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name && literal(property.initializer) === value);
    if (!args.some(sets)) return false;
  }
  // Not judged on TS nodes (they look at how the result is kept, or through consts): the call does not count here.
  if (condition.perCall || condition.argumentProperty) return false;
  return true;
}
