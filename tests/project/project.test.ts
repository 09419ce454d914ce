import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, unlinkSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/project');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'event-loop-project-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function config(settings: Record<string, unknown> = {}): Linter.Config[] {
  return [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended as Linter.Config,
    { settings: { 'event-loop': settings } },
  ];
}

/** Every report as `file:line rule`, and the messages by the same key. */
async function lintProject(cwd: string, settings?: Record<string, unknown>, patterns = ['.']) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config(settings) });
  const results = await eslint.lintFiles(patterns);
  const messages = new Map<string, string>();
  for (const result of results) {
    for (const message of result.messages) {
      expect(message.fatal, message.message).toBeFalsy();
      const key = `${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${message.line} ${message.ruleId?.replace('event-loop/', '')}`;
      // Two reports on one line (`readdirSync(…).filter(… statSync(…))`) count twice.
      messages.set(messages.has(key) ? `${key} (column ${message.column})` : key, message.message);
    }
  }
  return messages;
}

/** A copy of a fixture project the test may edit. */
function copyOf(name: string): string {
  const target = path.join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);
  cpSync(path.join(fixtures, name), target, { recursive: true });
  return target;
}

/** A scratch project holding `files` (path → text). */
function scratchProject(files: Record<string, string>): string {
  const root = path.join(scratch, `project-${Math.random().toString(36).slice(2)}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('the project model: a CommonJS Express app', () => {
  const app = path.join(fixtures, 'app');

  it('reports helpers in other files at both ends, and start-up code called from another file nowhere', async () => {
    const messages = await lintProject(app);
    expect([...messages.keys()].sort()).toEqual([
      'src/config-store.js:4 no-sync-fs',
      'src/lib/hash.js:3 no-sync-crypto',
      'src/routes/admin.js:4 no-indirect-blocking',
      'src/routes/config.js:7 no-indirect-blocking',
      'src/routes/users.js:11 no-indirect-blocking',
      'src/routes/users.js:12 no-indirect-blocking',
      'src/routes/users.js:16 no-indirect-blocking',
      'src/routes/users.js:17 no-sync-fs',
      'src/settings.js:12 no-sync-fs',
      'src/settings.js:4 no-sync-fs',
      'src/store.js:9 no-sync-fs',
    ]);
    // `require('./routes/admin')(app, resetSettings)`: handed to another file's function that calls it from a route,
    // reported at both ends.
    expect(messages.get('src/routes/admin.js:4 no-indirect-blocking')).toContain('`reset()` blocks the event loop: it calls `fs.rmSync` (src/settings.js:12)');
    expect(messages.get('src/settings.js:12 no-sync-fs')).toContain("inside function 'resetSettings', called from this function, a request handler by its parameters (req, res) in src/routes/admin.js:4");
    // A method of a module-level instance (`const store = new Store(dir)`), named with the chain across files.
    expect(messages.get('src/routes/users.js:11 no-indirect-blocking')).toBe(
      '`store.save()` blocks the event loop: it calls `fs.writeFileSync` (src/store.js:9). In `save`, use `fs.promises.writeFile` instead.',
    );
    // The blocking call in the helper names the handler that reaches it, in its file.
    expect(messages.get('src/store.js:9 no-sync-fs')).toBe(
      "`fs.writeFileSync` blocks the event loop inside method 'save', called from this Express route handler in src/routes/users.js:11; use `fs.promises.writeFile` instead.",
    );
    // package.json `imports` (#lib/hash) and `exports.x = arrow`.
    expect(messages.get('src/lib/hash.js:3 no-sync-crypto')).toContain('called from this Express route handler in src/routes/users.js:12');
    // A local module re-exporting `fs.readFileSync` as `read`: the importer's call is the blocking call.
    expect(messages.get('src/routes/users.js:17 no-sync-fs')).toContain('`fs.readFileSync` blocks the event loop inside this Express route handler');
  });

  it('offers the async twin another file exports next to the helper', async () => {
    const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config() });
    const [result] = await eslint.lintFiles(['src/routes/config.js']);
    const [message] = result!.messages;
    expect(message?.message).toBe(
      '`configStore.readConfig()` blocks the event loop: it calls `fs.readFileSync` (src/config-store.js:4). Use its async twin `readConfigAsync()` instead.',
    );
    expect(message?.suggestions?.map((suggestion) => suggestion.desc)).toEqual(['Call `readConfigAsync` instead and await it.']);
    const fix = message!.suggestions![0]!.fix;
    const text = result!.source ?? (await import('node:fs')).readFileSync(path.join(app, 'src/routes/config.js'), 'utf8');
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toContain('res.json(await configStore.readConfigAsync(req.params.name));');
  });

  it('settings crossFile: false gives the per-file answer', async () => {
    const messages = await lintProject(app, { crossFile: false });
    expect([...messages.keys()].sort()).toEqual(['src/config.js:4 no-sync-fs']);
  });
});

describe('the project model: a TypeScript workspace', () => {
  const workspace = path.join(fixtures, 'workspace');

  it('follows tsconfig paths, barrels, workspace packages by name, injected services, factories and default-exported objects', async () => {
    const messages = await lintProject(workspace);
    expect([...messages.keys()].sort()).toEqual([
      'packages/server/src/common/audit.ts:4 no-sync-fs',
      // Every call on a serving chain: `write()` inside `audit.record`, the service's calls into the repository and hasher.
      'packages/server/src/common/audit.ts:9 no-indirect-blocking',
      'packages/server/src/common/passwords.ts:5 no-sync-crypto',
      'packages/server/src/users/user.repository.ts:5 no-sync-database',
      'packages/server/src/users/users.controller.ts:11 no-indirect-blocking',
      'packages/server/src/users/users.controller.ts:16 no-indirect-blocking',
      'packages/server/src/users/users.controller.ts:17 no-indirect-blocking',
      'packages/server/src/users/users.service.ts:11 no-indirect-blocking',
      'packages/server/src/users/users.service.ts:12 no-indirect-blocking',
      'packages/server/src/users/users.service.ts:16 no-indirect-blocking',
      'packages/storage/src/blobs.ts:4 no-sync-fs',
    ]);
    // `getDb().prepare(…).get(…)`: the factory in db/connection.ts returns a better-sqlite3 database.
    expect(messages.get('packages/server/src/users/user.repository.ts:5 no-sync-database')).toContain(
      "inside method 'findById', called from method 'find' in packages/server/src/users/users.service.ts:12, which serves NestJS route handler 'get' in packages/server/src/users/users.controller.ts:11",
    );
    // `constructor(private readonly service: UsersService)` then `this.service.register()`, through `export *`.
    expect(messages.get('packages/server/src/users/users.controller.ts:17 no-indirect-blocking')).toBe(
      '`this.service.register()` blocks the event loop: it calls `hashPassword()` (packages/server/src/users/users.service.ts:16), which calls `crypto.scryptSync` (packages/server/src/common/passwords.ts:5). In `hashPassword`, use `promisify(crypto.scrypt)` instead.',
    );
    // `@fixture/storage` is a workspace package (not linked into node_modules here), re-exporting from ./blobs.js.
    expect(messages.get('packages/storage/src/blobs.ts:4 no-sync-fs')).toContain("called from NestJS route handler 'create' in packages/server/src/users/users.controller.ts:16");
  });

  it('an async function awaited only from bootstrap() and a module only a CLI imports are start-up code', async () => {
    const messages = await lintProject(workspace, {}, ['packages/server/src/secrets.ts', 'packages/server/src/export-users.ts', 'packages/server/src/main.ts']);
    expect([...messages.keys()]).toEqual([]);
    const alone = await lintProject(workspace, { crossFile: false }, ['packages/server/src/secrets.ts', 'packages/server/src/export-users.ts']);
    expect([...alone.keys()].sort()).toEqual([
      'packages/server/src/export-users.ts:4 no-sync-fs',
      'packages/server/src/export-users.ts:4 no-sync-fs (column 44)',
      'packages/server/src/secrets.ts:4 no-sync-fs',
    ]);
  });
});

describe('the project model: a repository of linked packages run from unbuilt output', () => {
  // server/ depends on common/ by path (`file:../common`, no workspaces); its entry runs
  // `./dist/app.js`, which is not built; its tsconfig extends a package that is not installed; its
  // `bin` entry requires the entry package.json runs as the service.
  const linked = path.join(fixtures, 'linked');

  it('follows the sources behind dist/, packages linked by path, handlers passed as values and statement caches', async () => {
    const messages = await lintProject(linked);
    expect([...messages.keys()].sort()).toEqual([
      'common/src/index.js:16 no-sync-database',
      'common/src/index.js:17 no-indirect-blocking',
      'server/src/notes.ts:5 no-sync-fs',
      'server/src/notes.ts:9 no-indirect-blocking',
      'server/src/notes.ts:9 no-indirect-blocking (column 58)',
    ]);
    // `app.get('/log', notes.readLog)`: another file's function registered as the handler.
    expect(messages.get('server/src/notes.ts:5 no-sync-fs')).toContain("inside function 'readLog', registered as an Express route handler in server/src/app.ts:19");
    // `apiRoute('/notes', notes.listNotes)` → `route(…)` → `(req, res) => res.json(handler(req))`.
    expect(messages.get('common/src/index.js:16 no-sync-database')).toContain("called from function 'listNotes' in server/src/notes.ts:9, which serves this Express route handler in server/src/app.ts:15");
    // `statements[sql] = connection.prepare(sql)` read back as `statements[sql]`, run through `wrap(sql, (s) => s.all())`;
    // `exports.count` calls `exports.rows` of its own module.
    expect(messages.get('server/src/notes.ts:9 no-indirect-blocking (column 58)')).toContain('calls `exports.rows()` (common/src/index.js:17)');
    // Start-up code (`boot()` from `start()`) and a function only the `bin/compact.js` command runs are not reported.
    expect([...messages.keys()].some((key) => key.includes('boot.ts') || key.includes('maintenance.ts'))).toBe(false);
  });

  it('a command-line entry that calls an exported async function makes it start-up code; without that call it serves', async () => {
    const copy = copyOf('linked');
    writeFileSync(path.join(copy, 'server/bin/compact.js'), '#!/usr/bin/env node\nconsole.log("nothing to compact");\n');
    const messages = await lintProject(copy);
    expect(messages.get('server/src/maintenance.ts:9 no-sync-fs')).toContain("inside async function 'compact'");
  });
});

describe('the project model: start-up chains through async functions of other files', () => {
  const boot = path.join(fixtures, 'boot');

  it('an async export awaited through a file in between is start-up code or serving by who awaits it, in either lint order', async () => {
    const files = ['src/model-loader.js', 'src/brain.js', 'src/file-store.js', 'src/stores.js', 'src/install.js', 'src/server.js'];
    const forward = await lintProject(boot, {}, files);
    // A copy is another project root: a fresh project model, filled in the other order.
    const backward = await lintProject(copyOf('boot'), {}, files.toReversed());
    expect([...forward.keys()].sort()).toEqual([
      'src/brain.js:10 no-indirect-blocking',
      'src/file-store.js:9 no-sync-fs',
      'src/install.js:6 no-sync-fs',
      'src/model-loader.js:10 no-sync-fs',
      'src/server.js:13 no-indirect-blocking',
      'src/server.js:18 no-indirect-blocking',
      'src/server.js:9 no-indirect-blocking',
    ]);
    // An async helper that blocks inside is reported where serving code calls it, like a sync one; not where start-up code awaits it.
    expect(forward.get('src/server.js:9 no-indirect-blocking')).toBe(
      '`brain.skill()` blocks the event loop: it calls `loadSkill()` (src/brain.js:10), which calls `fs.readFileSync` (src/model-loader.js:10). In `loadSkill`, use `fs.promises.readFile` instead.',
    );
    expect(forward.has('src/brain.js:6 no-indirect-blocking')).toBe(false);
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
    // `brain.warmUp()` awaited in `main()` before `listen`: `loadModels` runs at start-up, though brain.js names no blocking API.
    expect(forward.has('src/model-loader.js:5 no-sync-fs')).toBe(false);
    expect(forward.get('src/model-loader.js:10 no-sync-fs')).toContain("called from async method 'skill' in src/brain.js:10, which serves this Express route handler in src/server.js:9");
    // `detectInstall({ fsx = fs } = {})`: the default value is the module a caller gets.
    expect(forward.get('src/install.js:6 no-sync-fs')).toContain("inside function 'detectInstall', called from this Express route handler in src/server.js:18");
    // `storeFor(user).save(…)`: a factory in a third file hands out the class's instances.
    expect(forward.get('src/file-store.js:9 no-sync-fs')).toContain("inside method 'save', called from this Express route handler in src/server.js:13");
  });
});

describe('the project model: who starts a file, and framework values from other files', () => {
  const services = path.join(fixtures, 'services');

  it('follows a server started from bin/, worker-only modules, exported procedures and apps, annotated private fields', async () => {
    const reports = await lintProject(services);
    expect([...reports.keys()].sort()).toEqual([
      'src/api/rooms.ts:8 no-indirect-blocking',
      'src/api/settings.ts:5 no-indirect-blocking',
      'src/api/sonarr.js:4 no-indirect-blocking',
      'src/api/torrents.js:8 no-indirect-blocking',
      'src/api/torrents.js:9 no-sync-fs',
      'src/controllers/files.controller.ts:7 no-sync-fs',
      'src/data/table-view.ts:21 no-sync-database',
      'src/data/table-view.ts:25 no-sync-database',
      'src/db/room-store.ts:10 no-indirect-blocking',
      'src/db/room-store.ts:14 no-indirect-blocking',
      'src/db/sqlite-connector.ts:12 no-sync-database',
      'src/hono-routes.ts:4 no-sync-fs',
      'src/images.ts:17 no-indirect-blocking',
      'src/images.ts:21 no-indirect-blocking',
      'src/images.ts:27 no-indirect-blocking',
      'src/images.ts:28 no-indirect-blocking',
      'src/lib/jobs.js:11 no-sync-database',
      'src/lib/paths.js:4 no-sync-fs',
      'src/lib/settings.ts:12 no-sync-fs',
      'src/lib/sonarr.js:6 no-sync-fs',
      'src/watch.js:7 no-sync-fs',
    ]);
    // `new Sonarr()` in a route runs the constructor of a class another file exports.
    expect(reports.get('src/lib/sonarr.js:6 no-sync-fs')).toContain("inside the constructor of class 'Sonarr', called from this Fastify route handler in src/api/sonarr.js:4");
    expect(reports.get('src/api/sonarr.js:4 no-indirect-blocking')).toBe(
      '`new Sonarr()` blocks the event loop: it calls `fs.readFileSync` (src/lib/sonarr.js:6). In `new Sonarr()`, use `fs.promises.readFile` instead.',
    );
    // `constructor(private db: DatabaseConnector)`: the interface stands for the classes implementing it, and
    // `this.find()` reaches the implementation behind its overload signatures.
    expect(reports.get('src/db/room-store.ts:10 no-indirect-blocking')).toContain('`this.db.get()` blocks the event loop: it calls `better-sqlite3 Statement#get` (src/db/sqlite-connector.ts:12)');
    expect(reports.get('src/api/rooms.ts:8 no-indirect-blocking')).toContain('`store.getRoom()` blocks the event loop: it calls `this.find()` (src/db/room-store.ts:14)');
    // `Settings.get()` hands out the class's instance.
    expect(reports.get('src/lib/settings.ts:12 no-sync-fs')).toContain("inside method 'read', called from this Fastify route handler in src/api/settings.ts:5");
    // A file watcher's listeners run while the server serves; its 'ready' listener once, at start-up.
    expect(reports.get('src/watch.js:7 no-sync-fs')).toContain('inside this file watcher listener');
    // `const self = this`: `self.db` in the promise callback is the instance's better-sqlite3 database.
    expect(reports.get('src/lib/jobs.js:11 no-sync-database')).toContain("inside method 'list', called from this Fastify route handler in src/api/jobs.js:6");
    // deploy.js is what `npm run deploy` runs: its exported async function is not serving code.
    expect([...reports.keys()].some((key) => key.startsWith('deploy.js'))).toBe(false);
    // A controller only its test imports (a build-time glob loads it) still serves.
    expect(reports.get('src/controllers/files.controller.ts:7 no-sync-fs')).toContain("inside Express route handler 'download'");
    // bin/start.js (a CLI entry) starts web-server.js, which listens: the routes it registers serve.
    expect(reports.get('src/api/torrents.js:9 no-sync-fs')).toContain('inside this Fastify route handler');
    expect(reports.get('src/lib/paths.js:4 no-sync-fs')).toContain("inside function 'isAllowedPath', called from this Fastify route handler in src/api/torrents.js:8");
    // `publicProcedure` comes from src/trpc.ts; `this.#table` is typed by an annotation only; the statement runs in a callback `#runOp` calls.
    expect(reports.get('src/data/table-view.ts:21 no-sync-database')).toContain("inside method 'all', called from method 'listImages' in src/images.ts:17, which serves this tRPC resolver");
    expect(reports.get('src/images.ts:17 no-indirect-blocking')).toContain('`this.#table.all()` blocks the event loop: it calls `node:sqlite StatementSync#all` (src/data/table-view.ts:21)');
    // `app` is made in src/hono-app.ts.
    expect(reports.get('src/hono-routes.ts:4 no-sync-fs')).toContain('inside this Hono route handler');
    // src/lib/backup.js is loaded only by a worker thread's entry: nothing there is on the main event loop.
    expect([...reports.keys()].some((key) => key.startsWith('src/lib/backup.js') || key.startsWith('src/tasks/'))).toBe(false);
    // src/queue/consumer.js is forked by its path (`fork(new URL('./consumer.js', import.meta.url))`): a process of its own.
    expect([...reports.keys()].some((key) => key.startsWith('src/queue/'))).toBe(false);
  });

  it('a shebang entry that is the package main serves; the same entry as a plain CLI does not', async () => {
    const copy = copyOf('services');
    writeFileSync(path.join(copy, 'robot.js'), "#!/usr/bin/env node\nimport { Robot } from './src/robot.js';\n\nnew Robot();\n");
    writeFileSync(
      path.join(copy, 'src/robot.js'),
      "import fs from 'node:fs';\n\nexport class Robot {\n  constructor() {\n    setInterval(() => this.poll(), 1000);\n  }\n\n  poll() {\n    return fs.readFileSync('/sys/class/battery');\n  }\n}\n",
    );
    // Without "main", robot.js is a command-line entry and src/robot.js a module only it imports.
    expect([...(await lintProject(copy, {}, ['src/robot.js'])).keys()]).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
    writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...manifest, main: 'robot.js' }));
    // A fresh project model (another root) sees the service entry.
    const served = copyOf('services');
    cpSync(copy, served, { recursive: true });
    // The timer's callback runs while the robot serves: its call of `poll()` and the read inside it.
    expect([...(await lintProject(served, {}, ['src/robot.js'])).keys()].sort()).toEqual(['src/robot.js:5 no-indirect-blocking', 'src/robot.js:9 no-sync-fs']);
  });

  it('a file run by a tooling script is a command-line tool; without the script its async export serves', async () => {
    const copy = copyOf('services');
    const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
    writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...manifest, scripts: { start: 'node bin/start.js' } }));
    expect([...(await lintProject(copy, {}, ['deploy.js'])).keys()].sort()).toEqual(['deploy.js:5 no-sync-fs', 'deploy.js:5 no-sync-fs (column 41)']);
  });

  it('a forked file that nobody starts any more is an ordinary module again', async () => {
    const copy = copyOf('services');
    writeFileSync(path.join(copy, 'src/queue/start-consumer.js'), 'export function startConsumer() {}\n');
    const reports = await lintProject(copy, {}, ['src/queue/consumer.js']);
    expect([...reports.keys()]).toEqual(['src/queue/consumer.js:4 no-sync-fs']);
  });

  it('without the worker entry, the same module serves where a route imports it', async () => {
    const copy = copyOf('services');
    writeFileSync(
      path.join(copy, 'src/api/backups.js'),
      "import { backup } from '../lib/backup.js';\n\nexport default async function backupRoutes(fastify) {\n  fastify.post('/backup', async () => backup('/backups/now'));\n}\n",
    );
    const reports = await lintProject(copy, {}, ['src/lib/backup.js', 'src/api/backups.js']);
    expect([...reports.keys()].sort()).toEqual(['src/api/backups.js:4 no-indirect-blocking', 'src/lib/backup.js:5 no-sync-fs', 'src/lib/backup.js:6 no-sync-fs']);
  });
});

