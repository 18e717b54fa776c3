// racket/set's generic interface: gen:set's method names and prop:gen:set,
// the structure type property `#:methods gen:set` gives (its value is the
// vector of the methods). The dispatch is lib/sets.rkt.

import { argError } from '../errors/messages.js';
import { Primitive } from '../eval/procedures.js';
import { StructProperty } from '../values/struct.js';
import { RVector, type Value } from '../values/types.js';

/** gen:set's methods, in the order of prop:gen:set's vector (Racket's define-generics order). */
export const SET_METHODS = [
  'set-empty?',
  'set-member?',
  'set-count',
  'set=?',
  'subset?',
  'proper-subset?',
  'set-map',
  'set-for-each',
  'set-copy',
  'set-copy-clear',
  'in-set',
  'set->list',
  'set->stream',
  'set-first',
  'set-rest',
  'set-add',
  'set-remove',
  'set-clear',
  'set-union',
  'set-intersect',
  'set-subtract',
  'set-symmetric-difference',
  'set-add!',
  'set-remove!',
  'set-clear!',
  'set-union!',
  'set-intersect!',
  'set-subtract!',
  'set-symmetric-difference!',
];

/** What `#:methods gen:set` gives a structure type: one procedure (or #f) per method. */
export const propGenSet = new StructProperty(
  'prop:gen:set',
  new Primitive('guard-for-prop:gen:set', 2, 2, (v: Value) =>
    v instanceof RVector && v.items.length === SET_METHODS.length
      ? v
      : argError('guard-for-prop:gen:set', `(vector/c ${SET_METHODS.map(() => 'procedure?').join(' ')})`, v),
  ),
);
