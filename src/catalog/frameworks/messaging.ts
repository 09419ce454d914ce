import { listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/** kafkajs: `new Kafka(config).consumer(…)`; `consumer.run({ eachMessage, eachBatch })`; consumer events. */
export const kafkajs: FrameworkSpec = {
  framework: 'kafkajs',
  name: 'kafkajs',
  label: 'kafkajs message handler',
  modules: ['kafkajs', '@confluentinc/kafka-javascript'],
  exports: { members: { Kafka: { constructs: 'kafka' }, KafkaJS: { members: { Kafka: { constructs: 'kafka' } } } } },
  types: {
    kafka: { members: { consumer: { returns: 'consumer' } } },
    consumer: {
      members: {
        run: { registers: { keys: ['eachMessage', 'eachBatch'] } },
        ...listenerMethods({ label: 'kafkajs consumer event listener' }, ['on']),
      },
    },
  },
  typeNames: { instances: { Consumer: 'consumer', Kafka: 'kafka' }, handlers: ['EachMessageHandler', 'EachBatchHandler'] },
};

/** amqplib (promise API): `await amqp.connect(url)` → `createChannel()` → `channel.consume(queue, fn)`. */
export const amqplib: FrameworkSpec = {
  framework: 'amqplib',
  name: 'amqplib',
  label: 'amqplib message consumer',
  modules: ['amqplib'],
  exports: { members: { connect: { returns: 'connection' } } },
  types: {
    connection: { members: { createChannel: { returns: 'channel' }, createConfirmChannel: { returns: 'channel' } } },
    channel: { members: { consume: { registers: {} } } },
  },
  typeNames: { instances: { Channel: 'channel', ConfirmChannel: 'channel', Connection: 'connection', ChannelModel: 'connection' } },
};

/** amqplib's callback API: `connect(url, (err, conn) => conn.createChannel((err, ch) => ch.consume(q, fn)))`. */
export const amqplibCallback: FrameworkSpec = {
  framework: 'amqplib',
  name: 'amqplib',
  label: 'amqplib message consumer',
  modules: ['amqplib/callback_api'],
  exports: { members: { connect: { registers: { role: 'startup', parameters: { 1: 'connection' } } } } },
  types: {
    connection: { members: registrarMethods(['createChannel', 'createConfirmChannel'], undefined, { role: 'startup', parameters: { 1: 'amqplib:channel' } }) },
  },
};

/** amqp-connection-manager: `connect(urls).createChannel({ setup: (channel) => channel.consume(q, fn) })`. */
export const amqpConnectionManager: FrameworkSpec = {
  framework: 'amqplib',
  name: 'amqplib',
  label: 'amqplib message consumer',
  modules: ['amqp-connection-manager'],
  exports: { returns: 'manager', members: { connect: { returns: 'manager' } } },
  types: {
    manager: { members: { createChannel: { registers: { role: 'startup', keys: ['setup'], parameters: { 0: 'amqplib:channel' } }, returns: 'wrapper' } } },
    wrapper: { members: { addSetup: { registers: { role: 'startup', parameters: { 0: 'amqplib:channel' } } }, consume: { registers: {} } } },
  },
};

/** NATS (`nats`, `@nats-io/transport-node`): `await connect(…)` → `nc.subscribe(subject, { callback })`. */
export const nats: FrameworkSpec = {
  framework: 'nats',
  name: 'NATS',
  label: 'NATS subscription handler',
  modules: ['nats', '@nats-io/transport-node', '@nats-io/nats-core'],
  exports: { members: { connect: { returns: 'connection' }, wsconnect: { returns: 'connection' } } },
  types: {
    connection: { members: { subscribe: { registers: { keys: ['callback'] } } } },
  },
  typeNames: { instances: { NatsConnection: 'connection' } },
};

/** Events of an MQTT client after each (re)connect: `'connect'` subscribes, the rest arrive while it serves. */
const mqttClient = {
  members: {
    ...listenerMethods({ label: 'MQTT message listener', startup: ['connect'] }),
    // `client.subscribe(topic, cb)`: the callback runs once the subscription is granted.
    ...registrarMethods(['subscribe', 'subscribeAsync', 'unsubscribe', 'unsubscribeAsync'], undefined, { role: 'startup' }),
  },
};

/** MQTT.js (`mqtt`, `async-mqtt`): `mqtt.connect(url)`, `await mqtt.connectAsync(url)`, `new MqttClient(…)`; `client.on('message', fn)`. */
export const mqtt: FrameworkSpec = {
  framework: 'mqtt',
  name: 'MQTT',
  label: 'MQTT message listener',
  modules: ['mqtt', 'async-mqtt'],
  exports: {
    members: {
      connect: { returns: 'client' },
      connectAsync: { returns: 'client' },
      MqttClient: { constructs: 'client' },
    },
  },
  types: { client: mqttClient },
  typeNames: { instances: { MqttClient: 'client', AsyncMqttClient: 'client' } },
};

/** Aedes, an MQTT broker: `const aedes = require('aedes')()`, `new Aedes()`, `await Aedes.createBroker()`; its events come per client and message. */
export const aedes: FrameworkSpec = {
  framework: 'aedes',
  name: 'Aedes',
  label: 'Aedes MQTT broker event listener',
  modules: ['aedes'],
  exports: {
    returns: 'broker',
    constructs: 'broker',
    members: { Aedes: { constructs: 'broker', members: { createBroker: { returns: 'broker' } } }, createBroker: { returns: 'broker' } },
  },
  types: { broker: { members: listenerMethods({ label: 'Aedes MQTT broker event listener', ignore: ['closed'] }) } },
  typeNames: { instances: { Aedes: 'broker' } },
};

/** Redis pub/sub `'message'` (and pattern, buffer, sharded) events. */
const REDIS_MESSAGE_EVENTS = ['message', 'pmessage', 'messageBuffer', 'pmessageBuffer', 'smessage', 'smessageBuffer'];

const redisClient = (label: string, subscribeListeners: boolean) => ({
  members: {
    ...listenerMethods({
      label: 'Redis client event listener',
      startup: ['ready'],
      startupOnce: ['connect'],
      events: Object.fromEntries(REDIS_MESSAGE_EVENTS.map((event) => [event, { label }])),
    }),
    // node-redis 4+: `subscribe(channels, listener)`; ioredis' `subscribe(ch, cb)` callback runs once the subscription is made.
    ...(subscribeListeners ? registrarMethods(['subscribe', 'pSubscribe', 'sSubscribe', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE'], undefined, { label }) : {}),
    duplicate: { returns: 'client' },
  },
});

/** ioredis (`new Redis()`, `new Redis.Cluster()`): `'message'` listeners of a subscriber connection. */
export const ioredis: FrameworkSpec = {
  framework: 'redis',
  name: 'Redis',
  label: 'Redis pub/sub message listener',
  modules: ['ioredis'],
  exports: { constructs: 'client', members: { Redis: { constructs: 'client' }, Cluster: { constructs: 'client' } } },
  types: { client: redisClient('Redis pub/sub message listener', false) },
  typeNames: { instances: { Redis: 'client', Cluster: 'client' } },
};

/** node-redis (`redis`, `@redis/client`): `createClient()`, `client.subscribe(channel, listener)`, `duplicate()`. */
export const nodeRedis: FrameworkSpec = {
  framework: 'redis',
  name: 'Redis',
  label: 'Redis pub/sub message listener',
  modules: ['redis', '@redis/client'],
  exports: { members: { createClient: { returns: 'client' }, createCluster: { returns: 'client' } } },
  types: { client: redisClient('Redis pub/sub message listener', true) },
};

/** sqs-consumer: `Consumer.create({ handleMessage, handleMessageBatch })`, `new Consumer(…)`; consumer events. */
export const sqsConsumer: FrameworkSpec = {
  framework: 'sqs-consumer',
  name: 'sqs-consumer',
  label: 'SQS message handler',
  modules: ['sqs-consumer'],
  exports: {
    members: {
      Consumer: {
        constructRegisters: { keys: ['handleMessage', 'handleMessageBatch', 'preReceiveMessageCallback', 'postReceiveMessageCallback'] },
        constructs: 'consumer',
        members: { create: { registers: { keys: ['handleMessage', 'handleMessageBatch', 'preReceiveMessageCallback', 'postReceiveMessageCallback'] }, returns: 'consumer' } },
      },
    },
  },
  types: { consumer: { members: listenerMethods({ label: 'SQS consumer event listener' }) } },
};

/** ioBroker adapter events: `ready`, `install` and `unload` run at start and stop; state, object, file changes and messages while it serves. */
const IOBROKER_STARTUP_EVENTS = ['ready', 'install', 'unload'];
const IOBROKER_SERVING_EVENTS = ['stateChange', 'objectChange', 'message', 'fileChange'];

/**
 * ioBroker adapters (`@iobroker/adapter-core`): `class MyAdapter extends utils.Adapter` with
 * `this.on('stateChange', …)`, or the options form `utils.adapter({ name, ready, stateChange, message })`.
 */
export const iobroker: FrameworkSpec = {
  framework: 'iobroker',
  name: 'ioBroker',
  label: 'ioBroker adapter event handler',
  modules: ['@iobroker/adapter-core'],
  exports: {
    members: Object.fromEntries(
      ['Adapter', 'adapter'].map((name) => [
        name,
        {
          // One registrar applies to a call: the options' serving events (its `ready` keeps the per-file answer).
          registers: { keys: IOBROKER_SERVING_EVENTS },
          constructRegisters: { keys: IOBROKER_SERVING_EVENTS },
          returns: 'adapter',
          constructs: 'adapter',
        },
      ]),
    ),
  },
  types: { adapter: { members: listenerMethods({ label: 'ioBroker adapter event handler', startup: IOBROKER_STARTUP_EVENTS }) } },
  typeNames: { instances: { AdapterInstance: 'adapter' } },
};

/** Electron's main process: `ipcMain.handle/on` handlers and custom `protocol` handlers (a blocked main process freezes every window). */
export const electron: FrameworkSpec = {
  framework: 'electron',
  name: 'Electron',
  label: 'Electron ipcMain handler',
  modules: ['electron', 'electron/main'],
  exports: {
    members: {
      ipcMain: {
        members: {
          ...registrarMethods(['handle', 'handleOnce'], undefined),
          ...listenerMethods({ label: 'Electron ipcMain handler' }),
        },
      },
      protocol: { members: registrarMethods(['handle', 'registerFileProtocol', 'registerBufferProtocol', 'registerStringProtocol', 'registerHttpProtocol', 'registerStreamProtocol'], undefined, { label: 'Electron protocol handler' }) },
      app: { members: listenerMethods({ label: 'Electron app event listener', startup: ['ready', 'will-finish-launching'] }) },
    },
  },
};
