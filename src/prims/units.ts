// racket/unit's unit values (the forms are macros/units.ts; invoking a
// unit is lib/units.rkt): a unit is its name, the names of the variables
// it exports, and the procedure that runs its body given its imports.

import { errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { customPrint } from '../values/printable.js';
import { Sym, listFromArray, listToArray, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export class RUnit {
  constructor(
    readonly name: Sym | null,
    /** The signature names of what it imports, in the order its procedure takes them. */
    readonly importNames: readonly Sym[],
    readonly exportNames: readonly Sym[],
    /** (vector import ...) -> (values (vector export ...) result) */
    readonly proc: Value,
  ) {}
  [customPrint](): string {
    return this.name === null ? '#<unit>' : `#<unit:${this.name.name}>`;
  }
}

export function installUnits(t: PrimTable): void {
  t.internalFn(
    'unit-make',
    4,
    4,
    (name: Value, imports: Value, exports: Value, proc: Value) =>
      new RUnit(name instanceof Sym ? name : null, listToArray(imports) as Sym[], listToArray(exports) as Sym[], proc),
  );
  t.internalFn('unit-import-names', 1, 1, (u: Value) => listFromArray([...(u as RUnit).importNames]));
  t.internalFn('unit-proc', 2, 2, (who: Value, u: Value) => {
    if (u instanceof RUnit) return u.proc;
    throw new RacketThrow(
      makeExn(exnFailContractT, `${(who as Sym).name}: result of unit expression was not a unit: ${errorValueString(u)}`),
    );
  });
  t.internalFn('unit-export-index', 2, 2, (u: Value, name: Value) => {
    const i = (u as RUnit).exportNames.indexOf(name as Sym);
    return i < 0 ? false : i;
  });
  t.in('racket/unit', () => {
    t.fn('unit?', 1, 1, (v: Value) => v instanceof RUnit);
  });
}
