// racket/match: `match` and its relatives, as JS macros.
//
// A pattern is parsed into a small tree (Pat), then compiled into plain
// racket/base code: nested tests, each failing by calling the clause's
// failure thunk, which tries the next clause. Code generation passes the
// success continuation as a JS function, so each pattern variable is bound
// (by `let-values`, to the user's own identifier) before the code that
// follows it is made; a variable seen twice in a pattern is compared with
// `equal?` instead, as in Racket. A repeated pattern (`p ...`) becomes a
// loop that matches each element and collects each of its variables into
// a list.

import { items, pairClauses } from './forms.js';
import { structInfoOf } from './struct.js';
import { MatchExpander, RenameTransformer, SyntaxParameter } from '../expand/transformers.js';
import { Keyword, NULL, Pair, RBytes, RString, RVector, Char, sym, type Value, listFromArray } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, MacroTransformer } from '../expand/expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import type { Meaning } from '../expand/expander.js';

type Pat =
  | { t: 'any' }
  | { t: 'var'; id: Syntax }
  | { t: 'equal'; e: Syntax } // a literal (quoted) or (== e)
  | { t: 'null' }
  | { t: 'pair'; car: Pat; cdr: Pat; mutable: boolean }
  | { t: 'seq'; before: Pat[]; rep: Pat; min: number; after: Pat[] } // a proper list with one repeated part
  | { t: 'vector'; items: Pat[] }
  | { t: 'vector-seq'; list: Pat }
  | { t: 'box'; p: Pat }
  | { t: 'pred'; pred: Syntax; p: Pat }
  | { t: 'and'; ps: Pat[] }
  | { t: 'or'; ps: Pat[] }
  | { t: 'not'; p: Pat }
  | { t: 'app'; f: Syntax; ps: Pat[] }
  | { t: 'struct'; pred: Syntax; accessors: Syntax[]; ps: Pat[] }
  | { t: 'regexp'; rx: Syntax; p: Pat | null };

const ANY: Pat = { t: 'any' };

// ------------------------------------------------------------------ parsing

/**
 * Set while a form of mzlib/match expands: its patterns may also be written
 * the old way, `(p ...)` for `(list p ...)`, `(p . q)`, `($ struct p ...)`
 * and `#(p ...)`, where racket/match would report a syntax error.
 */
let legacyPatterns = false;
const LEGACY_HEADS = new Set(['quote', 'quasiquote', '?', 'and', 'or', 'not', 'vector', 'box']);

class PatternParser {
  constructor(
    private readonly ex: Expander,
    private readonly b: Builder,
    /** The whole form, for error messages. */
    private readonly form: Syntax,
  ) {}

  /** Racket reports a bad pattern at the pattern itself. */
  private error(message: string, pattern: Syntax): never {
    return this.ex.syntaxError('match', message, pattern);
  }

  parse(stx: Syntax): Pat {
    if (isIdentifier(stx)) {
      const name = idSym(stx).name;
      if (name === '_') return ANY;
      if (ellipsisMin(name) !== null) this.error('incorrect use of ellipsis in pattern', stx);
      return { t: 'var', id: stx };
    }
    const e = syntaxE(stx);
    if (e === NULL) return { t: 'null' };
    if (e instanceof Pair) {
      const items = syntaxList(stx);
      const head = isIdentifier(e.car) ? idSym(e.car as Syntax).name : null;
      if (items === null || head === null) return legacyPatterns ? this.legacyList(stx) : this.error('syntax error in pattern', stx);
      // A match expander rewrites its use into another pattern.
      const m = this.ex.resolve(e.car as Syntax);
      if (m !== null && m.kind === 'syntax' && m.value instanceof MatchExpander) {
        return this.parse(this.ex.applyTransformerProcedure(m.value.patternProc, stx, e.car as Syntax));
      }
      return this.compound(head, items, stx);
    }
    if (isLiteral(e)) return { t: 'equal', e: this.b.list('quote', stx) };
    if (legacyPatterns && e instanceof RVector) return this.compound('vector', [stx, ...(e.items as Syntax[])], stx);
    // Anything else, #(p ...) included, is not a pattern (vectors are written (vector p ...)).
    return this.error('syntax error in pattern', stx);
  }

