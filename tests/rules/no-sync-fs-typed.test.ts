import noSyncFs from '../../rules/no-sync-fs.js';
import { createTypedRuleTester } from '../rule-tester.js';

createTypedRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    {
      name: 'typed: Fastify onReady hook',
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
const app = Fastify();
app.addHook('onReady', async () => {
  fs.mkdirSync('cache', { recursive: true });
});`,
    },
    {
      name: 'typed: Nest lifecycle hook',
      code: `import { Injectable, type OnModuleInit } from '@nestjs/common';
import fs from 'node:fs';
@Injectable()
export class Config implements OnModuleInit {
  text = '';
  async onModuleInit() {
    this.text = fs.readFileSync('config.yml', 'utf8');
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: Express handler with real declarations',
      code: `import express, { type Request, type Response } from 'express';
import fs from 'node:fs';
const app = express();
function show(req: Request, res: Response) {
  res.send(fs.readFileSync('page.html', 'utf8'));
}
app.get('/', show);`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import express, { type Request, type Response } from 'express';
import fs from 'node:fs';
const app = express();
async function show(req: Request, res: Response) {
  res.send(await fs.promises.readFile('page.html', 'utf8'));
}
app.get('/', show);`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: handler typed by Express types only',
      code: `import type { Request, Response } from 'express';
import fs from 'node:fs';
export function show(req: Request, res: Response) {
  res.send(fs.readFileSync('page.html', 'utf8'));
}`,
      options: [{contexts: {requestShapedParameters: false}}],
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsyncNote',
              output: `import type { Request, Response } from 'express';
import fs from 'node:fs';
export async function show(req: Request, res: Response) {
  res.send(await fs.promises.readFile('page.html', 'utf8'));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: Fastify plugin typed FastifyPluginAsync',
      code: `import type { FastifyPluginAsync } from 'fastify';
import fs from 'node:fs';
const routes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/', async () => fs.readFileSync('index.html', 'utf8'));
};
export default routes;`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type { FastifyPluginAsync } from 'fastify';
import fs from 'node:fs';
const routes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/', async () => await fs.promises.readFile('index.html', 'utf8'));
};
export default routes;`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: Nest controller',
      code: `import { Controller, Get } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @Get()
  list(): string[] {
    return fs.readdirSync('files');
  }
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { Controller, Get } from '@nestjs/common';
import fs from 'node:fs';
@Controller('files')
export class FilesController {
  @Get()
  async list(): string[] {
    return await fs.promises.readdir('files');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: Koa and Hono',
      code: `import Koa from 'koa';
import { Hono } from 'hono';
import fs from 'node:fs';
const koa = new Koa();
koa.use((ctx) => {
  ctx.body = fs.readFileSync('a');
});
const hono = new Hono();
hono.get('/', (c) => c.text(fs.readFileSync('b', 'utf8')));`,
      errors: [
        {
          messageId: 'blocking',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import Koa from 'koa';
import { Hono } from 'hono';
import fs from 'node:fs';
const koa = new Koa();
koa.use(async (ctx) => {
  ctx.body = await fs.promises.readFile('a');
});
const hono = new Hono();
hono.get('/', (c) => c.text(fs.readFileSync('b', 'utf8')));`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import Koa from 'koa';
import { Hono } from 'hono';
import fs from 'node:fs';
const koa = new Koa();
koa.use((ctx) => {
  ctx.body = fs.readFileSync('a');
});
const hono = new Hono();
hono.get('/', async (c) => c.text(await fs.promises.readFile('b', 'utf8')));`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: tRPC procedure',
      code: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.create();
export const router = t.router({
  list: t.procedure.query(() => fs.readdirSync('items')),
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: `import { initTRPC } from '@trpc/server';
import fs from 'node:fs';
const t = initTRPC.create();
export const router = t.router({
  list: t.procedure.query(async () => await fs.promises.readdir('items')),
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: Lambda handler type',
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
import fs from 'node:fs';
export const handler: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: fs.readFileSync('/tmp/b', 'utf8') });`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 86,
          endLine: 3,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import type { APIGatewayProxyHandler } from 'aws-lambda';
import fs from 'node:fs';
export const handler: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: await fs.promises.readFile('/tmp/b', 'utf8') });`,
            },
          ],
        },
      ],
    },

  ],
});
