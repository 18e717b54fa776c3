// The stream protocol of racket/base's `for` and racket/stream: prop:stream
// (a vector of empty?, first and rest procedures), the generic
// stream-empty?, stream-first and stream-rest over lists, the built-in
// streams (in-range, in-list, ... : sequences.ts implements `builtinStream`
// for them) and structures with the property, and the three structure kinds
// racket/stream makes: do-streams (three thunks, what stream-map and the
// other racket/stream procedures return), eager stream-cons cells (a lazy,
// memoized first and a rest) and lazily created streams (stream-lazy and a
// stream-cons's rest: a thunk forced at most once to another stream). Each
// prints as `#<stream>`, as Racket's do.

import { argError, argumentsError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { ThenFrame } from '../eval/machine.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { printString } from '../printer/print.js';
import { StructInstance, StructProperty, StructType } from '../values/struct.js';
import { NULL, Pair, RVector, type Sym, VOID, isList, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** How a built-in value kind (sequences.ts's Sequence) says it is a stream: its three steps, or null when it is not one. */
export const builtinStream = Symbol('builtinStream');
export interface BuiltinStreamSteps {
  empty(): boolean;
  first(): Value;
  rest(): Value;
}
interface BuiltinStream {
  [builtinStream](): BuiltinStreamSteps | null;
}

function builtinSteps(v: Value): BuiltinStreamSteps | null {
  return typeof v === 'object' && v !== null && builtinStream in (v as object) ? (v as unknown as BuiltinStream)[builtinStream]() : null;
}

const includes1 = (v: Value) => isProcedure(v) && arityIncludes(v, 1);

// Racket indents the contract's later lines under its first, as the message's `expected:` field shows them.
const PROP_STREAM_CONTRACT = `(vector/c (procedure-arity-includes/c 1)
                      (procedure-arity-includes/c 1)
                      (procedure-arity-includes/c 1))`;

/** prop:stream: the value is a vector of three procedures of the instance (empty?, first, rest), kept immutable. */
export const propStream = new StructProperty(
  'stream',
  new Primitive('guard-for-prop:stream', 2, 2, (v: Value) =>
    v instanceof RVector && v.items.length === 3 && v.items.every(includes1)
      ? new RVector([...v.items], true)
      : argError('guard-for-prop:stream', PROP_STREAM_CONTRACT, v),
  ),
);

function methodsOf(v: Value): Value[] | null {
  if (!(v instanceof StructInstance)) return null;
  const p = v.type.prop(propStream);
  return p === undefined ? null : (p as RVector).items;
}

/** stream?: a list, a built-in stream, or an instance with prop:stream. */
export function isStreamValue(v: Value): boolean {
  if (v === NULL) return true;
  if (v instanceof Pair) return isList(v);
  if (v instanceof StructInstance) return methodsOf(v) !== null;
  return builtinSteps(v) !== null;
}

/** Whether `v` is a stream made of procedures (an instance with prop:stream), which a `for` walks through them. */
export function isStructStream(v: Value): boolean {
  return methodsOf(v) !== null;
}

// The unchecked steps on a value known to be a stream; each delivers its result to the machine.

function emptyStep(m: Machine, v: Value): void {
  if (v === NULL) return m.returnValue(true);
  if (v instanceof Pair) return m.returnValue(false);
  const ms = methodsOf(v);
  if (ms !== null) return m.applyArray(ms[0], [v]);
  m.returnValue((builtinSteps(v) as BuiltinStreamSteps).empty());
}

function firstStep(m: Machine, v: Value): void {
  if (v instanceof Pair) return m.returnValue(v.car);
  const ms = methodsOf(v);
  if (ms !== null) return m.applyArray(ms[1], [v]);
  m.returnValue((builtinSteps(v) as BuiltinStreamSteps).first());
}

function restStep(m: Machine, v: Value): void {
  if (v instanceof Pair) return m.returnValue(v.cdr);
  const ms = methodsOf(v);
  if (ms === null) return m.returnValue((builtinSteps(v) as BuiltinStreamSteps).rest());
  m.stack.push(
    new ThenFrame((m2) => {
      const r = m2.val;
      if (!isStreamValue(r))
        throw new RacketThrow(makeExn(exnFailContractT, `stream-rest-guard: result is not a stream: ${printString(r)}`));
      m2.returnValue(r);
    }),
  );
  m.applyArray(ms[2], [v]);
}

const NONEMPTY = '(and/c stream? (not/c stream-empty?))';

/** stream-first and stream-rest: the stream must be one and not be empty (asked of the stream itself). */
function nonEmptyThen(who: string, step: (m: Machine, v: Value) => void) {
  return (m: Machine, a: Value[]) => {
    const v = a[1];
    if (v instanceof Pair && isList(v)) return step(m, v);
    if (!isStreamValue(v)) return argError(who, NONEMPTY, v);
    m.stack.push(
      new ThenFrame((m2) => {
        if (m2.val !== false) argError(who, NONEMPTY, v);
        step(m2, v);
      }),
    );
    emptyStep(m, v);
  };
}

export const streamFirstPrim = new MachinePrimitive('stream-first', 1, 1, nonEmptyThen('stream-first', firstStep));
export const streamRestPrim = new MachinePrimitive('stream-rest', 1, 1, nonEmptyThen('stream-rest', restStep));
export const streamEmptyPrim = new MachinePrimitive('stream-empty?', 1, 1, (m, a) => {
  if (!isStreamValue(a[1])) return argError('stream-empty?', 'stream?', a[1]);
  emptyStep(m, a[1]);
});

/** The steps a `for` clause walks a stream with (the position is the stream itself). */
export const streamNotEmptyStep = new MachinePrimitive('stream-not-empty?', 1, 1, (m, a) => {
  m.stack.push(new ThenFrame((m2) => m2.returnValue(m2.val === false)));
  emptyStep(m, a[1]);
});
export const streamFirstStep = new MachinePrimitive('stream-first', 1, 1, (m, a) => firstStep(m, a[1]));
export const streamRestStep = new MachinePrimitive('stream-rest', 1, 1, (m, a) => restStep(m, a[1]));

// ---------------------------------------------------------------- do-streams

/** A do-stream: three thunks (empty?, first, rest), as racket/private/for.rkt's make-do-stream. */
const thunkMethod = (i: number, name: string) =>
  new MachinePrimitive(name, 1, 1, (m, a) => m.applyArray((a[1] as StructInstance).fields[i], []));

const doStreamT = new StructType(
  'stream',
  null,
  3,
  0,
  false,
  new Map([
    [propStream, new RVector([thunkMethod(0, 'stream-empty?'), thunkMethod(1, 'stream-first'), thunkMethod(2, 'stream-rest')], true)],
  ]),
  false,
  null,
  new Set(),
);

const constantly = (v: Value) => new Primitive('empty-stream', 0, 0, () => v);
export const emptyStream = new StructInstance(doStreamT, [constantly(true), constantly(VOID), constantly(VOID)]);

// ---------------------------------------------------------------- stream-cons and stream-lazy

const reentrant = new Primitive('stream', 0, 0, () => argumentsError('stream', 'reentrant or broken delay'));

/** An eager cell: [first forced?, first value or its thunk, rest]. */
const eagerFirst = new MachinePrimitive('stream-first', 1, 1, (m, a) => forceFirst(m, a[1] as StructInstance));

function forceFirst(m: Machine, cell: StructInstance): void {
  const f = cell.fields;
  if (f[0] !== false) return m.returnValue(f[1]);
  const thunk = f[1];
  f[1] = reentrant;
  m.stack.push(
    new ThenFrame((m2) => {
      f[1] = m2.val;
      f[0] = true;
      m2.returnValue(m2.val);
    }),
  );
  m.applyArray(thunk, []);
}

const eagerStreamT = new StructType(
  'stream',
  null,
  3,
  0,
  false,
  new Map([
    [
      propStream,
      new RVector(
        [
          new Primitive('stream-empty?', 1, 1, () => false),
          eagerFirst,
          new Primitive('stream-rest', 1, 1, (c: Value) => (c as StructInstance).fields[2]),
        ],
        true,
      ),
    ],
  ]),
  false,
  null,
  new Set([0, 1]),
);

/**
 * A lazily created stream: [creator, thunk or stream]. The creator is #f
 * once forced (the second field is then the stream it came to), else the
 * name errors report: a symbol (stream-lazy's #:who), or #t for a
 * stream-cons's rest.
 */
function forceLazy(m: Machine, s: StructInstance, waiting: StructInstance[], then: (m: Machine, v: Value) => void): void {
  const settle = (v: Value) => {
    for (const d of [s, ...waiting]) {
      d.fields[0] = false;
      d.fields[1] = v;
    }
  };
  if (s.fields[0] === false) {
    settle(s.fields[1]);
    return then(m, s.fields[1]);
  }
  const thunk = s.fields[1];
  s.fields[1] = reentrant;
  m.stack.push(
    new ThenFrame((m2) => {
      const v = m2.val;
      if (v instanceof StructInstance && v.type === lazyStreamT) return forceLazy(m2, v, [s, ...waiting], then);
      if (isStreamValue(v)) {
        settle(v);
        return then(m2, v);
      }
      const who = s.fields[0];
      if (who === true) argumentsError('stream-cons', 'rest expression produced a non-stream', ['rest result', v]);
      argumentsError((who as Sym).name, 'delayed expression produced a non-stream', ['result', v]);
    }),
  );
  m.applyArray(thunk, []);
}

const lazyMethod = (name: string, step: (m: Machine, v: Value) => void) =>
  new MachinePrimitive(name, 1, 1, (m, a) => forceLazy(m, a[1] as StructInstance, [], step));

const lazyStreamT: StructType = new StructType(
  'stream',
  null,
  2,
  0,
  false,
  new Map([
    [
      propStream,
      new RVector(
        [
          lazyMethod('stream-empty?', (m, v) => emptyStep(m, v)),
          lazyMethod('stream-first', (m, v) =>
            v instanceof StructInstance && v.type === eagerStreamT ? forceFirst(m, v) : firstStep(m, v),
          ),
          lazyMethod('stream-rest', (m, v) => restStep(m, v)),
        ],
        true,
      ),
    ],
  ]),
  false,
  null,
  new Set([0, 1]),
);

export function installStreamProtocol(t: PrimTable): void {
  t.internalFn('stream-struct?', 1, 1, isStructStream);
  t.internalFn('make-do-stream', 3, 3, (e: Value, f: Value, r: Value) => new StructInstance(doStreamT, [e, f, r]));
  t.internalFn(
    'make-eager-stream',
    3,
    3,
    (forced: Value, first: Value, rest: Value) => new StructInstance(eagerStreamT, [forced, first, rest]),
  );
  t.internalFn('make-lazy-stream', 2, 2, (who: Value, thunk: Value) => new StructInstance(lazyStreamT, [who, thunk]));
  t.internalFn('stream-assert', 1, 1, (v: Value) => (isStreamValue(v) ? v : argError('stream-cons', 'stream?', v)));
  t.internal('stream-empty?', streamEmptyPrim);
  t.internal('stream-first', streamFirstPrim);
  t.internal('stream-rest', streamRestPrim);
  t.internal('empty-stream', emptyStream);
  t.internal('prop:stream', propStream);
  t.in('racket/stream', () => {
    t.value('prop:stream', propStream);
    t.fn('stream?', 1, 1, isStreamValue);
    t.value('stream-empty?', streamEmptyPrim);
    t.value('stream-first', streamFirstPrim);
    t.value('stream-rest', streamRestPrim);
    t.value('empty-stream', emptyStream);
    t.machine('stream-force', 1, 1, (m, a) => {
      const v = a[1];
      if (v instanceof StructInstance && v.type === lazyStreamT) return forceLazy(m, v, [], (m2, r) => m2.returnValue(r));
      if (!isStreamValue(v)) return argError('stream-force', 'stream?', v);
      m.returnValue(v);
    });
  });
}
