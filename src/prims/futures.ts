// racket/future (The Racket Reference §11.4): futures, fsemaphores and
// processor-count. rkt has one JS thread per place, so a future does not run
// in parallel: its thunk runs when it is first touched, on the touching green
// thread (as Racket runs a future that has not started, or that blocked, when
// it is touched). `touch` and `current-future` are Racket code
// (src/lib/futures.rkt) over the state kept here; for/async and for*/async
// are macros/future-forms.ts.

import { Block } from '../eval/block.js';
import { argError } from '../errors/messages.js';
import { VoidResultEvt } from '../thread/evt.js';
import { Semaphore, SemaphorePeekEvt } from '../thread/semaphore.js';
import { customPrint } from '../values/printable.js';
import { NULL, VOID, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

type FutureState = 'pending' | 'running' | 'done' | 'aborted';

export class Future {
  state: FutureState = 'pending';
  results: readonly Value[] = [];
  /** Posted once the thunk has returned or raised, for other threads touching it meanwhile. */
  readonly finished = new Semaphore(0);
  constructor(readonly thunk: Value) {}
  [customPrint](): string {
    return '#<future>';
  }
}

/** A future semaphore: a counting semaphore that is not an event. */
export class FSemaphore {
  constructor(readonly sem: Semaphore) {}
  [customPrint](): string {
    return '#<fsemaphore>';
  }
}

function fsemaphoreArg(who: string, v: Value): FSemaphore {
  return v instanceof FSemaphore ? v : argError(who, 'fsemaphore?', v);
}

export function installFutures(t: PrimTable): void {
  t.in('racket/future', () => {
    const makeFuture = (who: string) =>
      t.fn(who, 1, 1, (thunk: Value) => {
        if (!(isProcedure(thunk) && arityIncludes(thunk, 0))) return argError(who, '(procedure-arity-includes/c 0)', thunk);
        return new Future(thunk);
      });
    makeFuture('future');
    makeFuture('would-be-future');
    t.fn('future?', 1, 1, (v) => v instanceof Future);
    // Racket CS answers #t here; rkt's futures never run in parallel, so it
    // says so: a program that checks this before splitting work learns that
    // splitting will not speed it up. (The results are the same either way.)
    t.fn('futures-enabled?', 0, 0, () => false);
    t.fn('processor-count', 0, 0, function (this) {
      return this.rt.host.processorCount?.() ?? 1;
    });
    t.fn('make-fsemaphore', 1, 1, (n: Value) => {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return argError('make-fsemaphore', 'exact-nonnegative-integer?', n);
      return new FSemaphore(new Semaphore(n));
    });
    t.fn('fsemaphore?', 1, 1, (v) => v instanceof FSemaphore);
    t.fn('fsemaphore-count', 1, 1, (v: Value) => fsemaphoreArg('fsemaphore-count', v).sem.count);
    t.fn('fsemaphore-post', 1, 1, (v: Value) => {
      fsemaphoreArg('fsemaphore-post', v).sem.post();
      return VOID;
    });
    t.fn('fsemaphore-try-wait?', 1, 1, (v: Value) => {
      const s = fsemaphoreArg('fsemaphore-try-wait?', v).sem;
      if (s.count === 0) return false;
      s.count--;
      return true;
    });
    t.blocking('fsemaphore-wait', 1, 1, (v: Value) => new Block([new VoidResultEvt(fsemaphoreArg('fsemaphore-wait', v).sem)]));
  });
  // For touch (src/lib/futures.rkt).
  t.internalFn('future?', 1, 1, (v) => v instanceof Future);
  t.internalFn('future-state', 1, 1, (f: Value) => sym((f as Future).state));
  t.internalFn('future-thunk', 1, 1, (f: Value) => (f as Future).thunk);
  t.internalFn('future-results', 1, 1, (f: Value) => listFromArray([...(f as Future).results]));
  t.internalFn('future-finished-evt', 1, 1, (f: Value) => new SemaphorePeekEvt((f as Future).finished));
  t.internalFn('future-running!', 1, 1, (f: Value) => {
    (f as Future).state = 'running';
    return VOID;
  });
  t.internalFn('future-aborted!', 1, 1, (f: Value) => {
    (f as Future).state = 'aborted';
    (f as Future).finished.post();
    return VOID;
  });
  t.internalFn('future-done!', 2, 2, (f: Value, results: Value) => {
    const fut = f as Future;
    fut.state = 'done';
    fut.results = results === NULL ? [] : listToArray(results);
    fut.finished.post();
    return VOID;
  });
}