  private compound(head: string, items: Syntax[], stx: Syntax): Pat {
    const args = items.slice(1);
    // mzlib/match knows only these heads; any other list is a list pattern ((list a b) too).
    if (legacyPatterns && !LEGACY_HEADS.has(head)) {
      if (head === '$' && args.length >= 1 && isIdentifier(args[0])) return this.struct(args[0], args.slice(1), stx);
      if (head === '=' && args.length === 2) return { t: 'app', f: args[0], ps: [this.parse(args[1])] };
      return this.legacyList(stx);
    }
    const need = (n: number) => {
      if (args.length < n) this.error('syntax error in pattern', stx);
    };
    switch (head) {
      case 'quote':
        if (args.length !== 1) this.error('syntax error in pattern', stx);
        return syntaxE(args[0]) === NULL ? { t: 'null' } : { t: 'equal', e: stx };
      case 'quasiquote':
        if (args.length !== 1) this.error('syntax error in pattern', stx);
        return this.quasi(args[0]);
      case 'var':
        if (args.length !== 1 || !isIdentifier(args[0])) this.error('syntax error in pattern', stx);
        return { t: 'var', id: args[0] };
      case '==':
        if (args.length !== 1 && args.length !== 2) this.error('syntax error in pattern', stx);
        // (== e) compares with equal?, (== e same?) with same?.
        if (args.length === 1) return { t: 'equal', e: args[0] };
        {
          const v = this.b.temp('v');
          return { t: 'pred', pred: this.b.list('lambda', this.b.list(v), this.b.list(args[1], args[0], v)), p: ANY };
        }
      case 'list':
        return this.list(args, null);
      case 'list-rest':
      case 'list*':
        need(1);
        return this.list(args.slice(0, -1), this.parse(args[args.length - 1]));
      case 'cons':
      case 'mcons':
        if (args.length !== 2) this.error('syntax error in pattern', stx);
        return { t: 'pair', car: this.parse(args[0]), cdr: this.parse(args[1]), mutable: head === 'mcons' };
      case 'vector': {
        const list = this.list(args, null);
        return list.t === 'seq' ? { t: 'vector-seq', list } : { t: 'vector', items: args.map((a) => this.parse(a)) };
      }
      case 'box':
        if (args.length !== 1) this.error('syntax error in pattern', stx);
        return { t: 'box', p: this.parse(args[0]) };
      case '?':
        need(1);
        return { t: 'pred', pred: args[0], p: this.and(args.slice(1)) };
      case 'and':
        return this.and(args);
      case 'or':
        return this.or(
          args.map((a) => this.parse(a)),
          stx,
        );
      case 'not':
        if (args.length !== 1) this.error('syntax error in pattern', stx);
        return { t: 'not', p: this.parse(args[0]) };
      case 'app':
        need(1);
        return { t: 'app', f: args[0], ps: args.slice(1).map((a) => this.parse(a)) };
      case 'struct': {
        if (args.length !== 2 || !isIdentifier(args[0])) this.error('syntax error in pattern', stx);
        const fields = syntaxList(args[1]);
        if (fields === null) this.error('syntax error in pattern', stx);
        return this.struct(args[0], fields, stx);
      }
      case 'struct*': {
        if (args.length !== 2 || !isIdentifier(args[0])) this.error('syntax error in pattern', stx);
        const fields = syntaxList(args[1]);
        if (fields === null) this.error('syntax error in pattern', stx);
        return this.structByName(args[0], fields, stx);
      }
      case 'regexp':
      case 'pregexp': {
        if (args.length < 1 || args.length > 2) this.error('syntax error in pattern', stx);
        return { t: 'regexp', rx: head === 'pregexp' ? this.pregexp(args[0]) : args[0], p: args.length === 2 ? this.parse(args[1]) : null };
      }
      default:
        if (structInfoOf(this.ex, items[0]) !== null) return this.struct(items[0], args, stx);
        return this.error('syntax error in pattern', stx);
    }
  }

  /** mzlib/match's `(p ...)` and `(p ... . rest)`: a list pattern. */
  private legacyList(stx: Syntax): Pat {
    const parts: Syntax[] = [];
    let x: Value = syntaxE(stx);
    let tail: Value = NULL;
    while (x instanceof Pair) {
      parts.push(x.car as Syntax);
      const next: Value = x.cdr instanceof Syntax ? syntaxE(x.cdr) : x.cdr;
      if (!(next instanceof Pair) && next !== NULL) tail = x.cdr;
      x = next;
    }
    if (tail === NULL) return this.list(parts, null);
    return this.list(parts, this.parse(tail instanceof Syntax ? tail : this.b.datum(tail)));
  }

  /** A (pregexp pat) pattern's regexp: strings are compiled as pregexps. */
  private pregexp(e: Syntax): Syntax {
    const b = this.b;
    const v = b.temp('rx');
    return b.list('let-values', b.list(b.list(b.list(v), e)), b.list('if', b.list('string?', v), b.list('pregexp', v), v));
  }

  private and(ps: Syntax[]): Pat {
    if (ps.length === 0) return ANY;
    if (ps.length === 1) return this.parse(ps[0]);
    return { t: 'and', ps: ps.map((p) => this.parse(p)) };
  }

  private or(alts: Pat[], stx: Syntax): Pat {
    if (alts.length === 1) return alts[0];
    const first = new Map(patternVars(alts[0]).map((v) => [varKey(v), v]));
    for (const alt of alts.slice(1)) {
      const vars = new Map(patternVars(alt).map((v) => [varKey(v), v]));
      for (const [k, v] of first) if (!vars.has(k)) this.ex.syntaxError('match', 'variable not bound in all or patterns', stx, v);
      for (const [k, v] of vars) if (!first.has(k)) this.ex.syntaxError('match', 'variable not bound in all or patterns', stx, v);
    }
    return { t: 'or', ps: alts };
  }

  /** `(struct* id ([field pat] ...))`: the named fields only, by their names. */
  private structByName(id: Syntax, clauses: Syntax[], stx: Syntax): Pat {
    const info = structInfoOf(this.ex, id);
    if (info === null) return this.ex.syntaxError('struct*', 'not a structure definition', stx, id);
    const accessors: Syntax[] = [];
    const ps: Pat[] = [];
    for (const c of clauses) {
      const parts = syntaxList(c);
      if (parts === null || parts.length !== 2 || !isIdentifier(parts[0])) return this.error('syntax error in pattern', stx);
      const field = info.fields.find((f) => f.name === idSym(parts[0]).name);
      if (field === undefined) return this.ex.syntaxError('struct*', 'field name not associated with given structure type', stx, parts[0]);
      accessors.push(field.accessor);
      ps.push(this.parse(parts[1]));
    }
    return { t: 'struct', pred: info.pred, accessors, ps };
  }

