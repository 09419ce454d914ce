import { listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

// Chat bots serve every user's messages from one process: a sync call in a command handler stalls
// every other chat. Their start-up is logging in (`login`, `launch`, `start`) and the `ready`
// event; everything else a bot client emits is a message, an interaction or a state change.

/** discord.js's `Events` enum members for its start-up events (v14 `ClientReady` is `'ready'`, v15 `'clientReady'`). */
const DISCORD_EVENT_MEMBERS = { ClientReady: 'ready', ShardReady: 'shardReady' };

/**
 * discord.js (`new Client({ intents })`, subclasses too): `client.on('messageCreate' |
 * 'interactionCreate' | …, fn)` serve; `ready`/`clientReady`/`shardReady` (also as
 * `Events.ClientReady`) are start-up, and so is the function calling `login()`.
 */
export const discordJs: FrameworkSpec = {
  framework: 'discord.js',
  name: 'discord.js',
  label: 'discord.js event handler',
  modules: ['discord.js'],
  exports: { members: { Client: { constructs: 'client' } } },
  types: {
    client: {
      members: {
        ...listenerMethods({ label: 'discord.js event handler', startup: ['ready', 'clientReady', 'shardReady'], eventMembers: DISCORD_EVENT_MEMBERS, returns: 'client' }),
        login: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
  typeNames: { instances: { Client: 'client' } },
};

/** Eris (`new Eris.Client(token)`, `Eris(token)`): the same events as discord.js; `connect()` starts it. */
export const eris: FrameworkSpec = {
  framework: 'eris',
  name: 'Eris',
  label: 'Eris event handler',
  modules: ['eris'],
  exports: { returns: 'client', constructs: 'client', members: { Client: { constructs: 'client' } } },
  types: {
    client: {
      members: {
        ...listenerMethods({ label: 'Eris event handler', startup: ['ready', 'shardReady'], returns: 'client' }),
        connect: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
};

/** The update filters of Telegraf's and grammY's composers (each takes a trigger, then middleware). */
const TELEGRAM_COMPOSER_METHODS = [
  'use', 'on', 'hears', 'command', 'action', 'callbackQuery', 'inlineQuery', 'gameQuery', 'chosenInlineResult',
  'preCheckoutQuery', 'shippingQuery', 'reaction', 'start', 'help', 'settings', 'entity', 'mention', 'phone',
  'hashtag', 'cashtag', 'email', 'url', 'textLink', 'textMention', 'drop', 'guard', 'fork', 'lazy', 'route',
  'branch', 'errorBoundary', 'catch', 'chatType', 'filter', 'enter', 'leave', 'middleware',
];

/**
 * Telegraf (`new Telegraf(token)`, `new Composer()`, `new Scenes.BaseScene(id)`,
 * `new Scenes.WizardScene(id, …steps)`): every composer method's functions handle updates
 * (`bot.command('start', fn)`, `bot.on('text', fn)`, `scene.enter(fn)`); `launch()` is start-up.
 */
export const telegraf: FrameworkSpec = {
  framework: 'telegraf',
  name: 'Telegraf',
  label: 'Telegraf update handler',
  modules: ['telegraf'],
  exports: {
    constructs: 'bot',
    members: {
      Telegraf: { constructs: 'bot' },
      Composer: { constructs: 'bot' },
      Scenes: { members: { BaseScene: { constructs: 'bot' }, WizardScene: { constructs: 'bot', constructRegisters: {} }, Stage: { constructs: 'bot' } } },
    },
  },
  types: {
    bot: {
      members: {
        // `start` is a `/start` command handler here; the bot starts with `launch`.
        ...registrarMethods(TELEGRAM_COMPOSER_METHODS, 'bot'),
        launch: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
  typeNames: { instances: { Telegraf: 'bot', Composer: 'bot' } },
};

/**
 * grammY (`new Bot(token)`, `new Composer()`): every composer method's functions handle updates
 * (`bot.command('q', fn)`, `bot.on('message:text', fn)`, `bot.chatType('private').command(…)`);
 * `bot.start({ onStart })`, `init()` and `@grammyjs/runner`'s `run(bot)` are start-up.
 */
export const grammy: FrameworkSpec = {
  framework: 'grammy',
  name: 'grammY',
  label: 'grammY update handler',
  modules: ['grammy'],
  exports: { members: { Bot: { constructs: 'bot' }, Composer: { constructs: 'bot' } } },
  types: {
    bot: {
      members: {
        ...registrarMethods(TELEGRAM_COMPOSER_METHODS.filter((name) => name !== 'start'), 'bot'),
        start: { registers: { role: 'startup', startsServer: true } },
        init: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
  typeNames: { instances: { Bot: 'bot', Composer: 'bot' } },
};

export const grammyRunner: FrameworkSpec = {
  framework: 'grammy',
  name: 'grammY',
  label: 'grammY update handler',
  modules: ['@grammyjs/runner'],
  exports: { members: { run: { registers: { role: 'startup', startsServer: true } } } },
};

/**
 * node-telegram-bot-api (`new TelegramBot(token, { polling: true })`): `onText(regexp, fn)`,
 * `onReplyToMessage(chat, message, fn)` and every `on(event, fn)` listener handle updates.
 */
export const nodeTelegramBotApi: FrameworkSpec = {
  framework: 'node-telegram-bot-api',
  name: 'node-telegram-bot-api',
  label: 'Telegram bot handler',
  modules: ['node-telegram-bot-api'],
  exports: { constructs: 'bot' },
  types: {
    bot: {
      members: {
        ...listenerMethods({ label: 'Telegram bot handler' }),
        ...registrarMethods(['onText', 'onReplyToMessage'], undefined),
        startPolling: { registers: { role: 'startup', startsServer: true } },
        openWebHook: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
};

/**
 * Slack Bolt (`new App({ token, signingSecret })`): `message`, `command`, `action`, `event`,
 * `view`, `shortcut`, `options`, `function`, `use` and `error` handlers; `start()` is start-up.
 */
export const slackBolt: FrameworkSpec = {
  framework: 'slack-bolt',
  name: 'Slack Bolt',
  label: 'Slack Bolt listener',
  modules: ['@slack/bolt'],
  exports: { constructs: 'app', members: { App: { constructs: 'app' } } },
  types: {
    app: {
      members: {
        ...registrarMethods(['message', 'command', 'action', 'event', 'view', 'shortcut', 'options', 'function', 'use', 'error', 'assistant'], undefined),
        start: { registers: { role: 'startup', startsServer: true } },
      },
    },
  },
  typeNames: { instances: { App: 'app' } },
};

/**
 * Chat clients that emit messages (tmi.js for Twitch, whatsapp-web.js, matrix-bot-sdk, oicq/icqq
 * for QQ): every listener handles messages, but the events that mark a login at boot.
 */
const chatClient = (framework: string, name: string, modules: string[], startup: string[], exportsSpec: FrameworkSpec['exports'], start: string[]): FrameworkSpec => ({
  framework,
  name,
  label: `${name} event handler`,
  modules,
  exports: exportsSpec,
  types: {
    client: {
      members: {
        ...listenerMethods({ label: `${name} event handler`, startup, returns: 'client' }),
        ...registrarMethods(start, undefined, { role: 'startup', startsServer: true }),
      },
    },
  },
});

export const tmi = chatClient('tmi.js', 'tmi.js', ['tmi.js'], ['connected', 'logon'], { members: { Client: { constructs: 'client', returns: 'client' }, client: { constructs: 'client', returns: 'client' } } }, ['connect']);
export const whatsappWeb = chatClient('whatsapp-web.js', 'whatsapp-web.js', ['whatsapp-web.js'], ['ready', 'qr', 'authenticated', 'loading_screen'], { members: { Client: { constructs: 'client' } } }, ['initialize']);
export const matrixBotSdk = chatClient('matrix-bot-sdk', 'matrix-bot-sdk', ['matrix-bot-sdk', '@vector-im/matrix-bot-sdk'], ['ready'], { members: { MatrixClient: { constructs: 'client' } } }, ['start']);
export const icqq = chatClient('icqq', 'QQ bot', ['icqq', 'oicq'], ['system.online', 'system.login.qrcode', 'system.login.slider', 'system.login.device'], { members: { createClient: { returns: 'client' }, Client: { constructs: 'client' } } }, ['login']);

/**
 * Baileys (`makeWASocket(config)`): `sock.ev.on('messages.upsert', fn)` and the other socket
 * events handle messages; `sock.ev.process(fn)` gets every batch. `connection.update` fires on
 * every reconnect and usually reconnects: its listener inherits where it is added.
 */
export const baileys: FrameworkSpec = {
  framework: 'baileys',
  name: 'Baileys',
  label: 'Baileys event handler',
  modules: ['@whiskeysockets/baileys', 'baileys', '@adiwajshing/baileys'],
  exports: { returns: 'socket', members: { default: { returns: 'socket' }, makeWASocket: { returns: 'socket' } } },
  types: {
    socket: { members: { ev: 'events' } },
    events: {
      members: {
        ...listenerMethods({ label: 'Baileys event handler', ignore: ['connection.update'] }),
        process: { registers: {} },
      },
    },
  },
};
