// racket/contract's values: contracts, blame, and the exception a broken
// contract raises. The combinators, the arrow contracts and the blame
// message are Racket code (src/lib/contracts.rkt); the forms (`->`,
// `contract-out`, `define/contract`, ...) are macros/contracts.ts.
//
// A contract is a record of its kind (flat, chaperone or impersonator), its
// name (a datum, shown in messages), its first-order test and its
// projection: `(lambda (blame) (lambda (value) checked-value))`.

import { argError, arityError } from '../errors/messages.js';
import type { Machine } from '../eval/machine.js';
import { registerProcedureKind } from './check.js';
import { exnFailContractT } from '../errors/exn.js';
import { ImpersonatorProperty, propertyOf } from '../values/impersonator.js';
import { customPrint, type PrintContext } from '../values/printable.js';
import { StructInstance, StructProperty, StructType } from '../values/struct.js';
import { Primitive } from '../eval/procedures.js';
import { Pair, RString, Sym, listToArray, sym, uninternedSym, type Value } from '../values/types.js';
import { bindStructFamily } from './struct-family.js';
import type { PrimTable } from './table.js';

export type ContractKind = 'flat' | 'chaperone' | 'impersonator';

export class ContractRecord {
  constructor(
    readonly kind: ContractKind,
    readonly name: Value,
    /** A predicate: does the value pass the contract's first-order checks? */
    readonly firstOrder: Value,
    /** blame -> value -> value */
    readonly projection: Value,
    /** What the combinator that made it keeps (its parts), or #f. */
    readonly data: Value,
  ) {}
  [customPrint](ctx: PrintContext): string {
    // A few of Racket's contracts print as an opaque `#<what>` in every mode (struct/dc): data `(printed . "what")`.
    const d = this.data;
    if (d instanceof Pair && d.car === sym('printed') && d.cdr instanceof RString) return `#<${d.cdr.s}>`;
    // Printed as an expression, a contract shows its name (as Racket's do), unless made by make-contract
    // (data `(opaque)`) or unit/c (data `unit/c`), which print opaque in either case; elsewhere it is opaque.
    const opaque = (d instanceof Pair && d.car === sym('opaque')) || (d instanceof Sym && d.name === 'unit/c');
    if (ctx.mode === 'print' && ctx.quoteDepth === 0 && !opaque) return ctx.recur(this.name, 'print', 1);
    const what = this.kind === 'impersonator' ? 'contract' : `${this.kind}-contract`;
    return `#<${what}: ${ctx.recur(this.name, 'write')}>`;
  }
}

/**
 * Blame: who is responsible when a value breaks its contract. `positive` is
 * the party blamed now; `original` is false once the parties are swapped
 * (a function's arguments). `context` is newest first ("the 1st argument of").
 */
const blameT = new StructType('blame', null, 8, 0, false, new Map(), false, null, new Set());
const exnBlameT = new StructType('exn:fail:contract:blame', exnFailContractT, 1, 0, false, new Map(), true, null, new Set());

/** Wrappers made by a higher-order contract carry their contract and blame. */
const contractedProp = new ImpersonatorProperty('impersonator-prop:contracted');
const blameProp = new ImpersonatorProperty('impersonator-prop:blame');

/** Struct properties by which a struct says what contract and blame it carries (value-contract, value-blame). */
export const propContracted = new StructProperty('prop:contracted');
export const propBlame = new StructProperty('prop:blame');

const KINDS: readonly ContractKind[] = ['flat', 'chaperone', 'impersonator'];

/**
 * What build-contract-property and its flat and chaperone forms make: the
 * procedures that give a struct instance its contract's name, first-order
 * test and projections (each takes the instance). #f where not given.
 */
export class ContractProperty {
  constructor(
    readonly kind: ContractKind,
    /** [name first-order projection val-first-projection late-neg-projection stronger] */
    readonly procs: readonly Value[],
  ) {}
  [customPrint](): string {
    return '#<contract-property>';
  }
}

function propertyGuard(name: string, kind: ContractKind): Primitive {
  return new Primitive(`guard-for-${name}`, 2, 2, (v: Value) => {
    if (v instanceof ContractProperty && (kind === 'impersonator' || v.kind === kind)) return v;
    const expected =
      kind === 'flat' ? 'flat-contract-property?' : kind === 'chaperone' ? 'chaperone-contract-property?' : 'contract-property?';
    return argError(name, expected, v);
  });
}

/** prop:contract, prop:chaperone-contract and prop:flat-contract. */
const contractProps: readonly StructProperty[] = [
  new StructProperty('prop:contract', propertyGuard('prop:contract', 'impersonator')),
  new StructProperty('prop:chaperone-contract', propertyGuard('prop:chaperone-contract', 'chaperone')),
  new StructProperty('prop:flat-contract', propertyGuard('prop:flat-contract', 'flat')),
];

const theUnsuppliedArg = {
  [customPrint]: () => '#<unsupplied-arg>',
};

