import { listenerMethods, registrarMethods } from './helpers.js';
import type { FrameworkSpec } from './types.js';

/**
 * BullMQ: `new Worker(name, processor)` with an inline processor (a processor given as a file path
 * or URL runs sandboxed, in a child process or worker thread: nothing to register); worker and
 * `QueueEvents` listeners (`'ready'` is start-up). A function with a `SandboxedJob` parameter is a
 * sandboxed processor: never serving.
 */
export const bullmq: FrameworkSpec = {
  framework: 'bullmq',
  name: 'BullMQ',
  label: 'BullMQ job processor',
  modules: ['bullmq', 'bullmq-pro', '@taskforcesh/bullmq-pro'],
  exports: {
    members: {
      Worker: { constructRegisters: { select: ['1'] }, constructs: 'emitter' },
      WorkerPro: { constructRegisters: { select: ['1'] }, constructs: 'emitter' },
      QueueEvents: { constructs: 'emitter' },
      Queue: { constructs: 'emitter' },
      FlowProducer: { constructs: 'emitter' },
    },
  },
  types: {
    emitter: { members: listenerMethods({ label: 'BullMQ event listener', startup: ['ready'] }) },
  },
  // `(job: Job) => …`: a processor registered in another file (`new Worker(name, processor)`).
  typeNames: { handlers: ['Processor'], firstParameters: ['Job'], sandboxed: ['SandboxedJob'] },
};

/** Bull (`new Queue(name)`, `Queue(name)`) and bee-queue (`new Queue(name)`): `process(fn)` in every form; queue events. */
const queueLibrary = (framework: string, name: string, modules: string[]): FrameworkSpec => ({
  framework,
  name,
  label: `${name} job processor`,
  modules,
  exports: { constructs: 'queue', returns: 'queue', members: { Queue: { constructs: 'queue' } } },
  types: {
    queue: {
      members: {
        // `process('path/to/processor.js')` runs sandboxed: only function arguments register.
        process: { registers: {} },
        ...listenerMethods({ label: `${name} queue event listener`, startup: ['ready'] }),
      },
    },
  },
});

export const bull: FrameworkSpec = queueLibrary('bull', 'Bull', ['bull']);
export const beeQueue: FrameworkSpec = queueLibrary('bee-queue', 'Bee-Queue', ['bee-queue']);

/** Agenda (`new Agenda()`, also `@hokify/agenda`): `define(name, [options], fn)` jobs; events but `ready`. */
export const agenda: FrameworkSpec = {
  framework: 'agenda',
  name: 'Agenda',
  label: 'Agenda job',
  modules: ['agenda', '@hokify/agenda'],
  exports: { constructs: 'agenda', members: { Agenda: { constructs: 'agenda' } } },
  types: {
    agenda: {
      members: {
        define: { registers: {} },
        ...listenerMethods({ label: 'Agenda event listener', startup: ['ready'] }),
      },
    },
  },
};

/** pg-boss (`new PgBoss(url)`): `work(name, [options], handler)`, `subscribe`/`onComplete` (older versions), events. */
export const pgBoss: FrameworkSpec = {
  framework: 'pg-boss',
  name: 'pg-boss',
  label: 'pg-boss job handler',
  modules: ['pg-boss'],
  exports: { constructs: 'boss', members: { PgBoss: { constructs: 'boss' } } },
  types: {
    boss: {
      members: {
        ...registrarMethods(['work', 'subscribe', 'onComplete', 'teamWork', 'fetchCompleted'], undefined),
        ...listenerMethods({ label: 'pg-boss event listener' }),
      },
    },
  },
};

/** node-cron: `cron.schedule(expression, fn)` (also named `schedule`, `createTask`). */
export const nodeCron: FrameworkSpec = {
  framework: 'node-cron',
  name: 'node-cron',
  label: 'node-cron task',
  modules: ['node-cron'],
  exports: { members: { schedule: { registers: {}, returns: 'task' }, createTask: { registers: {}, returns: 'task' } } },
  types: { task: { members: listenerMethods({ label: 'node-cron task event listener' }) } },
};

/** node-schedule: `scheduleJob([name,] rule, fn)`, `new Job([name,] fn)`, job events. */
export const nodeSchedule: FrameworkSpec = {
  framework: 'node-schedule',
  name: 'node-schedule',
  label: 'node-schedule job',
  modules: ['node-schedule'],
  exports: {
    members: {
      scheduleJob: { registers: {}, returns: 'job' },
      Job: { constructRegisters: {}, constructs: 'job' },
    },
  },
  types: { job: { members: listenerMethods({ label: 'node-schedule job event listener' }) } },
};

/** `cron`: `new CronJob(time, onTick, onComplete)`, `CronJob.from({ onTick, onComplete })`, v1's `cron.job(…)`. */
export const cron: FrameworkSpec = {
  framework: 'cron',
  name: 'cron',
  label: 'cron job',
  modules: ['cron'],
  exports: {
    members: {
      CronJob: { constructRegisters: { keys: ['onTick', 'onComplete'] }, members: { from: { registers: { keys: ['onTick', 'onComplete'] } } } },
      job: { registers: { keys: ['onTick', 'onComplete'] } },
    },
  },
};

/** croner: `Cron(pattern, [options], fn)` and `new Cron(…)` (named or default export); `options.catch`. */
export const croner: FrameworkSpec = {
  framework: 'croner',
  name: 'croner',
  label: 'croner job',
  modules: ['croner'],
  exports: {
    registers: { keys: ['catch'] },
    constructRegisters: { keys: ['catch'] },
    members: { Cron: { registers: { keys: ['catch'] }, constructRegisters: { keys: ['catch'] } } },
  },
};

/**
 * Timers: `setInterval(fn, ms)` callbacks run on every tick while the process serves. A one-shot
 * `setTimeout`/`setImmediate` callback inherits the context of the code that sets it (a timer set
 * in a handler serves; one set at start-up is start-up), except a `setTimeout` that re-arms the
 * function setting it (`function poll() { …; setTimeout(poll, 1000) }`): that function is a schedule.
 */
export const timers: FrameworkSpec = {
  framework: 'timers',
  name: 'timers',
  label: 'setInterval callback',
  modules: ['timers'],
  builtin: true,
  globals: {
    setInterval: { registers: { select: ['0'] } },
    setTimeout: { registers: { role: 'timer', label: 'recurring timer', select: ['0'] } },
  },
  exports: {
    members: {
      setInterval: { registers: { select: ['0'] } },
      setTimeout: { registers: { role: 'timer', label: 'recurring timer', select: ['0'] } },
    },
  },
};
