// racket/dict's structure properties and the association-list position
// (the interface itself is lib/dicts.rkt). prop:gen:dict, what gen:dict's
// #:methods makes, holds one procedure (or #f) per method of the interface;
// prop:dict is the older ten-method form, which gives prop:gen:dict.

import { argError, argumentsError } from '../errors/messages.js';
import { Primitive } from '../eval/procedures.js';
import { StructInstance, StructProperty, StructType } from '../values/struct.js';
import { Pair, RVector, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** gen:dict's methods, in the order of prop:gen:dict's vector. */
export const DICT_METHODS = [
  'dict-ref',
  'dict-set!',
  'dict-set',
  'dict-remove!',
  'dict-remove',
  'dict-count',
  'dict-iterate-first',
  'dict-iterate-next',
  'dict-iterate-key',
  'dict-iterate-value',
  'dict-has-key?',
  'dict-ref!',
  'dict-set*!',
  'dict-set*',
  'dict-update!',
  'dict-update',
  'dict-map',
  'dict-map/copy',
  'dict-for-each',
  'dict-keys',
  'dict-values',
  'dict->list',
  'dict-copy',
  'dict-empty?',
  'dict-clear',
  'dict-clear!',
];

export const propGenDict = new StructProperty(
  'prop:gen:dict',
  new Primitive('guard-for-prop:gen:dict', 2, 2, (v: Value) =>
    v instanceof RVector && v.items.length === DICT_METHODS.length
      ? v
      : argError('guard-for-prop:gen:dict', `(vector/c ${DICT_METHODS.map(() => 'procedure?').join(' ')})`, v),
  ),
);

// prop:dict's ten methods: name, whether required, and the argument counts each must accept.
const PROP_DICT_METHODS: [string, boolean, number, number?][] = [
  ['dict-ref', true, 2, 3],
  ['dict-set!', false, 3],
  ['dict-set', false, 3],
  ['dict-remove!', false, 2],
  ['dict-remove', false, 2],
  ['dict-count', true, 1],
  ['dict-iterate-first', true, 1],
  ['dict-iterate-next', true, 2],
  ['dict-iterate-key', true, 2],
  ['dict-iterate-value', true, 2],
];

const argumentsWord = (n: number) => `${n} ${n === 1 ? 'argument' : 'arguments'}`;

function guardPropDict(v: Value): Value {
  const who = 'guard-for-prop:dict';
  if (!(v instanceof RVector) || v.items.length !== 10) return argError(who, 'a vector of length 10', v);
  PROP_DICT_METHODS.forEach(([name, required, arity, alt], i) => {
    const m = v.items[i];
    const ok = (!required && m === false) || (isProcedure(m) && arityIncludes(m, arity) && (alt === undefined || arityIncludes(m, alt)));
    if (!ok)
      argumentsError(
        who,
        `method at index ${i} (${name}) must be${required ? '' : ' #f or'} a procedure that accepts ${argumentsWord(arity)}${alt === undefined ? '' : ` and ${argumentsWord(alt)}`}`,
        [name, m],
      );
  });
  return v;
}

const propDict = new StructProperty('dict', new Primitive('guard-for-prop:dict', 2, 2, guardPropDict), [
  [
    propGenDict,
    new Primitive('prop:dict->gen:dict', 1, 1, (v: Value) => {
      const items = (v as RVector).items;
      return new RVector([...items, ...DICT_METHODS.slice(items.length).map(() => false)], true);
    }),
  ],
]);

// prop:dict/contract: (list prop:dict-methods contracts), the contracts
// #(key/c value/c iter/c instance-key instance-value instance-iter) kept for
// dict-key-contract and friends.
const propDictContracts = new StructProperty('dict/c');
// (Its name is Racket's, whose export is wrapped by a contract.)
const propDictContract = new StructProperty(
  'wrapped-dict/contract',
  new Primitive('guard-for-prop:dict/contract', 2, 2, (v: Value) =>
    v instanceof Pair && v.cdr instanceof Pair && v.cdr.car instanceof RVector && v.cdr.car.items.length === 6
      ? v
      : argError('guard-for-prop:dict/contract', '(list/c vector? (vector/c any/c any/c any/c any/c any/c any/c))', v),
  ),
  [
    [propDict, new Primitive('prop:dict/contract->prop:dict', 1, 1, (v: Value) => (v as Pair).car)],
    [propDictContracts, new Primitive('prop:dict/contract->prop:dict/c', 1, 1, (v: Value) => ((v as Pair).cdr as Pair).car)],
  ],
);

/** An association list's iteration position: the list and the pair reached. */
const assocIterT = new StructType('assoc-iter', null, 2, 0, false, new Map(), false, null, new Set());

export function installDicts(t: PrimTable): void {
  t.internal('prop:gen:dict', propGenDict);
  t.internalFn('dict-methods', 1, 1, (v: Value) => (v instanceof StructInstance ? (v.type.prop(propGenDict) ?? false) : false));
  t.internalFn('make-assoc-iter', 2, 2, (head: Value, pos: Value) => new StructInstance(assocIterT, [head, pos]));
  t.internalFn('assoc-iter?', 1, 1, (v: Value) => v instanceof StructInstance && v.type === assocIterT);
  t.internalFn('assoc-iter-head', 1, 1, (v: Value) => (v as StructInstance).fields[0]);
  t.internalFn('assoc-iter-pos', 1, 1, (v: Value) => (v as StructInstance).fields[1]);
  t.internalFn('dict-contracts', 1, 1, (v: Value) => (v instanceof StructInstance ? (v.type.prop(propDictContracts) ?? false) : false));
  t.in('racket/dict', () => {
    t.value('prop:dict', propDict);
    t.value('prop:dict/contract', propDictContract);
  });
}
