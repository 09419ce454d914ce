// TypeScript call sites: compiled with tsc (source maps on), traced, mapped back to the .ts lines.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, readTrace, removeScratch, ROOT, scratch } from './helpers.js';

const SOURCE = `import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// Type-only lines vanish from the JavaScript: the .ts and .js lines differ below.
interface Greeting {
  readonly text: string;
  readonly length: number;
}
type Handler = (path: string) => Greeting;

const greet: Handler = (path) => {
  const text: string = readFileSync(path, 'utf8');
  return { text, length: text.length };
};

const server = createServer((request, response) => {
  response.end(String(greet(__filename).length));
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as { port: number };
  for (let i = 0; i < 2; i++) await (await fetch(\`http://127.0.0.1:\${port}/greet\`)).text();
  server.close();
});
`;

let dir: string;
beforeAll(() => {
  dir = scratch('trace-ts');
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src/app.ts'), SOURCE);
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--outDir', 'out', '--sourceMap', '--module', 'commonjs', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), '--skipLibCheck', 'src/app.ts'], { cwd: dir });
});
afterAll(removeScratch);

describe('event-loop-lint trace on compiled TypeScript', () => {
  it('maps call sites to their .ts lines through the source maps', () => {
    const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, 'out/app.js'], dir);
    expect(run.status).toBe(0);
    const sites = readTrace(path.join(dir, 'trace.json')).sites;
    expect(sites).toMatchObject([{ file: 'src/app.ts', line: 12, api: 'fs.readFileSync', calls: 2, serving: true, routes: [{ route: 'GET /greet', calls: 2 }] }]);
  });

  it('reports the compiled lines with --no-source-maps', () => {
    const run = cli(['trace', '--no-source-maps', '--json', 'trace.json', '--', process.execPath, 'out/app.js'], dir);
    expect(run.status).toBe(0);
    const [site] = readTrace(path.join(dir, 'trace.json')).sites;
    expect(site!.file).toBe('out/app.js');
    expect(site!.line).toBeLessThan(12);
  });
});
