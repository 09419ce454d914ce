import { annotatedUses } from '../resolve/type-annotations.js';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CompiledConvention, CompiledTypeNames, Frameworks } from '../catalog/frameworks/index.js';
import type { RegistrarPayload } from '../catalog/types.js';
import type { TraceNode } from '../catalog/define.js';
import { HAPI_ROUTE_KEYS } from '../catalog/frameworks/hapi.js';
import { MOLECULER_HANDLER_PATHS, MOLECULER_STARTUP_PATHS } from '../catalog/frameworks/services.js';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode, forEachChild } from '../resolve/ast.js';
import { traceFile, type Tracer } from '../resolve/trace.js';
import { exportedValues, type ExportedValue } from './exports.js';
import { functionValues, selectFunctions } from './function-values.js';
import { callSitesOf, enclosingFunction, startupFunctions, type ExportUncalled } from './startup.js';

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
  /**
   * Handler registrations of values the file cannot resolve to one of its functions: another
   * file's function (`router.get('/', users.list)`) or a parameter (`(path, fn) => router.get(path, fn)`).
   */
  readonly registeredValues: ReadonlyMap<TSESTree.Node, HandlerInfo>;
}


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
  /** Framework values other project files export, by the specifier this file imports them with (per table, by index). */
  readonly projectRoots?: ((table: number) => ReadonlyMap<string, TraceNode>) | null;
  /** Exports no other file can call, by name (of the service entry): plain functions here. */
  readonly exportUncalled?: ExportUncalled;
}