describe('the project model: getters and factory methods of another file', () => {
  it('follows a static getter that returns an object of functions, and a static method that returns one', async () => {
    const root = scratchProject({
      'package.json': '{ "name": "hub", "type": "commonjs" }\n',
      'system.js': [
        "const fs = require('fs');",
        'class System {',
        '  static get runtime() {',
        '    return {',
        "      info: async () => fs.existsSync('/usr/bin/node') && System.gui.release(),",
        "      upgrade: async () => { fs.writeFileSync('/tmp/upgrade', 'y'); },",
        '    };',
        '  }',
        "  static get gui() { return { release: () => fs.readFileSync('/tmp/gui', 'utf8') }; }",
        '  static update(name) {',
        "    return { info: (display) => new Promise((resolve) => { fs.writeFileSync('/tmp/' + name, display); resolve(true); }) };",
        '  }',
        '  static get version() { return { read: () => fs.readFileSync("/tmp/version", "utf8") }; }',
        '}',
        'module.exports = System;',
        '',
      ].join('\n'),
      'app.js': [
        "const express = require('express');",
        "const System = require('./system');",
        'const app = express();',
        "app.get('/upgrade', async (req, res) => {",
        '  const data = await System.runtime.info();',
        '  await System.runtime.upgrade();',
        "  await System.update(req.params.id).info('display');",
        '  res.send(data);',
        '});',
        // Read once at boot: start-up code.
        'const version = System.version.read();',
        "app.listen(3000, () => console.log(version));",
        '',
      ].join('\n'),
    });
    const reports = await lintProject(root);
    expect([...reports.keys()].sort()).toEqual([
      'app.js:5 no-indirect-blocking',
      'app.js:6 no-indirect-blocking',
      'app.js:7 no-indirect-blocking',
      'system.js:11 no-sync-fs',
      'system.js:5 no-indirect-blocking',
      'system.js:5 no-sync-fs',
      'system.js:6 no-sync-fs',
      'system.js:9 no-sync-fs',
    ]);
    expect(reports.get('app.js:5 no-indirect-blocking')).toBe('`System.runtime.info()` blocks the event loop: it calls `fs.existsSync` (system.js:5). In `info`, use `fs.promises.access` instead.');
    expect(reports.get('system.js:6 no-sync-fs')).toContain("inside async arrow function 'upgrade', called from this Express route handler in app.js:6");
    expect(reports.get('system.js:11 no-sync-fs')).toContain("inside arrow function 'info', called from this Express route handler in app.js:7");
    expect(reports.get('system.js:9 no-sync-fs')).toContain("inside arrow function 'release', called (line 5)");
  });
});

