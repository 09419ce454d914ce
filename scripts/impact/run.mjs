// `npm run impact`: what blocking the event loop costs, measured on loopback.
//
// For each family (sync HTTP, execSync, readFileSync, busy-wait, pbkdf2Sync, gzipSync) an Express
// route written the blocking way (scripts/impact/routes/<family>.js) is fixed by applying the
// plugin's own first suggestion through ESLint's Linter API (scripts/impact/fix.mjs). Each version
// runs in its own child process and is loaded by autocannon on /work at a fixed concurrency while
// a probe requests the cheap /ping route every 50 ms (open loop). Rounds alternate the order
// (blocking then fixed, then fixed then blocking), and the latencies of every response of every
// round are pooled before taking percentiles. Writes docs/impact.md and docs/impact.svg.
//
// Options: --rounds <n> (3), --duration <seconds per run> (4), --connections <n> (10),
//          --delay <upstream ms> (100), --out <dir> (docs), --only <family,family>.
import { execSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Linter } from 'eslint';
import { applyFirstSuggestion } from './fix.mjs';
import { renderChart } from './chart.mjs';
import { lineDiff } from './diff.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const routesDir = join(root, 'scripts/impact/routes');

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '4' },
    connections: { type: 'string', default: '10' },
    delay: { type: 'string', default: '100' },
    out: { type: 'string', default: join(root, 'docs') },
    only: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const duration = Number(args.duration);
const connections = Number(args.connections);
const upstreamDelay = Number(args.delay);
for (const [name, value] of Object.entries({ rounds, duration, connections, delay: upstreamDelay })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
}

/** The families, in the order of the table. `file` is the route in scripts/impact/routes. */
const FAMILIES = [
  { id: 'http', file: 'http.js', label: 'sync HTTP (sync-fetch)', work: 'a call to a local API that answers after {delay} ms' },
  { id: 'child-process', file: 'child-process.js', label: 'execSync', work: "`execSync('uname -sr')`" },
  { id: 'fs', file: 'fs.js', label: 'readFileSync', work: 'reading an 8 MiB file' },
  { id: 'busy-wait', file: 'busy-wait.js', label: 'busy-wait sleep', work: 'waiting 20 ms' },
  { id: 'crypto', file: 'crypto.js', label: 'pbkdf2Sync', work: 'PBKDF2, 30,000 SHA-256 iterations' },
  { id: 'zlib', file: 'zlib.js', label: 'gzipSync', work: 'gzip of a 0.5 MB CSV' },
];
const families = args.only ? FAMILIES.filter((family) => args.only.split(',').includes(family.id)) : FAMILIES;
if (families.length === 0) throw new Error(`--only matched no family (families: ${FAMILIES.map((f) => f.id).join(', ')})`);

// ---------------------------------------------------------------------------------------------
// The plugin (built if dist is missing) and the fixed routes.

const pluginEntry = join(root, 'dist/src/index.js');
if (!existsSync(pluginEntry)) {
  console.log('dist/ is missing: running npm run build');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
const { default: plugin } = await import(pluginEntry);

// Servers are written under node_modules/.cache so that `express` and `sync-fetch` resolve.
const serversDir = join(root, 'node_modules/.cache/event-loop-impact');
rmSync(serversDir, { recursive: true, force: true });
mkdirSync(serversDir, { recursive: true });

/** Names `no-unused-vars` reports in a fixed route (imports the suggestion left behind). */
function unusedNames(source, filename) {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(source, [{ rules: { 'no-unused-vars': 'error' } }], { filename });
  return messages.map((message) => /'([^']+)'/.exec(message.message)?.[1] ?? message.message);
}

