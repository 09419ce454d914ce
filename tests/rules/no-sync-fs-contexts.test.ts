import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'express: listen callback is start-up',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.listen(3000, () => {
  fs.writeFileSync('server.pid', String(process.pid));
});`,
    },
    {
      name: 'express: plain sync function that is not registered',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
function loadConfig(path: string) {
  return fs.readFileSync(path, 'utf8');
}
app.set('config', loadConfig('config.json'));`,
    },
    {
      name: 'express: app.get with one argument reads a setting',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
const title = app.get('title');
fs.writeFileSync('title', title);`,
    },
    {
      name: 'express: a local function named express is not Express',
      code: `import fs from 'node:fs';
function express() {
  return { get(path: string, fn: (req: unknown, res: unknown) => void) {} };
}
const app = express();
app.get('/', function (a, b) {
  fs.readFileSync('x');
});`,
    },
    {
      name: 'express: routeHandlers off',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/', (req, res) => {
  res.send(fs.readFileSync('index.html'));
});`,
      options: [{contexts: {routeHandlers: false}}],
    },
    {
      name: 'fastify: plugin body is start-up code',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify();
fastify.register(async function routes(instance) {
  const schema = JSON.parse(fs.readFileSync('schema.json', 'utf8'));
  instance.get('/', { schema }, async () => 'ok');
});`,
    },
    {
      name: 'fastify: onReady and onClose hooks are not per request',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.addHook('onReady', async () => {
  fs.mkdirSync('cache', { recursive: true });
});
app.addHook('onClose', async () => {
  fs.rmSync('cache', { recursive: true });
});`,
    },
    {
      name: 'fastify: ready and after callbacks are start-up code',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.after(() => {
  fs.statSync('plugins');
});
app.ready(() => {
  fs.writeFileSync('ready', '1');
});`,
    },
    {
      name: 'fastify: exported plugin (module.exports) body is start-up code',
      code: `'use strict';
const fs = require('fs');
module.exports = async function (fastify, opts) {
  const template = fs.readFileSync('template.html', 'utf8');
  fastify.decorate('template', template);
};`,
      filename: 'file.js',
    },
    {
      name: 'fastify: fastify-plugin body is start-up code',
      code: `import fp from 'fastify-plugin';
import fs from 'node:fs';
export default fp(async (fastify) => {
  fastify.decorate('cert', fs.readFileSync('cert.pem'));
});`,
    },
    {
      name: 'koa: listen callback',
      code: `import Koa from 'koa';
import fs from 'node:fs';
const app = new Koa();
app.listen(3000, () => fs.writeFileSync('pid', '1'));`,
    },
    {
      name: 'nestjs: lifecycle hooks run at start-up',
      code: `import { Injectable, OnModuleInit } from '@nestjs/common';
import fs from 'node:fs';
@Injectable()
export class ConfigService implements OnModuleInit {
  config = '';
  async onModuleInit() {
    this.config = fs.readFileSync('config.yml', 'utf8');
  }
}`,
    },
    {
      name: 'nestjs: undecorated method of a controller is not a handler',
      code: `import { Controller, Get } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @Get()
  async list() {
    return [];
  }
  private read(name: string) {
    return fs.readFileSync(name);
  }
}`,
    },
    {
      name: 'nestjs: Get from another module is not a route decorator',
      code: `import { Get } from './decorators';
import fs from 'node:fs';
class Files {
  @Get()
  list() {
    return fs.readdirSync('.');
  }
}`,
    },
    {
      name: 'next: getStaticProps runs at build time',
      code: `import fs from 'node:fs';
export async function getStaticProps() {
  return { props: { posts: fs.readdirSync('posts') } };
}
export async function getStaticPaths() {
  return { paths: fs.readdirSync('posts'), fallback: false };
}`,
      filename: 'pages/blog/[slug].tsx',
    },
    {
      name: 'next: generateStaticParams runs at build time',
      code: `import fs from 'node:fs';
export async function generateStaticParams() {
  return fs.readdirSync('posts').map((slug) => ({ slug }));
}`,
      filename: 'app/blog/[slug]/page.tsx',
    },
    {
      name: 'next: a GET export outside a route file is not a route handler',
      code: `import fs from 'node:fs';
export function GET() {
  return fs.readFileSync('a');
}`,
      filename: 'lib/get.ts',
    },
    {
      name: 'lambda: handler export of a file that does not use Lambda (yargs command)',
      code: `const fs = require('fs');
