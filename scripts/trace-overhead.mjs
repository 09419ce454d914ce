// What `event-loop-lint trace` costs a server: requests per second on the impact benchmark's
// routes (scripts/impact/routes, docs/impact.md), blocking and fixed, with and without the tracer.
//
// Each route's server runs in its own process, preloaded the way the trace command does it
// (NODE_OPTIONS=--import …/preload.js --enable-source-maps, records written to a temp dir) or
// not. Each round starts both and loads them at the same time (autocannon on /work, and on /ping,
// the cheapest route, where a per-request cost shows most), so load from other work on a shared
// machine hits both alike; the figures are medians of the per-round ratios. Besides requests/s, each server reports the CPU time its own
// process spent per request (process.cpuUsage, through a small preload in both variants): on a
// machine shared with other work, throughput swings with the neighbours, CPU per request much less.
// Prints a markdown table for docs/trace.md.
//
// Options: --rounds <n> (5), --duration <seconds per run> (2), --connections <n> (10), --only <family,…>,
//          --routes <open|async> (open: the trace command's default request tracking).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { applyFirstSuggestion } from './impact/fix.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    routes: { type: 'string', default: 'open' },
  },
});
const rounds = Number(args.rounds);
const duration = Number(args.duration);
const connections = Number(args.connections);

const preload = join(root, 'dist/src/trace/preload.js');
if (!existsSync(preload)) throw new Error('dist/ is missing: run npm run build first');
const { default: plugin } = await import(pathToFileURL(join(root, 'dist/src/index.js')).href);
const { buildPlan } = await import(pathToFileURL(join(root, 'dist/src/trace/plan.js')).href);
const { CATALOG } = await import(pathToFileURL(join(root, 'dist/src/catalog/index.js')).href);

const FAMILIES = ['http', 'child-process', 'fs', 'busy-wait', 'crypto', 'zlib'].filter((id) => !args.only || args.only.split(',').includes(id));

// The servers live under node_modules/.cache so that express and sync-fetch resolve.
const serversDir = join(root, 'node_modules/.cache/event-loop-trace-overhead');
rmSync(serversDir, { recursive: true, force: true });
mkdirSync(serversDir, { recursive: true });
const servers = [];
for (const id of FAMILIES) {
  const blocking = readFileSync(join(root, 'scripts/impact/routes', `${id}.js`), 'utf8');
  const { fixed } = applyFirstSuggestion(plugin, blocking, `${id}.js`);
  for (const [version, source] of [['blocking', blocking], ['fixed', fixed]]) {
    const file = join(serversDir, `${id}.${version}.mjs`);
    writeFileSync(file, source);
    servers.push({ id, version, file });
  }
}

// Answers the benchmark's 'cpu' message with this process's CPU time (plain and traced alike).
const cpuReporter = join(serversDir, 'cpu-reporter.mjs');
writeFileSync(cpuReporter, "process.on('message', (m) => { if (m === 'cpu') { const u = process.cpuUsage(); process.send({ cpuMs: (u.user + u.system) / 1000 }); } });\n");
const reporterOption = `--import=${JSON.stringify(pathToFileURL(cpuReporter).href)}`;

const tmp = mkdtempSync(join(os.tmpdir(), 'event-loop-trace-overhead-'));
const bigFile = join(tmp, 'large.bin');
// The plan the trace command hands its processes (src/trace/plan.ts).
const planFile = join(tmp, 'plan.json');
writeFileSync(planFile, JSON.stringify(buildPlan(CATALOG)));
writeFileSync(bigFile, randomBytes(8 * 1024 * 1024));

function start(file, env) {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
  });
}
const stop = (child) => new Promise((resolve) => {
  child.once('exit', resolve);
  child.kill('SIGTERM');
});

const upstream = await start(join(root, 'scripts/impact/upstream.mjs'), { IMPACT_DELAY_MS: '100' });
const baseEnv = { IMPACT_UPSTREAM: `http://127.0.0.1:${upstream.port}`, IMPACT_FILE: bigFile, NODE_OPTIONS: reporterOption };
const tracedEnv = (dir) => ({
  ...baseEnv,
  NODE_OPTIONS: `--import=${JSON.stringify(pathToFileURL(preload).href)} --enable-source-maps ${reporterOption}`,
  EVENT_LOOP_TRACE_DIR: dir,
  EVENT_LOOP_TRACE_PLAN: planFile,
  EVENT_LOOP_TRACE_ROUTES: args.routes,
  EVENT_LOOP_TRACE_ROOT: serversDir,
});

