// Keyword-argument procedures: made by `lambda` with keyword formals, called
// by applications with keywords (`(f 1 #:k 2)`) and by `keyword-apply`.

import { UNSUPPLIED } from '../expand/core.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { argError, errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractArityT, exnFailContractT, makeExn } from '../errors/exn.js';
import { customPrint, printNamed } from '../values/printable.js';
import { type Keyword, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { registerProcedureKind } from './check.js';
import type { PrimTable } from './table.js';
import { CaseClosure, Closure } from '../eval/nodes.js';
import { ProcedureImpersonator } from '../values/impersonator.js';

export class KeywordProcedure {
  constructor(
    /** Takes the keyword arguments (in `kws` order, UNSUPPLIED when absent), then the positional ones. */
    readonly proc: Value,
    readonly kws: Keyword[],
    readonly required: Keyword[],
  ) {}
  get name(): string | null {
    if (this.proc instanceof Closure) return this.proc.lam.name;
    if (this.proc instanceof Primitive) return this.proc.name;
    if (this.proc instanceof MachinePrimitive) return this.proc.name;
    return null;
  }
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}

registerProcedureKind((v) => v instanceof KeywordProcedure);

/**
 * `make-keyword-procedure`'s result: it accepts any keywords. With keywords
 * it calls `kwProc` with the sorted keywords, their values and the
 * positional arguments; without, `plainProc` with the positional ones.
 */
export class AnyKeywordProcedure {
  constructor(
    readonly kwProc: Value,
    readonly plainProc: Value,
    /** `plainProc` only passes empty keyword lists on to `kwProc` (whose arity, less two, is the procedure's). */
    readonly derivedPlain: boolean,
  ) {}
  get name(): string | null {
    const p = this.kwProc;
    return p instanceof Closure ? p.lam.name : p instanceof MachinePrimitive ? p.name : null;
  }
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}

registerProcedureKind((v) => v instanceof AnyKeywordProcedure);

function fail(message: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, message));
}

type ImpersonatedApply = (m: Machine, f: ProcedureImpersonator, kws: Keyword[], kwVals: Value[], positional: Value[]) => void;
let applyImpersonated: ImpersonatedApply = () => {
  throw new Error('internal: procedure impersonators are not installed');
};
/** How a procedure chaperone is applied (procedure-impersonators.ts). */
export function setImpersonatedApply(f: ImpersonatedApply): void {
  applyImpersonated = f;
}

/** Calls `f` with sorted keywords `kws`, their values, and positional arguments. */
export function applyWithKeywords(m: Machine, f: Value, kws: Keyword[], kwVals: Value[], positional: Value[]): void {
  if (f instanceof ProcedureImpersonator) {
    applyImpersonated(m, f, kws, kwVals, positional);
    return;
  }
  if (f instanceof AnyKeywordProcedure) {
    if (kws.length === 0) m.applyArray(f.plainProc, positional);
    else m.applyArray(f.kwProc, [listFromArray(kws), listFromArray(kwVals), ...positional]);
    return;
  }
  if (f instanceof KeywordProcedure) {
    const argsText = () =>
      '\n  arguments...:' +
      positional.map((v) => `\n   ${errorValueString(v)}`).join('') +
      kws.map((k, i) => `\n   #:${k.name} ${errorValueString(kwVals[i])}`).join('');
    const arity = positionalArity(f);
    if (arity !== null && (positional.length < arity.min || (arity.max >= 0 && positional.length > arity.max))) {
      if (kws.length > 0) {
        const message = `application: no case matching ${positional.length} non-keyword argument${positional.length === 1 ? '' : 's'}\n  procedure: ${f.name ?? errorValueString(f)}${argsText()}`;
        throw new RacketThrow(makeExn(exnFailContractArityT, message));
      }
      const values = positional.length > 0 ? argsText() : '';
      throw new RacketThrow(
        makeExn(
          exnFailContractArityT,
          `${f.name ?? 'application'}: arity mismatch;\n the expected number of arguments does not match the given number\n  expected: ${keywordArityText(f, arity)}\n  given: ${positional.length}${values}`,
        ),
      );
    }
    for (const k of kws) {
      if (!f.kws.includes(k)) {
        fail(
          `application: procedure does not expect an argument with given keyword\n  procedure: ${f.name ?? errorValueString(f)}\n  given keyword: #:${k.name}${argsText()}`,
        );
      }
    }
    const args: Value[] = f.kws.map((k) => {
      const i = kws.indexOf(k);
      if (i < 0 && f.required.includes(k)) {
        fail(
          `application: required keyword argument not supplied\n  procedure: ${f.name ?? errorValueString(f)}\n  required keyword: #:${k.name}${argsText()}`,
        );
      }
      return i < 0 ? UNSUPPLIED : kwVals[i];
    });
    m.applyArray(f.proc, [...args, ...positional]);
    return;
  }
  if (kws.length === 0) {
    m.applyArray(f, positional);
    return;
  }
  const args =
    positional.map((v) => `\n   ${errorValueString(v)}`).join('') +
    kws.map((k, i) => `\n   #:${k.name} ${errorValueString(kwVals[i])}`).join('');
  fail(
    `application: procedure does not accept keyword arguments\n  procedure: ${plainName(f) ?? errorValueString(f)}\n  arguments...:${args}`,
  );
}