  private struct(id: Syntax, fields: Syntax[], stx: Syntax): Pat {
    const info = structInfoOf(this.ex, id);
    if (info === null) return this.ex.syntaxError('match', 'not a structure definition', stx, id);
    if (fields.length !== info.fields.length) {
      this.ex.syntaxError(
        'match',
        `wrong number for fields for structure ${idSym(id).name}: expected ${info.fields.length} but got ${fields.length}`,
        stx,
        id,
      );
    }
    return {
      t: 'struct',
      pred: info.pred,
      accessors: info.fields.map((f) => f.accessor),
      ps: fields.map((f) => this.parse(f)),
    };
  }

  /** The elements of a list pattern, with at most one `p ...` / `p ..k`, ending in `tail` (null: the empty list). */
  private list(args: Syntax[], tail: Pat | null): Pat {
    if (args.length > 0 && isIdentifier(args[0]) && ellipsisMin(idSym(args[0]).name) !== null) {
      this.error('incorrect use of ellipsis in pattern', args[0]);
    }
    return this.sequence(args, tail, (a) => this.parse(a), this.form);
  }

  /**
   * Element patterns (each made by `element`; a `...` or `..k` after one
   * repeats it) ending in `tail`: a chain of pairs, or a `seq` when one
   * element repeats.
   */
  private sequence(items: Syntax[], tail: Pat | null, element: (s: Syntax) => Pat, where: Syntax): Pat {
    const elems: { p: Pat; min: number | null }[] = [];
    for (let i = 0; i < items.length; i++) {
      const next = items[i + 1];
      const min = next !== undefined && isIdentifier(next) ? ellipsisMin(idSym(next).name) : null;
      elems.push({ p: element(items[i]), min });
      if (min !== null) i++;
    }
    const at = elems.findIndex((e) => e.min !== null);
    if (at < 0) {
      let out: Pat = tail ?? { t: 'null' };
      for (let i = elems.length - 1; i >= 0; i--) out = { t: 'pair', car: elems[i].p, cdr: out, mutable: false };
      return out;
    }
    if (elems.filter((e) => e.min !== null).length > 1 || tail !== null) {
      return this.error('only one repeated pattern in a list, and not with a rest pattern, is supported', where);
    }
    return {
      t: 'seq',
      before: elems.slice(0, at).map((e) => e.p),
      rep: elems[at].p,
      min: elems[at].min!,
      after: elems.slice(at + 1).map((e) => e.p),
    };
  }

  /** A quasi-pattern: `,p` is a pattern, `,@p` a tail, everything else literal. */
  private quasi(stx: Syntax): Pat {
    const e = syntaxE(stx);
    if (e instanceof Pair) {
      const head = isIdentifier(e.car) ? idSym(e.car as Syntax).name : null;
      const items = syntaxList(stx);
      if (head === 'unquote' && items !== null && items.length === 2) return this.parse(items[1]);
      // Walk the (possibly improper) list, turning it into a list pattern.
      const elems: Syntax[] = [];
      let rest: Value = e;
      let tail: Pat | null = null;
      while (rest instanceof Pair) {
        const item = rest.car as Syntax;
        const ip = syntaxList(item);
        if (ip !== null && ip.length === 2 && isIdentifier(ip[0]) && idSym(ip[0]).name === 'unquote-splicing' && rest.cdr === NULL) {
          tail = this.parse(ip[1]);
          rest = NULL;
          break;
        }
        elems.push(item);
        rest = rest.cdr instanceof Syntax ? syntaxE(rest.cdr) : rest.cdr;
        // `(a . ,b)`: the tail after the dot is itself a quasi-pattern.
        if (rest instanceof Pair && isIdentifier(rest.car) && idSym(rest.car as Syntax).name === 'unquote') {
          tail = this.quasi(new Syntax(rest, stx.loc, stx.scopes));
          rest = NULL;
          break;
        }
      }
      if (rest !== NULL) tail = this.quasi(rest instanceof Syntax ? rest : datumToSyntax(stx, rest));
      return this.sequence(elems, tail, (item) => this.quasi(item), stx);
    }
    if (e === NULL) return { t: 'null' };
    if (e instanceof RVector) {
      const list = this.quasi(new Syntax(arrayToList(e.items as Syntax[]), stx.loc, stx.scopes));
      return list.t === 'seq' ? { t: 'vector-seq', list } : { t: 'vector', items: listPats(list) };
    }
    return { t: 'equal', e: this.b.list('quote', stx) };
  }
}

