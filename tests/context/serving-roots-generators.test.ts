import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'sync generators drained in a handler run while serving (spread, for…of, Array.from)',
    code: `import express from 'express';
import fs from 'node:fs';
function* lines(path) {
  yield* fs.readFileSync(path, 'utf8').split('\\n'); // ← called (line 11) from this Express route handler
}
function* entries(dir) {
  for (const name of fs.readdirSync(dir)) yield name; // ← called (line 12) from this Express route handler
}
const app = express();
app.get('/', (req, res) => {
  const all = [...lines('a.txt')]; // ← \`lines()\` blocks the event loop
  for (const entry of entries('dir')) res.write(entry); // ← \`entries()\` blocks the event loop
  res.end(String(all.length));
});
function* atBoot() {
  yield fs.readFileSync('boot');
}
export const bootLines = Array.from(atBoot());`,
  },
];

describe('serving roots: sync generators', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
