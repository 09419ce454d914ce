import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'kafkajs: eachMessage and eachBatch',
    code: `import { Kafka } from 'kafkajs';
import fs from 'node:fs';
const kafka = new Kafka({ clientId: 'app', brokers: ['k:9092'] });
const consumer = kafka.consumer({ groupId: 'g' });
export async function startConsumer() {
  await consumer.connect();
  await consumer.run({
    eachMessage: ({ message }) => { fs.appendFileSync('messages', message.value); }, // ← kafkajs message handler
  });
}
kafka.consumer({ groupId: 'b' }).run({ eachBatch: function ({ batch }) { fs.writeFileSync('batch', String(batch.messages.length)); } }); // ← kafkajs message handler`,
  },
  {
    name: 'amqplib: promise API through await, callback API, amqp-connection-manager',
    code: `import amqp from 'amqplib';
import amqpCallback from 'amqplib/callback_api';
import { connect } from 'amqp-connection-manager';
import fs from 'node:fs';
const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
channel.consume('tasks', (msg) => { fs.writeFileSync('task', msg.content); }); // ← amqplib message consumer
amqp.connect('amqp://x').then((conn) => conn.createChannel()).then(() => 0);
amqpCallback.connect('amqp://localhost', (err, conn) => {
  const config = fs.readFileSync('queues.json');
  conn.createChannel((error, ch) => {
    ch.consume('jobs', (msg) => fs.appendFileSync('jobs', msg.content)); // ← amqplib message consumer
  });
});
connect(['amqp://localhost']).createChannel({
  setup: (ch) => ch.consume('mail', (msg) => fs.readFileSync('mail.tpl')), // ← amqplib message consumer
});`,
  },
  {
    name: 'NATS subscriptions with a callback',
    code: `import { connect } from 'nats';
import fs from 'node:fs';
const nc = await connect({ servers: 'nats://localhost:4222' });
nc.subscribe('orders.*', { callback: (err, msg) => fs.appendFileSync('orders', msg.data) }); // ← NATS subscription handler`,
  },
  {
    name: "MQTT.js: 'message' listeners of connect, connectAsync and a client made by a branch; connect and subscribe callbacks are start-up",
    code: `import mqtt from 'mqtt';
import fs from 'node:fs';
let client;
if (process.env.MQTT_USER) client = mqtt.connect(process.env.MQTT_URL, { username: process.env.MQTT_USER });
else client = mqtt.connect('mqtt://localhost');
client.on('connect', () => client.subscribe('sensors/#', () => fs.writeFileSync('subscribed', '1')));
client.on('message', (topic, payload) => fs.appendFileSync('readings.log', payload)); // ← MQTT message listener
const broker = await mqtt.connectAsync('mqtt://broker');
broker.on('message', function (topic, payload) { fs.writeFileSync('last', payload); }); // ← MQTT message listener`,
  },
  {
    name: "Aedes broker events per client and publish",
    code: `import fs from 'node:fs';
const aedes = require('aedes')();
aedes.on('publish', (packet, client) => fs.appendFileSync('published', packet.payload)); // ← Aedes MQTT broker event listener
aedes.on('client', function (client) { fs.appendFileSync('clients', client.id); }); // ← Aedes MQTT broker event listener
aedes.on('closed', () => fs.writeFileSync('closed', '1'));`,
  },
  {
    name: 'ioBroker adapters: a class extending utils.Adapter and the options form; ready and unload are start-up',
    code: `import fs from 'node:fs';
const utils = require('@iobroker/adapter-core');
class Backup extends utils.Adapter {
  constructor(options) {
    super({ ...options, name: 'backup' });
    this.on('ready', () => this.onReady());
    this.on('message', (obj) => this.onMessage(obj)); // ← it calls \`fs.writeFileSync\` (line 15)
    this.on('unload', (callback) => { fs.writeFileSync('stopped', '1'); callback(); });
  }
  async onReady() {
    fs.mkdirSync(this.dataDir(), { recursive: true });
  }
  dataDir() { return 'data'; }
  onMessage(obj) {
    fs.writeFileSync('backup.json', JSON.stringify(obj.message)); // ← ioBroker adapter event handler
  }
}
const legacy = utils.adapter({
  name: 'legacy',
  ready: () => fs.readFileSync('legacy.json'),
  message: function (obj) { fs.writeFileSync('message.json', obj.message); }, // ← ioBroker adapter event handler
  stateChange: (id, state) => fs.appendFileSync('states.log', id), // ← ioBroker adapter event handler
});
module.exports = (options) => new Backup(options);`,
  },
  {
    name: "Redis pub/sub: ioredis 'message' listeners, node-redis subscribe listeners; ready is start-up",
    code: `import Redis from 'ioredis';
import { createClient } from 'redis';
import fs from 'node:fs';
const sub = new Redis();
sub.subscribe('news', (err, count) => {});
sub.on('message', (channel, message) => fs.appendFileSync('news', message)); // ← Redis pub/sub message listener
sub.on('ready', () => fs.writeFileSync('redis-ready', '1'));
const client = createClient();
const subscriber = client.duplicate();
await subscriber.connect();
await subscriber.subscribe('events', (message) => fs.appendFileSync('events', message)); // ← Redis pub/sub message listener`,
  },
  {
    name: 'sqs-consumer: handleMessage and events',
    code: `import { Consumer } from 'sqs-consumer';
import fs from 'node:fs';
const app = Consumer.create({
  queueUrl: 'https://sqs/queue',
  handleMessage: async (message) => { fs.writeFileSync('m', message.Body); }, // ← SQS message handler
});
app.on('processing_error', (err) => fs.appendFileSync('errors', err.message)); // ← SQS consumer event listener
app.start();`,
  },
];

describe('serving roots: message consumers', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
