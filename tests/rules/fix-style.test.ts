// Suggestions write code in the file's own style: its line breaks and its quotes.
import noSyncChildProcess from '../../rules/no-sync-child-process.js';
import noBusyWait from '../../rules/no-busy-wait.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sync-child-process', noSyncChildProcess, {
  valid: [],
  invalid: [
    {
      name: 'CRLF file with double quotes: the added import ends in CRLF and uses double quotes, as does the added option',
      code: 'import { execSync } from "node:child_process";\r\nexport async function list() {\r\n  return execSync("ls");\r\n}\r\n',
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output:
                'import { execSync, exec } from "node:child_process";\r\nimport { promisify } from "node:util";\r\nexport async function list() {\r\n  return (await promisify(exec)("ls", { encoding: "buffer" })).stdout;\r\n}\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS with double-quoted requires: the added require is double-quoted',
      code: 'const { execSync } = require("child_process");\nmodule.exports = async function list() {\n  await execSync("ls");\n};\n',
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output:
                'const { execSync, exec } = require("child_process");\nconst { promisify } = require("node:util");\nmodule.exports = async function list() {\n  await (await promisify(exec)("ls", { encoding: "buffer" })).stdout;\n};\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-busy-wait', noBusyWait, {
  valid: [],
  invalid: [
    {
      name: 'no import yet, double quotes in the code: the new import takes them',
      code: 'export async function pause(ms) {\n  console.log("waiting");\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}\n',
      errors: [
        {
          messageId: 'busyLoop',
          suggestions: [
            {
              messageId: 'suggestAwait',
              output:
                'import { setTimeout as sleep } from "node:timers/promises";\nexport async function pause(ms) {\n  console.log("waiting");\n  const end = Date.now() + ms;\n  await sleep(end - Date.now());\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
