// The kinds a RacketError can have: the exception struct types of racket/base
// and of the libraries rkt provides, and the ways an operation can stop. An
// exception of a type defined by the program reports its nearest ancestor
// here, so that a `switch` over `kind` covers every case.

import type { StructType } from '../values/struct.js';

/** The struct type of a raised exception: racket/base's, or that of a library rkt provides. */
export type ExnKind =
  | 'exn'
  | 'exn:fail'
  | 'exn:fail:contract'
  | 'exn:fail:contract:arity'
  | 'exn:fail:contract:divide-by-zero'
  | 'exn:fail:contract:non-fixnum-result'
  | 'exn:fail:contract:continuation'
  | 'exn:fail:contract:variable'
  | 'exn:fail:contract:blame'
  | 'exn:fail:syntax'
  | 'exn:fail:syntax:unbound'
  | 'exn:fail:syntax:missing-module'
  | 'exn:fail:read'
  | 'exn:fail:read:eof'
  | 'exn:fail:read:non-char'
  | 'exn:fail:filesystem'
  | 'exn:fail:filesystem:exists'
  | 'exn:fail:filesystem:version'
  | 'exn:fail:filesystem:errno'
  | 'exn:fail:filesystem:missing-module'
  | 'exn:fail:network'
  | 'exn:fail:network:errno'
  | 'exn:fail:out-of-memory'
  | 'exn:fail:unsupported'
  | 'exn:fail:user'
  | 'exn:fail:object'
  | 'exn:misc:match'
  | 'exn:test'
  | 'exn:test:check'
  | 'exn:break'
  | 'exn:break:hang-up'
  | 'exn:break:terminate';

/**
 * What a `RacketError` is: an exception's struct type (for a program's own
 * exception type, its nearest ancestor in `ExnKind`); `raise` for a raised
 * value that is not an exception; `timeout`, `abort` or `killed` for an
 * operation that was stopped; `closed` for one the runtime's end cut short.
 */
export type RacketErrorKind = ExnKind | 'raise' | 'timeout' | 'abort' | 'killed' | 'closed';

// Every ExnKind, once: the type checker holds the keys to the union.
const KNOWN: Record<ExnKind, true> = {
  exn: true,
  'exn:fail': true,
  'exn:fail:contract': true,
  'exn:fail:contract:arity': true,
  'exn:fail:contract:divide-by-zero': true,
  'exn:fail:contract:non-fixnum-result': true,
  'exn:fail:contract:continuation': true,
  'exn:fail:contract:variable': true,
  'exn:fail:contract:blame': true,
  'exn:fail:syntax': true,
  'exn:fail:syntax:unbound': true,
  'exn:fail:syntax:missing-module': true,
  'exn:fail:read': true,
  'exn:fail:read:eof': true,
  'exn:fail:read:non-char': true,
  'exn:fail:filesystem': true,
  'exn:fail:filesystem:exists': true,
  'exn:fail:filesystem:version': true,
  'exn:fail:filesystem:errno': true,
  'exn:fail:filesystem:missing-module': true,
  'exn:fail:network': true,
  'exn:fail:network:errno': true,
  'exn:fail:out-of-memory': true,
  'exn:fail:unsupported': true,
  'exn:fail:user': true,
  'exn:fail:object': true,
  'exn:misc:match': true,
  'exn:test': true,
  'exn:test:check': true,
  'exn:break': true,
  'exn:break:hang-up': true,
  'exn:break:terminate': true,
};

/** The kind of an exception of struct type `type` (a subtype of `exn`). */
export function exnKind(type: StructType): ExnKind {
  for (let t: StructType | null = type; t !== null; t = t.parent) if (Object.hasOwn(KNOWN, t.name)) return t.name as ExnKind;
  return 'exn';
}
