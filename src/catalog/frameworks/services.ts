import type { FrameworkSpec, ValueSpec } from './types.js';

/** Paths from a Moleculer service schema to its per-request functions. */
export const MOLECULER_HANDLER_PATHS = ['0.actions.*', '0.actions.*.handler', '0.events.*', '0.events.*.handler', '0.hooks.*.*'];
/** Service lifecycle handlers: start-up and shutdown. */
export const MOLECULER_STARTUP_PATHS = ['0.created', '0.started', '0.stopped', '0.merged'];

/**
 * Moleculer: `broker.createService({ actions, events })` (actions, `handler`s, event handlers and
 * action hooks serve; `created`/`started`/`stopped` are start-up); schema objects exported from
 * service files are recognised by their shape (`{ name, actions }`). `broker.start()` starts the broker.
 */
export const moleculer: FrameworkSpec = {
  framework: 'moleculer',
  name: 'Moleculer',
  label: 'Moleculer action',
  modules: ['moleculer'],
  exports: { members: { ServiceBroker: { constructs: 'broker' } } },
  types: {
    broker: {
      members: {
        createService: { registers: [{ select: MOLECULER_HANDLER_PATHS }] },
        start: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
};

const decorators = (names: readonly string[], label: string): Record<string, ValueSpec> =>
  Object.fromEntries(names.map((name) => [name, { registers: { role: 'decorated-method', label } }]));

/** LoopBack 4: controller methods decorated with `@get`/`@post`/`@put`/`@patch`/`@del`/`@operation` (`@loopback/rest`). */
export const loopback: FrameworkSpec = {
  framework: 'loopback',
  name: 'LoopBack',
  label: 'LoopBack route handler',
  modules: ['@loopback/rest'],
  exports: { members: decorators(['get', 'post', 'put', 'patch', 'del', 'operation'], 'LoopBack route handler') },
  startupMethods: ['start', 'boot', 'init'],
};
