// Custodians: make-custodian, current-custodian, custodian-shutdown-all,
// custodian-shut-down?, custodian-managed-list, and custodian boxes.

import { Block } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { Custodian, CustodianBox, currentCustodian, shutdownCustodian } from '../thread/custodian.js';
import { argumentsError } from '../errors/messages.js';
import { NULL, Pair } from '../values/types.js';
import { alwaysEvt, neverEvt } from '../thread/evt.js';
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
    else if (this.thread.suspended) this.park(new Block([alwaysEvt]));
    return VOID;
  });
  t.fn('custodian-shut-down?', 1, 1, (c: Value) =>
    c instanceof Custodian ? c.shutDown : argError('custodian-shut-down?', 'custodian?', c),
  );
  t.fn('custodian-managed-list', 2, 2, (c: Value, sup: Value) => {
    if (!(c instanceof Custodian)) return argError('custodian-managed-list', 'custodian?', c);
    if (!(sup instanceof Custodian)) return argError('custodian-managed-list', 'custodian?', sup);
    let p = c.parent;
    while (p !== null && p !== sup) p = p.parent;
    if (p === null) {
      return argumentsError(
        'custodian-managed-list',
        'the second custodian does not manage the first custodian',
        ['first custodian', c],
        ['second custodian', sup],
      );
    }
    const managed: Value[] = [...[...c.threads].filter((th) => th.state !== 'done'), ...c.children, ...(c.resources as Set<Value>)];
    let out: Value = NULL;
    for (let i = managed.length - 1; i >= 0; i--) out = new Pair(managed[i], out);
    return out;
  });
  t.fn('make-custodian-box', 2, 2, (c: Value, v: Value) => {
    if (!(c instanceof Custodian)) return argError('make-custodian-box', 'custodian?', c);
    if (c.shutDown) return argumentsError('make-custodian-box', 'the custodian has been shut down', ['custodian', c]);
    const box = new CustodianBox(c, v);
    c.boxes.add(box);
    return box;
  });
  t.fn('custodian-box?', 1, 1, (v: Value) => v instanceof CustodianBox);
  t.fn('custodian-box-value', 1, 1, (b: Value) =>
    b instanceof CustodianBox ? b.value : argError('custodian-box-value', 'custodian-box?', b),
  );
  // Memory is not accounted per custodian on Node (custodian-limit-memory and custodian-require-memory are not provided).
  t.fn('custodian-memory-accounting-available?', 0, 0, () => false);
}