describe('the project model: a default-exported class injected by its annotation', () => {
  it('follows `constructor(private files: FileManagerService)` of `import FileManagerService from …` into the class', async () => {
    const root = scratchProject({
      'package.json': '{ "name": "media", "dependencies": { "@nestjs/common": "10" } }\n',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "*": ["./*", "./src/*"] } }, "include": ["src/**/*.ts"] }\n',
      'src/file-manager/file-manager.service.ts': [
        "import fs from 'fs';",
        "import { Injectable } from '@nestjs/common';",
        '@Injectable()',
        'export default class FileManagerService {',
        '  fileExists(filePath: string): boolean {',
        '    return fs.existsSync(filePath);',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/stream/stream.service.ts': [
        "import { Injectable } from '@nestjs/common';",
        "import FileManagerService from 'src/file-manager/file-manager.service';",
        '@Injectable()',
        'export class StreamService {',
        '  constructor(private fileManagerService: FileManagerService) {}',
        '  check(path: string) {',
        "    if (!this.fileManagerService.fileExists(path)) throw new Error('missing');",
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/stream/stream.controller.ts': [
        "import { Controller, Get, Param } from '@nestjs/common';",
        "import { StreamService } from './stream.service';",
        "@Controller('stream')",
        'export class StreamController {',
        '  constructor(private streamService: StreamService) {}',
        "  @Get(':path')",
        "  get(@Param('path') path: string) { return this.streamService.check(path); }",
        '}',
        '',
      ].join('\n'),
    });
    const reports = await lintProject(root);
    expect([...reports.keys()].sort()).toEqual([
      'src/file-manager/file-manager.service.ts:6 no-sync-fs',
      'src/stream/stream.controller.ts:7 no-indirect-blocking',
      'src/stream/stream.service.ts:7 no-indirect-blocking',
    ]);
    expect(reports.get('src/stream/stream.service.ts:7 no-indirect-blocking')).toBe(
      '`this.fileManagerService.fileExists()` blocks the event loop: it calls `fs.existsSync` (src/file-manager/file-manager.service.ts:6). In `fileExists`, use `fs.promises.access` instead.',
    );
  });
});

describe('the project model: inherited members, JSDoc types and modules loaded by a computed path', () => {
  const stores = path.join(fixtures, 'stores');

  it('follows a base class field, a JSDoc-typed option, and decides a computed load by where it runs', async () => {
    const reports = await lintProject(stores);
    expect([...reports.keys()].sort()).toEqual([
      'lib/robot-router.js:12 no-indirect-blocking',
      'lib/updater-router.js:12 no-indirect-blocking',
      'lib/updater.js:5 no-sync-fs',
      'src/backups.ts:10 no-sync-fs',
      'src/backups.ts:6 no-sync-fs',
      'src/reports/daily.js:4 no-sync-fs',
      'src/server.ts:17 no-indirect-blocking',
      'src/server.ts:29 no-indirect-blocking',
      'src/user-store.ts:6 no-sync-database',
    ]);
    // `this.db` is the base class's parameter property, declared in another file.
    expect(reports.get('src/user-store.ts:6 no-sync-database')).toContain("inside method 'find', called from this Express route handler in src/server.ts:17");
    // `@param {import("./updater")} options.updater`, then `this.updater = options.updater`.
    expect(reports.get('lib/updater-router.js:12 no-indirect-blocking')).toBe(
      '`this.updater.triggerDownload()` blocks the event loop: it calls `fs.writeFileSync` (lib/updater.js:5). In `triggerDownload`, use `fs.promises.writeFile` instead.',
    );
    expect(reports.get('lib/updater.js:5 no-sync-fs')).toContain("inside method 'triggerDownload', called from this Express route handler in lib/updater-router.js:12");
    // `require(\`./reports/${kind}\`)` in a route handler: the loaded module's functions serve.
    expect(reports.get('src/reports/daily.js:4 no-sync-fs')).toContain("inside function 'render', called from this Express route handler in src/server.ts:20");
    // `AppManager.get().getBackups()`: a singleton's getter hands out the instance another file made.
    expect(reports.get('src/backups.ts:10 no-sync-fs')).toContain("inside method 'create', called from this Express route handler in src/server.ts:26");
    // The migrations `migrate()` loads by a computed path run where it does: awaited once before `listen`.
    expect([...reports.keys()].some((key) => key.startsWith('src/schema/'))).toBe(false);
    // `remove = (name) => {…}`: an arrow-function property of the class is one of its methods.
    expect(reports.get('src/backups.ts:6 no-sync-fs')).toContain("inside arrow function 'remove', called from this Express route handler in src/server.ts:29");
    // `@param {import("./robot")} options.robot` is a `Robot`, whose `getProperties` does not block; what
    // server.ts passes is a `RoborockRobot` (`new RobotRouter({ robot: new RoborockRobot() })`), whose override does:
    // the value passed is followed, not the type's subclasses.
    expect(reports.get('lib/robot-router.js:12 no-indirect-blocking')).toContain('`this.robot.getProperties()` blocks the event loop: it calls `this.getFirmwareVersion()` (lib/robots/roborock.js:10), which calls `fs.readFileSync` (lib/robots/roborock.js:6)');
  });

  it('gives the same reports whichever file is linted first', async () => {
    const files = ['src/server.ts', 'lib/robot-router.js', 'lib/robots/roborock.js', 'lib/robot.js', 'src/app-manager.ts', 'src/backups.ts', 'src/user-store.ts', 'src/base-store.ts', 'lib/updater-router.js', 'lib/updater.js', 'src/migrate.ts', 'src/schema/v1.ts', 'src/reports/daily.js'];
    const forward = await lintProject(copyOf('stores'), {}, files);
    const backward = await lintProject(copyOf('stores'), {}, [...files].reverse());
    expect([...backward.keys()].sort()).toEqual([...forward.keys()].sort());
    expect(forward.size).toBe(9);
  });

  it('a migration loaded from a request handler serves; kept in a module-level registry, what the loader does not call keeps the per-file answer', async () => {
    const copy = copyOf('stores');
    const server = path.join(copy, 'src/server.ts');
    const text = readFileSync(server, 'utf8');
    writeFileSync(server, text.replace("app.listen(3000);", "app.post('/migrate', async (req, res) => {\n    await migrate(db, 2);\n    res.sendStatus(204);\n  });\n  app.listen(3000);"));
    const serving = await lintProject(copy, {}, ['src/schema/v1.ts']);
    expect(serving.get('src/schema/v1.ts:5 no-sync-database')).toContain("inside async method 'run', called from this Express route handler in src/server.ts:35");
    // Without the route, but with the loaded class kept for later: who calls it is not known.
    const other = copyOf('stores');
    const migrate = path.join(other, 'src/migrate.ts');
    writeFileSync(migrate, readFileSync(migrate, 'utf8').replace('const { Schema } = require(`./schema/v${version}`);', 'const { Schema } = require(`./schema/v${version}`);\n    registry.push(Schema);') + '\nexport const registry: unknown[] = [];\n');
    const schema = path.join(other, 'src/schema/v1.ts');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace(/\n\}\n$/, "\n  async drop(db: Database): Promise<void> {\n    db.exec('DROP TABLE users');\n  }\n}\n"));
    const kept = await lintProject(other, {}, ['src/schema/v1.ts']);
    // `run`, which the loader itself calls as it loads (at start-up), is start-up code; `drop`, left to whoever reads the registry, is not known.
    expect([...kept.keys()]).toEqual(['src/schema/v1.ts:8 no-sync-database']);
    expect(kept.get('src/schema/v1.ts:8 no-sync-database')).toContain("inside async method 'drop';");
  });
});

describe('the project model: exports of the service entry', () => {
  function entryProject(admin: string): string {
    const root = path.join(scratch, `entry-${Math.random().toString(36).slice(2)}`);
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('package.json', JSON.stringify({ name: 'entry', type: 'module', main: 'index.js', scripts: { start: 'node index.js' }, dependencies: { express: '^5.0.0' } }));
    write('lib/config.js', "import fs from 'node:fs';\n\nexport async function loadConfig() {\n  return JSON.parse(fs.readFileSync('config.json', 'utf8'));\n}\n");
    write('index.js', "import { loadConfig } from './lib/config.js';\n\nexport async function initAsync() {\n  await loadConfig();\n}\n\nexport function version() {\n  return '1.0';\n}\n\n(async () => {\n  await initAsync();\n})();\n");
    write('lib/admin.js', admin);
    return root;
  }

  it('an exported start-up function of the entry that no importer names is start-up code', async () => {
    const root = entryProject("import express from 'express';\nimport { version } from '../index.js';\n\nexport const admin = express.Router();\nadmin.get('/version', (req, res) => res.send(version()));\n");
    expect([...(await lintProject(root, {}, ['lib/config.js', 'index.js'])).keys()]).toEqual([]);
  });

  it('the same function called by a route of another file serves', async () => {
    const root = entryProject("import express from 'express';\nimport { initAsync } from '../index.js';\n\nexport const admin = express.Router();\nadmin.post('/reload', async (req, res) => res.send(await initAsync()));\n");
    expect([...(await lintProject(root, {}, ['lib/config.js'])).keys()]).toEqual(['lib/config.js:4 no-sync-fs']);
  });
});

