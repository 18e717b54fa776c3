// The names of racket/base (and a few of other libraries) that rkt cannot
// provide on Node, each with the reason: the committed "impossible" list of issue 13. Each is bound, so a
// program that only mentions it still loads, and using it raises
// exn:fail:unsupported with the reason. npm run coverage counts them apart.

import { Parameter, Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import type { PrimTable } from './table.js';

const NATIVE = 'native extensions (shared libraries of compiled C) cannot be loaded into a JavaScript runtime';
const WILLS = 'a will receives its value after the value has become unreachable, which JavaScript finalizers cannot give';
const LOCKS =
  'Node has no advisory file locks (flock or fcntl), so a file port cannot be locked; Racket raises this on platforms without locking too';
const MEMORY = 'Node cannot account memory use per custodian, so a limit cannot be enforced';
const POLL = 'Node has no synchronous poll(2) of a file descriptor, and its streams do not say whether one is ready';

/** Name, arity (min, max), why Node cannot provide it, and its library when that is not racket/base. */
export const UNSUPPORTED: readonly (readonly [string, number, number, string, string?])[] = [
  ['load-extension', 1, 1, NATIVE],
  ['load-relative-extension', 1, 1, NATIVE],
  ['make-will-executor', 0, 0, WILLS],
  ['will-executor?', 1, 1, WILLS],
  ['will-register', 3, 3, WILLS],
  ['will-execute', 1, 1, WILLS],
  ['will-try-execute', 1, 2, WILLS],
  ['custodian-limit-memory', 2, 3, MEMORY],
  ['custodian-require-memory', 3, 3, MEMORY],
  ['port-try-file-lock?', 2, 2, LOCKS],
  ['port-file-unlock', 1, 1, LOCKS],
  ['unsafe-poll-fd', 2, 3, POLL, 'racket/unsafe/ops'],
];

/** Parameters on the list: their default handler raises. */
export const UNSUPPORTED_PARAMETERS: readonly (readonly [string, number, string])[] = [['current-load-extension', 2, NATIVE]];

export const UNSUPPORTED_NAMES: readonly string[] = [...UNSUPPORTED.map((u) => u[0]), ...UNSUPPORTED_PARAMETERS.map((u) => u[0])];

function unsupported(name: string, reason: string): never {
  throw new RacketThrow(makeExn(exnFailUnsupportedT, `${name}: unsupported\n  reason: ${reason}`));
}

export function installUnsupported(t: PrimTable): void {
  for (const [name, min, max, reason, library] of UNSUPPORTED)
    t.in(library ?? t.library, () => t.fn(name, min, max, () => unsupported(name, reason)));
  for (const [name, arity, reason] of UNSUPPORTED_PARAMETERS) {
    const handler = new Primitive(name, arity, arity, () => unsupported(name, reason));
    t.value(name, new Parameter(handler, false, name));
  }
}