function arrayToList(items: Syntax[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

/** The element patterns of a chain of pair patterns ending in null. */
function listPats(p: Pat): Pat[] {
  const out: Pat[] = [];
  while (p.t === 'pair') {
    out.push(p.car);
    p = p.cdr;
  }
  return out;
}

/** `...` and `___` repeat zero or more times, `..k` and `__k` at least k times; null for other names. */
function ellipsisMin(name: string): number | null {
  if (name === '...' || name === '___') return 0;
  const m = /^(?:\.\.|__)(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

function isLiteral(v: Value): boolean {
  return (
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    typeof v === 'boolean' ||
    v instanceof RString ||
    v instanceof RBytes ||
    v instanceof Char ||
    v instanceof Keyword ||
    (typeof v === 'object' && v !== null && 'n' in v) // flonums and rationals
  );
}

function varKey(id: Syntax): string {
  return `${idSym(id).name}@${id.scopes.map((s) => s.id).join(',')}`;
}

/** The variables a pattern binds, each once, in order. */
function patternVars(p: Pat, out: Syntax[] = [], seen = new Set<string>()): Syntax[] {
  const add = (id: Syntax) => {
    const k = varKey(id);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(id);
    }
  };
  switch (p.t) {
    case 'var':
      add(p.id);
      break;
    case 'pair':
      patternVars(p.car, out, seen);
      patternVars(p.cdr, out, seen);
      break;
    case 'seq':
      for (const q of [...p.before, p.rep, ...p.after]) patternVars(q, out, seen);
      break;
    case 'vector':
      for (const q of p.items) patternVars(q, out, seen);
      break;
    case 'vector-seq':
      patternVars(p.list, out, seen);
      break;
    case 'box':
    case 'pred':
      patternVars(p.p, out, seen);
      break;
    case 'and':
    case 'or':
    case 'app':
    case 'struct':
      for (const q of p.ps) patternVars(q, out, seen);
      break;
    case 'regexp':
      if (p.p !== null) patternVars(p.p, out, seen);
      break;
    default:
      break;
  }
  return out;
}

// ------------------------------------------------------------------ code generation

/** What comes after a pattern matched: given the variables bound so far, the code to run. */
type Then = (bound: Set<string>) => Syntax;

class PatternCompiler {
  constructor(private readonly b: Builder) {}

  /** Code that matches `p` against the value of identifier `x`, running `then` or `fail`. */
  gen(p: Pat, x: Syntax, bound: Set<string>, then: Then, fail: Syntax): Syntax {
    const b = this.b;
    const test = (cond: Syntax, yes: Syntax) => b.list('if', cond, yes, fail);
    const bind = (vars: Syntax[], e: Syntax, body: Syntax) => b.list('let-values', b.list(b.list(b.list(...vars), e)), body);
    switch (p.t) {
      case 'any':
        return then(bound);
      case 'var': {
        const k = varKey(p.id);
        if (bound.has(k)) return test(b.list(b.list(b.list('quote', b.datum(b.ex.rtPrim('match-equality-test')))), p.id, x), then(bound));
        const inner = new Set(bound).add(k);
        return bind([p.id], x, then(inner));
      }
      case 'equal':
        return test(b.list('equal?', x, p.e), then(bound));
      case 'null':
        return test(b.list('null?', x), then(bound));
      case 'pair': {
        const a = b.temp('car');
        const d = b.temp('cdr');
        const [isPair, car, cdr] = p.mutable ? ['mpair?', 'mcar', 'mcdr'] : ['pair?', 'car', 'cdr'];
        return test(
          b.list(isPair, x),
          bind(
            [a],
            b.list(car, x),
            bind(
              [d],
              b.list(cdr, x),
              this.gen(p.car, a, bound, (bd) => this.gen(p.cdr, d, bd, then, fail), fail),
            ),
          ),
        );
      }
      case 'seq':
        return this.seq(p, x, bound, then, fail);
      case 'vector': {
        const temps = p.items.map(() => b.temp('elt'));
        const body = this.genAll(p.items, temps, bound, then, fail);
        const withElts = temps.reduceRight((acc, t, i) => bind([t], b.list('vector-ref', x, b.datum(i)), acc), body);
        return test(
          b.list('if', b.list('vector?', x), b.list('=', b.list('vector-length', x), b.datum(p.items.length)), b.datum(false)),
          withElts,
        );
      }
      case 'vector-seq': {
        const l = b.temp('elts');
        return test(b.list('vector?', x), bind([l], b.list('vector->list', x), this.gen(p.list, l, bound, then, fail)));
      }
      case 'box': {
        const v = b.temp('content');
        return test(b.list('box?', x), bind([v], b.list('unbox', x), this.gen(p.p, v, bound, then, fail)));
      }
      case 'pred':
        return test(b.list(p.pred, x), this.gen(p.p, x, bound, then, fail));
      case 'and':
        return this.genAll(
          p.ps,
          p.ps.map(() => x),
          bound,
          then,
          fail,
        );
      case 'or':
        return this.or(p, x, bound, then, fail);
      case 'not': {
        // Matching the inner pattern is the failure; failing it is the success.
        const ok = b.temp('not-matched');
        return bind(
          [ok],
          b.list('lambda', b.list(), then(bound)),
          this.gen(p.p, x, bound, () => fail, b.list(ok)),
        );
      }
      case 'app': {
        const temps = p.ps.map(() => b.temp('result'));
        return bind(temps, b.list(p.f, x), this.genAll(p.ps, temps, bound, then, fail));
      }
      case 'struct': {
        const temps = p.ps.map(() => b.temp('field'));
        const body = this.genAll(p.ps, temps, bound, then, fail);
        return test(
          b.list(p.pred, x),
          temps.reduceRight((acc, t, i) => bind([t], b.list(p.accessors[i], x), acc), body),
        );
      }
      case 'regexp': {
        const m = b.temp('match');
        const run = b.list(
          'if',
          b.list('if', b.list('string?', x), b.datum(true), b.list('bytes?', x)),
          b.list('regexp-match', p.rx, x),
          b.datum(false),
        );
        const inner = p.p === null ? then(bound) : this.gen(p.p, m, bound, then, fail);
        return bind([m], run, test(m, inner));
      }
    }
  }

  /** Matches patterns ps[i] against xs[i] in order. */
  private genAll(ps: Pat[], xs: Syntax[], bound: Set<string>, then: Then, fail: Syntax, i = 0): Syntax {
    if (i === ps.length) return then(bound);
    return this.gen(ps[i], xs[i], bound, (bd) => this.genAll(ps, xs, bd, then, fail, i + 1), fail);
  }

  private or(p: { ps: Pat[] }, x: Syntax, bound: Set<string>, then: Then, fail: Syntax): Syntax {
    const b = this.b;
    const vars = patternVars(p.ps[0]).filter((v) => !bound.has(varKey(v)));
    const after = new Set(bound);
    for (const v of vars) after.add(varKey(v));
    const k = b.temp('or-matched');
    const call = () => b.list(k, ...vars);
    // Alternatives from the last: each one's failure tries the next.
    let code = fail;
    for (let i = p.ps.length - 1; i >= 0; i--) {
      const next = b.temp('or-next');
      const alt = this.gen(p.ps[i], x, bound, call, i === p.ps.length - 1 ? fail : b.list(next));
      code = i === p.ps.length - 1 ? alt : b.list('let-values', b.list(b.list(b.list(next), b.list('lambda', b.list(), code))), alt);
    }
    return b.list('let-values', b.list(b.list(b.list(k), b.list('lambda', b.list(...vars), then(after)))), code);
  }

  /** A proper list with a repeated part: fixed elements before and after, the rest each matched by `rep`. */
  private seq(p: Extract<Pat, { t: 'seq' }>, x: Syntax, bound: Set<string>, then: Then, fail: Syntax): Syntax {
    const b = this.b;
    const n = b.temp('count');
    const fixed = p.before.length + p.after.length;
    const repVars = patternVars(p.rep).filter((v) => !bound.has(varKey(v)));
    const accs = repVars.map(() => b.temp('acc'));
    const loop = b.temp('loop');
    const l = b.temp('rest');
    const i = b.temp('left');
    const elt = b.temp('elt');
    const afterBound = new Set(bound);
    for (const v of repVars) afterBound.add(varKey(v));
    const afterPat = p.after.reduceRight<Pat>((acc, q) => ({ t: 'pair', car: q, cdr: acc, mutable: false }), { t: 'null' });
    // The loop over the repeated part; it ends by matching the fixed tail.
    const finish = b.list(
      'let-values',
      b.list(...repVars.map((v, k) => b.list(b.list(v), b.list('reverse', accs[k])))),
      this.gen(afterPat, l, afterBound, then, fail),
    );
    const step = this.gen(
      p.rep,
      elt,
      bound,
      () => b.list(loop, b.list('cdr', l), b.list('-', i, b.datum(1)), ...repVars.map((v, k) => b.list('cons', v, accs[k]))),
      fail,
    );
    const loopFn = b.list(
      'lambda',
      b.list(l, i, ...accs),
      b.list('if', b.list('=', i, b.datum(0)), finish, b.list('let-values', b.list(b.list(b.list(elt), b.list('car', l))), step)),
    );
    const startLoop = (rest: Syntax) =>
      b.list(
        b.list('letrec-values', b.list(b.list(b.list(loop), loopFn)), loop),
        rest,
        b.list('-', n, b.datum(fixed)),
        ...accs.map(() => b.list('quote', b.list())),
      );
    // Match the fixed head with car/cdr, then loop from what remains.
    const headThenLoop = (rest: Syntax, k: number, bd: Set<string>): Syntax => {
      if (k === p.before.length) return startLoop(rest);
      const a = b.temp('car');
      const d = b.temp('cdr');
      return b.list(
        'let-values',
        b.list(b.list(b.list(a), b.list('car', rest)), b.list(b.list(d), b.list('cdr', rest))),
        this.gen(p.before[k], a, bd, (bd2) => headThenLoop(d, k + 1, bd2), fail),
      );
    };
    return b.list(
      'if',
      b.list('list?', x),
      b.list(
        'let-values',
        b.list(b.list(b.list(n), b.list('length', x))),
        b.list('if', b.list('>=', n, b.datum(fixed + p.min)), headThenLoop(x, 0, bound), fail),
      ),
      fail,
    );
  }
}

// ------------------------------------------------------------------ the forms

type Macro = (stx: Syntax, ex: Expander, b: Builder) => Syntax;

interface Clause {
  pats: Pat[];
  guard: Syntax | null;
  body: Syntax[];
  /** The identifier of `(=> id)`, bound in the body to the clause's failure. */
  failName: Syntax | null;
}

/** `[pat body ...]`, `[pat #:when cond body ...]`, for `arity` values (match* clauses have a list of patterns). */
function parseClause(c: Syntax, arity: number | null, parser: PatternParser, ex: Expander, name: string): Clause {
  const items = syntaxList(c);
  if (items === null || items.length < 2) return ex.syntaxError(name, 'bad syntax (missing body)', c);
  let pats: Pat[];
  if (arity === null) pats = [parser.parse(items[0])];
  else {
    const ps = syntaxList(items[0]);
    if (ps === null || ps.length !== arity) return ex.syntaxError(name, 'wrong number of match clauses', c);
    pats = ps.map((p) => parser.parse(p));
  }
  let rest = items.slice(1);
  let guard: Syntax | null = null;
  const kw = syntaxE(rest[0]);
  if (kw instanceof Keyword && kw.name === 'when') {
    if (rest.length < 3) ex.syntaxError(name, 'bad syntax (missing body)', c);
    guard = rest[1];
    rest = rest.slice(2);
  }
  // `(=> id)`: the body may call `(id)` to give up and try the next clause.
  let failName: Syntax | null = null;
  const arrow = syntaxList(rest[0]);
  if (arrow !== null && arrow.length === 2 && isIdentifier(arrow[0]) && idSym(arrow[0]).name === '=>' && isIdentifier(arrow[1])) {
    if (rest.length < 2) ex.syntaxError(name, 'bad syntax (missing body)', c);
    failName = arrow[1];
    rest = rest.slice(1);
  }
  return { pats, guard, body: rest, failName };
}

/** Whether `stx` has the symbol failure-cont anywhere in it. */
function mentionsFailureCont(stx: Value): boolean {
  let v: Value = stx instanceof Syntax ? stx.e : stx;
  while (v instanceof Pair) {
    if (mentionsFailureCont(v.car)) return true;
    v = v.cdr instanceof Syntax ? v.cdr.e : v.cdr;
  }
  if (v instanceof RVector) return v.items.some(mentionsFailureCont);
  return v === sym('failure-cont');
}

/**
 * Code that matches the values of identifiers `xs` against the clauses in
 * order; when none matches, `noMatch` runs.
 */
function compileClauses(clauses: Clause[], xs: Syntax[], b: Builder, noMatch: Syntax): Syntax {
  const compiler = new PatternCompiler(b);
  let code = noMatch;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i];
    const failId = b.temp('fail');
    const fail = b.list(failId);
    // failure-cont, as in Racket, calls the clause's failure (the next
    // clauses) where it stands; only bodies that name it pay for the parameter.
    const plain = c.body.some(mentionsFailureCont)
      ? b.list(
          '%syntax-parameterize',
          b.list(b.list('%match-fail', b.list('%match-fail-to', failId))),
          b.listTail(['let-values', b.list()], listFromArray(c.body)),
        )
      : b.listTail(['let-values', b.list()], listFromArray(c.body));
    // With `(=> id)`, calling `(id)` anywhere in the body escapes to the next clause.
    const body =
      c.failName === null
        ? plain
        : (() => {
            const esc = b.temp('escape');
            const r = b.temp('results');
            const caught = b.list(
              'call-with-escape-continuation',
              b.list(
                'lambda',
                b.list(esc),
                b.list(
                  'let-values',
                  b.list(b.list(b.list(c.failName!), b.list('lambda', b.list(), b.list(esc, failId)))),
                  b.list('call-with-values', b.list('lambda', b.list(), plain), 'list'),
                ),
              ),
            );
            return b.list(
              'let-values',
              b.list(b.list(b.list(r), caught)),
              b.list('if', b.list('eq?', r, failId), fail, b.list('apply', 'values', r)),
            );
          })();
    const matched = compileAll(compiler, c.pats, xs, () => (c.guard === null ? body : b.list('if', c.guard, body, fail)), fail);
    code = b.list('let-values', b.list(b.list(b.list(failId), b.list('lambda', b.list(), code))), matched);
  }
  return code;
}

function compileAll(
  compiler: PatternCompiler,
  pats: Pat[],
  xs: Syntax[],
  then: Then,
  fail: Syntax,
  i = 0,
  bound = new Set<string>(),
): Syntax {
  if (i === pats.length) return then(bound);
  return compiler.gen(pats[i], xs[i], bound, (bd) => compileAll(compiler, pats, xs, then, fail, i + 1, bd), fail);
}

/** Raises exn:misc:match? for the value of `x` (an expression), naming the user's form and its location. */
function noMatchError(b: Builder, ex: Expander, x: Syntax, name: string, form: Syntax): Syntax {
  return b.list(
    b.list('quote', b.datum(ex.rtPrim('match-failure'))),
    b.quote(sym(name)),
    x,
    b.list('quote', b.datum(new MatchLocation(form.loc))),
  );
}

/** The location of a match form, carried opaquely to the failure (see prims/match.ts). */
export class MatchLocation {
  constructor(readonly loc: Syntax['loc']) {}
}

/** Matches the value of `e` against clauses; `name` and `form` are what a failure reports. */
function matchOne(e: Syntax, clauseStx: Syntax[], ex: Expander, b: Builder, name: string, form: Syntax): Syntax {
  const parser = new PatternParser(ex, b, form);
  const clauses = clauseStx.map((c) => parseClause(c, null, parser, ex, name));
  const x = b.temp('v');
  return b.list('let-values', b.list(b.list(b.list(x), e)), compileClauses(clauses, [x], b, noMatchError(b, ex, x, name, form)));
}

/** Matches the values of `es` against clauses of as many patterns each. */
function matchMany(es: Syntax[], clauseStx: Syntax[], ex: Expander, b: Builder, name: string, form: Syntax): Syntax {
  const parser = new PatternParser(ex, b, form);
  const clauses = clauseStx.map((c) => parseClause(c, es.length, parser, ex, name));
  const xs = es.map(() => b.temp('v'));
  const binds = b.list(...es.map((e, i) => b.list(b.list(xs[i]), e)));
  // A failure shows one value as itself, several as a list.
  const reported = xs.length === 1 ? xs[0] : b.list('list', ...xs);
  return b.list('let-values', binds, compileClauses(clauses, xs, b, noMatchError(b, ex, reported, name, form)));
}

const match: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 2);
  return matchOne(p[1], p.slice(2), ex, b, 'match', stx);
};