describe('the project model: namespace objects and projects without package.json', () => {
  const db = "const fs = require('fs');\nconst db = module.exports = {};\ndb.set = function (key, value) {\n  write();\n};\nfunction write() {\n  fs.writeFileSync('db.json', '{}');\n}\n";
  const server = "const express = require('express');\nconst db = require('./db.js');\nconst app = express();\napp.post('/x', (req, res) => {\n  db.set('a', req.body);\n  res.end();\n});\napp.listen(3000);\n";

  it('follows members assigned to a module object (`const db = module.exports = {}; db.set = function`) from a route in another file', async () => {
    const root = scratchProject({ 'package.json': JSON.stringify({ name: 'ns', dependencies: { express: '^5.0.0' } }), 'db.js': db, 'server.js': server });
    const reports = await lintProject(root, {}, ['db.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['db.js:4 no-indirect-blocking', 'db.js:7 no-sync-fs', 'server.js:5 no-indirect-blocking']);
    expect(reports.get('server.js:5 no-indirect-blocking')).toBe('`db.set()` blocks the event loop: it calls `write()` (db.js:4), which calls `fs.writeFileSync` (db.js:7). In `write`, use `fs.promises.writeFile` instead.');
    expect(reports.get('db.js:7 no-sync-fs')).toContain('called (line 4) from a helper of this Express route handler in server.js:5');
  });

  it('follows `this.member()` in the `key: function` methods of an exported object, and in arrows inside them', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'self', dependencies: { express: '^5.0.0' } }),
      'store.js':
        "const fs = require('fs');\nmodule.exports = {\n  update: function (users) {\n    users.forEach((user) => {\n      this.add(user);\n    });\n    this.reload();\n  },\n  add: function (user) {\n    fs.appendFileSync('users.txt', user);\n  },\n  reload: function () {\n    return fs.readFileSync('users.txt', 'utf8');\n  },\n  setup: function () {\n    this.reload();\n  },\n};\n",
      'server.js': "const express = require('express');\nconst store = require('./store');\nconst app = express();\nstore.setup();\napp.post('/users', (req, res) => {\n  store.update(req.body);\n  res.end();\n});\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['store.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['server.js:6 no-indirect-blocking', 'store.js:10 no-sync-fs', 'store.js:13 no-sync-fs', 'store.js:5 no-indirect-blocking', 'store.js:7 no-indirect-blocking']);
    expect(reports.get('store.js:13 no-sync-fs')).toContain("inside function 'reload', called (line 7) from a helper of this Express route handler in server.js:6");
    expect(reports.get('store.js:5 no-indirect-blocking')).toContain('`this.add()` blocks the event loop: it calls `fs.appendFileSync` (line 10)');
  });

  it("follows a `require` of a path built from the module's folder (`path.join(__dirname, …)`, `__dirname + '/…'`), linting the helper alone", async () => {
    const art = "const fs = require('fs');\nexports.cover = function (req, res) {\n  res.send(fs.readFileSync(req.query.file));\n};\nexports.thumb = function (file) {\n  return fs.statSync(file).size;\n};\n";
    const server = (load: string) =>
      `const express = require('express');\nconst path = require('path');\nconst art = require(${load});\nconst app = express();\napp.get('/cover', art.cover);\napp.get('/thumb', (req, res) => res.json(art.thumb(req.query.file)));\napp.listen(3000);\n`;
    for (const load of ["path.join(__dirname, 'lib', '/art.js')", "__dirname + '/lib/art.js'", '`${__dirname}/lib/art`', "path.resolve(__dirname, './lib/../lib/art.js')"]) {
      const root = scratchProject({ 'package.json': JSON.stringify({ name: 'folder-require', dependencies: { express: '^5.0.0' } }), 'lib/art.js': art, 'server.js': server(load) });
      const reports = await lintProject(root, {}, ['lib/art.js']);
      expect([...reports.keys()].sort(), load).toEqual(['lib/art.js:3 no-sync-fs', 'lib/art.js:6 no-sync-fs']);
      expect(reports.get('lib/art.js:6 no-sync-fs'), load).toContain("inside function 'thumb', called from this Express route handler in server.js:6");
    }
  });

  it('resolves prototype methods of a constructor function: `this.m()`, `var self = this` in callbacks, a timer set at boot', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'proto', dependencies: { express: '^5.0.0' } }),
      'manager.js':
        "var fs = require('fs');\nfunction Manager(dir) {\n  this.dir = dir;\n}\nmodule.exports = Manager;\nManager.prototype.list = function () {\n  return fs.readdirSync(this.dir);\n};\nManager.prototype.load = function (name) {\n  return fs.readFileSync(this.dir + '/' + name, 'utf8');\n};\nManager.prototype.all = function () {\n  return this.list().map((name) => this.load(name));\n};\nManager.prototype.watch = function () {\n  var self = this;\n  setInterval(function () {\n    self.list().forEach(function (name) {\n      self.load(name);\n    });\n  }, 5000);\n};\nManager.prototype.boot = function () {\n  return this.list();\n};\n",
      'server.js':
        "var express = require('express');\nvar Manager = require('./manager');\nvar manager = new Manager('users');\nmanager.boot();\nmanager.watch();\nvar app = express();\napp.get('/users', function (req, res) {\n  res.json(manager.all());\n});\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['manager.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual([
      'manager.js:10 no-sync-fs',
      'manager.js:13 no-indirect-blocking',
      'manager.js:13 no-indirect-blocking (column 36)',
      'manager.js:18 no-indirect-blocking',
      'manager.js:19 no-indirect-blocking',
      'manager.js:7 no-sync-fs',
      'server.js:8 no-indirect-blocking',
    ]);
    expect(reports.get('manager.js:18 no-indirect-blocking')).toBe('`self.list()` blocks the event loop: it calls `fs.readdirSync` (line 7). In `list`, use `fs.promises.readdir` instead.');
    expect(reports.get('server.js:8 no-indirect-blocking')).toContain('`manager.all()` blocks the event loop: it calls `this.list()` (manager.js:13)');
  });

  it('follows an instance a constructor function keeps in a field (`this.volume = new (require(…))(this)`) through its prototype methods, across three files', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'router', dependencies: { express: '^5.0.0' } }),
      'volume.js': "var execSync = require('child_process').execSync;\nmodule.exports = Volume;\nfunction Volume(router) {\n  this.router = router;\n}\nVolume.prototype.set = function (level) {\n  execSync('amixer set Master ' + level);\n};\n",
      'router.js': "module.exports = Router;\nfunction Router(app) {\n  this.volume = new (require('./volume.js'))(this);\n}\nRouter.prototype.setVolume = function (level) {\n  var self = this;\n  return [level].map(function (each) {\n    return self.volume.set(each);\n  });\n};\n",
      'index.js': "var express = require('express');\nvar app = express();\nvar router = new (require('./router.js'))(app);\napp.post('/volume', function (req, res) {\n  router.setVolume(req.body.level);\n  res.end();\n});\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['volume.js', 'router.js', 'index.js']);
    expect([...reports.keys()].sort()).toEqual(['index.js:5 no-indirect-blocking', 'router.js:8 no-indirect-blocking', 'volume.js:7 no-sync-child-process']);
    expect(reports.get('volume.js:7 no-sync-child-process')).toContain("inside function 'set', called from this function in router.js:8, which serves this Express route handler in index.js:5");
    expect(reports.get('index.js:5 no-indirect-blocking')).toBe(
      '`router.setVolume()` blocks the event loop: it calls `self.volume.set()` (router.js:8), which calls `child_process.execSync` (volume.js:7). In `set`, use `promisify(child_process.exec)` instead.',
    );
  });

  it('reads methods given by `Object.assign(X.prototype, { … })` and an instance exported as `module.exports = new X()`', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'assign', dependencies: { express: '^5.0.0' } }),
      'cache.js':
        "var fs = require('fs');\nfunction Cache(file) {\n  this.file = file;\n}\nObject.assign(Cache.prototype, {\n  load: function () {\n    return fs.readFileSync(this.file, 'utf8');\n  },\n  get: function (key) {\n    return JSON.parse(this.load())[key];\n  },\n});\nmodule.exports = new Cache('cache.json');\n",
      'server.js': "var express = require('express');\nvar cache = require('./cache');\nvar app = express();\napp.get('/k/:key', function (req, res) {\n  res.send(cache.get(req.params.key));\n});\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['cache.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['cache.js:10 no-indirect-blocking', 'cache.js:7 no-sync-fs', 'server.js:5 no-indirect-blocking']);
    expect(reports.get('server.js:5 no-indirect-blocking')).toBe(
      '`cache.get()` blocks the event loop: it calls `this.load()` (cache.js:10), which calls `fs.readFileSync` (cache.js:7). In `load`, use `fs.promises.readFile` instead.',
    );
  });

  it('a prototype method of a constructor called only at boot is start-up, in the same file', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'proto-boot', dependencies: { express: '^5.0.0' } }),
      'server.js':
        "var fs = require('fs');\nvar express = require('express');\nfunction Config(file) {\n  this.file = file;\n}\nConfig.prototype.read = function () {\n  return JSON.parse(fs.readFileSync(this.file, 'utf8'));\n};\nConfig.prototype = Object.assign(Config.prototype, {});\nvar config = new Config('config.json');\nvar settings = config.read();\nvar app = express();\napp.get('/', function (req, res) {\n  res.json(settings);\n});\napp.listen(settings.port);\n",
    });
    expect([...(await lintProject(root, {}, ['server.js'])).keys()]).toEqual([]);
  });

  it('resolves members assigned to an implicit global, a `var` object and a parameter within the file', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'ns', dependencies: { express: '^5.0.0' } }),
      'camera.js':
        "const fs = require('fs');\nconst express = require('express');\nconst app = express();\ns = {};\ns.camera = function (dir) {\n  if (!fs.existsSync(dir)) fs.mkdirSync(dir);\n};\nvar t = {};\nt.video = function (file) {\n  return fs.statSync(file).size;\n};\nmodule.exports = function (lib) {\n  lib.log = function (line) {\n    fs.appendFileSync('log.txt', line);\n  };\n  app.get('/log', (req, res) => {\n    lib.log(req.url);\n    res.end();\n  });\n};\napp.get('/a', (req, res) => {\n  s.camera(req.query.dir);\n  res.send(String(t.video(req.query.file)));\n});\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['camera.js']);
    expect([...reports.keys()].sort()).toEqual([
      'camera.js:10 no-sync-fs',
      'camera.js:14 no-sync-fs',
      'camera.js:17 no-indirect-blocking',
      'camera.js:22 no-indirect-blocking',
      'camera.js:23 no-indirect-blocking',
      'camera.js:6 no-sync-fs',
      'camera.js:6 no-sync-fs (column 28)',
    ]);
    expect(reports.get('camera.js:6 no-sync-fs')).toContain("inside function 'camera', called (line 22) from this Express route handler");
    expect(reports.get('camera.js:14 no-sync-fs')).toContain("inside function 'log', called (line 17) from this Express route handler");
  });

  it('follows what a factory of another file returns: a function kept in a constant, an object of methods', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'factories', dependencies: { express: '^5.0.0' } }),
      'pandoc.js': "const { spawnSync } = require('child_process');\nmodule.exports = function pandoc(from, to) {\n  return function converter(input) {\n    return spawnSync('pandoc', ['-f', from, '-t', to], { input }).stdout;\n  };\n};\n",
      'cache.js': "const fs = require('fs');\nfunction fileCache(name) {\n  return {\n    load() {\n      return JSON.parse(fs.readFileSync(name, 'utf8'));\n    },\n  };\n}\nmodule.exports = { fileCache };\n",
      'server.js': "const express = require('express');\nconst pandoc = require('./pandoc');\nconst { fileCache } = require('./cache');\nconst toDocx = pandoc('markdown', 'docx');\nconst blocks = fileCache('blocks.json');\nconst app = express();\napp.post('/docx', (req, res) => res.send(toDocx(req.body)));\napp.get('/blocks', (req, res) => res.json(blocks.load()));\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['pandoc.js', 'cache.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['cache.js:5 no-sync-fs', 'pandoc.js:4 no-sync-child-process', 'server.js:7 no-indirect-blocking', 'server.js:8 no-indirect-blocking']);
    expect(reports.get('pandoc.js:4 no-sync-child-process')).toContain("inside function 'converter', called from this Express route handler in server.js:7");
    expect(reports.get('server.js:8 no-indirect-blocking')).toContain('`blocks.load()` blocks the event loop: it calls `fs.readFileSync` (cache.js:5)');
  });

  it('a factory choosing one of two implementations of an interface: the call blocks if either does, whatever the import order', async () => {
    const files = (factoryImports: string) => ({
      'package.json': JSON.stringify({ name: 'storage', dependencies: { express: '^5.0.0' } }),
      'src/upload.interface.ts': 'export interface IUploadProvider {\n  uploadFile(file: string): Promise<string>;\n}\n',
      'src/local.storage.ts': "import { writeFileSync } from 'node:fs';\nimport type { IUploadProvider } from './upload.interface';\n\nexport class LocalStorage implements IUploadProvider {\n  async uploadFile(file: string): Promise<string> {\n    writeFileSync('uploads/x', file);\n    return 'x';\n  }\n}\n",
      'src/cloud.storage.ts': "import type { IUploadProvider } from './upload.interface';\n\nexport class CloudStorage implements IUploadProvider {\n  async uploadFile(file: string): Promise<string> {\n    return file;\n  }\n}\n",
      'src/upload.factory.ts': `${factoryImports}\nexport class UploadFactory {\n  static createStorage() {\n    return process.env.STORAGE === 'cloud' ? new CloudStorage() : new LocalStorage();\n  }\n}\n`,
      'src/server.ts': "import express from 'express';\nimport { UploadFactory } from './upload.factory';\n\nconst storage = UploadFactory.createStorage();\nconst app = express();\napp.post('/upload', async (req, res) => {\n  res.send(await storage.uploadFile(req.body));\n});\napp.listen(3000);\n",
    });
    const cloudFirst = "import { CloudStorage } from './cloud.storage';\nimport { LocalStorage } from './local.storage';\n";
    const localFirst = "import { LocalStorage } from './local.storage';\nimport { CloudStorage } from './cloud.storage';\n";
    for (const imports of [cloudFirst, localFirst]) {
      const reports = await lintProject(scratchProject(files(imports)), {}, ['src/server.ts']);
      expect(reports.get('src/server.ts:7 no-indirect-blocking')).toBe('`storage.uploadFile()` blocks the event loop: it calls `fs.writeFileSync` (src/local.storage.ts:6). In `uploadFile`, use `fs.promises.writeFile` instead.');
    }
  });

  it('async functions called back once from start-up code (`promisify(fn)()`, `.then`, a completion callback) start up; from a route they serve', async () => {
    const boot = "const fs = require('fs');\nconst { promisify } = require('util');\nasync function startListeners() {\n  fs.unlinkSync('droppy.sock');\n}\nasync function compile() {\n  return fs.readFileSync('style.css', 'utf8');\n}\nfunction load(cb) {\n  fs.readFile('cache.json', (err, data) => {\n    if (err) compile().then(cb);\n    else cb(data);\n  });\n}\nasync function main() {\n  await promisify((cb) => {\n    startListeners().then(() => cb());\n  })();\n  load(() => {});\n}\nmain();\n";
    const root = scratchProject({ 'package.json': JSON.stringify({ name: 'boot', dependencies: { express: '^5.0.0' } }), 'boot.js': boot });
    expect([...(await lintProject(root, {}, ['boot.js'])).keys()]).toEqual([]);
    const served = boot.replace('main();\n', "require('express')().get('/css', (req, res) => load((css) => res.send(css))).listen(3000);\nmain();\n");
    const serving = scratchProject({ 'package.json': JSON.stringify({ name: 'boot', dependencies: { express: '^5.0.0' } }), 'boot.js': served });
    expect([...(await lintProject(serving, {}, ['boot.js'])).keys()].sort()).toEqual(['boot.js:11 no-indirect-blocking', 'boot.js:7 no-sync-fs']);
  });

  it("a package bin that calls the server module's function at its top level starts it: that function's code is start-up", async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'bin-start', bin: './cli.js', scripts: { start: 'node cli.js start' }, dependencies: { express: '^5.0.0' } }),
      'cli.js': "#!/usr/bin/env node\nif (process.argv[2] === 'start') {\n  require('./server/server.js')({ port: 3000 });\n}\n",
      'server/server.js': "const fs = require('fs');\nmodule.exports = async function start(options) {\n  fs.mkdirSync('data', { recursive: true });\n  return options;\n};\n",
    };
    expect([...(await lintProject(scratchProject(files), {}, ['server/server.js'])).keys()]).toEqual([]);
    // Bound to a name and called, the same.
    const bound = { ...files, 'cli.js': "#!/usr/bin/env node\nconst start = require('./server/server');\nstart({ port: 3000 });\n" };
    expect([...(await lintProject(scratchProject(bound), {}, ['server/server.js'])).keys()]).toEqual([]);
  });

  it("an entry requiring the unbuilt output of tsconfig's outDir (`./lib/main`) reaches its source", async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'outdir', main: 'app.js', scripts: { start: 'node app.js' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './lib' } }),
      'app.js': "const main = require('./lib/main');\nmain.runBridge().then(() => console.log('started'));\n",
      'src/main.ts': "import fs from 'node:fs';\n\nexport async function runBridge(): Promise<void> {\n  fs.readFileSync('config.yaml', 'utf8');\n}\n",
    };
    expect([...(await lintProject(scratchProject(files), {}, ['src/main.ts'])).keys()]).toEqual([]);
    // Nobody in the project calls it without that entry: an exported async function keeps the per-file answer.
    const library = Object.fromEntries(Object.entries(files).filter(([file]) => file !== 'app.js'));
    expect([...(await lintProject(scratchProject(library), {}, ['src/main.ts'])).keys()]).toEqual(['src/main.ts:4 no-sync-fs']);
  });

  it('resolves module-alias aliases and requires from the package root (`rfr`, `NODE_PATH=.`), not a dependency of that name', async () => {
    const store = "const fs = require('fs');\nexports.save = function (data) {\n  fs.writeFileSync('store.json', JSON.stringify(data));\n};\n";
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'aliases', dependencies: { express: '^5.0.0', rfr: '^1.2.3', config: '^3.0.0' }, _moduleAliases: { '@lib': 'src/lib' } }),
      'src/lib/store.js': store,
      'config/store.js': store,
      'src/server.js':
        "const express = require('express');\nconst rfr = require('rfr');\nconst aliased = require('@lib/store');\nconst rooted = rfr('src/lib/store.js');\nconst fromPath = require('src/lib/store');\nconst dependency = require('config/store');\nconst app = express();\napp.post('/a', (req, res) => {\n  aliased.save(req.body);\n  rooted.save(req.body);\n  fromPath.save(req.body);\n  dependency.save(req.body);\n  res.end();\n});\napp.listen(3000);\n",
    });
    expect([...(await lintProject(root, {}, ['src/server.js'])).keys()].sort()).toEqual(['src/server.js:10 no-indirect-blocking', 'src/server.js:11 no-indirect-blocking', 'src/server.js:9 no-indirect-blocking']);
  });

  it('a module under scripts/ that a server entry imports (the app it listens with) is the application, not a command-line tool', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'scripts-app', main: 'scripts/worker.js', dependencies: { express: '^5.0.0' } }),
      'scripts/worker.js': "const app = require('./app');\napp.listen(3000);\n",
      'scripts/app.js': "const express = require('express');\nconst routes = require('../routes');\nconst app = express();\napp.use(routes);\nmodule.exports = app;\n",
      'routes/index.js': "const router = require('express').Router();\nconst store = require('../store');\nrouter.get('/x', (req, res) => res.send(store.read()));\nmodule.exports = router;\n",
      'store.js': "const fs = require('fs');\nexports.read = function () {\n  return fs.readFileSync('store.json', 'utf8');\n};\n",
    });
    expect([...(await lintProject(root, {}, ['routes/index.js', 'store.js'])).keys()].sort()).toEqual(['routes/index.js:3 no-indirect-blocking', 'store.js:3 no-sync-fs']);
  });

  it('follows the members a constructor function assigns to `this`, for an exported instance and for `new` in another file', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'constructors', dependencies: { express: '^5.0.0' } }),
      'common.js': "const fs = require('fs');\nfunction Common() {\n  this.size = function (id) {\n    return fs.statSync(id).size;\n  };\n}\nmodule.exports = new Common();\n",
      'store.js': "const fs = require('fs');\nfunction Store(dir) {\n  this.dir = dir;\n  this.save = (data) => fs.writeFileSync(this.dir + '/store.json', data);\n}\nmodule.exports = Store;\n",
      'server.js': "const express = require('express');\nconst common = require('./common');\nconst Store = require('./store');\nconst store = new Store('data');\nconst app = express();\napp.get('/size', (req, res) => res.send(String(common.size(req.query.id))));\napp.post('/save', (req, res) => res.send(store.save(req.body)));\napp.listen(3000);\n",
    });
    expect([...(await lintProject(root, {}, ['common.js', 'store.js', 'server.js'])).keys()].sort()).toEqual(['common.js:4 no-sync-fs', 'server.js:6 no-indirect-blocking', 'server.js:7 no-indirect-blocking', 'store.js:4 no-sync-fs']);
  });

  const serverClass = [
    "const fs = require('fs');",
    "const FileSystem = require('./filesystem');",
    'class Server {',
    '  constructor(uuid) {',
    '    this.uuid = uuid;',
    '    this.fs = new FileSystem(this);',
    '  }',
    '  path(file) {',
    "    return fs.realpathSync('/srv/' + this.uuid + '/' + file);",
    '  }',
    '}',
    'module.exports = Server;',
    '',
  ].join('\n');
  const fileSystemClass = 'class FileSystem {\n  constructor(server) {\n    this.server = server;\n  }\n  async read(file) {\n    return this.server.path(file);\n  }\n}\nmodule.exports = FileSystem;\n';

  it('follows what another file passes to a constructor: `new FileSystem(this)` makes `this.server` a `Server`, in either lint order', async () => {
    const files = { 'package.json': JSON.stringify({ name: 'daemon' }), 'server.js': serverClass, 'filesystem.js': fileSystemClass };
    const expected = ['filesystem.js:6 no-indirect-blocking', 'server.js:9 no-sync-fs'];
    for (const order of [['server.js', 'filesystem.js'], ['filesystem.js', 'server.js']]) {
      const reports = await lintProject(scratchProject(files), {}, order);
      expect([...reports.keys()].sort()).toEqual(expected);
      expect(reports.get('filesystem.js:6 no-indirect-blocking')).toContain('`this.server.path()` blocks the event loop: it calls `fs.realpathSync` (server.js:9)');
      expect(reports.get('server.js:9 no-sync-fs')).toContain("inside method 'path', called from async method 'read' in filesystem.js:6");
    }
  });

  it('follows a catalog value another file passes to an exported factory (`require(\'./repo\')(db)`), and not what a test passes', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'repo', dependencies: { express: '^5.0.0', 'better-sqlite3': '^12.0.0' } }),
      'repo.js': "module.exports = function makeRepo(db) {\n  return { find: (id) => db.prepare('select * from t where id = ?').get(id) };\n};\n",
      'app.js': "const express = require('express');\nconst Database = require('better-sqlite3');\nconst db = new Database('app.db');\nconst repo = require('./repo')(db);\nconst app = express();\napp.get('/t/:id', (req, res) => res.json(repo.find(req.params.id)));\napp.listen(3000);\n",
      'other.js': "module.exports = function makeOther(db) {\n  return { find: (id) => db.prepare('select 1').get(id) };\n};\n",
      'test/other.test.js': "const Database = require('better-sqlite3');\nconst other = require('../other')(new Database(':memory:'));\nother.find(1);\n",
    });
    const reports = await lintProject(root, {}, ['repo.js', 'app.js', 'other.js']);
    expect([...reports.keys()].sort()).toEqual(['app.js:6 no-indirect-blocking', 'repo.js:2 no-sync-database']);
    expect(reports.get('repo.js:2 no-sync-database')).toContain('Express route handler in app.js:6');
  });

  it('follows project modules passed in an object of dependencies through two files (`registerRoutes(app, { configModule })` → `createConfigRoutes({ configModule })`), and not what a test passes', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'deps-objects', dependencies: { express: '^5.0.0' } }),
      'modules/config.js': "const fs = require('fs');\nfunction updateConfig(data) {\n  fs.writeFileSync('config.json', JSON.stringify(data));\n}\nfunction getConfig() {\n  return JSON.parse(fs.readFileSync('config.json', 'utf8'));\n}\nmodule.exports = { updateConfig, getConfig };\n",
      'modules/logger.js': "module.exports = { info: (text) => console.log(text) };\n",
      'routes/config.js': "const express = require('express');\nmodule.exports = function createConfigRoutes({ configModule, logger }) {\n  const router = express.Router();\n  router.post('/api/config', (req, res) => {\n    configModule.updateConfig(req.body);\n    logger.info('saved');\n    res.json({ ok: true });\n  });\n  return router;\n};\n",
      'routes/status.js': "const express = require('express');\nmodule.exports = (deps) => {\n  const router = express.Router();\n  router.get('/api/status', (req, res) => res.json(deps.config.getConfig()));\n  return router;\n};\n",
      'routes/index.js': "const createConfigRoutes = require('./config');\nconst createStatusRoutes = require('./status');\nfunction registerRoutes(app, deps) {\n  const { configModule, logger } = deps;\n  app.use(createConfigRoutes({ configModule, logger }));\n  app.use(createStatusRoutes({ config: deps.configModule }));\n}\nmodule.exports = { registerRoutes };\n",
      'server.js': "const express = require('express');\nconst configModule = require('./modules/config');\nconst logger = require('./modules/logger');\nconst { registerRoutes } = require('./routes');\nconst app = express();\nregisterRoutes(app, { configModule, logger });\napp.listen(3000);\n",
      'lib/plain.js': "module.exports = function makePlain({ store }) {\n  return { save: (data) => store.updateConfig(data) };\n};\n",
      'test/plain.test.js': "const configModule = require('../modules/config');\nconst plain = require('../lib/plain')({ store: configModule });\nplain.save({});\n",
    });
    for (const order of [['routes/config.js', 'routes/status.js', 'routes/index.js', 'server.js', 'lib/plain.js'], ['server.js', 'routes/index.js', 'lib/plain.js', 'routes/status.js', 'routes/config.js']]) {
      const reports = await lintProject(root, {}, order);
      expect([...reports.keys()].sort()).toEqual(['routes/config.js:5 no-indirect-blocking', 'routes/status.js:4 no-indirect-blocking']);
      expect(reports.get('routes/config.js:5 no-indirect-blocking')).toContain('`configModule.updateConfig()` blocks the event loop: it calls `fs.writeFileSync` (modules/config.js:3)');
      expect(reports.get('routes/status.js:4 no-indirect-blocking')).toContain('`deps.config.getConfig()` blocks the event loop: it calls `fs.readFileSync` (modules/config.js:6)');
    }
  });

  it('a shebang program the package runs as its service (`"start": "node webui.js"`) serves, and so does a program with an argument parser that starts a server; another shebang program stays a command-line tool', async () => {
    const handler = "app.get('/log', (req, res) => {\n  fs.appendFileSync('access.log', req.ip);\n  res.end();\n});\n";
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'shebang-service', scripts: { start: 'node webui.js' }, dependencies: { express: '^5.0.0' } }),
      'webui.js': `#!/usr/bin/env node\nconst fs = require('fs');\nconst app = require('express')();\n${handler}app.listen(8443);\n`,
      'tool.js': `#!/usr/bin/env node\nconst fs = require('fs');\nconst app = require('express')();\n${handler}`,
      // An argument parser next to `http.createServer(…)`: the file serves.
      'gateway.js': "const fs = require('fs');\nconst http = require('http');\nconst { Command } = require('commander');\nnew Command().option('--port <n>').parse();\nhttp.createServer((req, res) => res.end(fs.readFileSync('index.html'))).listen(8080);\n",
    });
    const reports = await lintProject(root, {}, ['webui.js', 'tool.js', 'gateway.js']);
    expect([...reports.keys()].sort()).toEqual(['gateway.js:5 no-sync-fs', 'webui.js:5 no-sync-fs']);
    expect(reports.get('webui.js:5 no-sync-fs')).toContain('inside this Express route handler');
  });

  it('an instance of a class expression (`module.exports = new class Api { … }`) is the class\'s instance, and static factories hand out instances', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'anonymous-class', dependencies: { express: '^5.0.0' } }),
      'api.js': "const fs = require('fs');\nconst FileInfo = require('./file-info');\nmodule.exports = new class Api {\n  deleteContext() {\n    fs.unlinkSync('context.json');\n  }\n  remove(name) {\n    return FileInfo.create(name).delete();\n  }\n};\n",
      'file-info.js': "const fs = require('fs');\nmodule.exports = class FileInfo {\n  constructor(p) { this.p = p; }\n  static create(p) { return new FileInfo(p); }\n  delete() { fs.unlinkSync(this.p); }\n};\n",
      'server.js': "const express = require('express');\nconst api = require('./api');\nconst app = express();\napp.delete('/ctx', (req, res) => { api.deleteContext(); res.send({}); });\napp.delete('/f', (req, res) => { api.remove(req.query.n); res.send({}); });\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['api.js', 'file-info.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['api.js:5 no-sync-fs', 'api.js:8 no-indirect-blocking', 'file-info.js:5 no-sync-fs', 'server.js:4 no-indirect-blocking', 'server.js:5 no-indirect-blocking']);
    expect(reports.get('file-info.js:5 no-sync-fs')).toContain("called from method 'remove' in api.js:8, which serves this Express route handler in server.js:5");
  });

  it('a hook a plugin loader calls on what it loads (`plugin.init()` after `new Plugin()`) is start-up code; the plugin\'s other methods, and what a listener added there calls, are not', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'plugins', dependencies: { express: '^5.0.0' } }),
      'loader.js': "const fs = require('fs');\nconst plugins = [];\nasync function load() {\n  for (const file of fs.readdirSync('./plugins')) {\n    const Plugin = require(`./plugins/${file}`);\n    const plugin = new Plugin();\n    runInit(plugin);\n    plugins.push(plugin);\n    process.on('message', (message) => plugin.handle(message));\n  }\n}\nfunction runInit(plugin) {\n  if (plugin.init) plugin.init();\n}\nmodule.exports = { load, plugins };\n",
      'plugins/echo.js': "const fs = require('fs');\nmodule.exports = class Echo {\n  async init() {\n    fs.mkdirSync('data/echo', { recursive: true });\n  }\n  async handle(body) {\n    fs.appendFileSync('data/echo/log', body);\n  }\n};\n",
      'server.js': "const express = require('express');\nconst { load, plugins } = require('./loader');\nconst app = express();\napp.post('/x', (req, res) => {\n  for (const plugin of plugins) plugin.handle(req.body);\n  res.end();\n});\nload().then(() => app.listen(3000));\n",
    });
    const reports = await lintProject(root, {}, ['loader.js', 'plugins/echo.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['plugins/echo.js:7 no-sync-fs']);
  });

  it('the same hook of a plugin loaded by a path the project model cannot read (`import(file.path)`) runs at load time too', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'plugins-unseen', type: 'module', dependencies: { express: '^5.0.0' } }),
      'loader.js': "import fs from 'node:fs';\nexport const plugins = [];\nfunction pluginFiles() {\n  return fs.readdirSync('./plugins').map((name) => ({ name, path: '../plugins/' + name }));\n}\nexport async function load() {\n  for (const file of pluginFiles()) {\n    const Plugin = (await import(file.path)).default;\n    const plugin = new Plugin();\n    plugin.init?.();\n    plugins.push(plugin);\n  }\n}\n",
      'plugins/echo.js': "import fs from 'node:fs';\nexport default class Echo {\n  async init() {\n    fs.mkdirSync('data/echo', { recursive: true });\n  }\n  async handle(body) {\n    fs.appendFileSync('data/echo/log', body);\n  }\n}\n",
      'server.js': "import express from 'express';\nimport { load, plugins } from './loader.js';\nconst app = express();\napp.post('/x', (req, res) => {\n  for (const plugin of plugins) plugin.handle(req.body);\n  res.end();\n});\nawait load();\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['loader.js', 'plugins/echo.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['plugins/echo.js:7 no-sync-fs']);
  });

  it('`Object.assign(getFs, { … })` is the factory it is given: what its calls return is followed across files', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'assign', dependencies: { express: '^5.0.0' } }),
      'fs-path.js': "const fs = require('fs');\nclass FSPath {\n  constructor(path) { this.path = path; }\n  readSync() { return fs.readFileSync(this.path, 'utf8'); }\n}\nfunction getFs(path) {\n  return new FSPath(path);\n}\nexports.FS = Object.assign(getFs, { FSPath });\n",
      'server.js': "const express = require('express');\nconst { FS } = require('./fs-path');\nconst app = express();\napp.get('/sets', (req, res) => res.send(FS('data/sets.json').readSync()));\napp.listen(3000);\n",
    });
    const reports = await lintProject(root, {}, ['fs-path.js', 'server.js']);
    expect([...reports.keys()].sort()).toEqual(['fs-path.js:4 no-sync-fs', 'server.js:4 no-indirect-blocking']);
  });

  it('a checkout without package.json is one project from its tsconfig.json (or jsconfig.json, .git) folder', async () => {
    const root = scratchProject({ 'jsconfig.json': '{}', 'Server/db.js': db, 'Server/server.js': server });
    const reports = await lintProject(root, {}, ['Server/db.js', 'Server/server.js']);
    expect([...reports.keys()].sort()).toEqual(['Server/db.js:4 no-indirect-blocking', 'Server/db.js:7 no-sync-fs', 'Server/server.js:5 no-indirect-blocking']);
  });
});

