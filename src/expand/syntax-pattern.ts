// Syntax patterns, as `syntax-case` and `with-syntax` have them: compiled
// once when the form is expanded, matched when it runs.
//
// A pattern is an identifier (a pattern variable; `_` matches anything; a
// literal matches an identifier that is free-identifier=? to it), a list or
// improper list of patterns in which one pattern may be followed by `...`
// (it then matches as many elements as leave enough for the patterns after
// it), a vector of patterns, or a datum (matching an equal? datum). What a
// pattern variable matched is a syntax object, or, under n ellipses, nested
// JS arrays n deep.

import { isEqual } from '../values/equal.js';
import { NULL, Pair, RVector, type Value } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import type { Expander } from './expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxToDatum } from './scopes.js';

type Pattern =
  | { readonly k: 'any' }
  | { readonly k: 'var'; readonly slot: number }
  | { readonly k: 'literal'; readonly id: Syntax }
  | { readonly k: 'datum'; readonly v: Value }
  | { readonly k: 'null' }
  | { readonly k: 'pair'; readonly car: Pattern; readonly cdr: Pattern }
  /** `elem ... after`: `after` needs `afterLen` elements. */
  | {
      readonly k: 'ellipsis';
      readonly elem: Pattern;
      readonly slots: readonly number[];
      readonly after: Pattern;
      readonly afterLen: number;
    }
  | { readonly k: 'vector'; readonly list: Pattern };

export interface PatternVar {
  readonly id: Syntax;
  /** How many ellipses follow it in the pattern. */
  readonly depth: number;
}

export function isEllipsis(v: Value): boolean {
  return isIdentifier(v) && idSym(v).name === '...';
}

/** A syntax object's content, or the value itself when it is not syntax (identifiers stay wrapped). */
function unwrap(v: Value): Value {
  return v instanceof Syntax && isIdentifier(v) === false ? syntaxE(v) : v;
}

export class SyntaxPattern {
  private constructor(
    private readonly root: Pattern,
    readonly vars: readonly PatternVar[],
    private readonly ex: Expander,
  ) {}

  /**
   * Compiles `pattern`. `literals` are the literal identifiers; `form` and
   * `who` are for error messages (the form being expanded and its name).
   */
  static compile(ex: Expander, pattern: Syntax, literals: readonly Syntax[], form: Syntax, who: string): SyntaxPattern {
    const vars: PatternVar[] = [];
    const isLiteral = (id: Syntax) => literals.some((l) => idSym(l) === idSym(id));
    const walk = (p: Value, depth: number): Pattern => {
      if (isIdentifier(p)) {
        if (isLiteral(p)) return { k: 'literal', id: p };
        const name = idSym(p).name;
        if (name === '_') return { k: 'any' };
        if (name === '...') ex.syntaxError(who, 'misplaced ellipsis in pattern', form, p);
        if (vars.some((v) => idSym(v.id) === idSym(p) && sameScopes(v.id, p))) ex.syntaxError(who, 'duplicate binding name', form, p);
        vars.push({ id: p, depth });
        return { k: 'var', slot: vars.length - 1 };
      }
      const e = unwrap(p);
      if (e instanceof Pair || e === NULL) return walkList(e, depth);
      if (e instanceof RVector) return { k: 'vector', list: walkList(listOf(e.items), depth) };
      return { k: 'datum', v: syntaxToDatum(e) };
    };
    const walkList = (v: Value, depth: number): Pattern => {
      v = unwrap(v);
      if (v === NULL) return { k: 'null' };
      if (!(v instanceof Pair)) return walk(v, depth);
      const next = unwrap(v.cdr);
      if (next instanceof Pair && isEllipsis(next.car)) {
        const first = vars.length;
        const elem = walk(v.car, depth + 1);
        const slots = vars.slice(first).map((_, i) => first + i);
        const after = walkList(next.cdr, depth);
        return { k: 'ellipsis', elem, slots, after, afterLen: fixedLength(after, ex, who, form, next.car as Syntax) };
      }
      return { k: 'pair', car: walk(v.car, depth), cdr: walkList(v.cdr, depth) };
    };
    return new SyntaxPattern(walk(pattern, 0), vars, ex);
  }

