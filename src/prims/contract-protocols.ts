// racket/contract/combinator's protocols by which a contract tells what it
// is made of: prop:orc-contract (the parts of an or/c),
// prop:recursive-contract (unrolling), prop:arrow-contract with its
// arrow-contract-info, and prop:contracted / prop:blame for structs that
// carry a contract. A struct type gets each by the property; rkt's own
// or/c and recursive-contract records answer them from their data
// (`(or c ...)`, `(recursive get)`), as Racket's own structs have them.

import { ContinuationMarkKey } from '../eval/marks.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { StructInstance, StructProperty, StructType } from '../values/struct.js';
import { Pair, sym, uninternedSym, type Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import { ContractRecord, propBlame, propContracted } from './contracts.js';
import { bindStructFamily } from './struct-family.js';
import { failureResult } from './structs.js';
import type { Machine } from '../eval/machine.js';
import type { PrimTable } from './table.js';

/** A record's data when it starts with `tag`: `(tag . rest)`. */
function taggedData(v: Value, tag: string): Pair | null {
  if (!(v instanceof ContractRecord)) return null;
  const d = v.data;
  return d instanceof Pair && d.car === sym(tag) ? d : null;
}

function structProperty(v: Value, prop: StructProperty): Value | undefined {
  return v instanceof StructInstance ? v.type.prop(prop) : undefined;
}

/**
 * `name?` and `name-get-...` for property `prop`; `fromRecord` gives a record's
 * value (a procedure of the contract, like the property's) or null.
 */
function bindProtocol(t: PrimTable, prop: StructProperty, accessor: string, fromRecord: (v: Value) => Value | null): void {
  const name = prop.name;
  t.value(name, prop);
  t.fn(`${name}?`, 1, 1, (v: Value) => structProperty(v, prop) !== undefined || fromRecord(v) !== null);
  // As a property accessor, it takes what to give (or call) when `v` has none.
  t.fn(accessor, 1, 2, function (this: Machine, v: Value, failure?: Value) {
    const got = structProperty(v, prop) ?? fromRecord(v);
    if (got !== null && got !== undefined) return got;
    if (failure !== undefined) return failureResult(this, failure);
    return argError(`${name}-accessor`, `${name}?`, v);
  });
}

/** What a contract's generator is, for those that have one: `(lambda (fuel) thunk-or-#f)`. */
const generators = new WeakMap<ContractRecord, Value>();

/** contract-random-generate-fail: what a generator's thunk returns when it could not make a value. */
const generateFail = { [customPrint]: () => '#<contract-random-generate-fail>' };

/** The environment of one generation: values stashed by contract (a mutable hash). */
const generateEnvT = new StructType('contract-random-generate-env', null, 1, 0, false, new Map(), false, null, new Set());

export function installContractProtocols(t: PrimTable): void {
  t.internalFn('contract-generator', 1, 1, (c: Value) => (c instanceof ContractRecord ? (generators.get(c) ?? false) : false));
  t.internalFn('set-contract-generator!', 2, 2, (c: Value, g: Value) => {
    if (c instanceof ContractRecord) generators.set(c, g);
    return c;
  });
  t.internal('contract-generate-env', new Parameter(false, false, 'contract-generate-env'));
  t.internal('generate-fail', generateFail);
  t.internalFn('generate-fail?', 1, 1, (v: Value) => v === generateFail);
  bindStructFamily(t, { type: generateEnvT, fields: ['hash'], ctors: ['make-contract-random-generate-env'] }, false);
  t.in('racket/contract', () => {
    const orc = new StructProperty('prop:orc-contract');
    bindProtocol(t, orc, 'prop:orc-contract-get-subcontracts', (v) => {
      const d = taggedData(v, 'or');
      return d === null ? null : new Primitive('get-subcontracts', 1, 1, () => d.cdr);
    });
    const recursive = new StructProperty('prop:recursive-contract');
    bindProtocol(t, recursive, 'prop:recursive-contract-unroll', (v) => {
      const d = taggedData(v, 'recursive');
      return d === null ? null : (d.cdr as Pair).car;
    });
    // Racket's own arrows do not have it; it is for contracts made elsewhere.
    const arrow = new StructProperty('prop:arrow-contract');
    bindProtocol(t, arrow, 'prop:arrow-contract-get-info', () => null);
    const arrowInfoT = new StructType('arrow-contract-info', null, 3, 0, false, new Map(), false, null, new Set());
    bindStructFamily(t, {
      type: arrowInfoT,
      fields: ['accepts-arglist', 'chaperone-procedure', 'check-first-order'],
      ctors: ['arrow-contract-info'],
    });
    const contractMarkKey = new ContinuationMarkKey('contract-continuation-mark-key');
    t.value('contract-random-generate-fail', generateFail);
    t.fn('contract-random-generate-fail?', 1, 1, (v: Value) => v === generateFail);
    t.fn('contract-random-generate-env?', 1, 1, (v: Value) => v instanceof StructInstance && v.type === generateEnvT);
    t.value('prop:contracted', propContracted);
    t.value('prop:blame', propBlame);
    // A keyword-argument domain ->* leaves unspecified (its value is this).
    t.value('unspecified-dom', uninternedSym('unspecified-keyword'));
    // The key of the marks contract checks leave on the continuation.
    t.value('contract-continuation-mark-key', contractMarkKey);
    t.internal('contract-continuation-mark-key', contractMarkKey);
    t.internal('contract-doubling-key', new ContinuationMarkKey('contract-doubling'));
    // Set by a contract combinator's caller to get projections without the wrappers make-contract adds.
    t.value('skip-projection-wrapper?', new Parameter(false, false, 'skip-projection-wrapper?'));
  });
}
