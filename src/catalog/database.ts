import type { EntrySpec, ModuleSpec, PathAlias } from './types.js';
import { syncDriverBuilders } from './sync-drivers.js';

// Synchronous SQLite drivers. None has an async twin that keeps the call's shape, so entries carry
// advice instead of a rewrite: the fix is a worker thread that owns its own connection.
// Paths use `new()` (the instance `new` makes) and `()` (what a call returns): a statement is
// `['new()', 'prepare', '()']`, and calling its `get` is `['new()', 'prepare', '()', 'get']`.

const ADVICE =
  'Run the query in a worker thread that owns its own connection (see "Worker-pool recipe" in docs/rules/no-sync-database.md), or use an async driver.';

const STATEMENT_METHODS = ['run', 'get', 'all', 'iterate'] as const;
const TRANSACTION_MODES = ['deferred', 'immediate', 'exclusive'] as const;

const entry = (path: readonly string[], api: string): EntrySpec => ({ path, api, twin: null, advice: ADVICE });

/** Queries on a database object at `db`: `exec`-like methods, prepared statements, transaction functions. */
function databaseEntries(
  module: string,
  db: readonly string[],
  names: { readonly database: string; readonly statement: string },
  methods: { readonly database: readonly string[]; readonly prepare: readonly string[]; readonly statement: readonly string[]; readonly transaction: boolean },
): EntrySpec[] {
  const entries: EntrySpec[] = [];
  for (const method of methods.database) entries.push(entry([...db, method], `${module} ${names.database}#${method}`));
  for (const prepare of methods.prepare) {
    for (const method of methods.statement) entries.push(entry([...db, prepare, '()', method], `${module} ${names.statement}#${method}`));
  }
  // `const insertMany = db.transaction(fn)`: each call of `insertMany` runs `fn` inside BEGIN/COMMIT.
  if (methods.transaction) entries.push(entry([...db, 'transaction', '()'], `${module} transaction function`));
  return entries;
}

/** Statement methods that return the statement itself (`db.prepare(sql).pluck().get()`). */
const chainable = (statement: readonly string[], methods: readonly string[]): PathAlias[] =>
  methods.map((method) => ({ path: [...statement, method, '()'], target: statement }));

const transactionModes = (db: readonly string[]): PathAlias[] =>
  TRANSACTION_MODES.map((mode) => ({ path: [...db, 'transaction', '()', mode], target: [...db, 'transaction', '()'] }));

// better-sqlite3: `module.exports` is the `Database` function, callable with or without `new`.
// `backup()` is already async (it steps with setImmediate); `serialize()` copies the whole
// database on the event loop; `prepare()` only compiles and is not listed.
const BETTER_DB = ['new()'];
const OPEN_ADVICE =
  'Open the database once at start-up and share the connection; `new Database(file)` opens (and may create) the file and runs its set-up synchronously, on every request here.';
/** better-sqlite3, and the packages with its synchronous API under another name. */
function betterSqlite3Api(module: string): ModuleSpec {
  return {
    module,
    family: 'database',
    builtin: false,
    entries: [
      // Opening per request: `new Database(file)`, or `Database(file)` without `new`.
      { path: [], api: module === 'better-sqlite3' ? 'new Database(file)' : `new Database(file) (${module})`, construct: true, twin: null, advice: OPEN_ADVICE, when: { perCall: true } },
      { path: [], api: module === 'better-sqlite3' ? 'Database(file)' : `Database(file) (${module})`, twin: null, advice: OPEN_ADVICE, when: { perCall: true } },
      ...databaseEntries(module, BETTER_DB, { database: 'Database', statement: 'Statement' }, {
        database: ['exec', 'pragma', 'serialize'],
        prepare: ['prepare'],
        statement: STATEMENT_METHODS,
        transaction: true,
      }),
    ],
    aliases: [
      { path: ['()'], target: BETTER_DB },
      // `exec` returns the database.
      { path: [...BETTER_DB, 'exec', '()'], target: BETTER_DB },
      // The type names a TypeScript annotation uses (`constructor(private db: Database)` with
      // `import { Database, Statement } from 'better-sqlite3'`): instances of what `new` makes.
      { path: ['Database', 'new()'], target: BETTER_DB },
      { path: ['Statement', 'new()'], target: [...BETTER_DB, 'prepare', '()'] },
      ...chainable([...BETTER_DB, 'prepare', '()'], ['pluck', 'expand', 'raw', 'bind', 'safeIntegers']),
      ...transactionModes(BETTER_DB),
    ],
  };
}

export const betterSqlite3 = betterSqlite3Api('better-sqlite3');
/** libSQL's Node binding (`libsql`) and the SQLCipher build (`better-sqlite3-multiple-ciphers`) have better-sqlite3's API. */
export const betterSqlite3Likes = ['libsql', 'better-sqlite3-multiple-ciphers'].map(betterSqlite3Api);

