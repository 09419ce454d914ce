// gzipSync of a 0.5 MB CSV report (a download route).
import express from 'express';
import zlib from 'node:zlib';

const app = express();
const report = Buffer.from('id,name,total\n' + Array.from({ length: 25_000 }, (_, i) => `${i},user-${i % 977},${(i * 7919) % 100_000}`).join('\n'));

app.get('/ping', (req, res) => {
  res.send('pong');
});

app.get('/work', (req, res) => {
  const body = zlib.gzipSync(report);
  res.json({ bytes: report.length, gzipped: body.length });
});

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
