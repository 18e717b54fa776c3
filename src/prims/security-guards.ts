// Security guards (Racket Reference §14.6). A guard holds a file, a network
// and (optionally) a link procedure and a parent guard. Before a primitive
// touches a file, the network or a link, it calls the procedures of the
// current guard and then of each ancestor; one that raises denies the access,
// and what it raises reaches the program as the primitive's raise.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { applyNested } from '../eval/nested.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { RPath } from '../values/path.js';
import { listFromArray, str, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export class SecurityGuard {
  constructor(
    readonly parent: SecurityGuard | null,
    readonly file: Value | null,
    readonly network: Value | null,
    readonly link: Value | null,
  ) {}
  [customPrint](): string {
    return '#<security-guard>';
  }
}

/** The guard a runtime starts with: it allows everything. */
const rootGuard = new SecurityGuard(null, null, null, null);

export const currentSecurityGuard = new Parameter(
  rootGuard,
  new Primitive('current-security-guard', 1, 1, (v: Value) =>
    v instanceof SecurityGuard ? v : argError('current-security-guard', 'security-guard?', v),
  ),
  'current-security-guard',
);

/** Calls the `kind` procedure of the current guard and its ancestors with `who` and `args`. */
export function checkSecurity(m: Machine, kind: 'file' | 'network' | 'link', who: string, args: Value[]): void {
  let g = m.paramValue(currentSecurityGuard) as SecurityGuard | null;
  if (g === rootGuard) return;
  for (; g !== null; g = g.parent) {
    const proc = g[kind];
    if (proc !== null) applyNested(m, proc, [sym(who), ...args]);
  }
}

export type FileMode = 'read' | 'write' | 'execute' | 'delete' | 'exists';

/** The file check of `who` on the complete path `path` (null: no particular path) for `modes`. */
export function checkFileAccess(m: Machine, who: string, path: string | null, modes: readonly FileMode[]): void {
  if (m.paramValue(currentSecurityGuard) === rootGuard) return;
  checkSecurity(m, 'file', who, [path === null ? false : new RPath(path), listFromArray(modes.map(sym))]);
}

/** The network check of `who` for `host` (null: any) and `port`, as a 'client or 'server. */
export function checkNetworkAccess(m: Machine, who: string, host: string | null, port: number | null, mode: 'client' | 'server'): void {
  if (m.paramValue(currentSecurityGuard) === rootGuard) return;
  checkSecurity(m, 'network', who, [host === null ? false : str(host), port === null ? false : port, sym(mode)]);
}

/** The link check of `who`: making a link at `path` to `target`. */
export function checkLinkAccess(m: Machine, who: string, path: string, target: string): void {
  if (m.paramValue(currentSecurityGuard) === rootGuard) return;
  checkSecurity(m, 'link', who, [new RPath(path), new RPath(target)]);
}

export function installSecurityGuards(t: PrimTable): void {
  t.fn('make-security-guard', 3, 4, (parent: Value, file: Value, network: Value, link: Value = false) => {
    const who = 'make-security-guard';
    if (!(parent instanceof SecurityGuard)) return argError(who, 'security-guard?', parent);
    if (!isProcedure(file) || !arityIncludes(file, 3)) return argError(who, '(procedure-arity-includes/c 3)', file);
    if (!isProcedure(network) || !arityIncludes(network, 4)) return argError(who, '(procedure-arity-includes/c 4)', network);
    if (link !== false && (!isProcedure(link) || !arityIncludes(link, 3))) {
      return argError(who, '(or/c #f (procedure-arity-includes/c 3))', link);
    }
    return new SecurityGuard(parent, file, network, link === false ? null : link);
  });
  t.fn('security-guard?', 1, 1, (v: Value) => v instanceof SecurityGuard);
  t.value('current-security-guard', currentSecurityGuard);
}
