import { registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

const DEFINERS = ['defineEventHandler', 'eventHandler', 'defineWebSocketHandler', 'defineRequestMiddleware', 'defineResponseMiddleware', 'fromNodeMiddleware'];

/**
 * h3 (and Nitro/Nuxt server routes): `defineEventHandler(fn)`, `eventHandler(fn)`,
 * `defineEventHandler({ handler, onRequest })`; Nitro auto-imports `defineEventHandler`, so an
 * undeclared global of that name counts too.
 */
export const h3: FrameworkSpec = {
  framework: 'h3',
  name: 'h3',
  label: 'h3 event handler',
  modules: ['h3', 'nitropack/runtime', '#imports'],
  exports: {
    members: {
      ...registrarMethods(DEFINERS, undefined, { keys: ['handler', 'onRequest', 'onBeforeResponse'] }),
      createApp: { returns: 'app' },
      createRouter: { returns: 'app' },
      createH3: { returns: 'app' },
      H3: { constructs: 'app' },
    },
  },
  types: {
    app: { members: registrarMethods(['use', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'connect', 'trace', 'all', 'add', 'on'], 'app') },
  },
  globals: {
    defineEventHandler: { registers: { keys: ['handler', 'onRequest', 'onBeforeResponse'] } },
    eventHandler: { registers: { keys: ['handler', 'onRequest', 'onBeforeResponse'] } },
  },
};
