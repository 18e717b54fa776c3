// The same UDP ping-pong in plain Node dgram, for comparison.
import dgram from 'node:dgram';
const n = Number(process.argv[2] ?? 20000);
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
server.on('message', (msg, r) => server.send(msg, r.port, r.address));
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const msg = Buffer.alloc(64, 65);
  let i = 0;
  const start = performance.now();
  client.on('message', () => {
    if (++i < n) client.send(msg, port, '127.0.0.1');
    else {
      const ms = performance.now() - start;
      console.log(`${n} round trips in ${Math.round(ms)} ms: ${Math.round((n * 1000) / ms)} round trips/s`);
      server.close();
      client.close();
    }
  });
  client.send(msg, port, '127.0.0.1');
});
