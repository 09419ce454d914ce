import type { Family } from './types.js';

/**
 * Why each third-party package is in the catalog: the data behind the choice (issue 14), rendered
 * into docs/catalog.md. `monthlyDownloads` comes from a snapshot of the npm registry's download
 * counts (the registry's downloads API was not reachable from the build machine; the snapshot lists
 * downloads per month, about 4.3 times the weekly figure); `null`: not in the snapshot. `checked`
 * says how what blocks was established: by running the package (versions given) or, where its
 * native driver could not be installed, by reading where its async API calls the sync driver.
 */
export interface PackageSource {
  readonly package: string;
  readonly monthlyDownloads: number | null;
  readonly apis: string;
  readonly family: Family;
  readonly twin: string;
  readonly checked: string;
}

export const PACKAGE_SOURCES: readonly PackageSource[] = [
  // file system
  { package: 'glob', monthlyDownloads: 1_162_518_279, apis: '`globSync`, `sync`', family: 'fs', twin: '`glob()` (>= 9); advice for `sync`', checked: 'ran 14.0.6: `sync`/`globSync` return arrays, `glob()` a promise' },
  { package: 'which', monthlyDownloads: 841_389_252, apis: '`sync`', family: 'fs', twin: 'advice (`await which()` from 2)', checked: 'ran 7.0.0: `which()` returns a promise' },
  { package: 'find-up', monthlyDownloads: 810_633_717, apis: '`findUpSync`, `findUpMultipleSync`, `pathExistsSync`, `sync`', family: 'fs', twin: '`findUp`, …, the default export', checked: 'API of 8.0 and 5.x' },
  { package: 'path-exists', monthlyDownloads: 557_528_088, apis: '`pathExistsSync`, `sync`', family: 'fs', twin: '`pathExists`', checked: 'API of 5.0 and 4.x' },
  { package: 'rimraf', monthlyDownloads: 522_290_104, apis: '`rimrafSync`, `sync`, `nativeSync`, `manualSync`, `windowsSync`, `posixSync`, `moveRemoveSync`', family: 'fs', twin: '`rimraf()`, `native()`…; `sync` -> `fs.promises.rm(p, { recursive: true, force: true })`', checked: 'ran 6.1.4: `sync` returns `true`, `rimraf()` a promise' },
  { package: 'mkdirp', monthlyDownloads: 442_655_326, apis: '`sync`, `mkdirpSync`, `mkdirpNativeSync`, `mkdirpManualSync`, `nativeSync`, `manualSync`', family: 'fs', twin: '`sync` -> `fs.promises.mkdir(d, { recursive: true })`; `mkdirp()`…', checked: 'ran 3.0.1: `sync` and `fs.promises.mkdir` both return the first directory made, then `undefined`' },
  { package: 'make-dir', monthlyDownloads: 432_621_168, apis: '`makeDirectorySync`, `sync`', family: 'fs', twin: '`makeDirectory`, the default export', checked: 'ran 5.1.0 (exports `makeDirectory`, `makeDirectorySync`)' },
  { package: 'fast-glob', monthlyDownloads: 400_696_045, apis: '`sync`, `globSync`', family: 'fs', twin: 'the default export', checked: 'ran 3.3.3: `sync` returns an array, `fg()` a promise' },
  { package: 'jsonfile', monthlyDownloads: 373_914_832, apis: '`readFileSync`, `writeFileSync`', family: 'fs', twin: '`readFile`, `writeFile`', checked: 'already listed' },
  { package: 'write-file-atomic', monthlyDownloads: 332_032_189, apis: '`sync`', family: 'fs', twin: 'the default export', checked: 'ran 8.0.0: without a callback it returns a promise' },
  { package: 'globby', monthlyDownloads: 326_049_533, apis: '`globbySync`, `sync` (<= 11)', family: 'fs', twin: '`globby`', checked: 'API of 16 and 11' },
  { package: 'tinyglobby', monthlyDownloads: 274_038_016, apis: '`globSync`', family: 'fs', twin: '`glob`', checked: 'ran 0.2.17: `globSync` returns an array, `glob` a promise of it' },
  { package: 'tmp', monthlyDownloads: 241_816_219, apis: '`fileSync`, `dirSync`, `tmpNameSync`', family: 'fs', twin: 'advice (tmp-promise, `fs.promises.mkdtemp`)', checked: 'ran 0.2.7: `fileSync` returns `{ name, fd, removeCallback }`' },
  { package: 'load-json-file', monthlyDownloads: 93_681_125, apis: '`loadJsonFileSync`, `sync`', family: 'fs', twin: '`loadJsonFile`', checked: 'API of 7 and 6' },
  { package: 'del', monthlyDownloads: 58_047_053, apis: '`deleteSync`, `sync` (<= 6)', family: 'fs', twin: '`deleteAsync`, the default export', checked: 'ran 9.0.1: exports `deleteAsync`, `deleteSync`' },
  { package: 'proper-lockfile', monthlyDownloads: 37_745_396, apis: '`lockSync`, `unlockSync`, `checkSync`', family: 'fs', twin: '`lock`, `unlock`, `check`', checked: 'API of 4.1' },
  { package: 'write-json-file', monthlyDownloads: 11_542_048, apis: '`writeJsonFileSync`, `sync`', family: 'fs', twin: '`writeJsonFile`', checked: 'API of 7 and 4' },
  // compression and archives
  { package: 'tar', monthlyDownloads: 249_195_931, apis: '`c`/`x`/`t`/`r`/`u` (and long names) with `sync: true`', family: 'zlib', twin: 'the same call without `sync: true`, when it has `file`', checked: 'ran 7.5.23: with `file` and no `sync` it returns a promise' },
  { package: 'adm-zip', monthlyDownloads: 44_546_196, apis: '`new AdmZip(file)`, `extractAllTo`, `writeZip`, `toBuffer`, `addLocalFolder`, `extractEntryTo`, `addLocalFile`, `readFile`, `readAsText`', family: 'zlib', twin: '`extractAllToAsync`, `writeZipPromise`, `toBufferPromise`, `addLocalFolderPromise`', checked: 'ran 0.6.1: the constructor calls `readFileSync`; `extractAllTo` blocked 54 ms, `extractAllToAsync` 9 ms at most' },
  // CPU-heavy transforms
  { package: '@babel/core', monthlyDownloads: 548_883_976, apis: '`transformSync`, `transformFileSync`, `transformFromAstSync`, `parseSync`, `transform`/`transformFromAst`/`parse` without callback, and the `*Async` forms', family: 'transform', twin: 'advice (build time, worker pool)', checked: 'ran 7.29.13: `transformAsync` blocked 1.1 s in one stretch (`transformSync` 1.9 s)' },
  { package: 'esbuild', monthlyDownloads: 484_484_376, apis: '`buildSync`, `transformSync`, `formatMessagesSync`, `analyzeMetafileSync`', family: 'transform', twin: '`build`, `transform`, …', checked: 'ran 0.28.2: `transform` 12 ms at most (sync 218 ms), `build` 5 ms (sync 139 ms)' },
  { package: 'terser', monthlyDownloads: 219_877_608, apis: '`minify`, `minify_sync`', family: 'transform', twin: 'advice', checked: 'ran 5.51.2: the promise of `minify` came after 2.6 s of blocking' },
  { package: 'uglify-js', monthlyDownloads: 150_519_043, apis: '`minify`', family: 'transform', twin: 'advice', checked: 'ran 3.19.3: sync, 10.9 s on a 530 kB file' },
  { package: 'sass', monthlyDownloads: 100_343_844, apis: '`compile`, `compileString`, `compileAsync`, `compileStringAsync`, `renderSync`, `render`', family: 'transform', twin: 'advice (`sass-embedded`)', checked: 'ran 1.108.2: `compileStringAsync` blocked 1.5 s, legacy `render` 3.1 s' },
  { package: 'xlsx', monthlyDownloads: 27_161_769, apis: '`readFile`, `readFileSync`, `read`, `writeFile`, `writeFileSync`, `writeFileXLSX`, `writeFileAsync`, `write`, `writeXLSX`', family: 'transform', twin: 'advice (worker pool)', checked: 'ran 0.18.5: `readFile` 340 ms (the read itself 0.6 ms), `writeFile` 183 ms, `writeFileAsync` 221 ms' },
  { package: 'sass-embedded', monthlyDownloads: 16_844_538, apis: '`compile`, `compileString`, `renderSync`', family: 'transform', twin: '`compileAsync`, `compileStringAsync`', checked: 'ran 1.108.2: `compileStringAsync` 15 ms at most' },
  { package: 'pug', monthlyDownloads: 9_408_279, apis: '`renderFile`, `compileFile`, `render`, `compile`, `compileClient`, `compileFileClient`', family: 'transform', twin: 'advice (compile at start-up)', checked: 'ran 3.0.4: `renderFile` calls `readFileSync` on every call without `cache`, and with a callback too' },
  { package: 'nunjucks', monthlyDownloads: 8_278_160, apis: '`render`, `renderString`, `Environment#render`/`renderString`', family: 'transform', twin: 'advice (load templates at start-up)', checked: 'ran 3.2.4: the default loader reads with `readFileSync` (with a callback too), once per template, every render with `noCache`' },
  { package: 'node-sass', monthlyDownloads: 4_286_631, apis: '`renderSync`', family: 'transform', twin: '`promisify(sass.render)`', checked: 'API of 9 (LibSass on the thread pool); not installed (native)' },
  // crypto
  { package: 'bcrypt-nodejs', monthlyDownloads: 211_139, apis: '`hash`, `compare` (callback forms), `hashSync`, `compareSync`, `genSaltSync`', family: 'crypto', twin: 'advice (bcryptjs, bcrypt)', checked: 'ran 0.0.3: callback `hash` blocked 1.0 s, `compare` 2.0 s (`process.nextTick` around the sync hash)' },
  { package: 'node-forge', monthlyDownloads: 124_328_682, apis: '`pki.rsa.generateKeyPair`, `pkcs5.pbkdf2` without a callback', family: 'crypto', twin: 'advice (a callback, or Node\'s `crypto`)', checked: 'ran 1.4.3: 2048-bit `generateKeyPair` blocked 800 ms without a callback, 18 ms at most with one; `pbkdf2` 29 ms / 1.5 ms' },
  { package: 'crypto-js', monthlyDownloads: 54_363_553, apis: '`PBKDF2` (also `crypto-js/pbkdf2`)', family: 'crypto', twin: 'advice (`promisify(crypto.pbkdf2)`)', checked: 'ran 4.2.0: 10,000 iterations blocked 474 ms' },
  // databases
  { package: 'better-sqlite3', monthlyDownloads: 17_137_112, apis: '`new Database(file)` per request (not a lazy singleton)', family: 'database', twin: 'advice (open once at start-up)', checked: 'native: not built here; the constructor opens the file synchronously (its documented behaviour)' },
  { package: 'libsql', monthlyDownloads: null, apis: 'as `better-sqlite3`: its `Database` and `Statement` API', family: 'database', twin: 'advice (async driver, worker)', checked: "npm description of 0.5.29: 'A better-sqlite3 compatible API for libSQL'; native, not built here" },
  { package: 'better-sqlite3-multiple-ciphers', monthlyDownloads: null, apis: 'as `better-sqlite3`', family: 'database', twin: 'advice (async driver, worker)', checked: "npm description of 13.0.3: 'better-sqlite3 with multiple-cipher encryption support'; native, not built here" },
  { package: 'typeorm', monthlyDownloads: 14_681_207, apis: "queries of a `DataSource` with `type: 'better-sqlite3'`", family: 'database', twin: 'advice (async driver, worker)', checked: "read 1.1.1: `BetterSqlite3QueryRunner` calls `stmt.all()`/`run()` in an async method" },
  { package: 'knex', monthlyDownloads: 14_557_980, apis: "queries of `knex({ client: 'better-sqlite3' })`", family: 'database', twin: 'advice', checked: 'read 3.3.0: the better-sqlite3 dialect runs `statement.all()`/`run()` in `async _query`' },
  { package: 'kysely', monthlyDownloads: 11_022_692, apis: '`execute*` of a `Kysely` on `SqliteDialect`', family: 'database', twin: 'advice', checked: "read 0.29.9: `SqliteDriver` calls `stmt.all()`/`run()` in `executeQuery`" },
  { package: 'lowdb', monthlyDownloads: 8_683_722, apis: '`LowSync#read`/`write`/`update`, `JSONFileSyncPreset()`, `JSONFileSync`/`TextFileSync`/`DataFileSync` `read`/`write`; lowdb 1: `write()`/`read()` of `low(new FileSync(f))` and its chains', family: 'database', twin: 'advice (`Low` + `JSONFile`)', checked: 'ran 7.0.1: `TextFileSync` imports `readFileSync`/`writeFileSync`/`renameSync`, `--trace-sync-io` shows them on `write()`; ran 1.0.0: each chain `write()` of `low(new FileSync(f))` calls `writeFileSync`, `low(new FileAsync(f))` returns a promise' },
  { package: '@prisma/adapter-better-sqlite3', monthlyDownloads: 267_178, apis: '`PrismaClient` queries with `adapter: new PrismaBetterSqlite3()`', family: 'database', twin: 'advice', checked: 'read 7.10.0: the adapter calls `stmt.run()`/`raw().all()` in async methods' },
  { package: '@mikro-orm/better-sqlite', monthlyDownloads: 37_954, apis: '`orm.em` queries of `MikroORM.init()` from it (or core with `BetterSqliteDriver`)', family: 'database', twin: 'advice', checked: 'read 6.6.16: depends on better-sqlite3 through its knex dialect' },
  { package: 'drizzle-orm', monthlyDownloads: null, apis: 'queries of `drizzle()` from `drizzle-orm/better-sqlite3` and `drizzle-orm/bun-sqlite`', family: 'database', twin: 'advice', checked: 'read 0.45: the better-sqlite3 session calls `stmt.all()`/`run()` synchronously' },
];

