import { listenMethod, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** HTTP-verb methods of Express apps, routers and `route()` objects (every function argument is a handler). */
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'propfind', 'report', 'search', 'copy', 'lock', 'mkcol', 'move', 'purge', 'unlock', 'subscribe', 'unsubscribe'];

const routerMembers = (self: string) => ({
  ...registrarMethods(VERBS, self),
  ...registrarMethods(['use'], self, { label: 'Express middleware' }),
  ...registrarMethods(['param'], self, { label: 'Express param handler' }),
  route: { returns: 'route' },
});

/** Express 4 and 5: `express()`, `express.Router()`, `Router()`, `app.route('/x').get(…)`. */
export const express: FrameworkSpec = {
  framework: 'express',
  name: 'Express',
  label: 'Express route handler',
  asyncNote: 'Express 4 does not catch rejected promises; add error handling or use Express 5',
  modules: ['express'],
  exports: {
    returns: 'app',
    members: {
      Router: { returns: 'router', constructs: 'router' },
      application: 'app',
    },
  },
  types: {
    app: {
      members: {
        ...routerMembers('app'),
        ...listenMethod(),
        // `app.get('title')` reads a setting: only calls with a function argument register anything.
        router: 'router',
      },
    },
    router: { members: routerMembers('router') },
    route: { members: registrarMethods(VERBS, 'route') },
  },
  typeNames: {
    instances: { Express: 'app', Application: 'app', Router: 'router', IRouter: 'router' },
    handlers: ['RequestHandler', 'ErrorRequestHandler', 'Handler'],
    requests: ['Request'],
    responses: ['Response', 'NextFunction'],
  },
};
