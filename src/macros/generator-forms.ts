// racket/generator's forms: generator, infinite-generator and in-generator,
// over lib/generators.rkt's create-generator.

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { isIdentifier, syntaxE } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, type Value } from '../values/types.js';
import { items } from './forms.js';

/** Whether `f` is lambda formals: identifiers, possibly with a rest identifier. */
function isFormals(f: Value): boolean {
  let v: Value = f;
  for (;;) {
    if (v instanceof Syntax && isIdentifier(v)) return true;
    if (v instanceof Syntax) v = syntaxE(v);
    else if (v === NULL) return true;
    else if (v instanceof Pair) {
      if (!(v.car instanceof Syntax && isIdentifier(v.car))) return false;
      v = v.cdr;
    } else return false;
  }
}

function makeGenerator(b: Builder, formals: Syntax, body: Syntax[]): Syntax {
  const named = b.hidden('generator');
  return b.list('%create-generator', b.list('letrec-values', b.list(b.list(b.list(named), b.list('lambda', formals, ...body))), named));
}

function generatorForm(stx: Syntax, ex: Expander, b: Builder): Syntax {
  if (isIdentifier(stx)) return ex.syntaxError('generator', 'bad syntax', stx);
  const p = items(stx, ex, 1);
  if (p.length < 3) return ex.syntaxError('generator', 'use does not have the form (generator formals body ...)', stx);
  if (!isFormals(p[1])) return ex.syntaxError('generator', 'bad syntax for formal initial arguments', stx, p[1]);
  return makeGenerator(b, p[1], p.slice(2));
}

function infiniteGenerator(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const body = items(stx, ex, 2).slice(1);
  const loop = b.temp('loop');
  return makeGenerator(b, b.list(), [b.list('let', loop, b.list(), ...body, b.list(loop))]);
}

/**
 * `(in-generator [#:arity n] body ...)`: a producer sequence over a
 * generator whose body ends by giving n stop values (arity 0: by setting a
 * flag).
 */
function inGenerator(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 2);
  let arity = 1;
  let body = p.slice(1);
  const first = syntaxE(p[1]);
  if (first instanceof Keyword && first.name === 'arity') {
    const n = p.length > 2 ? syntaxE(p[2]) : undefined;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= 0))
      return ex.syntaxError('in-generator', 'expected a literal exact nonnegative integer', stx, p[2]);
    arity = n;
    body = p.slice(3);
  }
  if (body.length === 0) return ex.badSyntax(stx);
  if (arity === 0) {
    const stop = b.temp('stop?');
    return b.list(
      'let',
      b.list(b.list(stop, b.datum(false))),
      b.list(
        'in-producer',
        makeGenerator(b, b.list(), [...body, b.list('set!', stop, b.datum(true)), b.list('values')]),
        b.list('lambda', b.list(), stop),
      ),
    );
  }
  const stopValue = b.quote(ex.rtPrim('generator-stop'));
  const vars = Array.from({ length: arity }, () => b.temp('x'));
  return b.list(
    'in-producer',
    makeGenerator(b, b.list(), [...body, b.list('values', ...vars.map(() => stopValue))]),
    b.list('lambda', b.list(...vars), b.list('eq?', vars[0], stopValue)),
  );
}

export function installGeneratorForms(define: (name: string, m: Meaning) => void): void {
  define('generator', jsMacro('generator', generatorForm));
  define('infinite-generator', jsMacro('infinite-generator', infiniteGenerator));
  define('in-generator', jsMacro('in-generator', inGenerator));
}
