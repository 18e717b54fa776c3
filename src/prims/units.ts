// racket/unit's unit values (the forms are macros/units.ts; invoking a
// unit is lib/units.rkt): a unit is its name, the names of the variables
// it exports, and the procedure that runs its body given its imports.

import { errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { customPrint } from '../values/printable.js';
import { NULL, Sym, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { SignatureForm } from '../macros/units.js';
import { ContractRecord } from './contracts.js';
import type { PrimTable } from './table.js';

export class RUnit {
  constructor(
    readonly name: Sym | null,
    /** The signature names of what it imports, in the order its procedure takes them. */
    readonly importNames: readonly Sym[],
    readonly exportNames: readonly Sym[],
    /** (vector import ...) -> (values (vector export ...) result) */
    readonly proc: Value,
    /** The names of the signatures it imports and exports (unit/c checks them). */
    readonly importSigs: readonly string[] = [],
    readonly exportSigs: readonly string[] = [],
  ) {}
  [customPrint](): string {
    return this.name === null ? '#<unit>' : `#<unit:${this.name.name}>`;
  }
}

/** A value a unit exports under a signature's contract: the importer that takes it applies the contract, as the negative party. */
export class RContractedExport {
  constructor(
    readonly value: Value,
    readonly contract: Value,
    readonly positive: Value,
    /** Where blame points: the variable in the signature, or (for a first-order contract, which fails at once) its definition in the unit. */
    readonly srcloc: Value,
    readonly definedAt: Value,
  ) {}
}

export function installUnits(t: PrimTable): void {
  t.internalFn('unit-make', 4, 5, (name: Value, imports: Value, exports: Value, proc: Value, sigs: Value = NULL) => {
    const [importSigs, exportSigs] = sigs === NULL ? [NULL, NULL] : listToArray(sigs);
    const names = (l: Value) => listToArray(l).map((x) => (x as Sym).name);
    return new RUnit(
      name instanceof Sym ? name : null,
      listToArray(imports) as Sym[],
      listToArray(exports) as Sym[],
      proc,
      names(importSigs),
      names(exportSigs),
    );
  });
  t.internalFn('unit-signatures', 1, 1, (u: Value) => {
    const names = (l: readonly string[]) => listFromArray(l.map((n) => sym(n)));
    return listFromArray([names((u as RUnit).importSigs), names((u as RUnit).exportSigs)]);
  });
  t.internalFn('unit-export-names', 1, 1, (u: Value) => listFromArray([...(u as RUnit).exportNames]));
  t.internalFn('unit-is?', 1, 1, (u: Value) => u instanceof RUnit);
  t.internalFn('unit-name', 1, 1, (u: Value) => (u as RUnit).name ?? false);
  t.internalFn(
    'unit-contracted',
    5,
    5,
    (v: Value, c: Value, pos: Value, loc: Value, defined: Value) => new RContractedExport(v, c, pos, loc, defined),
  );
  t.internalFn('unit-contracted?', 1, 1, (v: Value) => v instanceof RContractedExport);
  t.internalFn('unit-contracted-value', 1, 1, (v: Value) => (v as RContractedExport).value);
  t.internalFn('unit-contracted-contract', 1, 1, (v: Value) => (v as RContractedExport).contract);
  t.internalFn('unit-contracted-positive', 1, 1, (v: Value) => (v as RContractedExport).positive);
  t.internalFn('unit-contracted-srcloc', 1, 1, (v: Value) => {
    const x = v as RContractedExport;
    const firstOrder = !(x.contract instanceof ContractRecord) || x.contract.kind === 'flat';
    return firstOrder && x.definedAt !== false ? x.definedAt : x.srcloc;
  });
  t.internalFn('unit-signature-form', 1, 1, (proc: Value) => new SignatureForm(proc));
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
