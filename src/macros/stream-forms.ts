// racket/stream's forms: stream-cons (first and rest each delayed unless
// marked #:eager), stream, stream*, stream-lazy, and for/stream and
// for*/stream, over the stream structures of prims/stream-protocol.ts and
// the for/stream helper of lib/streams.rkt.

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, sym } from '../values/types.js';
import { items } from './forms.js';
import { GenericInfo } from './generic-interfaces.js';

const isKeyword = (s: Syntax, name: string) => {
  const e = syntaxE(s);
  return e instanceof Keyword && e.name === name;
};

const prim = (ex: Expander, b: Builder, name: string) => b.quote(ex.rtPrim(name));
const thunk = (b: Builder, ...body: Syntax[]) => b.list('lambda', b.list(), ...body);

/** A lazily created stream: `body` is run, once, when the stream is first used; `who` names it in the error for a non-stream result (#t: stream-cons's rest). */
function lazyStream(ex: Expander, b: Builder, who: Syntax, body: Syntax): Syntax {
  return b.list(prim(ex, b, 'make-lazy-stream'), who, thunk(b, body));
}

/** `(stream-cons [#:eager] first [#:eager] rest)`. */
function streamCons(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 3).slice(1);
  let i = 0;
  const eagerFirst = isKeyword(p[i], 'eager');
  if (eagerFirst) i++;
  const first = p[i++];
  const eagerRest = i < p.length && isKeyword(p[i], 'eager');
  if (eagerRest) i++;
  if (i !== p.length - 1 || first === undefined) return ex.badSyntax(stx);
  const rest = p[i];
  return consOf(ex, b, eagerFirst ? first : null, eagerFirst ? null : first, eagerRest ? rest : null, eagerRest ? null : rest);
}

function consOf(
  ex: Expander,
  b: Builder,
  firstNow: Syntax | null,
  firstLater: Syntax | null,
  restNow: Syntax | null,
  restLater: Syntax | null,
) {
  return b.list(
    prim(ex, b, 'make-eager-stream'),
    b.datum(firstNow !== null),
    firstNow ?? thunk(b, firstLater as Syntax),
    restNow !== null ? b.list(prim(ex, b, 'stream-assert'), restNow) : lazyStream(ex, b, b.datum(true), restLater as Syntax),
  );
}

/** `(stream e ...)`: each element delayed. */
function streamForm(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 1).slice(1);
  const build = (i: number): Syntax => {
    if (i === p.length) return prim(ex, b, 'empty-stream');
    if (i === p.length - 1) return consOf(ex, b, null, p[i], prim(ex, b, 'empty-stream'), null);
    return consOf(ex, b, null, p[i], null, build(i + 1));
  };
  return build(0);
}

/** `(stream* e ... tail)`: the elements delayed, then the stream `tail` gives. */
function streamStar(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 2).slice(1);
  const build = (i: number): Syntax =>
    i === p.length - 1 ? lazyStream(ex, b, b.quote(sym('stream*')), p[i]) : consOf(ex, b, null, p[i], null, build(i + 1));
  return build(0);
}

/** `(stream-lazy [#:who who] e)`. */
function streamLazy(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 2, 4);
  if (p.length === 2) return lazyStream(ex, b, b.quote(sym('stream-lazy')), p[1]);
  if (p.length !== 4 || !isKeyword(p[1], 'who')) return ex.badSyntax(stx);
  return lazyStream(ex, b, b.list('or', p[2], b.quote(sym('stream-lazy'))), p[3]);
}

/**
 * for/stream and its starred form: the clauses in groups (consecutive
 * binding clauses walked in parallel; starred, one clause a group) and guards,
 * each group a %for-stream-bind whose body makes the stream of the clauses
 * after it, the innermost the one-element stream of the body.
 */
const forStream =
  (star: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3);
    const clauses = syntaxList(p[1]);
    if (clauses === null) return ex.badSyntax(stx);
    const body = p.slice(2);
    const build = (i: number): Syntax => {
      if (i === clauses.length) return consOf(ex, b, null, b.list('let', b.list(), ...body), prim(ex, b, 'empty-stream'), null);
      const c = clauses[i];
      if (isKeyword(c, 'when') || isKeyword(c, 'unless')) {
        const guard = clauses[i + 1];
        if (guard === undefined) return ex.badSyntax(stx);
        const inner = build(i + 2);
        const empty = prim(ex, b, 'empty-stream');
        return isKeyword(c, 'when') ? b.list('if', guard, inner, empty) : b.list('if', guard, empty, inner);
      }
      if (syntaxE(c) instanceof Keyword) ex.syntaxError(star ? 'for*/stream' : 'for/stream', 'unsupported clause keyword', stx, c);
      const ids: Syntax[] = [];
      const seqs: Syntax[] = [];
      let j = i;
      while (j < clauses.length && !(syntaxE(clauses[j]) instanceof Keyword) && (j === i || !star)) {
        const cp = syntaxList(clauses[j]);
        if (cp === null || cp.length !== 2)
          ex.syntaxError(star ? 'for*/stream' : 'for/stream', 'bad sequence binding clause', stx, clauses[j]);
        const lhs = isIdentifier(cp[0]) ? [cp[0]] : syntaxList(cp[0]);
        if (lhs === null || !lhs.every(isIdentifier))
          ex.syntaxError(star ? 'for*/stream' : 'for/stream', 'bad sequence binding clause', stx, clauses[j]);
        ids.push(...lhs);
        seqs.push(cp[1]);
        j++;
      }
      return b.list('%for-stream-bind', thunk(b, b.list('list', ...seqs)), b.list('lambda', b.list(...ids), build(j)));
    };
    return lazyStream(ex, b, b.quote(sym(star ? 'for*/stream' : 'for/stream')), build(0));
  };

export function installStreamForms(define: (name: string, m: Meaning) => void): void {
  // gen:stream's property is prop:stream itself; its methods are the vector's three procedures.
  define('gen:stream', {
    kind: 'syntax',
    value: new GenericInfo('gen:stream', 'prop:stream', ['stream-empty?', 'stream-first', 'stream-rest']),
  });
  define('stream-cons', jsMacro('stream-cons', streamCons));
  define('stream', jsMacro('stream', streamForm));
  define('stream*', jsMacro('stream*', streamStar));
  define('stream-lazy', jsMacro('stream-lazy', streamLazy));
  define('for/stream', jsMacro('for/stream', forStream(false)));
  define('for*/stream', jsMacro('for*/stream', forStream(true)));
}
