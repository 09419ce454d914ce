// Start-up: runs once before the server accepts requests, so sync reads here are fine.
import fs from 'node:fs';
import express from 'express';
import { authRouter } from './routes/auth.js';
import { statusRouter } from './routes/status.js';
import { usersRouter } from './routes/users.js';

const config = JSON.parse(fs.readFileSync(new URL('./config.json', import.meta.url), 'utf8'));

const app = express();
app.use(express.json());
app.use('/users', usersRouter);
app.use('/auth', authRouter);
app.use('/status', statusRouter);

app.get('/health', (req, res) => {
  res.json({ ok: true, version: config.version });
});

app.listen(config.port, () => {
  fs.writeFileSync('server.pid', String(process.pid));
  console.log(`listening on ${config.port}`);
});