/** Finds, once per file, the functions that serve requests and those that only run at start-up. */
export function findHandlers({ sourceCode, filename, cwd, frameworks, projectRoots, exportUncalled }: FindHandlersOptions): FileHandlers {
  const handlers = new Map<FunctionNode, HandlerInfo>();
  const heuristic = new Map<FunctionNode, HandlerInfo>();
  const startupSeeds = new Set<FunctionNode>();
  const registeredValues = new Map<Node, HandlerInfo>();
  // Functions that create or start the server (`https.createServer(tls, app)`, `app.listen(port)`).
  const serverStarters = new Set<FunctionNode>();
  const startupCandidates: { fn: FunctionNode; call: Node }[] = [];
  const program = sourceCode.ast;

  const addHandler = (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'> & { canMakeAsync?: boolean; shape?: string | null }) => {
    if (handlers.has(fn)) return;
    handlers.set(fn, { ...info, canMakeAsync: info.canMakeAsync ?? !resultIsUsed(sourceCode, fn), shape: info.shape ?? null });
  };

  const registrarHit = (payload: RegistrarPayload, call: TSESTree.CallExpression | TSESTree.NewExpression, tracer: Tracer) => {
    // A timer in a browser component (`setInterval` in a React hook) is not a server's schedule.
    if (payload.framework === 'timers' && uiFile) return;
    if (payload.startsServer) {
      const starter = starterOf(call);
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
    const registered = new Set<FunctionNode>();
    const info = { label: payload.label, framework: payload.framework, source: 'registration', asyncNote: payload.asyncNote } as const;
    if (payload.select) {
      for (const selector of payload.select) for (const fn of selectFunctions(sourceCode, call.arguments, selector)) registered.add(fn);
    } else {
      const onUnresolved =
        payload.role === 'handler' ? (value: Node) => registeredValues.has(value) || registeredValues.set(value, { ...info, canMakeAsync: false, shape: null }) : undefined;
      for (const argument of call.arguments) {
        if (argument.type === 'SpreadElement') continue;
        for (const fn of functionValues(sourceCode, argument, { keys: payload.keys, throughCalls: !payload.direct, onUnresolved })) registered.add(fn);
      }
    }
    for (const fn of registered) {
      // `io.on('connection', (socket) => socket.on(…))`: the socket is followed as a framework value.
      for (const [index, instance] of payload.parameters) {
        const parameter = fn.params[index];
        if (parameter) tracer.followPattern(parameter, instance, fn);
      }
      if (payload.role === 'handler') {
        addHandler(fn, info);
      } else if (payload.role === 'timer') {
        // A one-shot timer is a schedule only when it re-arms the function that sets it:
        // `function poll() { …; setTimeout(poll, 1000) }`, `setTimeout(() => this.tick(), ms)` in `tick`.
        const setter = enclosingFunction(call);
        if (setter && (fn === setter || callsFunction(sourceCode, fn, setter))) addHandler(setter, info);
      } else if (payload.role === 'startup') {
        // A start-up callback registered inside a handler (a client's `once('connect')` per request) is not start-up code.
        startupCandidates.push({ fn, call });
      } else {
        startupSeeds.add(fn);
        const parameter = fn.params[0];
        if (payload.role === 'plugin' && payload.instance && parameter) tracer.followPattern(parameter, payload.instance, fn);
      }
    }
  };

  // 1. Registrations, found by following framework values from their imports.
  const functions = allFunctions(sourceCode);
  const exports = exportedValues(program);
  const modules = importedModules(sourceCode);
  const normalised = filename.replaceAll('\\', '/');
  // A `.tsx` page rendered by a server (Elysia's or Hono's JSX) is server code, timers and all.
  const uiFile = (/\.[jt]sx$/.test(normalised) || importsAny(modules, UI_FRAMEWORKS)) && !importsAny(modules, JSX_SERVERS);
  for (const [index, table] of frameworks.entries()) {
    const imported = projectRoots?.(index);
    traceFile(
      sourceCode,
      imported && imported.size > 0 ? { modules: new Map([...table.modules, ...imported]), globals: table.globals } : table,
      (hit, tracer) => {
        if (hit.payload.kind !== 'registrar') return;
        if (hit.call?.type === 'CallExpression') {
          if (!hit.payload.passed) registrarHit(hit.payload, hit.call, tracer);
          return;
        }
        if (hit.call !== null) return;
        const parent = hit.reference.parent;
        // `new Worker('q', processor)`: a construct registration.
        if (parent?.type === 'NewExpression' && parent.callee === hit.reference) registrarHit(hit.payload, parent, tracer);
        // `app.register(mercurius, { resolvers })`: the value registers what its call's other arguments hold.
        else if (hit.payload.passed && parent?.type === 'CallExpression' && parent.arguments.includes(hit.reference as TSESTree.CallExpressionArgument)) {
          registrarHit(hit.payload, parent, tracer);
        }
      },
      (tracer) => {
        followTypeAnnotations(sourceCode, table, tracer, addHandler, startupSeeds);
        followPluginExports(sourceCode, table, exports, tracer, startupSeeds);
        followPluginObjects(sourceCode, table, exports, modules, tracer, startupSeeds);
      },
    );
  }

  // 2. File conventions (Next.js, Remix, SvelteKit, Lambda) and server actions; shapes that say
  //    what a function is wherever it is registered (GraphQL resolver maps, Hapi route objects);
  //    `process` listeners.
  resolverMaps(sourceCode, modules, addHandler);
  routeObjects(sourceCode, handlers, addHandler, startupSeeds);
  processListeners(sourceCode, addHandler);
  consoleReplacements(sourceCode, addHandler);
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
  //    A function waiting for the server inside `new Promise(…)` is the function around the executor;
  //    the same-file functions that call a starter start the server too (`start()` → `listen()`).
  const starters = [...serverStarters];
  for (let index = 0; index < starters.length && index < 64; index++) {
    for (const site of callSitesOf(sourceCode, starters[index]!)) {
      const caller = starterOf(site);
      if (caller && !serverStarters.has(caller) && !handlers.has(caller)) {
        serverStarters.add(caller);
        starters.push(caller);
      }
    }
  }
  for (const starter of serverStarters) if (!handlers.has(starter)) startupSeeds.add(starter);
  for (const { fn, call } of startupCandidates) {
    let inHandler = false;
    for (let outer = enclosingFunction(call); outer && !inHandler; outer = enclosingFunction(outer)) inHandler = handlers.has(outer);
    if (!inHandler) startupSeeds.add(fn);
  }
  const startup = startupFunctions(sourceCode, functions, startupSeeds, exportUncalled);

  // 5. The documented heuristic: request-shaped parameters.
  for (const fn of functions) {
    if (handlers.has(fn) || startup.has(fn)) continue;
    const shape = requestShape(fn, exports);
    if (shape) heuristic.set(fn, { label: 'request handler', framework: 'unknown', source: 'heuristic', asyncNote: null, canMakeAsync: !resultIsUsed(sourceCode, fn), shape });
  }

  //    Listeners on a value named like a socket (`socket.on('message', fn)`, `this.ws.on(…)`) whose
  //    socket comes from another file: the connection handler is registered there.
  if (!uiFile) socketListeners(sourceCode, handlers, startup, heuristic);

  return { handlers, heuristic, startup, registeredValues };
}

/** Servers whose files may be `.tsx` (server-rendered JSX): such a file is not browser code. */
const JSX_SERVERS = ['elysia', 'hono', '@hono/node-server', 'express', 'fastify', 'koa', 'h3'];
/** Browser UI code: its sockets are clients in a page, not a server's connections. */
const UI_FRAMEWORKS = ['react', 'react-dom', 'preact', 'vue', 'svelte', 'solid-js', '@angular/core', 'mobx-react', 'next/router', 'next/navigation'];
/** Receiver names the socket-listener heuristic trusts: `socket`, `ws`, `websocket` (and `this.socket`, …). */
const SOCKET_NAMES = new Set(['socket', 'ws', 'websocket', 'webSocket', 'webstream']);
/** Events that fire once when a client connects: their listeners say nothing (they inherit). */
const SOCKET_LIFECYCLE = new Set(['connect', 'open', 'listening', 'ready', 'lookup', 'secureConnect', 'connection']);
const SOCKET_LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'onAny']);

