import type { EntrySpec, ModuleSpec } from './types.js';

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

export const fsPackages: readonly ModuleSpec[] = [
  {
    module: 'glob',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('glob', 'globSync', 'glob'),
      versionDependent('sync', 'Use `await glob(pattern)` from glob >= 9 (or `fs.promises.glob`); glob 7 and 8 are callback-based.'),
    ],
  },
  // fast-glob's default export returns a promise in every 3.x release.
  { module: 'fast-glob', family: 'fs', builtin: false, entries: [sameModule('fast-glob', 'sync', 'glob', []), sameModule('fast-glob', 'globSync', 'glob', [])] },
  { module: 'globby', family: 'fs', builtin: false, entries: [sameModule('globby', 'globbySync', 'globby')] },
  {
    module: 'rimraf',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('rimraf', 'rimrafSync', 'rimraf'),
      versionDependent('sync', 'Use `await rimraf(path)` from rimraf >= 4, or `fs.promises.rm(path, { recursive: true, force: true })`.'),
    ],
  },
  {
    module: 'mkdirp',
    family: 'fs',
    builtin: false,
    entries: [
      sameModule('mkdirp', 'mkdirpSync', 'mkdirp'),
      versionDependent('sync', 'Use `await mkdirp(dir)` from mkdirp >= 1, or `fs.promises.mkdir(dir, { recursive: true })`.'),
    ],
  },
  // write-file-atomic's default export returns a promise without a callback (v3+); `.sync` blocks.
  { module: 'write-file-atomic', family: 'fs', builtin: false, entries: [{ ...sameModule('write-file-atomic', 'sync', 'default', []), twin: { module: 'write-file-atomic', name: 'default', member: [], label: 'writeFileAtomic' } }] },
  { module: 'jsonfile', family: 'fs', builtin: false, entries: [sameModule('jsonfile', 'readFileSync', 'readFile'), sameModule('jsonfile', 'writeFileSync', 'writeFile')] },
];
