import { ANY_MEMBER, AWAITED, CALL_RESULT, CONSTRUCT_RESULT } from './define.js';
import type { CallCondition, EntrySpec, ModuleSpec, PathAlias } from './types.js';

// Query builders and ORMs on a synchronous SQLite driver (better-sqlite3, bun:sqlite). Their API is
// async, but the driver runs each query on the event loop before the promise is even returned
// (read in each package's source: Kysely's `SqliteDriver`, Drizzle's better-sqlite3 session, Knex's
// better-sqlite3 dialect, TypeORM's `BetterSqlite3QueryRunner`, `@prisma/adapter-better-sqlite3` and
// MikroORM's better-sqlite driver all call `stmt.all()`/`stmt.run()` inside an `async` function).
// The builder is followed from its construction, and only a construction that names the sync driver
// (a guard: `dialect: new SqliteDialect(…)`, `client: 'better-sqlite3'`…) makes the traced value,
// so the same ORM on Postgres is never reported. `*` is any member (a chain's `where`, `orderBy`…).

const adviceFor = (driver: string) =>
  `The query runs on ${driver}, synchronously, before the promise is returned: awaiting it does not free the event loop. Use an async driver, or run the queries in a worker thread that owns the connection (see docs/worker-pool.md).`;
const ADVICE = adviceFor('better-sqlite3');

const entry = (path: readonly string[], api: string, advice = ADVICE): EntrySpec => ({ path, api, twin: null, advice });
const entriesAt = (at: readonly string[], methods: readonly string[], owner: string, advice = ADVICE): EntrySpec[] =>
  methods.map((method) => entry([...at, method], `${owner}.${method}`, advice));

/** `{ <property>: … }` as the first argument names the sync driver. */
const driverOption = (property: string, match: Omit<NonNullable<CallCondition['argumentProperty']>, 'index' | 'property'>): CallCondition => ({
  argumentProperty: { index: 0, property, ...match },
});

/** A chain whose every method returns the chain (`qb.where(…).orderBy(…)`), starting at `chain`. */
const chainAliases = (chain: readonly string[], method: readonly string[]): PathAlias[] => [
  { path: [...chain, ANY_MEMBER], target: method },
  { path: [...method, ANY_MEMBER], target: method },
  { path: [...method, CALL_RESULT], target: chain },
];

// --- Kysely: `new Kysely({ dialect: new SqliteDialect({ database }) })`; queries run at `execute*`.
const KYSELY = ['Kysely', CONSTRUCT_RESULT];
const KYSELY_QUERY = [...KYSELY, ANY_MEMBER, CALL_RESULT];
const kysely: ModuleSpec = {
  module: 'kysely',
  family: 'database',
  builtin: false,
  entries: [
    ...entriesAt(KYSELY_QUERY, ['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream'], 'kysely (SqliteDialect) query'),
    entry([...KYSELY, 'executeQuery'], 'kysely (SqliteDialect) db.executeQuery'),
  ],
  aliases: [
    // `db.selectFrom` and `db.schema.createTable` are methods; what they return chains on.
    { path: [...KYSELY, ANY_MEMBER, ANY_MEMBER], target: [...KYSELY, ANY_MEMBER] },
    { path: [...KYSELY_QUERY, ANY_MEMBER], target: [...KYSELY, ANY_MEMBER] },
  ],
  guards: [{ path: KYSELY, when: driverOption('dialect', { constructs: ['SqliteDialect'] }) }],
};

// --- Drizzle: `drizzle(sqlite)` from the driver's own entry point. A query runs when its builder is
// awaited (or `.all()`/`.get()`/`.run()`): reported where the chain starts (`db.select`, `db.query.users.findMany`).
const DRIZZLE_METHODS = ['select', 'selectDistinct', 'insert', 'update', 'delete', 'run', 'all', 'get', 'values', 'transaction', 'batch', '$count'];
const drizzle = (module: string, driver: string): ModuleSpec => {
  const db = ['drizzle', CALL_RESULT];
  const advice = adviceFor(driver);
  return {
    module,
    family: 'database',
    builtin: false,
    entries: [
      ...entriesAt(db, DRIZZLE_METHODS, `${module} db`, advice),
      ...entriesAt([...db, 'query', ANY_MEMBER], ['findMany', 'findFirst'], `${module} db.query.<table>`, advice),
    ],
  };
};

// --- Knex: `knex({ client: 'better-sqlite3', … })`; a query runs when its builder is awaited:
// reported where it starts (`db('users')`, `db.select(…)`, `db.raw(…)`).
const KNEX = [CALL_RESULT];
const KNEX_METHODS = ['select', 'insert', 'update', 'del', 'delete', 'from', 'table', 'into', 'raw', 'first', 'count', 'pluck', 'where', 'whereIn', 'join', 'leftJoin', 'distinct', 'with', 'transaction', 'batchInsert', 'truncate', 'upsert', 'max', 'min', 'sum', 'avg'];
const knex: ModuleSpec = {
  module: 'knex',
  family: 'database',
  builtin: false,
  entries: [entry(KNEX, "knex (client 'better-sqlite3') db(table)"), ...entriesAt(KNEX, KNEX_METHODS, "knex (client 'better-sqlite3') db")],
  // `import { knex } from 'knex'` is the default export.
  aliases: [{ path: ['knex'], target: [] }],
  guards: [{ path: KNEX, when: driverOption('client', { equals: ['better-sqlite3'] }) }],
};

