// Sequences for the `for` family: the generic protocol the expanded loops
// use for values whose kind is only known at run time (a number, list,
// vector, string, byte string, hash table, or what in-range, in-list, ...
// return), and the in-* procedures themselves.

import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { customPrint } from '../values/printable.js';
import { RHash } from '../values/hash.js';
import { HashImpersonator, VectorImpersonator, seeThrough } from '../values/impersonator.js';
import { RSet } from '../values/set.js';
import * as N from '../values/numbers.js';
import {
  Char,
  EOF,
  Flonum,
  MultipleValues,
  NULL,
  Pair,
  RBytes,
  RString,
  RVector,
  type Sym,
  VOID,
  isList,
  listFromArray,
  listToArray,
  sym,
  type Value,
} from '../values/types.js';
import { InputPort } from '../io/input-port.js';
import { whenReady } from './input.js';
import { Primitive } from '../eval/procedures.js';
import type { Machine } from '../eval/machine.js';
import type { PrimTable } from './table.js';
import { currentInputPort } from './ports.js';
import { checkHash } from './check.js';

type Kind =
  | 'range'
  | 'inclusive-range'
  | 'list'
  | 'vector'
  | 'string'
  | 'bytes'
  | 'hash'
  | 'hash-keys'
  | 'hash-values'
  | 'hash-pairs'
  | 'lines';

/** A sequence: how to walk a value. Positions are numbers (indices or range values) or list tails. */
export class Sequence {
  constructor(
    readonly kind: Kind,
    readonly data: Value,
    /** range: start, end, step. */
    readonly start: Value = 0,
    readonly end: Value = 0,
    readonly step: Value = 1,
    /** hash kinds: a snapshot of the entries. */
    readonly entries: [Value, Value][] = [],
  ) {}
  [customPrint](): string {
    // As Racket: ranges and lists are streams; the other in-* results are not.
    return this.kind === 'range' || this.kind === 'inclusive-range' || (this.kind === 'list' && this.step !== 'value')
      ? '#<stream>'
      : '#<sequence>';
  }
}

/**
 * A sequence made of Racket procedures (in-producer, in-cycle, in-indexed,
 * ... in src/lib/sequences.rkt): a thunk for the first position, then position ->
 * more?, position -> element(s), position -> next position.
 */
export class ProcSequence {
  constructor(
    readonly start: Value,
    readonly more: Value,
    readonly value: Value,
    readonly next: Value,
  ) {}
  [customPrint](): string {
    return '#<sequence>';
  }
}

function isReal(v: Value): boolean {
  return N.isReal(v);
}

function range(who: string, start: Value, end: Value, step: Value): Sequence {
  for (const x of [start, end, step]) if (!isReal(x)) argError(who, 'real?', x);
  return new Sequence('range', VOID, start, end, step);
}

/** The entries an in-hash sequence walks (a chaperoned table's read through its chaperone). */
function hashSeqEntries(who: string, h: Value): [Value, Value][] {
  const table = h instanceof HashImpersonator ? (seeThrough(h) as RHash) : checkHash(who, h);
  return [...table.map.values()];
}

/** The sequence a value stands for in a `for` clause (`ids` name the clause's variables, for the error). */
function toSequence(v: Value, ids: Value): Sequence | ProcSequence {
  if (v instanceof Sequence || v instanceof ProcSequence) return v;
  if (N.isExactInteger(v) && N.compare(v as N.Num, 0) >= 0) return new Sequence('range', VOID, 0, v, 1);
  if (v === NULL || (v instanceof Pair && isList(v))) return new Sequence('list', v);
  if (v instanceof RVector) return new Sequence('vector', v);
  if (v instanceof RString) return new Sequence('string', v);
  if (v instanceof RBytes) return new Sequence('bytes', v);
  if (v instanceof RHash) return new Sequence('hash', v, 0, 0, 1, [...v.map.values()]);
  if (v instanceof RSet) return new Sequence('list', listFromArray(v.elements()));
  if (v instanceof VectorImpersonator) return new Sequence('vector', seeThrough(v));
  if (v instanceof HashImpersonator) {
    const table = seeThrough(v) as RHash;
    return new Sequence('hash', table, 0, 0, 1, [...table.map.values()]);
  }
  const names = listToArray(ids)
    .map((s) => (s as Sym).name)
    .join(' ');
  throw new RacketThrow(makeExn(exnFailContractT, `for: expected a sequence for ${names}, got something else: ${printString(v)}`));
}

/** in-lines: the position is the line just read (or eof). */
function nextLine(s: Sequence): Value {
  const line = (s.data as InputPort).readLine((s.start as Sym).name);
  return line === null ? EOF : new RString(line, false);
}