const matchStar: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 2);
  const exprs = syntaxList(p[1]);
  if (exprs === null) return ex.badSyntax(stx);
  return matchMany(exprs, p.slice(2), ex, b, 'match*', stx);
};

const matchLambda: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 1);
  const arg = b.temp('arg');
  return b.list('lambda', b.list(arg), matchOne(arg, p.slice(1), ex, b, 'match-lambda', stx));
};

const matchLambdaStar: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 1);
  const args = b.temp('args');
  return b.list('lambda', args, matchOne(args, p.slice(1), ex, b, 'match-lambda*', stx));
};

/** (match-lambda** [(pat ...) body ...] ...): one pattern per argument. */
const matchLambdaStarStar: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 2);
  const first = syntaxList(items(p[1], ex, 1)[0]);
  if (first === null) return ex.badSyntax(stx);
  const args = first.map(() => b.temp('arg'));
  return b.list('lambda', b.list(...args), matchMany(args, p.slice(1), ex, b, 'match-lambda**', stx));
};

/** (match-let ([pat e] ...) body ...): all expressions first, then every pattern. */
const matchLet: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const clause = (pats: Syntax[], body: Syntax[]) => b.listTail([b.list(...pats)], listFromArray(body));
  if (isIdentifier(p[1])) {
    // Named match-let: a loop whose arguments are matched each time.
    const pairs = pairClauses(stx, p[2], ex);
    const args = pairs.map(() => b.temp('arg'));
    const lam = b.list(
      'lambda',
      b.list(...args),
      matchMany(
        args,
        [
          clause(
            pairs.map(([pat]) => pat),
            p.slice(3),
          ),
        ],
        ex,
        b,
        'match-let',
        stx,
      ),
    );
    return b.list(b.list('letrec-values', b.list(b.list(b.list(p[1]), lam)), p[1]), ...pairs.map(([, e]) => e));
  }
  const pairs = pairClauses(stx, p[1], ex);
  return matchMany(
    pairs.map(([, e]) => e),
    [
      clause(
        pairs.map(([pat]) => pat),
        p.slice(2),
      ),
    ],
    ex,
    b,
    'match-let',
    stx,
  );
};