function socketListeners(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handlers: ReadonlyMap<FunctionNode, HandlerInfo>,
  startup: ReadonlySet<FunctionNode>,
  heuristic: Map<FunctionNode, HandlerInfo>,
): void {
  const text = sourceCode.text;
  if (!/\b(?:socket|ws|websocket|webSocket)\s*\??\.\s*(?:on|once|addListener|prependListener|prependOnceListener|onAny)\b/.test(text)) return;
  const walk = (node: Node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const method = staticPropertyName(node.callee);
      const receiver = node.callee.object;
      const name =
        receiver.type === 'Identifier'
          ? receiver.name
          : receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression'
            ? staticPropertyName(receiver)
            : null;
      const event = node.arguments[0]?.type === 'Literal' ? node.arguments[0].value : null;
      if (method !== null && SOCKET_LISTENER_METHODS.has(method) && name !== null && SOCKET_NAMES.has(name) && !(typeof event === 'string' && SOCKET_LIFECYCLE.has(event))) {
        const shape = receiver.type === 'Identifier' ? `${name}.${method}(…)` : `this.${name}.${method}(…)`;
        for (const argument of node.arguments.slice(method === 'onAny' ? 0 : 1)) {
          if (argument.type === 'SpreadElement') continue;
          for (const fn of functionValues(sourceCode, argument, { keys: [], throughCalls: true })) {
            if (handlers.has(fn) || startup.has(fn) || heuristic.has(fn)) continue;
            heuristic.set(fn, { label: 'socket event handler', framework: 'unknown', source: 'heuristic', asyncNote: null, canMakeAsync: !resultIsUsed(sourceCode, fn), shape: `its receiver ${shape}` });
          }
        }
      }
    }
    forEachChild(node, sourceCode.visitorKeys, walk);
  };
  walk(sourceCode.ast);
}

type AddHandler = (fn: FunctionNode, info: Omit<HandlerInfo, 'canMakeAsync' | 'shape'> & { canMakeAsync?: boolean }) => void;

/** `new Promise((resolve) => server.listen(port, resolve))`: the executor runs inside the function that makes the promise. */
function starterOf(node: Node): FunctionNode | null {
  let fn = enclosingFunction(node);
  while (fn && fn.parent?.type === 'NewExpression' && fn.parent.arguments[0] === fn && fn.parent.callee.type === 'Identifier' && fn.parent.callee.name === 'Promise') {
    fn = enclosingFunction(fn);
  }
  return fn;
}

/** Whether `fn`'s own body (not nested functions) calls `target` (by name, `this.method()`, a same-file object's method). */
function callsFunction(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, target: FunctionNode): boolean {
  let found = false;
  const walk = (node: Node) => {
    if (found) return;
    if (node.type === 'CallExpression' && functionValues(sourceCode, node.callee, { keys: [], throughCalls: false }).includes(target)) {
      found = true;
      return;
    }
    if (node !== fn && isFunction(node)) return;
    forEachChild(node, sourceCode.visitorKeys, walk);
  };
  walk(fn);
  return found;
}

