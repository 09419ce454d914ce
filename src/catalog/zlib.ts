import type { EntrySpec, ModuleSpec } from './types.js';

// Every one-shot `*Sync` of `node:zlib` has a callback twin that runs on libuv's thread pool and
// calls back with the same Buffer, so `await promisify(zlib.gzip)(buf, opts)` keeps the result.
// zstd (`zstdCompress*`, `zstdDecompress*`) exists from Node 22.15 / 23.8 on, both forms together.
// Not listed: `crc32` (a checksum, fast) and the streaming `create*` classes (already async).

/** `fooSync(…)` -> `await promisify(zlib.foo)(…)`. */
const promisified = (name: string): EntrySpec => ({
  path: `${name}Sync`,
  twin: { module: 'node:zlib', name, member: [name], promisify: true, label: `promisify(zlib.${name})` },
});

export const nodeZlib: ModuleSpec = {
  module: 'zlib',
  family: 'zlib',
  builtin: true,
  entries: [
    'gzip',
    'gunzip',
    'deflate',
    'inflate',
    'deflateRaw',
    'inflateRaw',
    'unzip',
    'brotliCompress',
    'brotliDecompress',
    'zstdCompress',
    'zstdDecompress',
  ].map(promisified),
};

// --- archives: packages that (de)compress and read or write the files synchronously ---

const ADM_ZIP_ADVICE = 'Read the archive with `fs.promises.readFile` and unpack it in a worker pool (see docs/worker-pool.md), or use a streaming unzipper (yauzl, unzipper).';
/** `zip.writeZip(p)` -> `await zip.writeZipPromise(p)` (adm-zip >= 0.5: same arguments, a promise of the same result). */
const admZipMethod = (method: string, name: string, arity: number): EntrySpec => ({
  path: ['new()', method],
  api: `adm-zip AdmZip#${method}`,
  twin: null,
  rewrite: { rewrite: { kind: 'method', name, arity }, label: `zip.${name}` },
  advice: `Use \`await zip.${name}(…)\` (adm-zip >= 0.5), or unpack in a worker pool.`,
});
const admZipAdvice = (method: string, text = ADM_ZIP_ADVICE, when?: EntrySpec['when']): EntrySpec => ({ path: ['new()', method], api: `adm-zip AdmZip#${method}`, twin: null, advice: text, ...(when ? { when } : {}) });

// adm-zip (checked on 0.6.1): `new AdmZip(file)` reads the whole archive with `readFileSync` and parses
// its directory (a buffer argument is parsed too); `AdmZip(file)` without `new` is the same. `new
// AdmZip()` makes an empty archive and blocks nothing. `extractAllTo` inflated and wrote 300 entries
// in one 54 ms stretch; `extractAllToAsync` (a promise without a callback) left gaps of at most 9 ms.
export const admZip: ModuleSpec = {
  module: 'adm-zip',
  family: 'zlib',
  builtin: false,
  entries: [
    { path: [], api: 'new AdmZip(file)', construct: true, twin: null, advice: ADM_ZIP_ADVICE, when: { minArguments: 1, perCall: true } },
    { path: [], api: 'AdmZip(file)', twin: null, advice: ADM_ZIP_ADVICE, when: { minArguments: 1, perCall: true } },
    admZipMethod('extractAllTo', 'extractAllToAsync', 3),
    admZipMethod('writeZip', 'writeZipPromise', 1),
    admZipMethod('addLocalFolder', 'addLocalFolderPromise', 1),
    // With callbacks `toBuffer(onSuccess, onFail)` compresses asynchronously.
    { ...admZipMethod('toBuffer', 'toBufferPromise', 0), when: { withoutCallback: true } },
    admZipAdvice('extractEntryTo'),
    admZipAdvice('addLocalFile'),
    admZipAdvice('readFile', 'Use `zip.readFileAsync(entry, callback)`, or unpack in a worker pool; `readFile` inflates the entry synchronously.'),
    admZipAdvice('readAsText', 'Use `zip.readAsTextAsync(entry, callback)`, or unpack in a worker pool; `readAsText` inflates the entry synchronously.'),
  ],
  aliases: [{ path: ['()'], target: ['new()'] }],
};

// tar (node-tar): with `sync: true` every command reads, (de)compresses and writes synchronously;
// without it, a command given `file` returns a promise of the same outcome (checked on 7.5).
const tarRewrite = (command: string) => ({ rewrite: { kind: 'drop-option', option: 'sync', requires: ['file'] }, label: `tar.${command}({ file, … })` }) as const;
const TAR_ADVICE = 'Drop `sync: true` and await the promise tar returns when given `file` (or pipe the stream it returns without one).';
export const tar: ModuleSpec = {
  module: 'tar',
  family: 'zlib',
  builtin: false,
  entries: ['c', 'x', 't', 'r', 'u', 'create', 'extract', 'list', 'replace', 'update'].map(
    (path): EntrySpec => ({ path, twin: null, rewrite: tarRewrite(path), advice: TAR_ADVICE, when: { withOption: { name: 'sync', value: true } } }),
  ),
};

export const archiveSpecs: readonly ModuleSpec[] = [admZip, tar];
