// Places over node:worker_threads: each place is a worker thread running the
// rkt bundle again (the worker's entry in cli/main.ts), which makes a runtime
// of its own, instantiates the module and calls its start procedure with the
// channel to its creator. Messages are structured-clone trees
// (prims/place-messages.ts makes and reads them).

import { MessageChannel, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import type { HostPlaces } from './host.js';

/** What a place's worker is told to run. */
export interface PlaceStart {
  readonly module: string;
  readonly start: string;
}

/** The start of this worker, when it is a place. */
export function placeStart(): PlaceStart | null {
  const d = workerData as { rktPlace?: PlaceStart } | null;
  return parentPort !== null && d?.rktPlace !== undefined ? d.rktPlace : null;
}

/** Places whose workers run `bundle` (the file of the rkt command's bundle). */
export function nodePlaces(bundle: string): HostPlaces {
  // Only a place's worker talks to a parent: another worker thread (a test runner's) has a
  // parentPort too, whose messages are not ours.
  const port = placeStart() !== null ? parentPort : null;
  return {
    start({ module, start, onMessage, onStdout, onStderr, onExit }) {
      const worker = new Worker(bundle, { workerData: { rktPlace: { module, start } }, argv: [], stdout: true, stderr: true });
      worker.on('message', onMessage);
      // The place's output goes through its creator's, so it lands where the creator's does.
      worker.stdout.on('data', (chunk: Buffer) => onStdout(new Uint8Array(chunk)));
      worker.stderr.on('data', (chunk: Buffer) => onStderr(new Uint8Array(chunk)));
      // The exit is reported once both output streams have ended.
      let pending = 3;
      let exitCode = 1;
      const done = () => {
        if (--pending === 0) onExit(exitCode);
      };
      worker.stdout.on('end', done);
      worker.stderr.on('end', done);
      // A worker that fails inside Node (not in Racket code) ends as a place that failed.
      worker.on('error', () => {});
      worker.on('exit', (code) => {
        exitCode = code;
        done();
      });
      return {
        post: (message, transfer) => worker.postMessage(message, transfer as MessagePort[] | undefined),
        kill: () => void worker.terminate(),
        writeStdin: (data) => worker.postMessage({ k: 'in', d: data }),
        endStdin: () => worker.postMessage({ k: 'in-end' }),
      };
    },
    parent:
      port === null
        ? undefined
        : {
            post: (message, transfer) => port.postMessage(message, transfer as MessagePort[] | undefined),
            onMessage: (f) => port.on('message', f),
          },
    readStdin: port === null ? undefined : stdinFrom(port),
    link: () => {
      const c = new MessageChannel();
      return [c.port1, c.port2];
    },
    listen: (link, f) => void (link as MessagePort).on('message', f),
    postLink: (link, message, transfer) => (link as MessagePort).postMessage(message, transfer as MessagePort[]),
  };
}

type StdinMessage = { k: 'in'; d: Uint8Array } | { k: 'in-end' };

/** A place's standard input: what its creator sends, kept until the program first reads. */
function stdinFrom(port: NonNullable<typeof parentPort>): NonNullable<HostPlaces['readStdin']> {
  const early: StdinMessage[] = [];
  let sink: ((m: StdinMessage) => void) | null = null;
  port.on('message', (m: { k: string }) => {
    if (m.k !== 'in' && m.k !== 'in-end') return;
    if (sink === null) early.push(m as StdinMessage);
    else sink(m as StdinMessage);
  });
  return (onData, onEnd) => {
    sink = (m) => (m.k === 'in' ? onData(m.d) : onEnd());
    for (const m of early.splice(0)) sink(m);
  };
}
