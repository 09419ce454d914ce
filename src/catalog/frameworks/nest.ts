import type { FrameworkSpec, ValueSpec } from './types.js';

const decorators = (names: readonly string[], label: string): Record<string, ValueSpec> =>
  Object.fromEntries(names.map((name) => [name, { registers: { role: 'decorated-method', label } }]));

/** Lifecycle hooks: run once at start-up or shutdown, never per request. */
const LIFECYCLE = ['onModuleInit', 'onApplicationBootstrap', 'onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'];

/**
 * NestJS: methods decorated with `@Get()`… (`@nestjs/common`), `@MessagePattern()`/`@EventPattern()`
 * (`@nestjs/microservices`), `@SubscribeMessage()` (`@nestjs/websockets`), GraphQL resolvers
 * (`@nestjs/graphql`). Decorators are resolved through imports, renamed ones included.
 */
export const nestCommon: FrameworkSpec = {
  framework: 'nestjs',
  name: 'NestJS',
  label: 'NestJS route handler',
  modules: ['@nestjs/common'],
  exports: { members: decorators(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search', 'Sse'], 'NestJS route handler') },
  startupMethods: LIFECYCLE,
};

export const nestMicroservices: FrameworkSpec = {
  framework: 'nestjs',
  name: 'NestJS',
  label: 'NestJS message handler',
  modules: ['@nestjs/microservices'],
  exports: { members: decorators(['MessagePattern', 'EventPattern', 'GrpcMethod', 'GrpcStreamMethod'], 'NestJS message handler') },
  startupMethods: LIFECYCLE,
};

export const nestWebsockets: FrameworkSpec = {
  framework: 'nestjs',
  name: 'NestJS',
  label: 'NestJS WebSocket handler',
  modules: ['@nestjs/websockets'],
  exports: { members: decorators(['SubscribeMessage'], 'NestJS WebSocket handler') },
  startupMethods: LIFECYCLE,
};

export const nestGraphql: FrameworkSpec = {
  framework: 'nestjs',
  name: 'NestJS',
  label: 'NestJS GraphQL resolver',
  modules: ['@nestjs/graphql', 'type-graphql'],
  exports: { members: decorators(['Query', 'Mutation', 'ResolveField', 'FieldResolver', 'Subscription', 'ResolveReference'], 'GraphQL resolver') },
  startupMethods: LIFECYCLE,
};
