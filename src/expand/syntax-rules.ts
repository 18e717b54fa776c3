// `syntax-rules`: pattern matching on syntax and template instantiation.
// Template identifiers keep the scopes of the macro definition; the
// expander's macro-introduction scope then keeps them apart from the user's.

import { isEqual } from '../values/equal.js';
import { NULL, Pair, RVector, Sym, sym, uninternedSym, type Value } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import type { Expander } from './expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';
import { writeString } from '../printer/print.js';
import type { MacroTransformer } from './expander.js';

/** What a pattern variable matched: a syntax object, or one entry per ellipsis repetition. */
type Match = Syntax | Match[];
type Bindings = Map<string, Match>;

interface Rule {
  pattern: Syntax;
  template: Syntax;
}

/** A property of the syntax-rules form define-syntax-rule makes (Racket's errors then name its `user-stx`). */
export const TEMPLATE_NAME = uninternedSym('define-syntax-rule');

/** The ellipsis depth of each pattern variable of `pattern` (its keyword position excluded). */
function patternDepths(pattern: Syntax, isLiteral: (id: Syntax) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: Value, depth: number): void => {
    if (isIdentifier(v)) {
      if (!isEllipsis(v) && !isUnderscore(v) && !isLiteral(v)) out.set(idSym(v).name, depth);
      return;
    }
    let e = unwrap(v);
    if (e instanceof RVector) {
      e.items.forEach((x, i) => walk(x, isEllipsis(e instanceof RVector ? e.items[i + 1] : undefined) ? depth + 1 : depth));
      return;
    }
    // A datum (a keyword, a number, a string) binds nothing.
    if (!(e instanceof Pair)) return;
    while (e instanceof Pair) {
      const next = unwrap(e.cdr);
      walk(e.car, next instanceof Pair && isEllipsis(next.car) ? depth + 1 : depth);
      e = next;
    }
    if (e !== NULL) walk(e, depth);
  };
  const e = unwrap(pattern);
  if (e instanceof Pair) walk(e.cdr, 0);
  return out;
}

/**
 * Racket's checks of a template's ellipses: each `elem ...` must contain a
 * pattern variable, and one deep enough for the ellipses around it.
 */
function checkTemplate(template: Syntax, depths: Map<string, number>, ex: Expander, inName: string): void {
  const fail = (message: string, at: Value): never => {
    const form = new Syntax(
      new Pair(new Syntax(sym('syntax/loc'), null), new Pair(new Syntax(sym(inName), null), new Pair(template, NULL))),
      template.loc,
    );
    return ex.syntaxError('syntax/loc', message, form, at instanceof Syntax ? at : new Syntax(at, template.loc));
  };
  const walk = (v: Value, depth: number): void => {
    let e = unwrap(v);
    if (!(e instanceof Pair)) {
      if (e instanceof RVector) for (const x of e.items) walk(x, depth);
      return;
    }
    // (... template): ellipses inside are literal.
    if (isEllipsis(e.car) && unwrap(e.cdr) instanceof Pair) return;
    while (e instanceof Pair) {
      let next = unwrap(e.cdr);
      let n = 0;
      let lastEllipsis: Value;
      while (next instanceof Pair && isEllipsis(next.car)) {
        n++;
        lastEllipsis = next.car;
        next = unwrap(next.cdr);
      }
      if (n > 0) {
        const vars = templateVars(e.car).filter((x) => depths.has(x));
        if (vars.length === 0) fail('no pattern variables before ellipsis in template', e.car);
        if (Math.max(...vars.map((x) => depths.get(x)!)) < depth + n) fail('too many ellipses in template', lastEllipsis);
      }
      walk(e.car, depth + n);
      e = next;
    }
  };
  walk(template, 0);
}

function isEllipsis(v: Value): boolean {
  return isIdentifier(v) && idSym(v).name === '...';
}

function isUnderscore(v: Value): boolean {
  return isIdentifier(v) && idSym(v).name === '_';
}

