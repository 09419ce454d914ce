import type { AsyncTwin, EntrySpec, ModuleSpec, RewriteSpec } from './types.js';

// Synchronous child processes: the event loop waits until the child exits.
//
// `execSync`/`execFileSync` map to `promisify(exec)`/`promisify(execFile)`, whose promise resolves
// `{ stdout, stderr }` (and rejects on a non-zero exit, as the sync call throws). The sync calls
// return a Buffer unless an `encoding` option is given, while the promisified ones resolve strings
// by default: the `child-output` rewrite only fires where the value keeps its type (see
// src/fixes/child-output.ts and docs/rules/no-sync-child-process.md).
//
// `spawnSync` returns `{ status, signal, stdout, stderr, output, pid, error }` and never throws on a
// failing child; no async API returns that, so it is reported with advice and no rewrite.
//
// `execSync('curl …')` and `execSync('sleep 1')` belong to other families (http.ts, busy-wait.ts):
// they are conditioned entries on the same trie nodes, tried before the ones below.

const SPAWN_ADVICE =
  'Use `spawn` from `node:child_process` and await its `close` event (`await once(child, \'close\')` from `node:events`), or `promisify(execFile)` when you only need the output.';

const outputTwin = (name: 'exec' | 'execFile'): AsyncTwin => ({
  module: 'node:child_process',
  name,
  member: [name],
  promisify: true,
  template: '(await $).stdout',
  label: `promisify(child_process.${name})`,
});

/** `execSync(cmd, o)` -> `(await promisify(exec)(cmd, o)).stdout` where the value keeps its type. */
export const EXEC_REWRITE: RewriteSpec = {
  label: 'promisify(child_process.exec)',
  rewrite: { kind: 'child-output', options: 'after-command', twin: outputTwin('exec') },
};

/** `execFileSync(file, args, o)` -> `(await promisify(execFile)(file, args, o)).stdout`, likewise. */
export const EXEC_FILE_REWRITE: RewriteSpec = {
  label: 'promisify(child_process.execFile)',
  rewrite: { kind: 'child-output', options: 'after-args', twin: outputTwin('execFile') },
};

const childProcessEntries: readonly EntrySpec[] = [
  { path: 'execSync', twin: outputTwin('exec'), rewrite: EXEC_REWRITE },
  { path: 'execFileSync', twin: outputTwin('execFile'), rewrite: EXEC_FILE_REWRITE },
  { path: 'spawnSync', twin: null, advice: SPAWN_ADVICE },
];

export const nodeChildProcess: ModuleSpec = { module: 'child_process', family: 'child-process', builtin: true, entries: childProcessEntries };

// execa: v5 (CommonJS) has `execa.sync`/`execa.commandSync`; v6–v9 export `execaSync`,
// `execaCommandSync` and the script interface `$`, whose `$.sync` (alias `$.s`, v8+) runs
// synchronously, also as a tagged template and after binding options (`$(opts).sync`). Each sync
// API returns the same result object its async twin resolves, so `await` keeps the value.
const execaTwin = (path: string, name: string, member: readonly string[] | null): EntrySpec => ({
  path,
  twin: { module: 'execa', name, member, label: name },
});

export const execa: ModuleSpec = {
  module: 'execa',
  family: 'child-process',
  builtin: false,
  entries: [
    execaTwin('execaSync', 'execa', ['execa']),
    execaTwin('execaCommandSync', 'execaCommand', ['execaCommand']),
    // `$.sync` and `$.s` are members of `$`: the twin is `$` itself, reached through its binding.
    { path: '$.sync', twin: { module: 'execa', name: '$', member: null, label: '$' } },
    { path: '$.s', twin: { module: 'execa', name: '$', member: null, label: '$' } },
    { path: '$.().sync', api: 'execa.$(options).sync', twin: null, advice: 'Use the bound `$(options)` itself and await it.' },
    // execa 5: the default export is `execa`; `execa.sync` -> `await execa(...)`.
    { path: 'sync', twin: { module: 'execa', name: 'execa', member: [], label: 'execa', memberOnly: true } },
    { path: 'commandSync', twin: { module: 'execa', name: 'command', member: ['command'], label: 'execa.command', memberOnly: true } },
  ],
};

