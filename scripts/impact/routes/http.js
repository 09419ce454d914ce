// Sync HTTP: calls the slow upstream API (it answers after a fixed delay) with sync-fetch.
import express from 'express';
import syncFetch from 'sync-fetch';

const app = express();
const upstream = process.env.IMPACT_UPSTREAM;

app.get('/ping', (req, res) => {
  res.send('pong');
});

app.get('/work', (req, res) => {
  const quote = syncFetch(`${upstream}/quote`).text();
  res.json({ quote });
});

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
