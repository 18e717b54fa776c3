// racket/generic's run time: exn:fail:support and raise-support-error, and
// the internals define-generics' expansion calls (macros/generics.ts): the
// property guard, the not-an-instance error, dropping the optional arguments
// a call leaves out, and the defined-predicate and defined-table.

import { exnFailT, fail } from '../errors/exn.js';
import { argError, argumentsError, errorValueString } from '../errors/messages.js';
import { StructType } from '../values/struct.js';
import { type Keyword, Pair, RVector, type Sym, type Value, listFromArray, listToArray, uninternedSym } from '../values/types.js';
import { makeHash } from '../values/hash.js';
import { Primitive } from '../eval/procedures.js';
import { isProcedure } from './check.js';
import { arityIncludes, arityRanges } from './procedures.js';
import { displayString } from '../printer/print.js';
import { bindStructFamily } from './struct-family.js';
import { GenericInfo } from '../expand/transformers.js';
import type { Syntax } from '../values/syntax.js';
import type { Machine } from '../eval/machine.js';
import { Builder } from '../expand/build.js';
import { syntaxList } from '../expand/scopes.js';
import type { PrimTable } from './table.js';

const exnFailSupportT = new StructType('exn:fail:support', exnFailT, 0, 0, false, new Map(), true, null, new Set());

/** What an optional argument of a generic method is when a call leaves it out (Racket's shows as a symbol too). */
const defaultArg = uninternedSym('default-arg');

function isMethod(v: Value): boolean {
  return v !== false;
}

export function installGenerics(t: PrimTable): void {
  t.in('racket/generic', () => {
    bindStructFamily(t, { type: exnFailSupportT, fields: [], ctors: ['exn:fail:support'] });
    // As Racket's, the name is not checked: it is displayed.
    const raiseSupport = t.fn('raise-support-error', 2, 2, (name: Value, v: Value) =>
      fail(exnFailSupportT, `${displayString(name)}: not implemented for ${errorValueString(v)}`),
    );
    t.internal('generic-raise-support-error', raiseSupport);
  });
  t.internal('generic-default-arg', defaultArg);
  // At phase 1: what define-generics binds gen:NAME to (the property's identifier as the expansion left it).
  t.internalFn(
    'make-generic-info',
    5,
    5,
    (name: Sym, prop: Syntax, pred: Syntax, ref: Syntax, methods: Value) =>
      new GenericInfo(
        name.name,
        `prop:${name.name}`,
        listToArray(methods).map((m) => (m as Sym).name),
        prop,
        pred,
        ref,
      ),
  );
  // At phase 1: the transformer of NAME/c, `(NAME/c [method contract] ...)`, a generic-instance/c named after it.
  t.internalFn('make-generics-contract-transformer', 2, 2, function (this: Machine, gen: Syntax, who: Sym) {
    const ex = this.rt.ex;
    return new Primitive(who.name, 1, 1, (stx: Syntax) => {
      const p = syntaxList(stx);
      if (p === null) return ex.badSyntax(stx);
      const b = new Builder(ex, stx.loc);
      return b.list('%generic-instance/c', b.list('quote-syntax', stx), b.quote(listFromArray([who])), gen, ...p.slice(1));
    });
  });
  // The property's guard: a vector of the methods, each #f or a procedure accepting the signature's positional arguments.
  t.internalFn('generic-guard', 3, 3, (name: Sym, n: number, sigs: Value) => {
    const who = `gen:${name.name}`;
    const signatures = listToArray(sigs).map((s) => listToArray(s) as [Sym, number, number, boolean]);
    return new Primitive(`guard-for-${name.name}`, 2, 2, (x: Value) => {
      if (!(x instanceof RVector && x.items.length === n)) return argError(name.name, `expected a vector of length ${n}`, x);
      signatures.forEach(([method, req, opt, rest], i) => {
        const v = x.items[i];
        if (v === false) return;
        if (!isProcedure(v)) argumentsError(who, 'generic method definition is not a function', [method.name, v]);
        const word = (k: number) => (k === 1 ? 'argument' : 'arguments');
        const args = (k: number) => `${k} ${word(k)}`;
        const bad = (why: string) => argumentsError(who, `generic method definition has an incorrect arity; ${why}`, [method.name, v]);
        if (rest) {
          if (!arityRanges(v).some(([lo, hi]) => lo <= req && hi === Number.POSITIVE_INFINITY))
            bad(`expected a procedure that accepts ${req} or more arguments`);
        } else if (opt === 0) {
          if (!arityIncludes(v, req)) bad(`expected a procedure that accepts ${args(req)}`);
        } else {
          for (let k = req; k <= req + opt; k++)
            if (!arityIncludes(v, k))
              bad(`expected a procedure that accepts ${req} required ${word(req)} and up to ${opt} optional ${word(opt)}`);
        }
      });
      return x;
    });
  });
  t.internalFn('generic-not-instance', 5, 5, (who: Sym, expected: Value, v: Value, pos: Value, others: Value) => {
    const items = listToArray(others);
    const fields: [string, Value][] = [];
    for (let i = 0; i < items.length; i += 2) fields.push([String(items[i]), items[i + 1]]);
    return argumentsError(
      who.name,
      `contract violation:\n  expected: ${String(expected)}\n  given: ${errorValueString(v)}\n  argument position: ${String(pos)}`,
      ...fields,
    );
  });
  t.internalFn('generic-supplied', 1, 1, (vals: Value) => listFromArray(listToArray(vals).filter((v) => v !== defaultArg)));
  t.internalFn('generic-supplied-keywords', 2, 2, (kws: Value, vals: Value) => {
    const ks = listToArray(kws) as Keyword[];
    const vs = listToArray(vals);
    const keep = ks.map((_, i) => i).filter((i) => vs[i] !== defaultArg);
    return new Pair(listFromArray(keep.map((i) => ks[i])), listFromArray(keep.map((i) => vs[i])));
  });
  t.internalFn('generic-supported?', 7, 7, (who: Sym, pred: Value, orC: Value, table: Value, v: Value, methods: Value, syms: Value) => {
    if (table === false) return argError(who.name, String(pred), v);
    const names = listToArray(methods);
    for (let s: Value = syms; s instanceof Pair; s = s.cdr) {
      const k = names.indexOf(s.car);
      if (k < 0) return argError(who.name, String(orC), s.car);
      if (!isMethod((table as RVector).items[k])) return false;
    }
    return true;
  });
  t.internalFn('generic-defined-table', 5, 5, (who: Sym, pred: Value, table: Value, v: Value, methods: Value) => {
    if (table === false) return argError(who.name, String(pred), v);
    const names = listToArray(methods);
    return makeHash(
      'eq',
      false,
      names.map((m, k) => [m, isMethod((table as RVector).items[k])] as [Value, Value]),
    );
  });
}
