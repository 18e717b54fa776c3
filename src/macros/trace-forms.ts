// racket/trace's forms: trace and untrace, and the Chez-like trace-define,
// trace-lambda, trace-let and trace-define-syntax, over lib/trace.rkt.

import { Builder, jsMacro } from '../expand/build.js';
import { type Expander, type Meaning, inferredName } from '../expand/expander.js';
import { datumToSyntax, isIdentifier, syntaxE } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, NULL, sym } from '../values/types.js';
import { items } from './forms.js';

/** The identifiers of `(trace id ...)`: variables of this module or local ones, not imported ones. */
function traceIds(form: string, stx: Syntax, ex: Expander): Syntax[] {
  const ids = items(stx, ex, 1).slice(1);
  for (const id of ids) {
    if (!isIdentifier(id)) ex.syntaxError(form, 'not an identifier', stx, id);
    const m = ex.resolve(id);
    if (m !== null && m.kind === 'top' && m.imported) ex.syntaxError(form, 'cannot trace an imported identifier', stx, id);
  }
  return ids;
}

/** `lambda` bound to a name of its own, so that the procedure prints with it. */
function named(b: Builder, name: string | null, lambda: Syntax): Syntax {
  if (name === null) return lambda;
  const n = b.hidden(name);
  return b.list('letrec-values', b.list(b.list(b.list(n), lambda)), n);
}

/**
 * `(%trace-install '(id ...) (list id ...) (list setter ...) (list maker ...))`:
 * each maker takes the procedure and gives the traced one, a keyword
 * procedure named by the identifier's location, as Racket's is.
 */
function traceForm(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const ids = traceIds('trace', stx, ex);
  const makers = ids.map((id) => {
    const at = new Builder(ex, id.loc);
    const [real, kws, vals, args] = ['real', 'kws', 'vals', 'args'].map((n) => at.temp(n));
    const name = inferredName(id);
    const quoted = at.list('quote', id);
    const kwProc = at.list('lambda', at.listTail([kws, vals], args), at.list('%trace-do-traced', quoted, args, kws, vals, real));
    const plainProc = at.list('lambda', args, at.list('%trace-do-traced', quoted, args, at.quote(NULL), at.quote(NULL), real));
    return at.list('lambda', at.list(real), at.list('make-keyword-procedure', named(at, name, kwProc), named(at, name, plainProc)));
  });
  const setters = ids.map((id) => {
    const v = b.temp('v');
    return b.list('lambda', b.list(v), b.list('set!', id, v));
  });
  return b.list(
    '%trace-install',
    b.list('quote', b.list(...ids)),
    b.list('list', ...ids),
    b.list('list', ...setters),
    b.list('list', ...makers),
  );
}

/** `(untrace id ...)`: each traced variable gets back the procedure it traced. */
function untraceForm(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const ids = traceIds('untrace', stx, ex);
  return b.list(
    'begin',
    ...ids.map((id) => {
      const o = b.temp('original');
      return b.list('let', b.list(b.list(o, b.list('%traced-original', id))), b.list('when', o, b.list('set!', id, o)));
    }),
    b.list('void'),
  );
}

/** The name a definition's head defines: `f` of `f`, `(f x)` and `((f x) y)`. */
function definedName(head: Syntax, stx: Syntax, ex: Expander): Syntax {
  let h = head;
  while (!isIdentifier(h)) {
    const p = items(h, ex, 1);
    if (p.length === 0) ex.badSyntax(stx);
    h = p[0];
  }
  return h;
}

/** `(trace-define head body ...)`: `define`, then `trace` of the defined name. */
function traceDefine(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 3);
  const name = definedName(p[1], stx, ex);
  return b.list(
    'begin',
    b.list('define', ...p.slice(1)),
    b.list('define-values', b.list(), b.list('begin', b.list('%trace', name), b.list('values'))),
  );
}

/** `(trace-let name ([x e] ...) body ...)`: a named let whose loop procedure is traced. */
function traceLet(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 4);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const clauses = items(p[2], ex, 0).map((c) => {
    const cp = items(c, ex, 2, 2);
    return cp;
  });
  const name = p[1];
  return b.list(
    b.list(
      'letrec',
      b.list(b.list(name, b.list('lambda', b.list(...clauses.map((c) => c[0])), ...p.slice(3)))),
      b.list('%trace', name),
      name,
    ),
    ...clauses.map((c) => c[1]),
  );
}

/** `(trace-lambda [#:name id] formals body ...)`: a traced procedure, named `id` or as its binding is. */
function traceLambda(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 2);
  let rest = p.slice(1);
  let name: Syntax;
  const first = syntaxE(rest[0]);
  if (first instanceof Keyword && first.name === 'name') {
    if (rest.length < 2 || !isIdentifier(rest[1])) ex.badSyntax(stx);
    name = rest[1];
    rest = rest.slice(2);
  } else {
    // As syntax-local-infer-name: the binding's name, else the form's location.
    const inferred = ex.localName ?? inferredName(stx, true);
    if (inferred === null) ex.syntaxError('trace-lambda', 'Could not infer name; give a name explicitly using #:name', stx);
    name = datumToSyntax(stx, sym(inferred));
  }
  if (rest.length < 2) ex.badSyntax(stx);
  return b.list('let', b.list(b.list(name, b.list('lambda', ...rest))), b.list('%trace', name), name);
}

/** `(trace-define-syntax head body ...)`: a macro whose transformer is traced. */
function traceDefineSyntax(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = items(stx, ex, 3);
  const name = definedName(p[1], stx, ex);
  return b.list('define-syntax', name, b.list('let', b.list(), b.list('define', ...p.slice(1)), b.list('%trace', name), name));
}

export function installTraceForms(define: (name: string, m: Meaning) => void): void {
  define('trace', jsMacro('trace', traceForm));
  // For the forms that expand into `trace`, wherever they are used.
  define('%trace', jsMacro('trace', traceForm));
  define('untrace', jsMacro('untrace', untraceForm));
  define('trace-define', jsMacro('trace-define', traceDefine));
  define('trace-let', jsMacro('trace-let', traceLet));
  define('trace-lambda', jsMacro('trace-lambda', traceLambda));
  define('trace-define-syntax', jsMacro('trace-define-syntax', traceDefineSyntax));
}
