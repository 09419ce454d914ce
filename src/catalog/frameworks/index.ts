import { createTraceNode, type TraceNode } from '../define.js';
import type { RegistrarPayload } from '../types.js';
import { lambda, next, remix, sveltekit } from './conventions.js';
import { elysia } from './elysia.js';
import { express } from './express.js';
import { fastify, fastifyPlugin } from './fastify.js';
import { h3 } from './h3.js';
import { hono, honoFactory, honoNodeServer } from './hono.js';
import { koa, koaRouter, koaRouterLegacy, koaWebsocket } from './koa.js';
import { nestCommon, nestGraphql, nestMicroservices, nestWebsockets } from './nest.js';
import { nodeHttp } from './node-http.js';
import { trpc } from './trpc.js';
import { hapi } from './hapi.js';
import { polka, restify, tinyhttp } from './restify.js';
import { socketIo, socketIoClient, uWebSockets, ws } from './realtime.js';
import { chokidar, nodeChildProcess, nodeDgram, nodeEvents, fsExtraWatch, nodeFsWatch, nodeNet, nodeWorkerThreads } from './node-net.js';
import { agenda, beeQueue, bull, bullmq, cron, croner, nodeCron, nodeSchedule, pgBoss, timers } from './jobs.js';
import { multer } from './uploads.js';
import { aedes, amqpConnectionManager, amqplib, amqplibCallback, electron, iobroker, ioredis, kafkajs, mqtt, nats, nodeRedis, sqsConsumer } from './messaging.js';
import { apolloIntegrations, apolloServer, graphqlHttp, graphqlJs, graphqlTools, graphqlYoga, mercurius, nexus, pothos } from './graphql.js';
import { loopback, moleculer } from './services.js';
import { passport, passportStrategies } from './passport.js';
import { baileys, discordJs, eris, grammy, grammyRunner, icqq, matrixBotSdk, nodeTelegramBotApi, slackBolt, telegraf, tmi, whatsappWeb } from './bots.js';
import type { ConventionSpec, FrameworkSpec, RegistrarSpec, ValueSpec } from './types.js';

export type { ConventionSpec, FrameworkSpec, FrameworkTypeNames, RegistrarSpec, ValueSpec } from './types.js';

/** Every built-in framework table, in the order docs list them. */
export const FRAMEWORK_SPECS: readonly FrameworkSpec[] = [
  express,
  fastify,
  fastifyPlugin,
  koa,
  koaRouter,
  koaRouterLegacy,
  koaWebsocket,
  hono,
  honoFactory,
  honoNodeServer,
  h3,
  elysia,
  nestCommon,
  nestMicroservices,
  nestWebsockets,
  nestGraphql,
  next,
  remix,
  sveltekit,
  trpc,
  nodeHttp,
  lambda,
  hapi,
  restify,
  polka,
  tinyhttp,
  moleculer,
  loopback,
  passport,
  ...passportStrategies,
  socketIo,
  socketIoClient,
  ws,
  uWebSockets,
  nodeNet,
  nodeDgram,
  nodeEvents,
  nodeChildProcess,
  nodeWorkerThreads,
  nodeFsWatch,
  fsExtraWatch,
  chokidar,
  bullmq,
  bull,
  beeQueue,
  agenda,
  pgBoss,
  nodeCron,
  nodeSchedule,
  cron,
  croner,
  timers,
  kafkajs,
  amqplib,
  amqplibCallback,
  amqpConnectionManager,
  nats,
  mqtt,
  aedes,
  iobroker,
  multer,
  ioredis,
  nodeRedis,
  sqsConsumer,
  electron,
  discordJs,
  eris,
  telegraf,
  grammy,
  grammyRunner,
  nodeTelegramBotApi,
  slackBolt,
  tmi,
  whatsappWeb,
  matrixBotSdk,
  icqq,
  baileys,
  apolloServer,
  apolloIntegrations,
  graphqlTools,
  graphqlYoga,
  mercurius,
  graphqlJs,
  graphqlHttp,
  pothos,
  nexus,
];

/** Type names of one framework module, with instance types resolved to trace nodes. */
export interface CompiledTypeNames {
  readonly framework: string;
  readonly label: string;
  readonly asyncNote: string | null;
  readonly instances: ReadonlyMap<string, TraceNode>;
  readonly plugins: ReadonlyMap<string, TraceNode>;
  readonly handlers: ReadonlySet<string>;
  readonly requests: ReadonlySet<string>;
  readonly responses: ReadonlySet<string>;
  readonly sandboxed: ReadonlySet<string>;
  readonly firstParameters: ReadonlySet<string>;
}

/** A compiled `FrameworkSpec.pluginObjects`. */
export interface CompiledPluginObjects {
  readonly modules: readonly string[];
  readonly exports: readonly string[];
  readonly key: string;
  readonly parameter: string;
  readonly instance: TraceNode;
}

export interface CompiledConvention extends ConventionSpec {
  readonly framework: string;
  readonly asyncNote: string | null;
}

export interface Frameworks {
  /** Where tracing starts: framework modules and globals. */
  readonly modules: ReadonlyMap<string, TraceNode>;
  readonly globals: ReadonlyMap<string, TraceNode>;
  /** Type names, by module specifier as imported. */
  readonly typeNames: ReadonlyMap<string, CompiledTypeNames>;
  readonly conventions: readonly CompiledConvention[];
  /** Class method names that run at start-up in files importing the module (NestJS lifecycle hooks). */
  readonly startupMethods: ReadonlyMap<string, ReadonlySet<string>>;
  /** Default-exported functions whose first parameter has this name are plugins of this instance type. */
  readonly pluginParameters: ReadonlyMap<string, TraceNode>;
  /** Exported plugin objects whose `register` function receives an instance (Hapi). */
  readonly pluginObjects: readonly CompiledPluginObjects[];
}