  /** What each pattern variable matched, in the order of `vars`, or null when `input` does not match. */
  match(input: Value, context: Syntax | null = null, compare: ((a: Syntax, b: Syntax) => boolean) | null = null): Value[] | null {
    this.compare = compare;
    const out: Value[] = new Array(this.vars.length);
    // A datum is matched as syntax in `context` (the syntax objects inside it stay as they are).
    const stx = input instanceof Syntax ? input : datumToSyntax(context, input);
    return this.matchAt(this.root, stx, stx, out) ? out : null;
  }

  /** How literals are compared in the match in progress (syntax-case*); null: free-identifier=?. */
  private compare: ((a: Syntax, b: Syntax) => boolean) | null = null;

  private matchAt(p: Pattern, v: Value, ctx: Syntax | null, out: Value[]): boolean {
    switch (p.k) {
      case 'any':
        return true;
      case 'var':
        out[p.slot] = asSyntax(v, ctx);
        return true;
      case 'literal':
        return isIdentifier(v) && (this.compare === null ? this.ex.freeIdentifierEq(v, p.id) : this.compare(v, p.id));
      case 'datum':
        return isEqual(syntaxToDatum(v), p.v);
      case 'null':
        return unwrap(v) === NULL;
      case 'pair': {
        const here = v instanceof Syntax ? v : ctx;
        const u = unwrap(v);
        return u instanceof Pair && this.matchAt(p.car, u.car, here, out) && this.matchAt(p.cdr, u.cdr, here, out);
      }
      case 'vector': {
        const u = unwrap(v);
        return u instanceof RVector && this.matchAt(p.list, listOf(u.items), v instanceof Syntax ? v : ctx, out);
      }
      case 'ellipsis': {
        const here = v instanceof Syntax ? v : ctx;
        const elems: Value[] = [];
        let u = unwrap(v);
        while (u instanceof Pair) {
          elems.push(u.car);
          u = unwrap(u.cdr);
        }
        const n = elems.length - p.afterLen;
        if (n < 0) return false;
        const reps: Value[][] = p.slots.map(() => []);
        const sub: Value[] = new Array(out.length);
        for (let i = 0; i < n; i++) {
          if (!this.matchAt(p.elem, elems[i], here, sub)) return false;
          p.slots.forEach((s, j) => reps[j].push(sub[s]));
        }
        p.slots.forEach((s, j) => {
          out[s] = reps[j];
        });
        let rest: Value = u;
        for (let i = elems.length - 1; i >= n; i--) rest = new Pair(elems[i], rest);
        return this.matchAt(p.after, rest, here, out);
      }
    }
  }
}

/** The number of list elements a pattern after an ellipsis needs; a second ellipsis there is an error. */
function fixedLength(p: Pattern, ex: Expander, who: string, form: Syntax, at: Syntax): number {
  let n = 0;
  while (p.k === 'pair') {
    n++;
    p = p.cdr;
  }
  if (p.k === 'ellipsis') ex.syntaxError(who, 'misplaced ellipsis in pattern', form, at);
  return n;
}

/** A matched part as a syntax object: a list tail that is not one gets the enclosing syntax's context. */
function asSyntax(v: Value, ctx: Syntax | null): Syntax {
  if (v instanceof Syntax) return v;
  return new Syntax(v, ctx?.loc ?? null, ctx?.scopes);
}

function sameScopes(a: Syntax, b: Syntax): boolean {
  return a.scopes.length === b.scopes.length && a.scopes.every((s, i) => s === b.scopes[i]);
}

function listOf(items: readonly Value[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}