describe('the project model degrades, never throws', () => {
  it('sees an edit of a helper file on disk at the next lint of its caller, and its revert', async () => {
    const app = copyOf('app');
    const routes = ['src/routes/users.js'];
    const settingsFile = path.join(app, 'src/settings.js');
    const before = await lintProject(app, {}, routes);
    expect(before.has('src/routes/users.js:16 no-indirect-blocking')).toBe(true);
    const original = (await import('node:fs')).readFileSync(settingsFile, 'utf8');
    writeFileSync(settingsFile, original.replace("fs.writeFileSync('settings.json', JSON.stringify(settings));", 'return settings;'));
    utimesSync(settingsFile, new Date(), new Date(Date.now() + 5000));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const edited = await lintProject(app, {}, routes);
    expect(edited.has('src/routes/users.js:16 no-indirect-blocking')).toBe(false);
    writeFileSync(settingsFile, original);
    utimesSync(settingsFile, new Date(), new Date(Date.now() + 10000));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const reverted = await lintProject(app, {}, routes);
    expect(reverted.has('src/routes/users.js:16 no-indirect-blocking')).toBe(true);
  });

  it('sees an edit of the importer that passes a module along (`createRoutes({ store })`) at the next lint of the receiving file, and its revert', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'passed-edit', dependencies: { express: '^5.0.0' } }),
      'store.js': "const fs = require('fs');\nmodule.exports = { save: (data) => fs.writeFileSync('store.json', data) };\n",
      'routes.js': "const express = require('express');\nmodule.exports = function createRoutes({ store }) {\n  const router = express.Router();\n  router.post('/save', (req, res) => res.send(store.save(req.body)));\n  return router;\n};\n",
      'server.js': "const express = require('express');\nconst store = require('./store');\nconst createRoutes = require('./routes');\nconst app = express();\napp.use(createRoutes({ store }));\napp.listen(3000);\n",
    });
    const server = path.join(root, 'server.js');
    const passing = readFileSync(server, 'utf8');
    const lintRoutes = async () => [...(await lintProject(root, {}, ['routes.js'])).keys()];
    const edit = async (text: string, ahead: number) => {
      writeFileSync(server, text);
      utimesSync(server, new Date(), new Date(Date.now() + ahead));
      // Files the lint does not import are stat'ed again at most once a second.
      await new Promise((resolve) => setTimeout(resolve, 1100));
    };
    // First a server that passes no module (its text is all the gate reads), then one that does, then back.
    await edit(passing.replace('createRoutes({ store })', 'createRoutes({ store: { save: () => null } })'), 5000);
    expect(await lintRoutes()).toEqual([]);
    await edit(passing, 10000);
    expect(await lintRoutes()).toEqual(['routes.js:4 no-indirect-blocking']);
    await edit(passing.replace('createRoutes({ store })', 'createRoutes({ store: { save: () => null } })'), 15000);
    expect(await lintRoutes()).toEqual([]);
  });

  it('an unparsable helper, an unresolvable import, a symlink loop and a deleted file keep the per-file answer', async () => {
    const app = copyOf('app');
    writeFileSync(path.join(app, 'src/settings.js'), 'module.exports = { writeSettings( };\n');
    writeFileSync(
      path.join(app, 'src/routes/extra.js'),
      "const missing = require('./does-not-exist');\nconst gone = require('./gone');\nmodule.exports = (req, res) => { missing.run(); gone.run(); res.end(require('fs').readFileSync('x')); };\n",
    );
    writeFileSync(path.join(app, 'src/routes/gone.js'), "const fs = require('fs');\nexports.run = () => fs.readFileSync('y');\n");
    symlinkSync(path.join(app, 'src'), path.join(app, 'src/loop'));
    unlinkSync(path.join(app, 'src/routes/gone.js'));
    const messages = await lintProject(app, {}, ['src/routes']);
    expect(messages.has('src/routes/users.js:16 no-indirect-blocking')).toBe(false);
    expect(messages.has('src/routes/users.js:11 no-indirect-blocking')).toBe(true);
    expect(messages.get('src/routes/extra.js:3 no-sync-fs')).toContain('readFileSync');
  });
});

