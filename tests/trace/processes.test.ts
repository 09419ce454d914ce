// Records from every Node.js process of the command: a test runner's workers, process.exit, signals;
// exit codes passed on; the preload does nothing outside a trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, readTrace, removeScratch, ROOT, scratch } from './helpers.js';

afterAll(removeScratch);

describe('event-loop-lint trace across processes', () => {
  it("merges the records of node --test's worker processes (test code is not serving)", () => {
    const dir = scratch('trace-node-test');
    cpSync(path.join(FIXTURES, 'node-test'), dir, { recursive: true });
    const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, '--test', 'reads-a.test.mjs', 'reads-b.test.mjs'], dir);
    expect(run.status).toBe(0);
    const trace = readTrace(path.join(dir, 'trace.json'));
    // One process per test file (each file runs in its own child process).
    expect(trace.processes).toBeGreaterThanOrEqual(2);
    expect(trace.sites.find((site) => site.file === 'reads-a.test.mjs')).toMatchObject({ api: 'fs.readFileSync', line: 5, calls: 1, serving: false });
    expect(trace.sites.find((site) => site.file === 'reads-b.test.mjs')).toMatchObject({ api: 'fs.statSync', line: 5, calls: 3, serving: false });
  });

  it('writes the record of a process that ends with process.exit, and passes its code on', () => {
    const dir = scratch('trace-exit');
    writeFileSync(path.join(dir, 'exit.cjs'), "const fs = require('fs');\nfs.readFileSync(__filename);\nprocess.exit(7);\n");
    const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, 'exit.cjs'], dir);
    expect(run.status).toBe(7);
    expect(readTrace(path.join(dir, 'trace.json')).sites).toMatchObject([{ file: 'exit.cjs', line: 2, api: 'fs.readFileSync', calls: 1 }]);
  });

  it('ends with 128 + the signal number when a signal ends the command, keeping its record', () => {
    const dir = scratch('trace-signal');
    writeFileSync(path.join(dir, 'killed.cjs'), "require('fs').statSync(__filename);\nsetTimeout(() => {}, 60_000);\nprocess.kill(process.pid, 'SIGTERM');\n");
    const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, 'killed.cjs'], dir);
    expect(run.status).toBe(143);
    expect(readTrace(path.join(dir, 'trace.json')).sites).toMatchObject([{ file: 'killed.cjs', line: 1, api: 'fs.statSync' }]);
  });

  it('exits 127 with a message when the command cannot be started', () => {
    const run = cli(['trace', '--', 'no-such-command-event-loop'], scratch('trace-missing'));
    expect(run.status).toBe(127);
    expect(run.stderr).toContain('cannot run no-such-command-event-loop');
  });

  it('needs a command', () => {
    const run = cli(['trace'], scratch('trace-none'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no command to trace');
  });

  it('traces the blockingApis of a --settings file', () => {
    const dir = scratch('trace-settings');
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'event-loop': { blockingApis: [{ module: 'os', export: 'cpus', family: 'fs' }] } }));
    writeFileSync(path.join(dir, 'app.js'), "const os = require('os');\nos.cpus();\nos.cpus();\n");
    const run = cli(['trace', '--settings', 'settings.json', '--json', 'trace.json', '--', process.execPath, 'app.js'], dir);
    expect(run.status).toBe(0);
    // Sites come hottest first; two calls of equal cost may come in either order.
    const sites = [...readTrace(path.join(dir, 'trace.json')).sites].sort((a, b) => a.line - b.line);
    expect(sites).toMatchObject([{ file: 'app.js', line: 2, api: 'os.cpus', calls: 1 }, { file: 'app.js', line: 3, api: 'os.cpus', calls: 1 }]);
  });

  it('wraps ES module packages (bcryptjs 3 through import), named and default imports alike', () => {
    const dir = scratch('trace-esm');
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(ROOT, 'node_modules/bcryptjs'), path.join(dir, 'node_modules/bcryptjs'), 'dir');
    writeFileSync(
      path.join(dir, 'app.mjs'),
      "import bcrypt from 'bcryptjs';\nimport { hashSync, compareSync } from 'bcryptjs';\nconst hash = hashSync('secret', 4);\nconsole.log(compareSync('secret', hash), bcrypt.compareSync('other', hash));\n",
    );
    const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, 'app.mjs'], dir);
    expect(run.status).toBe(0);
    // The wrapped functions still return what the originals do.
    expect(run.stdout).toBe('true false\n');
    const sites = readTrace(path.join(dir, 'trace.json')).sites;
    expect(sites.find((site) => site.api === 'bcryptjs.hashSync')).toMatchObject({ file: 'app.mjs', line: 3, calls: 1 });
    expect(sites.find((site) => site.api === 'bcryptjs.compareSync')).toMatchObject({ file: 'app.mjs', line: 4, calls: 2 });
  });

  it('does nothing when the preload is imported outside a trace', () => {
    const probe = "const fs = require('fs'); const net = require('net'); console.log(String(fs.readFileSync).slice(0, 40), String(net.Server.prototype.listen).slice(0, 40));";
    const plain = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    const preload = path.join(ROOT, 'dist/src/trace/preload.js');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('EVENT_LOOP_TRACE')));
    const imported = spawnSync(process.execPath, ['--import', preload, '-e', probe], { encoding: 'utf8', env });
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe(plain.stdout);
  });
});

describe('--routes: how a blocking call finds its request', () => {
  // Two requests open at once, each blocking after an await: only AsyncLocalStorage can tell them apart.
  const SERVER = `const fs = require('fs');
const http = require('http');
const server = http.createServer(async (request, response) => {
  await new Promise((resolve) => setTimeout(resolve, request.url === '/a' ? 50 : 300));
  fs.statSync(__filename);
  response.end('ok');
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  await Promise.all(['/a', '/b'].map((path) => fetch('http://127.0.0.1:' + port + path).then((r) => r.text())));
  server.close();
});
`;
  const routesWith = (mode: string) => {
    const dir = scratch(`trace-routes-${mode}`);
    writeFileSync(path.join(dir, 'server.cjs'), SERVER);
    const run = cli(['trace', '--routes', mode, '--json', 'trace.json', '--', process.execPath, 'server.cjs'], dir);
    expect(run.status).toBe(0);
    const [site] = readTrace(path.join(dir, 'trace.json')).sites;
    expect(site).toMatchObject({ file: 'server.cjs', line: 5, api: 'fs.statSync', calls: 2, serving: true });
    return site!.routes;
  };

  it('async: attributes each call to its own request under concurrency', () => {
    expect(routesWith('async')).toEqual([
      { route: 'GET /a', calls: 1 },
      { route: 'GET /b', calls: 1 },
    ]);
  });

  it('open (default): names the route only when its request is the only one open', () => {
    // /a's call runs while /b is open too: serving, no route; /b's runs after /a has been answered.
    expect(routesWith('open')).toEqual([{ route: 'GET /b', calls: 1 }]);
  });

  it('rejects another value', () => {
    const run = cli(['trace', '--routes', 'guess', '--', process.execPath, '-e', '0'], scratch('trace-routes-bad'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--routes is 'open' or 'async'");
  });
});
