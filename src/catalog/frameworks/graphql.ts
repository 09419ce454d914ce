import type { FrameworkSpec, RegistrarSpec, ValueSpec } from './types.js';

/** Paths from a resolver map to its resolvers: `Type.field` functions and `Type.field.resolve/subscribe`. */
const resolverMap = (at: string): string[] => [`${at}.*.*`, `${at}.*.*.resolve`, `${at}.*.*.subscribe`];

/** `{ typeDefs, resolvers, context }` options (Apollo Server, graphql-tools, Yoga, mercurius). */
const SERVER_OPTIONS: RegistrarSpec = {
  label: 'GraphQL resolver',
  select: [...resolverMap('0.resolvers'), '0.context', '0.plugins.*.requestDidStart'],
};

/** `new ApolloServer({ typeDefs, resolvers, context })` (Apollo Server 4 `@apollo/server`, and `apollo-server-*` 2/3). */
export const apolloServer: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: [
    '@apollo/server',
    'apollo-server',
    'apollo-server-express',
    'apollo-server-koa',
    'apollo-server-fastify',
    'apollo-server-hapi',
    'apollo-server-lambda',
    'apollo-server-micro',
    'apollo-server-cloud-functions',
    'apollo-server-azure-functions',
    'apollo-server-core',
  ],
  exports: {
    members: {
      ApolloServer: { constructRegisters: SERVER_OPTIONS },
      makeExecutableSchema: { registers: SERVER_OPTIONS },
      // Apollo Server 4's integrations: `expressMiddleware(server, { context })`.
      expressMiddleware: { registers: { label: 'GraphQL context function', select: ['1.context'] } },
      startStandaloneServer: { registers: { role: 'startup', startsServer: true, select: [] } },
    },
  },
};

/** `@apollo/server/express4`, `@as-integrations/*`: `expressMiddleware(server, { context })`. */
export const apolloIntegrations: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL context function',
  modules: ['@apollo/server/express4', '@apollo/server/standalone', '@as-integrations/express5', '@as-integrations/fastify', '@as-integrations/koa', '@as-integrations/next', '@as-integrations/aws-lambda', '@as-integrations/h3', '@as-integrations/hapi'],
  exports: {
    members: {
      expressMiddleware: { registers: { select: ['1.context'] } },
      koaMiddleware: { registers: { select: ['1.context'] } },
      fastifyApolloHandler: { registers: { select: ['1.context'] } },
      startServerAndCreateNextHandler: { registers: { select: ['1.context'] } },
      startServerAndCreateLambdaHandler: { registers: { select: ['2.context'] } },
      startStandaloneServer: { registers: { role: 'startup', startsServer: true, select: [], label: 'GraphQL context function' } },
    },
  },
};

/** `@graphql-tools/schema` / `graphql-tools`: `makeExecutableSchema({ resolvers })`; `@graphql-tools/merge`'s `mergeResolvers` is looked through. */
export const graphqlTools: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['@graphql-tools/schema', 'graphql-tools', '@apollo/subgraph', '@apollo/federation'],
  exports: {
    members: {
      makeExecutableSchema: { registers: SERVER_OPTIONS },
      addResolversToSchema: { registers: { select: [...resolverMap('0.resolvers'), ...resolverMap('1')] } },
      buildSubgraphSchema: { registers: { select: [...resolverMap('0.resolvers')] } },
      buildFederatedSchema: { registers: { select: [...resolverMap('0.resolvers')] } },
    },
  },
};

/** graphql-yoga: `createSchema({ typeDefs, resolvers })`, `createYoga({ schema, context })`. */
export const graphqlYoga: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['graphql-yoga', '@graphql-yoga/node'],
  exports: {
    members: {
      createSchema: { registers: SERVER_OPTIONS },
      createYoga: { registers: { select: ['0.context', ...resolverMap('0.schema.resolvers')] } },
      createServer: { registers: { select: ['0.context', ...resolverMap('0.schema.resolvers')] } },
    },
  },
};

/** mercurius: `app.register(mercurius, { schema, resolvers, loaders, context })`. */
export const mercurius: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['mercurius'],
  exports: {
    registers: { passed: true, select: [...resolverMap('1.resolvers'), ...resolverMap('1.loaders'), '1.context', '1.subscription.context', '1.subscription.onConnect'] },
  },
};

/** Field configs of graphql-js types: `fields: { x: { resolve } }` or a thunk `fields: () => ({ … })`. */
const FIELD_RESOLVERS = ['0.fields.*.resolve', '0.fields.*.subscribe', '0.fields.().*.resolve', '0.fields.().*.subscribe', '0.isTypeOf', '0.resolveType'];