/** The name a procedure without keywords goes by in an application error. */
function plainName(f: Value): string | null {
  if (f instanceof Closure) return f.lam.name;
  if (f instanceof CaseClosure) return f.name;
  if (f instanceof Primitive || f instanceof MachinePrimitive) return f.name;
  return null;
}

/** How many positional arguments a keyword procedure takes (its keyword parameters come first). */
function positionalArity(f: KeywordProcedure): { min: number; max: number } | null {
  if (!(f.proc instanceof Closure)) return null;
  const lam = f.proc.lam;
  const n = f.kws.length;
  return { min: lam.nreq - n, max: lam.hasRest ? -1 : lam.nreq + lam.nopt - n };
}

/** Racket's "expected:" for a keyword procedure: `1 plus an optional argument with keyword #:k`. */
/** What a keyword procedure's arity error says it expects: the count of positional arguments and the keywords. */
export function keywordArityText(f: KeywordProcedure, arity: { min: number; max: number }): string {
  const count = arity.max < 0 ? `at least ${arity.min}` : arity.min === arity.max ? String(arity.min) : 'a different number';
  const names = (ks: Keyword[]) => {
    const xs = ks.map((k) => `#:${k.name}`).sort();
    return xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')}, and ${xs[xs.length - 1]}`;
  };
  const required = f.kws.filter((k) => f.required.includes(k));
  const optional = f.kws.filter((k) => !f.required.includes(k));
  let text = count;
  if (required.length > 0)
    text += ` plus ${required.length === 1 ? 'an argument with keyword' : 'arguments with keywords'} ${names(required)}`;
  if (optional.length > 0)
    text += ` plus ${optional.length === 1 ? 'an optional argument with keyword' : 'optional arguments with keywords'} ${names(optional)}`;
  return text;
}

export function installKeywordProcedures(t: PrimTable): void {
  t.internal(
    'make-keyword-procedure/sorted',
    new Primitive(
      'make-keyword-procedure',
      3,
      3,
      (proc, kws, req) => new KeywordProcedure(proc, listToArray(kws) as Keyword[], listToArray(req) as Keyword[]),
    ),
  );
  t.internal(
    'keyword-apply/sorted',
    new MachinePrimitive('keyword-apply', 3, -1, (m, a) => {
      const kws = listToArray(a[2]) as Keyword[];
      const n = a[3] as number;
      applyWithKeywords(m, a[1], kws, a.slice(4, 4 + n), a.slice(4 + n));
    }),
  );
  // keyword-apply also takes keyword arguments of its own, passed on with those in its lists.
  const keywordApply = (m: Machine, a: Value[], extraKws: Keyword[], extraVals: Value[]): void => {
    const f = a[1];
    const kwList = a[2];
    const valList = a[3];
    const last = a[a.length - 1];
    if (!isList(kwList)) argError('keyword-apply', '(listof keyword?)', kwList);
    if (!isList(valList)) argError('keyword-apply', 'list?', valList);
    if (!isList(last)) argError('keyword-apply', 'list?', last);
    let kws = listToArray(kwList) as Keyword[];
    let vals = listToArray(valList);
    if (extraKws.length > 0) {
      const pairs = [...kws.map((k, i) => [k, vals[i]] as const), ...extraKws.map((k, i) => [k, extraVals[i]] as const)];
      pairs.sort((x, y) => (x[0].name < y[0].name ? -1 : x[0].name > y[0].name ? 1 : 0));
      kws = pairs.map((p) => p[0]);
      vals = pairs.map((p) => p[1]);
    }
    const positional = [...a.slice(4, a.length - 1), ...listToArray(last)];
    applyWithKeywords(m, f, kws, vals, positional);
  };
  const plain = new MachinePrimitive('keyword-apply', 4, -1, (m, a) => keywordApply(m, a, [], []));
  const withKeywords = new MachinePrimitive('keyword-apply', 6, -1, (m, a) =>
    keywordApply(m, [a[0], ...a.slice(3)], listToArray(a[1]) as Keyword[], listToArray(a[2])),
  );
  t.value('keyword-apply', new AnyKeywordProcedure(withKeywords, plain, false));
}

/** Applying a keyword procedure without keywords. */
export function keywordApplyHook(m: Machine, f: Value, vals: Value[]): boolean {
  if (!(f instanceof KeywordProcedure) && !(f instanceof AnyKeywordProcedure) && !(f instanceof ProcedureImpersonator)) return false;
  applyWithKeywords(m, f, [], [], vals.slice(1));
  return true;
}