describe('the project model: dispatch tables and chat bots', () => {
  it('a computed call through another file’s table of functions runs each of them where it is made', async () => {
    const files = ['src/server.js', 'src/commands.js', 'src/console.js', 'src/boot.js', 'src/migrations.js'];
    const forward = await lintProject(copyOf('dispatch'), {}, files);
    expect([...forward.keys()].sort()).toEqual([
      'src/commands.js:4 no-sync-fs',
      'src/console.js:5 no-sync-fs',
      'src/server.js:10 no-indirect-blocking',
      'src/server.js:7 no-indirect-blocking',
    ]);
    // `commands[req.params.name](req.body)` in a route: `save` is one of the functions it may call.
    expect(forward.get('src/commands.js:4 no-sync-fs')).toContain("inside method 'save', called from this Express route handler in src/server.js:7");
    expect(forward.get('src/server.js:10 no-indirect-blocking')).toContain('`Console.list[req.params.name].run()` blocks the event loop: it calls `fs.readFileSync` (src/console.js:5)');
    // `migrations[name]()` at start-up (boot.js) makes none of them serving.
    expect([...forward.keys()].some((key) => key.startsWith('src/migrations.js'))).toBe(false);
    const backward = await lintProject(copyOf('dispatch'), {}, [...files].reverse());
    expect([...backward.keys()].sort()).toEqual([...forward.keys()].sort());
  });

  it('a bot’s handlers in other files serve; what its ready listener and command loader run does not', async () => {
    const messages = await lintProject(path.join(fixtures, 'bot'));
    expect([...messages.keys()].sort()).toEqual([
      'src/commands/quote.js:5 no-indirect-blocking',
      'src/handlers/stats.js:3 no-sync-fs',
      'src/store.js:4 no-sync-fs',
    ]);
    expect(messages.get('src/handlers/stats.js:3 no-sync-fs')).toContain("inside arrow function 'handleStats', registered as a Telegraf update handler in src/telegram.js:4");
    expect(messages.get('src/store.js:4 no-sync-fs')).toContain("called from async method 'execute' in src/commands/quote.js:5");
  });
});

