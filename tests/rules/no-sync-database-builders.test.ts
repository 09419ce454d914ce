import noSyncDatabase from '../../rules/no-sync-database.js';
import { createRuleTester } from '../rule-tester.js';

// Query builders and ORMs on a sync driver: awaited queries that still block (issue 14). Each builder is
// followed from a construction that names the sync driver; the same builder on an async driver is not.

const blocking = (line: number, column: number, endColumn: number) => ({ messageId: 'blocking' as const, line, column, endLine: line, endColumn, suggestions: [] });

createRuleTester().run('no-sync-database', noSyncDatabase, {
  valid: [
    {
      name: 'Kysely on Postgres',
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: {} as any }) });
export async function list() {
  return db.selectFrom('person').selectAll().execute();
}`,
    },
    {
      name: 'Kysely with a dialect the file does not show',
      code: `import { Kysely } from 'kysely';
import { dialect } from './dialect';
const db = new Kysely<any>({ dialect });
export async function list() {
  return db.selectFrom('person').selectAll().execute();
}`,
    },
    {
      name: 'knex on pg and on sqlite3 (node-sqlite3 runs queries on the thread pool)',
      code: `import knex from 'knex';
const pg = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const lite = knex({ client: 'sqlite3', connection: { filename: 'app.db' } });
export async function list() {
  return [await pg('users').where({ id: 1 }), await lite('users')];
}`,
    },
    {
      name: 'TypeORM on postgres',
      code: `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
export async function find(id: number) {
  return ds.getRepository('User').findOneBy({ id });
}`,
    },
    {
      name: 'TypeORM DataSource injected by its annotation: the annotation names the class, not its driver',
      code: `import { DataSource } from 'typeorm';
export class CollectionsService {
  constructor(private readonly connection: DataSource) {}
  async addLogRecord(id: number) {
    return this.connection.createQueryBuilder().insert().into('log').values({ id }).execute();
  }
}`,
    },
    {
      name: 'Prisma without a driver adapter, and with the pg adapter',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
const prisma = new PrismaClient();
const pg = new PrismaClient({ adapter: new PrismaPg({ connectionString: '' }) });
export async function list() {
  return [await prisma.user.findMany(), await pg.user.findMany()];
}`,
    },
    {
      name: 'drizzle on node-postgres',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function list() {
  return db.select().from(users);
}`,
    },
    {
      name: 'MikroORM core with the postgres driver',
      code: `import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
const orm = await MikroORM.init({ driver: PostgreSqlDriver, dbName: 'app' });
export async function list() {
  return orm.em.find('User', {});
}`,
    },
    {
      name: 'lowdb 1 with the async FileAsync adapter',
      code: `const low = require('lowdb');
const FileAsync = require('lowdb/adapters/FileAsync');
module.exports = async function add(post) {
  const db = await low(new FileAsync('db.json'));
  await db.get('posts').push(post).write();
};`,
    },
    {
      name: 'queries at start-up (top level) are not serving work',
      code: `import { drizzle } from 'drizzle-orm/better-sqlite3';
const db = drizzle('app.db');
export const users = await db.select().from(usersTable);`,
    },
  ],
  invalid: [
    {
      name: 'Kysely on better-sqlite3: the execute of each awaited query',
      code: `import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
const dialect = new SqliteDialect({ database: new Database('app.db') });
const db = new Kysely<any>({ dialect });
export async function list(id: number) {
  const one = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  await db.insertInto('log').values({ id }).execute();
  return one;
}`,
      errors: [blocking(6, 21, 94), blocking(7, 9, 52)],
    },
    {
      name: 'drizzle on better-sqlite3: where each query starts',
      code: `import express from 'express';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
const db = drizzle(new Database('app.db'));
const app = express();
app.get('/users', async (req, res) => {
  res.json(await db.select().from(users));
});
app.get('/users/:id', async (req, res) => {
  res.json(await db.query.users.findFirst({ where: eq(users.id, Number(req.params.id)) }));
});`,
      errors: [blocking(7, 18, 27), blocking(10, 18, 42)],
    },
    {
      name: 'knex with client better-sqlite3 (CommonJS, named export)',
      code: `const { knex } = require('knex');
const db = knex({ client: 'better-sqlite3', connection: { filename: 'app.db' }, useNullAsDefault: true });
module.exports.list = async function list() {
  const rows = await db('users').where({ active: true });
  const [{ n }] = await db.raw('select count(*) as n from users');
  return { rows, n };
};`,
      errors: [blocking(4, 22, 24), blocking(5, 25, 31)],
    },
    {
      name: 'TypeORM with type better-sqlite3: repository, manager and query builder',
      code: `import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'better-sqlite3', database: 'app.db', entities: [] });
