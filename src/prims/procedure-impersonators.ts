// Procedure chaperones and impersonators: chaperone-procedure,
// impersonate-procedure, their `*` forms (the wrapper also receives the
// procedure that was applied), procedure-impersonator*?, and applying them.
//
// Applying one calls the wrapper with the arguments (and keyword arguments);
// its results are, in order: optional `'mark key value` triples (marks put
// on the call of the original procedure), an optional procedure that gets
// the original procedure's results, then the new arguments (with keywords,
// first a list of the new keyword-argument values).

import type { Machine } from '../eval/machine.js';
import { ThenFrame } from '../eval/machine.js';
import { argError, errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractArityT, exnFailContractT, makeExn } from '../errors/exn.js';
import { ProcedureImpersonator } from '../values/impersonator.js';
import { isChaperoneOf } from '../values/chaperone-of.js';
import { type Keyword, MultipleValues, Pair, Sym, isList, listToArray, sym, type Value } from '../values/types.js';
import { objectName } from './object-name.js';
import { isProcedure, registerProcedureKind } from './check.js';
import { applicationMark, parseProps } from './impersonators.js';
import { applyWithKeywords, setImpersonatedApply } from './keyword-procedures.js';
import { type ArityShape, arityIncludes, arityRanges, arityShape, keywordsOf } from './procedures.js';
import type { PrimTable } from './table.js';

registerProcedureKind((v) => v instanceof ProcedureImpersonator);

function fail(message: string, arity = false): never {
  throw new RacketThrow(makeExn(arity ? exnFailContractArityT : exnFailContractT, message));
}

const MARK = sym('mark');

function resultsOf(v: Value): Value[] {
  return v instanceof MultipleValues ? v.vals : [v];
}

function deliver(m: Machine, vals: Value[]): void {
  m.returnValue(vals.length === 1 ? vals[0] : new MultipleValues(vals));
}

/** Applies `f` (a wrapper or not); `self` is what was applied, for the `*` wrappers. */
function applyTo(m: Machine, f: Value, self: Value, kws: Keyword[], kwVals: Value[], positional: Value[]): void {
  if (f instanceof ProcedureImpersonator) applyImpersonated(m, f, self, kws, kwVals, positional);
  else applyWithKeywords(m, f, kws, kwVals, positional);
}

/** Does `f` accept `n` positional arguments with keywords `kws`? */
function callFits(f: Value, kws: Keyword[], n: number): boolean {
  if (!arityIncludes(f, n)) return false;
  const { required, allowed } = keywordsOf(f);
  return required.every((k) => kws.includes(k)) && (allowed === null || kws.every((k) => allowed.includes(k)));
}

function arityMismatchWithArguments(target: Value, args: Value[]): never {
  const name = objectName(target);
  const ranges = arityRanges(target);
  const [min, max] = ranges.length === 1 ? ranges[0] : [0, -1];
  const expected = ranges.length !== 1 ? null : min === max ? `${min}` : max === Infinity ? `at least ${min}` : null;
  fail(
    `${name instanceof Sym ? `${name.name}: ` : ''}arity mismatch;\n the expected number of arguments does not match the given number` +
      (expected === null ? '' : `\n  expected: ${expected}`) +
      `\n  given: ${args.length}` +
      (args.length === 0 ? '' : `\n  arguments...:${args.map((a) => `\n   ${errorValueString(a)}`).join('')}`),
    true,
  );
}

