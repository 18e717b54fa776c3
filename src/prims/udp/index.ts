// racket/udp, by concern as Racket's io/network does it: a socket's life
// (lifecycle.ts), sending, receiving, socket options and multicast.

import type { PrimTable } from '../table.js';
import { definer } from './define.js';
import { installLifecycle } from './lifecycle.js';
import { installMulticast } from './multicast.js';
import { installOptions } from './options.js';
import { installReceive } from './receive.js';
import { installSend } from './send.js';

export function installUdp(t: PrimTable): void {
  t.in('racket/udp', () => {
    const def = definer(t);
    installLifecycle(def);
    installSend(def);
    installReceive(def);
    installOptions(def);
    installMulticast(def);
  });
}