function startOf(s: Sequence): Value {
  if (s.kind === 'lines') return nextLine(s);
  return s.kind === 'range' || s.kind === 'inclusive-range' ? s.start : s.kind === 'list' ? s.data : 0;
}

function more(s: Sequence, pos: Value): boolean {
  switch (s.kind) {
    case 'range': {
      const up = N.compare(s.step as N.Num, 0) >= 0;
      const c = N.compare(pos as N.Num, s.end as N.Num);
      return up ? c < 0 : c > 0;
    }
    case 'inclusive-range': {
      const up = N.compare(s.step as N.Num, 0) >= 0;
      const c = N.compare(pos as N.Num, s.end as N.Num);
      return up ? c <= 0 : c >= 0;
    }
    case 'list':
      return pos instanceof Pair;
    case 'lines':
      return pos !== EOF;
    case 'vector':
      return (pos as number) < (s.data as RVector).items.length;
    case 'string':
      return (pos as number) < Array.from((s.data as RString).s).length;
    case 'bytes':
      return (pos as number) < (s.data as RBytes).bytes.length;
    default:
      return (pos as number) < s.entries.length;
  }
}

function valueAt(s: Sequence, pos: Value): Value {
  switch (s.kind) {
    case 'range':
    case 'inclusive-range':
    case 'lines':
      return pos;
    case 'list':
      return (pos as Pair).car;
    case 'vector':
      return (s.data as RVector).items[pos as number];
    case 'string':
      return Char.of(Array.from((s.data as RString).s)[pos as number].codePointAt(0)!);
    case 'bytes':
      return (s.data as RBytes).bytes[pos as number];
    case 'hash': {
      const [k, v] = s.entries[pos as number];
      return new MultipleValues([k, v]);
    }
    case 'hash-keys':
      return s.entries[pos as number][0];
    case 'hash-values':
      return s.entries[pos as number][1];
    case 'hash-pairs': {
      const [k, v] = s.entries[pos as number];
      return new Pair(k, v);
    }
  }
}

/** For in-lines on a port whose next line has not arrived: a Block that reads it once it has. */
function linesWait(s: Sequence): Value | null {
  if (s.kind !== 'lines') return null;
  const port = s.data as InputPort;
  const mode = (s.start as Sym).name;
  return port.canReadLine(mode)
    ? null
    : whenReady(
        port,
        () => port.canReadLine(mode),
        () => nextLine(s),
      );
}

function nextOf(s: Sequence, pos: Value): Value {
  if (s.kind === 'lines') return nextLine(s);
  if (s.kind === 'range' || s.kind === 'inclusive-range') return N.add(pos as N.Num, s.step as N.Num);
  if (s.kind === 'list') return (pos as Pair).cdr;
  return (pos as number) + 1;
}

