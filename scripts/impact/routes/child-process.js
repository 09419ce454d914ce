// A short command run with execSync.
import express from 'express';
import { execSync } from 'node:child_process';

const app = express();

app.get('/ping', (req, res) => {
  res.send('pong');
});

app.get('/work', (req, res) => {
  const system = execSync('uname -sr').toString().trim();
  res.json({ system });
});

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