for (const family of families) {
  const blocking = readFileSync(join(routesDir, family.file), 'utf8');
  const result = applyFirstSuggestion(plugin, blocking, family.file);
  Object.assign(family, { blocking, ...result, unused: unusedNames(result.fixed, family.file) });
  family.paths = {
    blocking: join(serversDir, `${family.id}.blocking.mjs`),
    fixed: join(serversDir, `${family.id}.fixed.mjs`),
  };
  writeFileSync(family.paths.blocking, blocking);
  writeFileSync(family.paths.fixed, result.fixed);
  console.log(`${family.id}: ${result.ruleId} line ${result.line}; applied: ${result.suggestion}`);
}

// ---------------------------------------------------------------------------------------------
// Child processes.

/** Forks `file` with `env`, resolves with the child and the port it reports over IPC. */
function startServer(file, env) {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${relative(root, file)} did not start within 20 s`));
    }, 20_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({ child, port: message.port });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${relative(root, file)} exited before listening (${code ?? signal})`));
    });
  });
}

function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const tmp = mkdtempSync(join(os.tmpdir(), 'event-loop-impact-'));
const bigFile = join(tmp, 'large.bin');
writeFileSync(bigFile, randomBytes(8 * 1024 * 1024));

const upstream = await startServer(join(root, 'scripts/impact/upstream.mjs'), { IMPACT_DELAY_MS: String(upstreamDelay) });
const serverEnv = { IMPACT_UPSTREAM: `http://127.0.0.1:${upstream.port}`, IMPACT_FILE: bigFile };

// ---------------------------------------------------------------------------------------------
// Load.

/** One autocannon run; resolves with the latency (ms) of every response and the counts. */
function load(url, options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let non2xx = 0;
    const instance = autocannon({ url, ...options }, (error, result) => {
      if (error) reject(error);
      else resolve({ latencies, non2xx, errors: result.errors, timeouts: result.timeouts });
    });
    instance.on('response', (client, statusCode, bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx += 1;
    });
  });
}

async function get(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await response.text();
}

/**
 * Sends GET /ping every `PING_INTERVAL_MS` (an open loop: a slow answer does not delay the next
 * request) until `stop()`, then waits for every ping still in flight (up to `PING_DRAIN_MS`).
 * A ping answered late is the point: it measures how long a cheap request waits.
 */
const PING_INTERVAL_MS = 50;
const PING_DRAIN_MS = 20_000;
function probe(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies = [];
  const pending = new Set();
  let failed = 0;
  const send = () => {
    const started = process.hrtime.bigint();
    const request = new Promise((resolve) => {
      const req = http.get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          else failed += 1;
          resolve();
        });
      });
      req.setTimeout(PING_DRAIN_MS + duration * 1000, () => req.destroy(new Error('ping timed out')));
      req.on('error', () => {
        failed += 1;
        resolve();
      });
    });
    pending.add(request);
    request.then(() => pending.delete(request));
  };
  send();
  const timer = setInterval(send, PING_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      const drained = Promise.all([...pending]).then(() => true);
      const limit = new Promise((resolve) => setTimeout(resolve, PING_DRAIN_MS, false)).then(() => false);
      const all = await Promise.race([drained, limit]);
      const unanswered = all ? 0 : pending.size;
      agent.destroy();
      return { latencies, failed: failed + unanswered };
    },
  };
}