export function makeSyntaxRules(form: Syntax, ex: Expander): MacroTransformer {
  const p = syntaxList(form);
  if (p === null || p.length < 2) ex.badSyntax(form);
  const lits = syntaxList(p[1]);
  if (lits === null || !lits.every(isIdentifier)) ex.syntaxError('syntax-rules', 'bad syntax (literals list)', form, p[1]);
  const rules: Rule[] = p.slice(2).map((r) => {
    const rp = syntaxList(r);
    if (rp === null || rp.length !== 2) ex.syntaxError('syntax-rules', 'bad syntax (clause is not a pattern-template pair)', form, r);
    return { pattern: rp[0], template: rp[1] };
  });
  const literals = lits;
  const isLiteral = (id: Syntax) => literals.some((l) => idSym(l) === idSym(id));
  // Templates are checked when the macro is defined, as Racket's syntax/loc checks them.
  const fromDefineSyntaxRule = form.props?.get(TEMPLATE_NAME) === true;
  const inName = fromDefineSyntaxRule ? 'user-stx' : 'x';
  for (const rule of rules) checkTemplate(rule.template, patternDepths(rule.pattern, isLiteral), ex, inName);

  return (stx: Syntax, e: Expander): Syntax => {
    for (const rule of rules) {
      const binds: Bindings = new Map();
      const pe = syntaxE(rule.pattern);
      const se = syntaxE(stx);
      // The macro keyword position is not matched.
      if (pe instanceof Pair && se instanceof Pair) {
        if (matchTail(pe.cdr, se.cdr, binds, e, isLiteral)) {
          return instantiate(rule.template, binds, e);
        }
      } else if (pe instanceof Sym && isIdentifier(stx)) {
        return instantiate(rule.template, binds, e);
      }
    }
    const head = isIdentifier(stx) ? stx : syntaxList(stx)?.[0];
    const name = head && isIdentifier(head) ? idSym(head).name : 'syntax-rules';
    if (fromDefineSyntaxRule) {
      // define-syntax-rule names the one pattern, with the macro's name in place of `_`.
      const pattern = syntaxToDatum(rules[0].pattern) as Pair;
      e.syntaxError(name, `use does not match pattern: ${writeString(new Pair(sym(name), pattern.cdr))}`, stx);
    }
    e.syntaxError(name, 'bad syntax', stx);
  };
}

function unwrap(v: Value): Value {
  return v instanceof Syntax && !(v.e instanceof Sym) ? syntaxE(v) : v;
}

function match(pat: Value, s: Value, binds: Bindings, ex: Expander, isLiteral: (id: Syntax) => boolean): boolean {
  if (isIdentifier(pat)) {
    if (isUnderscore(pat)) return true;
    if (isLiteral(pat)) return isIdentifier(s) && ex.freeIdentifierEq(s, pat);
    binds.set(idSym(pat).name, s instanceof Syntax ? s : new Syntax(s, null));
    return true;
  }
  const pe = unwrap(pat);
  if (pe instanceof Pair || pe === NULL) return matchTail(pe, s instanceof Syntax ? syntaxE(s) : s, binds, ex, isLiteral);
  if (pe instanceof RVector) {
    const se = unwrap(s);
    if (!(se instanceof RVector)) return false;
    return matchTail(toList(pe.items), toList(se.items), binds, ex, isLiteral);
  }
  // A datum pattern matches an equal? datum.
  return isEqual(syntaxToDatum(pe), syntaxToDatum(s));
}