/** The root types of a GraphQL schema: an object with one of these keys holding field resolvers is a resolver map. */
const GRAPHQL_ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** Paths from a resolver map to its resolvers: `Type.field` functions and `Type.field.resolve/subscribe`. */
const RESOLVER_MAP_PATHS = [['0', '*', '*'], ['0', '*', '*', 'resolve'], ['0', '*', '*', 'subscribe']];
const FIELD_MAP_PATHS = [['0', '*'], ['0', '*', 'resolve'], ['0', '*', 'subscribe']];
/** graphql-tools' and codegen's type names: a whole map (`Resolvers`, `IResolvers`) or one type's fields (`QueryResolvers`). */
const RESOLVER_MAP_TYPES = /^(?:I?Resolvers|IResolverMap|GraphQLResolverMap)$/;
const FIELD_MAP_TYPES = /^[A-Z]\w*Resolvers$/;
/** Variables named `resolvers`, `userResolvers`, `resolverMap`. */
const RESOLVER_MAP_NAMES = /^(?:[a-z]\w*Resolvers|resolvers|resolverMap|resolversMap)$/;
const GRAPHQL_CLIENTS = ['@apollo/client', 'apollo-client', 'apollo-boost', 'apollo-cache-inmemory', 'react-apollo', '@apollo/react-hooks', 'urql', '@urql/', 'relay-runtime', 'react-relay', 'graphql-request'];
const GRAPHQL_RESOLVER = { label: 'GraphQL resolver', framework: 'graphql', source: 'convention', asyncNote: null } as const;

function typeReferenceName(annotation: TSESTree.TypeNode | undefined): string | null {
  if (annotation?.type !== 'TSTypeReference') return null;
  const name = annotation.typeName;
  return name.type === 'Identifier' ? name.name : name.type === 'TSQualifiedName' ? name.right.name : null;
}

/**
 * GraphQL resolver maps by their shape, wherever they are handed to a server (often another file):
 * an object literal with a `Query`, `Mutation` or `Subscription` key whose value is an object, and
 * variables typed (or `satisfies`) `Resolvers`/`IResolvers` (whole maps) or `<Type>Resolvers` (one type's
 * fields, graphql-codegen). Every field function, and `resolve`/`subscribe` of field objects, is a resolver.
 */
function resolverMaps(sourceCode: Readonly<TSESLint.SourceCode>, modules: ReadonlySet<string>, addHandler: AddHandler): void {
  const text = sourceCode.text;
  if (!/\b(?:Query|Mutation|Subscription|\w*Resolvers|resolvers|resolverMap|resolversMap)\b/.test(text)) return;
  // GraphQL clients' cache and local resolvers (`cacheRedirects: { Query: … }`) run in the browser.
  if (importsAny(modules, GRAPHQL_CLIENTS)) return;
  const add = (object: Node, paths: readonly (readonly string[])[]) => {
    for (const path of paths) for (const fn of selectFunctions(sourceCode, [object as TSESTree.Expression], path)) addHandler(fn, GRAPHQL_RESOLVER);
  };
  const walk = (node: Node) => {
    // Apollo Client's `cacheRedirects: { Query: … }` / `typePolicies` are client cache functions.
    const clientCache = node.parent?.type === 'Property' && ['cacheRedirects', 'typePolicies', 'clientState'].includes(staticPropertyName(node.parent) ?? '');
    if (node.type === 'ObjectExpression' && !clientCache) {
      const isMap = node.properties.some((property) => {
        if (property.type !== 'Property') return false;
        const key = staticPropertyName(property);
        return key !== null && GRAPHQL_ROOT_TYPES.has(key) && property.value.type !== 'Literal';
      });
      if (isMap) add(node, RESOLVER_MAP_PATHS);
    } else if (node.type === 'VariableDeclarator' && node.init && node.id.type === 'Identifier') {
      const name = typeReferenceName(node.id.typeAnnotation?.typeAnnotation) ?? (node.init.type === 'TSSatisfiesExpression' ? typeReferenceName(node.init.typeAnnotation) : null);
      if (name && RESOLVER_MAP_TYPES.test(name)) add(node.init, RESOLVER_MAP_PATHS);
      else if (name && FIELD_MAP_TYPES.test(name)) add(node.init, FIELD_MAP_PATHS);
      // `export const userResolvers = { User: { avatar: … } }`: a map named for what it is, merged into the schema elsewhere.
      else if (RESOLVER_MAP_NAMES.test(node.id.name) && unwrapExpression(node.init).type === 'ObjectExpression') add(node.init, RESOLVER_MAP_PATHS);
    }
    forEachChild(node, sourceCode.visitorKeys, walk);
  };
  walk(sourceCode.ast);
}

