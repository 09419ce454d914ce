import { listenMethod, oneOf, registrarMethods, startupMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Route-level hooks and handlers that run per request (keys of route options). */
const REQUEST_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse', 'onError', 'onTimeout', 'onRequestAbort'];
const ROUTE_KEYS = ['handler', 'errorHandler', 'childLoggerFactory', ...REQUEST_HOOKS];
/** Application hooks: run at start-up or shutdown, never per request. */
const APPLICATION_HOOKS = ['onReady', 'onListen', 'onClose', 'preClose', 'onRoute', 'onRegister'];
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'search', 'propfind', 'proppatch', 'mkcol', 'copy', 'move', 'lock', 'unlock', 'trace', 'report', 'mkcalendar'];

/**
 * Fastify 4 and 5: `fastify()`/`Fastify()`, plugin instance parameters (`register(fn)`,
 * `fastify-plugin`'s `fp(fn)`, functions typed `FastifyPluginAsync`), shorthand routes,
 * `route({ handler, … })`, request hooks.
 */
export const fastify: FrameworkSpec = {
  framework: 'fastify',
  name: 'Fastify',
  label: 'Fastify route handler',
  asyncNote: 'an async Fastify handler must return the payload, or `return reply` after `reply.send`',
  modules: ['fastify'],
  exports: {
    returns: 'instance',
    members: { fastify: { returns: 'instance' } },
  },
  types: {
    instance: {
      members: {
        ...registrarMethods(VERBS, 'instance', { keys: ROUTE_KEYS }),
        route: { registers: { keys: ROUTE_KEYS }, returns: 'instance' },
        // `fastify.withTypeProvider<ZodTypeProvider>()` is the same instance, typed.
        withTypeProvider: { returns: 'instance' },
        addHook: {
          registers: [
            { label: 'Fastify hook', when: { argumentMatches: { index: 0, pattern: oneOf(REQUEST_HOOKS) } } },
            { role: 'startup', when: { argumentMatches: { index: 0, pattern: oneOf(APPLICATION_HOOKS) } } },
          ],
          returns: 'instance',
        },
        ...registrarMethods(['setErrorHandler', 'setNotFoundHandler'], 'instance', { label: 'Fastify handler', keys: REQUEST_HOOKS }),
        ...registrarMethods(['register'], 'instance', { role: 'plugin', instance: 'instance' }),
        ...startupMethods(['after', 'ready', 'onClose'], 'instance'),
        ...listenMethod('instance'),
      },
    },
  },
  pluginParameters: { fastify: 'instance' },
  typeNames: {
    instances: { FastifyInstance: 'instance' },
    plugins: { FastifyPluginAsync: 'instance', FastifyPluginCallback: 'instance', FastifyPluginAsyncTypebox: 'instance', FastifyPluginAsyncZod: 'instance', FastifyPluginAsyncJsonSchemaToTs: 'instance' },
    handlers: ['RouteHandler', 'RouteHandlerMethod', 'preHandlerHookHandler', 'onRequestHookHandler', 'preHandlerAsyncHookHandler', 'onRequestAsyncHookHandler'],
    requests: ['FastifyRequest'],
    responses: ['FastifyReply'],
  },
};

/** `fastify-plugin`: `fp(async (fastify, opts) => …)` wraps a plugin. */
export const fastifyPlugin: FrameworkSpec = {
  framework: 'fastify',
  name: 'Fastify',
  label: 'Fastify route handler',
  modules: ['fastify-plugin'],
  exports: { registers: { role: 'plugin', instance: 'fastify:instance' } },
};
