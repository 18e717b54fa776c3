// Custodians: make-custodian, current-custodian, custodian-shutdown-all.

import { Block } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { Custodian, currentCustodian, shutdownCustodian } from '../thread/custodian.js';
import { neverEvt } from '../thread/evt.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installCustodians(t: PrimTable): void {
  t.value('current-custodian', currentCustodian);
  t.fn('make-custodian', 0, 1, function (this: Machine, parent?: Value) {
    const p = parent === undefined ? (this.paramValue(currentCustodian) as Custodian) : parent;
    if (!(p instanceof Custodian)) return argError('make-custodian', 'custodian?', parent);
    return new Custodian(p);
  });
  t.fn('custodian?', 1, 1, (v) => v instanceof Custodian);
  t.fn('custodian-shutdown-all', 1, 1, function (this: Machine, c: Value) {
    if (!(c instanceof Custodian)) return argError('custodian-shutdown-all', 'custodian?', c);
    const self = this.thread.state === 'done';
    shutdownCustodian(this.rt.sched, c);
    // If this thread was among the killed, it stops here.
    if (!self && this.thread.state === 'done') this.park(new Block([neverEvt]));
    return VOID;
  });
}