describe('the project model: command folders named scripts/', () => {
  const loader = `const { readdirSync } = require('fs');
const path = require('path');
const commands = new Map();
module.exports = async function loadScripts(kind) {
  const folder = path.normalize(process.cwd() + \`/scripts/\${kind}\`);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.js'))) {
    const command = require(path.join(folder, file));
    command.onLoad?.({ kind });
    commands.set(command.config.name, command);
  }
  return commands;
};
`;
  const command = (name: string) => `const fs = require('fs');
module.exports = {
  config: { name: '${name}' },
  onLoad: async function () {
    fs.mkdirSync(__dirname + '/cache', { recursive: true });
  },
  onStart: async function ({ message }) {
    const notes = JSON.parse(fs.readFileSync(__dirname + '/notes.json', 'utf8'));
    message.reply(notes.join('\\n'));
  },
};
`;

  it('commands a bot loads from scripts/ by listing the folder are application code; the load-time hook and the build script are not', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'goat', main: 'index.js', scripts: { build: 'node scripts/build.js' } }),
      'index.js': `const loadScripts = require('./bot/loadScripts.js');
const chat = require('./bot/chat.js');
(async () => {
  const commands = await loadScripts('cmds');
  await loadScripts('events');
  chat.listen((event) => commands.get(event.command).onStart({ message: event }));
})();
`,
      'bot/loadScripts.js': loader,
      'bot/chat.js': 'exports.listen = (handler) => process.stdin.on("data", (line) => handler(JSON.parse(line)));\n',
      'scripts/cmds/note.js': command('note'),
      'scripts/events/welcome.js': command('welcome'),
      'scripts/build.js': "const fs = require('fs');\nasync function build() {\n  fs.writeFileSync('dist/version.txt', '1');\n}\nbuild();\n",
    });
    const messages = await lintProject(root);
    expect([...messages.keys()].sort()).toEqual(['scripts/cmds/note.js:8 no-sync-fs', 'scripts/events/welcome.js:8 no-sync-fs']);
    expect(messages.get('scripts/cmds/note.js:8 no-sync-fs')).toContain("inside async function 'onStart'");
  });

  it('an event module a loader binds to a local runs where the loader calls its member: in a listener it serves, at the top it starts up', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'guide-bot', main: 'index.js' }),
      'index.js': `const fs = require('node:fs');
const path = require('node:path');
const { Client, Events } = require('discord.js');
const client = new Client({ intents: [] });
const eventsPath = path.join(__dirname, 'events');
for (const file of fs.readdirSync(eventsPath).filter((name) => name.endsWith('.js'))) {
  const filePath = path.join(eventsPath, file);
  const event = require(filePath);
  event.setup?.(client);
  client.on(Events[file.split('.')[0]], (...args) => event.execute(client, ...args));
}
client.login(process.env.TOKEN);
`,
      'events/messageCreate.js': `const fs = require('node:fs');
module.exports = {
  setup(client) {
    fs.mkdirSync('logs', { recursive: true });
  },
  execute(client, message) {
    fs.appendFileSync('logs/messages.log', message.content);
  },
};
`,
    });
    const messages = await lintProject(root);
    expect([...messages.keys()].sort()).toEqual(['events/messageCreate.js:7 no-sync-fs']);
    expect(messages.get('events/messageCreate.js:7 no-sync-fs')).toContain("inside method 'execute', called from this discord.js event handler in index.js:10");
  });

  it('a command the loader keeps in a registry runs where the registry is looked up while serving (the discord.js guide)', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'guide-commands', main: 'index.js' }),
      'index.js': `const fs = require('node:fs');
const path = require('node:path');
const { Client, Collection, Events } = require('discord.js');
const client = new Client({ intents: [] });
client.commands = new Collection();
const foldersPath = path.join(__dirname, 'commands');
for (const folder of fs.readdirSync(foldersPath)) {
  const commandsPath = path.join(foldersPath, folder);
  for (const file of fs.readdirSync(commandsPath).filter((name) => name.endsWith('.js'))) {
    const command = require(path.join(commandsPath, file));
    if ('data' in command && 'execute' in command) client.commands.set(command.data.name, command);
  }
}
client.on(Events.InteractionCreate, async (interaction) => {
  const command = interaction.client.commands.get(interaction.commandName);
  if (!command) return;
  await command.execute(interaction);
});
client.login(process.env.TOKEN);
`,
      'commands/utility/quote.js': `const fs = require('node:fs');
module.exports = {
  data: { name: 'quote' },
  execute(interaction) {
    const quotes = fs.readFileSync('quotes.txt', 'utf8').split('\\n');
    return interaction.reply(quotes[0]);
  },
};
`,
    });
    const messages = await lintProject(root);
    expect([...messages.keys()].sort()).toEqual(['commands/utility/quote.js:5 no-sync-fs']);
    expect(messages.get('commands/utility/quote.js:5 no-sync-fs')).toContain("inside method 'execute', called from this discord.js event handler in index.js:17");
  });

  it('a program the service entry only supervises (started again on exit) is the service, even when it reads flags with a parser', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'supervised', main: 'index.js', scripts: { start: 'node index.js' } }),
      'index.js': `const { spawn } = require('node:child_process');
function start() {
  const child = spawn('node', ['bot.js'], { cwd: __dirname, stdio: 'inherit' });
  child.on('close', (code) => { if (code === 2) start(); });
}
start();
`,
      'bot.js': `const yargs = require('yargs/yargs');
const store = require('./store.js');
global.opts = yargs(process.argv.slice(2)).parse();
setInterval(() => store.save({ at: Date.now() }), global.opts.interval ?? 60000);
`,
      'store.js': "const fs = require('node:fs');\nexports.save = function save(event) {\n  fs.appendFileSync('events.log', JSON.stringify(event));\n};\n",
      'worker-host.js': `const { fork } = require('node:child_process');
fork('./resize.js');
`,
      'resize.js': "const fs = require('node:fs');\nprocess.on('message', (file) => process.send(fs.readFileSync(file).length));\n",
    });
    const messages = await lintProject(root);
    expect([...messages.keys()].sort()).toEqual(['bot.js:4 no-indirect-blocking', 'store.js:3 no-sync-fs']);
    expect(messages.get('store.js:3 no-sync-fs')).toContain("inside function 'save'");
  });

  it('a require that picks one of two modules by a condition imports both', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'either', main: 'index.js' }),
      'index.js': `const http = require('node:http');
(async () => {
  const data = await require(process.env.NODE_ENV === 'development' ? './loadData.dev.js' : './loadData.js')('data');
  const store = require(process.env.STORE === 'memory' ? './memory.js' : './files.js');
  http.createServer((req, res) => res.end(store.read(req.url))).listen(8080);
})();
`,
      'loadData.js': "const fs = require('node:fs');\nmodule.exports = async function loadData(dir) {\n  return fs.readdirSync(dir);\n};\n",
      'loadData.dev.js': "const fs = require('node:fs');\nmodule.exports = async function loadData(dir) {\n  return fs.readdirSync(dir + '-dev');\n};\n",
      'files.js': "const fs = require('node:fs');\nexports.read = (name) => fs.readFileSync('pages' + name);\n",
      'memory.js': "const pages = new Map();\nexports.read = (name) => pages.get(name);\n",
    });
    const messages = await lintProject(root);
    expect([...messages.keys()].sort()).toEqual(['files.js:2 no-sync-fs', 'index.js:5 no-indirect-blocking']);
  });

  it('commands only a command-line tool loads stay scripts', async () => {
    const root = scratchProject({
      'package.json': JSON.stringify({ name: 'tasks', main: 'server.js' }),
      'server.js': "require('http').createServer((req, res) => res.end('ok')).listen(3000);\n",
      'scripts/run.js': '#!/usr/bin/env node\n' + loader + "module.exports('tasks');\n",
      'scripts/tasks/note.js': command('note'),
    });
    const messages = await lintProject(root);
    expect([...messages.keys()]).toEqual([]);
  });
});

