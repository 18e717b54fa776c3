// net/url-structs: the url structure (mutable, transparent) and path/param
// (transparent). The constructor, accessors and mutators programs call are
// lib/url-structs.rkt, which checks their arguments as Racket's contracts
// do; these are the structure types and the unchecked operations it uses.

import { exnFailT } from '../errors/exn.js';
import { StructInstance, StructType } from '../values/struct.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export const URL_FIELDS = ['scheme', 'user', 'host', 'port', 'path-absolute?', 'path', 'query', 'fragment'];

const urlT = new StructType('url', null, URL_FIELDS.length, 0, false, new Map(), true, null, new Set(URL_FIELDS.map((_, i) => i)));
// net/url's errors (its url-exception struct, a kind of exn:fail).
const urlExceptionT = new StructType('url-exception', exnFailT, 0, 0, false, new Map(), false, null, new Set());
const pathParamT = new StructType('path/param', null, 2, 0, false, new Map(), true, null, new Set());

export function installUrlStructs(t: PrimTable): void {
  for (const lib of ['net/url-structs', 'net/url']) {
    t.in(lib, () => {
      t.value('struct:url', urlT);
      t.value('struct:path/param', pathParamT);
    });
  }
  t.internalFn('make-url', 8, 8, (...fields: Value[]) => new StructInstance(urlT, fields));
  t.internalFn('url?', 1, 1, (v: Value) => v instanceof StructInstance && v.type.isSubtypeOf(urlT));
  t.internalFn('url-field', 2, 2, (u: Value, i: Value) => (u as StructInstance).fields[i as number]);
  t.internalFn('set-url-field!', 3, 3, (u: Value, i: Value, v: Value) => {
    (u as StructInstance).fields[i as number] = v;
    return VOID;
  });
  t.internalFn('make-url-exception', 2, 2, (message: Value, marks: Value) => new StructInstance(urlExceptionT, [message, marks]));
  t.internalFn('url-exception?', 1, 1, (v: Value) => v instanceof StructInstance && v.type.isSubtypeOf(urlExceptionT));
  t.internalFn('make-path/param', 2, 2, (path: Value, param: Value) => new StructInstance(pathParamT, [path, param]));
  t.internalFn('path/param?', 1, 1, (v: Value) => v instanceof StructInstance && v.type.isSubtypeOf(pathParamT));
  t.internalFn('path/param-field', 2, 2, (p: Value, i: Value) => (p as StructInstance).fields[i as number]);
}
