import type { EntrySpec, ModuleSpec, RewriteSpec } from './types.js';

// Every `*Sync` export of `node:fs` (Node 20–25), listed by hand rather than matched by /Sync$/.
// Path-based APIs map to `node:fs/promises`; fd-based ones keep a numeric fd, so they map to the
// callback API through `promisify` (fs/promises works on FileHandle objects instead).

/** `fooSync` -> `fs.promises.foo`, same result. */
const promises = (sync: string, name: string, template?: string): EntrySpec => ({
  path: sync,
  twin: { module: 'node:fs/promises', name, member: ['promises', name], label: `fs.promises.${name}`, ...(template ? { template } : {}) },
});

/** `fooSync(fd, …)` -> `promisify(fs.foo)(fd, …)`, optionally projecting the callback's result object. */
const callback = (sync: string, name: string, template?: string): EntrySpec => ({
  path: sync,
  twin: { module: 'node:fs', name, member: [name], promisify: true, label: `promisify(fs.${name})`, ...(template ? { template } : {}) },
});

const EXISTS_TEMPLATE = 'await $.then(() => true, () => false)';

const nodeFsEntries: readonly EntrySpec[] = [
  promises('accessSync', 'access'),
  promises('appendFileSync', 'appendFile'),
  promises('chmodSync', 'chmod'),
  promises('chownSync', 'chown'),
  callback('closeSync', 'close'),
  promises('copyFileSync', 'copyFile'),
  promises('cpSync', 'cp'),
  promises('existsSync', 'access', EXISTS_TEMPLATE),
  callback('fchmodSync', 'fchmod'),
  callback('fchownSync', 'fchown'),
  callback('fdatasyncSync', 'fdatasync'),
  callback('fstatSync', 'fstat'),
  callback('fsyncSync', 'fsync'),
  callback('ftruncateSync', 'ftruncate'),
  callback('futimesSync', 'futimes'),
  // fs.promises.glob is an async iterator; Array.fromAsync collects it into the array globSync returned.
  promises('globSync', 'glob', 'await Array.fromAsync($)'),
  promises('lchmodSync', 'lchmod'),
  promises('lchownSync', 'lchown'),
  promises('linkSync', 'link'),
  promises('lstatSync', 'lstat'),
  promises('lutimesSync', 'lutimes'),
  promises('mkdirSync', 'mkdir'),
  promises('mkdtempSync', 'mkdtemp'),
  promises('mkdtempDisposableSync', 'mkdtempDisposable'),
  callback('openSync', 'open'),
  promises('opendirSync', 'opendir'),
  callback('readSync', 'read', '(await $).bytesRead'),
  promises('readdirSync', 'readdir'),
  promises('readFileSync', 'readFile'),
  promises('readlinkSync', 'readlink'),
  callback('readvSync', 'readv', '(await $).bytesRead'),
  promises('realpathSync', 'realpath'),
  { ...promises('realpathSync.native', 'realpath'), path: ['realpathSync', 'native'] },
  promises('renameSync', 'rename'),
  promises('rmdirSync', 'rmdir'),
  promises('rmSync', 'rm'),
  promises('statfsSync', 'statfs'),
  promises('statSync', 'stat'),
  promises('symlinkSync', 'symlink'),
  promises('truncateSync', 'truncate'),
  promises('unlinkSync', 'unlink'),
  promises('utimesSync', 'utimes'),
  promises('writeFileSync', 'writeFile'),
  callback('writeSync', 'write', '(await $).bytesWritten'),
  callback('writevSync', 'writev', '(await $).bytesWritten'),
];

export const nodeFs: ModuleSpec = { module: 'fs', family: 'fs', builtin: true, entries: nodeFsEntries };

// graceful-fs is a drop-in `fs` (it copies `fs.promises` too), so the same entries and twins apply.
export const gracefulFs: ModuleSpec = { module: 'graceful-fs', family: 'fs', builtin: false, entries: nodeFsEntries };

// fs-extra re-exports every fs function and makes the callback ones return a promise when no
// callback is given, so `fse.readFileSync` -> `await fse.readFile`; its own `*Sync` helpers have
// promise twins with the same name minus `Sync`.
const fsExtraTwin = (sync: string, name: string, template?: string): EntrySpec => ({
  path: sync,
  twin: { module: 'fs-extra', name, member: [name], label: `fs-extra.${name}`, ...(template ? { template } : {}) },
});

const FS_EXTRA_OWN: readonly (readonly [string, string])[] = [
  ['copySync', 'copy'],
  ['createFileSync', 'createFile'],
  ['createLinkSync', 'createLink'],
  ['createSymlinkSync', 'createSymlink'],
  ['emptyDirSync', 'emptyDir'],
  ['emptydirSync', 'emptydir'],
  ['ensureDirSync', 'ensureDir'],
  ['ensureFileSync', 'ensureFile'],
  ['ensureLinkSync', 'ensureLink'],
  ['ensureSymlinkSync', 'ensureSymlink'],
  ['mkdirpSync', 'mkdirp'],
  ['mkdirsSync', 'mkdirs'],
  ['moveSync', 'move'],
  ['outputFileSync', 'outputFile'],
  ['outputJsonSync', 'outputJson'],
  ['outputJSONSync', 'outputJSON'],
  ['pathExistsSync', 'pathExists'],
  ['readJsonSync', 'readJson'],
  ['readJSONSync', 'readJSON'],
  ['removeSync', 'remove'],
  ['writeJsonSync', 'writeJson'],
  ['writeJSONSync', 'writeJSON'],
];

