import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'a function put in place of a console method runs on every console call of the process',
    code: `import fs from 'node:fs';
fs.mkdirSync('logs', { recursive: true });
class FileLogger {
  constructor(file) {
    this.file = file;
    this.original = console.log;
    console.log = (...args) => {
      this.original(...args);
      this.write(args.join(' ')); // ← it calls \`fs.appendFileSync\`
    };
    console.error = function (...args) {
      fs.appendFileSync('logs/errors.txt', args.join(' ')); // ← replacement of console.error
    };
  }
  write(line) {
    fs.appendFileSync(this.file, line); // ← replacement of console.log
  }
}
export const logger = new FileLogger('logs/app.txt');
const same = console.log === console.info;`,
  },
  {
    name: 'socket.io: connection, socket.on, namespaces, middleware, acknowledgement callbacks',
    code: `import { Server } from 'socket.io';
import http from 'node:http';
import fs from 'node:fs';
const httpServer = http.createServer();
const io = new Server(httpServer);
io.use((socket, next) => { fs.statSync('token'); next(); }); // ← socket.io middleware
io.on('connection', (socket) => {
  fs.appendFileSync('connections', socket.id); // ← socket.io connection handler
  socket.use(([event], next) => { fs.statSync(event); next(); }); // ← socket.io middleware
  socket.on('chat', (message, ack) => {
    fs.appendFileSync('chat.log', message); // ← socket.io event handler
    ack('ok');
  });
  socket.onAny((event) => fs.appendFileSync('events', event)); // ← socket.io event handler
  socket.timeout(5000).emit('ping', (err, answer) => fs.writeFileSync('pong', answer)); // ← socket.io acknowledgement callback
  socket.on('disconnect', onLeave);
  socket.emit('members', [socket.id].map((id) => fs.readFileSync(id))); // ← socket.io connection handler
});
function onLeave(reason) {
  fs.appendFileSync('leaves', reason); // ← socket.io event handler
}
io.of('/admin').on('connection', (socket) => {
  socket.on('reload', () => fs.readFileSync('config.json')); // ← socket.io event handler
});
httpServer.listen(3000, () => fs.writeFileSync('pid', '1'));`,
  },
  {
    name: 'socket.io: CommonJS callable export and a typed socket parameter',
    code: `import type { Socket } from 'socket.io';
import fs from 'node:fs';
export function registerChat(socket: Socket) {
  socket.on('message', (text: string) => fs.appendFileSync('chat', text)); // ← socket.io event handler
}`,
  },
  {
    name: 'socket.io-client: a worker node serves the commands its master sends; lifecycle listeners inherit',
    filename: 'plugins/child.js',
    code: `const fs = require('fs');
io = require('socket.io-client')('ws://master:8080'); // an undeclared global in a script, as some worker nodes write it
io.on('connect', function () { io.emit('ready', fs.readdirSync('.')); });
io.on('command', function (d) {
  fs.writeFileSync(d.file, d.data); // ← socket.io client event handler
});
io.onAny((event) => fs.appendFileSync('events', event)); // ← socket.io client event handler`,
  },
  {
    name: 'socket.io-client: ESM io(url) and a Manager socket',
    code: `import { io, Manager } from 'socket.io-client';
import fs from 'node:fs';
const socket = io('https://hub.example');
socket.on('sync', (payload) => fs.writeFileSync('state.json', payload)); // ← socket.io client event handler
const admin = new Manager('https://hub.example').socket('/admin');
admin.on('reload', () => fs.readFileSync('config.json')); // ← socket.io client event handler`,
  },
  {
    name: 'socket.io: require(...)(server)',
    filename: 'src/io.js',
    code: `const fs = require('fs');
const io = require('socket.io')(require('http').createServer());
io.sockets.on('connection', function (socket) {
  socket.on('join', function (room) { fs.readFileSync(room); }); // ← socket.io event handler
});`,
  },
  {
    name: 'ws: server connection, message listeners; listening is start-up; a client socket',
    code: `import WebSocket, { WebSocketServer } from 'ws';
import fs from 'node:fs';
const wss = new WebSocketServer({ port: 8080 });
wss.on('listening', () => fs.writeFileSync('ready', '1'));
wss.on('connection', (ws, req) => {
  ws.on('message', (data) => fs.appendFileSync('messages', data)); // ← WebSocket message handler
  ws.on('close', () => fs.appendFileSync('closed', '1')); // ← WebSocket message handler
});
const upstream = new WebSocket('wss://example.com');
upstream.on('open', () => fs.readFileSync('hello'));
upstream.on('message', (data) => fs.writeFileSync('last', data)); // ← WebSocket message handler
const legacy = new WebSocket.Server({ noServer: true });
legacy.handleUpgrade(null, null, null, (client) => {
  client.on('message', () => fs.statSync('x')); // ← WebSocket message handler
});`,
  },
  {
    name: 'uWebSockets.js: routes and ws behaviours; listen is start-up',
    code: `import uWS from 'uWebSockets.js';
import fs from 'node:fs';
uWS.App()
  .ws('/*', { message: (ws, message) => fs.appendFileSync('m', Buffer.from(message)) }) // ← uWebSockets.js WebSocket handler
  .get('/*', (res) => res.end(fs.readFileSync('index.html'))) // ← uWebSockets.js route handler
  .listen(9001, () => fs.writeFileSync('pid', '1'));`,
  },
  {
    name: 'net, tls and dgram listeners',
    code: `import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';
import fs from 'node:fs';
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => fs.appendFileSync('in', chunk)); // ← socket listener
});
server.on('listening', () => fs.writeFileSync('port', '1'));
server.listen(7000);
const secure = tls.createServer({ key: fs.readFileSync('key.pem') });
secure.on('secureConnection', (socket) => {
  fs.appendFileSync('peers', String(socket.remoteAddress)); // ← connection listener
});
const udp = dgram.createSocket('udp4');
udp.on('message', (msg) => fs.appendFileSync('udp', msg)); // ← UDP message listener
udp.bind(41234, () => fs.writeFileSync('udp-ready', '1'));
const client = net.connect(6379);
client.once('connect', () => fs.readFileSync('hello'));
client.on('data', (chunk) => fs.appendFileSync('replies', chunk)); // ← socket listener`,
  },
  {
    name: 'EventEmitter buses and process listeners; lifecycle events are not serving',
    code: `import { EventEmitter } from 'node:events';
import fs from 'node:fs';
export const bus = new EventEmitter();
bus.on('user.created', (user) => fs.appendFileSync('audit', user.id)); // ← event listener
bus.once('ready', () => fs.mkdirSync('cache'));
process.on('message', (message) => fs.writeFileSync('ipc', String(message))); // ← process message listener
process.on('SIGHUP', () => fs.readFileSync('config.json')); // ← signal handler
process.on('exit', () => fs.writeFileSync('exit-code', '0'));
process.on('uncaughtException', (error) => fs.writeSync(2, String(error)));`,
  },
  {
    name: 'Electron main process: ipcMain handlers, protocol handlers; app ready is start-up',
    code: `import { app, ipcMain, protocol } from 'electron';
import fs from 'node:fs';
ipcMain.handle('read-settings', () => fs.readFileSync('settings.json', 'utf8')); // ← Electron ipcMain handler
ipcMain.on('save', (event, data) => fs.writeFileSync('data.json', data)); // ← Electron ipcMain handler
protocol.handle('app', (request) => new Response(fs.readFileSync('page.html'))); // ← Electron protocol handler
app.on('ready', () => {
  fs.mkdirSync('userData', { recursive: true });
});`,
  },
  {
    name: 'child processes and worker threads: the parent listens while it serves',
    code: `import { fork, spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
const diff = fork('./diff-worker.js');
diff.on('message', (result) => fs.writeFileSync('diff', result)); // ← child process listener
spawn('tail', ['-f', 'log']).stdout.on('data', (chunk) => fs.appendFileSync('copy', chunk)); // ← child process listener
export function convert(file) {
  return new Promise((resolve) => {
    const child = fork('./convert.js', [file]);
    child.once('exit', () => resolve(fs.readFileSync(file + '.pdf')));
  });
}
spawn('yarn', ['install']).on('close', () => fs.writeFileSync('installed', '1'));
const pool = new Worker('./hash.js');
pool.on('online', () => fs.writeFileSync('worker-online', '1'));
pool.on('message', (hash) => fs.appendFileSync('hashes', hash)); // ← worker thread listener`,
  },
  {
    name: 'subclasses of framework classes: an EventEmitter bus, an ioredis subscriber',
    code: `import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import fs from 'node:fs';
class Bus extends EventEmitter {
  constructor() {
    super();
    this.on('audit', (entry) => fs.appendFileSync('audit', entry)); // ← event listener
  }
}
export const bus = new Bus();
bus.on('user.created', (user) => fs.writeFileSync('last-user', user.id)); // ← event listener
class Subscriber extends Redis {
  start() {
    this.on('message', (channel, message) => fs.appendFileSync(channel, message)); // ← Redis pub/sub message listener
    this.on('ready', function () { fs.writeFileSync('ready', '1'); });
  }
}
export const subscriber = new Subscriber();`,
  },
  {
    name: 'socket listeners by the receiver name, when the socket comes from another file',
    filename: 'lib/realtime/client.js',
    code: `const fs = require('fs');
class ClientConnection {
  constructor(socket) {
    this.socket = socket;
  }
  register() {
    this.socket.on('refresh', this.onRefresh.bind(this));
    this.socket.once('connect', () => fs.readFileSync('greeting'));
  }
  onRefresh() {
    fs.readFileSync('note.md'); // ← a socket event handler by its receiver this.socket.on(…)
  }
}
function addClient(socket) {
  socket.on('operation', function (revision) { fs.appendFileSync('ops', revision); }); // ← a socket event handler by its receiver socket.on(…)
}
module.exports = { ClientConnection, addClient };`,
  },
];

describe('serving roots: realtime, sockets, listeners, Electron', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
