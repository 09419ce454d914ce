import { registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

const HOOK_KEYS = ['beforeHandle', 'afterHandle', 'transform', 'parse', 'derive', 'resolve', 'mapResponse', 'afterResponse', 'error'];

/** Elysia: `new Elysia().get('/', fn, { beforeHandle })`, lifecycle hooks, `group`/`guard` callbacks. */
export const elysia: FrameworkSpec = {
  framework: 'elysia',
  name: 'Elysia',
  label: 'Elysia route handler',
  modules: ['elysia'],
  exports: { members: { Elysia: { constructs: 'app' } } },
  types: {
    app: {
      members: {
        ...registrarMethods(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head', 'route', 'ws'], 'app', { keys: [...HOOK_KEYS, 'message', 'open', 'close'] }),
        ...registrarMethods(['onRequest', 'onParse', 'onTransform', 'onBeforeHandle', 'onAfterHandle', 'onAfterResponse', 'onError', 'mapResponse', 'derive', 'resolve'], 'app', {
          label: 'Elysia hook',
        }),
        ...registrarMethods(['group', 'guard'], 'app', { role: 'plugin', instance: 'app' }),
        ...registrarMethods(['onStart', 'onStop', 'listen'], 'app', { role: 'startup' }),
      },
    },
  },
};