const HAPI_ROUTE = { label: 'Hapi route handler', framework: 'hapi', source: 'convention', asyncNote: null } as const;

/**
 * Hapi route objects by their shape (`{ method: 'GET', path: '/x', handler }`), however they reach
 * `server.route` (an array exported from another file, a plugin's list): the handler, `options.handler`
 * and `pre` methods serve requests.
 */
function routeObjects(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handlers: ReadonlyMap<FunctionNode, HandlerInfo>,
  addHandler: AddHandler,
  startupSeeds: Set<FunctionNode>,
): void {
  const text = sourceCode.text;
  const hapiRoutes = text.includes('path') && text.includes('method');
  const services = text.includes('actions');
  if (!hapiRoutes && !services) return;
  const walk = (node: Node) => {
    if (services && node.type === 'ObjectExpression') moleculerSchema(sourceCode, node, handlers, addHandler, startupSeeds);
    if (hapiRoutes && node.type === 'ObjectExpression') {
      const keys = new Set(node.properties.map((property) => (property.type === 'Property' ? staticPropertyName(property) : null)));
      const path = node.properties.find((property): property is TSESTree.Property => property.type === 'Property' && staticPropertyName(property) === 'path');
      const pathText = path && (path.value.type === 'Literal' || path.value.type === 'TemplateLiteral') ? sourceCode.getText(path.value) : null;
      if (keys.has('method') && pathText !== null && /^['"`]\//.test(pathText) && (keys.has('handler') || keys.has('options') || keys.has('config'))) {
        for (const fn of functionValues(sourceCode, node, { keys: HAPI_ROUTE_KEYS, throughCalls: true })) if (!handlers.has(fn)) addHandler(fn, HAPI_ROUTE);
      }
    }
    forEachChild(node, sourceCode.visitorKeys, walk);
  };
  walk(sourceCode.ast);
}

const MOLECULER = { label: 'Moleculer action', framework: 'moleculer', source: 'convention', asyncNote: null } as const;

/** A Moleculer service schema by its shape (`{ name: 'users', actions: { list(ctx) {…} } }`), wherever it is handed to the broker. */
function moleculerSchema(
  sourceCode: Readonly<TSESLint.SourceCode>,
  object: TSESTree.ObjectExpression,
  handlers: ReadonlyMap<FunctionNode, HandlerInfo>,
  addHandler: AddHandler,
  startupSeeds: Set<FunctionNode>,
): void {
  let name = false;
  let actions = false;
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = staticPropertyName(property);
    if (key === 'name' && (property.value.type === 'Literal' || property.value.type === 'TemplateLiteral' || property.value.type === 'Identifier')) name = true;
    if (key === 'actions' && property.value.type === 'ObjectExpression') actions = true;
  }
  if (!name || !actions) return;
  for (const path of MOLECULER_HANDLER_PATHS) {
    for (const fn of selectFunctions(sourceCode, [object], path.split('.'))) if (!handlers.has(fn)) addHandler(fn, MOLECULER);
  }
  for (const path of MOLECULER_STARTUP_PATHS) for (const fn of selectFunctions(sourceCode, [object], path.split('.'))) startupSeeds.add(fn);
}

/**
 * `process` events whose listeners run while the process serves (IPC `message`, signals such as
 * `SIGTERM`/`SIGHUP` during a graceful shutdown or a reload). Not: `exit` (only sync code can run
 * there), `beforeExit` (nothing else is pending), `uncaughtException`/`unhandledRejection`/`warning`
 * (the process is failing; sync logging is the documented practice).
 */
