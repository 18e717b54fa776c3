// Mutable pairs: mcons, mcar, mcdr, set-mcar!, set-mcdr!, mpair?.

import { argError } from '../errors/messages.js';
import { MPair, VOID } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installMpairs(t: PrimTable): void {
  t.fn('mcons', 2, 2, (a, b) => new MPair(a, b));
  t.fn('mcar', 1, 1, (p) => (p instanceof MPair ? p.car : argError('mcar', 'mpair?', p)));
  t.fn('mcdr', 1, 1, (p) => (p instanceof MPair ? p.cdr : argError('mcdr', 'mpair?', p)));
  t.fn('set-mcar!', 2, 2, (p, v) => {
    if (!(p instanceof MPair)) argError('set-mcar!', 'mpair?', p);
    p.car = v;
    return VOID;
  });
  t.fn('set-mcdr!', 2, 2, (p, v) => {
    if (!(p instanceof MPair)) argError('set-mcdr!', 'mpair?', p);
    p.cdr = v;
    return VOID;
  });
  t.fn('mpair?', 1, 1, (v) => v instanceof MPair);
}