/** Runs one version of one family: /work under load and /ping alongside, for `duration` s. */
async function measure(file) {
  const { child, port } = await startServer(file, serverEnv);
  try {
    const base = `http://127.0.0.1:${port}`;
    // Warm-up: a few requests so both versions start with compiled code and open sockets; the
    // fastest /work of them is the time of one request with nothing else running.
    let alone = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      await get(`${base}/work`);
      alone = Math.min(alone, Number(process.hrtime.bigint() - started) / 1e6);
      await get(`${base}/ping`);
    }
    const started = process.hrtime.bigint();
    const pinger = probe(`${base}/ping`);
    const work = await load(`${base}/work`, { connections, duration, timeout: 60 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const ping = await pinger.stop();
    return { work, ping, seconds, alone };
  } finally {
    await stopServer(child);
  }
}

const samples = new Map(); // `${family}:${version}` -> pooled runs
function pool(key, run) {
  const entry = samples.get(key) ?? { work: [], ping: [], seconds: 0, errors: 0, alone: Infinity };
  entry.alone = Math.min(entry.alone, run.alone);
  entry.work.push(...run.work.latencies);
  entry.ping.push(...run.ping.latencies);
  entry.seconds += run.seconds;
  entry.errors += run.work.non2xx + run.work.errors + run.work.timeouts + run.ping.failed;
  samples.set(key, entry);
}

const benchStarted = Date.now();
try {
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? ['blocking', 'fixed'] : ['fixed', 'blocking'];
    for (const family of families) {
      for (const version of order) {
        const run = await measure(family.paths[version]);
        pool(`${family.id}:${version}`, run);
        console.log(
          `round ${round}/${rounds} ${family.id.padEnd(13)} ${version.padEnd(8)} ` +
            `${(run.work.latencies.length / run.seconds).toFixed(1).padStart(7)} req/s  ` +
            `/ping p99 ${percentile(run.ping.latencies, 99).toFixed(1)} ms` +
            (run.work.non2xx + run.work.errors + run.work.timeouts + run.ping.failed > 0
              ? `  (/work: ${run.work.non2xx} non-2xx, ${run.work.errors} errors, ${run.work.timeouts} timeouts; /ping: ${run.ping.failed} failed)`
              : ''),
        );
      }
    }
  }
} finally {
  await stopServer(upstream.child);
  rmSync(tmp, { recursive: true, force: true });
}
const benchSeconds = (Date.now() - benchStarted) / 1000;

// ---------------------------------------------------------------------------------------------
// Report.

function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summarise(key) {
  const entry = samples.get(key);
  return {
    rps: entry.work.length / entry.seconds,
    alone: entry.alone,
    workCount: entry.work.length,
    workP50: percentile(entry.work, 50),
    workP99: percentile(entry.work, 99),
    pingCount: entry.ping.length,
    pingP50: percentile(entry.ping, 50),
    pingP99: percentile(entry.ping, 99),
    errors: entry.errors,
  };
}

const results = families.map((family) => ({
  family,
  blocking: summarise(`${family.id}:blocking`),
  fixed: summarise(`${family.id}:fixed`),
}));

const cpus = os.cpus();
const machine = {
  cores: cpus.length,
  model: cpus[0]?.model?.trim() ?? 'unknown',
  node: process.version,
  platform: `${os.type()} ${os.release()} (${os.arch()})`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  threadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  autocannon: JSON.parse(readFileSync(join(root, 'node_modules/autocannon/package.json'), 'utf8')).version,
  express: JSON.parse(readFileSync(join(root, 'node_modules/express/package.json'), 'utf8')).version,
  syncFetch: JSON.parse(readFileSync(join(root, 'node_modules/sync-fetch/package.json'), 'utf8')).version,
};

const ms = (value) => (Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const rate = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a, b) => (b > 0 ? a / b : Number.NaN);
const times = (value) => (Number.isNaN(value) ? '–' : `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`);
const ratio2 = (value) => (Number.isNaN(value) ? '–' : value.toFixed(value >= 10 ? 0 : 2));
const workText = (family) => family.work.replace('{delay}', String(upstreamDelay));

const commandArgs = [];
if (rounds !== 3) commandArgs.push(`--rounds ${rounds}`);
if (duration !== 4) commandArgs.push(`--duration ${duration}`);
if (connections !== 10) commandArgs.push(`--connections ${connections}`);
if (upstreamDelay !== 100) commandArgs.push(`--delay ${upstreamDelay}`);
if (args.only) commandArgs.push(`--only ${args.only}`);
const command = `npm ci && npm run impact${commandArgs.length ? ` -- ${commandArgs.join(' ')}` : ''}`;

