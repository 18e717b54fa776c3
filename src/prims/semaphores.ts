// Semaphores: make-semaphore, semaphore-post, semaphore-wait and friends.

import { Block, NOT_READY } from '../eval/block.js';
import { Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { VoidResultEvt } from '../thread/evt.js';
import { Semaphore, SemaphorePeekEvt } from '../thread/semaphore.js';
import { VOID, type Value } from '../values/types.js';
import { withBreaksEnabled } from './breaks.js';
import type { PrimTable } from './table.js';

function checkSemaphore(who: string, v: Value): Semaphore {
  if (v instanceof Semaphore) return v;
  return argError(who, 'semaphore?', v);
}

export function installSemaphores(t: PrimTable): void {
  t.fn('make-semaphore', 0, 1, (n: Value = 0) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return argError('make-semaphore', 'exact-nonnegative-integer?', n);
    return new Semaphore(n);
  });
  t.fn('semaphore?', 1, 1, (v) => v instanceof Semaphore);
  t.fn('semaphore-post', 1, 1, (s: Value) => {
    checkSemaphore('semaphore-post', s).post();
    return VOID;
  });
  const semaphoreWait = (who: string) => (s: Value) => new Block([new VoidResultEvt(checkSemaphore(who, s))]);
  t.blocking('semaphore-wait', 1, 1, semaphoreWait('semaphore-wait'));
  const waitBreakable = new Primitive('semaphore-wait/enable-break', 1, 1, semaphoreWait('semaphore-wait/enable-break'), false);
  withBreaksEnabled(t, 'semaphore-wait/enable-break', waitBreakable);
  t.fn('semaphore-try-wait?', 1, 1, (s: Value) => checkSemaphore('semaphore-try-wait?', s).poll() !== NOT_READY);
  t.fn('semaphore-peek-evt?', 1, 1, (v: Value) => v instanceof SemaphorePeekEvt);
  t.fn('semaphore-peek-evt', 1, 1, (s: Value) => new SemaphorePeekEvt(checkSemaphore('semaphore-peek-evt', s)));
}
