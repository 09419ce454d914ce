// The slow API of the story: an upstream service on 127.0.0.1 that answers every request after a
// fixed delay (IMPACT_DELAY_MS, default 100 ms) without blocking its own event loop.
import http from 'node:http';

const delay = Number(process.env.IMPACT_DELAY_MS ?? 100);

const server = http.createServer((req, res) => {
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Slow and steady wins the race.');
  }, delay);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
