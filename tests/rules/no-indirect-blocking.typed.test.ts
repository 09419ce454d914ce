import path from 'node:path';
import noIndirectBlocking from '../../rules/no-indirect-blocking.js';
import { createTypedRuleTester, FIXTURES } from '../rule-tester.js';

// File names are relative: the tester then lints with `cwd` at the fixture root, as a project's own lint run would.
const ROOT = path.join(FIXTURES, 'indirect');

createTypedRuleTester(ROOT).run('no-indirect-blocking', noIndirectBlocking, {
  valid: [
    {
      name: 'cross-file helper called only at start-up',
      code: `import { loadConfig } from './lib/index.js';
const config = loadConfig();
export async function handler() {
  return config.port;
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      name: 'cross-file helper without blocking calls',
      code: `import { formatPort } from './lib/index.js';
export async function handler() {
  return formatPort(80);
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      name: 'cross-file helper whose blocking call is in a timer callback',
      code: `import { UserService } from './service.js';
export async function handler(users: UserService) {
  users.listLater();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      name: 'cross-file helper whose blocking API is allowed',
      code: `import { loadConfig } from './lib/index.js';
export async function handler() {
  return loadConfig();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      options: [{allow: ['readFileSync']}],
    },
    {
      name: 'type-aware and cross-file analysis both off: the per-file answer',
      code: `import { loadConfig } from './lib/index.js';
export async function handler() {
  return loadConfig();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'off', crossFile: false}},
    },
    {
      name: 'cross-file helpers whose package calls do not block: tar without sync, knex on pg',
      code: `import { unpackLater, countUsers } from './packages.js';
export async function handler(file: string) {
  await unpackLater(file);
  return countUsers();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
  ],
  invalid: [
    {
      // An async helper that blocks inside is reported where serving code calls it, like a sync one
      // (and in its own file); its db is read from the better-sqlite3 annotation.
      name: 'cross-file async method that blocks: reported at the serving call too',
      code: `import { UserModel } from './model.js';
export async function handler(model: UserModel) {
  return model.getAllUsersLater();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          data: {
            callee: 'model.getAllUsersLater()',
            chain: '`better-sqlite3 Statement#all` (tests/fixtures/indirect/model.ts:16)',
            fix: 'In `getAllUsersLater`, run the query in a worker thread that owns its own connection (see "Worker-pool recipe" in docs/rules/no-sync-database.md), or use an async driver.',
          },
        },
      ],
    },
    {
      name: 'no settings: the untyped project model follows the re-export into lib/config.ts',
      code: `import { loadConfig } from './lib/index.js';
export async function handler() {
  return loadConfig();
}`,
      filename: 'controller.ts',
      settings: {},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          data: { callee: 'loadConfig()', chain: '`fs.readFileSync` (tests/fixtures/indirect/lib/config.ts:4)', fix: 'In `loadConfig`, use `fs.promises.readFile` instead.' },
        },
      ],
    },
    {
      name: 'cross-file helper calling tar with sync: true',
      code: `import { unpackNow } from './packages.js';
export async function handler(file: string) {
  unpackNow(file);
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [{ messageId: 'blocking', line: 3, column: 3, endLine: 3, endColumn: 12, suggestions: [] }],
    },
    {
      name: 'one hop through a re-export',
      code: `import { loadConfig } from './lib/index.js';
export async function handler() {
  return loadConfig().port;
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'one hop: object-literal method in another file',
      code: `import { settings } from './lib/index.js';
export async function handler() {
  return settings.read();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'one hop: class field typed as a model on better-sqlite3',
      code: `import { UserModel } from './model.js';
export class UserController {
  constructor(private readonly userModel: UserModel) {}
  async index() {
    return this.userModel.getAllUsers();
  }
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'two hops: controller -> service -> model',
      code: `import { UserService } from './service.js';
export class UserController {
  constructor(private readonly users: UserService) {}
  async index() {
    return this.users.listUsers();
  }
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'three hops: controller -> service -> service -> model',
      code: `import { UserService } from './service.js';
export class UserController {
  constructor(private readonly users: UserService) {}
  async count() {
    return { count: this.users.countUsers() };
  }
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      name: 'local helper calling a cross-file helper',
      code: `import { loadConfig } from './lib/index.js';
function port() {
  return loadConfig().port;
}
export async function handler() {
  return port();
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'namespace import',
      code: `import * as lib from './lib/index.js';
export const handler = async () => lib.loadConfig();`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
  ],
});
