import { annotatedUses } from '../resolve/type-annotations.js';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CompiledConvention, CompiledTypeNames, Frameworks } from '../catalog/frameworks/index.js';
import type { RegistrarPayload } from '../catalog/types.js';
import { isFunction, staticPropertyName, type FunctionNode, forEachChild } from '../resolve/ast.js';
import { traceFile, type Tracer } from '../resolve/trace.js';
import { exportedValues, type ExportedValue } from './exports.js';
import { functionValues } from './function-values.js';
import { enclosingFunction, startupFunctions } from './startup.js';

type Node = TSESTree.Node;

/** How a function was found to serve requests. */
export type HandlerSource = 'registration' | 'convention' | 'type' | 'heuristic';

export interface HandlerInfo {
  /** "Express route handler". */
  readonly label: string;
  readonly framework: string;
  readonly source: HandlerSource;
  /** Said by the make-async suggestion. */
  readonly asyncNote: string | null;
  /** A suggestion may add `async` to it (not to callback-style Lambda handlers or helpers whose result is used). */
  readonly canMakeAsync: boolean;
  /** For heuristic finds: the parameter shape that matched ("(req, res)"). */
  readonly shape: string | null;
}

export interface FileHandlers {
  /** Handlers found through framework imports, conventions and types. */
  readonly handlers: ReadonlyMap<FunctionNode, HandlerInfo>;
  /** Handlers found only by their request-shaped parameters. */
  readonly heuristic: ReadonlyMap<FunctionNode, HandlerInfo>;
  /** Functions that only run at start-up or shutdown. */
  readonly startup: ReadonlySet<FunctionNode>;
}

const WRAPPERS = { throughCalls: true } as const;

/** Every function in the file, in source order. */
function allFunctions(sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode[] {
  const functions: FunctionNode[] = [];
  const keys = sourceCode.visitorKeys;
  const walk = (node: Node) => {
    if (isFunction(node)) functions.push(node);
    forEachChild(node, keys, walk);
  };
  walk(sourceCode.ast);
  return functions;
}

/** Module specifiers the file imports (type-only too) or requires with a constant string. */
function importedModules(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const modules = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') modules.add(statement.source.value);
    if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source) modules.add(statement.source.value);
  }
  const text = sourceCode.text;
  if (text.includes('require')) {
    for (const match of text.matchAll(/\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) modules.add(match[1]!);
  }
  return modules;
}

function importsAny(modules: ReadonlySet<string>, wanted: readonly string[]): boolean {
  for (const module of modules) {
    for (const prefix of wanted) {
      if (module === prefix || (prefix.endsWith('/') ? module.startsWith(prefix) : module.startsWith(`${prefix}/`))) return true;
    }
  }
  return false;
}

/** Whether some call in the file uses the function's result (then making it async would change its callers). */
function resultIsUsed(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  let identifier: TSESTree.Identifier | null = null;
  let declaration: Node = fn;
  if (fn.type === 'FunctionDeclaration') identifier = fn.id;
  else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') {
    identifier = fn.parent.id;
    declaration = fn.parent;
  }
  if (!identifier) return false;
  const variable = sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === identifier!.name);
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type === 'CallExpression' && parent.callee === reference.identifier && parent.parent.type !== 'ExpressionStatement') return true;
  }
  return false;
}

export interface FindHandlersOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly cwd: string;
  /** Built-in tables, then user registrars. */
  readonly frameworks: readonly Frameworks[];
}

