// Parameters: make-parameter, make-derived-parameter, parameter?,
// parameter-procedure=?, and parameterizations: the value `parameterize`
// extends (current-parameterization, call-with-parameterization). A
// parameter's values live in thread cells (see eval/marks.ts's ThreadCell).

import { ThenFrame, type Machine } from '../eval/machine.js';
import { PARAMZ_KEY, ThreadCell, Paramz } from '../eval/marks.js';
import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { Sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** The value of `(current-parameterization)`. */
export class Parameterization {
  constructor(readonly paramz: Paramz | null) {}
  [customPrint](): string {
    return '#<parameterization>';
  }
}

/**
 * Passes `v` through `p`'s guards (a derived parameter's guard, then its
 * base's, down to the root's), calling Racket guards through the machine,
 * then continues with `k` on the root parameter and the value to store.
 */
export function withGuardedValue(m: Machine, p: Parameter, v: Value, k: (m: Machine, root: Parameter, v: Value) => void): void {
  const next = (m2: Machine, v2: Value): void => {
    if (p.derived !== null) withGuardedValue(m2, p.derived.base, v2, k);
    else k(m2, p, v2);
  };
  const g = p.guard;
  if (g === false) next(m, v);
  else if (g instanceof Primitive) next(m, g.fn.call(m, v));
  else {
    m.stack.push(new ThenFrame((m2) => next(m2, m2.val)));
    m.applyArray(g, [v]);
  }
}

/** `(p)` of a derived parameter: the base's value passed through the wrappers; returns through `m`. */
export function derivedParamValue(m: Machine, p: Parameter): void {
  if (p.derived === null) {
    m.returnValue(m.paramValue(p));
    return;
  }
  const wrap = p.derived.wrap;
  m.stack.push(new ThenFrame((m2) => m2.applyArray(wrap, [m2.val])));
  derivedParamValue(m, p.derived.base);
}

function checkParameter(who: string, v: Value): Parameter {
  return v instanceof Parameter ? v : argError(who, 'parameter?', v);
}

export function installParameters(t: PrimTable): void {
  t.fn('make-parameter', 1, 4, (v: Value, guard: Value = false, name: Value = false) => {
    if (guard !== false && !(isProcedure(guard) && arityIncludes(guard, 1))) {
      return argError('make-parameter', '(or/c (procedure-arity-includes/c 1) #f)', guard);
    }
    if (!(name instanceof Sym)) {
      if (name !== false) return argError('make-parameter', 'symbol?', name);
    }
    return new Parameter(v, guard, name instanceof Sym ? name.name : 'parameter-procedure');
  });
  t.fn('make-derived-parameter', 3, 3, (p: Value, guard: Value, wrap: Value) => {
    if (!(p instanceof Parameter)) return argError('make-derived-parameter', '(and/c parameter? (not/c impersonator?))', p);
    for (const f of [guard, wrap]) {
      if (!(isProcedure(f) && arityIncludes(f, 1))) return argError('make-derived-parameter', '(procedure-arity-includes/c 1)', f);
    }
    return new Parameter(p.value, guard, p.name, { base: p, wrap });
  });
  t.fn('parameter?', 1, 1, (v) => v instanceof Parameter);
  t.fn(
    'parameter-procedure=?',
    2,
    2,
    (a: Value, b: Value) => checkParameter('parameter-procedure=?', a) === checkParameter('parameter-procedure=?', b),
  );

  t.fn('current-parameterization', 0, 0, function (this: Machine) {
    return new Parameterization((this.firstMark(PARAMZ_KEY) as Paramz | null | undefined) ?? null);
  });
  t.fn('parameterization?', 1, 1, (v) => v instanceof Parameterization);
  t.machine('call-with-parameterization', 2, 2, (m, a) => {
    const [, pz, thunk] = a;
    if (!(pz instanceof Parameterization)) return argError('call-with-parameterization', 'parameterization?', pz, 0, [pz, thunk]);
    if (!(isProcedure(thunk) && arityIncludes(thunk, 0))) return argError('call-with-parameterization', '(-> any)', thunk, 1, [pz, thunk]);
    m.setMark(PARAMZ_KEY, pz.paramz);
    m.applyArray(thunk, []);
  });

  t.internal('parameterization-key', PARAMZ_KEY);
  // `parameterize`'s new parameterization: each value passed through its parameter's guard, left to right.
  t.internal(
    'extend-parameterization',
    new MachinePrimitive('extend-parameterization', 0, -1, (m, a) => {
      const args = a.slice(1);
      for (let i = 0; i < args.length; i += 2) checkParameter('extend-parameterization', args[i]);
      let pz = (m.firstMark(PARAMZ_KEY) as Paramz | null | undefined) ?? null;
      const step = (m2: Machine, i: number): void => {
        if (i + 1 >= args.length) {
          m2.returnValue(pz);
          return;
        }
        withGuardedValue(m2, args[i] as Parameter, args[i + 1], (m3, root, v) => {
          pz = new Paramz(root, new ThreadCell(v, true), pz);
          step(m3, i + 2);
        });
      };
      step(m, 0);
    }),
  );
}
