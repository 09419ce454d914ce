import { oneOf } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** Server events whose listeners run per request or connection. */
const REQUEST_EVENTS = ['request', 'stream', 'upgrade', 'checkContinue', 'checkExpectation', 'connect', 'connection', 'clientError', 'dropRequest', 'session', 'secureConnection', 'tlsClientError'];

/** Node's `http`/`https`/`http2` servers: `createServer(listener)`, `server.on('request', fn)`, `listen` callbacks. */
export const nodeHttp: FrameworkSpec = {
  framework: 'node-http',
  name: 'Node.js http',
  label: 'HTTP request listener',
  asyncNote: 'the http server ignores the returned promise, so a rejection is unhandled; add error handling',
  modules: ['http', 'https', 'http2'],
  builtin: true,
  exports: {
    members: {
      createServer: { registers: { startsServer: true }, returns: 'server' },
      createSecureServer: { registers: { startsServer: true }, returns: 'server' },
      Server: { constructs: 'server' },
    },
  },
  types: {
    server: {
      members: {
        listen: { registers: { role: 'startup', startsServer: true }, returns: 'server' },
        ...Object.fromEntries(
        ['on', 'once', 'addListener', 'prependListener'].map((name) => [
          name,
          {
            registers: [
              { when: { argumentMatches: { index: 0, pattern: oneOf(REQUEST_EVENTS) } } },
              { role: 'startup', when: { argumentMatches: { index: 0, pattern: /^listening$/ } } },
            ],
            returns: 'server',
          },
        ]),
        ),
      },
    },
  },
};