function applyImpersonated(m: Machine, f: ProcedureImpersonator, self: Value, kws: Keyword[], kwVals: Value[], positional: Value[]): void {
  const mark = f.props.get(applicationMark);
  if (f.replaces) {
    applyTo(m, f.wrapper, f.wrapper, kws, kwVals, positional);
    return;
  }
  if (f.wrapper === false) {
    applyTo(m, f.target, self, kws, kwVals, positional);
    return;
  }
  // A call the original procedure cannot take fails as that call, before the wrapper runs
  // (without keywords, Racket's message then lists the arguments).
  if (kws.length === 0 && !arityIncludes(f.target, positional.length)) arityMismatchWithArguments(f.target, positional);
  if (!callFits(f.target, kws, positional.length)) {
    applyTo(m, f.target, self, kws, kwVals, positional);
    return;
  }
  const wrapper = f.wrapper;
  const label = f.chaperone ? 'procedure chaperone' : 'procedure impersonator';
  m.stack.push(
    new ThenFrame((m2) => {
      const results = resultsOf(m2.val);
      const n = positional.length;
      let extras: Value[];
      let newKwVals: Value[] = kwVals;
      let newPositional: Value[];
      if (kws.length > 0) {
        if (results.length < n + 1) {
          fail(
            `keyword procedure chaperone: wrong number of results from wrapper procedure\n  expected minimum number of results: ${n + 1}\n  received number of results: ${results.length}\n  wrapper procedure: ${errorValueString(wrapper)}`,
          );
        }
        const extra = results.length - (n + 1);
        const given = results[extra];
        if (!isList(given) || listToArray(given).length !== kws.length) {
          const after = extra === 0 && results.length === n ? '' : ' (after the result-wrapper procedure or mark specifications)';
          fail(
            `keyword procedure chaperone: expected a list of keyword-argument values as first result${after} from wrapper procedure\n  first result: ${errorValueString(given)}\n  wrapper procedure: ${errorValueString(wrapper)}`,
          );
        }
        newKwVals = listToArray(given);
        if (f.chaperone) {
          newKwVals.forEach((v, i) => {
            if (!isChaperoneOf(v, kwVals[i], false)) {
              fail(
                `keyword procedure chaperone: #:${kws[i].name} keyword result is not a chaperone of original argument from chaperoning procedure\n  result: ${errorValueString(v)}\n  wrapper procedure: ${errorValueString(wrapper)}`,
              );
            }
          });
        }
        extras = results.slice(0, extra);
        newPositional = results.slice(extra + 1);
      } else {
        if (results.length < n) {
          fail(
            `${label}: arity mismatch;\n expected number of results not received from wrapper on the original\n procedure's arguments\n  original: ${errorValueString(f.target)}\n  wrapper: ${errorValueString(wrapper)}\n  expected: ${n} or more\n  received: ${results.length}`,
            true,
          );
        }
        extras = results.slice(0, results.length - n);
        newPositional = results.slice(results.length - n);
      }
      if (f.chaperone) {
        newPositional.forEach((v, i) => {
          if (!isChaperoneOf(v, positional[i], false)) {
            fail(
              `${label}: non-chaperone result; received an argument that is not a chaperone of the original argument\n  original: ${errorValueString(positional[i])}\n  received: ${errorValueString(v)}`,
            );
          }
        });
      }
      const marks: [Value, Value][] = [];
      let resultWrapper: Value = false;
      for (let i = 0; i < extras.length; ) {
        const x = extras[i];
        if (x === MARK) {
          if (i + 2 >= extras.length) {
            fail(
              `${label}: wrapper's ${i}th result needs addition extra results;\n  ${i}th extra result (before original argument count) needs an additional\n  two results after 'mark\n  original: ${errorValueString(f.target)}\n  wrapper: ${errorValueString(wrapper)}`,
            );
          }
          marks.push([extras[i + 1], extras[i + 2]]);
          i += 3;
        } else if (i === extras.length - 1 && isProcedure(x)) {
          resultWrapper = x;
          i++;
        } else {
          fail(
            `${label}: wrapper's ${i}th result is not valid;\n ${i}th extra result (before original argument count) should be\n 'mark or a wrapper for the original procedure's result\n  original: ${errorValueString(f.target)}\n  wrapper: ${errorValueString(wrapper)}\n  received: ${errorValueString(x)}`,
          );
        }
      }
      if (resultWrapper !== false) {
        const post = resultWrapper;
        m2.stack.push(
          new ThenFrame((m3) => {
            const original = resultsOf(m3.val);
            m3.stack.push(
              new ThenFrame((m4) => {
                const got = resultsOf(m4.val);
                if (got.length !== original.length) {
                  fail(
                    "procedure-result chaperone: result arity mismatch;\n expected number of values not received from wrapper on the original procedure's result",
                    true,
                  );
                }
                if (f.chaperone) {
                  got.forEach((v, i) => {
                    if (!isChaperoneOf(v, original[i], false)) {
                      fail(
                        `procedure-result chaperone: non-chaperone result; received an argument that is not a chaperone of the original argument\n  original: ${errorValueString(original[i])}\n  received: ${errorValueString(v)}`,
                      );
                    }
                  });
                }
                deliver(m4, got);
              }),
            );
            m3.applyArray(post, original);
          }),
        );
      }
      for (const [k, v] of marks) m2.setMark(k, v);
      if (mark instanceof Pair) m2.setMark(mark.car, mark.cdr);
      applyTo(m2, f.target, self, kws, newKwVals, newPositional);
    }),
  );
  const args = f.star ? [self, ...positional] : positional;
  applyWithKeywords(m, wrapper, kws, kwVals, args);
}

setImpersonatedApply((m, f, kws, kwVals, positional) => applyImpersonated(m, f, f, kws, kwVals, positional));

/** Does `wrapper` accept every argument count `proc` does (plus one for the `*` forms)? */
function coversArity(proc: Value, wrapper: Value, extra: number): boolean {
  return arityRanges(proc).every(([a, b]) => {
    if (b === Infinity) return arityRanges(wrapper).some(([c, d]) => d === Infinity && c <= a + extra);
    for (let n = a; n <= b; n++) if (!arityIncludes(wrapper, n + extra)) return false;
    return true;
  });
}