export function installSequences(t: PrimTable): void {
  t.internalFn('make-sequence', 2, 2, (ids: Value, v: Value) => toSequence(v, ids));
  // How expanded `for` loops iterate a value known only at run time: 0 a count
  // (exact nonnegative integer), 1 a vector, 2 a list, 3 anything else (through make-sequence).
  t.internalFn('sequence-kind', 1, 1, (v: Value) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return 0;
    if (v instanceof RVector) return 1;
    if (v === NULL || (v instanceof Pair && isList(v))) return 2;
    return 3;
  });
  // What the expanded `for` loops call for a value known only at run time:
  // four procedures per clause (Racket ones for a ProcSequence, so they may
  // call the program's procedures; start and next may block: the next line of standard input may not have arrived).
  t.internalFn('sequence-start-proc', 1, 1, (s: Value) =>
    s instanceof ProcSequence
      ? s.start
      : new Primitive('sequence-start', 0, 0, () => linesWait(s as Sequence) ?? startOf(s as Sequence), false),
  );
  t.internalFn('sequence-more-proc', 1, 1, (s: Value) =>
    s instanceof ProcSequence ? s.more : new Primitive('sequence-more?', 1, 1, (pos: Value) => more(s as Sequence, pos)),
  );
  t.internalFn('sequence-value-proc', 1, 1, (s: Value) =>
    s instanceof ProcSequence ? s.value : new Primitive('sequence-value', 1, 1, (pos: Value) => valueAt(s as Sequence, pos), true, true),
  );
  t.internalFn('sequence-next-proc', 1, 1, (s: Value) =>
    s instanceof ProcSequence
      ? s.next
      : new Primitive('sequence-next', 1, 1, (pos: Value) => linesWait(s as Sequence) ?? nextOf(s as Sequence, pos), false),
  );
  t.internalFn(
    'make-proc-sequence',
    4,
    4,
    (start: Value, more: Value, value: Value, next: Value) => new ProcSequence(start, more, value, next),
  );
  t.internalFn('check-range', 3, 3, (a: Value, b: Value, c: Value) => {
    range('in-range', a, b, c);
    return VOID;
  });
  t.internalFn('check-in-list', 1, 1, (l: Value) => (isList(l) ? l : argError('in-list', 'list?', l)));

  t.fn('in-range', 1, 3, (a: Value, b?: Value, c: Value = 1) =>
    b === undefined ? range('in-range', 0, a, 1) : range('in-range', a, b, c),
  );
  t.fn('in-inclusive-range', 1, 3, (a: Value, b?: Value, c: Value = 1) => {
    const r = b === undefined ? range('in-inclusive-range', 0, a, 1) : range('in-inclusive-range', a, b, c);
    return new Sequence('inclusive-range', VOID, r.start, r.end, r.step);
  });
  t.fn('in-value', 1, 1, (v: Value) => new Sequence('list', new Pair(v, NULL), 0, 0, 'value'));
  t.fn('in-hash-pairs', 1, 2, (h: Value) => new Sequence('hash-pairs', h, 0, 0, 1, hashSeqEntries('in-hash-pairs', h)));
  t.fn('in-naturals', 0, 1, (start: Value = 0) => {
    if (!N.isExactInteger(start) || N.compare(start as N.Num, 0) < 0) argError('in-naturals', 'exact-nonnegative-integer?', start);
    return new Sequence('range', VOID, start, new Flonum(Infinity), 1);
  });
  t.fn('in-list', 1, 1, (l: Value) => (isList(l) ? new Sequence('list', l) : argError('in-list', 'list?', l)));
  t.fn('in-vector', 1, 1, (v: Value) => {
    if (v instanceof RVector) return new Sequence('vector', v);
    // A chaperoned vector: its elements read through the chaperone.
    if (v instanceof VectorImpersonator) return new Sequence('vector', seeThrough(v));
    return argError('in-vector', 'vector?', v);
  });
  t.fn('in-string', 1, 1, (v: Value) => (v instanceof RString ? new Sequence('string', v) : argError('in-string', 'string?', v)));
  t.fn('in-bytes', 1, 1, (v: Value) => (v instanceof RBytes ? new Sequence('bytes', v) : argError('in-bytes', 'bytes?', v)));
  t.fn('in-hash', 1, 2, (h: Value) => new Sequence('hash', h, 0, 0, 1, hashSeqEntries('in-hash', h)));
  t.fn('in-hash-keys', 1, 2, (h: Value) => new Sequence('hash-keys', h, 0, 0, 1, hashSeqEntries('in-hash-keys', h)));
  t.fn('in-hash-values', 1, 2, (h: Value) => new Sequence('hash-values', h, 0, 0, 1, hashSeqEntries('in-hash-values', h)));
  // in-immutable-hash, in-mutable-hash, in-weak-hash, in-ephemeron-hash and
  // their -keys, -values and -pairs forms: in-hash for one kind of table. The
  // optional bad-index-v is for a table changed while it is walked; the walk
  // here is over a snapshot of the entries, so it is never needed.
  const hashKinds: [string, string, (h: RHash) => boolean][] = [
    ['immutable', '(and/c hash? immutable?)', (h) => !h.mutable],
    ['mutable', '(and/c hash? mutable? hash-strong?)', (h) => h.mutable && h.strength === 'strong'],
    ['weak', '(and/c hash? hash-weak?)', (h) => h.strength === 'weak'],
    ['ephemeron', '(and/c hash? hash-ephemeron?)', (h) => h.strength === 'ephemeron'],
  ];
  for (const [kind, expected, fits] of hashKinds) {
    for (const [suffix, seqKind] of [
      ['', 'hash'],
      ['-keys', 'hash-keys'],
      ['-values', 'hash-values'],
      ['-pairs', 'hash-pairs'],
    ] as const) {
      const who = `in-${kind}-hash${suffix}`;
      t.fn(who, 1, 2, (h: Value) => {
        if (!(h instanceof RHash) || !fits(h)) return argError(who, expected, h);
        return new Sequence(seqKind, h, 0, 0, 1, [...h.map.values()]);
      });
    }
  }
  t.fn('in-lines', 0, 2, function (this: Machine, p?: Value, mode: Value = sym('any')) {
    if (p === undefined) p = this.paramValue(currentInputPort);
    if (!(p instanceof InputPort)) return argError('in-lines', 'input-port?', p);
    return new Sequence('lines', p, mode);
  });
  t.fn('sequence?', 1, 1, (v: Value) => {
    try {
      toSequence(v, NULL);
      return true;
    } catch {
      return false;
    }
  });
}