const matchLetStar: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const pairs = pairClauses(stx, p[1], ex);
  const nest = (i: number): Syntax => {
    if (i === pairs.length) return b.listTail(['let-values', b.list()], listFromArray(p.slice(2)));
    const [pat, e] = pairs[i];
    return matchOne(e, [b.list(pat, nest(i + 1))], ex, b, 'match-let*', stx);
  };
  return nest(0);
};

/** (match-define pat e): defines the pattern's variables. */
const matchDefine: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  if (p.length !== 3) ex.badSyntax(stx);
  const vars = patternVars(new PatternParser(ex, b, stx).parse(p[1]));
  return b.list('define-values', b.list(...vars), matchOne(p[2], [b.list(p[1], b.list('values', ...vars))], ex, b, 'match-define', stx));
};

/** (match-define-values (pat ...) e). */
const matchDefineValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const pats = syntaxList(p[1]);
  if (pats === null || p.length !== 3) return ex.badSyntax(stx);
  const parser = new PatternParser(ex, b, stx);
  const vars = pats.flatMap((q) => patternVars(parser.parse(q)));
  const xs = pats.map(() => b.temp('v'));
  const body = matchMany(xs, [b.list(p[1], b.list('values', ...vars))], ex, b, 'match-define-values', stx);
  return b.list('define-values', b.list(...vars), b.list('let-values', b.list(b.list(b.list(...xs), p[2])), body));
};