/** Finds, once per file, the functions that serve requests and those that only run at start-up. */
export function findHandlers({ sourceCode, filename, cwd, frameworks }: FindHandlersOptions): FileHandlers {
  const handlers = new Map<FunctionNode, HandlerInfo>();
  const heuristic = new Map<FunctionNode, HandlerInfo>();
  const startupSeeds = new Set<FunctionNode>();
  // Functions that create or start the server (`https.createServer(tls, app)`, `app.listen(port)`).
  const serverStarters = new Set<FunctionNode>();
  const program = sourceCode.ast;

  const addHandler = (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'> & { canMakeAsync?: boolean; shape?: string | null }) => {
    if (handlers.has(fn)) return;
    handlers.set(fn, { ...info, canMakeAsync: info.canMakeAsync ?? !resultIsUsed(sourceCode, fn), shape: info.shape ?? null });
  };

  const registrarHit = (payload: RegistrarPayload, call: TSESTree.CallExpression, tracer: Tracer) => {
    if (payload.startsServer) {
      const starter = enclosingFunction(call);
      if (starter) serverStarters.add(starter);
    }
    if (payload.role === 'decorated-method') {
      const decorator = call.parent;
      const member = decorator?.parent;
      if (decorator?.type === 'Decorator' && member && (member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && member.value && isFunction(member.value)) {
        addHandler(member.value, { label: payload.label, framework: payload.framework, source: 'registration', asyncNote: payload.asyncNote });
      }
      return;
    }
    for (const argument of call.arguments) {
      if (argument.type === 'SpreadElement') continue;
      for (const fn of functionValues(sourceCode, argument, { keys: payload.keys, ...WRAPPERS })) {
        if (payload.role === 'handler') {
          addHandler(fn, { label: payload.label, framework: payload.framework, source: 'registration', asyncNote: payload.asyncNote });
        } else {
          startupSeeds.add(fn);
          const parameter = fn.params[0];
          if (payload.role === 'plugin' && payload.instance && parameter) tracer.followPattern(parameter, payload.instance, fn);
        }
      }
    }
  };

  // 1. Registrations, found by following framework values from their imports.
  const functions = allFunctions(sourceCode);
  const exports = exportedValues(program);
  for (const table of frameworks) {
    traceFile(
      sourceCode,
      table,
      (hit, tracer) => {
        if (hit.payload.kind === 'registrar' && hit.call?.type === 'CallExpression') registrarHit(hit.payload, hit.call, tracer);
      },
      (tracer) => {
        followTypeAnnotations(sourceCode, table, tracer, addHandler, startupSeeds);
        followPluginExports(sourceCode, table, exports, tracer, startupSeeds);
      },
    );
  }

  // 2. File conventions (Next.js, Remix, SvelteKit, Lambda) and server actions.
  const modules = importedModules(sourceCode);
  const normalised = filename.replaceAll('\\', '/');
  const relative = path.relative(cwd, filename).replaceAll('\\', '/');
  for (const table of frameworks) {
    for (const convention of table.conventions) {
      if (!conventionApplies(convention, normalised, relative, modules)) continue;
      applyConvention(sourceCode, convention, exports, addHandler, startupSeeds);
    }
  }
  serverActions(sourceCode, exports, functions, addHandler);

  // 3. Framework lifecycle methods (NestJS `onModuleInit`).
  for (const table of frameworks) {
    for (const [module, names] of table.startupMethods) {
      if (!modules.has(module)) continue;
      for (const fn of functions) {
        const parent = fn.parent;
        if (parent?.type === 'MethodDefinition' && parent.value === fn) {
          const name = staticPropertyName(parent);
          if (name !== null && names.has(name)) startupSeeds.add(fn);
        }
      }
    }
  }

  // 4. Start-up code: seeds plus functions only called at top level, transitively. The function
  //    that creates or starts the server runs once, at start-up (reading TLS files, config), even
  //    when it is exported and called from another file; a handler that does so stays a handler.
  for (const starter of serverStarters) if (!handlers.has(starter)) startupSeeds.add(starter);
  const startup = startupFunctions(sourceCode, functions, startupSeeds);

  // 5. The documented heuristic: request-shaped parameters.
  for (const fn of functions) {
    if (handlers.has(fn) || startup.has(fn)) continue;
    const shape = requestShape(fn, exports);
    if (shape) heuristic.set(fn, { label: 'request handler', framework: 'unknown', source: 'heuristic', asyncNote: null, canMakeAsync: !resultIsUsed(sourceCode, fn), shape });
  }

  return { handlers, heuristic, startup };
}

/** `module.exports = async function (fastify, opts) {…}`: a plugin by its exported parameter's name. */
function followPluginExports(
  sourceCode: Readonly<TSESLint.SourceCode>,
  table: Frameworks,
  exports: readonly ExportedValue[],
  tracer: Tracer,
  startupSeeds: Set<FunctionNode>,
): void {
  if (table.pluginParameters.size === 0) return;
  for (const exported of exports) {
    if (exported.name !== 'default') continue;
    for (const fn of functionValues(sourceCode, exported.value, { keys: [], throughCalls: false })) {
      const parameter = fn.params[0];
      const instance = parameter?.type === 'Identifier' ? table.pluginParameters.get(parameter.name) : undefined;
      if (!parameter || !instance) continue;
      startupSeeds.add(fn);
      tracer.followPattern(parameter, instance, fn);
    }
  }
}

function conventionApplies(convention: CompiledConvention, file: string, relative: string, modules: ReadonlySet<string>): boolean {
  const fileMatch = convention.files ? convention.files.test(convention.relative ? relative : file) : null;
  const importMatch = convention.importsFrom ? importsAny(modules, convention.importsFrom) : null;
  if (fileMatch === null) return importMatch === true;
  if (importMatch === null) return fileMatch;
  return convention.match === 'all' ? fileMatch && importMatch : fileMatch || importMatch;
}

function applyConvention(
  sourceCode: Readonly<TSESLint.SourceCode>,
  convention: CompiledConvention,
  exports: readonly ExportedValue[],
  addHandler: (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'> & { canMakeAsync?: boolean }) => void,
  startupSeeds: Set<FunctionNode>,
): void {
  for (const exported of exports) {
    const isHandler = convention.handlers?.includes(exported.name) ?? false;
    const isStartup = convention.startup?.includes(exported.name) ?? false;
    if (!isHandler && !isStartup) continue;
    // `export const actions = { default: async () => … }` (SvelteKit) holds several handlers.
    for (const fn of functionValues(sourceCode, exported.value, { keys: '*', throughCalls: true })) {
      if (isStartup) {
        startupSeeds.add(fn);
        continue;
      }
      const callbackStyle = convention.callbackParameter !== undefined && fn.params.length > convention.callbackParameter;
      addHandler(fn, {
        label: convention.label.replace('{export}', exported.name),
        framework: convention.framework,
        source: 'convention',
        asyncNote: convention.asyncNote,
        ...(callbackStyle ? { canMakeAsync: false } : {}),
      });
    }
  }
}

function hasDirective(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[], directive: string): boolean {
  for (const statement of body) {
    // A directive's `directive` is its text; other statements have none (`undefined` in typescript-eslint's AST, `null` in oxlint's).
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/** Next.js server actions: exports of a `'use server'` file, and functions whose body starts with `'use server'`. */
function serverActions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  exports: readonly ExportedValue[],
  functions: readonly FunctionNode[],
  addHandler: (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'> & { canMakeAsync?: boolean }) => void,
): void {
  const info = { label: 'Next.js server action', framework: 'nextjs', source: 'convention', asyncNote: null } as const;
  if (hasDirective(sourceCode.ast.body, 'use server')) {
    for (const exported of exports) {
      for (const fn of functionValues(sourceCode, exported.value, { keys: [], throughCalls: true })) addHandler(fn, info);
    }
  }
  if (!sourceCode.text.includes('use server')) return;
  for (const fn of functions) {
    if (fn.body.type === 'BlockStatement' && hasDirective(fn.body.body, 'use server')) addHandler(fn, info);
  }
}

/**
 * Parameter annotations that name framework types, resolved through the file's imports (type-only
 * imports included): `(app: Express)` and `(fastify: FastifyInstance)` are followed as instances,
 * `const routes: FastifyPluginAsync = async (fastify) => …` is a plugin, `const h: RequestHandler`
 * and `(req: Request, res: Response)` are handlers.
 */
function followTypeAnnotations(
  sourceCode: Readonly<TSESLint.SourceCode>,
  table: Frameworks,
  tracer: Tracer,
  addHandler: (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'>) => void,
  startupSeeds: Set<FunctionNode>,
): void {
  if (table.typeNames.size === 0) return;
  // Parameters typed as requests, waiting for a response-typed sibling of the same framework.
  const requestParams = new Map<FunctionNode, CompiledTypeNames>();
  const responseParams = new Map<FunctionNode, Set<string>>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const names = table.typeNames.get(statement.source.value);
    if (!names) continue;
    for (const specifier of statement.specifiers) {
      for (const { typeName, owner } of annotatedUses(sourceCode, specifier)) {
        // A parameter: `(app: Express)`, `(req: Request, res: Response)`.
        const parameter = owner.type === 'Identifier' || owner.type === 'ObjectPattern' ? owner : null;
        const fn = parameter?.parent && isFunction(parameter.parent) ? parameter.parent : null;
        if (parameter && fn) {
          const index = fn.params.indexOf(parameter as TSESTree.Parameter);
          const instance = names.instances.get(typeName);
          if (instance) tracer.followPattern(parameter, instance, fn);
          if (index === 0 && names.requests.has(typeName)) requestParams.set(fn, names);
          if (index >= 1 && names.responses.has(typeName)) {
            const frameworks = responseParams.get(fn) ?? new Set<string>();
            frameworks.add(names.framework);
            responseParams.set(fn, frameworks);
          }
          continue;
        }
        // A variable: `const routes: FastifyPluginAsync = …`, `const list: RequestHandler = …`.
        const declarator = owner.type === 'Identifier' && owner.parent?.type === 'VariableDeclarator' && owner.parent.id === owner ? owner.parent : null;
        if (!declarator?.init) continue;
        const plugin = names.plugins.get(typeName);
        for (const value of functionValues(sourceCode, declarator.init, { keys: [], throughCalls: true })) {
          if (plugin) {
            startupSeeds.add(value);
            const first = value.params[0];
            if (first) tracer.followPattern(first, plugin, value);
          } else if (names.handlers.has(typeName)) {
            addHandler(value, { label: names.label, framework: names.framework, source: 'type', asyncNote: names.asyncNote });
          }
        }
      }
    }
  }
  for (const [fn, names] of requestParams) {
    if (responseParams.get(fn)?.has(names.framework)) addHandler(fn, { label: names.label, framework: names.framework, source: 'type', asyncNote: names.asyncNote });
  }
}

const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply']);

function parameterName(parameter: TSESTree.Parameter | undefined): string | null {
  if (!parameter) return null;
  if (parameter.type === 'Identifier') return parameter.name;
  if (parameter.type === 'AssignmentPattern' && parameter.left.type === 'Identifier') return parameter.left.name;
  return null;
}

/**
 * The documented heuristic for handlers whose registration is in another file: parameters named
 * `(req, res)`, `(req, res, next)`, `(err, req, res, next)`, `(request, reply)`, `(request, response)`,
 * `(ctx, next)`, `(event, context)` on an exported function (Lambda), and tRPC-style
 * `({ ctx, input })` resolvers passed to `.query`/`.mutation`. Returns the matched shape.
 */
function requestShape(fn: FunctionNode, exports: readonly ExportedValue[]): string | null {
  const names = fn.params.map(parameterName);
  const [first, second, third] = names;
  if (first && second && REQUEST_NAMES.has(first) && RESPONSE_NAMES.has(second)) return `(${names.slice(0, 3).filter(Boolean).join(', ')})`;
  if (names.length === 4 && (first === 'err' || first === 'error') && second && REQUEST_NAMES.has(second) && third && RESPONSE_NAMES.has(third)) return `(${names.join(', ')})`;
  if (first === 'ctx' && second === 'next') return '(ctx, next)';
  if (first === 'event' && second === 'context' && exports.some((exported) => exported.value === fn || (exported.value.type === 'Identifier' && fn.type === 'FunctionDeclaration' && fn.id?.name === exported.value.name))) {
    return '(event, context)';
  }
  const parameter = fn.params[0];
  const call = fn.parent;
  if (
    parameter?.type === 'ObjectPattern' &&
    call?.type === 'CallExpression' &&
    call.arguments[0] === fn &&
    call.callee.type === 'MemberExpression' &&
    ['query', 'mutation', 'subscription'].includes(staticPropertyName(call.callee) ?? '') &&
    parameter.properties.some((property) => property.type === 'Property' && ['ctx', 'input'].includes(staticPropertyName(property) ?? ''))
  ) {
    return '({ ctx, input })';
  }
  return null;
}
