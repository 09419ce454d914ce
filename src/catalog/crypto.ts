import type { EntrySpec, ModuleSpec } from './types.js';

// CPU-heavy crypto. The sync forms run on the event loop; their callback twins run the same work on
// libuv's thread pool (UV_THREADPOOL_SIZE, default 4), and `promisify` of each resolves to exactly
// what the sync form returned (checked on Node 20: pbkdf2/scrypt -> Buffer, hkdf -> ArrayBuffer,
// generateKeyPair -> { publicKey, privateKey } through its custom promisify, generateKey ->
// KeyObject, generatePrime -> ArrayBuffer | bigint, checkPrime -> boolean, randomFill -> the buffer).

/** `fooSync(…)` -> `await promisify(crypto.foo)(…)`. */
const promisified = (sync: string, name: string, when?: EntrySpec['when']): EntrySpec => ({
  path: sync,
  twin: { module: 'node:crypto', name, member: [name], promisify: true, label: `promisify(crypto.${name})` },
  ...(when ? { when } : {}),
});

/**
 * Sizes up to 64 KiB count as cheap: the CSPRNG fills 64 KiB in about 0.1–0.25 ms (Node 20), and
 * 65,536 bytes is the limit the web platform gives its synchronous `crypto.getRandomValues`.
 */
export const SMALL_RANDOM_SIZE = 65_536;

export const nodeCrypto: ModuleSpec = {
  module: 'crypto',
  family: 'crypto',
  builtin: true,
  entries: [
    promisified('pbkdf2Sync', 'pbkdf2'),
    promisified('scryptSync', 'scrypt'),
    promisified('generateKeyPairSync', 'generateKeyPair'),
    promisified('generateKeySync', 'generateKey'),
    promisified('generatePrimeSync', 'generatePrime'),
    promisified('checkPrimeSync', 'checkPrime'),
    promisified('hkdfSync', 'hkdf'),
    // Without a callback `randomBytes(size)` fills the buffer on the event loop; small constant
    // sizes (tokens, IVs, salts) take microseconds and are not reported.
    promisified('randomBytes', 'randomBytes', { withoutCallback: true, argumentNotSmall: { index: 0, max: SMALL_RANDOM_SIZE } }),
    promisified('randomFillSync', 'randomFill', { argumentNotSmall: { index: 0, max: SMALL_RANDOM_SIZE } }),
    // Not listed: `randomInt` (a few bytes from a cached pool), `randomUUID`, `getRandomValues`
    // (capped at 64 KiB), `hash`/`createHash` (streaming, fast per chunk), and `randomFill`/`scrypt`
    // without a callback, which throw instead of running synchronously.
  ],
};

/** `fooSync(…)` -> `await pkg.foo(…)`: the package's own promise API, same arguments and result. */
const promiseApi = (module: string, sync: string, name: string): EntrySpec => ({
  path: sync,
  twin: { module, name, member: [name], label: `${module}.${name}` },
});

// bcrypt (native; >= 2 returns a promise without a callback) and bcryptjs (pure JS; >= 2.4 likewise):
// `hash`/`compare`/`genSalt` take the same leading arguments as the sync forms.
const bcryptEntries = (module: string): readonly EntrySpec[] => [
  promiseApi(module, 'hashSync', 'hash'),
  promiseApi(module, 'compareSync', 'compare'),
  promiseApi(module, 'genSaltSync', 'genSalt'),
];

const BCRYPT_NODEJS_ADVICE =
  'Switch to `bcryptjs` (same hashes) or `bcrypt` and await `hash`/`compare`/`genSalt`, which return promises; bcrypt-nodejs has no promise API.';

const CRYPTO_JS_ADVICE =
  'Use `promisify(crypto.pbkdf2)` from `node:crypto` (same algorithm, on the thread pool) and convert its Buffer where a WordArray was used; crypto-js derives the key in pure JavaScript on the event loop.';
const FORGE_ADVICE = 'Pass a callback (forge then works asynchronously), or use `promisify(crypto.generateKeyPair)` / `promisify(crypto.pbkdf2)` from `node:crypto`.';

export const cryptoPackages: readonly ModuleSpec[] = [
  { module: 'bcrypt', family: 'crypto', builtin: false, entries: bcryptEntries('bcrypt') },
  { module: 'bcryptjs', family: 'crypto', builtin: false, entries: bcryptEntries('bcryptjs') },
  {
    // bcrypt-nodejs (pure JS, unmaintained, still in older apps): its callback API has no promise
    // form and `hash(data, salt, progress, callback)` takes a progress callback before the result,
    // so there is no plain rewrite; the advice names the maintained drop-in packages.
    module: 'bcrypt-nodejs',
    family: 'crypto',
    builtin: false,
    // Its callback `hash`/`compare` only defer the same sync hash to `process.nextTick` (measured:
    // `hash` at cost 12 blocked the loop 1.0 s, `compare` 2.0 s). `genSalt` only draws random bytes.
    entries: ['hashSync', 'compareSync', 'genSaltSync', 'hash', 'compare'].map((path) => ({ path, twin: null, advice: BCRYPT_NODEJS_ADVICE })),
  },
  // crypto-js is pure JavaScript: `PBKDF2` with 10,000 iterations blocked the loop 474 ms (Node 20). Node's
  // `pbkdf2` computes the same key on the thread pool, but returns a Buffer, not a WordArray: advice only.
  { module: 'crypto-js', family: 'crypto', builtin: false, entries: [{ path: 'PBKDF2', twin: null, advice: CRYPTO_JS_ADVICE }] },
  { module: 'crypto-js/pbkdf2', family: 'crypto', builtin: false, entries: [{ path: [], api: 'crypto-js/pbkdf2', twin: null, advice: CRYPTO_JS_ADVICE }] },
  {
    // node-forge without a callback: 2048-bit `generateKeyPair` blocked 800 ms (18 ms at most with one),
    // `pbkdf2` 29 ms for 10,000 iterations (it calls Node's sync pbkdf2); with a callback both run asynchronously.
    module: 'node-forge',
    family: 'crypto',
    builtin: false,
    entries: [
      { path: 'pki.rsa.generateKeyPair', twin: null, advice: FORGE_ADVICE, when: { withoutCallback: true } },
      { path: 'pkcs5.pbkdf2', twin: null, advice: FORGE_ADVICE, when: { withoutCallback: true } },
    ],
  },
  {
    // napi-rs bindings: every `*Sync` has a promise twin with the same arguments (`compare*` are aliases of `verify*`).
    module: '@node-rs/bcrypt',
    family: 'crypto',
    builtin: false,
    entries: [...bcryptEntries('@node-rs/bcrypt'), promiseApi('@node-rs/bcrypt', 'verifySync', 'verify')],
  },
  {
    module: '@node-rs/argon2',
    family: 'crypto',
    builtin: false,
    entries: [
      promiseApi('@node-rs/argon2', 'hashSync', 'hash'),
      promiseApi('@node-rs/argon2', 'hashRawSync', 'hashRaw'),
      promiseApi('@node-rs/argon2', 'verifySync', 'verify'),
    ],
  },
];
