// Forms of the legacy languages (`#lang scheme`, `#lang mzscheme`) that
// racket no longer has.

import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { syntaxList } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { items } from './forms.js';

/** `(nest ([form arg ...] ...) body ...)`: each form wraps the ones after it, the last wraps the body. */
const nest = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const wrappers = syntaxList(p[1]) ?? ex.badSyntax(stx);
  let body: Syntax[] = p.slice(2);
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const w = syntaxList(wrappers[i]);
    if (w === null || w.length === 0) ex.badSyntax(stx);
    body = [b.list(...w, ...body)];
  }
  return body.length === 1 ? body[0] : b.list('let', b.list(), ...body);
};

export function legacyForms(): [string, Meaning][] {
  return [['nest', jsMacro('nest', nest)]];
}