export const fsExtra: ModuleSpec = {
  module: 'fs-extra',
  family: 'fs',
  builtin: false,
  entries: [
    ...nodeFsEntries.map((entry): EntrySpec => {
      const sync = Array.isArray(entry.path) ? entry.path.join('.') : (entry.path as string);
      if (sync === 'existsSync') return fsExtraTwin(sync, 'pathExists');
      if (sync === 'globSync' || sync === 'mkdtempDisposableSync') return entry;
      if (sync === 'realpathSync.native') return { ...fsExtraTwin(sync, 'realpath'), path: ['realpathSync', 'native'] };
      const name = sync.slice(0, -'Sync'.length);
      const template = entry.twin?.template?.startsWith('(await $).') ? entry.twin.template : undefined;
      return fsExtraTwin(sync, name, template);
    }),
    ...FS_EXTRA_OWN.map(([sync, name]) => fsExtraTwin(sync, name)),
  ],
};

/** `module.sync`-style APIs of popular packages, which name-based linters miss. */
const sameModule = (module: string, path: string, name: string, member: readonly string[] = [name]): EntrySpec => ({
  path,
  twin: { module, name, member, label: member.length ? `${module}.${member.join('.')}` : module },
});

/** The `.sync` of packages whose async API changed shape across majors: report, but no rewrite. */
const versionDependent = (path: string, advice: string): EntrySpec => ({ path, twin: null, advice });

/** `sync(dir)` -> `await mkdir(dir, { recursive: true })`: the same for every major of mkdirp (both return the first directory made). */
const MKDIR_RECURSIVE: RewriteSpec = {
  rewrite: { kind: 'options', module: 'node:fs/promises', name: 'mkdir', arity: 1, options: '{ recursive: true }', resultUnused: false },
  label: 'fs.promises.mkdir(dir, { recursive: true })',
};
/**
 * `sync(path)` -> `await rm(path, { recursive: true, force: true })`: what every major of rimraf does
 * to one path without glob characters. Only as a statement: rimraf >= 4 returns a boolean, `rm` nothing.
 */
const RM_RECURSIVE: RewriteSpec = {
  rewrite: { kind: 'options', module: 'node:fs/promises', name: 'rm', arity: 1, options: '{ recursive: true, force: true }', resultUnused: true },
  label: 'fs.promises.rm(path, { recursive: true, force: true })',
};

/** An API whose rewrite is a fix builder (`MKDIR_RECURSIVE`), with `advice` for the calls it does not fit. */
const rewritten = (path: string, rewrite: RewriteSpec, advice: string): EntrySpec => ({ path, twin: null, rewrite, advice });

/** A sync API with no promise twin in the package: advice only. */
const adviceOnly = (path: string, advice: string): EntrySpec => ({ path, twin: null, advice });

const TMP_ADVICE = 'Use `tmp-promise` (`await file()` / `await dir()`) or `fs.promises.mkdtemp(path.join(os.tmpdir(), prefix))`; tmp has no promise API.';

