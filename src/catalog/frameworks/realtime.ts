import { listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Socket members that return the socket (or a broadcast operator with the same `emit`). */
const SOCKET_MODIFIERS = ['to', 'in', 'except', 'broadcast', 'volatile', 'compress', 'timeout', 'local', 'binary'];

/**
 * socket.io (`new Server(httpServer)`, `require('socket.io')(server)`): `io.on('connection', fn)`
 * and `io.of('/ns')` namespaces; the connection handler's socket is followed: `socket.on(event, fn)`,
 * `onAny`, `socket.use` middleware, acknowledgement callbacks passed to `emit`; `io.use` middleware.
 */
export const socketIo: FrameworkSpec = {
  framework: 'socket.io',
  name: 'socket.io',
  label: 'socket.io event handler',
  modules: ['socket.io'],
  exports: {
    returns: 'server',
    constructs: 'server',
    members: { Server: { constructs: 'server', returns: 'server' }, Namespace: { constructs: 'server' } },
  },
  types: {
    server: {
      members: {
        ...listenerMethods({
          label: 'socket.io server event handler',
          events: {
            connection: { label: 'socket.io connection handler', parameters: { 0: 'socket' } },
            connect: { label: 'socket.io connection handler', parameters: { 0: 'socket' } },
          },
          returns: 'server',
        }),
        use: { registers: { label: 'socket.io middleware', parameters: { 0: 'socket' } }, returns: 'server' },
        of: { registers: { label: 'socket.io connection handler', parameters: { 0: 'socket' } }, returns: 'server' },
        sockets: 'server',
        ...registrarMethods(['emit', 'serverSideEmit'], undefined, { label: 'socket.io acknowledgement callback', direct: true }),
        ...Object.fromEntries(SOCKET_MODIFIERS.map((name) => [name, { returns: 'server' }])),
        listen: { registers: { role: 'startup', startsServer: true }, returns: 'server' },
        attach: { returns: 'server' },
      },
    },
    socket: {
      members: {
        ...listenerMethods({ label: 'socket.io event handler', returns: 'socket' }),
        ...registrarMethods(['onAny', 'prependAny', 'onAnyOutgoing', 'prependAnyOutgoing'], 'socket', { label: 'socket.io event handler' }),
        use: { registers: { label: 'socket.io middleware' }, returns: 'socket' },
        ...registrarMethods(['emit', 'send'], undefined, { label: 'socket.io acknowledgement callback', direct: true }),
        ...Object.fromEntries(SOCKET_MODIFIERS.map((name) => [name, { returns: 'socket' }])),
        nsp: 'server',
        server: 'server',
      },
    },
  },
  typeNames: {
    instances: { Server: 'server', Namespace: 'server', Socket: 'socket' },
  },
};

/** A client's connection lifecycle: fires on every reconnect too, so its listeners inherit where they are added. */
const CLIENT_LIFECYCLE = ['connect', 'disconnect', 'connect_error', 'reconnect', 'reconnect_attempt', 'reconnect_error', 'reconnect_failed', 'error', 'ping'];

/**
 * socket.io-client (`io(url)`, `require('socket.io-client')(url)`, `new Manager(url).socket('/')`): a
 * process that keeps a connection to another server serves the messages it receives there
 * (`socket.on('command', fn)`, `onAny`); lifecycle events inherit.
 */
export const socketIoClient: FrameworkSpec = {
  framework: 'socket.io-client',
  name: 'socket.io-client',
  label: 'socket.io client event handler',
  modules: ['socket.io-client'],
  exports: {
    returns: 'socket',
    members: {
      io: { returns: 'socket' },
      connect: { returns: 'socket' },
      default: { returns: 'socket' },
      Manager: { constructs: 'manager' },
      Socket: { constructs: 'socket' },
    },
  },
  types: {
    manager: { members: { socket: { returns: 'socket' } } },
    socket: {
      members: {
        ...listenerMethods({ label: 'socket.io client event handler', ignore: CLIENT_LIFECYCLE, returns: 'socket' }),
        ...registrarMethods(['onAny', 'prependAny'], 'socket', { label: 'socket.io client event handler' }),
        ...registrarMethods(['emit', 'send'], undefined, { label: 'socket.io acknowledgement callback', direct: true }),
      },
    },
  },
  typeNames: { instances: { Socket: 'socket', Manager: 'manager' } },
};

/**
 * `ws`: `new WebSocketServer(…)` / `new WebSocket.Server(…)` `on('connection', (ws, req) => …)`
 * (the socket is followed: `ws.on('message', fn)`), `handleUpgrade` callbacks; client sockets
 * (`new WebSocket(url)`) `on('message')`. `'listening'` is start-up; a client's `'open'` says
 * nothing (its listener inherits where it is added).
 */
export const ws: FrameworkSpec = {
  framework: 'ws',
  name: 'ws',
  label: 'WebSocket message handler',
  modules: ['ws'],
  exports: {
    constructs: 'socket',
    members: {
      WebSocketServer: { constructs: 'server' },
      Server: { constructs: 'server' },
      WebSocket: { constructs: 'socket' },
    },
  },
  types: {
    server: {
      members: {
        ...listenerMethods({
          label: 'WebSocket server event handler',
          startup: ['listening'],
          events: { connection: { label: 'WebSocket connection handler', parameters: { 0: 'socket' } } },
          returns: 'server',
        }),
        handleUpgrade: { registers: { label: 'WebSocket connection handler', parameters: { 0: 'socket' } } },
      },
    },
    socket: {
      members: {
        ...listenerMethods({ label: 'WebSocket message handler', ignore: ['open'], returns: 'socket' }),
        addEventListener: { registers: [{ role: 'startup', select: [], when: { argumentMatches: { index: 0, pattern: /^open$/ } } }, { label: 'WebSocket message handler' }] },
        ...registrarMethods(['send', 'ping', 'pong'], undefined, { label: 'WebSocket send callback', direct: true }),
      },
    },
  },
  typeNames: { instances: { WebSocketServer: 'server', Server: 'server', WebSocket: 'socket' } },
};

/** uWebSockets.js: `App()`/`SSLApp()` routes and `ws(pattern, { open, message, close, drain, upgrade })`; `listen` is start-up. */
export const uWebSockets: FrameworkSpec = {
  framework: 'uWebSockets.js',
  name: 'uWebSockets.js',
  label: 'uWebSockets.js handler',
  modules: ['uWebSockets.js'],
  exports: { members: { App: { returns: 'app' }, SSLApp: { returns: 'app' } } },
  types: {
    app: {
      members: {
        ...registrarMethods(['get', 'post', 'put', 'patch', 'del', 'options', 'head', 'any', 'connect', 'trace'], 'app', { label: 'uWebSockets.js route handler' }),
        ws: { registers: { label: 'uWebSockets.js WebSocket handler', keys: ['open', 'message', 'close', 'drain', 'upgrade', 'ping', 'pong', 'dropped', 'subscription'] }, returns: 'app' },
        listen: { registers: { role: 'startup', startsServer: true }, returns: 'app' },
      },
    },
  },
};
