import { registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/**
 * tRPC: procedures built from `initTRPC…create()`'s `procedure` (v10/v11): `.query(fn)`,
 * `.mutation(fn)`, `.subscription(fn)` resolvers and `.use(fn)` middleware; v9's
 * `router().query('name', { resolve })`.
 */
export const trpc: FrameworkSpec = {
  framework: 'trpc',
  name: 'tRPC',
  label: 'tRPC resolver',
  modules: ['@trpc/server'],
  exports: {
    members: {
      initTRPC: 'builder',
      router: { returns: 'legacyRouter' },
    },
  },
  types: {
    builder: {
      members: {
        create: { returns: 't' },
        context: { returns: 'builder' },
        meta: { returns: 'builder' },
      },
    },
    t: {
      members: {
        procedure: 'procedure',
        middleware: { registers: { label: 'tRPC middleware' } },
      },
    },
    procedure: {
      members: {
        ...registrarMethods(['query', 'mutation', 'subscription'], undefined),
        ...registrarMethods(['use'], 'procedure', { label: 'tRPC middleware' }),
        ...Object.fromEntries(['input', 'output', 'meta', 'concat', 'unstable_concat'].map((name) => [name, { returns: 'procedure' }])),
      },
    },
    legacyRouter: {
      members: {
        ...registrarMethods(['query', 'mutation', 'subscription'], 'legacyRouter', { keys: ['resolve'] }),
        ...registrarMethods(['middleware'], 'legacyRouter', { label: 'tRPC middleware' }),
        merge: { returns: 'legacyRouter' },
      },
    },
  },
};
