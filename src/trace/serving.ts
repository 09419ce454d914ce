// Is the process serving work right now, and for which request? An HTTP request is followed from
// `diagnostics_channel`'s `http.server.request.start` through AsyncLocalStorage; any call after the
// first `listen` (and its callback) has returned counts as serving too: jobs, sockets, timers.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request being served: the sites it ran, counted, until its response finishes. */
export interface RequestScope {
  readonly method: string;
  readonly path: string;
  readonly request: IncomingMessage;
  readonly calls: Map<object, number>;
}

export interface ServingState {
  /** The request the current code runs for, if any. */
  request(): RequestScope | undefined;
  serving(): boolean;
  /** Requests still open (at exit: named by their URL path). */
  open(): Iterable<RequestScope>;
}

/** `GET /users/:id`: Express's route pattern when the router matched one, else the URL path. */
export function routeOf(scope: RequestScope): string {
  const request = scope.request as IncomingMessage & { route?: { path?: unknown }; baseUrl?: unknown };
  const pattern = request.route?.path;
  if (typeof pattern === 'string') {
    const base = typeof request.baseUrl === 'string' ? request.baseUrl : '';
    return `${scope.method} ${base + pattern || '/'}`;
  }
  return `${scope.method} ${scope.path}`;
}

/**
 * How a blocking call finds its request. `async`: AsyncLocalStorage follows each request through
 * everything it awaits (exact under concurrent load; on Node.js 20 it costs every promise and
 * async resource a hook call: about 15% more CPU per request on promise-heavy routes). `open`: the
 * request is known when it is the only one open (exact for sequential drivers: test suites,
 * scripts requesting one route after another); under concurrent load such calls count as serving
 * with no route.
 */
export type RouteTracking = 'async' | 'open';

export function watchServing(onFinished: (scope: RequestScope) => void, tracking: RouteTracking): ServingState {
  const store = tracking === 'async' ? new AsyncLocalStorage<RequestScope>() : null;
  const open = new Set<RequestScope>();
  let listening = false;
  const onlyOpen = () => {
    if (open.size !== 1) return undefined;
    for (const scope of open) return scope;
    return undefined;
  };

  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const scope: RequestScope = { method: request.method ?? 'GET', path: query === -1 ? url : url.slice(0, query), request, calls: new Map() };
    open.add(scope);
    // Published synchronously before the server emits 'request': the handler runs inside this store.
    store?.enterWith(scope);
    response.once('close', () => {
      if (open.delete(scope)) onFinished(scope);
    });
  });

  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const result = Reflect.apply(listen, this, args);
    // Added after listen() registered the user's callback: that start-up callback runs first.
    if (!listening) this.once('listening', () => { listening = true; });
    return result;
  } as typeof listen;

  const request = store ? () => store.getStore() : onlyOpen;
  return {
    request,
    serving: () => listening || request() !== undefined,
    open: () => open,
  };
}
