import type { ClockSpec, EntrySpec, Family, ModuleSpec, RewriteSpec } from './types.js';

// Busy-wait sleeps: code that stops the thread for a while instead of scheduling a timer.
// Checked against the published packages: sleep 6.3 (`sleep`/`msleep`/`usleep`, a native addon),
// system-sleep 1.3 (default export, ms), sleep-sync 2.1 (default export, ms), atomic-sleep 1.0
// (default export, ms, `Atomics.wait` underneath), deasync 0.1 (`deasync.sleep(ms)`).

const SLEEP_LABEL = 'timers/promises.setTimeout';
const SLEEP_ADVICE = 'Use `await setTimeout(ms)` from `node:timers/promises`.';

const sleepIn = (unit: 's' | 'ms' | 'us'): RewriteSpec => ({ label: SLEEP_LABEL, rewrite: { kind: 'sleep', argument: 0, unit } });

const sleepEntry = (path: string | readonly string[], unit: 's' | 'ms' | 'us', api?: string): EntrySpec => ({
  path,
  ...(api ? { api } : {}),
  twin: null,
  advice: SLEEP_ADVICE,
  rewrite: sleepIn(unit),
});

export const sleepPackages: readonly ModuleSpec[] = [
  {
    module: 'sleep',
    family: 'busy-wait',
    builtin: false,
    entries: [sleepEntry('sleep', 's'), sleepEntry('msleep', 'ms'), sleepEntry('usleep', 'us')],
  },
  { module: 'system-sleep', family: 'busy-wait', builtin: false, entries: [sleepEntry([], 'ms', 'system-sleep')] },
  { module: 'sleep-sync', family: 'busy-wait', builtin: false, entries: [sleepEntry([], 'ms', 'sleep-sync')] },
  { module: 'atomic-sleep', family: 'busy-wait', builtin: false, entries: [sleepEntry([], 'ms', 'atomic-sleep')] },
  { module: 'deasync', family: 'busy-wait', builtin: false, entries: [sleepEntry('sleep', 'ms')] },
];

// `Atomics.wait` stops the calling thread; on the main thread it is a sleep (worker code, where it
// is the way to wait, is excluded by the serving context). `Atomics.waitAsync` takes the same
// arguments and its `.value` is the same result, as a promise or (when it need not wait) a string.
export const atomics: ModuleSpec = {
  module: 'Atomics',
  family: 'busy-wait',
  builtin: false,
  global: true,
  entries: [
    {
      path: 'wait',
      twin: { module: 'Atomics', name: 'waitAsync', member: ['waitAsync'], template: 'await $.value', label: 'Atomics.waitAsync', memberOnly: true },
    },
  ],
};

// `execSync('sleep 1')`: a sleep through a child process. Conditioned entries on the `child_process`
// trie nodes (see child-process.ts), tried first, so the call is reported by this family only.
const SLEEP_COMMAND = /^\s*(?:\S*\/)?sleep\s/;
const SLEEP_FILE = /^(?:\S*\/)?sleep$/;

export const childProcessSleep: ModuleSpec = {
  module: 'child_process',
  family: 'busy-wait',
  builtin: true,
  entries: [
    {
      path: 'execSync',
      api: 'child_process.execSync (sleep)',
      when: { argumentMatches: { index: 0, pattern: SLEEP_COMMAND } },
      twin: null,
      advice: SLEEP_ADVICE,
      rewrite: { label: SLEEP_LABEL, rewrite: { kind: 'sleep-command' } },
    },
    { path: 'execFileSync', api: 'child_process.execFileSync (sleep)', when: { argumentMatches: { index: 0, pattern: SLEEP_FILE } }, twin: null, advice: SLEEP_ADVICE },
    { path: 'spawnSync', api: 'child_process.spawnSync (sleep)', when: { argumentMatches: { index: 0, pattern: SLEEP_FILE } }, twin: null, advice: SLEEP_ADVICE },
  ],
};

export const busyWaitSpecs: readonly ModuleSpec[] = [...sleepPackages, atomics, childProcessSleep];

/**
 * Busy-wait loops: `while (Date.now() < end) {}`. Found syntactically (src/resolve/busy-wait-loops.ts)
 * from these clocks, read through their globals only (a shadowed `Date` is not the clock).
 */
export interface BusyWaitLoopSpec {
  readonly family: Family;
  readonly clocks: readonly ClockSpec[];
  readonly advice: string;
  readonly rewrite: RewriteSpec;
}

export const BUSY_WAIT_LOOPS: BusyWaitLoopSpec = {
  family: 'busy-wait',
  advice: SLEEP_ADVICE,
  rewrite: { label: SLEEP_LABEL, rewrite: { kind: 'sleep', argument: 0, unit: 'ms' } },
  clocks: [
    { global: 'Date', path: ['now'], unit: 'ms', api: 'Date.now()' },
    { global: 'Date', path: ['new()', 'getTime'], unit: 'ms', api: 'new Date().getTime()' },
    { global: 'Date', path: ['new()', 'valueOf'], unit: 'ms', api: 'new Date().valueOf()' },
    // A `new Date()` used as a number: `+new Date()`, `new Date() - start`, `new Date() < end`.
    { global: 'Date', path: ['new()'], unit: 'ms', api: 'new Date()' },
    { global: 'performance', path: ['now'], unit: 'ms', api: 'performance.now()' },
    { global: 'process', path: ['hrtime', 'bigint'], unit: 'ns-bigint', api: 'process.hrtime.bigint()' },
    { global: 'process', path: ['hrtime'], unit: 'hrtime', api: 'process.hrtime()' },
  ],
};