// cross-spawn: the default export is `spawn`, `spawn.sync` is a `spawnSync` with the same result.
export const crossSpawn: ModuleSpec = {
  module: 'cross-spawn',
  family: 'child-process',
  builtin: false,
  entries: [
    { path: 'sync', twin: null, advice: 'Use the async `spawn` of cross-spawn and await its `close` event (`await once(child, \'close\')` from `node:events`).' },
    { path: 'spawn.sync', twin: null, advice: 'Use the async `spawn` of cross-spawn and await its `close` event (`await once(child, \'close\')` from `node:events`).' },
  ],
};

// command-exists: `.sync(cmd)` spawns `which`/`where` synchronously. The default export returns a
// promise (without a callback) that resolves when the command exists and rejects otherwise.
export const commandExists: ModuleSpec = {
  module: 'command-exists',
  family: 'child-process',
  builtin: false,
  entries: [
    {
      path: 'sync',
      twin: { module: 'command-exists', name: 'default', member: [], template: 'await $.then(() => true, () => false)', label: 'commandExists' },
    },
  ],
};

// shelljs: "All commands run synchronously, unless otherwise stated" (its README). The whole
// library is in this family (decision: it is a shell emulation, and the design lists it under child
// processes), including the commands that only touch the file system, so one rule and one `allow`
// list cover it. `exec` is async with a callback or `{ async: true }`. `cd`, `pwd`, `pushd`/`popd`/
// `dirs`, `echo`, `set`, `error`, `errorCode` only change or print process state and are not listed;
// `ShellString#to`/`toEnd` write files, so they are listed on the results of the commands.
const fsAdvice = (replacement: string): string => `Use ${replacement} and await it; shelljs has no async variant.`;

const SHELL_COMMANDS: readonly (readonly [string, string])[] = [
  ['cat', fsAdvice('`fs.promises.readFile`')],
  ['chmod', fsAdvice('`fs.promises.chmod`')],
  ['cmd', 'Use `promisify(execFile)` from `node:child_process` and await it.'],
  ['cp', fsAdvice('`fs.promises.cp`')],
  ['find', fsAdvice('`fs.promises.readdir(dir, { recursive: true })`')],
  ['grep', fsAdvice('`fs.promises.readFile`')],
  ['head', fsAdvice('`fs.promises.readFile`')],
  ['ln', fsAdvice('`fs.promises.symlink` (or `link`)')],
  ['ls', fsAdvice('`fs.promises.readdir`')],
  ['mkdir', fsAdvice('`fs.promises.mkdir`')],
  ['mv', fsAdvice('`fs.promises.rename`')],
  ['rm', fsAdvice('`fs.promises.rm`')],
  ['sed', fsAdvice('`fs.promises.readFile` and `fs.promises.writeFile`')],
  ['sort', fsAdvice('`fs.promises.readFile`')],
  ['tail', fsAdvice('`fs.promises.readFile`')],
  ['tempdir', 'Use `os.tmpdir()`; shelljs `tempdir` probes the disk synchronously.'],
  ['test', fsAdvice('`fs.promises.stat` (or `access`)')],
  ['touch', fsAdvice('`fs.promises.utimes` (or `open` with `a`)')],
  ['uniq', fsAdvice('`fs.promises.readFile`')],
  ['which', 'Look the command up once at start-up; `which` stats every `PATH` entry synchronously.'],
];

/** Commands whose result (a ShellString) is often redirected to a file with `.to()`/`.toEnd()`. */
const REDIRECTED = ['cat', 'echo', 'exec', 'grep', 'head', 'ls', 'find', 'sed', 'sort', 'tail', 'uniq'];

const REDIRECT_ADVICE = 'Use `fs.promises.writeFile` (`appendFile` for `toEnd`) and await it.';

export const shelljs: ModuleSpec = {
  module: 'shelljs',
  family: 'child-process',
  builtin: false,
  entries: [
    {
      path: 'exec',
      when: { withoutCallback: true, withoutOption: { name: 'async' } },
      twin: null,
      advice: 'Pass `{ async: true }` with a callback, or use `promisify(exec)` from `node:child_process` and await it.',
    },
    ...SHELL_COMMANDS.map(([command, advice]): EntrySpec => ({ path: command, twin: null, advice })),
    ...REDIRECTED.flatMap((command): EntrySpec[] => [
      { path: [command, '()', 'to'], api: `shelljs.${command}(…).to`, twin: null, advice: REDIRECT_ADVICE },
      { path: [command, '()', 'toEnd'], api: `shelljs.${command}(…).toEnd`, twin: null, advice: REDIRECT_ADVICE },
    ]),
  ],
};

export const childProcessSpecs: readonly ModuleSpec[] = [nodeChildProcess, execa, crossSpawn, commandExists, shelljs];
