import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'Apollo Server 4: resolver map by variable, field objects, context; the map shape alone',
    code: `import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import fs from 'node:fs';
const typeDefs = fs.readFileSync('schema.graphql', 'utf8');
const userResolvers = {
  User: {
    avatar: (user) => fs.readFileSync(user.avatarPath), // ← GraphQL resolver
  },
};
const resolvers = [
  userResolvers,
  {
    Query: {
      users() { return JSON.parse(fs.readFileSync('users.json', 'utf8')); }, // ← GraphQL resolver
    },
    Subscription: {
      tick: { subscribe: () => { fs.statSync('x'); return null; } }, // ← GraphQL resolver
    },
  },
];
const server = new ApolloServer({ typeDefs, resolvers });
await server.start();
export const middleware = expressMiddleware(server, { context: ({ req }) => ({ token: fs.readFileSync('t') }) }); // ← GraphQL context function`,
  },
  {
    name: 'resolver maps exported from their own file (no GraphQL import), codegen-typed maps',
    filename: 'src/graphql/resolvers.ts',
    code: `import fs from 'node:fs';
import type { QueryResolvers, Resolvers } from '../generated/graphql';
export default {
  Mutation: {
    upload: (parent, { file }) => fs.writeFileSync('upload', file), // ← GraphQL resolver
  },
};
export const Query: QueryResolvers = {
  me: () => fs.readFileSync('me.json'), // ← GraphQL resolver
};
export const all: Resolvers = { Post: { body: (post) => fs.readFileSync(post.path) } }; // ← GraphQL resolver
export const userResolvers = { User: { avatar: (user) => fs.readFileSync(user.avatarPath) } }; // ← GraphQL resolver
export const clientOptions = { cacheRedirects: { Query: { thread: (_, { id }) => fs.readFileSync(id) } } };
const settings = { config: { load: () => fs.readFileSync('c') } };
export const load = settings.config.load;`,
  },
  {
    name: 'graphql-yoga createSchema, makeExecutableSchema with mergeResolvers, mercurius',
    code: `import { createSchema, createYoga } from 'graphql-yoga';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { mergeResolvers } from '@graphql-tools/merge';
import mercurius from 'mercurius';
import Fastify from 'fastify';
import fs from 'node:fs';
const yoga = createYoga({
  schema: createSchema({ typeDefs: '', resolvers: { Item: { file: (item) => fs.readFileSync(item.name) } } }), // ← GraphQL resolver
  context: () => ({ secret: fs.readFileSync('secret') }), // ← GraphQL resolver
});
const a = { Book: { text: (book) => fs.readFileSync(book.path) } }; // ← GraphQL resolver
export const schema = makeExecutableSchema({ typeDefs: '', resolvers: mergeResolvers([a]) });
const app = Fastify();
app.register(mercurius, {
  schema: '',
  resolvers: { Dog: { bark: () => fs.readFileSync('bark.mp3') } }, // ← GraphQL resolver
  loaders: { Dog: { owner: async (queries) => fs.readFileSync('owners') } }, // ← GraphQL resolver
});`,
  },
  {
    name: 'graphql-js: GraphQLObjectType field resolve (object and thunk), rootValue',
    code: `import { GraphQLObjectType, GraphQLString, graphql } from 'graphql';
import fs from 'node:fs';
export const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    readme: { type: GraphQLString, resolve: () => fs.readFileSync('README.md', 'utf8') }, // ← GraphQL resolver
  },
});
export const User = new GraphQLObjectType({
  name: 'User',
  fields: () => {
    const extra = fs.readFileSync('fields.json');
    return { bio: { type: GraphQLString, resolve: (user) => fs.readFileSync(user.bio) } }; // ← GraphQL resolver
  },
});
const rootValue = { hello: () => fs.readFileSync('hello.txt', 'utf8') }; // ← GraphQL resolver
export const run = (source) => graphql({ schema: null, source, rootValue });`,
  },
  {
    name: 'Pothos and Nexus field resolvers; the fields thunk and definition run at schema build',
    code: `import SchemaBuilder from '@pothos/core';
import { objectType, queryField } from 'nexus';
import fs from 'node:fs';
const builder = new SchemaBuilder({});
builder.queryType({
  fields: (t) => ({
    version: t.string({ resolve: () => fs.readFileSync('VERSION', 'utf8') }), // ← GraphQL resolver
  }),
});
builder.queryField('motd', (t) => t.string({ resolve: () => fs.readFileSync('motd', 'utf8') })); // ← GraphQL resolver
export const Post = objectType({
  name: 'Post',
  definition(t) {
    const names = fs.readdirSync('fields');
    t.string('body', { resolve: (post) => fs.readFileSync(post.path, 'utf8') }); // ← GraphQL resolver
    t.nonNull.list.field('tags', { type: 'String', resolve: () => fs.readdirSync('tags') }); // ← GraphQL resolver
  },
});
export const Stats = queryField('stats', { type: 'String', resolve: () => fs.readFileSync('stats', 'utf8') }); // ← GraphQL resolver`,
  },
];

describe('serving roots: GraphQL resolvers', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