/** (define/match (f arg ...) [(pat ...) body ...] ...). */
const defineMatch: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const head = syntaxList(p[1]);
  if (head === null || head.length < 1 || !isIdentifier(head[0])) return ex.badSyntax(stx);
  const args = head.slice(1).map(() => b.temp('arg'));
  return b.list(
    'define-values',
    b.list(head[0]),
    b.list('lambda', b.list(...args), matchMany(args, p.slice(2), ex, b, 'define/match', stx)),
  );
};

/** `(define-match-expander id pattern-transformer [expression-transformer])`. */
const defineMatchExpander: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = syntaxList(stx);
  if (p === null || p.length < 3 || p.length > 4 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  const make = b.list('quote', b.datum(ex.rtPrim('make-match-expander')));
  return b.list('define-syntaxes', b.list(p[1]), b.list(make, p[2], p.length === 4 ? p[3] : b.datum(false)));
};

/** `(match/values expr [(pat ...) body ...] ...)`: the patterns match expr's values. */
const matchValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const first = syntaxList(syntaxList(p[2])?.[0] ?? p[2]);
  if (first === null) return ex.badSyntax(stx);
  const xs = first.map(() => b.temp('v'));
  return b.list('let-values', b.list(b.list(b.list(...xs), p[1])), matchMany(xs, p.slice(2), ex, b, 'match/values', stx));
};

/** The `[(pat ...) expr]` clauses of match-let-values and its kin, each with temporaries for the values. */
function valuesClauses(stx: Syntax, list: Syntax, ex: Expander, b: Builder): { pats: Syntax[]; e: Syntax; xs: Syntax[] }[] {
  return pairClauses(stx, list, ex).map(([pats, e]) => {
    const ps = syntaxList(pats);
    if (ps === null) return ex.badSyntax(stx);
    return { pats: ps, e, xs: ps.map(() => b.temp('v')) };
  });
}

/** `(match-let-values ([(pat ...) expr] ...) body ...+)`: every expr first, then every pattern. */
const matchLetValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const cs = valuesClauses(stx, p[1], ex, b);
  const xs = cs.flatMap((c) => c.xs);
  const clause = b.listTail([b.list(...cs.flatMap((c) => c.pats))], listFromArray(p.slice(2)));
  return b.list(
    'let-values',
    b.list(...cs.map((c) => b.list(b.list(...c.xs), c.e))),
    matchMany(xs, [clause], ex, b, 'match-let-values', stx),
  );
};