// node:sqlite (Node 22.5+ behind a flag, unflagged in 22.13 / 23.4): only `node:sqlite` names the
// builtin (`sqlite` is an npm package), so the spec is not `builtin`.
const NODE_DB = ['DatabaseSync', 'new()'];
export const nodeSqlite: ModuleSpec = {
  module: 'node:sqlite',
  family: 'database',
  builtin: false,
  entries: [
    { path: ['DatabaseSync'], api: 'new DatabaseSync(file)', construct: true, twin: null, advice: OPEN_ADVICE.replace('new Database(file)', 'new DatabaseSync(file)'), when: { perCall: true } },
    ...databaseEntries('node:sqlite', NODE_DB, { database: 'DatabaseSync', statement: 'StatementSync' }, {
      database: ['exec'],
      prepare: ['prepare'],
      statement: STATEMENT_METHODS,
      transaction: false,
    }),
  ],
  // `readonly #query: StatementSync` in an annotation: a statement `prepare()` made.
  aliases: [{ path: ['StatementSync', 'new()'], target: [...NODE_DB, 'prepare', '()'] }],
};

// bun:sqlite: `Database` is both a named and the default export. `query()` (cached) and `prepare()`
// return a Statement; `run`/`exec` and statement calls execute; `as(Class)` returns the statement.
const BUN_DB = ['Database', 'new()'];
export const bunSqlite: ModuleSpec = {
  module: 'bun:sqlite',
  family: 'database',
  builtin: false,
  entries: databaseEntries('bun:sqlite', BUN_DB, { database: 'Database', statement: 'Statement' }, {
    database: ['run', 'exec', 'serialize'],
    prepare: ['query'],
    statement: [...STATEMENT_METHODS, 'values'],
    transaction: true,
  }),
  aliases: [
    { path: ['new()'], target: BUN_DB },
    { path: ['Database', 'open', '()'], target: BUN_DB },
    { path: ['open', '()'], target: BUN_DB },
    { path: [...BUN_DB, 'prepare', '()'], target: [...BUN_DB, 'query', '()'] },
    ...chainable([...BUN_DB, 'query', '()'], ['as']),
    ...transactionModes(BUN_DB),
  ],
};

// lowdb >= 2: `LowSync` with a sync adapter (`JSONFileSync`, `TextFileSync`, `DataFileSync`, which read with
// `readFileSync` and write with `writeFileSync` + `renameSync`: read in lowdb 7's source) reads and writes
// the whole file on every `read()`/`write()`/`update()`. Adapters came from `lowdb` (2–4) and `lowdb/node` (5+).
const LOWDB_ADVICE =
  'Use `Low` with the async `JSONFile` adapter (or `JSONFilePreset`) and await `db.read()`/`db.write()`; the sync adapters read and rewrite the whole file on the event loop.';
const LOW_METHODS = ['read', 'write', 'update'] as const;
const ADAPTERS = ['JSONFileSync', 'TextFileSync', 'DataFileSync'] as const;
const lowEntries = (instance: readonly string[], owner: string, methods: readonly string[], module: string): EntrySpec[] =>
  methods.map((method) => ({ path: [...instance, method], api: `${module} ${owner}#${method}`, twin: null, advice: LOWDB_ADVICE }));
// lowdb 1 (lodash chains): `const db = low(new FileSync(file))`, then `db.get('posts').push(p).write()`;
// every `write()` rewrites the file with `writeFileSync`, `read()` re-reads it. `low(new FileAsync(file))`
// returns a promise of an async db and is not traced (the guard).
const V1_DB = ['()'];
const V1_CHAIN = [...V1_DB, '*', '()'];
export const lowdb: ModuleSpec = {
  module: 'lowdb',
  family: 'database',
  builtin: false,
  entries: [
    ...lowEntries(['LowSync', 'new()'], 'LowSync', LOW_METHODS, 'lowdb'),
    ...ADAPTERS.flatMap((adapter) => lowEntries([adapter, 'new()'], adapter, ['read', 'write'], 'lowdb')),
    ...lowEntries(V1_DB, 'low(FileSync)', ['read', 'write'], 'lowdb'),
    ...lowEntries(V1_CHAIN, 'low(FileSync) chain', ['write'], 'lowdb'),
  ],
  aliases: [
    { path: [...V1_DB, '*', '*'], target: [...V1_DB, '*'] },
    { path: [...V1_CHAIN, '*'], target: [...V1_DB, '*'] },
  ],
  guards: [{ path: V1_DB, when: { argumentProperty: { index: 0, constructs: ['FileSync'] } } }],
};
export const lowdbNode: ModuleSpec = {
  module: 'lowdb/node',
  family: 'database',
  builtin: false,
  entries: [
    ...lowEntries(['JSONFileSyncPreset', '()'], 'JSONFileSyncPreset()', LOW_METHODS, 'lowdb/node'),
    ...ADAPTERS.flatMap((adapter) => lowEntries([adapter, 'new()'], adapter, ['read', 'write'], 'lowdb/node')),
  ],
};

export const databaseSpecs: readonly ModuleSpec[] = [betterSqlite3, ...betterSqlite3Likes, nodeSqlite, bunSqlite, lowdb, lowdbNode, ...syncDriverBuilders];