// Chosen from data (see `PACKAGE_SOURCES` in sources.ts and docs/catalog.md): the sync APIs of the
// most-downloaded file-system helpers that servers call, each checked by running the package.
export const fsPackages: readonly ModuleSpec[] = [
  {
    module: 'glob',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('glob', 'globSync', 'glob'),
      versionDependent('sync', 'Use `await glob(pattern)` from glob >= 9 (or `fs.promises.glob`); glob 7 and 8 are callback-based.'),
    ],
    // `import { glob } from 'glob'` (>= 9) carries `glob.sync` too; in glob 7 `glob.glob` is `glob`.
    aliases: [{ path: ['glob'], target: [] }],
  },
  // fast-glob's default export returns a promise in every 3.x release.
  {
    module: 'fast-glob',
    family: 'fs',
    builtin: false,
    entries: [sameModule('fast-glob', 'sync', 'glob', []), sameModule('fast-glob', 'globSync', 'glob', [])],
    // `fg.glob` is `fg` itself (3.3).
    aliases: [{ path: ['glob'], target: [] }],
  },
  // tinyglobby: `glob(patterns, options)` returns a promise of the same array (checked on 0.2.17).
  { module: 'tinyglobby', family: 'fs', builtin: false, entries: [sameModule('tinyglobby', 'globSync', 'glob')] },
  // globby <= 11 (CommonJS) exported a promise-returning function with `.sync`; 12+ has `globbySync`.
  { module: 'globby', family: 'fs', builtin: false, entries: [sameModule('globby', 'globbySync', 'globby'), sameModule('globby', 'sync', 'default', [])] },
  {
    module: 'rimraf',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('rimraf', 'rimrafSync', 'rimraf'),
      // rimraf 3 is callback-based and rimraf >= 4 promise-based, so the rewrite is `fs.promises.rm`, right for both.
      rewritten('sync', RM_RECURSIVE, 'Use `await rimraf(path)` from rimraf >= 4, or `fs.promises.rm(path, { recursive: true, force: true })`.'),
      // rimraf >= 4: every strategy has a `*Sync` form and a promise form of the same name.
      ...['native', 'manual', 'windows', 'posix', 'moveRemove'].map((name) => sameModule('rimraf', `${name}Sync`, name)),
    ],
    // `import { rimraf } from 'rimraf'` (>= 4) is the default function with the same members (`rimraf.sync`).
    aliases: [{ path: ['rimraf'], target: [] }],
  },
  {
    module: 'mkdirp',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('mkdirp', 'mkdirpSync', 'mkdirp'),
      rewritten('sync', MKDIR_RECURSIVE, 'Use `await mkdirp(dir)` from mkdirp >= 1, or `fs.promises.mkdir(dir, { recursive: true })`.'),
      // mkdirp >= 2 (checked on 3.0.1).
      sameModule('mkdirp', 'mkdirpNativeSync', 'mkdirpNative'),
      sameModule('mkdirp', 'mkdirpManualSync', 'mkdirpManual'),
      sameModule('mkdirp', 'nativeSync', 'native'),
      sameModule('mkdirp', 'manualSync', 'manual'),
    ],
    // `import { mkdirp } from 'mkdirp'` (>= 2) carries `mkdirp.sync` and the other members too.
    aliases: [{ path: ['mkdirp'], target: [] }],
  },
  // make-dir >= 5 exports `makeDirectory`/`makeDirectorySync`; earlier majors a promise-returning default with `.sync`.
  { module: 'make-dir', family: 'fs', builtin: false, entries: [sameModule('make-dir', 'makeDirectorySync', 'makeDirectory'), sameModule('make-dir', 'sync', 'default', [])] },
  // del >= 7 exports `deleteAsync`/`deleteSync`; del 2–6 a promise-returning default with `.sync`.
  { module: 'del', family: 'fs', builtin: false, entries: [sameModule('del', 'deleteSync', 'deleteAsync'), sameModule('del', 'sync', 'default', [])] },
  // write-file-atomic's default export returns a promise without a callback (v3+); `.sync` blocks.
  { module: 'write-file-atomic', family: 'fs', builtin: false, entries: [{ ...sameModule('write-file-atomic', 'sync', 'default', []), twin: { module: 'write-file-atomic', name: 'default', member: [], label: 'writeFileAtomic' } }] },
  { module: 'jsonfile', family: 'fs', builtin: false, entries: [sameModule('jsonfile', 'readFileSync', 'readFile'), sameModule('jsonfile', 'writeFileSync', 'writeFile')] },
  // tmp: `fileSync`/`dirSync` create the file or directory, `tmpNameSync` probes names, all with sync fs calls.
  { module: 'tmp', family: 'fs', builtin: false, entries: ['fileSync', 'dirSync', 'tmpNameSync'].map((path) => adviceOnly(path, TMP_ADVICE)) },
  // which >= 2 returns a promise without a callback, which 1 needs one: no rewrite that fits both.
  { module: 'which', family: 'fs', builtin: false, entries: [versionDependent('sync', 'Look the command up once at start-up, or use `await which(cmd)` from which >= 2; `which.sync` stats every `PATH` entry synchronously.')] },
  {
    module: 'find-up',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('find-up', 'findUpSync', 'findUp'),
      sameModule('find-up', 'findUpMultipleSync', 'findUpMultiple'),
      sameModule('find-up', 'pathExistsSync', 'pathExists'),
      // find-up 2–5: a promise-returning default with `.sync`.
      sameModule('find-up', 'sync', 'default', []),
    ],
  },
  { module: 'path-exists', family: 'fs', builtin: false, entries: [sameModule('path-exists', 'pathExistsSync', 'pathExists'), sameModule('path-exists', 'sync', 'default', [])] },
  { module: 'load-json-file', family: 'fs', builtin: false, entries: [sameModule('load-json-file', 'loadJsonFileSync', 'loadJsonFile'), sameModule('load-json-file', 'sync', 'default', [])] },
  { module: 'write-json-file', family: 'fs', builtin: false, entries: [sameModule('write-json-file', 'writeJsonFileSync', 'writeJsonFile'), sameModule('write-json-file', 'sync', 'default', [])] },
  // proper-lockfile: `lock`/`unlock`/`check` return promises with the same arguments.
  { module: 'proper-lockfile', family: 'fs', builtin: false, entries: [sameModule('proper-lockfile', 'lockSync', 'lock'), sameModule('proper-lockfile', 'unlockSync', 'unlock'), sameModule('proper-lockfile', 'checkSync', 'check')] },
];
