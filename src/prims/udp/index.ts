// racket/udp.

import type { PrimTable } from '../table.js';
import { installUdpOps } from './ops.js';

export function installUdp(t: PrimTable): void {
  t.in('racket/udp', () => installUdpOps(t));
}