exports.command = 'init';
exports.handler = (argv) => {
  fs.writeFileSync(argv.out, '{}');
};`,
      filename: 'file.js',
    },
    {
      name: 'startup: async main called at top level',
      code: `import fs from 'node:fs';
async function main() {
  const config = fs.readFileSync('config.json', 'utf8');
  await start(config);
}
async function start(config: string) {
  fs.writeFileSync('started', config);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});`,
    },
    {
      name: 'startup: void main()',
      code: `import fs from 'node:fs';
const main = async () => {
  fs.mkdirSync('data', { recursive: true });
};
void main();`,
    },
    {
      name: 'startup: async IIFE at top level',
      code: `import fs from 'node:fs';
(async () => {
  fs.writeFileSync('out.txt', 'x');
})();`,
    },
    {
      name: 'startup: top-level await',
      code: `import fs from 'node:fs';
await Promise.resolve();
const data = fs.readFileSync('data.json', 'utf8');
export default data;`,
    },
    {
      name: 'startup: the exported async function that creates the https server (TLS files read once)',
      code: `import fs from 'node:fs';
import https from 'node:https';
import express from 'express';
export async function start(port: number) {
  const app = express();
  const tls = { key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') };
  https.createServer(tls, app).listen(port);
}`,
    },
    {
      name: 'startup: an exported async method that calls app.listen, and the sync helper only it calls',
      code: `import fs from 'node:fs';
import Koa from 'koa';
function loadConfig() {
  return JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
export const servers = {
  async startHTTP() {
    const config = loadConfig();
    fs.mkdirSync(config.dataDir, { recursive: true });
    const app = new Koa();
    app.listen(config.port);
  },
};`,
    },
    {
      name: 'startup: heuristic, a sync function that starts the server',
      code: `import fs from 'node:fs';
import http from 'node:http';
export function serve(handler: http.RequestListener) {
  const port = Number(fs.readFileSync('port', 'utf8'));
  return http.createServer(handler).listen(port);
}`,
    },
    {
      name: 'startup: http listen callback',
      code: `import http from 'node:http';
import fs from 'node:fs';
const server = http.createServer();
server.listen(8080, () => {
  fs.writeFileSync('port', '8080');
});`,
    },
    {
      name: 'heuristic: off by option',
      code: `import fs from 'node:fs';
export function show(req: any, res: any) {
  res.send(fs.readFileSync('a'));
}`,
      options: [{contexts: {requestShapedParameters: false}}],
    },
    {
      name: 'heuristic: other parameter names are not request-shaped',
      code: `import fs from 'node:fs';
export function copy(source: string, target: string) {
  fs.copyFileSync(source, target);
}
function onEvent(event: unknown, context: unknown) {
  fs.statSync('x');
}
onEvent(1, 2);`,
    },
    {
      name: 'asyncFunctions off keeps only handlers',
      code: `import fs from 'node:fs';
export async function load() {
  return fs.readFileSync('a');
}`,
      options: [{contexts: {asyncFunctions: false}}],
    },
    {
      name: 'settings: a registrar method of another module',
      code: `import { createServer } from 'other-framework';
import fs from 'node:fs';
const app = createServer();
app.route('/', () => fs.readFileSync('a'));`,
      settings: {'event-loop':{routeRegistrars: [{module: 'my-framework',methods: ['route'],instance: 'call',export: 'createServer'}]}},
    },
  ],
  invalid: [
    {
      name: 'the listener of a server created in a start-up function is still a handler',
      code: `import fs from 'node:fs';
import http from 'node:http';
export async function start() {
  const page = fs.readFileSync('index.html');
  http.createServer((req, res) => {
    res.end(fs.readFileSync('dynamic.html'));
  }).listen(8080);
  return page;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import fs from 'node:fs';
import http from 'node:http';
export async function start() {
  const page = fs.readFileSync('index.html');
  http.createServer(async (req, res) => {
    res.end(await fs.promises.readFile('dynamic.html'));
  }).listen(8080);
  return page;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: sync route handler becomes async with the Express note',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/', (req, res) => {
  res.send(fs.readFileSync('index.html', 'utf8'));
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/', async (req, res) => {
  res.send(await fs.promises.readFile('index.html', 'utf8'));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: Router(), middleware arrays, chained route()',
      code: `import { Router } from 'express';
import fs from 'node:fs';
const router = Router();
const check = (req: any, res: any, next: any) => {
  fs.accessSync('token');
  next();
};
router.post('/upload', [check], function upload(req, res) {
  fs.writeFileSync('upload.bin', req.body);
  res.end();
});
router.route('/items').get((req, res) => res.json(fs.readdirSync('items')));
export default router;`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import { Router } from 'express';
import fs from 'node:fs';
const router = Router();
const check = async (req: any, res: any, next: any) => {
  await fs.promises.access('token');
  next();
};
router.post('/upload', [check], function upload(req, res) {
  fs.writeFileSync('upload.bin', req.body);
  res.end();
});
router.route('/items').get((req, res) => res.json(fs.readdirSync('items')));
export default router;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import { Router } from 'express';
import fs from 'node:fs';
const router = Router();
const check = (req: any, res: any, next: any) => {
  fs.accessSync('token');
  next();
};
router.post('/upload', [check], async function upload(req, res) {
  await fs.promises.writeFile('upload.bin', req.body);
  res.end();
});
router.route('/items').get((req, res) => res.json(fs.readdirSync('items')));
export default router;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 51,
          endLine: 12,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import { Router } from 'express';
import fs from 'node:fs';
const router = Router();
const check = (req: any, res: any, next: any) => {
  fs.accessSync('token');
  next();
};
router.post('/upload', [check], function upload(req, res) {
  fs.writeFileSync('upload.bin', req.body);
  res.end();
});
router.route('/items').get(async (req, res) => res.json(await fs.promises.readdir('items')));
export default router;`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: CommonJS express.Router() and error handler',
      code: `const express = require('express');
const fs = require('fs');
const router = express.Router();
router.use((err, req, res, next) => {
  fs.appendFileSync('errors.log', String(err));
  next(err);
});
module.exports = router;`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `const express = require('express');
const fs = require('fs');
const router = express.Router();
router.use(async (err, req, res, next) => {
  await fs.promises.appendFile('errors.log', String(err));
  next(err);
});
module.exports = router;`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: handler registered by reference and controller object method',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
function listUsers(req: express.Request, res: express.Response) {
  res.json(fs.readdirSync('users'));
}
const auth = {
  login(req: express.Request, res: express.Response) {
    res.send(fs.readFileSync('login.html'));
  },
};
app.get('/users', listUsers);
app.post('/login', auth.login);`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
const app = express();
async function listUsers(req: express.Request, res: express.Response) {
  res.json(await fs.promises.readdir('users'));
}
const auth = {
  login(req: express.Request, res: express.Response) {
    res.send(fs.readFileSync('login.html'));
  },
};
app.get('/users', listUsers);
app.post('/login', auth.login);`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
const app = express();
function listUsers(req: express.Request, res: express.Response) {
  res.json(fs.readdirSync('users'));
}
const auth = {
  async login(req: express.Request, res: express.Response) {
    res.send(await fs.promises.readFile('login.html'));
  },
};
app.get('/users', listUsers);
app.post('/login', auth.login);`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: handler wrapped in asyncHandler and class controller instance',
      code: `import express from 'express';
import fs from 'node:fs';
const asyncHandler = (fn: any) => fn;
class UserController {
  show(req: any, res: any) {
    res.send(fs.readFileSync('user.json'));
  }
}
const users = new UserController();
const app = express();
app.get('/user', users.show.bind(users));
app.get('/me', asyncHandler(async (req: any, res: any) => {
  res.send(fs.readFileSync('me.json'));
}));`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
const asyncHandler = (fn: any) => fn;
class UserController {
  async show(req: any, res: any) {
    res.send(await fs.promises.readFile('user.json'));
  }
}
const users = new UserController();
const app = express();
app.get('/user', users.show.bind(users));
app.get('/me', asyncHandler(async (req: any, res: any) => {
  res.send(fs.readFileSync('me.json'));
}));`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import express from 'express';
import fs from 'node:fs';
const asyncHandler = (fn: any) => fn;
class UserController {
  show(req: any, res: any) {
    res.send(fs.readFileSync('user.json'));
  }
}
const users = new UserController();
const app = express();
app.get('/user', users.show.bind(users));
app.get('/me', asyncHandler(async (req: any, res: any) => {
  res.send(await fs.promises.readFile('me.json'));
}));`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: route registered inside main() is still a handler',
      code: `import express from 'express';
import fs from 'node:fs';
async function main() {
  const config = fs.readFileSync('config.json', 'utf8');
  const app = express();
  app.get('/config', (req, res) => {
    res.send(fs.readFileSync('config.json', 'utf8'));
  });
  app.listen(3000);
}
main();`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
async function main() {
  const config = fs.readFileSync('config.json', 'utf8');
  const app = express();
  app.get('/config', async (req, res) => {
    res.send(await fs.promises.readFile('config.json', 'utf8'));
  });
  app.listen(3000);
}
main();`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: app typed Express in a routes module',
      code: `import type { Express } from 'express';
import fs from 'node:fs';
export default function routes(app: Express) {
  app.get('/health', (req, res) => {
    res.send(fs.existsSync('ready'));
  });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import type { Express } from 'express';
import fs from 'node:fs';
export default function routes(app: Express) {
  app.get('/health', async (req, res) => {
    res.send(await fs.promises.access('ready').then(() => true, () => false));
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: shorthand routes, options object hooks, route()',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify({ logger: true });
fastify.get('/a', async () => fs.readFileSync('a'));
fastify.get('/b', { preHandler: async (request) => { fs.statSync('b'); } }, async () => 'b');
fastify.route({
  method: 'GET',
  url: '/c',
  handler: async () => fs.readFileSync('c'),
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify({ logger: true });
fastify.get('/a', async () => await fs.promises.readFile('a'));
fastify.get('/b', { preHandler: async (request) => { fs.statSync('b'); } }, async () => 'b');
fastify.route({
  method: 'GET',
  url: '/c',
  handler: async () => fs.readFileSync('c'),
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify({ logger: true });
fastify.get('/a', async () => fs.readFileSync('a'));
fastify.get('/b', { preHandler: async (request) => { await fs.promises.stat('b'); } }, async () => 'b');
fastify.route({
  method: 'GET',
  url: '/c',
  handler: async () => fs.readFileSync('c'),
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify({ logger: true });
fastify.get('/a', async () => fs.readFileSync('a'));
fastify.get('/b', { preHandler: async (request) => { fs.statSync('b'); } }, async () => 'b');
fastify.route({
  method: 'GET',
  url: '/c',
  handler: async () => await fs.promises.readFile('c'),
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: sync handler gets the Fastify note',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify();
fastify.get('/file', (request, reply) => {
  reply.send(fs.readFileSync('file.txt'));
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const fastify = Fastify();
fastify.get('/file', async (request, reply) => {
  reply.send(await fs.promises.readFile('file.txt'));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: request hook and plugin instance parameter',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.addHook('onRequest', (request, reply, done) => {
  fs.accessSync('maintenance');
  done();
});
app.register(async (instance) => {
  instance.post('/save', async (request) => {
    fs.writeFileSync('saved.json', JSON.stringify(request.body));
  });
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.addHook('onRequest', async (request, reply, done) => {
  await fs.promises.access('maintenance');
  done();
});
app.register(async (instance) => {
  instance.post('/save', async (request) => {
    fs.writeFileSync('saved.json', JSON.stringify(request.body));
  });
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.addHook('onRequest', (request, reply, done) => {
  fs.accessSync('maintenance');
  done();
});
app.register(async (instance) => {
  instance.post('/save', async (request) => {
    await fs.promises.writeFile('saved.json', JSON.stringify(request.body));
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: exported autoload plugin routes',
      code: `'use strict';
const fs = require('fs');
module.exports = async function (fastify, opts) {
  fastify.get('/', function (request, reply) {
    return fs.readFileSync('index.html');
  });
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `'use strict';
const fs = require('fs');
module.exports = async function (fastify, opts) {
  fastify.get('/', async function (request, reply) {
    return await fs.promises.readFile('index.html');
  });
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: plugin typed FastifyPluginAsync and fastify-plugin',
      code: `import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import fs from 'node:fs';
const routes: FastifyPluginAsync = async (server) => {
  server.get('/r', async () => fs.readdirSync('r'));
};
export const wrapped = fp(async (app) => {
  app.get('/w', async () => fs.readdirSync('w'));
});
export default routes;`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import fs from 'node:fs';
const routes: FastifyPluginAsync = async (server) => {
  server.get('/r', async () => await fs.promises.readdir('r'));
};
export const wrapped = fp(async (app) => {
  app.get('/w', async () => fs.readdirSync('w'));
});
export default routes;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import fs from 'node:fs';
const routes: FastifyPluginAsync = async (server) => {
  server.get('/r', async () => fs.readdirSync('r'));
};
export const wrapped = fp(async (app) => {
  app.get('/w', async () => await fs.promises.readdir('w'));
});
export default routes;`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: middleware and @koa/router routes',
      code: `import Koa from 'koa';
import Router from '@koa/router';
import fs from 'node:fs';
const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => {
  fs.statSync('maintenance');
  await next();
});
router.get('/file', (ctx) => {
  ctx.body = fs.readFileSync('file.txt');
});
app.use(router.routes());`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import Koa from 'koa';
import Router from '@koa/router';
import fs from 'node:fs';
const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => {
  await fs.promises.stat('maintenance');
  await next();
});
router.get('/file', (ctx) => {
  ctx.body = fs.readFileSync('file.txt');
});
app.use(router.routes());`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 11,
          column: 14,
          endLine: 11,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import Koa from 'koa';
import Router from '@koa/router';
import fs from 'node:fs';
const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => {
  fs.statSync('maintenance');
  await next();
});
router.get('/file', async (ctx) => {
  ctx.body = await fs.promises.readFile('file.txt');
});
app.use(router.routes());`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: koa-router required',
      code: `const Router = require('koa-router');
const fs = require('fs');
const router = new Router({ prefix: '/api' });
router.post('/items', async (ctx) => {
  fs.writeFileSync('item.json', JSON.stringify(ctx.request.body));
});
module.exports = router;`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const Router = require('koa-router');
const fs = require('fs');
const router = new Router({ prefix: '/api' });
router.post('/items', async (ctx) => {
  await fs.promises.writeFile('item.json', JSON.stringify(ctx.request.body));
});
module.exports = router;`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono: routes, use and on',
      code: `import { Hono } from 'hono';
import fs from 'node:fs';
const app = new Hono();
app.use('*', async (c, next) => {
  fs.accessSync('token');
  await next();
});
app.get('/', (c) => c.text(fs.readFileSync('index.txt', 'utf8')));
app.on('PURGE', '/cache', (c) => {
  fs.rmSync('cache', { recursive: true });
  return c.text('ok');
});
export default app;`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { Hono } from 'hono';
import fs from 'node:fs';
const app = new Hono();
app.use('*', async (c, next) => {
  await fs.promises.access('token');
  await next();
});
app.get('/', (c) => c.text(fs.readFileSync('index.txt', 'utf8')));
app.on('PURGE', '/cache', (c) => {
  fs.rmSync('cache', { recursive: true });
  return c.text('ok');
});
export default app;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Hono } from 'hono';
import fs from 'node:fs';
const app = new Hono();
app.use('*', async (c, next) => {
  fs.accessSync('token');
  await next();
});
app.get('/', async (c) => c.text(await fs.promises.readFile('index.txt', 'utf8')));
app.on('PURGE', '/cache', (c) => {
  fs.rmSync('cache', { recursive: true });
  return c.text('ok');
});
export default app;`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Hono } from 'hono';
import fs from 'node:fs';
const app = new Hono();
app.use('*', async (c, next) => {
  fs.accessSync('token');
  await next();
});
app.get('/', (c) => c.text(fs.readFileSync('index.txt', 'utf8')));
app.on('PURGE', '/cache', async (c) => {
  await fs.promises.rm('cache', { recursive: true });
  return c.text('ok');
});
export default app;`,
            },
          ],
        },
      ],
    },
    {
      name: 'h3: defineEventHandler and Nitro global',
      code: `import { defineEventHandler as define } from 'h3';
import fs from 'node:fs';
export const a = define((event) => fs.readFileSync('a', 'utf8'));
export const b = eventHandler({ handler: () => fs.readFileSync('b', 'utf8') });`,
      languageOptions: {globals: {}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { defineEventHandler as define } from 'h3';
import fs from 'node:fs';
export const a = define(async (event) => await fs.promises.readFile('a', 'utf8'));
export const b = eventHandler({ handler: () => fs.readFileSync('b', 'utf8') });`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { defineEventHandler as define } from 'h3';
import fs from 'node:fs';
export const a = define((event) => fs.readFileSync('a', 'utf8'));
export const b = eventHandler({ handler: async () => await fs.promises.readFile('b', 'utf8') });`,
            },
          ],
        },
      ],
    },
    {
      name: 'elysia: routes and beforeHandle',
      code: `import { Elysia } from 'elysia';
import fs from 'node:fs';
new Elysia()
  .get('/', () => fs.readFileSync('index.html'), { beforeHandle: () => { fs.accessSync('token'); } })
  .listen(3000);`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Elysia } from 'elysia';
import fs from 'node:fs';
new Elysia()
  .get('/', async () => await fs.promises.readFile('index.html'), { beforeHandle: () => { fs.accessSync('token'); } })
  .listen(3000);`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 74,
          endLine: 4,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Elysia } from 'elysia';
import fs from 'node:fs';
new Elysia()
  .get('/', () => fs.readFileSync('index.html'), { beforeHandle: async () => { await fs.promises.access('token'); } })
  .listen(3000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'nestjs: decorated controller methods, renamed import',
      code: `import { Controller, Get as HttpGet, Post } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @HttpGet()
  list() {
    return fs.readdirSync('files');
  }
  @Post()
  async create() {
    fs.writeFileSync('files/new', '');
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Controller, Get as HttpGet, Post } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @HttpGet()
  async list() {
    return await fs.promises.readdir('files');
  }
  @Post()
  async create() {
    fs.writeFileSync('files/new', '');
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { Controller, Get as HttpGet, Post } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @HttpGet()
  list() {
    return fs.readdirSync('files');
  }
  @Post()
  async create() {
    await fs.promises.writeFile('files/new', '');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'nestjs: message, websocket and GraphQL handlers',
      code: `import { MessagePattern } from '@nestjs/microservices';
import { SubscribeMessage } from '@nestjs/websockets';
import { Query, Resolver } from '@nestjs/graphql';
import fs from 'node:fs';
export class Handlers {
  @MessagePattern('sum')
  sum() {
    return fs.readFileSync('sum');
  }
  @SubscribeMessage('events')
  events() {
    return fs.readFileSync('events');
  }
}
@Resolver()
export class Books {
  @Query()
  books() {
    return fs.readdirSync('books');
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { MessagePattern } from '@nestjs/microservices';
import { SubscribeMessage } from '@nestjs/websockets';
import { Query, Resolver } from '@nestjs/graphql';
import fs from 'node:fs';
export class Handlers {
  @MessagePattern('sum')
  async sum() {
    return await fs.promises.readFile('sum');
  }
  @SubscribeMessage('events')
  events() {
    return fs.readFileSync('events');
  }
}
@Resolver()
export class Books {
  @Query()
  books() {
    return fs.readdirSync('books');
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { MessagePattern } from '@nestjs/microservices';
import { SubscribeMessage } from '@nestjs/websockets';
import { Query, Resolver } from '@nestjs/graphql';
import fs from 'node:fs';
export class Handlers {
  @MessagePattern('sum')
  sum() {
    return fs.readFileSync('sum');
  }
  @SubscribeMessage('events')
  async events() {
    return await fs.promises.readFile('events');
  }
}
@Resolver()
export class Books {
  @Query()
  books() {
    return fs.readdirSync('books');
  }
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 19,
          column: 12,
          endLine: 19,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { MessagePattern } from '@nestjs/microservices';
import { SubscribeMessage } from '@nestjs/websockets';
import { Query, Resolver } from '@nestjs/graphql';
import fs from 'node:fs';
export class Handlers {
  @MessagePattern('sum')
  sum() {
    return fs.readFileSync('sum');
  }
  @SubscribeMessage('events')
  events() {
    return fs.readFileSync('events');
  }
}
@Resolver()
export class Books {
  @Query()
  async books() {
    return await fs.promises.readdir('books');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: route handler exports',
      code: `import fs from 'node:fs';
export async function GET() {
  return Response.json(fs.readdirSync('posts'));
}
export const POST = (request: Request) => {
  fs.writeFileSync('post', '');
  return new Response(null, { status: 201 });
};`,
      filename: 'app/api/posts/route.ts',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export async function GET() {
  return Response.json(await fs.promises.readdir('posts'));
}
export const POST = (request: Request) => {
  fs.writeFileSync('post', '');
  return new Response(null, { status: 201 });
};`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export async function GET() {
  return Response.json(fs.readdirSync('posts'));
}
export const POST = async (request: Request) => {
  await fs.promises.writeFile('post', '');
  return new Response(null, { status: 201 });
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: pages/api default export',
      code: `import fs from 'node:fs';
export default function handler(req: any, res: any) {
  res.status(200).json(fs.readdirSync('data'));
}`,
      filename: 'src/pages/api/data.ts',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export default async function handler(req: any, res: any) {
  res.status(200).json(await fs.promises.readdir('data'));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: getServerSideProps runs per request',
      code: `import fs from 'node:fs';
export const getServerSideProps = async () => {
  return { props: { text: fs.readFileSync('a.txt', 'utf8') } };
};
export default function Page() {
  return null;
}`,
      filename: 'pages/index.tsx',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export const getServerSideProps = async () => {
  return { props: { text: await fs.promises.readFile('a.txt', 'utf8') } };
};
export default function Page() {
  return null;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: use server file and inline server action',
      code: `'use server';
import fs from 'node:fs';
export async function save(data: string) {
  fs.writeFileSync('data.txt', data);
}`,
      filename: 'app/actions.ts',
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `'use server';
import fs from 'node:fs';
export async function save(data: string) {
  await fs.promises.writeFile('data.txt', data);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: inline use server function',
      code: `import fs from 'node:fs';
export default function Page() {
  async function save(form: FormData) {
    'use server';
    fs.writeFileSync('form.txt', String(form.get('text')));
  }
  return save;
}`,
      filename: 'app/page.tsx',
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export default function Page() {
  async function save(form: FormData) {
    'use server';
    await fs.promises.writeFile('form.txt', String(form.get('text')));
  }
  return save;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: middleware at the project root',
      code: `import fs from 'node:fs';
export function middleware(request: Request) {
  fs.accessSync('maintenance');
}`,
      filename: 'middleware.ts',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export async function middleware(request: Request) {
  await fs.promises.access('maintenance');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'remix: loader and action of a route module',
      code: `import fs from 'node:fs';
import { json } from '@remix-run/node';
export const loader = async () => json(fs.readdirSync('notes'));
export function action() {
  fs.writeFileSync('note', '');
  return null;
}
export default function Notes() {
  return null;
}`,
      filename: 'app/routes/notes.tsx',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
import { json } from '@remix-run/node';
export const loader = async () => json(await fs.promises.readdir('notes'));
export function action() {
  fs.writeFileSync('note', '');
  return null;
}
export default function Notes() {
  return null;
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
import { json } from '@remix-run/node';
export const loader = async () => json(fs.readdirSync('notes'));
export async function action() {
  await fs.promises.writeFile('note', '');
  return null;
}
export default function Notes() {
  return null;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'trpc: query, mutation and middleware',
      code: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.context<{ user: string }>().create();
const authed = t.procedure.use(({ next }) => {
  fs.accessSync('session');
  return next();
});
export const appRouter = t.router({
  list: t.procedure.query(() => fs.readdirSync('items')),
  add: authed.input((value) => value as string).mutation(({ input }) => {
    fs.writeFileSync('items/' + input, '');
  }),
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.context<{ user: string }>().create();
const authed = t.procedure.use(async ({ next }) => {
  await fs.promises.access('session');
  return next();
});
export const appRouter = t.router({
  list: t.procedure.query(() => fs.readdirSync('items')),
  add: authed.input((value) => value as string).mutation(({ input }) => {
    fs.writeFileSync('items/' + input, '');
  }),
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 33,
          endLine: 9,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.context<{ user: string }>().create();
const authed = t.procedure.use(({ next }) => {
  fs.accessSync('session');
  return next();
});
export const appRouter = t.router({
  list: t.procedure.query(async () => await fs.promises.readdir('items')),
  add: authed.input((value) => value as string).mutation(({ input }) => {
    fs.writeFileSync('items/' + input, '');
  }),
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.context<{ user: string }>().create();
const authed = t.procedure.use(({ next }) => {
  fs.accessSync('session');
  return next();
});
export const appRouter = t.router({
  list: t.procedure.query(() => fs.readdirSync('items')),
  add: authed.input((value) => value as string).mutation(async ({ input }) => {
    await fs.promises.writeFile('items/' + input, '');
  }),
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'http: createServer listener and request event',
      code: `import http from 'node:http';
import { createServer } from 'node:https';
import fs from 'node:fs';
http.createServer((req, res) => {
  res.end(fs.readFileSync('index.html'));
}).listen(8080);
const secure = createServer({});
secure.on('request', (req, res) => {
  res.end(fs.readFileSync('secure.html'));
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import http from 'node:http';
import { createServer } from 'node:https';
import fs from 'node:fs';
http.createServer(async (req, res) => {
  res.end(await fs.promises.readFile('index.html'));
}).listen(8080);
const secure = createServer({});
secure.on('request', (req, res) => {
  res.end(fs.readFileSync('secure.html'));
});`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import http from 'node:http';
import { createServer } from 'node:https';
import fs from 'node:fs';
http.createServer((req, res) => {
  res.end(fs.readFileSync('index.html'));
}).listen(8080);
const secure = createServer({});
secure.on('request', async (req, res) => {
  res.end(await fs.promises.readFile('secure.html'));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'lambda: handler exports, callback style is never made async',
      code: `const fs = require('fs');
const { S3Client } = require('@aws-sdk/client-s3');
exports.handler = (event, context, callback) => {
  callback(null, fs.readFileSync('/tmp/cache.json', 'utf8'));
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'lambda: typed async handler',
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
import fs from 'node:fs';
export const handler: APIGatewayProxyHandler = async (event) => {
  return { statusCode: 200, body: fs.readFileSync('/tmp/body', 'utf8') };
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type { APIGatewayProxyHandler } from 'aws-lambda';
import fs from 'node:fs';
export const handler: APIGatewayProxyHandler = async (event) => {
  return { statusCode: 200, body: await fs.promises.readFile('/tmp/body', 'utf8') };
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'heuristic: exported controllers',
      code: `import fs from 'node:fs';
export function show(req: any, res: any) {
  res.send(fs.readFileSync('show.html'));
}
export const hook = (request: any, reply: any) => reply.send(fs.readFileSync('hook'));
export const mw = (ctx: any, next: any) => {
  fs.statSync('x');
  return next();
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export async function show(req: any, res: any) {
  res.send(await fs.promises.readFile('show.html'));
}
export const hook = (request: any, reply: any) => reply.send(fs.readFileSync('hook'));
export const mw = (ctx: any, next: any) => {
  fs.statSync('x');
  return next();
};`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 62,
          endLine: 5,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export function show(req: any, res: any) {
  res.send(fs.readFileSync('show.html'));
}
export const hook = async (request: any, reply: any) => reply.send(await fs.promises.readFile('hook'));
export const mw = (ctx: any, next: any) => {
  fs.statSync('x');
  return next();
};`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import fs from 'node:fs';
export function show(req: any, res: any) {
  res.send(fs.readFileSync('show.html'));
}
export const hook = (request: any, reply: any) => reply.send(fs.readFileSync('hook'));
export const mw = async (ctx: any, next: any) => {
  await fs.promises.stat('x');
  return next();
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'heuristic: exported (event, context) function',
      code: `const fs = require('fs');
module.exports.hello = (event, context) => {
  return { body: fs.readFileSync('/tmp/hello', 'utf8') };
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `const fs = require('fs');
module.exports.hello = async (event, context) => {
  return { body: await fs.promises.readFile('/tmp/hello', 'utf8') };
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'heuristic: helper whose result is used is not made async',
      code: `import fs from 'node:fs';
function render(req: any, res: any) {
  return fs.readFileSync('page.html', 'utf8');
}
export function page(req: any, res: any) {
  res.send(render(req, res));
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: 'startup: an async function also exported stays reported',
      code: `import fs from 'node:fs';
export async function migrate() {
  fs.mkdirSync('data', { recursive: true });
}
migrate();`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import fs from 'node:fs';
export async function migrate() {
  await fs.promises.mkdir('data', { recursive: true });
}
migrate();`,
            },
          ],
        },
      ],
    },
    {
      name: 'startup: an async function called from a handler stays reported',
      code: `import express from 'express';
import fs from 'node:fs';
async function load() {
  return fs.readFileSync('a');
}
const app = express();
app.get('/', async (req, res) => res.send(await load()));
load();`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import express from 'express';
import fs from 'node:fs';
async function load() {
  return await fs.promises.readFile('a');
}
const app = express();
app.get('/', async (req, res) => res.send(await load()));
load();`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings: user registrar on a call result',
      code: `import { createServer } from 'my-framework';
import fs from 'node:fs';
const app = createServer();
app.route('/', () => fs.readFileSync('a'));`,
      settings: {'event-loop':{routeRegistrars: [{module: 'my-framework',methods: ['route'],instance: 'call',export: 'createServer'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { createServer } from 'my-framework';
import fs from 'node:fs';
const app = createServer();
app.route('/', async () => await fs.promises.readFile('a'));`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings: user registrar on the module',
      code: `const api = require('@acme/rpc');
const fs = require('fs');
api.expose('read', () => fs.readFileSync('a'));`,
      filename: 'file.js',
      settings: {'event-loop':{routeRegistrars: [{module: '@acme/rpc',methods: ['expose'],label: 'Acme RPC method'}]}},
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `const api = require('@acme/rpc');
const fs = require('fs');
api.expose('read', async () => await fs.promises.readFile('a'));`,
            },
          ],
        },
      ],
    },
    {
      name: 'asyncFunctions off still reports handlers',
      code: `import express from 'express';
import fs from 'node:fs';
export async function load() {
  return fs.readFileSync('a');
}
const app = express();
app.get('/', (req, res) => res.send(fs.readFileSync('b')));`,
      options: [{contexts: {asyncFunctions: false}}],
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express from 'express';
import fs from 'node:fs';
export async function load() {
  return fs.readFileSync('a');
}
const app = express();
app.get('/', async (req, res) => res.send(await fs.promises.readFile('b')));`,
            },
          ],
        },
      ],
    },

  ],
});