const lines = [];
lines.push('# The cost of blocking: measured');
lines.push('');
lines.push('<!-- Generated by `npm run impact` (scripts/impact/run.mjs). Do not edit: run it again. -->');
lines.push('');
lines.push(
  'Six Express routes written the blocking way, each next to the same route after applying the',
  "**plugin's own first suggestion** (through ESLint's `Linter` API and the built plugin; nothing",
  'hand-written). Each server runs in its own process on 127.0.0.1 and is loaded on `/work` while',
  'a probe asks the cheap `/ping` route (it only answers `pong`) every 50 ms: `/ping` shows how long',
  'everyone else waits while one route blocks.',
);
lines.push('');
lines.push('![/work requests per second and /ping p99 latency, blocking vs fixed, per family](impact.svg)');
lines.push('');
lines.push('| family | work per request | version | /work alone ms | /work req/s | /work p50 ms | /work p99 ms | /work n | /ping p50 ms | /ping p99 ms | /ping n | errors |');
lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { family, blocking, fixed } of results) {
  for (const [version, r] of [['blocking', blocking], ['fixed', fixed]]) {
    const head = version === 'blocking' ? `${family.label} (\`${family.ruleId.replace('event-loop/', '')}\`)` : '';
    const work = version === 'blocking' ? workText(family) : '';
    lines.push(
      `| ${head} | ${work} | ${version} | ${ms(r.alone)} | ${rate(r.rps)} | ${ms(r.workP50)} | ${ms(r.workP99)} | ${r.workCount} | ${ms(r.pingP50)} | ${ms(r.pingP99)} | ${r.pingCount} | ${r.errors} |`,
    );
  }
}
lines.push('');
lines.push('In short (fixed vs blocking):');
lines.push('');
for (const { family, blocking, fixed } of results) {
  const rps = ratio(fixed.rps, blocking.rps);
  const ping = ratio(blocking.pingP99, fixed.pingP99);
  const pingText = ping >= 1 ? `${times(ping)} lower` : `${times(1 / ping)} higher`;
  lines.push(
    `- **${family.label}**: /work ${rate(blocking.rps)} → ${rate(fixed.rps)} req/s (×${ratio2(rps)}); ` +
      `/ping p99 ${ms(blocking.pingP99)} → ${ms(fixed.pingP99)} ms (${pingText}).`,
  );
}
lines.push('');
lines.push('## How it was measured');
lines.push('');
lines.push('```sh');
lines.push(command);
lines.push('```');
lines.push('');
lines.push('(`npm run impact` builds the plugin first when `dist/` is missing.)');
lines.push('');
lines.push(
  `- Machine: ${machine.cores} cores (\`os.cpus()\`: ${machine.model}), ${machine.memory}, ${machine.platform}; Node.js ${machine.node};`,
  `  libuv thread pool ${machine.threadpool}; Express ${machine.express}, autocannon ${machine.autocannon}, sync-fetch ${machine.syncFetch}.`,
  `- Load: autocannon with ${connections} connections on \`/work\` (a closed loop: each connection sends its next`,
  `  request when the previous one is answered) for ${duration} s per run, ${rounds} rounds; odd rounds run blocking`,
  '  then fixed, even rounds fixed then blocking. At the same time a probe sends `GET /ping` every',
  `  ${PING_INTERVAL_MS} ms whatever happens (an open loop), and after the load stops waits for the pings still in flight.`,
  '- Every response of every round is pooled before taking percentiles ("n" columns: how many);',
  '  req/s is 2xx `/work` responses divided by the measured time. Each run starts a fresh server',
  '  process and warms it with 3 requests per route. `/work` requests still in flight when a run ends',
  '  are not counted, so when a blocking request takes longer than the run (few `/work` responses),',
  '  its `/work` latencies are cut short: the real ones are longer.',
  '- "errors": `/work` responses other than 2xx, connection errors and timeouts (60 s), and pings that',
  `  failed or were still unanswered ${PING_DRAIN_MS / 1000} s after the load stopped. They are not in the percentiles,`,
  '  so where there are errors the real p99 is higher still.',
  `- The upstream API (scripts/impact/upstream.mjs) answers after ${upstreamDelay} ms without blocking. The benchmark,`,
  '  the servers and the upstream share the same cores; absolute numbers vary between machines and runs,',
  '  the gap between the two versions is the point.',
  `- Whole run: ${Math.round(benchSeconds)} s.`,
);
lines.push('');
lines.push('## The routes and the suggestion applied');
lines.push('');
lines.push(
  'Each blocking route is in `scripts/impact/routes/`. The fixed route is the output of the first',
  "suggestion the plugin offers (the editor quick fix), applied with `Linter.verify` + the suggestion's",
  'fix; the benchmark checks that the fixed file has no reports left. The diff of each:',
);
lines.push('');
for (const { family } of results) {
  lines.push(`### ${family.label}`);
  lines.push('');
  lines.push(`\`${family.ruleId}\`: ${family.message}`);
  lines.push('');
  lines.push(`Suggestion applied: ${family.suggestion}`);
  lines.push('');
  lines.push('```diff');
  lines.push(...lineDiff(family.blocking, family.fixed));
  lines.push('```');
  lines.push('');
}
lines.push('## Reading the numbers');
lines.push('');
lines.push(
  '- **/ping is the headline.** It does no work at all, yet while the blocking route is under load each',
  '  `/ping` waits for the blocking calls ahead of it: one slow route makes every route slow. In the',
  '  fixed version the loop is free between the steps of `/work`, so `/ping` is answered almost at once.',
  '  A probe that finds its kept-alive connections busy opens a new one, like real clients do; new',
  '  connections wait longest on a blocked loop.',
  '- **Waiting overlaps without limit** once it is async (the upstream API, the sleep): the loop only',
  '  sends and receives, so /work req/s grows with the concurrency.',
  "- **CPU work and file reads** (pbkdf2, gzip, readFile) run on libuv's thread pool once async: at most",
  `  \`UV_THREADPOOL_SIZE\` (default 4) at a time and no faster than the cores (${machine.cores} here) allow, so their`,
  '  req/s is bounded by the cores whichever way they run; what the fix buys is the other requests served',
  '  meanwhile. `fs.promises.readFile` reads a large file in 512 KiB chunks, one thread-pool trip each,',
  '  so its own throughput can even be lower than `readFileSync`: the /ping column is the point.',
  "- **Child processes**: `exec` still starts the process on the event-loop thread (libuv's `uv_spawn`",
  '  forks synchronously), and the shell and the command compete with the server for the cores. For a',
  '  command as short as `uname`, starting it is most of the cost, so the async version frees the loop',
  '  far less than for a long command (a build, `git clone`), which it frees for the whole run. A short',
  '  command run per request is better not run per request (cache its output, or use a Node API).',
  '- **sync-fetch** runs every request in a new Node.js process (`execFileSync`): each call costs a',
  "  process start on top of the API's delay (the \"alone\" column), all of it on the event loop.",
);
const leftovers = results.flatMap(({ family }) => family.unused.map((name) => `\`${name}\``));
if (leftovers.length > 0) {
  lines.push(
    `- Imports left unused by a suggestion (${leftovers.join(', ')} above) are for ESLint's \`no-unused-vars\``,
    '  to report; a suggestion changes only what it must.',
  );
}
lines.push('', 'Why this happens, and what does not fix it: [why.md](why.md).', '');

mkdirSync(args.out, { recursive: true });
writeFileSync(join(args.out, 'impact.md'), lines.join('\n'));
writeFileSync(join(args.out, 'impact.svg'), renderChart(results, { connections, pingInterval: PING_INTERVAL_MS, machine }));
console.log(`\nwrote ${relative(process.cwd(), join(args.out, 'impact.md')) || 'impact.md'} and impact.svg (${Math.round(benchSeconds)} s)`);
// Leave no generated servers behind.
for (const file of readdirSync(serversDir)) rmSync(join(serversDir, file));
