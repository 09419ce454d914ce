// Password hashing with pbkdf2Sync (30,000 iterations of SHA-256).
import express from 'express';
import crypto from 'node:crypto';

const app = express();

app.get('/ping', (req, res) => {
  res.send('pong');
});

app.get('/work', (req, res) => {
  const key = crypto.pbkdf2Sync('correct horse battery staple', 'salt', 30_000, 32, 'sha256');
  res.json({ key: key.toString('hex') });
});

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
