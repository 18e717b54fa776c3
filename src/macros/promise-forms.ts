// racket/promise's forms: delay, lazy, delay/name, delay/strict, delay/sync,
// delay/thread and delay/idle, over the promise values of prims/promises.ts.

import { type Expander, type Meaning, inferredName } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, sym } from '../values/types.js';
import { syntaxE } from '../expand/scopes.js';
import { items } from './forms.js';

/**
 * `(lambda () body ...)`, named as the form's binding is, or else by the
 * form's location as a lambda a macro makes is (the promise prints its
 * thunk's name).
 */
function thunkOf(ex: Expander, b: Builder, form: Syntax, body: Syntax[]): Syntax {
  const lambda = b.list('lambda', b.list(), ...body);
  const name = ex.localName ?? inferredName(form, true);
  if (name === null) return lambda;
  const named = b.hidden(name);
  return b.list('letrec-values', b.list(b.list(b.list(named), lambda)), named);
}

/** A promise of kind `kind` ('delay', 'lazy' or 'name') over the form's body. */
const promiseForm =
  (kind: string) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const body = items(stx, ex, 2).slice(1);
    return b.list(b.quote(ex.rtPrim('make-promise')), thunkOf(ex, b, stx, body), b.quote(sym(kind)));
  };

/** delay/strict: the body runs now, and the promise is forced already. */
const delayStrict = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const body = items(stx, ex, 2).slice(1);
  return b.list(b.quote(ex.rtPrim('make-forced-promise')), b.list('call-with-values', b.list('lambda', b.list(), ...body), b.id('list')));
};

/** delay/thread and delay/idle: the body runs in a thread of its own. */
const delayThread = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  // Keyword options (#:group, #:wait-for, #:work-while, #:tick, #:use) come before the body.
  let i = 1;
  while (i + 1 < p.length && syntaxE(p[i]) instanceof Keyword) i += 2;
  return b.list('%thread-promise', thunkOf(ex, b, stx, p.slice(i)));
};

// for/list/concurrent and for*/list/concurrent: each body in a thread of its own, the results in order.
const forListConcurrent =
  (loop: string) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3);
    // An optional `#:group expr` comes first.
    const rest = syntaxE(p[1]) instanceof Keyword ? p.slice(3) : p.slice(1);
    if (rest.length < 2) return ex.badSyntax(stx);
    const promises = b.list(loop, rest[0], b.list('%thread-promise', b.list('lambda', b.list(), ...rest.slice(1))));
    return b.list('map', b.id('%force'), promises);
  };

export function installPromiseForms(define: (name: string, m: Meaning) => void): void {
  define('delay', jsMacro('delay', promiseForm('delay')));
  define('lazy', jsMacro('lazy', promiseForm('lazy')));
  define('delay/name', jsMacro('delay/name', promiseForm('name')));
  define('delay/sync', jsMacro('delay/sync', promiseForm('delay')));
  define('delay/strict', jsMacro('delay/strict', delayStrict));
  define('delay/thread', jsMacro('delay/thread', delayThread));
  define('delay/idle', jsMacro('delay/idle', delayThread));
  define('for/list/concurrent', jsMacro('for/list/concurrent', forListConcurrent('for/list')));
  define('for*/list/concurrent', jsMacro('for*/list/concurrent', forListConcurrent('for*/list')));
}
