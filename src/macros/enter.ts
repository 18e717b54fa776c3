// racket/enter's `enter!`: `(enter! mod flag ...)` goes into module mod's
// namespace, `(enter! #f)` back to the REPL's (lib/enter.rkt does it).

import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { syntaxList, syntaxToDatum } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, Pair, RString, Sym, sym, type Value } from '../values/types.js';

/** A module path's shape (dynamic-enter! checks the rest): a name, a string, or a form such as `(file "x")`. */
function looksLikeModulePath(v: Value): boolean {
  return v instanceof Sym || v instanceof RString || (v instanceof Pair && v.car instanceof Sym);
}

const FLAGS = new Set(['verbose', 'quiet', 'verbose-reload', 'dont-re-require-enter']);

const enter = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  const usage = "bad syntax; should be `(enter! <module-path-or-#f>\n  [flag...])'";
  if (p === null || p.length < 2) return ex.syntaxError('enter!', usage, stx);
  const mod = syntaxToDatum(p[1]);
  if (mod !== false && !looksLikeModulePath(mod)) ex.syntaxError('enter!', 'not a module path or #f', stx, p[1]);
  const flags = p.slice(2).map((f) => syntaxToDatum(f));
  if (!flags.every((f) => f instanceof Keyword)) return ex.syntaxError('enter!', usage, stx);
  for (const f of flags as Keyword[]) {
    if (!FLAGS.has(f.name)) ex.syntaxError('enter!', `unknown flag: ${f.name}`, stx);
  }
  const named = (name: string) => (flags as Keyword[]).some((f) => f.name === name);
  const verbosity = named('verbose') ? 'all' : named('quiet') ? 'none' : 'reload';
  return b.list(
    '%dynamic-enter!',
    b.quote(mod),
    b.keyword('verbosity'),
    b.quote(sym(verbosity)),
    b.keyword('re-require-enter?'),
    b.datum(!named('dont-re-require-enter')),
  );
};

export function installEnterForms(define: (name: string, m: Meaning) => void): void {
  define('enter!', jsMacro('enter!', enter));
}
