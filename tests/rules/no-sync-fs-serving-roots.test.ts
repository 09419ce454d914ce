import noSyncFs from '../../rules/no-sync-fs.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'socket.io: the registration itself runs at start-up',
      code: `import { Server } from 'socket.io';
import fs from 'node:fs';
const io = new Server({ cors: JSON.parse(fs.readFileSync('cors.json', 'utf8')) });
io.on('connection', (socket) => socket.emit('hello'));`,
    },
    {
      name: 'ws: the listening event is start-up',
      code: `import { WebSocketServer } from 'ws';
import fs from 'node:fs';
const wss = new WebSocketServer({ port: 8080 });
wss.once('listening', () => fs.writeFileSync('ready', '1'));`,
    },
    {
      name: 'bullmq: a processor given as a file path is sandboxed',
      code: `import { Worker } from 'bullmq';
import fs from 'node:fs';
const processorFile = new URL('./processor.js', import.meta.url);
fs.accessSync(processorFile);
new Worker('video', processorFile, { useWorkerThreads: true });`,
    },
    {
      name: 'bull: a processor path string is sandboxed',
      code: `const Queue = require('bull');
const fs = require('fs');
const queue = new Queue('pdf');
queue.process(4, __dirname + '/pdf-processor.js');
fs.mkdirSync('out', { recursive: true });`,
      filename: 'queue.js',
    },
    {
      name: 'redis: ready and a once connect at boot are start-up',
      code: `import Redis from 'ioredis';
import fs from 'node:fs';
const redis = new Redis();
redis.on('ready', () => fs.writeFileSync('redis-ready', '1'));
redis.once('connect', () => fs.writeFileSync('redis-connected', '1'));`,
    },
    {
      name: 'timers: a one-shot setTimeout set at start-up is not a schedule',
      code: `import fs from 'node:fs';
setTimeout(() => {
  fs.rmSync('tmp', { recursive: true, force: true });
}, 1000);`,
    },
    {
      name: 'process exit and uncaughtException listeners run while the process dies',
      code: `import fs from 'node:fs';
process.on('exit', () => fs.writeFileSync('exit', '1'));
process.on('uncaughtException', (error) => { fs.writeSync(2, String(error)); process.exit(1); });`,
    },
    {
      name: 'hapi: server extension points onPreStart/onPostStop are start-up and shutdown',
      code: `import Hapi from '@hapi/hapi';
import fs from 'node:fs';
const server = Hapi.server();
server.ext('onPreStart', () => { fs.mkdirSync('cache', { recursive: true }); });
server.ext('onPostStop', () => { fs.rmSync('cache', { recursive: true }); });`,
    },
    {
      name: 'graphql: a fields thunk runs once, when the schema is built',
      code: `import { GraphQLObjectType, GraphQLString } from 'graphql';
import fs from 'node:fs';
export const Config = new GraphQLObjectType({
  name: 'Config',
  fields: () => {
    const names = JSON.parse(fs.readFileSync('fields.json', 'utf8'));
    return Object.fromEntries(names.map((name) => [name, { type: GraphQLString }]));
  },
});`,
    },
    {
      name: 'moleculer: started and created are start-up',
      code: `import fs from 'node:fs';
export default {
  name: 'files',
  actions: { list: { handler: (ctx) => ctx.params } },
  created() { this.root = fs.realpathSync('.'); },
  started() { fs.mkdirSync('uploads', { recursive: true }); },
};`,
    },
    {
      name: 'electron: app ready is start-up',
      code: `import { app } from 'electron';
import fs from 'node:fs';
app.on('ready', () => { fs.mkdirSync(app.getPath('userData'), { recursive: true }); });`,
    },
    {
      name: 'an object with a path but no Hapi method is not a route',
      code: `import fs from 'node:fs';
export const entry = { path: '/tmp/x', handler: () => fs.readFileSync('/tmp/x') };`,
    },
    {
      name: 'sync generator returned, not drained, from a handler',
      code: `import express from 'express';
import fs from 'node:fs';
function* rows() { yield fs.readFileSync('rows'); }
express().get('/', (req, res) => { res.locals.rows = rows(); });`,
    },
    {
      name: 'a browser component: its socket listeners and intervals are not a server\'s',
      code: `import { useEffect } from 'react';
import fs from 'node:fs';
export function useClock(socket) {
  useEffect(() => {
    socket.on('tick', () => fs.readFileSync('never-in-a-browser'));
    setInterval(() => fs.statSync('x'), 1000);
  }, []);
}`,
    },
    {
      name: 'the socket-name heuristic skips lifecycle events',
      code: `import fs from 'node:fs';
export function attach(socket) {
  socket.on('connect', () => fs.writeFileSync('connected', '1'));
}`,
    },
  ],
  invalid: [
    {
      name: 'socket.io: a sync event handler is made async',
      code: `import { Server } from 'socket.io';
import fs from 'node:fs';
const io = new Server();
io.on('connection', (socket) => {
  socket.on('load', (name, ack) => ack(fs.readFileSync(name, 'utf8')));
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 55,
          data: { api: 'fs.readFileSync', where: 'inside this socket.io event handler', instead: 'use `fs.promises.readFile` instead.' },
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Server } from 'socket.io';
import fs from 'node:fs';
const io = new Server();
io.on('connection', (socket) => {
  socket.on('load', async (name, ack) => ack(await fs.promises.readFile(name, 'utf8')));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-cron: the task names the schedule',
      code: `import cron from 'node-cron';
import fs from 'node:fs';
cron.schedule('*/5 * * * *', function sweep() {
  fs.rmSync('tmp', { recursive: true, force: true });
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: { api: 'fs.rmSync', where: "inside node-cron task 'sweep'", instead: 'use `fs.promises.rm` instead.' },
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import cron from 'node-cron';
import fs from 'node:fs';
cron.schedule('*/5 * * * *', async function sweep() {
  await fs.promises.rm('tmp', { recursive: true, force: true });
});`,
            },
          ],
        },
      ],
    },
  ],
});
