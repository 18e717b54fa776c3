// map, for-each, filter, foldl, foldr, andmap, ormap: list traversals that
// call a Racket procedure per element. Each is a small state machine on the
// machine's stack — one frame per pending call, never JS recursion — so the
// procedure may block, escape, capture continuations or be preempted, and a
// continuation captured inside it can be resumed again (see TraversalFrame).

import { Frame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { argError, argumentsError, arityError } from '../errors/messages.js';
import { Primitive } from '../eval/procedures.js';
import { MultipleValues, NULL, Pair, VOID, isList, listFromArray, type Value } from '../values/types.js';
import { resultArityError } from '../errors/messages.js';
import { checkProcedure } from './check.js';
import type { PrimTable } from './table.js';
import { Closure } from '../eval/nodes.js';

type Kind = 'map' | 'for-each' | 'filter' | 'andmap' | 'ormap' | 'foldl' | 'foldr';

function reverseList(l: Value): Value {
  let out: Value = NULL;
  while (l instanceof Pair) {
    out = new Pair(l.car, out);
    l = l.cdr;
  }
  return out;
}

function listLength(l: Value): number {
  let n = 0;
  while (l instanceof Pair) {
    n++;
    l = l.cdr;
  }
  return n;
}

/**
 * Checks the procedure and lists of a traversal; all lists must have the
 * same length. `all` is every argument, for the folds, whose errors (as in
 * Racket) name the bad argument's position.
 */
function checkArgs(name: string, f: Value, lists: Value[], all?: Value[]): void {
  checkProcedure(name, f);
  for (const l of lists) {
    if (!isList(l)) {
      if (all) argError(name, 'list?', l, all.indexOf(l), all);
      argError(name, 'list?', l);
    }
  }
  if (lists.length > 1) {
    const n = listLength(lists[0]);
    for (const l of lists.slice(1)) {
      const k = listLength(l);
      if (k !== n) {
        argumentsError(name, 'all lists must have same size', ['first list length', n], ['other list length', k], ['procedure', f]);
      }
    }
  }
}

/**
 * A traversal in progress, waiting for one call's result. The frame is
 * mutated and pushed again for the next call (frames taken from a captured
 * continuation are clones, so this never disturbs one), which keeps a
 * traversal to one allocation per element: the call's argument array.
 */
class TraversalFrame extends Frame {
  constructor(
    readonly kind: Kind,
    readonly f: Value,
    /** The lists after the current element (single-list traversals use `rest1`). */
    public rest: Value[] | null,
    public rest1: Value,
    /** map/filter: results so far, in order. */
    public acc: Value[],
    /** filter: the current element. */
    public cur: Value,
  ) {
    super();
  }
  override clone(): Frame {
    return new TraversalFrame(this.kind, this.f, this.rest, this.rest1, this.acc.slice(), this.cur);
  }
  resume(m: Machine): void {
    const v = m.val;
    // for-each discards what the procedure returns, any number of values, as Racket's does.
    if (v instanceof MultipleValues && this.kind !== 'for-each') resultArityError(1, v.vals.length);
    switch (this.kind) {
      case 'map':
        this.acc.push(v);
        break;
      case 'filter':
        if (v !== false) this.acc.push(this.cur);
        break;
      case 'andmap':
        if (v === false) return m.returnValue(false);
        break;
      case 'ormap':
        if (v !== false) return m.returnValue(v);
        break;
      case 'foldl':
      case 'foldr':
        this.cur = v;
        break;
    }
    next(m, this);
  }
}

/** Calls the procedure on the next elements, or finishes the traversal. */
function next(m: Machine, t: TraversalFrame): void {
  const kind = t.kind;
  const fold = kind === 'foldl' || kind === 'foldr';
  const first = t.rest === null ? t.rest1 : t.rest[0];
  if (!(first instanceof Pair)) {
    if (kind === 'map' || kind === 'filter') m.returnValue(listFromArray(t.acc));
    else if (kind === 'for-each') m.returnValue(VOID);
    else if (kind === 'andmap') m.returnValue(true);
    else if (kind === 'ormap') m.returnValue(false);
    else m.returnValue(t.cur);
    return;
  }
  let vals: Value[];
  let last: boolean;
  if (t.rest === null) {
    vals = fold ? [undefined, first.car, t.cur] : [undefined, first.car];
    t.rest1 = first.cdr;
    last = !(first.cdr instanceof Pair);
  } else {
    const n = t.rest.length;
    vals = new Array(n + 1 + (fold ? 1 : 0));
    const rest: Value[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = t.rest[i] as Pair;
      vals[i + 1] = p.car;
      rest[i] = p.cdr;
    }
    if (fold) vals[n + 1] = t.cur;
    t.rest = rest;
    last = !(rest[0] instanceof Pair);
  }
  if (kind === 'filter') t.cur = vals[1];
  // andmap and ormap call the procedure on the last elements in tail position, as Racket does.
  if (!(last && (kind === 'andmap' || kind === 'ormap'))) m.stack.push(t);
  m.applyVals(t.f, vals);
}

/**
 * A simple primitive can neither block nor call back into Racket code, so a
 * traversal with one runs as a plain JS loop.
 */
function startPrimitive(m: Machine, kind: Kind, f: Primitive, l: Value, init: Value): void {
  const arity = kind === 'foldl' || kind === 'foldr' ? 2 : 1;
  if (arity < f.min || (f.max >= 0 && arity > f.max)) arityError(f.name, f.min, f.max, arity);
  const fn = f.fn;
  const acc: Value[] = [];
  let v: Value = init;
  let ran = false;
  for (; l instanceof Pair; l = l.cdr) {
    const x = l.car;
    switch (kind) {
      case 'map':
        acc.push(fn.call(m, x));
        break;
      case 'filter':
        if (fn.call(m, x) !== false) acc.push(x);
        break;
      case 'for-each':
        fn.call(m, x);
        break;
      case 'andmap':
        v = fn.call(m, x);
        if (v === false) return m.returnValue(false);
        ran = true;
        break;
      case 'ormap':
        v = fn.call(m, x);
        if (v !== false) return m.returnValue(v);
        break;
      default:
        v = fn.call(m, x, v);
    }
  }
  if (kind === 'map' || kind === 'filter') m.returnValue(listFromArray(acc));
  else if (kind === 'for-each') m.returnValue(VOID);
  else if (kind === 'andmap') m.returnValue(ran ? v : true);
  else if (kind === 'ormap') m.returnValue(false);
  else m.returnValue(v);
}

function start(m: Machine, kind: Kind, f: Value, lists: Value[], init: Value): void {
  if (f instanceof Primitive && f.simple && !f.multiValued && lists.length === 1) {
    startPrimitive(m, kind, f, lists[0], init);
    return;
  }
  if (f instanceof Closure && f.lam.bodySimple && lists.length === 1 && f.lam.fixed === (kind === 'foldl' || kind === 'foldr' ? 2 : 1)) {
    // A lambda whose body is simple cannot block or call back either: evaluate its body per element.
    const lam = f.lam;
    const env = f.env;
    startPrimitive(
      m,
      kind,
      new Primitive('lambda', lam.fixed, lam.fixed, function (this: Machine, a: Value, b?: Value) {
        return this.runBody(lam, lam.fixed === 1 ? [env, a] : [env, a, b]);
      }),
      lists[0],
      init,
    );
    return;
  }
  const t = lists.length === 1 ? new TraversalFrame(kind, f, null, lists[0], [], init) : new TraversalFrame(kind, f, lists, NULL, [], init);
  next(m, t);
}

function traversal(t: PrimTable, name: Kind, min: number): void {
  t.machine(name, min, -1, (m, a) => {
    const f = a[1];
    if (name === 'foldl' || name === 'foldr') {
      const init = a[2];
      const lists = a.slice(3);
      checkArgs(name, f, lists, a.slice(1));
      start(m, name, f, name === 'foldr' ? lists.map(reverseList) : lists, init);
      return;
    }
    const lists = a.slice(2);
    checkArgs(name, f, lists);
    start(m, name, f, lists, NULL);
  });
}

export function installListIteration(t: PrimTable): void {
  traversal(t, 'map', 2);
  traversal(t, 'for-each', 2);
  traversal(t, 'andmap', 2);
  traversal(t, 'ormap', 2);
  traversal(t, 'foldl', 3);
  traversal(t, 'foldr', 3);
  t.machine('filter', 2, 2, (m, a) => {
    checkArgs('filter', a[1], [a[2]]);
    start(m, 'filter', a[1], [a[2]], NULL);
  });
}
