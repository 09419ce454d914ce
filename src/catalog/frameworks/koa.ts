import { listenMethod, listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Koa: `new Koa()`, `app.use(fn)`; Koa awaits middleware, so async middleware is the norm. */
export const koa: FrameworkSpec = {
  framework: 'koa',
  name: 'Koa',
  label: 'Koa middleware',
  modules: ['koa'],
  exports: { constructs: 'app', returns: 'app', members: { Koa: { constructs: 'app' } } },
  types: {
    // `app.on('error', (err, ctx) => …)` runs for every failed request.
    app: { members: { ...registrarMethods(['use'], 'app'), ...listenMethod(), ...listenerMethods({ label: 'Koa app event listener' }) } },
  },
  typeNames: {
    instances: { Koa: 'app' },
    handlers: ['Middleware'],
    requests: ['Context', 'ParameterizedContext', 'DefaultContext', 'ExtendableContext'],
    responses: ['Next'],
  },
};

const ROUTER_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'param', 'link', 'unlink'];

const router = (module: string): FrameworkSpec => ({
  framework: 'koa',
  name: 'Koa',
  label: 'Koa router handler',
  modules: [module],
  exports: {
    constructs: 'router',
    returns: 'router',
    members: { Router: { constructs: 'router', returns: 'router' } },
  },
  types: {
    router: { members: { ...registrarMethods(ROUTER_VERBS, 'router'), route: { returns: 'router' }, prefix: { returns: 'router' } } },
  },
  typeNames: {
    instances: { Router: 'router' },
    handlers: ['Middleware', 'RouterMiddleware'],
    requests: ['RouterContext'],
    responses: ['Next'],
  },
});

/** `@koa/router` and `koa-router` (same API). */
export const koaRouter: FrameworkSpec = router('@koa/router');
export const koaRouterLegacy: FrameworkSpec = router('koa-router');

/** `koa-websocket`: `websockify(new Koa())` returns the same app. */
export const koaWebsocket: FrameworkSpec = {
  framework: 'koa',
  name: 'Koa',
  label: 'Koa middleware',
  modules: ['koa-websocket'],
  exports: { returns: 'koa:app' },
};
