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
