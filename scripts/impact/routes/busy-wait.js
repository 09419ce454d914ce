// A busy-wait "sleep" of 20 ms (say, a retry back-off or a rate limit).
import express from 'express';

const app = express();

app.get('/ping', (req, res) => {
  res.send('pong');
});

app.get('/work', (req, res) => {
  const end = Date.now() + 20;
  while (Date.now() < end) {}
  res.json({ waited: 20 });
});

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
