// The same one-way UDP burst in plain Node dgram, for comparison: N 64-byte
// datagrams sent as fast as possible, counted by a receiver socket.
import dgram from 'node:dgram';
const n = Number(process.argv[2] ?? 20000);
const receiver = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');
let count = 0;
let start = 0;
let last = 0;
let idle = null;
function finish() {
  const ms = Math.max(1, last - start);
  console.log(
    `${count} of ${n} datagrams received in ${Math.round(ms)} ms: ${Math.round((count * 1000) / ms)} datagrams/s, ${n - count} lost`,
  );
  receiver.close();
  sender.close();
}
// Stops after all N, or when nothing has come for 200 ms (the rest were lost).
const armIdle = () => {
  clearTimeout(idle);
  idle = setTimeout(finish, 200);
};
receiver.on('message', () => {
  count++;
  last = performance.now();
  if (count === n) {
    clearTimeout(idle);
    finish();
  } else armIdle();
});
receiver.bind(0, '127.0.0.1', () => {
  const port = receiver.address().port;
  const msg = Buffer.alloc(64, 66);
  start = performance.now();
  last = start;
  armIdle();
  for (let i = 0; i < n; i++) sender.send(msg, port, '127.0.0.1');
});
