import { execSync } from 'node:child_process';
import { Router } from 'express';
import request from 'sync-request';

export const statusRouter = Router();

// Each request forks git and waits for it: the whole server stalls meanwhile.
statusRouter.get('/version', async (req, res) => {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  res.json({ commit });
});

// A "simple" upstream check written with a synchronous HTTP client.
statusRouter.get('/upstream', async (req, res) => {
  const upstream = request('GET', 'http://127.0.0.1:4000/health').getBody('utf8');
  res.json({ upstream: JSON.parse(upstream) });
});

// Retry with a pause between attempts: the pause spins the CPU instead of sleeping.
statusRouter.post('/warmup', async (req, res) => {
  const until = Date.now() + 200;
  while (Date.now() < until) {
    // wait before answering
  }
  res.status(204).end();
});