const cpuOf = (child) => new Promise((resolve) => {
  child.once('message', (message) => resolve(message.cpuMs));
  child.send('cpu');
});

/** A server started for a run, warmed up, with its CPU time read before the load. */
async function ready(server, path, traced, round) {
  const started = await start(server.file, traced ? tracedEnv(join(tmp, `records-${server.id}-${server.version}-${round}`)) : baseEnv);
  for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${started.port}${path}`).then((response) => response.arrayBuffer());
  return started;
}

/**
 * One round: the plain and the traced server side by side, loaded at the same time. Whatever else
 * the machine does then slows both alike, so their ratio holds where absolute figures swing.
 */
async function pairedRound(server, path, round) {
  const plain = await ready(server, path, false, round);
  const traced = await ready(server, path, true, round);
  try {
    const before = await Promise.all([cpuOf(plain.child), cpuOf(traced.child)]);
    const results = await Promise.all([plain, traced].map(({ port }) => autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration })));
    const after = await Promise.all([cpuOf(plain.child), cpuOf(traced.child)]);
    return [0, 1].map((i) => ({ rps: results[i].requests.total / duration, cpuPerRequest: (after[i] - before[i]) / Math.max(1, results[i].requests.total) }));
  } finally {
    await Promise.all([stop(plain.child), stop(traced.child)]);
  }
}

const rows = [];
const targets = [...servers.map((server) => ({ server, path: '/work' })), { server: servers.find((server) => server.version === 'fixed') ?? servers[0], path: '/ping' }];
for (const { server, path } of targets) {
  const plain = [];
  const traced = [];
  for (let round = 0; round < rounds; round++) {
    const [withoutTracer, withTracer] = await pairedRound(server, path, round);
    plain.push(withoutTracer);
    traced.push(withTracer);
  }
  // Medians of the per-round ratios: a burst of other work spoils one round, not the middle one.
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const row = {
    route: path === '/ping' ? '/ping (cheapest route)' : `${server.id} /work`,
    version: server.version,
    plain: median(plain.map((run) => run.rps)),
    traced: median(traced.map((run) => run.rps)),
    ratio: median(plain.map((run, i) => traced[i].rps / run.rps)),
    cpuPlain: median(plain.map((run) => run.cpuPerRequest)),
    cpuTraced: median(traced.map((run) => run.cpuPerRequest)),
    cpuRatio: median(plain.map((run, i) => traced[i].cpuPerRequest / run.cpuPerRequest)),
  };
  rows.push(row);
  console.error(`${row.route} ${row.version}: ${row.plain.toFixed(1)} -> ${row.traced.toFixed(1)} req/s (ratio ${row.ratio.toFixed(3)}); CPU ${row.cpuPlain.toFixed(3)} -> ${row.cpuTraced.toFixed(3)} ms/request (ratio ${row.cpuRatio.toFixed(3)})`);
}
await stop(upstream.child);
rmSync(tmp, { recursive: true, force: true });

const geometricMean = (ratio) => Math.exp(rows.reduce((sum, row) => sum + Math.log(ratio(row)), 0) / rows.length);
console.log(`Node.js ${process.version}, ${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)} at the end), ${connections} connections per server, ${rounds} paired rounds of ${duration} s (plain and traced servers loaded at the same time); --routes ${args.routes}; medians.\n`);
console.log('| route | version | req/s without | req/s with tracer | req/s change | CPU ms/request without | with tracer | CPU change |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
for (const row of rows) {
  console.log(`| ${row.route} | ${row.version} | ${row.plain.toFixed(1)} | ${row.traced.toFixed(1)} | ${percent(row.ratio - 1)} | ${row.cpuPlain.toFixed(3)} | ${row.cpuTraced.toFixed(3)} | ${percent(row.cpuRatio - 1)} |`);
}
console.log(`\nGeometric means of the per-route ratios, traced against plain: req/s ${percent(geometricMean((row) => row.ratio) - 1)}, CPU per request ${percent(geometricMean((row) => row.cpuRatio) - 1)}.`);
