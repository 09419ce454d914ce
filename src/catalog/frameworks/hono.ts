import { registrarMethods } from './helpers.js';
import type { FrameworkSpec, ValueSpec } from './types.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'on'];

const honoApp: ValueSpec = {
  members: {
    ...registrarMethods(VERBS, 'app'),
    ...registrarMethods(['use'], 'app', { label: 'Hono middleware' }),
    ...registrarMethods(['onError', 'notFound'], 'app', { label: 'Hono error handler' }),
    basePath: { returns: 'app' },
    route: { returns: 'app' },
    // `@hono/zod-openapi`: `app.openapi(route, handler)`.
    openapi: { registers: {}, returns: 'app' },
  },
};

/** Hono: `new Hono()` routes, `use`, `on` (also from `hono/tiny`, `hono/quick`, `@hono/zod-openapi`). */
export const hono: FrameworkSpec = {
  framework: 'hono',
  name: 'Hono',
  label: 'Hono route handler',
  modules: ['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi'],
  exports: {
    members: {
      Hono: { constructs: 'app' },
      OpenAPIHono: { constructs: 'app' },
    },
  },
  types: { app: honoApp },
  typeNames: {
    instances: { Hono: 'app', OpenAPIHono: 'app' },
    handlers: ['Handler', 'MiddlewareHandler', 'ErrorHandler', 'NotFoundHandler'],
  },
};

/** `hono/factory`: `createMiddleware(fn)`, `createFactory().createHandlers(…)`. */
export const honoFactory: FrameworkSpec = {
  framework: 'hono',
  name: 'Hono',
  label: 'Hono middleware',
  modules: ['hono/factory'],
  exports: {
    members: {
      createMiddleware: { registers: {} },
      createFactory: { returns: 'factory' },
    },
  },
  types: { factory: { members: { ...registrarMethods(['createHandlers', 'createMiddleware'], undefined) } } },
};

/** `@hono/node-server`: `serve(app, () => …)` calls back once listening. */
export const honoNodeServer: FrameworkSpec = {
  framework: 'hono',
  name: 'Hono',
  label: 'Hono route handler',
  modules: ['@hono/node-server'],
  exports: { members: { serve: { registers: { role: 'startup', startsServer: true } } } },
};
