// data/queue: mutable first-in, first-out queues (enqueue at the back or
// the front, dequeue at the front). queue-filter! is Racket code
// (src/lib/queues.rkt), since it calls a procedure.

import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { errorValueString } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { VOID, listFromArray, listToArray, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export class RQueue {
  /** Front first; `head` is where the front is, so dequeuing does not shift the array. */
  items: Value[] = [];
  head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  [customPrint](): string {
    return '#<queue>';
  }
}

/** raise-type-error's wording, as the queue operations without contracts report a bad argument. */
function typeError(who: string, expected: string, given: Value): never {
  throw new RacketThrow(makeExn(exnFailContractT, `${who}: expected argument of type <${expected}>; given: ${errorValueString(given)}`));
}

function queueArg(who: string, v: Value): RQueue {
  return v instanceof RQueue ? v : argError(who, 'queue?', v);
}

export function installQueues(t: PrimTable): void {
  t.in('data/queue', () => {
    t.fn('make-queue', 0, 0, () => new RQueue());
    const isQueue = t.fn('queue?', 1, 1, (v) => v instanceof RQueue);
    const isNonEmpty = t.fn('non-empty-queue?', 1, 1, (v) => v instanceof RQueue && v.length > 0);
    // The contracts are the predicates themselves (flat contracts apply as predicates).
    t.value('queue/c', isQueue);
    t.value('nonempty-queue/c', isNonEmpty);
    t.internal('queue?', isQueue);
    t.fn('queue-empty?', 1, 1, (v: Value) => queueArg('queue-empty?', v).length === 0);
    t.fn('queue-length', 1, 1, (v: Value) => queueArg('queue-length', v).length);
    t.internal(
      'queue->list',
      t.fn('queue->list', 1, 1, (v: Value) => {
        const q = queueArg('queue->list', v);
        return listFromArray(q.items.slice(q.head));
      }),
    );
    t.fn('enqueue!', 2, 2, (q: Value, x: Value) => {
      if (!(q instanceof RQueue)) typeError('enqueue!', 'queue', q);
      q.items.push(x);
      return VOID;
    });
    t.fn('enqueue-front!', 2, 2, (q: Value, x: Value) => {
      if (!(q instanceof RQueue)) typeError('enqueue-front!', 'queue', q);
      if (q.head > 0) q.items[--q.head] = x;
      else q.items.unshift(x);
      return VOID;
    });
    t.fn('dequeue!', 1, 1, (q: Value) => {
      if (!(q instanceof RQueue)) typeError('dequeue!', 'queue', q);
      if (q.length === 0) typeError('dequeue!', 'non-empty queue', q);
      const x = q.items[q.head];
      q.items[q.head++] = VOID;
      // Drop the dequeued slots once they are half the array.
      if (q.head > 32 && q.head * 2 > q.items.length) {
        q.items = q.items.slice(q.head);
        q.head = 0;
      }
      return x;
    });
  });
  // For queue-filter! and in-queue (src/lib/queues.rkt).
  t.internalFn('queue-set-list!', 2, 2, (q: Value, l: Value) => {
    const r = q as RQueue;
    r.items = listToArray(l);
    r.head = 0;
    return VOID;
  });
}
