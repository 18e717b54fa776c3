// Control primitives: application, continuations, dynamic-wind, multiple
// values, exceptions, parameters and continuation marks.

import { UNSUPPLIED } from '../expand/core.js';
import { withHandlersPrim } from '../eval/exceptions.js';
import { EscapeFrame, Frame, MarkEntry, Winder } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationMarkSet, EXN_HANDLER_KEY, PARAMZ_KEY, ParamCell, Paramz } from '../eval/marks.js';
import { ContinuationProc, MachinePrimitive, Parameter, Primitive, guardedParamValue } from '../eval/procedures.js';
import { RestoreValueFrame, Closure, CaseClosure } from '../eval/nodes.js';
import { argError, genericFail } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailT, exnFailUserT, makeExn } from '../errors/exn.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { MultipleValues, NULL, Pair, RString, Sym, VOID, isList, listToArray, type Value } from '../values/types.js';
import { checkProcedure, checkSymbol, isProcedure } from './check.js';
import type { PrimTable } from './table.js';

class DynamicWindPreFrame extends Frame {
  constructor(
    readonly pre: Value,
    readonly body: Value,
    readonly post: Value,
  ) {
    super();
  }
  resume(m: Machine): void {
    const w = new Winder(this.pre, this.post, m.winders, m.marks);
    m.winders = w;
    const f = new DynamicWindBodyFrame(w);
    f.tag = w;
    m.stack.push(f);
    m.applyArray(this.body, []);
  }
}

class DynamicWindBodyFrame extends Frame {
  constructor(readonly w: Winder) {
    super();
  }
  resume(m: Machine): void {
    m.winders = this.w.next;
    m.stack.push(new RestoreValueFrame(m.val));
    m.applyArray(this.w.post, []);
  }
}

class CallWithValuesFrame extends Frame {
  constructor(readonly consumer: Value) {
    super();
  }
  resume(m: Machine): void {
    const v = m.val;
    if (v instanceof MultipleValues) m.applyArray(this.consumer, v.vals);
    else m.applyArray(this.consumer, [v]);
  }
}

/** The error message of `error`'s three calling conventions. */
function errorMessage(who: string, args: Value[]): string {
  const [first, ...rest] = args;
  if (first instanceof Sym) {
    if (rest.length === 0) return `error: ${first.name}`;
    const fmt = rest[0];
    if (fmt instanceof RString) return `${first.name}: ${formatDirectives(who, fmt.s, rest.slice(1))}`;
    return argError(who, 'string?', fmt);
  }
  if (first instanceof RString) {
    return [first.s, ...rest.map((r) => printString(r))].join(' ');
  }
  return argError(who, '(or/c symbol? string?)', first);
}

/** `format`-style directives: ~a ~s ~v ~e ~n ~% ~~. */
export function formatDirectives(who: string, fmt: string, args: Value[]): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '~' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i];
    const next = (): Value => {
      if (k >= args.length) formatArgumentCountError(who, countDirectives(fmt), args);
      return args[k++];
    };
    switch (d) {
      case 'a':
      case 'A':
        out += displayString(next());
        break;
      case 's':
      case 'S':
        out += writeString(next());
        break;
      case 'v':
      case 'V':
      case 'e':
      case 'E':
        out += printString(next());
        break;
      case 'n':
      case '%':
        out += '\n';
        break;
      case '~':
        out += '~';
        break;
      default:
        if (/\s/.test(d)) {
          while (i + 1 < fmt.length && /[ \t]/.test(fmt[i + 1])) i++;
          break;
        }
        genericFail(`${who}: ill-formed pattern string\n  explanation: tag \`~${d}\` not allowed\n  pattern string: ${printString(new RString(fmt, true))}`);
    }
  }
  if (k < args.length) formatArgumentCountError(who, k, args);
  return out;
}

