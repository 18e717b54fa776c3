// The generic interfaces of racket/base — gen:custom-write, gen:equal+hash
// and gen:equal-mode+hash — as `struct`'s `#:methods` clause uses them. As
// in Racket (racket/private/generic-interfaces.rkt), each stands for a
// structure type property whose value is the vector of its methods and
// whose super property is the one the methods implement (prop:custom-write,
// prop:equal+hash); the properties are in prims/equal-hash.ts.

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxList } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { RString, listFromArray, sym } from '../values/types.js';
import { GenericInfo, SetTransformer } from '../expand/transformers.js';

export { GenericInfo };

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
  // (define/generic local method): `local` is the generic procedure, taken before the methods shadow its name.
  const outer: Syntax[] = [];
  const forms = (syntaxList(defs) ?? []).map((form) => {
    const p = syntaxList(form);
    if (p === null || p.length === 0 || !isIdentifier(p[0]) || b.ex.resolve(p[0]) !== defineGenericMeaning) return form;
    if (p.length !== 3) return b.ex.badSyntax(form);
    if (!isIdentifier(p[1])) return b.ex.syntaxError('define/generic', 'expected an identifier', form, p[1]);
    if (!isIdentifier(p[2])) return b.ex.syntaxError('define/generic', 'expected an identifier', form, p[2]);
    if (!info.methods.includes(idSym(p[2]).name))
      return b.ex.syntaxError('define/generic', `${idSym(p[2]).name} is not a method of generic interface ${info.name}`, form, p[2]);
    const tmp = b.temp(idSym(p[2]).name);
    outer.push(b.list(tmp, p[2]));
    return b.list('define', p[1], tmp);
  });
  const table = b.list(
    'letrec-syntaxes+values',
    b.list(...names.map((n, i) => b.list(b.list(n), unimplemented(info.methods[i], b)))),
    b.list(),
    b.listTail(['let', b.list()], listFromArray([...forms, b.list('vector', ...names.map((n) => b.list('%generic-implementation', n)))])),
  );
  return outer.length === 0 ? table : b.list('let', b.list(...outer), table);
}

/** `define/generic` outside the methods of a generic interface (methodTable rewrites it there). */
export const defineGenericMeaning: Meaning = jsMacro('define/generic', (stx, ex) =>
  ex.syntaxError('define/generic', 'only allowed inside methods', stx),
);

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
