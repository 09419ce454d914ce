import type { FastifyInstance } from 'fastify';
import * as fs from 'node:fs';

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

  app.get('/reports', async () => {
    const names = fs.readdirSync('reports');
    const sizes = names.map((name) => fs.statSync(`reports/${name}`).size);
    return names.map((name, index) => ({ name, size: sizes[index] }));
  });
}
