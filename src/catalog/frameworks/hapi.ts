import { listenerMethods, oneOf } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Properties of a Hapi route object that hold per-request functions, at any depth (`options.pre[].method`). */
export const HAPI_ROUTE_KEYS = [
  'handler', 'options', 'config', 'pre', 'method', 'ext', 'validate', 'failAction', 'payload', 'query', 'params', 'headers', 'state', 'response', 'schema',
  'onPreAuth', 'onCredentials', 'onPostAuth', 'onPreHandler', 'onPostHandler', 'onPreResponse', 'onPostResponse',
];

/** Request lifecycle extension points (`server.ext('onPreHandler', fn)`): per request. */
const REQUEST_EXTENSIONS = ['onRequest', 'onPreAuth', 'onCredentials', 'onPostAuth', 'onPreHandler', 'onPostHandler', 'onPreResponse', 'onPostResponse'];
/** Server extension points: start-up and shutdown. */
const SERVER_EXTENSIONS = ['onPreStart', 'onPostStart', 'onPreStop', 'onPostStop'];

/**
 * Hapi (`@hapi/hapi`, and the legacy `hapi` package): `Hapi.server()`/`new Hapi.Server()`;
 * `server.route` with an object or an array (`handler`, `options.handler`, `config.handler`, `pre`
 * methods, route `ext`, `validate` functions), `server.ext` request extension points, server
 * methods, toolkit decorations, auth strategies' `validate`, `server.events.on(…)`; plugins'
 * `register(server)` (through `server.register`, and exported `plugin` objects) is start-up code
 * whose parameter is the server; `server.start()` starts the server.
 */
export const hapi: FrameworkSpec = {
  framework: 'hapi',
  name: 'Hapi',
  label: 'Hapi route handler',
  modules: ['@hapi/hapi', 'hapi'],
  exports: {
    returns: 'server',
    members: {
      server: { returns: 'server' },
      Server: { constructs: 'server', returns: 'server' },
    },
  },
  types: {
    server: {
      members: {
        route: { registers: { keys: HAPI_ROUTE_KEYS } },
        ext: {
          registers: [
            { label: 'Hapi request extension', when: { argumentMatches: { index: 0, pattern: oneOf(REQUEST_EXTENSIONS) } } },
            { role: 'startup', when: { argumentMatches: { index: 0, pattern: oneOf(SERVER_EXTENSIONS) } } },
            { label: 'Hapi request extension', keys: ['method'] },
          ],
        },
        method: { registers: { label: 'Hapi server method', keys: ['method'] } },
        decorate: { registers: { label: 'Hapi decoration' } },
        register: { registers: { role: 'plugin', instance: 'server', keys: ['plugin', 'register'] } },
        start: { registers: { role: 'startup', startsServer: true } },
        initialize: { registers: { role: 'startup', startsServer: true } },
        auth: 'auth',
        // Server events: `'request'`/`'response'` are per request; `'start'`, `'stop'`, `'closing'`, `'route'` are start-up and shutdown.
        events: { members: listenerMethods({ label: 'Hapi server event listener', startup: ['start', 'stop', 'closing', 'route', 'cachePolicy'] }) },
        realm: {},
        // Hapi 16 and older: `server.connection(options)` returns the server.
        connection: { returns: 'server' },
      },
    },
    auth: {
      members: {
        strategy: { registers: { label: 'Hapi auth validation', keys: ['validate', 'verify', 'validateFunc'] } },
        // `auth.scheme(name, (server, options) => ({ authenticate(request, h) {…} }))`: the scheme is built once; what it returns runs per request.
        scheme: { registers: { label: 'Hapi auth scheme', select: ['1.().authenticate', '1.().payload', '1.().response', '1.().verify'], parameters: { 0: 'server' } } },
      },
    },
  },
  // Any export: `export const router = { plugin: { name, register(server) {…} } }` (routes, plugins of an app).
  pluginObjects: { exports: ['*'], key: 'register', parameter: 'server', type: 'server' },
  typeNames: {
    instances: { Server: 'server' },
    plugins: { Plugin: 'server' },
    requests: ['Request'],
    responses: ['ResponseToolkit'],
  },
};