// --- TypeORM: `new DataSource({ type: 'better-sqlite3', … })`; repositories, the entity manager and query builders.
const REPOSITORY_METHODS = [
  'find', 'findBy', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'findByIds', 'save', 'insert', 'update', 'upsert',
  'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'count', 'countBy', 'exist', 'exists', 'existsBy', 'increment', 'decrement', 'sum', 'average',
  'minimum', 'maximum', 'clear', 'query', 'preload',
];
const QUERY_BUILDER_RUNS = ['getMany', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'getManyAndCount', 'getCount', 'getExists', 'execute', 'stream'];
const typeorm = (className: string): { entries: EntrySpec[]; aliases: PathAlias[]; guard: { path: string[]; when: CallCondition } } => {
  const source = [className, CONSTRUCT_RESULT];
  const repository = [...source, 'getRepository', CALL_RESULT];
  const manager = [...source, 'manager'];
  const builder = [...source, 'createQueryBuilder', CALL_RESULT];
  const owner = `typeorm (type 'better-sqlite3') ${className === 'DataSource' ? 'dataSource' : 'connection'}`;
  return {
    entries: [
      ...entriesAt(source, ['query', 'transaction'], owner),
      ...entriesAt(repository, REPOSITORY_METHODS, `${owner}.getRepository(…)`),
      ...entriesAt(manager, [...REPOSITORY_METHODS, 'transaction'], `${owner}.manager`),
      ...entriesAt(builder, QUERY_BUILDER_RUNS, `${owner}.createQueryBuilder(…)`),
    ],
    aliases: [
      { path: [...repository, 'createQueryBuilder', CALL_RESULT], target: builder },
      { path: [...manager, 'createQueryBuilder', CALL_RESULT], target: builder },
      { path: [...manager, 'getRepository', CALL_RESULT], target: repository },
      ...chainAliases(builder, [...builder, ANY_MEMBER]),
    ],
    guard: { path: source, when: driverOption('type', { equals: ['better-sqlite3'] }) },
  };
};
const dataSource = typeorm('DataSource');
const connection = typeorm('Connection');
const typeormSpec: ModuleSpec = {
  module: 'typeorm',
  family: 'database',
  builtin: false,
  entries: [...dataSource.entries, ...connection.entries],
  aliases: [...dataSource.aliases, ...connection.aliases],
  guards: [dataSource.guard, connection.guard],
};

// --- Prisma: `new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) })` (`PrismaBetterSQLite3` before 6.16).
const PRISMA = ['PrismaClient', CONSTRUCT_RESULT];
const MODEL_METHODS = [
  'findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany',
  'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
];
const prisma: ModuleSpec = {
  module: '@prisma/client',
  family: 'database',
  builtin: false,
  entries: [
    ...entriesAt([...PRISMA, ANY_MEMBER], MODEL_METHODS, 'prisma (better-sqlite3 adapter) <model>'),
    ...entriesAt(PRISMA, ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$transaction'], 'prisma (better-sqlite3 adapter)'),
  ],
  guards: [{ path: PRISMA, when: driverOption('adapter', { constructs: ['PrismaBetterSqlite3', 'PrismaBetterSQLite3'] }) }],
};

// --- MikroORM: `await MikroORM.init(config)` from `@mikro-orm/better-sqlite` (always the sync driver),
// or from `@mikro-orm/core` with `driver: BetterSqliteDriver`; `orm.em`, its forks and repositories.
const EM_METHODS = [
  'find', 'findOne', 'findOneOrFail', 'findAll', 'findAndCount', 'findByCursor', 'count', 'persistAndFlush', 'flush', 'removeAndFlush', 'nativeInsert', 'nativeUpdate',
  'nativeDelete', 'upsert', 'upsertMany', 'insert', 'insertMany', 'execute', 'transactional', 'populate', 'refresh',
];
const MIKRO_REPOSITORY_METHODS = ['find', 'findOne', 'findOneOrFail', 'findAll', 'findAndCount', 'count', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'upsert', 'insert', 'populate'];
const mikroOrm = (module: string, guard: CallCondition | null): ModuleSpec => {
  const orm = ['MikroORM', 'init', CALL_RESULT, AWAITED];
  const em = [...orm, 'em'];
  const repository = [...em, 'getRepository', CALL_RESULT];
  return {
    module,
    family: 'database',
    builtin: false,
    entries: [...entriesAt(em, EM_METHODS, `${module} orm.em`), ...entriesAt(repository, MIKRO_REPOSITORY_METHODS, `${module} orm.em.getRepository(…)`)],
    aliases: [
      { path: [...em, 'fork', CALL_RESULT], target: em },
      // `MikroORM.initSync(config)` returns the instance itself.
      { path: ['MikroORM', 'initSync', CALL_RESULT], target: orm },
    ],
    guards: guard
      ? [
          { path: ['MikroORM', 'init', CALL_RESULT], when: guard },
          { path: ['MikroORM', 'initSync', CALL_RESULT], when: guard },
        ]
      : [],
  };
};

export const syncDriverBuilders: readonly ModuleSpec[] = [
  kysely,
  drizzle('drizzle-orm/better-sqlite3', 'better-sqlite3'),
  drizzle('drizzle-orm/bun-sqlite', 'bun:sqlite'),
  knex,
  typeormSpec,
  prisma,
  mikroOrm('@mikro-orm/better-sqlite', null),
  mikroOrm('@mikro-orm/core', driverOption('driver', { names: ['BetterSqliteDriver'] })),
];