const PROCESS_NOT_SERVING = new Set(['exit', 'beforeExit', 'uncaughtException', 'uncaughtExceptionMonitor', 'unhandledRejection', 'rejectionHandled', 'warning']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** `name.x` for a global `name` the file does not declare (`process.on`, `console.log`). */
function globalMembers(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.MemberExpression[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const references = globalScope.through.filter((reference) => reference.identifier.name === name);
  const declared = globalScope.set.get(name);
  if (declared && declared.defs.length === 0) references.push(...declared.references);
  const members: TSESTree.MemberExpression[] = [];
  for (const reference of references) {
    const member = reference.identifier.parent;
    if (member?.type === 'MemberExpression' && member.object === reference.identifier) members.push(member);
  }
  return members;
}

function processListeners(sourceCode: Readonly<TSESLint.SourceCode>, addHandler: AddHandler): void {
  if (!sourceCode.text.includes('process')) return;
  for (const member of globalMembers(sourceCode, 'process')) {
    const call = member.parent;
    const method = staticPropertyName(member);
    if (call?.type !== 'CallExpression' || call.callee !== member || method === null || !LISTENER_METHODS.has(method)) continue;
    const event = call.arguments[0]?.type === 'Literal' ? call.arguments[0].value : null;
    if (typeof event !== 'string' || PROCESS_NOT_SERVING.has(event)) continue;
    const label = event === 'message' ? 'process message listener' : event.startsWith('SIG') ? 'signal handler' : 'process event listener';
    for (const argument of call.arguments.slice(1)) {
      if (argument.type === 'SpreadElement') continue;
      for (const fn of functionValues(sourceCode, argument, { keys: [], throughCalls: true })) addHandler(fn, { label, framework: 'node', source: 'registration', asyncNote: null });
    }
  }
}

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

/**
 * A function put in place of a `console` method (`console.log = (...args) => { fs.appendFileSync(…) }`,
 * a logger copying the console to a file): it runs on every `console.log` of the process, while it serves.
 */
function consoleReplacements(sourceCode: Readonly<TSESLint.SourceCode>, addHandler: AddHandler): void {
  if (!/\bconsole\s*\.\s*\w+\s*=[^=]/.test(sourceCode.text)) return;
  for (const member of globalMembers(sourceCode, 'console')) {
    const assignment = member.parent;
    const method = staticPropertyName(member);
    if (assignment?.type !== 'AssignmentExpression' || assignment.left !== member || assignment.operator !== '=' || method === null || !CONSOLE_METHODS.has(method)) continue;
    for (const fn of functionValues(sourceCode, assignment.right, { keys: [], throughCalls: false })) {
      addHandler(fn, { label: `replacement of console.${method}`, framework: 'node', source: 'registration', asyncNote: null });
    }
  }
}

/**
 * `exports.plugin = { name, register: async (server) => {…} }` (Hapi): the plugin's `register` is
 * start-up code, and its first parameter is the server.
 */
function followPluginObjects(
  sourceCode: Readonly<TSESLint.SourceCode>,
  table: Frameworks,
  exports: readonly ExportedValue[],
  modules: ReadonlySet<string>,
  tracer: Tracer,
  startupSeeds: Set<FunctionNode>,
): void {
  for (const plugin of table.pluginObjects) {
    const importsFramework = importsAny(modules, plugin.modules);
    for (const exported of exports) {
      if (!plugin.exports.includes(exported.name) && !plugin.exports.includes('*')) continue;
      for (const path of [['0', plugin.key], ['0', 'plugin', plugin.key]]) {
        for (const fn of selectFunctions(sourceCode, [exported.value as TSESTree.Expression], path)) {
          const parameter = fn.params[0];
          if (!parameter || (!importsFramework && !(parameter.type === 'Identifier' && parameter.name === plugin.parameter))) continue;
          startupSeeds.add(fn);
          tracer.followPattern(parameter, plugin.instance, fn);
        }
      }
    }
  }
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
          // `module.exports = async (job: SandboxedJob) => …`: a BullMQ sandboxed processor runs in a child process.
          if (names.sandboxed.has(typeName)) startupSeeds.add(fn);
          const instance = names.instances.get(typeName);
          if (instance) tracer.followPattern(parameter, instance, fn);
          if (index === 0 && names.requests.has(typeName)) requestParams.set(fn, names);
          if (index === 0 && names.firstParameters.has(typeName)) addHandler(fn, { label: names.label, framework: names.framework, source: 'type', asyncNote: names.asyncNote });
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
        // A plugin is a function (Fastify) or an object with a `register` function (Hapi's `Plugin<T>`).
        for (const value of functionValues(sourceCode, declarator.init, { keys: plugin ? ['register'] : [], throughCalls: true })) {
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
/** `h` is Hapi's response toolkit (`(request, h)`). */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'h']);

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
