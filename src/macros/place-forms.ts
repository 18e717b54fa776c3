// racket/place's place, place* and place/context forms. As Racket lifts a place's body into
// a submodule of the enclosing module, this lifts it to the enclosing
// module's body, registered under a key made from the form's location; a
// new place instantiates the module file (not its submodules) and calls the
// body registered under that key with its channel. So a place form belongs
// in a function of the module that its main submodule calls, as in Racket.

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { syntaxE } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, Pair, RVector, Sym, listFromArray, str, sym } from '../values/types.js';
import { items } from './forms.js';

let unlocated = 0;

function placeKey(stx: Syntax): string {
  const loc = stx.loc;
  // The source too: a module and one it requires may have place forms at the same position.
  return loc === null ? `unlocated-${++unlocated}` : `${loc.source}:${loc.position}:${loc.span}`;
}

/** Checks `(who id body ...)` and lifts the body to the module; returns the key it is registered under. */
function liftBody(who: string, stx: Syntax, p: Syntax[], ex: Expander, b: Builder): Syntax {
  if (p.length === 0) return ex.badSyntax(stx);
  if (!(syntaxE(p[0]) instanceof Sym)) ex.syntaxError(who, 'expected an identifier', stx, p[0]);
  if (p.length < 2) ex.syntaxError(who, 'expected at least one body expression', stx);
  if (ex.moduleBody === null) ex.syntaxError(who, 'can only be used in a module', stx);
  const key = b.quote(str(placeKey(stx), true));
  ex.lift(who, 1, b.list(b.quote(ex.rtPrim('place-register!')), key, b.list('lambda', b.list(p[0]), ...p.slice(1))));
  return key;
}

const moduleSource = (b: Builder) => b.list('variable-reference->module-source', b.list('#%variable-reference'));

/** The place expression for `(who id body ...)`. */
function placeExpr(who: string, stx: Syntax, p: Syntax[], ex: Expander, b: Builder): Syntax {
  const key = liftBody(who, stx, p, ex, b);
  return b.list(b.quote(ex.rtPrim('start-place-body')), b.quote(sym(who)), moduleSource(b), key);
}

const place = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2).slice(1);
  return placeExpr('place', stx, p, ex, b);
};

/** The identifiers of `stx` that refer to local variables where it is used, one per variable. */
function localReferences(stx: Syntax, ex: Expander): Syntax[] {
  const seen = new Set<unknown>();
  const out: Syntax[] = [];
  const todo: unknown[] = [stx];
  while (todo.length > 0) {
    const x = todo.pop();
    if (Array.isArray(x)) {
      todo.push(...x);
      continue;
    }
    if (!(x instanceof Object) || !('scopes' in x)) continue;
    const s = x as Syntax;
    const e = syntaxE(s);
    if (e instanceof Sym) {
      const m = ex.resolve(s);
      if (m?.kind === 'local' && !seen.has(m.v)) {
        seen.add(m.v);
        out.push(s);
      }
    } else if (e instanceof Pair) {
      let p: unknown = e;
      while (p instanceof Pair) {
        todo.push(p.car);
        p = p.cdr;
      }
      todo.push(p);
    } else if (e instanceof RVector) todo.push(...e.items);
  }
  return out.reverse();
}

// place/context: the local variables the body refers to are sent to the new
// place as its first message, a vector, and bound again there around the body.
const placeContext = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2).slice(1);
  if (p.length === 0 || !(syntaxE(p[0]) instanceof Sym)) return placeExpr('place/context', stx, p, ex, b);
  const free = localReferences(b.list('begin', ...p.slice(1)), ex).filter(
    (id) => (syntaxE(id) as Sym).name !== (syntaxE(p[0]) as Sym).name,
  );
  const v = b.temp('context');
  const binds = free.map((id, i) => b.list(id, b.list('vector-ref', v, b.quote(i))));
  const body = b.list('let*', b.list(b.list(v, b.list('%place-channel-get', p[0])), ...binds), ...p.slice(1));
  const placed = placeExpr('place/context', stx, [p[0], body], ex, b);
  const names = b.quote(listFromArray(free.map((id) => syntaxE(id))));
  return b.list(b.quote(ex.rtPrim('place-context-send')), placed, b.list('vector', ...free), names);
};

// place*: #:in, #:out and #:err (each #f by default: a pipe made for it) come before the channel.
const placeStar = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  let p = items(stx, ex, 2).slice(1);
  const ports: Record<string, Syntax> = {};
  while (p.length >= 2 && syntaxE(p[0]) instanceof Keyword) {
    const k = (syntaxE(p[0]) as Keyword).name;
    if ((k !== 'in' && k !== 'out' && k !== 'err') || ports[k] !== undefined) return ex.badSyntax(stx);
    ports[k] = p[1];
    p = p.slice(2);
  }
  const key = liftBody('place*', stx, p, ex, b);
  const port = (k: string) => ports[k] ?? b.quote(false);
  return b.list(b.quote(ex.rtPrim('start-place*')), b.quote(sym('place*')), moduleSource(b), key, port('in'), port('out'), port('err'));
};

export function installPlaceForms(define: (name: string, m: Meaning) => void): void {
  define('place', jsMacro('place', place));
  define('place*', jsMacro('place*', placeStar));
  define('place/context', jsMacro('place/context', placeContext));
}
