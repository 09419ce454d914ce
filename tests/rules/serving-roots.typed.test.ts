import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import noSyncFs from '../../rules/no-sync-fs.js';
import { createTypedRuleTester, FIXTURES } from '../rule-tester.js';

/**
 * Serving roots decided by the frameworks' own type names, checked against the real packages'
 * declarations (socket.io, @hapi/hapi, bullmq, ws): each case's code must type-check as written.
 */
const FILE = path.join(FIXTURES, 'file.ts');

/** Type errors of each case, all checked in one program (one virtual file per case beside the fixture). */
function typeErrors(cases: Record<string, string>): Record<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const files = new Map(Object.entries(cases).map(([name, code]) => [path.join(path.dirname(FILE), `virtual-${name}.ts`), code]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const code = files.get(path.resolve(name));
    return code === undefined ? getSourceFile(name, language, onError, create) : ts.createSourceFile(name, code, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const errors: Record<string, string[]> = {};
  for (const [file] of files) {
    const name = path.basename(file, '.ts').replace(/^virtual-/, '');
    errors[name] = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return errors;
}

const socketIo = `import type { Socket } from 'socket.io';
import fs from 'node:fs';
export function registerChat(socket: Socket): void {
  socket.on('message', (text: string) => {
    fs.appendFileSync('chat.log', text);
  });
}
`;

const hapiPlugin = `import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import fs from 'node:fs';
export const users: Plugin<void> = {
  name: 'users',
  register: async (server) => {
    const seed = fs.readFileSync('seed.json', 'utf8');
    server.route({ method: 'GET', path: '/seed', handler: () => seed });
  },
};
export function show(request: Request, toolkit: ResponseToolkit) {
  return toolkit.response(fs.readFileSync(String(request.params.id)));
}
`;

const bullmqProcessor = `import type { Processor } from 'bullmq';
import fs from 'node:fs';
export const resize: Processor = (job) => {
  return Promise.resolve(fs.statSync(String(job.data)).size);
};
`;

const sandboxed = `import type { SandboxedJob } from 'bullmq';
import fs from 'node:fs';
export default async function (job: SandboxedJob): Promise<number> {
  return fs.readFileSync(String(job.data.path)).length;
}
`;

const wsHandler = `import type { WebSocket } from 'ws';
import fs from 'node:fs';
export function attach(ws: WebSocket): void {
  ws.on('message', (data) => {
    fs.appendFileSync('frames', String(data));
  });
}
`;

describe('typed serving-root cases type-check against the real declarations', () => {
  it('socket.io, @hapi/hapi, bullmq and ws cases compile', () => {
    const cases = { socketIo, hapiPlugin, bullmqProcessor, sandboxed, wsHandler };
    expect(typeErrors(cases)).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, []])));
  });
});

createTypedRuleTester().run('no-sync-fs', noSyncFs, {
  valid: [
    { name: 'bullmq: a SandboxedJob processor runs in a child process', code: sandboxed, filename: 'file.ts', settings: { 'event-loop': { typeAware: 'auto' } } },
  ],
  invalid: [
    {
      name: 'socket.io: a parameter typed Socket is followed; its listeners are event handlers',
      code: socketIo,
      filename: 'file.ts',
      settings: { 'event-loop': { typeAware: 'auto' } },
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          data: { api: 'fs.appendFileSync', where: 'inside this socket.io event handler', instead: 'use `fs.promises.appendFile` instead.' },
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: socketIo.replace('(text: string) => {', 'async (text: string) => {').replace('fs.appendFileSync(', 'await fs.promises.appendFile('),
            },
          ],
        },
      ],
    },
    {
      name: 'hapi: Plugin<T> register is start-up; (Request, ResponseToolkit) is a handler',
      code: hapiPlugin,
      filename: 'file.ts',
      settings: { 'event-loop': { typeAware: 'auto' } },
      errors: [
        {
          messageId: 'blocking',
          line: 11,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: hapiPlugin.replace('export function show', 'export async function show').replace('fs.readFileSync(String', 'await fs.promises.readFile(String'),
            },
          ],
        },
      ],
    },
    {
      name: 'bullmq: a function typed Processor is a job processor',
      code: bullmqProcessor,
      filename: 'file.ts',
      settings: { 'event-loop': { typeAware: 'auto' } },
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: bullmqProcessor.replace('= (job) =>', '= async (job) =>').replace('fs.statSync(', '(await fs.promises.stat(').replace(').size', ')).size'),
            },
          ],
        },
      ],
    },
    {
      name: 'ws: a parameter typed WebSocket is followed',
      code: wsHandler,
      filename: 'file.ts',
      settings: { 'event-loop': { typeAware: 'auto' } },
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestAwaitMakeAsync',
              output: wsHandler.replace('(data) => {', 'async (data) => {').replace('fs.appendFileSync(', 'await fs.promises.appendFile('),
            },
          ],
        },
      ],
    },
  ],
});
