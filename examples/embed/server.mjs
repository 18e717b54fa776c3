// A Node application whose UDP protocol logic is a Racket script
// (metrics.rkt): Node owns the process and the reporting, Racket parses and
// aggregates the datagrams.
//
//   node examples/embed/server.mjs [port]
//
// then, from another shell: echo -n "hits:1|c" | nc -u -w0 127.0.0.1 PORT

import { fileURLToPath } from 'node:url';
import { Racket } from 'racket-udp';

/** Starts the metrics receiver; resolves once it listens. */
export async function startMetricsServer({ port = 0, stderr } = {}) {
  const racket = new Racket({ stderr, network: { allow: [] } });
  const metrics = await racket.runFile(fileURLToPath(new URL('./metrics.rkt', import.meta.url)));
  const { 'start!': start, snapshot } = metrics.exports;
  const listening = await start(port);
  return {
    port: listening,
    /** The aggregates as plain JS: Maps of name to value. */
    snapshot: () => snapshot(),
    close: () => racket.close(),
  };
}

// Run directly: report every 2 seconds until interrupted.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startMetricsServer({ port: Number(process.argv[2] ?? 8125) });
  console.log(`metrics receiver listening on 127.0.0.1:${server.port}`);
  const timer = setInterval(async () => console.log(await server.snapshot()), 2000);
  process.on('SIGINT', async () => {
    clearInterval(timer);
    await server.close();
  });
}