/** graphql-js: `GraphQLObjectType` field `resolve`s; `graphql({ rootValue })`, `graphqlHTTP({ rootValue })`, `createHandler({ rootValue, context })`. */
export const graphqlJs: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['graphql'],
  exports: {
    members: {
      GraphQLObjectType: { constructRegisters: { select: FIELD_RESOLVERS } },
      GraphQLInterfaceType: { constructRegisters: { select: FIELD_RESOLVERS } },
      GraphQLUnionType: { constructRegisters: { select: ['0.resolveType'] } },
      graphql: { registers: { select: ['0.rootValue.*', '0.fieldResolver'] } },
      execute: { registers: { select: ['0.rootValue.*', '0.fieldResolver'] } },
      subscribe: { registers: { select: ['0.rootValue.*', '0.fieldResolver', '0.subscribeFieldResolver'] } },
    },
  },
};

/** `express-graphql` / `graphql-http`: `graphqlHTTP({ schema, rootValue, context })`, `createHandler({ rootValue, context })`. */
export const graphqlHttp: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['express-graphql', 'graphql-http', 'graphql-http/lib/use/express', 'graphql-http/lib/use/fastify', 'graphql-http/lib/use/koa', 'graphql-http/lib/use/http', 'graphql-ws/lib/use/ws', 'graphql-ws/use/ws'],
  exports: {
    members: {
      graphqlHTTP: { registers: { select: ['0.rootValue.*', '0.context', '0.customFormatErrorFn'] } },
      createHandler: { registers: { select: ['0.rootValue.*', '0.context', '0.onSubscribe', '0.onOperation'] } },
      useServer: { registers: { select: ['0.roots.*.*', '0.context', '0.onConnect', '0.onSubscribe', '0.onNext', '0.onComplete', '0.onDisconnect'] } },
    },
  },
};

/** Field-builder methods whose options hold a `resolve` (Pothos `t.field({ resolve })`, Nexus `t.field('x', { resolve })`). */
const FIELD_METHODS = [
  'field', 'string', 'int', 'float', 'boolean', 'id', 'list', 'stringList', 'intList', 'floatList', 'booleanList', 'idList',
  'prismaField', 'prismaConnection', 'connection', 'drizzleField', 'drizzleConnection', 'relatedConnection', 'relation', 'expose', 'node', 'nodeList',
  'listField', 'date', 'dateTime', 'json', 'connectionField', 'subscriptionField',
];

const fieldBuilder = (self: string): ValueSpec => ({
  members: {
    ...Object.fromEntries(FIELD_METHODS.map((name) => [name, { registers: { keys: ['resolve', 'subscribe'] }, returns: self }])),
    list: self,
    nonNull: self,
    nullable: self,
    withAuth: { returns: self },
  },
});

/** Pothos: `new SchemaBuilder()` → `queryType/objectType/…({ fields: (t) => ({ x: t.field({ resolve }) }) })`; `queryField(name, (t) => t.field(…))`. */
export const pothos: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['@pothos/core'],
  exports: { constructs: 'builder', members: { SchemaBuilder: { constructs: 'builder' } } },
  types: {
    builder: {
      members: {
        ...Object.fromEntries(
          ['queryType', 'mutationType', 'subscriptionType', 'objectType', 'interfaceType', 'prismaObject', 'prismaNode', 'drizzleObject', 'node', 'loadableObject', 'inputType'].map((name) => [
            name,
            { registers: { role: 'startup' as const, select: ['*.fields'], parameters: { 0: 'fields' } } },
          ]),
        ),
        ...Object.fromEntries(
          ['queryField', 'mutationField', 'subscriptionField', 'queryFields', 'mutationFields', 'subscriptionFields', 'objectField', 'objectFields', 'interfaceField', 'interfaceFields', 'prismaObjectField', 'prismaObjectFields'].map((name) => [
            name,
            { registers: { role: 'startup' as const, select: ['*'], parameters: { 0: 'fields' } } },
          ]),
        ),
      },
    },
    fields: fieldBuilder('fields'),
  },
};

/** Nexus: `objectType/queryType/extendType/mutationType({ definition(t) { t.field('x', { resolve }) } })`, `queryField(name, { resolve })`. */
export const nexus: FrameworkSpec = {
  framework: 'graphql',
  name: 'GraphQL',
  label: 'GraphQL resolver',
  modules: ['nexus', '@nexus/schema'],
  exports: {
    members: {
      ...Object.fromEntries(
        ['objectType', 'queryType', 'mutationType', 'subscriptionType', 'extendType', 'interfaceType'].map((name) => [
          name,
          { registers: { role: 'startup' as const, select: ['0.definition'], parameters: { 0: 'definition' } } },
        ]),
      ),
      ...Object.fromEntries(['queryField', 'mutationField', 'subscriptionField'].map((name) => [name, { registers: { keys: ['resolve', 'subscribe'] } }])),
    },
  },
  types: { definition: fieldBuilder('definition') },
};
