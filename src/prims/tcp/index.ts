// racket/tcp over the host's TCP capability: listeners (listen.ts),
// accepting (accept.ts), connecting (connect.ts), the ports of a connection
// (connection.ts) and what is asked of them (ports.ts).

import type { PrimTable } from '../table.js';
import { definer } from '../udp/define.js';
import { installAccept } from './accept.js';
import { installConnect } from './connect.js';
import { installListen } from './listen.js';
import { installPorts } from './ports.js';

export function installTcp(t: PrimTable): void {
  t.in('racket/tcp', () => {
    const def = definer(t);
    installListen(def);
    installAccept(def);
    installConnect(def);
    installPorts(def);
  });
}