describe('the project model: files espree cannot parse, constructors', () => {
  it('reads a Flow-annotated importer with the TypeScript parser, and a method its constructor calls runs where the class is made', async () => {
    const messages = await lintProject(path.join(fixtures, 'flow'), {}, ['src/tiles.js']);
    // `startAll()` at web.js's top level makes `new Updater()`, whose constructor starts `startLoops()`: start-up.
    expect([...messages.keys()]).toEqual(['src/tiles.js:19 no-sync-fs']);
    // Only read from web.js, which espree rejects (`type Options = …`, `const options: Options`).
    expect(messages.get('src/tiles.js:19 no-sync-fs')).toContain('called from this Express route handler in src/web.js:12');
  });
});

describe('the project model: programs run on their own', () => {
  it('a program that reads its arguments and serves nothing is a command-line tool; one that subscribes or whose imports listen serves', async () => {
    const messages = await lintProject(path.join(fixtures, 'daemons'));
    // backup.js (`process.argv.slice(2)`, a `setTimeout` loop) and snapshot.js, which only it imports, are quiet.
    expect([...messages.keys()].sort()).toEqual(['src/mirror.js:8 no-sync-fs', 'src/relay.js:11 no-sync-fs', 'src/server.js:6 no-indirect-blocking', 'src/store.js:4 no-sync-fs']);
    expect(messages.get('src/relay.js:11 no-sync-fs')).toContain('Redis pub/sub message listener');
    expect(messages.get('src/mirror.js:8 no-sync-fs')).toContain('setInterval callback');
  });
});

describe('the project model: a class behind `export *` barrels, named in types by hundreds of files', () => {
  it('finds the file that constructs it in a route handler, and reports the constructor\'s blocking call in place', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'game', dependencies: { express: '^5.0.0' } }),
      'src/world/index.ts': "export * from './actor';\n",
      'src/world/actor/index.ts': "export * from './player';\n",
      'src/world/actor/player.ts': "import { readFileSync } from 'node:fs';\nexport class Player {\n  save = '';\n  constructor(public name: string) {\n    this.save = readFileSync(`saves/${name}.json`, 'utf8');\n  }\n}\n",
      // Sorted after the type-only users: the walk must not spend its bound on files that never construct a Player.
      'src/zz-server.ts': "import express from 'express';\nimport { Player } from './world';\nconst app = express();\napp.post('/login', (req, res) => {\n  const player = new Player(req.body.name);\n  res.json(player.save);\n});\napp.listen(3000);\n",
    };
    for (let index = 0; index < 230; index++) {
      files[`src/packets/p${String(index).padStart(3, '0')}.ts`] = "import type { Player } from '../world';\nexport const handler = (player: Player, all: Player[]): number => all.length + player.name.length;\n";
    }
    const root = scratchProject(files);
    const reports = await lintProject(root, {}, ['src/world/actor/player.ts', 'src/zz-server.ts']);
    expect([...reports.keys()].sort()).toEqual(['src/world/actor/player.ts:5 no-sync-fs', 'src/zz-server.ts:5 no-indirect-blocking']);
    expect(reports.get('src/world/actor/player.ts:5 no-sync-fs')).toContain("inside the constructor of class 'Player', called from this Express route handler in src/zz-server.ts:5");
  });
});

describe('the project model: per-user objects from a cache, and lint order through an import cycle', () => {
  const spaces = path.join(fixtures, 'spaces');
  const expected = [
    'src/modules/snapshots.ts:10 no-indirect-blocking',
    'src/modules/snapshots.ts:14 no-sync-fs',
    'src/server/index.ts:6 no-indirect-blocking',
    'src/server/sync.ts:4 no-indirect-blocking',
    'src/server/sync.ts:4 no-indirect-blocking (column 3)',
    'src/user/index.ts:13 no-indirect-blocking',
    'src/utils/index.ts:4 no-sync-fs',
    'src/utils/index.ts:4 no-sync-fs (column 28)',
  ];

  it('follows a getter that fills a Map on a miss to the instances it holds, in another file', async () => {
    const messages = await lintProject(spaces, {}, ['src/modules', 'src/server', 'src/user', 'src/utils']);
    expect([...messages.keys()].sort()).toEqual(expected);
    const chains = [messages.get('src/server/sync.ts:4 no-indirect-blocking'), messages.get('src/server/sync.ts:4 no-indirect-blocking (column 3)')].join('\n');
    expect(chains).toContain('`getUserSpace(userName).snapshots.save()` blocks the event loop: it calls `fs.writeFileSync` (src/modules/snapshots.ts:14)');
    // The blocking call in the method is reported too, from a file that does not import its class (user/index.ts hands it out).
    expect(messages.get('src/modules/snapshots.ts:14 no-sync-fs')).toContain("inside method 'save', called from arrow function 'saveList' in src/server/sync.ts:4");
  });

  it('gives the same reports when the helper module a type-only import cycle reaches is linted first', async () => {
    // user/index.ts ⇄ modules/snapshots.ts (`import { type UserData }`): an answer the cycle cut short while
    // utils/index.ts was linted must not stand when sync.ts asks from outside the cycle.
    const messages = await lintProject(spaces, {}, ['src/utils', 'src/modules', 'src/server', 'src/user']);
    expect([...messages.keys()].sort()).toEqual(expected);
  });
});
