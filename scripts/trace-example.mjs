// `event-loop-lint trace` on the example server (docs/examples), as shown in docs/trace.md.
//
// Copies docs/examples to a temp directory, links express and bcryptjs from this repository, and
// drives the server over HTTP with a small script while the trace command measures it; then runs
// `trace --compare` on the same directory. better-sqlite3 and sync-request are not dependencies of
// this repository (better-sqlite3 needs a native build), so the copy gets small stand-ins with the
// same API under node_modules: the tracer wraps them by package name like the real ones.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/src/cli.js');
const dir = mkdtempSync(join(os.tmpdir(), 'event-loop-example-'));
cpSync(join(root, 'docs/examples'), dir, { recursive: true });
for (const name of ['express', 'bcryptjs']) {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
}

const standIn = (name, source) => {
  mkdirSync(join(dir, 'node_modules', name), { recursive: true });
  writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '0.0.0-stand-in', main: 'index.js' }));
  writeFileSync(join(dir, 'node_modules', name, 'index.js'), source);
};
// A synchronous "database" over a JSON file: what better-sqlite3's API does, minus SQLite.
standIn(
  'better-sqlite3',
  `const fs = require('fs');
class Statement { constructor(db) { this.db = db; } get(email) { return JSON.parse(fs.readFileSync(this.db.file + '.json', 'utf8')).users.find((u) => u.email === email); } }
class Database { constructor(file) { this.file = file; } pragma() { return []; } prepare() { return new Statement(this); } }
module.exports = Database;
`,
);
// A synchronous HTTP client through curl, as sync-request works through a child process.
standIn(
  'sync-request',
  `const { execFileSync } = require('child_process');
module.exports = (method, url) => ({ getBody: () => execFileSync('curl', ['-s', '-X', method, url]).toString() });
`,
);

const port = 20000 + Math.floor(Math.random() * 20000);
writeFileSync(join(dir, 'config.json'), JSON.stringify({ port, version: '1.0.0', uploads: 'uploads' }));
mkdirSync(join(dir, 'data/avatars'), { recursive: true });
writeFileSync(join(dir, 'data/1.json'), JSON.stringify({ id: 1, name: 'Ada' }));
writeFileSync(join(dir, 'data/avatars/1.png'), Buffer.alloc(2048));
writeFileSync(join(dir, 'data/users.db.json'), JSON.stringify({ users: [{ id: 1, email: 'ada@example.com', passwordHash: bcrypt.hashSync('secret', 10) }] }));
execFileSync('git', ['init', '-q'], { cwd: dir });
execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=example', 'commit', '-q', '--allow-empty', '-m', 'example'], { cwd: dir });

// The traced command: start the server, request its routes, stop it.
writeFileSync(
  join(dir, 'drive.mjs'),
  `import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['server.js'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve()));
const request = (method, path, body) =>
  fetch('http://127.0.0.1:${port}' + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) }).then((r) => r.arrayBuffer());
for (let i = 0; i < 20; i++) await request('GET', '/users/1');
for (let i = 0; i < 10; i++) await request('GET', '/users/1/avatars');
for (let i = 0; i < 10; i++) await request('GET', '/users/1/avatar');
for (let i = 0; i < 5; i++) await request('POST', '/auth/login', { email: 'ada@example.com', password: 'secret' });
for (let i = 0; i < 5; i++) await request('GET', '/status/version');
for (let i = 0; i < 3; i++) await request('GET', '/health');
server.kill('SIGTERM');
`,
);

const show = (args) => {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  process.stdout.write(`$ event-loop-lint ${args.join(' ')}\n${run.stdout}${run.stderr}(exit ${run.status})\n\n`);
};
show(['trace', '--json', 'trace.json', '--', 'node', 'drive.mjs']);
show(['trace', '--compare', 'trace.json', 'server.js', 'routes', 'services']);
if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
