import type { FastifyInstance } from 'fastify';
import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';

interface Report {
  id: string;
  rows: unknown[];
}

export default async function reportRoutes(app: FastifyInstance) {
  app.post<{ Body: Report }>('/reports', async (request) => {
    const target = `reports/${request.body.id}.json`;
    fs.writeFileSync(target, JSON.stringify(request.body.rows));
    return { saved: target };
  });

  app.get('/reports/:id/download', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = await fs.promises.readFile(`reports/${id}.json`);
    reply.header('content-encoding', 'gzip');
    return gzipSync(body);
  });

  app.get('/reports', async () => {
    const names = fs.readdirSync('reports');
    const sizes = names.map((name) => fs.statSync(`reports/${name}`).size);
    return names.map((name, index) => ({ name, size: sizes[index] }));
  });
}