/** Packages looked at and left out, with the reason (also rendered into docs/catalog.md). */
export const PACKAGES_LEFT_OUT: readonly { readonly package: string; readonly monthlyDownloads: number | null; readonly reason: string }[] = [
  { package: 'ejs', monthlyDownloads: 106_167_130, reason: 'ran 7.0.2: `renderFile` reads templates asynchronously (no `readFileSync`), with or without a callback' },
  { package: 'handlebars', monthlyDownloads: 125_565_111, reason: '`compile` is lazy and rendering is plain JavaScript; nothing sync beyond ordinary code' },
  { package: 'locate-path', monthlyDownloads: 807_046_280, reason: 'a dependency of find-up, rarely imported by applications' },
  { package: 'read-pkg', monthlyDownloads: 189_749_701, reason: 'build tooling; applications read their package.json at start-up' },
  { package: 'js-yaml', monthlyDownloads: 714_031_128, reason: 'parses strings it is given (no I/O); CPU cost is proportional to input like `JSON.parse`' },
  { package: 'jsonwebtoken', monthlyDownloads: 138_961_142, reason: '`sign`/`verify` without a callback are sync, but HMAC and RSA-2048 operations take well under a millisecond' },
  { package: '@mikro-orm/sqlite', monthlyDownloads: 109_674, reason: 'uses node-sqlite3 (thread pool) up to 6 and better-sqlite3 from 7: version-dependent, not reported' },
];
