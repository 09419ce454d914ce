import { listenMethod, listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

const VERBS = ['get', 'post', 'put', 'patch', 'del', 'head', 'opts'];

/**
 * Restify: `restify.createServer()` verbs (`del`, `opts`), `use`, `pre`, and its per-request
 * events (`server.on('restifyError' | 'after' | 'NotFound' | …, fn)`); `listen` is start-up.
 */
export const restify: FrameworkSpec = {
  framework: 'restify',
  name: 'Restify',
  label: 'Restify route handler',
  asyncNote: 'Restify 7+ awaits an async handler only when it takes no `next` parameter; drop `next` and return instead',
  modules: ['restify'],
  exports: { members: { createServer: { returns: 'server' } } },
  types: {
    server: {
      members: {
        ...registrarMethods(VERBS, 'server'),
        ...registrarMethods(['use', 'pre'], 'server', { label: 'Restify middleware' }),
        ...listenMethod('server'),
        ...listenerMethods({ label: 'Restify server event listener', startup: ['listening'], returns: 'server' }),
      },
    },
  },
  typeNames: {
    instances: { Server: 'server' },
    handlers: ['RequestHandler', 'RequestHandlerType'],
    requests: ['Request'],
    responses: ['Response', 'Next'],
  },
};

const expressLike = (framework: string, name: string, modules: string[], exports: FrameworkSpec['exports']): FrameworkSpec => ({
  framework,
  name,
  label: `${name} route handler`,
  modules,
  exports,
  types: {
    app: {
      members: {
        ...registrarMethods(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'connect', 'trace'], 'app'),
        ...registrarMethods(['use'], 'app', { label: `${name} middleware` }),
        ...listenMethod('app'),
      },
    },
  },
});

/** Polka (`polka()`): Express-like verbs and `use`; `listen` is start-up. */
export const polka: FrameworkSpec = expressLike('polka', 'Polka', ['polka'], { returns: 'app' });

/** tinyhttp (`new App()` from `@tinyhttp/app`): Express-like verbs and `use`. */
export const tinyhttp: FrameworkSpec = expressLike('tinyhttp', 'tinyhttp', ['@tinyhttp/app'], { members: { App: { constructs: 'app' } } });
