// racket/set: hash sets. Messages follow Racket 8.7's generic-set
// dispatch (collects/racket/private/set-types.rkt), whose shapes differ
// from the usual contract errors. set-map and set-for-each call procedures,
// so they are in src/lib/sets.rkt, built on `%set-elements`.

import { argError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { RHash, type HashKind } from '../values/hash.js';
import { RSet, makeSet, setLike } from '../values/set.js';
import { NULL, type RVector, VOID, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { Sequence } from './sequences.js';
import { StructInstance } from '../values/struct.js';
import { SET_METHODS, propGenSet } from './generic-sets.js';
import { customSetKind } from './custom-set.js';
import type { PrimTable } from './table.js';
import { HashImpersonator, Impersonator, NO_PROPS, unwrapAll } from '../values/impersonator.js';
import { setSetView } from '../values/set.js';
import { callForOne, hashKeyThrough, hashRefThrough, parseProps } from './impersonators.js';

// Chaperoned hash sets (chaperone-hash-set, impersonate-hash-set): a set
// whose `chap` holds a hash chaperone over its table. src/lib/sets.rkt's
// methods for them (given here on the first chaperone made, immutable and
// imperative) do each operation on that table as Racket's racket/set does,
// so the interposition procedures are called as Racket calls them. A plain
// set takes the primitives below; only a binary operation with a chaperoned
// other set is handed to those methods too.
let chapMethods: [Value, Value] | null = null;

function methodsOf(s: RSet): Value {
  return (chapMethods as [Value, Value])[s.mutable ? 1 : 0];
}

/** The result of the chaperoned sets' method `who` when one of `others` is chaperoned, else undefined. */
function viaChaperoned(who: string, first: RSet, others: RSet[], args: Value[]): Value | undefined {
  if (chapMethods === null || !others.some((o) => o.chap !== null)) return undefined;
  const m = (methodsOf(first) as RVector).items[SET_METHODS.indexOf(who)];
  return callForOne(null, m, args);
}

/** The table a set's operations go through. */
function tableThrough(s: RSet): Value {
  return s.chap === null ? s.table : s.chap.table;
}

// What equal?, the printer and the primitives below see of a chaperoned set.
setSetView({
  elements: (s) => s.plainElements().map((k) => hashKeyThrough(null, 'hash-iterate-key', tableThrough(s), k)),
  has: (s, x) => hashRefThrough(null, 'hash-ref', tableThrough(s), x) !== undefined,
  entries: (s) =>
    s.plainElements().map((k) => {
      const key = hashKeyThrough(null, 'hash-iterate-key', tableThrough(s), k);
      hashRefThrough(null, 'hash-ref', tableThrough(s), key);
      return key;
    }),
});

/** `NAME: contract violation:` as the generic dispatch reports a non-set; `extra` names the other arguments. */
function notASet(who: string, v: Value, extra: [string, Value][] = []): never {
  fail(
    exnFailContractT,
    `${who}: contract violation:\n  expected: set?\n  given: ${errorValueString(v)}\n  argument position: 1st` +
      extra.map(([name, x]) => `\n  ${name}: ${errorValueString(x)}`).join(''),
  );
}

function checkSet(who: string, v: Value, extra: [string, Value][] = []): RSet {
  if (v instanceof RSet) return v;
  return notASet(who, v, extra);
}

function checkImmutable(who: string, v: Value, extra: [string, Value][] = []): RSet {
  const s = checkSet(who, v, extra);
  if (s.mutable)
    fail(
      exnFailContractT,
      `${who}:\nexpected: (not/c (or/c set-mutable? set-weak?))\ngiven mutable set: ${errorValueString(s)}\nargument position: 1st`,
    );
  return s;
}

function checkMutable(who: string, v: Value, extra: [string, Value][] = []): RSet {
  const s = checkSet(who, v, extra);
  if (!s.mutable)
    fail(
      exnFailContractT,
      `${who}:\nexpected: (or/c set-mutable? set-weak?)\ngiven immutable set: ${errorValueString(s)}\nargument position: 1st`,
    );
  return s;
}

/** The other sets of a binary operation: sets of the first one's equivalence. */
function checkOthers(who: string, first: RSet, others: Value[]): RSet[] {
  const all = [first, ...others];
  return others.map((o, i) => {
    const gen = o instanceof StructInstance && o.type.prop(propGenSet) !== undefined;
    if (!(o instanceof RSet) && !gen) return argError(who, 'generic-set?', o, i + 1, all);
    if (!(o instanceof RSet) || o.kind !== first.kind) {
      fail(
        exnFailContractT,
        `${who}: set arguments have incompatible equivalence predicates\n  first set: ${errorValueString(first)}\n  incompatible set: ${errorValueString(o)}`,
      );
    }
    return o as RSet;
  });
}

function fromList(kind: HashKind, mutable: boolean, l: Value, weak = false): RSet {
  // Racket's list->set goes through a stream: a non-list is reported by in-stream.
  if (!isList(l)) return argError('in-stream', 'stream?', l);
  return makeSet(kind, mutable, listToArray(l), weak);
}

function union(sets: RSet[], into: RSet): void {
  for (const s of sets) for (const x of s.elements()) into.table.setInPlace(x, true);
}

function intersect(base: RSet, others: RSet[]): Value[] {
  return base.elements().filter((x) => others.every((o) => o.has(x)));
}

function subtract(base: RSet, others: RSet[]): Value[] {
  return base.elements().filter((x) => !others.some((o) => o.has(x)));
}

function symmetricDifference(base: RSet, others: RSet[]): RSet {
  const out = setLike(base, base.elements(), true);
  for (const o of others) {
    for (const x of o.elements()) {
      if (out.has(x)) out.table.deleteInPlace(x);
      else out.table.setInPlace(x, true);
    }
  }
  return out;
}

function isSubset(a: RSet, b: RSet): boolean {
  if (a.size > b.size) return false;
  for (const x of a.elements()) if (!b.has(x)) return false;
  return true;
}

/** Replaces a mutable set's contents. */
function replaceContents(s: RSet, items: Value[]): void {
  s.table.clearInPlace();
  for (const x of items) s.table.setInPlace(x, true);
}

export function installSets(t: PrimTable): void {
  // The methods of gen:set are racket/set procedures of src/lib/sets.rkt
  // that dispatch: these are what they do for hash sets, as `%NAME`.
  const g = (name: string, min: number, max: number, fn: (...args: any[]) => Value) => t.internalFn(name, min, max, fn);
  t.internal('prop:gen:set', propGenSet);
  t.internalFn('gen-set-methods', 1, 1, (v: Value) => {
    if (v instanceof StructInstance) return v.type.prop(propGenSet) ?? false;
    if (v instanceof RSet) return v.chap !== null ? methodsOf(v) : false;
    // A structure under chaperone-struct (a custom set given properties).
    const u = v instanceof Impersonator ? unwrapAll(v) : null;
    return u instanceof StructInstance ? (u.type.prop(propGenSet) ?? false) : false;
  });
  // (%chaperone-set set table props imm-methods imp-methods): `set` whose operations go through `table`.
  t.internalFn('chaperone-set', 5, 5, (s: Value, table: Value, props: Value, imm: Value, imp: Value) => {
    chapMethods ??= [imm, imp];
    const set = s as RSet;
    const ps = parseProps('chaperone-struct', listToArray(props));
    return new RSet(set.table, { table: table === false ? tableThrough(set) : table, props: ps });
  });
  t.internalFn('set-table', 1, 1, (s: Value) => tableThrough(s as RSet));
  // Racket's update-custom-set-table: a set over `table` (a chaperone keeps the wrapper; properties are not kept).
  t.internalFn('set-with-table', 2, 2, (_s: Value, table: Value) => {
    if (!(table instanceof HashImpersonator)) return new RSet(table as RHash);
    return new RSet(unwrapAll(table) as RHash, { table, props: NO_PROPS });
  });
  t.internalFn('set-check-others', 3, 3, (who: Value, s: Value, sets: Value) => {
    checkOthers(String(who), s as RSet, listToArray(sets));
    return VOID;
  });
  const genericSetP = t.internalFn(
    'generic-set?',
    1,
    1,
    (v: Value) => v instanceof RSet || (v instanceof StructInstance && v.type.prop(propGenSet) !== undefined),
  );
  t.in('racket/set', () => {
    const kinds: [string, HashKind][] = [
      ['', 'equal'],
      ['eqv', 'eqv'],
      ['eq', 'eq'],
      ['alw', 'equal-always'],
    ];
    for (const [suffix, kind] of kinds) {
      t.fn(`set${suffix}`, 0, -1, (...xs: Value[]) => makeSet(kind, false, xs));
      t.fn(`mutable-set${suffix}`, 0, -1, (...xs: Value[]) => makeSet(kind, true, xs));
      t.fn(`weak-set${suffix}`, 0, -1, (...xs: Value[]) => makeSet(kind, true, xs, true));
      t.fn(`list->set${suffix}`, 1, 1, (l: Value) => fromList(kind, false, l));
      t.fn(`list->mutable-set${suffix}`, 1, 1, (l: Value) => fromList(kind, true, l));
      t.fn(`list->weak-set${suffix}`, 1, 1, (l: Value) => fromList(kind, true, l, true));
    }
    // As in Racket, set? holds only for immutable sets (generic-set? for every kind).
    t.fn('set?', 1, 1, (v) => (v instanceof RSet && !v.mutable) || customSetKind(v) === 'immutable');
    t.value('generic-set?', genericSetP);
    t.fn('set-mutable?', 1, 1, (v) => (v instanceof RSet && v.mutable && !v.weak) || customSetKind(v) === 'mutable');
    t.fn('set-weak?', 1, 1, (v) => (v instanceof RSet && v.weak) || customSetKind(v) === 'weak');
    t.fn('set-equal-always?', 1, 1, (v) => v instanceof RSet && v.kind === 'equal-always');
    // A custom set counts as equal?-based, as in Racket.
    t.fn('set-equal?', 1, 1, (v) => (v instanceof RSet && v.kind === 'equal') || customSetKind(v) !== null);
    t.fn('set-eqv?', 1, 1, (v) => v instanceof RSet && v.kind === 'eqv');
    t.fn('set-eq?', 1, 1, (v) => v instanceof RSet && v.kind === 'eq');
    g('set-empty?', 1, 1, (s) => checkSet('set-empty?', s).size === 0);
    g('set-count', 1, 1, (s) => checkSet('set-count', s).size);
    g('set-member?', 2, 2, (s, x) => checkSet('set-member?', s, [['x argument...', x]]).has(x));
    g('set-add', 2, 2, (s: Value, x: Value) => {
      const set = checkImmutable('set-add', s, [['x argument...', x]]);
      if (set.has(x)) return set;
      return new RSet(set.table.withSet(x, true));
    });
    g('set-remove', 2, 2, (s: Value, x: Value) => {
      const set = checkImmutable('set-remove', s, [['x argument...', x]]);
      if (!set.has(x)) return set;
      return new RSet(set.table.withRemoved(x));
    });
    g('set-add!', 2, 2, (s: Value, x: Value) => {
      checkMutable('set-add!', s, [['x argument...', x]]).table.setInPlace(x, true);
      return VOID;
    });
    g('set-remove!', 2, 2, (s: Value, x: Value) => {
      checkMutable('set-remove!', s, [['x argument...', x]]).table.deleteInPlace(x);
      return VOID;
    });
    g('set-clear!', 1, 1, (s: Value) => {
      checkMutable('set-clear!', s).table.clearInPlace();
      return VOID;
    });
    g('set-clear', 1, 1, (s: Value) => setLike(checkImmutable('set-clear', s), []));
    g('set-copy', 1, 1, (s: Value) => {
      const set = checkSet('set-copy', s);
      return setLike(set, set.elements(), true);
    });
    g('set-copy-clear', 1, 1, (s: Value) => setLike(checkSet('set-copy-clear', s), []));
    g('set-union', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkImmutable('set-union', s, more.length === 0 ? [['rest args', NULL]] : []);
      const others = checkOthers('set-union', first, more);
      if (others.length === 0) return first;
      const chap = viaChaperoned('set-union', first, others, [s, ...more]);
      if (chap !== undefined) return chap;
      const out = setLike(first, first.elements(), true);
      union(others, out);
      return setLike(first, out.elements(), false);
    });
    g('set-union!', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkMutable('set-union!', s);
      const others = checkOthers('set-union!', first, more);
      if (viaChaperoned('set-union!', first, others, [s, ...more]) === undefined) union(others, first);
      return VOID;
    });
    g('set-intersect', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkImmutable('set-intersect', s);
      const others = checkOthers('set-intersect', first, more);
      return viaChaperoned('set-intersect', first, others, [s, ...more]) ?? setLike(first, intersect(first, others));
    });
    g('set-intersect!', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkMutable('set-intersect!', s);
      const others = checkOthers('set-intersect!', first, more);
      if (viaChaperoned('set-intersect!', first, others, [s, ...more]) === undefined) replaceContents(first, intersect(first, others));
      return VOID;
    });
    g('set-subtract', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkImmutable('set-subtract', s);
      const others = checkOthers('set-subtract', first, more);
      return viaChaperoned('set-subtract', first, others, [s, ...more]) ?? setLike(first, subtract(first, others));
    });
    g('set-subtract!', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkMutable('set-subtract!', s);
      const others = checkOthers('set-subtract!', first, more);
      if (viaChaperoned('set-subtract!', first, others, [s, ...more]) === undefined) replaceContents(first, subtract(first, others));
      return VOID;
    });
    g('set-symmetric-difference', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkImmutable('set-symmetric-difference', s);
      const others = checkOthers('set-symmetric-difference', first, more);
      return (
        viaChaperoned('set-symmetric-difference', first, others, [s, ...more]) ??
        setLike(first, symmetricDifference(first, others).elements(), false)
      );
    });
    g('set-symmetric-difference!', 1, -1, (s: Value, ...more: Value[]) => {
      const first = checkMutable('set-symmetric-difference!', s);
      const others = checkOthers('set-symmetric-difference!', first, more);
      if (viaChaperoned('set-symmetric-difference!', first, others, [s, ...more]) === undefined)
        replaceContents(first, symmetricDifference(first, others).elements());
      return VOID;
    });
    const relation = (who: string, test: (a: RSet, b: RSet) => boolean) =>
      g(who, 2, 2, (a: Value, b: Value) => {
        const first = checkSet(who, a, [['set2 argument...', b]]);
        const [second] = checkOthers(who, first, [b]);
        return viaChaperoned(who, first, [second], [a, b]) ?? test(first, second);
      });
    relation('subset?', isSubset);
    relation('proper-subset?', (a, b) => a.size < b.size && isSubset(a, b));
    relation('set=?', (a, b) => a.size === b.size && isSubset(a, b));
    g('set->list', 1, 1, (s: Value) => listFromArray(checkSet('set->list', s).elements()));
    g('set-first', 1, 1, (s: Value) => {
      const set = checkSet('set-first', s);
      if (set.size === 0) return argError('set-first', '(and/c generic-set? (not/c set-empty?))', s);
      return set.elements()[0];
    });
    g('set-rest', 1, 1, (s: Value) => {
      const set = checkSet('set-rest', s);
      if (set.size === 0) return argError('set-rest', '(and/c generic-set? (not/c set-empty?))', s);
      checkImmutable('set-rest', s);
      return new RSet(set.table.withRemoved(set.elements()[0]));
    });
    g('in-set', 1, 1, (s: Value) => new Sequence('list', listFromArray(checkSet('in-set', s).elements())));
    // The in-set of one kind of set (Racket's, too, walks any set).
    for (const who of ['in-immutable-set', 'in-mutable-set', 'in-weak-set'])
      t.fn(who, 1, 1, (s: Value) => new Sequence('list', listFromArray(checkSet(who, s).elements())));
  });

  // For src/lib/sets.rkt's set-map and set-for-each, and the for/set forms.
  t.internalFn('set-elements', 2, 3, (who: Value, s: Value, f?: Value) =>
    listFromArray(checkSet(String(who), s, f === undefined ? [] : [['f argument...', f]]).elements()),
  );
  // For set/c (src/lib/contracts.rkt): (kind mutable? weak?) of a set, or #f.
  // A custom set counts as equal?-based.
  t.internalFn('set-shape', 1, 1, (v: Value) => {
    if (v instanceof RSet) return listFromArray([sym(v.kind), v.mutable && !v.weak, v.weak]);
    const k = customSetKind(v);
    return k === null ? false : listFromArray([sym('equal'), k === 'mutable', k === 'weak']);
  });
  // for/set and friends accumulate into a fresh mutable set (linear, where
  // repeated set-add would copy), then freeze it unless the form makes a mutable set.
  t.internalFn('set-builder', 1, 1, (kind: Value) => makeSet(String(kind) as HashKind, true));
  t.internalFn('weak-set-builder', 1, 1, (kind: Value) => makeSet(String(kind) as HashKind, true, [], true));
  t.internalFn('set-builder-add', 2, 2, (b: Value, x: Value) => {
    (b as RSet).table.setInPlace(x, true);
    return b;
  });
  t.internalFn('set-builder-finish', 2, 2, (b: Value, mutable: Value) => {
    const set = b as RSet;
    return mutable !== false ? set : new RSet(new RHash(set.kind, false, set.table.entries()));
  });
}