/** The contract property of a struct instance that is a contract, or #f. */
function contractPropertyOf(v: Value): Value {
  if (!(v instanceof StructInstance)) return false;
  for (const p of contractProps) {
    const got = v.type.prop(p);
    if (got !== undefined) return got;
  }
  return false;
}

/** A flat contract is also a procedure, its first-order test (as Racket's flat contracts are). */
export function isApplicableContract(v: Value): v is ContractRecord {
  return v instanceof ContractRecord && v.kind === 'flat';
}
registerProcedureKind(isApplicableContract);

/** Applying a flat contract applies its predicate. */
export function contractApplyHook(m: Machine, f: Value, vals: Value[]): boolean {
  if (!isApplicableContract(f)) return false;
  if (vals.length !== 2) arityError(null, 1, 1, vals.length - 1);
  m.applyVals(f.firstOrder, vals);
  return true;
}

function record(who: string, v: Value): ContractRecord {
  return v instanceof ContractRecord ? v : argError(who, 'contract?', v);
}

export function installContracts(t: PrimTable): void {
  t.internalFn('make-contract-record', 5, 5, (kind: Value, name: Value, firstOrder: Value, projection: Value, data: Value) => {
    const k = kind instanceof Sym ? (kind.name as ContractKind) : 'flat';
    if (!KINDS.includes(k)) return argError('make-contract-record', "(or/c 'flat 'chaperone 'impersonator)", kind);
    return new ContractRecord(k, name, firstOrder, projection, data);
  });
  t.internalFn('contract-record?', 1, 1, (v: Value) => v instanceof ContractRecord);
  t.internalFn('contract-record-kind', 1, 1, (v: Value) => sym(record('contract-record-kind', v).kind));
  t.internalFn('contract-record-name', 1, 1, (v: Value) => record('contract-record-name', v).name);
  t.internalFn('contract-record-first-order', 1, 1, (v: Value) => record('contract-record-first-order', v).firstOrder);
  t.internalFn('contract-record-projection', 1, 1, (v: Value) => record('contract-record-projection', v).projection);
  t.internalFn('contract-record-data', 1, 1, (v: Value) => record('contract-record-data', v).data);
  // The party of invariant-assertion's contracts, which no program can name.
  t.internal('invariant-assertion-party', uninternedSym('invariant-assertion'));
  t.internal('impersonator-prop:contracted', contractedProp);
  t.internal('impersonator-prop:blame', blameProp);
  // A wrapper's impersonator property, or the struct property of a struct that declares its contract.
  const ofStruct = (v: Value, p: StructProperty) => (v instanceof StructInstance ? v.type.prop(p) : undefined);
  t.internalFn('value-contract', 1, 1, (v: Value) => propertyOf(v, contractedProp) ?? ofStruct(v, propContracted) ?? false);
  t.internalFn('value-blame', 1, 1, (v: Value) => propertyOf(v, blameProp) ?? ofStruct(v, propBlame) ?? false);
  bindStructFamily(
    t,
    {
      type: blameT,
      fields: ['positive', 'negative', 'contract', 'value', 'source', 'context', 'original', 'missing'],
      ctors: ['make-blame-record'],
    },
    false,
  );
  t.internalFn('make-contract-property', 2, 2, (kind: Value, procs: Value) => {
    const k = kind instanceof Sym ? (kind.name as ContractKind) : 'impersonator';
    return new ContractProperty(k, listToArray(procs));
  });
  t.internalFn('contract-property-of', 1, 1, contractPropertyOf);
  t.internalFn('contract-property-kind', 1, 1, (p: Value) => sym((p as ContractProperty).kind));
  t.internalFn('contract-property-proc', 2, 2, (p: Value, i: Value) => (p as ContractProperty).procs[i as number] ?? false);
  t.in('racket/contract', () => {
    // What an optional argument of an ->i contract is when the call leaves it out.
    t.value('the-unsupplied-arg', theUnsuppliedArg);
    t.fn('unsupplied-arg?', 1, 1, (v: Value) => v === theUnsuppliedArg);
    const [propContract, propChaperone, propFlat] = contractProps;
    t.value('prop:contract', propContract);
    t.value('prop:chaperone-contract', propChaperone);
    t.value('prop:flat-contract', propFlat);
    t.fn('contract-property?', 1, 1, (v: Value) => v instanceof ContractProperty);
    t.fn('chaperone-contract-property?', 1, 1, (v: Value) => v instanceof ContractProperty && v.kind !== 'impersonator');
    t.fn('flat-contract-property?', 1, 1, (v: Value) => v instanceof ContractProperty && v.kind === 'flat');
    t.value('impersonator-prop:contracted', contractedProp);
    t.value('impersonator-prop:blame', blameProp);
    bindStructFamily(t, { type: exnBlameT, fields: ['object'], ctors: ['exn:fail:contract:blame', 'make-exn:fail:contract:blame'] });
  });
}
