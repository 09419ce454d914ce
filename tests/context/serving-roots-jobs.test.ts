import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'BullMQ: inline processor and worker events; a file-path processor is sandboxed',
    code: `import { Worker, QueueEvents } from 'bullmq';
import path from 'node:path';
import fs from 'node:fs';
const worker = new Worker('images', (job) => {
  return fs.readFileSync(job.data.path); // ← BullMQ job processor
}, { connection: {} });
worker.on('completed', (job) => fs.appendFileSync('done', job.id)); // ← BullMQ event listener
worker.on('ready', () => fs.writeFileSync('worker-ready', '1'));
const sandboxed = new Worker('video', path.join(import.meta.dirname, 'processor.js'));
new QueueEvents('images').on('failed', ({ jobId }) => fs.appendFileSync('failed', jobId)); // ← BullMQ event listener
function processEmail(job) {
  fs.readFileSync('template.html'); // ← BullMQ job processor
}
new Worker('email', processEmail);`,
  },
  {
    name: 'BullMQ: a sandboxed processor file (SandboxedJob) is never serving',
    filename: 'src/processor.ts',
    code: `import type { SandboxedJob } from 'bullmq';
import fs from 'node:fs';
module.exports = async (job: SandboxedJob) => {
  return fs.readFileSync(job.data.path);
};`,
  },
  {
    name: 'Bull and bee-queue: process in every form; a path processor is sandboxed',
    code: `import Queue from 'bull';
import BeeQueue from 'bee-queue';
import fs from 'node:fs';
const queue = new Queue('transcode');
queue.process((job) => fs.readFileSync(job.data.file)); // ← Bull job processor
queue.process('thumb', 4, function (job, done) { fs.writeFileSync('t', 'x'); done(); }); // ← Bull job processor
queue.process('video', '/app/processors/video.js');
queue.on('failed', (job, err) => fs.appendFileSync('failed', String(err))); // ← Bull queue event listener
const bee = new BeeQueue('mail');
bee.process(3, (job) => fs.readFileSync('mail.tpl')); // ← Bee-Queue job processor`,
  },
  {
    name: 'agenda, pg-boss',
    code: `import { Agenda } from 'agenda';
import PgBoss from 'pg-boss';
import fs from 'node:fs';
const agenda = new Agenda({ db: { address: 'mongodb://x' } });
agenda.define('report', (job) => fs.writeFileSync('report', 'x')); // ← Agenda job
agenda.define('cleanup', { priority: 'high' }, function () { fs.rmSync('tmp', { recursive: true }); }); // ← Agenda job
agenda.on('ready', () => fs.writeFileSync('agenda-ready', '1'));
const boss = new PgBoss('postgres://x');
boss.work('invoice', (jobs) => fs.readFileSync('invoice.tpl')); // ← pg-boss job handler
boss.work('slow', { batchSize: 2 }, (jobs) => fs.readFileSync('slow')); // ← pg-boss job handler`,
  },
  {
    name: 'schedules: node-cron, node-schedule, cron, croner',
    code: `import cron from 'node-cron';
import schedule from 'node-schedule';
import { CronJob } from 'cron';
import { Cron } from 'croner';
import fs from 'node:fs';
cron.schedule('* * * * *', () => fs.readdirSync('inbox')); // ← node-cron task
schedule.scheduleJob('0 * * * *', () => fs.rmSync('tmp', { recursive: true })); // ← node-schedule job
schedule.scheduleJob('nightly', { hour: 2 }, function () { fs.readFileSync('n'); }); // ← node-schedule job
new CronJob('0 0 * * *', () => fs.writeFileSync('tick', 'x'), null, true); // ← cron job
CronJob.from({ cronTime: '* * * * *', onTick: () => fs.statSync('x') }); // ← cron job
new Cron('*/5 * * * *', () => fs.readFileSync('poll')); // ← croner job
Cron('@hourly', { catch: (error) => fs.appendFileSync('errors', String(error)) }, () => fs.readFileSync('h')); // ← croner job`,
  },
  {
    name: 'timers: setInterval callbacks; one-shot setTimeout inherits; a self-rescheduling setTimeout is a schedule',
    code: `import fs from 'node:fs';
import { setInterval as every } from 'node:timers';
setInterval(() => {
  fs.readdirSync('queue'); // ← setInterval callback
}, 1000);
every(function flush() { fs.appendFileSync('log', 'x'); }, 500); // ← setInterval callback
setTimeout(() => fs.writeFileSync('warm', '1'), 0);
function poll() {
  fs.readFileSync('status'); // ← recurring timer
  setTimeout(poll, 1000);
}
poll();
class Watcher {
  tick() {
    fs.statSync('watched'); // ← recurring timer
    this.timer = setTimeout(() => this.tick(), 5000);
  }
}
export const watcher = new Watcher();`,
  },
  {
    name: 'file watchers of node:fs, fs-extra and graceful-fs: their listeners run on each change',
    code: `import fs from 'node:fs';
import fse from 'fs-extra';
import gfs from 'graceful-fs';
fs.watch('config.json', () => fs.readFileSync('config.json')); // ← file watcher listener
fse.watch('commands.json', (eventType) => { if (eventType === 'change') fse.readJsonSync('commands.json'); }); // ← file watcher listener
gfs.watchFile('users.json', () => gfs.readFileSync('users.json')); // ← file watcher listener
fse.readJsonSync('boot.json');`,
  },
  {
    name: 'timers in a .tsx file a server renders (Elysia JSX) are schedules',
    filename: 'src/index.tsx',
    code: `import { Elysia } from 'elysia';
import { rmSync } from 'node:fs';
const app = new Elysia().get('/', () => <h1>ok</h1>).listen(3000);
const clearJobs = () => {
  rmSync('output/old', { recursive: true, force: true }); // ← recurring timer
  setTimeout(clearJobs, 60 * 60 * 1000);
};
clearJobs();`,
  },
  {
    name: 'timers in a React component file are browser code',
    filename: 'src/Clock.tsx',
    code: `import { useEffect } from 'react';
import { readFileSync } from 'node:fs';
export function Clock() {
  useEffect(() => {
    const id = setInterval(() => readFileSync('tick'), 1000);
    return () => clearInterval(id);
  }, []);
  return <span>tick</span>;
}`,
  },
];

describe('serving roots: jobs and schedules', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
