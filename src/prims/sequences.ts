// Sequences for the `for` family: the generic protocol the expanded loops
// use for values whose kind is only known at run time (a number, list,
// vector, string, byte string, hash table, or what in-range, in-list, ...
// return), and the in-* procedures themselves.

import { RawText, argError, argumentsError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { customPrint } from '../values/printable.js';
import { RHash } from '../values/hash.js';
import { HashImpersonator, VectorImpersonator, seeThrough } from '../values/impersonator.js';
import { RSet } from '../values/set.js';
import { FlVector, FxVector } from '../values/flvectors.js';
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
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { ThenFrame } from '../eval/machine.js';
import { StructInstance, StructProperty } from '../values/struct.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { Machine } from '../eval/machine.js';
import type { PrimTable } from './table.js';
import { currentInputPort } from './ports.js';
import { checkHash } from './check.js';
import { hashBase, hashKeyThrough } from './impersonators.js';
import {
  type BuiltinStreamSteps,
  builtinStream,
  isStreamValue,
  isStructStream,
  streamFirstStep,
  streamNotEmptyStep,
  streamRestStep,
} from './stream-protocol.js';

type Kind =
  | 'range'
  | 'inclusive-range'
  | 'list'
  | 'vector'
  | 'string'
  | 'bytes'
  | 'flvector'
  | 'fxvector'
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
    readonly entries: readonly [Value, Value][] = [],
  ) {}
  /** As Racket: ranges and lists are streams; the other in-* results are not. */
  get isStream(): boolean {
    return this.kind === 'range' || this.kind === 'inclusive-range' || (this.kind === 'list' && this.step !== 'value');
  }
  [customPrint](): string {
    return this.isStream ? '#<stream>' : '#<sequence>';
  }
  [builtinStream](): BuiltinStreamSteps | null {
    if (!this.isStream) return null;
    const start = startOf(this);
    return {
      empty: () => !more(this, start),
      first: () => valueAt(this, start),
      rest: () =>
        this.kind === 'list'
          ? new Sequence('list', (start as Pair).cdr)
          : new Sequence(this.kind, VOID, nextOf(this, start), this.end, this.step),
    };
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

/** A stream as a sequence whose position is the stream itself: what in-stream gives, and how a `for` walks an instance with prop:stream. */
function streamSequence(v: Value): ProcSequence {
  return new ProcSequence(new Primitive('in-stream', 0, 0, () => v), streamNotEmptyStep, streamFirstStep, streamRestStep);
}

/** prop:sequence: a procedure from an instance to the sequence it stands for. */
export const propSequence = new StructProperty(
  'sequence',
  new Primitive('sequence-property-guard', 2, 2, (v: Value) =>
    isProcedure(v) && arityIncludes(v, 1) ? v : argError('sequence-property-guard', '(procedure-arity-includes/c 1)', v),
  ),
);

/** The prop:sequence procedure of `v`, if it is an instance that has one. */
function sequenceProcedure(v: Value): Value | undefined {
  return v instanceof StructInstance ? v.type.prop(propSequence) : undefined;
}

/** make-sequence: the sequence `v` stands for, running prop:sequence procedures (which may be Racket code) on the way. */
function makeSequence(m: Machine, ids: Value, v: Value): void {
  const proc = sequenceProcedure(v);
  if (proc === undefined) {
    m.returnValue(toSequence(v, ids));
    return;
  }
  m.stack.push(
    new ThenFrame((m2) => {
      const got = m2.val;
      if (!isSequence(got)) {
        const msg = `sequence-generate: procedure (value of prop:sequence) produced a non-sequence: ${printString(got)}`;
        throw new RacketThrow(makeExn(exnFailContractT, msg));
      }
      makeSequence(m2, ids, got);
    }),
  );
  m.applyArray(proc, [v]);
}

function isSequence(v: Value): boolean {
  if (sequenceProcedure(v) !== undefined) return true;
  try {
    toSequence(v, NULL);
    return true;
  } catch {
    return false;
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
function hashSeqEntries(who: string, h: Value): readonly [Value, Value][] {
  const table = h instanceof HashImpersonator ? (seeThrough(h) as RHash) : checkHash(who, h);
  return table.entries();
}

/** The sequence a value stands for in a `for` clause (`ids` name the clause's variables, for the error). */
function toSequence(v: Value, ids: Value): Sequence | ProcSequence {
  if (v instanceof Sequence || v instanceof ProcSequence) return v;
  if (N.isExactInteger(v) && N.compare(v as N.Num, 0) >= 0) return new Sequence('range', VOID, 0, v, 1);
  if (v === NULL || (v instanceof Pair && isList(v))) return new Sequence('list', v);
  if (v instanceof RVector || v instanceof RString || v instanceof RBytes || v instanceof FlVector || v instanceof FxVector)
    return vectorLike('', '', v);
  if (v instanceof RHash) return new Sequence('hash', v, 0, 0, 1, v.entries());
  if (v instanceof RSet) return new Sequence('list', listFromArray(v.elements()));
  if (v instanceof VectorImpersonator) return vectorLike('', '', seeThrough(v) as RVector);
  if (v instanceof HashImpersonator) {
    const table = seeThrough(v) as RHash;
    return new Sequence('hash', table, 0, 0, 1, table.entries());
  }
  if (isStructStream(v)) return streamSequence(v);
  const names = listToArray(ids)
    .map((s) => (s as Sym).name)
    .join(' ');
  throw new RacketThrow(makeExn(exnFailContractT, `for: expected a sequence for ${names}, got something else: ${printString(v)}`));
}

function isVectorLike(s: Sequence): boolean {
  return s.kind === 'vector' || s.kind === 'string' || s.kind === 'bytes' || s.kind === 'flvector' || s.kind === 'fxvector';
}

/**
 * A vector, string or byte string walked from `start` (default 0) towards
 * `stop` (default, or #f: the length) by `step` (default 1), checked as
 * Racket's in-vector, in-string and in-bytes check them.
 */
function vectorLike(
  who: string,
  typeName: string,
  v: RVector | RString | RBytes | FlVector | FxVector,
  start: Value = 0,
  stop: Value = false,
  step: Value = 1,
): Sequence {
  const kind =
    v instanceof RVector
      ? 'vector'
      : v instanceof RString
        ? 'string'
        : v instanceof RBytes
          ? 'bytes'
          : v instanceof FlVector
            ? 'flvector'
            : 'fxvector';
  const len = v instanceof RString ? v.length : v instanceof RBytes ? v.bytes.length : v.items.length;
  const end = stop === false ? len : stop;
  const isInt = (x: Value): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!isInt(start) || start < 0) return argError(who, 'exact-nonnegative-integer?', start);
  const outOfRange = (which: string, i: number, lo: number, hi: number): never =>
    len === 0
      ? argumentsError(who, `${which} index is out of range for empty ${typeName}`, ['index', i])
      : argumentsError(
          who,
          `${which} index is out of range`,
          [`${which} index`, i],
          ['valid range', new RawText(`[${lo}, ${hi}]`)],
          [typeName, v],
        );
  if (!(start < len || (len === start && start === end))) outOfRange('starting', start, 0, len - 1);
  if (!isInt(end)) return argError(who, 'exact-integer?', end);
  if (end < -1 || end > len) outOfRange('stopping', end, -1, len);
  if (!isInt(step) || step === 0) return argError(who, '(and/c exact-integer? (not/c zero?))', step);
  const fields: [string, Value][] = [
    ['starting index', start],
    ['stopping index', end],
    ['step', step],
  ];
  if (start < end && step < 0) argumentsError(who, 'starting index less than stopping index, but given a negative step', ...fields);
  if (end < start && step > 0) argumentsError(who, 'starting index more than stopping index, but given a positive step', ...fields);
  return new Sequence(kind, v, start, end, step);
}

/** in-lines: the position is the line just read (or eof). */
function nextLine(s: Sequence): Value {
  const line = (s.data as InputPort).readLine((s.start as Sym).name);
  return line === null ? EOF : new RString(line, false);
}

function startOf(s: Sequence): Value {
  if (s.kind === 'lines') return nextLine(s);
  return s.kind === 'range' || s.kind === 'inclusive-range' || isVectorLike(s) ? s.start : s.kind === 'list' ? s.data : 0;
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
    case 'string':
    case 'bytes':
    case 'flvector':
    case 'fxvector':
      return (s.step as number) > 0 ? (pos as number) < (s.end as number) : (pos as number) > (s.end as number);
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
      return Char.of((s.data as RString).codeAt(pos as number));
    case 'bytes':
      return (s.data as RBytes).bytes[pos as number];
    case 'flvector':
      return new Flonum((s.data as FlVector).items[pos as number]);
    case 'fxvector':
      return (s.data as FxVector).items[pos as number];
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
  if (isVectorLike(s)) return (pos as number) + (s.step as number);
  return (pos as number) + 1;
}

export function installSequences(t: PrimTable): void {
  t.internal('make-sequence', new MachinePrimitive('make-sequence', 2, 2, (m, a) => makeSequence(m, a[1], a[2])));
  t.value('prop:sequence', propSequence);
  t.internalFn('stream?', 1, 1, isStreamValue);
  t.in('racket/sequence', () => {
    const nothing = (name: string, v: Value) => new Primitive(name, 0, 1, () => v);
    t.value(
      'empty-sequence',
      new ProcSequence(
        nothing('empty-sequence', false),
        nothing('empty-sequence', false),
        nothing('empty-sequence', VOID),
        nothing('empty-sequence', VOID),
      ),
    );
  });
  t.in('racket/stream', () =>
    t.fn('in-stream', 1, 1, (v: Value) => {
      if (!isStreamValue(v)) return argError('in-stream', 'stream?', v);
      return streamSequence(v);
    }),
  );
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
  t.internalFn('check-in-naturals', 1, 1, (start: Value) =>
    N.isExactInteger(start) && N.compare(start as N.Num, 0) >= 0 ? start : argError('in-naturals', 'exact-nonnegative-integer?', start),
  );
  // The vector an in-vector clause walks (a chaperoned one's, as the in-vector procedure's sequence does).
  t.internalFn('check-in-vector', 1, 1, (v: Value) =>
    v instanceof RVector ? v : v instanceof VectorImpersonator ? seeThrough(v) : argError('in-vector', 'vector', v),
  );

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
  t.fn('in-vector', 1, 4, (v: Value, start?: Value, stop?: Value, step?: Value) => {
    // A chaperoned vector: its elements read through the chaperone.
    const vec = v instanceof VectorImpersonator ? seeThrough(v) : v;
    if (!(vec instanceof RVector)) return argError('in-vector', 'vector', v);
    return vectorLike('in-vector', 'vector', vec, start, stop, step);
  });
  t.in('racket/flonum', () =>
    t.fn('in-flvector', 1, 4, (v: Value, start?: Value, stop?: Value, step?: Value) =>
      v instanceof FlVector ? vectorLike('in-flvector*', 'flvector', v, start, stop, step) : argError('in-flvector*', 'flvector', v),
    ),
  );
  t.in('racket/fixnum', () =>
    t.fn('in-fxvector', 1, 4, (v: Value, start?: Value, stop?: Value, step?: Value) =>
      v instanceof FxVector ? vectorLike('in-fxvector*', 'fxvector', v, start, stop, step) : argError('in-fxvector*', 'fxvector', v),
    ),
  );
  t.fn('in-string', 1, 4, (v: Value, start?: Value, stop?: Value, step?: Value) =>
    v instanceof RString ? vectorLike('in-string', 'string', v, start, stop, step) : argError('in-string', 'string', v),
  );
  t.fn('in-bytes', 1, 4, (v: Value, start?: Value, stop?: Value, step?: Value) =>
    v instanceof RBytes ? vectorLike('in-bytes', 'bytes', v, start, stop, step) : argError('in-bytes', 'bytes', v),
  );
  t.fn('in-hash', 1, 2, (h: Value) => new Sequence('hash', h, 0, 0, 1, hashSeqEntries('in-hash', h)));
  // The keys of a chaperoned table are seen through its key procedure only, as Racket's are.
  t.fn(
    'in-hash-keys',
    1,
    2,
    (h: Value) =>
      new Sequence(
        'hash-keys',
        h,
        0,
        0,
        1,
        h instanceof HashImpersonator
          ? hashBase(h)
              .entries()
              .map(([k]): [Value, Value] => [hashKeyThrough(null, 'hash-iterate-key', h, k), true])
          : hashSeqEntries('in-hash-keys', h),
      ),
  );
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
        return new Sequence(seqKind, h, 0, 0, 1, h.entries());
      });
    }
  }
  t.fn('in-lines', 0, 2, function (this: Machine, p?: Value, mode: Value = sym('any')) {
    if (p === undefined) p = this.paramValue(currentInputPort);
    if (!(p instanceof InputPort)) return argError('in-lines', 'input-port?', p);
    return new Sequence('lines', p, mode);
  });
  t.fn('sequence?', 1, 1, isSequence);
}