const users = AppDataSource.getRepository('User');
export async function handler(id: number) {
  const user = await users.findOneBy({ id });
  await AppDataSource.manager.save(user);
  return AppDataSource.createQueryBuilder().select('u').from('User', 'u').getMany();
}`,
      errors: [blocking(5, 22, 37), blocking(6, 9, 35), blocking(7, 10, 82)],
    },
    {
      name: 'Prisma with the better-sqlite3 adapter',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
const adapter = new PrismaBetterSqlite3({ url: 'file:./dev.db' });
const prisma = new PrismaClient({ adapter });
export async function list() {
  const posts = await prisma.post.findMany({ where: { published: true } });
  const [row] = await prisma.$queryRaw\`select 1 as one\`;
  return { posts, row };
}`,
      errors: [blocking(6, 23, 43), blocking(7, 23, 39)],
    },
    {
      name: 'MikroORM from @mikro-orm/better-sqlite: orm.em, forks and repositories',
      code: `import { MikroORM } from '@mikro-orm/better-sqlite';
const orm = await MikroORM.init({ dbName: 'app.db', entities: [] });
export async function list() {
  const em = orm.em.fork();
  const users = await em.find('User', {});
  return em.getRepository('Post').findAll();
}`,
      errors: [blocking(5, 23, 30), blocking(6, 10, 42)],
    },
    {
      name: 'MikroORM core with BetterSqliteDriver',
      code: `import { MikroORM } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
let orm: any;
MikroORM.init({ driver: BetterSqliteDriver, dbName: 'app.db' }).then((o) => {
  o.em.flush();
});
export async function list() {
  const ready = await MikroORM.init({ driver: BetterSqliteDriver, dbName: 'app.db' });
  return ready.em.findAll('User');
}`,
      errors: [blocking(9, 10, 26)],
    },
    {
      name: 'a better-sqlite3 database opened per request, but not a lazy singleton',
      code: `import Database from 'better-sqlite3';
let shared: Database.Database | undefined;
export async function handler(file: string) {
  const db = new Database(file);
  shared ??= new Database('shared.db');
  return db.prepare('select 1').get();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
        blocking(6, 10, 36),
      ],
    },
    {
      name: 'lowdb sync adapters (lowdb/node preset and LowSync)',
      code: `import { LowSync } from 'lowdb';
import { JSONFileSync, JSONFileSyncPreset } from 'lowdb/node';
const db = JSONFileSyncPreset('db.json', { posts: [] as string[] });
const other = new LowSync(new JSONFileSync<{ n: number }>('other.json'), { n: 0 });
export async function add(post: string) {
  db.data.posts.push(post);
  db.write();
  other.update((data) => { data.n++; });
}`,
      errors: [blocking(7, 3, 11), blocking(8, 3, 15)],
    },
    {
      name: 'a builder made in another file, declared in settings (until the project analysis follows it)',
      settings: {
        'event-loop': {
          blockingApis: [
            { module: '#db', export: 'db.select', family: 'database', message: 'the query runs on better-sqlite3, synchronously; use an async driver or a worker (docs/worker-pool.md).' },
            { module: '#db', export: 'db.query.users.findMany', family: 'database' },
          ],
        },
      },
      code: `import { db } from '#db';
export async function list() {
  const all = await db.select().from(users);
  return [all, await db.query.users.findMany()];
}`,
      errors: [blocking(3, 21, 30), blocking(4, 22, 45)],
    },
    {
      name: 'lowdb 1: every write() of a FileSync db rewrites the file',
      code: `const low = require('lowdb');
const FileSync = require('lowdb/adapters/FileSync');
const adapter = new FileSync('db.json');
const db = low(adapter);
db.defaults({ posts: [] }).write();
app.post('/posts', (req, res) => {
  db.get('posts').push(req.body).write();
  res.json(db.get('posts').value());
});`,
      errors: [blocking(7, 3, 39)],
    },
  ],
});
