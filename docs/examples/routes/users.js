import { Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import avatars from '../services/avatars.cjs';

export const usersRouter = Router();
const DATA_DIR = path.resolve('data');

// Per request: every sync read here stops all other requests while the disk answers.
usersRouter.get('/:id', async (req, res) => {
  const file = path.join(DATA_DIR, `${req.params.id}.json`);
  if (!existsSync(file)) {
    res.status(404).end();
    return;
  }
  const user = JSON.parse(readFileSync(file, 'utf8'));
  res.json(user);
});

usersRouter.get('/:id/avatars', async (req, res) => {
  res.json(await avatars.listAvatars(req.params.id));
});

// A sync handler blocks just the same: Node has no thread pool for request handlers.
usersRouter.get('/:id/avatar', (req, res) => {
  const file = path.join(DATA_DIR, 'avatars', `${req.params.id}.png`);
  res.type('png').send(readFileSync(file));
});
