import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'hapi: route object, array, options.handler, pre methods, ext, plugin register',
    code: `import Hapi from '@hapi/hapi';
import fs from 'node:fs';
const server = Hapi.server({ port: 3000 });
server.route({ method: 'GET', path: '/', handler: (request, h) => fs.readFileSync('index.html') }); // ← Hapi route handler
server.route([
  { method: 'GET', path: '/a', options: { handler(request, h) { return fs.readFileSync('a'); } } }, // ← Hapi route handler
  { method: 'GET', path: '/b', options: { pre: [{ method: (request) => fs.statSync('b'), assign: 's' }], handler: () => 'ok' } }, // ← Hapi route handler
]);
server.ext('onPreResponse', (request, h) => {
  fs.appendFileSync('log', 'x'); // ← inside this Hapi request extension
  return h.continue;
});
server.ext('onPreStart', () => {
  fs.mkdirSync('cache');
});
await server.register({
  name: 'routes',
  register: async (srv) => {
    const schema = fs.readFileSync('schema.json');
    srv.route({ method: 'POST', path: '/c', handler: () => fs.readFileSync('c') }); // ← Hapi route handler
  },
});
await server.start();`,
  },
  {
    name: 'hapi: an exported plugin object and a route array exported from a routes file',
    code: `import fs from 'node:fs';
export const plugin = {
  name: 'users',
  register: async function (server, options) {
    const seed = fs.readFileSync('seed.json');
    server.route({ method: 'GET', path: '/users', handler: async () => fs.readFileSync('users.json') }); // ← Hapi route handler
    server.method('count', () => fs.readdirSync('users').length); // ← inside this Hapi server method
  },
};`,
  },
  {
    name: 'hapi: routes module exported by shape and (request, h) handlers',
    filename: 'src/routes/users.js',
    code: `const fs = require('fs');
module.exports = [
  { method: 'GET', path: '/users', handler: (request, h) => fs.readFileSync('users.json') }, // ← Hapi route handler
  { method: 'GET', path: '/config', config: { handler: function () { return fs.readFileSync('c'); } } }, // ← Hapi route handler
];
function show(request, h) {
  return fs.readFileSync('x'); // ← a request handler by its parameters (request, h)
}
module.exports.show = show;`,
  },
  {
    name: 'restify: verbs, use, pre, events; listen is start-up',
    code: `import restify from 'restify';
import fs from 'node:fs';
const server = restify.createServer();
server.pre((req, res, next) => { fs.statSync('x'); next(); }); // ← inside this Restify middleware
server.use(function auth(req, res, next) { fs.readFileSync('key'); next(); }); // ← inside Restify middleware 'auth'
server.get('/a', (req, res, next) => { res.send(fs.readFileSync('a')); next(); }); // ← inside this Restify route handler
server.del('/a', (rq, rs) => { fs.unlinkSync('a'); }); // ← inside this Restify route handler
server.on('restifyError', (req, res, err, cb) => { fs.appendFileSync('errors', String(err)); cb(); }); // ← inside this Restify server event listener
server.listen(8080, () => {
  fs.writeFileSync('pid', String(process.pid));
});`,
  },
  {
    name: "node http server events and Koa's app.on('error')",
    code: `import http from 'node:http';
import Koa from 'koa';
import fs from 'node:fs';
const server = http.createServer();
server.on('clientError', (err, socket) => fs.appendFileSync('bad-requests', String(err))); // ← HTTP request listener
server.on('connection', (socket) => fs.appendFileSync('connections', '1')); // ← HTTP request listener
const app = new Koa();
app.on('error', (err, ctx) => fs.appendFileSync('errors', String(err))); // ← Koa app event listener`,
  },
  {
    name: 'polka and tinyhttp',
    code: `import polka from 'polka';
import { App } from '@tinyhttp/app';
import fs from 'node:fs';
polka().use((rq, rs, next) => next()).get('/', (rq, rs) => rs.end(fs.readFileSync('i'))).listen(3000); // ← inside this Polka route handler
new App().get('/', (rq, rs) => rs.send(fs.readFileSync('i'))); // ← inside this tinyhttp route handler`,
  },
  {
    name: 'moleculer: createService and exported schemas; started is start-up',
    code: `import { ServiceBroker } from 'moleculer';
import fs from 'node:fs';
const broker = new ServiceBroker();
broker.createService({
  name: 'math',
  actions: {
    add(ctx) { return fs.readFileSync('n'); }, // ← Moleculer action
    sub: { params: {}, handler(ctx) { return fs.readFileSync('m'); } }, // ← Moleculer action
  },
  events: { 'user.created'(ctx) { fs.appendFileSync('log', 'x'); } }, // ← Moleculer action
  started() { fs.mkdirSync('tmp'); },
});
export default {
  name: 'greeter',
  actions: { hello() { return fs.readFileSync('hello.txt', 'utf8'); } }, // ← Moleculer action
};`,
  },
  {
    name: 'loopback: decorated controller methods',
    code: `import { get, post } from '@loopback/rest';
import fs from 'node:fs';
export class PingController {
  @get('/ping')
  ping() {
    return fs.readFileSync('pong'); // ← inside LoopBack route handler 'ping'
  }
  helper() {
    return 1;
  }
}`,
  },
  {
    name: 'start-up through promises: listen inside new Promise, once(server, listening), a helper called from start()',
    code: `import http from 'node:http';
import { once } from 'node:events';
import fs from 'node:fs';
import express from 'express';
export class App {
  async start() {
    const cert = fs.readFileSync('cert.pem');
    await this.listen();
  }
  listen() {
    return new Promise((resolve) => {
      const tls = fs.readFileSync('key.pem');
      this.server = http.createServer(this.handle).listen(3000, resolve);
    });
  }
  handle(req, res) {
    res.end(fs.readFileSync('page')); // ← inside HTTP request listener 'handle'
  }
}
export async function boot() {
  const server = http.createServer();
  server.listen(0);
  await once(server, 'listening');
  fs.writeFileSync('port', String(server.address()));
}
export async function startApi() {
  const app = express();
  const config = fs.readFileSync('config.json');
  await app.listen(3000);
}`,
  },
  {
    name: 'node:http: the helpers of a method a listener calls serve, though the listener is made in start()',
    code: `import fs from 'node:fs';
import http from 'node:http';
export class Gateway {
  private template() {
    return fs.readFileSync('index.html', 'utf8'); // ← called (line 8) from a helper of 'handle', a request handler
  }
  private render() {
    return this.template(); // ← \`this.template()\` blocks the event loop
  }
  handle(req, res) {
    res.end(this.render()); // ← \`this.render()\` blocks the event loop
  }
  start() {
    const banner = fs.readFileSync('banner.txt', 'utf8');
    http.createServer((req, res) => this.handle(req, res)).listen(3000); // ← \`this.handle()\` blocks the event loop
    console.log(banner);
  }
}`,
  },
];

describe('serving roots: HTTP frameworks beyond Express', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