/**
 * The arity check racket/private/kw.rkt makes for keyword procedures, kept
 * as it is there (with the `*` forms it asks for the original's arity to be
 * the wrapper's plus one).
 */
function keywordArityCovered(a: ArityShape, b: ArityShape, d: number): boolean {
  if (typeof b === 'number') {
    if (typeof a === 'number') return b === a + d;
    if (!Array.isArray(a)) return b >= a.atLeast + d;
    return a.some((x) => keywordArityCovered(x, b, d));
  }
  if (!Array.isArray(b)) {
    if (typeof a === 'number') return false;
    if (!Array.isArray(a)) return b.atLeast >= a.atLeast + d;
    return a.some((x) => keywordArityCovered(b, x, d));
  }
  return b.every((x) => keywordArityCovered(a, x, d));
}

function makeProcedureImpersonator(who: string, chaperone: boolean, star: boolean, a: Value[]): Value {
  const [proc, wrapper, ...rest] = a;
  if (!isProcedure(proc)) return argError(who, 'procedure?', proc);
  if (wrapper !== false && !isProcedure(wrapper)) return argError(who, '(or/c procedure? #f)', wrapper);
  const props = parseProps(who, rest);
  if (wrapper !== false) {
    const keywordProc = keywordsOf(proc).allowed?.length !== 0;
    if (keywordProc && !keywordArityCovered(arityShape(wrapper), arityShape(proc), star ? 1 : 0)) {
      // Racket checks keyword procedures in racket/private/kw.rkt, which reports as the non-* form.
      fail(
        `${who.replace('*', '')}: arity of wrapper procedure does not cover arity of original procedure\n  wrapper: ${errorValueString(wrapper)}\n  original: ${errorValueString(proc)}`,
      );
    }
    if (!keywordProc && !coversArity(proc, wrapper, star ? 1 : 0)) {
      fail(
        `${who}: arity of wrapper procedure does not cover arity of original procedure${star ? ' (adding an extra argument)' : ''}\n  wrapper: ${errorValueString(wrapper)}\n  original: ${errorValueString(proc)}`,
      );
    }
    const have = keywordsOf(proc);
    const wrap = keywordsOf(wrapper);
    if (!wrap.required.every((k) => have.required.includes(k))) {
      fail(
        `${who}: wrapper procedure requires more keywords than original procedure\n  wrapper procedure: ${errorValueString(wrapper)}\n  original procedure: ${errorValueString(proc)}`,
      );
    }
    if (have.allowed === null ? wrap.allowed !== null : wrap.allowed !== null && !have.allowed.every((k) => wrap.allowed!.includes(k))) {
      fail(
        `${who}: wrapper procedure does not accept all keywords of original procedure\n  wrapper procedure: ${errorValueString(wrapper)}\n  original procedure: ${errorValueString(proc)}`,
      );
    }
  }
  if (wrapper === false && props.size === 0) return proc;
  return new ProcedureImpersonator(proc, chaperone, props, wrapper, star);
}

export function installProcedureImpersonators(t: PrimTable): void {
  t.fn('chaperone-procedure', 2, -1, (...a: Value[]) => makeProcedureImpersonator('chaperone-procedure', true, false, a));
  t.fn('impersonate-procedure', 2, -1, (...a: Value[]) => makeProcedureImpersonator('impersonate-procedure', false, false, a));
  t.fn('chaperone-procedure*', 2, -1, (...a: Value[]) => makeProcedureImpersonator('chaperone-procedure*', true, true, a));
  t.fn('impersonate-procedure*', 2, -1, (...a: Value[]) => makeProcedureImpersonator('impersonate-procedure*', false, true, a));
  // The replacement is trusted to do what the procedure does; Racket only takes both procedures' arity masks.
  t.in('racket/unsafe/ops', () => {
    for (const [who, chaperone] of [
      ['unsafe-chaperone-procedure', true],
      ['unsafe-impersonate-procedure', false],
    ] as const) {
      t.fn(who, 2, -1, (proc: Value, replacement: Value, ...rest: Value[]) => {
        if (!isProcedure(proc)) return argError('procedure-arity-mask', 'procedure?', proc);
        if (!isProcedure(replacement)) return argError('procedure-arity-mask', 'procedure?', replacement);
        return new ProcedureImpersonator(proc, chaperone, parseProps(who, rest), replacement, false, true);
      });
    }
  });
  t.fn('procedure-impersonator*?', 1, 1, (v: Value) => {
    for (let f = v; f instanceof ProcedureImpersonator; f = f.target) if (f.star && f.wrapper !== false) return true;
    return false;
  });
}
