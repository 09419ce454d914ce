import path from 'node:path';
import noSyncFs from '../../rules/no-sync-fs.js';
import { createTypedRuleTester, FIXTURES } from '../rule-tester.js';

// File names are relative: the tester then lints with `cwd` at the fixture root, as a project's own lint run would.
const ROOT = path.join(FIXTURES, 'indirect');

createTypedRuleTester(ROOT).run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'module type at start-up',
      code: `export function boot(io: typeof import('fs')) {
  return io.readFileSync('a');
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
    },
    {
      name: 'without the setting the parameter is unknown',
      code: `export async function handler(io: typeof import('fs')) {
  return io.readFileSync('a');
}`,
      filename: 'controller.ts',
      settings: {},
    },
  ],
  invalid: [
    {
      name: 'typeof import fs passed as a parameter',
      code: `export async function handler(io: typeof import('fs')) {
  return io.readFileSync('a', 'utf8');
}`,
      filename: 'controller.ts',
      settings: {'event-loop':{typeAware: 'auto'}},
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `export async function handler(io: typeof import('fs')) {
  return await io.promises.readFile('a', 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeof import node:fs as a class field',
      code: `import type * as nodeFs from 'node:fs';
export class Files {
  constructor(private readonly files: typeof nodeFs) {}
  async exists(p: string) {
    return this.files.existsSync(p);
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
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type * as nodeFs from 'node:fs';
export class Files {
  constructor(private readonly files: typeof nodeFs) {}
  async exists(p: string) {
    return await this.files.promises.access(p).then(() => true, () => false);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
