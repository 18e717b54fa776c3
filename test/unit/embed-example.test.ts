// examples/embed: a Node application whose UDP logic is a Racket script.

import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs example, imported as the application would run it
import { startMetricsServer } from '../../examples/embed/server.mjs';

interface Server {
  port: number;
  snapshot(): Promise<Map<string, unknown>>;
  close(): Promise<void>;
}

describe('examples/embed (statsd-style metrics receiver)', () => {
  it('aggregates the datagrams it receives', async () => {
    const server = (await startMetricsServer()) as Server;
    const client = createSocket('udp4');
    try {
      const send = (text: string) =>
        new Promise<void>((res, rej) => client.send(text, server.port, '127.0.0.1', (e) => (e ? rej(e) : res())));
      await send('hits:1|c');
      await send('hits:2|c\nload:0.5|g');
      await send('latency:10|ms\nlatency:20|ms');
      await send('not a metric');
      // Datagrams arrive asynchronously: poll until the last one has been
      // counted, with a deadline generous enough for a busy machine.
      const deadline = performance.now() + 10_000;
      let snap = await server.snapshot();
      while ((snap.get('bad-lines') as number) < 1 && performance.now() < deadline) {
        await new Promise((res) => setTimeout(res, 10));
        snap = await server.snapshot();
      }
      expect(snap.get('counters')).toEqual(new Map([['hits', 3]]));
      expect(snap.get('gauges')).toEqual(new Map([['load', 0.5]]));
      expect(snap.get('timings')).toEqual(new Map([['latency', [2, 15]]]));
      expect(snap.get('bad-lines')).toBe(1);
    } finally {
      client.close();
      await server.close();
    }
  });
});