function toList(items: Value[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

/** Matches a pattern list tail (pairs, possibly with one ellipsis) against a syntax list tail. */
function matchTail(pat: Value, s: Value, binds: Bindings, ex: Expander, isLiteral: (id: Syntax) => boolean): boolean {
  pat = unwrap(pat);
  s = unwrap(s);
  if (pat instanceof Pair) {
    const next = unwrap(pat.cdr);
    if (next instanceof Pair && isEllipsis(next.car)) {
      // p ... rest: p repeats as often as the input allows while `rest` still fits.
      const after = next.cdr;
      const minAfter = countPairs(after);
      const elems: Value[] = [];
      let cur = s;
      while (cur instanceof Pair) {
        elems.push(cur.car);
        cur = unwrap(cur.cdr);
      }
      const tail = cur;
      const repeat = elems.length - minAfter;
      if (repeat < 0) return false;
      const reps: Bindings[] = [];
      for (let i = 0; i < repeat; i++) {
        const b: Bindings = new Map();
        if (!match(pat.car, elems[i], b, ex, isLiteral)) return false;
        reps.push(b);
      }
      for (const v of patternVars(pat.car, isLiteral))
        binds.set(
          v,
          reps.map((r) => r.get(v)!),
        );
      let restInput: Value = tail;
      for (let i = elems.length - 1; i >= repeat; i--) restInput = new Pair(elems[i], restInput);
      return matchTail(after, restInput, binds, ex, isLiteral);
    }
    if (!(s instanceof Pair)) return false;
    return match(pat.car, s.car, binds, ex, isLiteral) && matchTail(pat.cdr, s.cdr, binds, ex, isLiteral);
  }
  if (pat === NULL) return s === NULL;
  // A dotted tail pattern matches the rest of the input.
  return match(pat, s instanceof Syntax ? s : new Syntax(s, null), binds, ex, isLiteral);
}

function countPairs(v: Value): number {
  let n = 0;
  v = unwrap(v);
  while (v instanceof Pair) {
    n++;
    v = unwrap(v.cdr);
  }
  return n;
}

function patternVars(pat: Value, isLiteral: (id: Syntax) => boolean, out: string[] = []): string[] {
  if (isIdentifier(pat)) {
    if (!isEllipsis(pat) && !isUnderscore(pat) && !isLiteral(pat)) out.push(idSym(pat).name);
    return out;
  }
  const e = unwrap(pat);
  if (e instanceof Pair) {
    patternVars(e.car, isLiteral, out);
    patternVars(e.cdr, isLiteral, out);
  } else if (e instanceof RVector) e.items.forEach((i) => patternVars(i, isLiteral, out));
  return out;
}

// ---------------------------------------------------------------- templates

function instantiate(t: Syntax, binds: Bindings, ex: Expander): Syntax {
  const out = inst(t, binds, ex);
  return out instanceof Syntax ? out : new Syntax(out, t.loc, t.scopes);
}

function inst(t: Value, binds: Bindings, ex: Expander): Value {
  if (isIdentifier(t)) {
    const m = binds.get(idSym(t).name);
    if (m === undefined) return t;
    if (!(m instanceof Syntax)) ex.syntaxError(idSym(t).name, 'missing ellipsis with pattern variable in template', t);
    return m;
  }
  if (t instanceof Syntax) {
    const e = syntaxE(t);
    if (e instanceof Pair) {
      // (... ...) escapes an ellipsis.
      if (isEllipsis(e.car)) {
        const rest = unwrap(e.cdr);
        if (rest instanceof Pair) return instEscaped(rest.car);
      }
      return new Syntax(instList(e, binds, ex), t.loc, t.scopes, t.props);
    }
    if (e instanceof RVector) {
      const l = instList(toList(e.items), binds, ex);
      const items: Value[] = [];
      let x = l;
      while (x instanceof Pair) {
        items.push(x.car);
        x = x.cdr;
      }
      return new Syntax(new RVector(items, true), t.loc, t.scopes);
    }
    return t;
  }
  return t;
}

function instEscaped(t: Value): Value {
  return t;
}

function instList(l: Value, binds: Bindings, ex: Expander): Value {
  l = unwrap(l);
  if (!(l instanceof Pair)) return l === NULL ? NULL : inst(l, binds, ex);
  const next = unwrap(l.cdr);
  if (next instanceof Pair && isEllipsis(next.car)) {
    // elem ... (possibly elem ... ...)
    let depth = 1;
    let after = unwrap(next.cdr);
    while (after instanceof Pair && isEllipsis(after.car)) {
      depth++;
      after = unwrap(after.cdr);
    }
    let results = expandEllipsis(l.car, binds, ex, depth);
    const rest = instList(after, binds, ex);
    let out = rest;
    for (let i = results.length - 1; i >= 0; i--) out = new Pair(results[i], out);
    results = [];
    return out;
  }
  return new Pair(inst(l.car, binds, ex), instList(l.cdr, binds, ex));
}

function expandEllipsis(t: Value, binds: Bindings, ex: Expander, depth: number): Value[] {
  const vars = templateVars(t).filter((v) => {
    const m = binds.get(v);
    return m !== undefined && !(m instanceof Syntax);
  });
  if (vars.length === 0)
    ex.syntaxError('syntax-rules', 'no pattern variables before ellipsis in template', t instanceof Syntax ? t : new Syntax(t, null));
  let len = -1;
  for (const v of vars) {
    const n = (binds.get(v) as Match[]).length;
    if (len < 0) len = n;
    else if (n !== len) ex.syntaxError('syntax-rules', 'incompatible ellipsis match counts for template', t as Syntax);
  }
  const out: Value[] = [];
  for (let i = 0; i < len; i++) {
    const b2: Bindings = new Map(binds);
    for (const v of vars) b2.set(v, (binds.get(v) as Match[])[i]);
    if (depth > 1) out.push(...expandEllipsis(t, b2, ex, depth - 1));
    else out.push(inst(t, b2, ex));
  }
  return out;
}

function templateVars(t: Value, out: string[] = []): string[] {
  if (isIdentifier(t)) {
    out.push(idSym(t).name);
    return out;
  }
  const e = unwrap(t);
  if (e instanceof Pair) {
    templateVars(e.car, out);
    templateVars(e.cdr, out);
  } else if (e instanceof RVector) e.items.forEach((i) => templateVars(i, out));
  return out;
}