/** Racket's message when a format string and its arguments disagree in number. */
function formatArgumentCountError(who: string, required: number, args: Value[]): never {
  const were = args.length === 0 ? '' : `; arguments were: ${args.map((x) => printString(x)).join(' ')}`;
  throw new RacketThrow(makeExn(exnFailContractT, `${who}: format string requires ${required} arguments, given ${args.length}${were}`));
}

function countDirectives(fmt: string): number {
  let n = 0;
  for (let i = 0; i < fmt.length - 1; i++) {
    if (fmt[i] === '~') {
      if ('aAsSvVeE'.includes(fmt[i + 1])) n++;
      i++;
    }
  }
  return n;
}


export function installControl(t: PrimTable): void {
  t.machine('apply', 1, -1, (m, a) => {
    const f = a[1];
    const last = a[a.length - 1];
    if (a.length === 2) {
      m.applyArray(f, []);
      return;
    }
    if (!isList(last)) argError('apply', 'list?', last);
    const args = [...a.slice(2, a.length - 1), ...listToArray(last)];
    m.applyArray(f, args);
  });

  t.machine('values', 0, -1, (m, a) => {
    m.returnValue(a.length === 2 ? a[1] : new MultipleValues(a.slice(1)));
  });

  const cwv = t.machine('call-with-values', 2, 2, (m, a) => {
    m.stack.push(new CallWithValuesFrame(a[2]));
    m.applyArray(a[1], []);
  });
  t.internal('call-with-values', cwv);

  t.machine('call-with-current-continuation', 1, 2, (m, a) => {
    checkArity('call-with-current-continuation', a[1], 1);
    const k = m.captureK();
    m.applyArray(a[1], [new ContinuationProc(k, null)]);
  });
  t.alias('call/cc', 'call-with-current-continuation');
  t.alias('call-with-composable-continuation', 'call-with-current-continuation');

  t.machine('call-with-escape-continuation', 1, 1, (m, a) => {
    checkArity('call-with-escape-continuation', a[1], 1);
    const tag = { name: 'call/ec' };
    m.stack.push(new EscapeFrame(tag, m.marks, m.winders));
    m.applyArray(a[1], [new ContinuationProc(null, tag)]);
  });
  t.alias('call/ec', 'call-with-escape-continuation');

  t.machine('dynamic-wind', 3, 3, (m, a) => {
    m.stack.push(new DynamicWindPreFrame(a[1], a[2], a[3]));
    m.applyArray(a[1], []);
  });

  t.fn('continuation?', 1, 1, (v) => v instanceof ContinuationProc);

  // ---------------------------------------------------------------- exceptions

  t.machine('raise', 1, 2, (m, a) => {
    m.raise(a[1], a.length < 3 || a[2] !== false);
  });
  t.machine('call-with-exception-handler', 2, 2, (m, a) => {
    checkProcedure('call-with-exception-handler', a[1]);
    m.setMark(EXN_HANDLER_KEY, a[1]);
    m.applyArray(a[2], []);
  });
  t.internal('with-handlers', withHandlersPrim);

  t.fn('error', 1, -1, (...args: Value[]) => {
    throw new RacketThrow(makeExn(exnFailT, errorMessage('error', args)));
  });
  t.fn('raise-user-error', 1, -1, (...args: Value[]) => {
    throw new RacketThrow(makeExn(exnFailUserT, errorMessage('raise-user-error', args)));
  });
  t.fn('raise-argument-error', 3, -1, (name: Value, expected: Value, ...rest: Value[]) => {
    const who = checkSymbol('raise-argument-error', name).name;
    const exp = expected instanceof RString ? expected.s : argError('raise-argument-error', 'string?', expected);
    if (rest.length === 1) argError(who, exp, rest[0]);
    const pos = rest[0];
    if (typeof pos !== 'number') return argError('raise-argument-error', 'exact-nonnegative-integer?', pos);
    const args = rest.slice(1);
    return argError(who, exp, args[pos], pos, args);
  });
  t.fn('raise-arguments-error', 2, -1, (name: Value, msg: Value, ...fields: Value[]) => {
    const who = checkSymbol('raise-arguments-error', name).name;
    const text = msg instanceof RString ? msg.s : argError('raise-arguments-error', 'string?', msg);
    let out = `${who}: ${text}`;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const f = fields[i];
      out += `\n  ${f instanceof RString ? f.s : displayString(f)}: ${printString(fields[i + 1])}`;
    }
    throw new RacketThrow(makeExn(exnFailContractT, out));
  });

  // ---------------------------------------------------------------- parameters

  t.fn('make-parameter', 1, 4, (v: Value, guard: Value = false, name: Value = false) => {
    return new Parameter(v, guard, name instanceof Sym ? name.name : 'parameter-procedure');
  });
  t.fn('parameter?', 1, 1, (v) => v instanceof Parameter);
  t.internal('parameterization-key', PARAMZ_KEY);
  t.internal(
    'extend-parameterization',
    new Primitive('extend-parameterization', 0, -1, function (this: Machine, ...args: Value[]) {
      let pz = (this.firstMark(PARAMZ_KEY) as Paramz | undefined) ?? null;
      for (let i = 0; i + 1 < args.length; i += 2) {
        const p = args[i];
        if (!(p instanceof Parameter)) argError('extend-parameterization', 'parameter?', p);
        pz = new Paramz(p, new ParamCell(guardedParamValue(this, p, args[i + 1])), pz);
      }
      return pz;
    }),
  );

  // ---------------------------------------------------------------- marks

  t.fn('current-continuation-marks', 0, 1, function (this: Machine) {
    return new ContinuationMarkSet(this.marks);
  });
  t.fn('continuation-mark-set-first', 2, 4, function (this: Machine, set: Value, key: Value, dflt: Value = false) {
    const marks = set === false ? this.marks : (set as ContinuationMarkSet).marks;
    for (let e: MarkEntry | null = marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return dflt;
  });
  t.fn('continuation-mark-set->list', 2, 3, (set: Value, key: Value) => {
    let out: Value = NULL;
    const all = (set as ContinuationMarkSet).all(key);
    for (let i = all.length - 1; i >= 0; i--) out = new Pair(all[i], out);
    return out;
  });
  t.fn('continuation-mark-set?', 1, 1, (v) => v instanceof ContinuationMarkSet);
  t.fn('make-continuation-mark-key', 0, 1, (name: Value = false) => ({ name: name instanceof Sym ? name.name : 'key' }));

  // ---------------------------------------------------------------- procedures

  t.fn('procedure?', 1, 1, (v) => isProcedure(v));
  t.fn('void', 0, -1, () => VOID);
  t.fn('void?', 1, 1, (v) => v === VOID);
  t.fn('procedure-arity-includes?', 2, 3, (f: Value, n: Value) => {
    checkProcedure('procedure-arity-includes?', f);
    const k = typeof n === 'number' ? n : -1;
    return arityIncludes(f, k);
  });
  t.internal('unsupplied?', new Primitive('unsupplied?', 1, 1, (v) => v === UNSUPPLIED));
}

/** `(procedure-arity-includes/c n)`: a procedure that accepts `n` arguments. */
function checkArity(who: string, f: Value, n: number, pos?: number, args?: Value[]): void {
  if (!isProcedure(f) || !arityIncludes(f, n)) argError(who, `(procedure-arity-includes/c ${n})`, f, pos, args);
}

export function arityIncludes(f: Value, n: number): boolean {
  if (f instanceof Closure) return n >= f.lam.nreq && (f.lam.hasRest || n <= f.lam.nreq + f.lam.nopt);
  if (f instanceof CaseClosure) return f.clauses.some((c) => arityIncludes(c, n));
  if (f instanceof Primitive || f instanceof MachinePrimitive) return n >= f.min && (f.max < 0 || n <= f.max);
  if (f instanceof Parameter) return n <= 1;
  return true;
}
