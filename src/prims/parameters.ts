// Parameters: make-parameter, parameter?, and the parameterization that
// `parameterize` extends.

import type { Machine } from '../eval/machine.js';
import { PARAMZ_KEY, ParamCell, Paramz } from '../eval/marks.js';
import { Parameter, Primitive, guardedParamValue } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { Sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installParameters(t: PrimTable): void {
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
}