/** `(match-let*-values ...)`: each clause's patterns bind before the next expr. */
const matchLetStarValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const cs = valuesClauses(stx, p[1], ex, b);
  const nest = (i: number): Syntax => {
    if (i === cs.length) return b.listTail(['let-values', b.list()], listFromArray(p.slice(2)));
    const c = cs[i];
    return b.list(
      'let-values',
      b.list(b.list(b.list(...c.xs), c.e)),
      matchMany(c.xs, [b.list(b.list(...c.pats), nest(i + 1))], ex, b, 'match-let*-values', stx),
    );
  };
  return nest(0);
};

/** `(match-letrec ([pat expr] ...) body ...+)`: the patterns' variables are bound around every expr. */
const matchLetrec: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const parser = new PatternParser(ex, b, stx);
  const binds = pairClauses(stx, p[1], ex).map(([pat, e]) => {
    const vars = patternVars(parser.parse(pat));
    return b.list(b.list(...vars), matchOne(e, [b.list(pat, b.list('values', ...vars))], ex, b, 'match-letrec', stx));
  });
  return b.listTail(['letrec-values', b.list(...binds)], listFromArray(p.slice(2)));
};

/** `(match-letrec-values ([(pat ...) expr] ...) body ...+)`. */
const matchLetrecValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const parser = new PatternParser(ex, b, stx);
  const binds = valuesClauses(stx, p[1], ex, b).map((c) => {
    const vars = c.pats.flatMap((q) => patternVars(parser.parse(q)));
    const body = matchMany(c.xs, [b.list(b.list(...c.pats), b.list('values', ...vars))], ex, b, 'match-letrec-values', stx);
    return b.list(b.list(...vars), b.list('let-values', b.list(b.list(b.list(...c.xs), c.e)), body));
  });
  return b.listTail(['letrec-values', b.list(...binds)], listFromArray(p.slice(2)));
};

// match/derived and match*/derived: match and match* (the original form is for error locations).
const matchDerived: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  return matchOne(p[1], p.slice(3), ex, b, 'match', stx);
};
const matchStarDerived: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const es = syntaxList(p[1]);
  if (es === null) return ex.badSyntax(stx);
  return matchMany(es, p.slice(3), ex, b, 'match*', stx);
};

/** Match expanders that mean something only inside a pattern. */
const onlyInPatterns =
  (name: string): Macro =>
  (stx, ex) =>
    ex.syntaxError(name, 'this match expander must be used inside match', stx);

export function installMatchForms(define: (name: string, m: Meaning) => void, legacy = false): void {
  const macro = (name: string, f: Macro) =>
    define(
      name,
      jsMacro(name, (stx, ex, b) => {
        const saved = legacyPatterns;
        legacyPatterns = legacy;
        try {
          return f(stx, ex, b);
        } finally {
          legacyPatterns = saved;
        }
      }),
    );
  macro('define-match-expander', defineMatchExpander);
  macro('match', match);
  macro('match*', matchStar);
  macro('match-lambda', matchLambda);
  macro('match-lambda*', matchLambdaStar);
  macro('match-lambda**', matchLambdaStarStar);
  macro('match-let', matchLet);
  macro('match-let*', matchLetStar);
  macro('match-define', matchDefine);
  macro('match-define-values', matchDefineValues);
  macro('define/match', defineMatch);
  macro('match/values', matchValues);
  macro('match-let-values', matchLetValues);
  macro('match-let*-values', matchLetStarValues);
  macro('match-letrec', matchLetrec);
  macro('match-letrec-values', matchLetrecValues);
  macro('match/derived', matchDerived);
  macro('match*/derived', matchStarDerived);
  macro('failure-cont', failureCont);
  macro('==', onlyInPatterns('=='));
  macro('struct*', onlyInPatterns('struct*'));
}

/**
 * failure-cont's parts, bound under the runtime's own racket/base scope:
 * `%match-fail`, the syntax parameter `(failure-cont)` expands into (outside
 * a clause it means an error, Racket's words for its `fail`), and
 * `%match-fail-to`, the transformer maker a clause parameterizes it with.
 */
export function installMatchHelpers(ex: Expander, add: (name: string, m: Meaning) => void): void {
  add(
    '%match-fail-outside',
    jsMacro('fail', (stx, ex2) =>
      ex2.syntaxError('fail', 'used out of context: not in match pattern', datumToSyntax(stx, listFromArray([sym('fail')]))),
    ),
  );
  add('%match-fail', { kind: 'syntax', value: new SyntaxParameter(new RenameTransformer(ex.baseId('%match-fail-outside'))) });
  add(
    '%match-fail-to',
    ex.coreForm('%match-fail-to', (stx, ex2) => ex2.badSyntax(stx)),
  );
  ex.transformerMakers.set('%match-fail-to', (rhs: Syntax): MacroTransformer => {
    const failId = syntaxList(rhs)![1];
    return (stx: Syntax) => new Syntax(new Pair(failId, NULL), stx.loc, stx.scopes);
  });
}

/** `(failure-cont)`: in a match clause's body, tries the clauses after it. */
const failureCont: Macro = (stx, ex, b) => {
  // It is Racket's syntax-rules macro (failure-cont) → (fail), and is reported as one.
  if (syntaxList(stx)?.length !== 1) ex.syntaxError('failure-cont', 'use does not match pattern: (failure-cont)', stx);
  return b.list('%match-fail');
};