const asArray = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** Compiles framework tables into trace tries; types are shared nodes, so chains may be cycles. */
export function compileFrameworks(specs: readonly FrameworkSpec[]): Frameworks {
  const types = new Map<string, TraceNode>();
  const typeNode = (spec: FrameworkSpec, name: string): TraceNode => {
    const key = name.includes(':') ? name : `${spec.framework}:${name}`;
    const node = types.get(key);
    if (!node) throw new Error(`event-loop: framework '${spec.framework}' refers to unknown type '${name}'.`);
    return node;
  };
  for (const spec of specs) {
    for (const name of Object.keys(spec.types ?? {})) {
      const key = `${spec.framework}:${name}`;
      if (!types.has(key)) types.set(key, createTraceNode());
    }
  }

  const payload = (spec: FrameworkSpec, registrar: RegistrarSpec): RegistrarPayload =>
    Object.freeze({
      kind: 'registrar',
      framework: spec.framework,
      role: registrar.role ?? 'handler',
      label: registrar.label ?? spec.label,
      keys: Object.freeze([...(registrar.keys ?? [])]),
      instance: registrar.instance ? typeNode(spec, registrar.instance) : null,
      asyncNote: spec.asyncNote ?? null,
      when: registrar.when,
      startsServer: registrar.startsServer ?? false,
      select: registrar.select ? Object.freeze(registrar.select.map((path) => Object.freeze(path.split('.')))) : null,
      parameters: new Map(Object.entries(registrar.parameters ?? {}).map(([index, type]) => [Number(index), typeNode(spec, type)])),
      passed: registrar.passed ?? false,
      direct: registrar.direct ?? false,
    });

  const fill = (spec: FrameworkSpec, node: TraceNode, value: ValueSpec) => {
    for (const registrar of asArray(value.registers)) {
      const compiled = payload(spec, registrar);
      if (compiled.when) node.calls.unshift(compiled);
      else node.calls.push(compiled);
    }
    for (const registrar of asArray(value.constructRegisters)) {
      const compiled = payload(spec, registrar);
      node.constructCalls ??= [];
      if (compiled.when) node.constructCalls.unshift(compiled);
      else node.constructCalls.push(compiled);
    }
    if (value.returns) node.callResult = typeNode(spec, value.returns);
    if (value.constructs) node.constructResult = typeNode(spec, value.constructs);
    node.awaitable = true;
    for (const [name, member] of Object.entries(value.members ?? {})) {
      if (typeof member === 'string') {
        node.children.set(name, typeNode(spec, member));
      } else {
        const child = node.children.get(name) ?? createTraceNode();
        fill(spec, child, member);
        node.children.set(name, child);
      }
    }
  };

  const modules = new Map<string, TraceNode>();
  const globals = new Map<string, TraceNode>();
  const typeNames = new Map<string, CompiledTypeNames>();
  const conventions: CompiledConvention[] = [];
  const startupMethods = new Map<string, Set<string>>();
  const pluginParameters = new Map<string, TraceNode>();
  const pluginObjects: CompiledPluginObjects[] = [];
  for (const spec of specs) {
    for (const [name, type] of Object.entries(spec.pluginParameters ?? {})) pluginParameters.set(name, typeNode(spec, type));
    if (spec.pluginObjects) {
      const { exports, key, parameter, type } = spec.pluginObjects;
      pluginObjects.push({ modules: spec.modules, exports, key, parameter, instance: typeNode(spec, type) });
    }
    for (const [name, value] of Object.entries(spec.types ?? {})) fill(spec, typeNode(spec, name), value);
    for (const module of spec.modules) {
      const specifiers = spec.builtin ? [module, `node:${module}`] : [module];
      if (spec.exports) {
        const root = modules.get(module) ?? createTraceNode(true);
        fill(spec, root, spec.exports);
        for (const specifier of specifiers) modules.set(specifier, root);
      }
      if (spec.typeNames) {
        const names = spec.typeNames;
        const resolve = (table: Readonly<Record<string, string>> | undefined) =>
          new Map(Object.entries(table ?? {}).map(([typeName, type]) => [typeName, typeNode(spec, type)]));
        const compiled: CompiledTypeNames = {
          framework: spec.framework,
          label: spec.label,
          asyncNote: spec.asyncNote ?? null,
          instances: resolve(names.instances),
          plugins: resolve(names.plugins),
          handlers: new Set(names.handlers),
          requests: new Set(names.requests),
          responses: new Set(names.responses),
          sandboxed: new Set(names.sandboxed),
          firstParameters: new Set(names.firstParameters),
        };
        for (const specifier of specifiers) typeNames.set(specifier, compiled);
      }
      if (spec.startupMethods) {
        for (const specifier of specifiers) startupMethods.set(specifier, new Set(spec.startupMethods));
      }
    }
    for (const [name, value] of Object.entries(spec.globals ?? {})) {
      const root = globals.get(name) ?? createTraceNode();
      if (typeof value === 'string') globals.set(name, typeNode(spec, value));
      else {
        fill(spec, root, value);
        globals.set(name, root);
      }
    }
    for (const convention of spec.conventions ?? []) conventions.push({ ...convention, framework: spec.framework, asyncNote: spec.asyncNote ?? null });
  }
  return { modules, globals, typeNames, conventions, startupMethods, pluginParameters, pluginObjects };
}

/** The built-in framework tables, compiled once per process. */
export const FRAMEWORKS: Frameworks = compileFrameworks(FRAMEWORK_SPECS);
