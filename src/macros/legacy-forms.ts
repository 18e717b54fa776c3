// Forms of the legacy languages (`#lang scheme`, `#lang mzscheme`) that
// racket no longer has. mzscheme's procedures are lib/mzscheme.rkt.

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

/** mzscheme's `if` may leave out the else branch. */
const oneArmedIf = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 4);
  return b.list('if', p[1], p[2], p[3] ?? b.list('void'));
};

/** `(fluid-let ([x e] ...) body ...)`: the variables hold the values while the body runs. */
const fluidLet = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const binds = (syntaxList(p[1]) ?? ex.badSyntax(stx)).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2) ex.badSyntax(stx);
    return { id: cp[0], value: cp[1], temp: b.temp('fluid') };
  });
  const swap = b.list(
    'lambda',
    b.list(),
    ...binds.map(({ id, temp }) => {
      const t = b.temp('swap');
      return b.list('let', b.list(b.list(t, id)), b.list('set!', id, temp), b.list('set!', temp, t));
    }),
  );
  return b.list(
    'let',
    b.list(...binds.map(({ temp, value }) => b.list(temp, value))),
    b.list('dynamic-wind', swap, b.list('lambda', b.list(), ...p.slice(2)), swap),
  );
};

/** `(let-struct name (field ...) body ...)`: a structure type local to the body. */
const letStruct = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  return b.list('let', b.list(), b.list('define-struct', p[1], p[2]), ...p.slice(3));
};

/** `(require-for-syntax spec ...)` and the other phase-shifted requires and provides. */
function shifted(form: 'require' | 'provide', phase: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => b.list(form, b.list(phase, ...items(stx, ex, 1).slice(1)));
}

export function legacyForms(): [string, Meaning][] {
  return [['nest', jsMacro('nest', nest)]];
}

/** What `#lang mzscheme` has that racket/base does not. */
export function mzschemeForms(): [string, Meaning][] {
  return [
    ['if', jsMacro('if', oneArmedIf)],
    ['fluid-let', jsMacro('fluid-let', fluidLet)],
    ['let-struct', jsMacro('let-struct', letStruct)],
    ['require-for-syntax', jsMacro('require-for-syntax', shifted('require', 'for-syntax'))],
    ['require-for-template', jsMacro('require-for-template', shifted('require', 'for-template'))],
    ['require-for-label', jsMacro('require-for-label', shifted('require', 'for-label'))],
    ['provide-for-syntax', jsMacro('provide-for-syntax', shifted('provide', 'for-syntax'))],
    ['provide-for-label', jsMacro('provide-for-label', shifted('provide', 'for-label'))],
  ];
}
