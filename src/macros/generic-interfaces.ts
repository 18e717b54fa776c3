// The generic interfaces of racket/base — gen:custom-write, gen:equal+hash
// and gen:equal-mode+hash — as `struct`'s `#:methods` clause uses them. As
// in Racket (racket/private/generic-interfaces.rkt), each stands for a
// structure type property whose value is the vector of its methods and
// whose super property is the one the methods implement (prop:custom-write,
// prop:equal+hash); the properties are in prims/equal-hash.ts.

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { datumToSyntax, isIdentifier, syntaxList } from '../expand/scopes.js';
import { customPrint } from '../values/printable.js';
import type { Syntax } from '../values/syntax.js';
import { RString, listFromArray, sym } from '../values/types.js';
import { SetTransformer } from '../expand/transformers.js';

/** What a gen:NAME identifier is bound to: the property (a runtime internal) and the method names. */
export class GenericInfo {
  constructor(
    readonly name: string,
    readonly property: string,
    readonly methods: readonly string[],
  ) {}
  [customPrint](): string {
    return '#<generic-info>';
  }
}

/** The generic interface `id` names, or null. */
export function genericInfoOf(ex: Expander, id: Syntax): GenericInfo | null {
  if (!isIdentifier(id)) return null;
  const m = ex.resolve(id);
  return m !== null && m.kind === 'syntax' && m.value instanceof GenericInfo ? m.value : null;
}

/**
 * `#:methods gen [def ...]` as the value of the interface's property: the
 * definitions in a body of their own, where each method name is first
 * bound to "not implemented", then the vector of the methods (#f for one
 * the definitions do not define).
 */
export function methodTable(info: GenericInfo, genId: Syntax, defs: Syntax, b: Builder): Syntax {
  const names = info.methods.map((m) => datumToSyntax(genId, sym(m)));
  const forms = syntaxList(defs) ?? [];
  return b.list(
    'letrec-syntaxes+values',
    b.list(...names.map((n, i) => b.list(b.list(n), unimplemented(info.methods[i], b)))),
    b.list(),
    b.listTail(['let', b.list()], listFromArray([...forms, b.list('vector', ...names.map((n) => b.list('%generic-implementation', n)))])),
  );
}

/** What a method name means until the methods define it: a set! transformer whose every use is an error, as Racket's. */
function unimplemented(method: string, b: Builder): Syntax {
  const stx = b.temp('stx');
  return b.list(
    'make-set!-transformer',
    b.list(
      'lambda',
      b.list(stx),
      b.list('raise-syntax-error', b.quote(sym(method)), b.datum(new RString('method not implemented', true)), stx),
    ),
  );
}

/** `(%generic-implementation method)`: the method, or #f where the methods leave it unimplemented. */
function genericImplementation(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const id = syntaxList(stx)![1];
  const m = ex.resolve(id);
  return m !== null && m.kind === 'syntax' && m.value instanceof SetTransformer ? b.datum(false) : id;
}

export function installGenericInterfaces(define: (name: string, m: Meaning) => void): void {
  const gen = (name: string, methods: string[]) =>
    define(`gen:${name}`, { kind: 'syntax', value: new GenericInfo(`gen:${name}`, `prop:gen:${name}`, methods) });
  gen('custom-write', ['write-proc']);
  gen('equal+hash', ['equal-proc', 'hash-proc', 'hash2-proc']);
  gen('equal-mode+hash', ['equal-mode-proc', 'hash-mode-proc']);
  define('%generic-implementation', jsMacro('%generic-implementation', genericImplementation));
}
