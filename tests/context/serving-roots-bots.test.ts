import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

// Lines without a marker must not be reported: start-up events, `login`/`launch`/`start` callers.
const cases: RootCase[] = [
  {
    name: 'discord.js: message and interaction listeners serve; ready (string or Events member) and login are start-up',
    code: `import { Client, Events, GatewayIntentBits } from 'discord.js';
import fs from 'node:fs';
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
client.once(Events.ClientReady, async (c) => { fs.writeFileSync('ready', c.user.tag); });
client.on('ready', async () => { fs.mkdirSync('cache', { recursive: true }); });
client.once('clientReady', async () => { fs.readFileSync('commands.json'); });
client.on('messageCreate', (message) => { fs.appendFileSync('log', message.content); }); // ← discord.js event handler
client.on(Events.InteractionCreate, (interaction) => fs.readFileSync('reply.txt')); // ← discord.js event handler
async function main() {
  const token = fs.readFileSync('token.txt', 'utf8');
  await client.login(token);
}
main();`,
  },
  {
    name: 'discord.js: a Client subclass and its own listeners',
    code: `const { Client } = require('discord.js');
const fs = require('node:fs');
class Bot extends Client {
  async start() {
    fs.readdirSync('./commands');
    await this.login(process.env.TOKEN);
  }
}
const bot = new Bot({ intents: [] });
bot.on('guildMemberAdd', (member) => fs.appendFileSync('joins', member.id)); // ← discord.js event handler
bot.start();`,
  },
  {
    name: 'Eris: listeners serve, ready is start-up',
    code: `import Eris from 'eris';
import fs from 'node:fs';
const bot = new Eris('token');
bot.on('ready', () => fs.writeFileSync('ready', '1'));
bot.on('messageCreate', (msg) => fs.appendFileSync('messages', msg.content)); // ← Eris event handler
bot.connect();`,
  },
  {
    name: 'Telegraf: commands, hears, on, actions, scenes; launch is start-up',
    code: `import { Telegraf, Scenes, Composer } from 'telegraf';
import fs from 'node:fs';
const bot = new Telegraf(process.env.BOT_TOKEN);
bot.start((ctx) => ctx.reply(fs.readFileSync('welcome.txt', 'utf8'))); // ← Telegraf update handler
bot.command('stats', (ctx) => { const s = fs.statSync('db.json'); ctx.reply(String(s.size)); }); // ← Telegraf update handler
bot.hears(/hi/i, (ctx) => fs.appendFileSync('greetings', ctx.from.id + '\\n')); // ← Telegraf update handler
bot.action('like', (ctx) => fs.writeFileSync('likes', '1')); // ← Telegraf update handler
const admin = new Composer();
admin.command('dump', (ctx) => fs.readdirSync('uploads')); // ← Telegraf update handler
bot.use(admin);
const wizard = new Scenes.WizardScene('order', (ctx) => { fs.writeFileSync('step1', ''); return ctx.wizard.next(); }); // ← Telegraf update handler
const scene = new Scenes.BaseScene('feedback');
scene.enter((ctx) => fs.readFileSync('form.txt')); // ← Telegraf update handler
async function boot() {
  fs.mkdirSync('uploads', { recursive: true });
  await bot.launch();
}
boot();`,
  },
  {
    name: 'grammY: handlers through chains and composers; start and runner are start-up',
    code: `import { Bot, Composer } from 'grammy';
import { run } from '@grammyjs/runner';
import fs from 'node:fs';
const bot = new Bot(process.env.TOKEN);
bot.command('q', (ctx) => { const data = fs.readFileSync('quotes.json', 'utf8'); return ctx.reply(data); }); // ← grammY update handler
bot.on('message:text', (ctx) => fs.appendFileSync('texts', ctx.message.text)); // ← grammY update handler
bot.chatType('private').callbackQuery('ok', (ctx) => fs.writeFileSync('ok', '1')); // ← grammY update handler
const stickers = new Composer();
stickers.on('message:sticker', (ctx) => fs.existsSync('packs/' + ctx.from.id)); // ← grammY update handler
bot.use(stickers);
async function main() {
  fs.readFileSync('config.json');
  await bot.init();
  run(bot);
}
function polling() {
  fs.readFileSync('polling.json');
  bot.start({ onStart: () => fs.writeFileSync('started', '1') });
}
main();
polling();`,
  },
  {
    name: 'node-telegram-bot-api: onText and listeners',
    code: `const TelegramBot = require('node-telegram-bot-api');
const fs = require('fs');
const bot = new TelegramBot(process.env.TOKEN, { polling: true });
bot.onText(/\\/echo (.+)/, (msg, match) => { fs.appendFileSync('echo', match[1]); }); // ← Telegram bot handler
bot.on('message', (msg) => fs.writeFileSync('last', JSON.stringify(msg))); // ← Telegram bot handler`,
  },
  {
    name: 'Slack Bolt: message, command and action listeners; start is start-up',
    code: `import { App } from '@slack/bolt';
import fs from 'node:fs';
const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
app.message('hello', ({ message, say }) => { say(fs.readFileSync('hello.txt', 'utf8')); }); // ← Slack Bolt listener
app.command('/ticket', ({ ack }) => { fs.appendFileSync('tickets', 'x'); ack(); }); // ← Slack Bolt listener
(async () => {
  fs.readFileSync('manifest.json');
  await app.start(3000);
})();`,
  },
  {
    name: 'tmi.js, whatsapp-web.js, QQ (icqq/oicq), matrix-bot-sdk: message listeners serve, login events are start-up',
    code: `import tmi from 'tmi.js';
import { Client as WhatsApp } from 'whatsapp-web.js';
import { createClient } from 'icqq';
import { MatrixClient } from 'matrix-bot-sdk';
import fs from 'node:fs';
const twitch = new tmi.Client({ channels: ['x'] });
twitch.on('connected', () => fs.writeFileSync('twitch', '1'));
twitch.on('message', (channel, tags, message) => fs.appendFileSync('chat', message)); // ← tmi.js event handler
twitch.connect();
const wa = new WhatsApp();
wa.on('qr', (qr) => fs.writeFileSync('qr.txt', qr));
wa.on('ready', () => fs.writeFileSync('wa-ready', '1'));
wa.on('message', (msg) => fs.appendFileSync('wa', msg.body)); // ← whatsapp-web.js event handler
wa.initialize();
const qq = createClient(12345);
qq.on('system.online', () => fs.readFileSync('plugins.json'));
qq.on('message.group', (e) => fs.appendFileSync('group', e.raw_message)); // ← QQ bot event handler
qq.login('password');
const matrix = new MatrixClient('https://m.org', 'token');
matrix.on('room.message', (roomId, event) => fs.appendFileSync('rooms', roomId)); // ← matrix-bot-sdk event handler
matrix.start();`,
  },
  {
    name: "Baileys: socket events serve, connection.update inherits",
    code: `import makeWASocket from '@whiskeysockets/baileys';
import fs from 'node:fs';
function connect() {
  const sock = makeWASocket({ printQRInTerminal: true });
  sock.ev.on('messages.upsert', ({ messages }) => fs.appendFileSync('wa.log', messages[0].key.id)); // ← Baileys event handler
  sock.ev.on('connection.update', (update) => { if (update.connection === 'close') { fs.rmSync('session', { recursive: true }); connect(); } });
  sock.ev.process((events) => { fs.writeFileSync('last-batch', Object.keys(events).join()); }); // ← Baileys event handler
}
connect();`,
  },
  {
    name: 'Baileys: an async connect that reconnects itself through a timer is start-up; called from a message handler it serves',
    code: `import makeWASocket from '@whiskeysockets/baileys';
import fs from 'node:fs';
function cleanSession() { if (fs.existsSync('session')) fs.rmSync('session', { recursive: true }); }
async function connect() {
  cleanSession();
  const sock = makeWASocket({ printQRInTerminal: true });
  sock.ev.on('connection.update', ({ connection }) => {
    if (connection === 'close') setTimeout(() => connect(), 3000);
  });
  sock.ev.on('messages.upsert', () => fs.appendFileSync('wa.log', 'm')); // ← Baileys event handler
}
connect();
async function relogin() {
  fs.readFileSync('token'); // ← inside async function 'relogin'
}
async function startRelogin() {
  const sock = makeWASocket({});
  sock.ev.on('messages.upsert', () => setTimeout(() => relogin(), 10)); // ← \`relogin()\` blocks
  await relogin();
}
startRelogin();`,
  },
  {
    name: 'a local object named like a bot is not a framework value',
    code: `import fs from 'node:fs';
const bot = { command(name, fn) { return fn; }, on(event, fn) { return fn; } };
bot.command('x', () => fs.readFileSync('a'));
bot.on('message', () => fs.readFileSync('b'));`,
  },
];

describe('serving roots: chat bots', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});

const loops: RootCase[] = [
  {
    name: 'an endless awaiting loop started at boot is a background job; a retry loop that ends is start-up',
    code: `import fs from 'node:fs';
const queue = [];
const write = (item) => fs.writeFileSync(item.path, item.data); // ← a background loop
const run = async () => {
  while (true) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (queue.length) write(queue.shift()); // ← blocks the event loop: it calls
    for (const file of fs.readdirSync('spool')) fs.unlinkSync('spool/' + file); // ← a background loop
  }
};
run();
async function connect() {
  for (;;) {
    try {
      fs.readFileSync('socket.conf');
      await tryConnect();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
async function tryConnect() {}
connect();
async function spin() {
  while (true) { fs.readFileSync('never-awaits'); }
}
spin();`,
  },
];

describe('serving roots: background loops', () => {
  for (const testCase of loops) it(testCase.name, () => checkCase(testCase));
});
