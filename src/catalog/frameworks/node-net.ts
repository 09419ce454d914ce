import { listenerMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Events of a socket that arrive once at boot when it is a client connecting (`once('connect')`). */
const CLIENT_LIFECYCLE = ['connect', 'ready', 'lookup', 'secureConnect'];

const socketType = (label: string) => ({
  members: listenerMethods({ label, startupOnce: CLIENT_LIFECYCLE, returns: 'socket' }),
});

/**
 * `net` and `tls` servers: `createServer(listener)` (the listener gets the socket), `server.on('connection'
 * | 'secureConnection', fn)`, and the socket's `'data'`/`'end'`/… listeners; client sockets
 * (`net.connect()`) `'data'` listeners. `'listening'` and a client's `once('connect')` are start-up.
 */
export const nodeNet: FrameworkSpec = {
  framework: 'node-net',
  name: 'Node.js net',
  label: 'socket listener',
  modules: ['net', 'tls'],
  builtin: true,
  exports: {
    members: {
      createServer: { registers: { label: 'connection listener', startsServer: true, parameters: { 0: 'socket' } }, returns: 'server' },
      Server: { constructs: 'server' },
      // A client connection: its callback inherits where it is made (boot, or a request).
      connect: { returns: 'socket' },
      createConnection: { returns: 'socket' },
      Socket: { constructs: 'socket' },
      TLSSocket: { constructs: 'socket' },
    },
  },
  types: {
    server: {
      members: {
        ...listenerMethods({
          label: 'server event listener',
          startup: ['listening'],
          events: {
            connection: { label: 'connection listener', parameters: { 0: 'socket' } },
            secureConnection: { label: 'connection listener', parameters: { 0: 'socket' } },
          },
          returns: 'server',
        }),
        listen: { registers: { role: 'startup', startsServer: true }, returns: 'server' },
      },
    },
    socket: socketType('socket listener'),
  },
  typeNames: { instances: { Socket: 'socket', TLSSocket: 'socket', Server: 'server' } },
};

/** `dgram`: `createSocket(type, listener)` and `socket.on('message', fn)`; `bind` callbacks and `'listening'` are start-up. */
export const nodeDgram: FrameworkSpec = {
  framework: 'node-dgram',
  name: 'Node.js dgram',
  label: 'UDP message listener',
  modules: ['dgram'],
  builtin: true,
  exports: { members: { createSocket: { registers: { label: 'UDP message listener' }, returns: 'socket' } } },
  types: {
    socket: {
      members: {
        ...listenerMethods({ label: 'UDP socket listener', startup: ['listening'], events: { message: { label: 'UDP message listener' } }, returns: 'socket' }),
        bind: { registers: { role: 'startup', startsServer: true }, returns: 'socket' },
      },
    },
  },
};

/**
 * `events`: listeners of an in-process event bus (`new EventEmitter()`) serve work, except
 * `'listening'`/`'ready'`; `events.once(server, 'listening')` marks the function awaiting it as
 * start-up code.
 */
export const nodeEvents: FrameworkSpec = {
  framework: 'node-events',
  name: 'Node.js events',
  label: 'event listener',
  modules: ['events'],
  builtin: true,
  exports: {
    constructs: 'emitter',
    members: {
      EventEmitter: { constructs: 'emitter' },
      EventEmitterAsyncResource: { constructs: 'emitter' },
      once: { registers: { role: 'startup', startsServer: true, when: { argumentMatches: { index: 1, pattern: /^(?:listening|ready)$/ } } } },
    },
  },
  types: {
    emitter: { members: listenerMethods({ label: 'event listener', startup: ['listening', 'ready'], returns: 'emitter' }) },
  },
  typeNames: { instances: { EventEmitter: 'emitter' } },
};

/**
 * A long-lived child's `on` listeners serve; `once('exit' | 'error')` usually wraps a short-lived child
 * in a promise (a migration check at boot, a conversion per request): it inherits where it is added.
 */
const LONG_LIVED_LISTENERS = ['on', 'addListener', 'prependListener'];
/** A child's end-of-life events say when a command finished (a build step, a conversion): they inherit. */
const CHILD_LIFECYCLE = ['exit', 'close', 'error', 'spawn', 'disconnect'];
const childProcess = { members: { ...listenerMethods({ label: 'child process listener', ignore: CHILD_LIFECYCLE, returns: 'child' }, LONG_LIVED_LISTENERS), stdout: 'stream', stderr: 'stream' } };

/**
 * `child_process`: listeners of a child (`fork(file).on('message', fn)`, `spawn(cmd).stdout.on('data', fn)`)
 * run whenever the child speaks, while the parent serves. `exit`/`close`/`error` listeners and
 * callbacks of `exec`/`execFile` inherit the context where they are added.
 */
export const nodeChildProcess: FrameworkSpec = {
  framework: 'node-child-process',
  name: 'Node.js child_process',
  label: 'child process listener',
  modules: ['child_process'],
  builtin: true,
  exports: { members: Object.fromEntries(['fork', 'spawn', 'exec', 'execFile'].map((name) => [name, { returns: 'child' }])) },
  types: {
    child: childProcess,
    stream: { members: listenerMethods({ label: 'child process listener', ignore: ['end', 'close', 'error'], returns: 'stream' }, LONG_LIVED_LISTENERS) },
  },
  typeNames: { instances: { ChildProcess: 'child' } },
};

/** `worker_threads` in the main thread: a `Worker`'s `on('message' | 'error' | 'exit')` listeners; `'online'` is start-up. */
export const nodeWorkerThreads: FrameworkSpec = {
  framework: 'node-worker-threads',
  name: 'Node.js worker_threads',
  label: 'worker thread listener',
  modules: ['worker_threads'],
  builtin: true,
  exports: { members: { Worker: { constructs: 'worker' } } },
  types: { worker: { members: listenerMethods({ label: 'worker thread listener', startup: ['online'], returns: 'worker' }, LONG_LIVED_LISTENERS) } },
};

/**
 * File watchers: `fs.watch(path, listener)`, `fs.watchFile(path, listener)` and the watcher's
 * `on('change')`, and chokidar's `watch(paths).on('add' | 'change' | 'unlink' | 'all', fn)`. A
 * watcher is set up once, at start-up; its listeners run on each change, while the process serves.
 */
const WATCHER_LISTENERS = listenerMethods({ label: 'file watcher listener', startup: ['ready'], returns: 'watcher' }, LONG_LIVED_LISTENERS);

export const nodeFsWatch: FrameworkSpec = {
  framework: 'node-fs-watch',
  name: 'Node.js fs.watch',
  label: 'file watcher listener',
  modules: ['fs'],
  builtin: true,
  exports: {
    members: {
      watch: { registers: { label: 'file watcher listener' }, returns: 'watcher' },
      watchFile: { registers: { label: 'file watcher listener' } },
    },
  },
  types: { watcher: { members: WATCHER_LISTENERS } },
};

/** fs-extra and graceful-fs pass `fs.watch` and `fs.watchFile` on. */
export const fsExtraWatch: FrameworkSpec = { ...nodeFsWatch, modules: ['fs-extra', 'graceful-fs'], builtin: false };

export const chokidar: FrameworkSpec = {
  framework: 'chokidar',
  name: 'chokidar',
  label: 'file watcher listener',
  modules: ['chokidar'],
  exports: {
    members: {
      watch: { returns: 'watcher' },
      FSWatcher: { constructs: 'watcher' },
    },
  },
  types: { watcher: { members: { ...WATCHER_LISTENERS, add: { returns: 'watcher' }, unwatch: { returns: 'watcher' } } } },
};
