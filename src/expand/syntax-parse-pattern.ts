// syntax/parse patterns (a first part of them): compiled when `syntax-parse`
// is expanded, matched with backtracking when it runs.
//
// Single-term patterns: `_`, a pattern variable `x` or `x:class` with a
// built-in syntax class, literals (#:literals, `~literal`), datum literals
// (#:datum-literals, `~datum`), `~var`, `~and`, `~or`, `~not`, `~describe`,
// lists and dotted lists. Head patterns, in a list: `~seq`, `~optional`,
// and any pattern followed by `...` or `...+`.
//
// A failed match remembers how far it got; of all the failures of all the
// clauses, the one that got furthest is reported, in syntax-parse's words
// (`expected identifier`, `expected more terms starting with ...`,
// `unexpected term`).

import { isEqual } from '../values/equal.js';
import { writeString } from '../printer/print.js';
import { isExactInteger, isNumber } from '../values/numbers.js';
import { Char, Keyword, NULL, Pair, RBytes, RString, Sym, sym, type Value } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import type { Expander } from './expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';

/** A built-in syntax class: its description and its test. */
interface SyntaxClass {
  readonly description: string;
  readonly test: (e: Value) => boolean;
}

const isExactNonnegative = (e: Value) => isExactInteger(e) && (typeof e === 'bigint' ? e >= 0n : (e as number) >= 0);
const CLASSES = new Map<string, SyntaxClass>([
  ['id', { description: 'identifier', test: (e) => e instanceof Sym }],
  ['identifier', { description: 'identifier', test: (e) => e instanceof Sym }],
  ['expr', { description: 'expression', test: (e) => !(e instanceof Keyword) }],
  ['str', { description: 'string', test: (e) => e instanceof RString }],
  ['string', { description: 'string', test: (e) => e instanceof RString }],
  ['bytes', { description: 'bytes', test: (e) => e instanceof RBytes }],
  ['number', { description: 'number', test: (e) => isNumber(e) }],
  ['integer', { description: 'integer', test: (e) => isExactInteger(e) }],
  ['exact-integer', { description: 'exact-integer', test: (e) => isExactInteger(e) }],
  ['nat', { description: 'exact-nonnegative-integer', test: isExactNonnegative }],
  ['exact-nonnegative-integer', { description: 'exact-nonnegative-integer', test: isExactNonnegative }],
  [
    'exact-positive-integer',
    { description: 'exact-positive-integer', test: (e) => isExactInteger(e) && (typeof e === 'bigint' ? e > 0n : (e as number) > 0) },
  ],
  ['boolean', { description: 'boolean', test: (e) => typeof e === 'boolean' }],
  ['keyword', { description: 'keyword', test: (e) => e instanceof Keyword }],
  ['char', { description: 'char', test: (e) => e instanceof Char }],
]);

type SP =
  | { readonly k: 'any' }
  | { readonly k: 'var'; readonly slot: number; readonly cls: SyntaxClass | null }
  | { readonly k: 'literal'; readonly id: Syntax }
  | { readonly k: 'datum'; readonly v: Value }
  | { readonly k: 'and'; readonly ps: readonly SP[] }
  | { readonly k: 'or'; readonly ps: readonly SP[] }
  | { readonly k: 'not'; readonly p: SP }
  | { readonly k: 'describe'; readonly description: string; readonly p: SP }
  | { readonly k: 'list'; readonly heads: readonly Head[]; readonly tail: SP }
  /** `(~fail message)`, `(~fail #:when e message)`, `(~fail #:unless e message)`; `cond` indexes the condition's procedure. */
  | { readonly k: 'fail'; readonly message: string; readonly cond: number | null; readonly unless: boolean }
  /** `(~var x (static pred description))`: an identifier bound to a compile-time value `pred` accepts; `x.value` is the value. */
  | { readonly k: 'static'; readonly slot: number; readonly valueSlot: number; readonly pred: number; readonly description: number }
  /** `(~parse p e)`: matches `p` against the value of `e` (a procedure of the variables so far, indexed by `expr`). */
  | { readonly k: 'parse'; readonly p: SP; readonly expr: number }
  /** `x:name` with a class of define-syntax-class: its parser (argument `parser` of the match) fills `x` and the `x.attr` slots. */
  | {
      readonly k: 'class';
      readonly slot: number;
      readonly attrSlots: readonly number[];
      readonly parser: number;
      /** The class's arguments, `(~var x (class arg ...))`: indexes of their values among the parsers'. */
      readonly args: readonly number[];
      /** The procedure giving a parameterized class's description from its arguments, when it is not a string. */
      readonly describer: number | null;
      readonly def: SyntaxClassDef;
    };

type Head =
  | { readonly k: 'single'; readonly p: SP }
  | { readonly k: 'seq'; readonly heads: readonly Head[] }
  | { readonly k: 'optional'; readonly h: Head }
  | { readonly k: 'repeat'; readonly h: Head; readonly min: number; readonly slots: readonly number[] }
  /** `(~alt alt ...) ...`: each repetition matches one of the alternatives. */
  | { readonly k: 'alts'; readonly alts: readonly Alt[] }
  /** `(~peek h)` matches without consuming; `(~peek-not h)` succeeds where `h` does not match. */
  | { readonly k: 'peek'; readonly h: Head; readonly not: boolean }
  /** An action pattern (`~parse`, `~fail`) among a list's terms: it consumes none. */
  | { readonly k: 'action'; readonly p: SP }
  /** A variable of a splicing syntax class: its parser consumes a sequence of terms. */
  | { readonly k: 'splice'; readonly cls: SP & { k: 'class' } };

/**
 * An alternative of an ~alt ellipsis: `~once` and `~optional` ones match at
 * most once (their variables are not repeated), `~between` ones between
 * `min` and `max` times, plain ones any number of times.
 */
interface Alt {
  readonly h: Head;
  readonly mode: 'plain' | 'once' | 'optional' | 'between';
  readonly min: number;
  readonly max: number;
  readonly name: string | null;
  readonly slots: readonly number[];
}

export interface ParseVar {
  readonly id: Syntax;
  readonly depth: number;
}

/**
 * An expression in a pattern (`~parse`, `~fail #:when`): compiled by
 * syntax-parse into a procedure of the first `nvars` pattern variables,
 * those matched before it; `depth` is the ellipsis depth it is at.
 */
export class PatternExpression {
  constructor(
    readonly e: Syntax,
    readonly nvars: number,
    readonly depth: number,
  ) {}
}

/** What define-syntax-class binds its name to. */
export class SyntaxClassDef {
  constructor(
    readonly name: string,
    readonly description: string | null,
    /** The attributes, in the order the parser returns their values. */
    readonly attributes: readonly string[],
    /** Each attribute's ellipsis depth within the class. */
    readonly attributeDepths: readonly number[],
    /**
     * The identifier of the parser procedure: (parser term failures arg ...)
     * gives the attribute values or #f. A splicing class's parser gets the
     * remaining terms and also gives what it leaves of them, last.
     */
    readonly parser: Syntax,
    readonly splicing = false,
    /** How many arguments the class takes (`(define-syntax-class (name param ...) ...)`). */
    readonly arity = 0,
    /** A procedure of the arguments giving the description, when it is an expression rather than a string. */
    readonly describer: Syntax | null = null,
  ) {}
}

/** Why a match failed, and how far it got (deeper progress wins). */
export interface ParseFailure {
  readonly progress: readonly number[];
  readonly message: string;
  /** The term it is about (undefined: none, as for a failed #:when). */
  readonly at: Value | undefined;
  /** The list whose terms ran out, for `expected more terms`. */
  readonly within: Syntax | null;
  /** The syntax classes being parsed where it failed, outermost first: `parsing context:`. */
  readonly contexts?: readonly { readonly description: string; readonly term: Value | undefined }[];
}

/** The failures of one syntax-parse run, across its clauses. */
export class ParseFailures {
  readonly all: ParseFailure[] = [];
  best(): ParseFailure | null {
    let best: ParseFailure | null = null;
    for (const f of this.all) if (best === null || compareProgress(f.progress, best.progress) > 0) best = f;
    if (best === null) return null;
    // Everything expected at the same place is reported together, as
    // syntax-parse does: other expectations first, then the literals.
    const b = best;
    const prefix = 'expected the literal ';
    const same = this.all.filter(
      (f) => compareProgress(f.progress, b.progress) === 0 && f.at === b.at && f.message.startsWith('expected '),
    );
    if (same.length <= 1) return b;
    const literals = [...new Set(same.filter((f) => f.message.startsWith(prefix)).map((f) => f.message.slice(prefix.length)))];
    const others = [...new Set(same.filter((f) => !f.message.startsWith(prefix)).map((f) => f.message))];
    const listed =
      literals.length <= 2 ? literals.join(' or ') : `${literals.slice(0, -1).join(', ')}, or ${literals[literals.length - 1]}`;
    const parts = [
      ...others,
      ...(literals.length === 1 ? [prefix + literals[0]] : literals.length > 1 ? [`expected one of these literals: ${listed}`] : []),
    ];
    if (parts.length <= 1 && literals.length <= 1) return b;
    // Expectations from different syntax classes: syntax-parse does not name one.
    const contextKey = (f: ParseFailure) => (f.contexts ?? []).map((c) => c.description).join('\u0000');
    const contexts = same.every((f) => contextKey(f) === contextKey(b))
      ? b.contexts
      : [{ description: 'different things...', term: undefined }];
    return { ...b, message: parts.join(' or '), contexts };
  }
}

function compareProgress(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function unwrap(v: Value): Value {
  return v instanceof Syntax && !isIdentifier(v) ? syntaxE(v) : v;
}

function headName(v: Value): string | null {
  const e = unwrap(v);
  return e instanceof Pair && isIdentifier(e.car) ? idSym(e.car).name : null;
}

export class SyntaxParsePattern {
  private constructor(
    private readonly root: SP,
    readonly vars: readonly ParseVar[],
    private readonly ex: Expander,
    /** The parser procedures of the user syntax classes it uses and its expressions' procedures, passed to `match` in this order. */
    readonly parsers: readonly (Syntax | PatternExpression)[],
    /** ~optional's #:defaults: for a variable slot, the expression giving its value when absent. */
    readonly defaults: ReadonlyMap<number, Syntax>,
  ) {}

  /** The parser procedures of the match in progress, and how to call one. */
  private parserValues: readonly Value[] = [];
  private get parsersSource(): readonly (Syntax | PatternExpression)[] {
    return this.parsers;
  }
  private call: (proc: Value, args: Value[]) => Value = () => false;

  static compile(
    ex: Expander,
    pattern: Syntax,
    literals: readonly Syntax[],
    datumLiterals: readonly Syntax[],
    form: Syntax,
    /** #:declare: the classes of variables written without one. */
    declared: ReadonlyMap<string, Syntax> = new Map(),
  ): SyntaxParsePattern {
    const vars: ParseVar[] = [];
    const defaults = new Map<number, Syntax>();
    const parsers: (Syntax | PatternExpression)[] = [];
    const userClass = (id: Syntax, name: string): SyntaxClassDef | null => {
      const m = ex.resolve(datumToSyntax(id, sym(name)));
      return m !== null && m.kind === 'syntax' && m.value instanceof SyntaxClassDef ? m.value : null;
    };
    const classVariable = (x: Syntax, def: SyntaxClassDef, depth: number, at: Syntax, argExprs: readonly Syntax[] = []): SP => {
      if (argExprs.length !== def.arity)
        error(
          `wrong number of arguments for syntax class\n  syntax class: ${def.name}\n  expected: ${def.arity}\n  given: ${argExprs.length}`,
          at,
        );
      const wild = idSym(x).name === '_';
      vars.push({ id: x, depth });
      const slot = wild ? -1 : vars.length - 1;
      if (wild) vars.pop();
      const attrSlots = def.attributes.map((a, i) => {
        if (wild) return -1;
        vars.push({ id: datumToSyntax(x, sym(`${idSym(x).name}.${a}`)), depth: depth + (def.attributeDepths[i] ?? 0) });
        return vars.length - 1;
      });
      const index = (e: Syntax) => parsers.push(e) - 1;
      const parser = index(def.parser);
      const args = argExprs.map(index);
      const describer = def.describer === null ? null : index(def.describer);
      return { k: 'class', slot, attrSlots, parser, args, describer, def };
    };
    /** An expression inside the pattern, run during the match with the variables bound before it. */
    const expression = (e: Syntax, depth: number): number => parsers.push(new PatternExpression(e, vars.length, depth)) - 1;
    const error: (message: string, at: Syntax) => never = (message, at) => ex.syntaxError('syntax-parse', message, form, at);
    const variable = (id: Syntax, depth: number, cls: SyntaxClass | null): SP => {
      vars.push({ id, depth });
      return { k: 'var', slot: vars.length - 1, cls };
    };
    const single = (p: Value, depth: number): SP => {
      if (isIdentifier(p)) {
        const name = idSym(p).name;
        if (literals.some((l) => idSym(l) === idSym(p))) return { k: 'literal', id: p };
        if (datumLiterals.some((l) => idSym(l) === idSym(p))) return { k: 'datum', v: idSym(p) };
        if (name === '_') return { k: 'any' };
        if (name === '...' || name === '...+') error('misplaced ellipsis in pattern', p);
        const colon = name.indexOf(':');
        if (colon > 0 && colon < name.length - 1) {
          const def = userClass(p, name.slice(colon + 1));
          if (def !== null) return classVariable(datumToSyntax(p, sym(name.slice(0, colon))), def, depth, p);
          const cls = CLASSES.get(name.slice(colon + 1));
          if (cls === undefined) return error(`not defined as syntax class\n  syntax class: ${name.slice(colon + 1)}`, p);
          const varName = name.slice(0, colon);
          return varName === '_' ? { k: 'and', ps: [{ k: 'any' }, classOnly(cls)] } : variable(datumToSyntax(p, sym(varName)), depth, cls);
        }
        const decl = declared.get(name);
        if (decl !== undefined) {
          const def = userClass(decl, idSym(decl).name);
          if (def !== null) return classVariable(p, def, depth, decl);
          const cls = CLASSES.get(idSym(decl).name);
          if (cls === undefined) return error('not defined as syntax class', decl);
          return variable(p, depth, cls);
        }
        return variable(p, depth, null);
      }
      const stx = p instanceof Syntax ? p : new Syntax(p, null);
      const e = syntaxE(stx);
      if (e instanceof Pair) {
        const items = syntaxList(stx);
        const kw = headName(stx);
        if (items !== null && kw?.startsWith('~')) {
          const args = items.slice(1);
          switch (kw) {
            case '~literal':
              return { k: 'literal', id: args[0] };
            case '~datum':
              return { k: 'datum', v: syntaxToDatum(args[0]) };
            case '~var': {
              // (~var x class) or (~var x (class arg ...)).
              const use = args.length > 1 ? syntaxList(args[1]) : null;
              const clsId = use !== null && use.length > 0 && isIdentifier(use[0]) ? use[0] : args[1];
              const def = args.length > 1 && isIdentifier(clsId) ? userClass(clsId, idSym(clsId).name) : null;
              if (def !== null) return classVariable(args[0], def, depth, args[1], use === null ? [] : use.slice(1));
              if (use !== null && use.length === 3 && isIdentifier(use[0]) && idSym(use[0]).name === 'static') {
                vars.push({ id: args[0], depth });
                const slot = vars.length - 1;
                vars.push({ id: datumToSyntax(args[0], sym(`${idSym(args[0]).name}.value`)), depth });
                const pred = parsers.push(use[1]) - 1;
                const description = parsers.push(use[2]) - 1;
                return { k: 'static', slot, valueSlot: slot + 1, pred, description };
              }
              if (args.length > 1 && !isIdentifier(args[1])) return error('not defined as syntax class', args[1]);
              const cls = args.length > 1 ? CLASSES.get(idSym(args[1]).name) : null;
              if (cls === undefined) return error('not defined as syntax class', args[1]);
              return variable(args[0], depth, cls);
            }
            case '~and':
              return { k: 'and', ps: args.map((a) => single(a, depth)) };
            case '~or':
            case '~or*':
              return { k: 'or', ps: args.map((a) => single(a, depth)) };
            case '~not':
              return { k: 'not', p: single(args[0], depth) };
            case '~describe': {
              const d = syntaxE(args[args.length - 2]);
              if (!(d instanceof RString)) return error('expected a string', args[0]);
              return { k: 'describe', description: d.s, p: single(args[args.length - 1], depth) };
            }
            case '~rest':
            case '~commit':
            case '~delimit-cut':
              return single(args[0], depth);
            case '~fail': {
              const cond = args.length === 3 ? syntaxE(args[0]) : null;
              const m = syntaxE(args[args.length - 1]);
              const conditional = cond instanceof Keyword && (cond.name === 'when' || cond.name === 'unless');
              if (!(m instanceof RString) || (args.length !== 1 && !conditional)) return error('bad ~fail pattern', stx);
              return {
                k: 'fail',
                message: m.s,
                cond: conditional ? expression(args[1], depth) : null,
                unless: conditional && (cond as Keyword).name === 'unless',
              };
            }
            case '~parse': {
              if (args.length !== 2) return error('bad ~parse pattern', stx);
              const expr = expression(args[1], depth);
              return { k: 'parse', p: single(args[0], depth), expr };
            }
            case '~peek':
            case '~peek-not':
              return error(`${kw} pattern allowed only in a list`, stx);
            case '~seq':
            case '~optional':
              return error(`${kw} pattern allowed only in a list`, stx);
          }
        }
        return list(e, depth);
      }
      if (e === NULL) return { k: 'list', heads: [], tail: { k: 'datum', v: NULL } };
      return { k: 'datum', v: syntaxToDatum(stx) };
    };
    /** `#:defaults ([attr expr] ...)` among an ~optional's options: the values of absent attributes, computed after the match. */
    const optionalDefaults = (items: readonly Syntax[], first: number): void => {
      for (let j = 1; j + 1 < items.length; j += 2) {
        const o = syntaxE(items[j]);
        if (!(o instanceof Keyword) || o.name !== 'defaults') continue;
        for (const d of syntaxList(items[j + 1]) ?? []) {
          const dp = syntaxList(d);
          if (dp === null || dp.length !== 2 || !isIdentifier(dp[0])) error('bad #:defaults clause', d);
          const slot = vars.findIndex((v, i) => i >= first && idSym(v.id) === idSym(dp[0]));
          if (slot < 0) error('default for an attribute the pattern does not bind', dp[0]);
          defaults.set(slot, dp[1]);
        }
      }
    };
    const head = (p: Value, depth: number): Head => {
      const kw = headName(p);
      if (kw === '~seq') {
        const items = syntaxList(p as Syntax)!.slice(1);
        return { k: 'seq', heads: heads(listValue(items), depth) };
      }
      if (kw === '~optional') {
        const items = syntaxList(p as Syntax)!.slice(1);
        const first = vars.length;
        const h = head(items[0], depth);
        optionalDefaults(items, first);
        return { k: 'optional', h };
      }
      if (kw === '~peek' || kw === '~peek-not') {
        const first = vars.length;
        const h = head(syntaxList(p as Syntax)![1], depth);
        // ~peek-not binds nothing.
        if (kw === '~peek-not') vars.length = first;
        return { k: 'peek', h, not: kw === '~peek-not' };
      }
      const sp = single(p, depth);
      if (sp.k === 'class' && sp.def.splicing) return { k: 'splice', cls: sp };
      if (sp.k === 'parse' || sp.k === 'fail') return { k: 'action', p: sp };
      return { k: 'single', p: sp };
    };
    const heads = (v: Value, depth: number): Head[] => {
      const out: Head[] = [];
      v = unwrap(v);
      while (v instanceof Pair) {
        const next = unwrap(v.cdr);
        if (isIdentifier(v.car) && idSym(v.car).name === '~!') {
          // A cut: it commits to the choices made so far, which only changes which failure is reported.
          v = next;
          continue;
        }
        if (next instanceof Pair && isIdentifier(next.car) && idSym(next.car).name === '...' && headName(v.car) === '~alt') {
          out.push({
            k: 'alts',
            alts: syntaxList(v.car as Syntax)!
              .slice(1)
              .map((a) => alternative(a, depth)),
          });
          v = unwrap(next.cdr);
        } else if (next instanceof Pair && isIdentifier(next.car) && (idSym(next.car).name === '...' || idSym(next.car).name === '...+')) {
          const first = vars.length;
          const h = head(v.car, depth + 1);
          const slots = vars.slice(first).map((_, i) => first + i);
          out.push({ k: 'repeat', h, min: idSym(next.car).name === '...+' ? 1 : 0, slots });
          v = unwrap(next.cdr);
        } else {
          out.push(head(v.car, depth));
          v = next;
        }
      }
      return out;
    };
    const alternative = (a: Value, depth: number): Alt => {
      const kw = headName(a);
      const parts = kw === null ? [] : syntaxList(a as Syntax)!.slice(1);
      const named = (from: number) => {
        for (let j = from; j + 1 < parts.length; j += 2) {
          const o = syntaxE(parts[j]);
          const s = syntaxE(parts[j + 1]);
          if (o instanceof Keyword && o.name === 'name' && s instanceof RString) return s.s;
        }
        return null;
      };
      const first = vars.length;
      const make = (h: Head, mode: Alt['mode'], min: number, max: number, name: string | null): Alt => ({
        h,
        mode,
        min,
        max,
        name,
        slots: vars.slice(first).map((_, i) => first + i),
      });
      if (kw === '~once') return make(head(parts[0], depth), 'once', 1, 1, named(1));
      if (kw === '~optional') {
        const h = head(parts[0], depth);
        optionalDefaults(parts, first);
        return make(h, 'optional', 0, 1, named(1));
      }
      if (kw === '~between') {
        const h = head(parts[0], depth + 1);
        return make(h, 'between', Number(syntaxE(parts[1])), Number(syntaxE(parts[2])), named(3));
      }
      return make(head(a, depth + 1), 'plain', 0, Number.POSITIVE_INFINITY, null);
    };
    const list = (e: Pair, depth: number): SP => {
      const hs = heads(e, depth);
      let v: Value = e;
      while (v instanceof Pair) v = unwrap(v.cdr);
      const tail: SP = v === NULL ? { k: 'datum', v: NULL } : single(v, depth);
      return { k: 'list', heads: hs, tail };
    };
    const root = single(pattern, 0);
    return new SyntaxParsePattern(root, vars, ex, parsers, defaults);
  }

  /**
   * What the variables matched (nested arrays under ellipses; #f for an
   * absent ~optional), or null, recording why in `failures`. `base` is the
   * progress this match starts from (later directives count as further).
   */
  match(
    input: Value,
    failures: ParseFailures,
    base: readonly number[] = [],
    parsers: readonly Value[] = [],
    call: (proc: Value, args: Value[]) => Value = () => false,
  ): Value[] | null {
    this.parserValues = parsers;
    this.call = call;
    const stx = input instanceof Syntax ? input : datumToSyntax(null, input);
    const env: Value[] = new Array(this.vars.length).fill(false);
    let result: Value[] | null = null;
    this.single(this.root, stx, env, base, failures, (e) => {
      result = e;
      return true;
    });
    return result;
  }

  private fail(failures: ParseFailures, progress: readonly number[], message: string, at: Value, within: Syntax | null = null): false {
    failures.all.push({ progress, message, at, within });
    return false;
  }

  /** Matches single-term pattern `p` against `v`; on success calls `k` with the extended environment. */
  private single(p: SP, v: Value, env: Value[], pr: readonly number[], f: ParseFailures, k: (env: Value[]) => boolean): boolean {
    switch (p.k) {
      case 'any':
        return k(env);
      case 'var': {
        const d = v instanceof Syntax ? (isIdentifier(v) ? idSym(v) : syntaxE(v)) : v;
        if (p.cls !== null && !p.cls.test(d)) return this.fail(f, pr, `expected ${p.cls.description}`, v);
        if (p.slot < 0) return k(env);
        const e = env.slice();
        e[p.slot] = v instanceof Syntax ? v : datumToSyntax(null, v);
        return k(e);
      }
      case 'literal':
        if (isIdentifier(v) && this.ex.freeIdentifierEq(v, p.id)) return k(env);
        return this.fail(f, pr, `expected the identifier \`${idSym(p.id).name}'`, v);
      case 'datum':
        if (isEqual(syntaxToDatum(v), p.v)) return k(env);
        if (p.v === NULL) return this.fail(f, pr, 'unexpected term', v);
        return this.fail(f, pr, `expected ${literalDescription(p.v)}`, v);
      case 'and': {
        const step = (i: number, e: Value[]): boolean =>
          i >= p.ps.length ? k(e) : this.single(p.ps[i], v, e, pr, f, (e2) => step(i + 1, e2));
        return step(0, env);
      }
      case 'or':
        for (const alt of p.ps) if (this.single(alt, v, env, pr, f, k)) return true;
        return false;
      case 'not': {
        const scratch = new ParseFailures();
        if (this.single(p.p, v, env, pr, scratch, () => true)) return this.fail(f, pr, 'unexpected term', v);
        return k(env);
      }
      case 'describe': {
        const inner = new ParseFailures();
        if (this.single(p.p, v, env, pr, inner, k)) return true;
        return this.fail(f, pr, `expected ${p.description}`, v);
      }
      case 'fail': {
        if (p.cond !== null) {
          const c = this.call(this.parserValues[p.cond], env.slice(0, (this.parsersSource[p.cond] as PatternExpression).nvars));
          if ((c !== false) === p.unless) return k(env);
        }
        return this.fail(f, pr, p.message, v);
      }
      case 'static': {
        const m = isIdentifier(v) ? this.ex.resolveThroughRenames(v) : null;
        if (m !== null && m.kind === 'syntax' && this.call(this.parserValues[p.pred], [m.value]) !== false) {
          const e = env.slice();
          e[p.slot] = v as Syntax;
          e[p.valueSlot] = m.value;
          return k(e);
        }
        const d = this.parserValues[p.description];
        return this.fail(f, pr, `expected ${d instanceof RString ? d.s : 'static value'}`, v);
      }
      case 'parse': {
        const value = this.call(this.parserValues[p.expr], env.slice(0, (this.parsersSource[p.expr] as PatternExpression).nvars));
        return this.single(p.p, value instanceof Syntax ? value : datumToSyntax(null, value), env, pr, f, k);
      }
      case 'class': {
        const inner = new ParseFailures();
        const attrs = this.call(this.parserValues[p.parser], [v, inner, ...p.args.map((a) => this.parserValues[a])]);
        if (attrs === false) {
          const best = inner.best();
          const description = this.classDescription(p);
          // Failing at the term itself says what was expected; failing inside it says where, and in what.
          if (best === null || (best.progress.length <= 1 && best.progress[0] === 0)) return this.fail(f, pr, `expected ${description}`, v);
          // A directive's failure without a term of its own is about the term the class parses.
          const at = best.at === null ? v : best.at;
          f.all.push({ ...best, at, progress: [...pr, ...best.progress], contexts: [{ description, term: v }, ...(best.contexts ?? [])] });
          return false;
        }
        const e = env.slice();
        if (p.slot >= 0) e[p.slot] = v instanceof Syntax ? v : datumToSyntax(null, v);
        const values = attrs as Value[];
        p.attrSlots.forEach((s, i) => {
          if (s >= 0) e[s] = values[i];
        });
        return k(e);
      }
      case 'list': {
        const elems: Value[] = [];
        let u = unwrap(v);
        // A compound pattern has no description of its own: syntax-parse says `bad syntax`.
        if (!(u instanceof Pair) && u !== NULL) return this.fail(f, pr, 'bad syntax', undefined);
        while (u instanceof Pair) {
          elems.push(u.car);
          u = unwrap(u.cdr);
        }
        const whole = v instanceof Syntax ? v : datumToSyntax(null, v);
        return this.heads(p.heads, 0, elems, u, whole, env, pr, f, (e, i) => {
          let rest: Value = u;
          for (let j = elems.length - 1; j >= i; j--) rest = new Pair(elems[j], rest);
          if (p.tail.k === 'datum' && p.tail.v === NULL) {
            if (i < elems.length) return this.fail(f, [...pr, i], 'unexpected term', elems[i]);
            if (rest !== NULL) return this.fail(f, [...pr, i], 'unexpected term', rest);
            return k(e);
          }
          const restStx = rest instanceof Syntax ? rest : new Syntax(rest, whole.loc, whole.scopes);
          return this.single(p.tail, restStx, e, [...pr, i], f, k);
        });
      }
    }
  }

  /** Matches head patterns `hs[j..]` against `elems[i..]`; `k` gets the environment and the index reached. */
  private heads(
    hs: readonly Head[],
    j: number,
    elems: Value[],
    tail: Value,
    whole: Syntax,
    env: Value[],
    pr: readonly number[],
    f: ParseFailures,
    k: (env: Value[], i: number) => boolean,
    i = 0,
  ): boolean {
    if (j >= hs.length) return k(env, i);
    return this.head(hs[j], elems, i, whole, env, pr, f, (e, i2) => this.heads(hs, j + 1, elems, tail, whole, e, pr, f, k, i2));
  }

  /** A class's description: its string, what its describer makes of its arguments, or its name. */
  private classDescription(p: SP & { k: 'class' }): string {
    if (p.describer !== null) {
      const d = this.call(
        this.parserValues[p.describer],
        p.args.map((a) => this.parserValues[a]),
      );
      if (d instanceof RString) return d.s;
    }
    return p.def.description ?? p.def.name;
  }

  /** A splicing class variable: the parser takes the terms from `i` on and says what it leaves. */
  private splice(
    p: SP & { k: 'class' },
    elems: Value[],
    i: number,
    whole: Syntax,
    env: Value[],
    pr: readonly number[],
    f: ParseFailures,
    k: (env: Value[], i: number) => boolean,
  ): boolean {
    const rest = new Syntax(listValue(elems.slice(i)), whole.loc, whole.scopes);
    const inner = new ParseFailures();
    const attrs = this.call(this.parserValues[p.parser], [rest, inner, ...p.args.map((a) => this.parserValues[a])]);
    if (attrs === false) {
      const description = this.classDescription(p);
      if (inner.all.length === 0) {
        return i >= elems.length
          ? this.fail(f, [...pr, i], `expected more terms starting with ${description}`, NULL, whole)
          : this.fail(f, [...pr, i], `expected ${description}`, elems[i]);
      }
      // The class's failures, placed among the enclosing list's terms.
      for (const fl of inner.all) {
        f.all.push({
          ...fl,
          at: fl.at === null ? rest : fl.at,
          // Its progress starts with the parser's clause step: 0 for the pattern, whose next number counts terms.
          progress: fl.progress[0] === 0 ? [...pr, i + (fl.progress[1] ?? 0), ...fl.progress.slice(2)] : [...pr, i, ...fl.progress],
          contexts: [{ description, term: rest }, ...(fl.contexts ?? [])],
        });
      }
      return false;
    }
    const values = attrs as Value[];
    const left = values[values.length - 1];
    let remaining = 0;
    for (let u = unwrap(left); u instanceof Pair; u = unwrap(u.cdr)) remaining++;
    const end = elems.length - remaining;
    const e = env.slice();
    if (p.slot >= 0) e[p.slot] = new Syntax(listValue(elems.slice(i, end)), whole.loc, whole.scopes);
    p.attrSlots.forEach((s, idx) => {
      if (s >= 0) e[s] = values[idx];
    });
    return k(e, end);
  }

  /** An ~alt ellipsis: repetitions matched greedily, with backtracking, then the occurrence counts checked. */
  private alts(
    alts: readonly Alt[],
    elems: Value[],
    i: number,
    whole: Syntax,
    env: Value[],
    pr: readonly number[],
    f: ParseFailures,
    k: (env: Value[], i: number) => boolean,
  ): boolean {
    const go = (at: number, counts: number[], values: Value[][][]): boolean => {
      if (at < elems.length) {
        for (let a = 0; a < alts.length; a++) {
          const alt = alts[a];
          const matched = this.head(alt.h, elems, at, whole, env, pr, f, (e2, at2) => {
            if (at2 === at) return false;
            // One occurrence too many of a ~once, ~optional or ~between alternative: syntax-parse says bad syntax.
            if (counts[a] + 1 > alt.max) return this.fail(f, [...pr, at2], 'bad syntax', undefined);
            const c2 = counts.slice();
            c2[a]++;
            const v2 = values.slice();
            v2[a] = alt.slots.map((s, idx) => [...values[a][idx], e2[s]]);
            return go(at2, c2, v2);
          });
          if (matched) return true;
        }
      }
      for (let a = 0; a < alts.length; a++) {
        const alt = alts[a];
        if (counts[a] >= alt.min) continue;
        const what = alt.name !== null ? null : describeHead(alt.h);
        const message =
          alt.name !== null
            ? `missing required occurrence of ${alt.name}`
            : what === null
              ? 'expected more terms'
              : `expected more terms starting with ${what}`;
        return this.fail(f, [...pr, at], message, NULL, whole);
      }
      const out = env.slice();
      alts.forEach((alt, a) => {
        alt.slots.forEach((s, idx) => {
          const got = values[a][idx];
          out[s] = alt.mode === 'once' || alt.mode === 'optional' ? (got.length > 0 ? got[0] : false) : got;
        });
      });
      return k(out, at);
    };
    return go(
      i,
      alts.map(() => 0),
      alts.map((alt) => alt.slots.map(() => [])),
    );
  }

  private head(
    h: Head,
    elems: Value[],
    i: number,
    whole: Syntax,
    env: Value[],
    pr: readonly number[],
    f: ParseFailures,
    k: (env: Value[], i: number) => boolean,
  ): boolean {
    switch (h.k) {
      case 'single':
        if (i >= elems.length) {
          const what = describeHead(h);
          return this.fail(f, [...pr, i], what === null ? 'expected more terms' : `expected more terms starting with ${what}`, NULL, whole);
        }
        return this.single(h.p, elems[i], env, [...pr, i], f, (e) => k(e, i + 1));
      case 'seq':
        return this.heads(h.heads, 0, elems, NULL, whole, env, pr, f, k, i);
      case 'optional':
        return this.head(h.h, elems, i, whole, env, pr, f, k) || k(env, i);
      case 'alts':
        return this.alts(h.alts, elems, i, whole, env, pr, f, k);
      case 'peek': {
        if (!h.not) return this.head(h.h, elems, i, whole, env, pr, f, (e) => k(e, i));
        const scratch = new ParseFailures();
        if (this.head(h.h, elems, i, whole, env, pr, scratch, () => true)) return this.fail(f, [...pr, i], 'unexpected term', elems[i]);
        return k(env, i);
      }
      case 'splice':
        return this.splice(h.cls, elems, i, whole, env, pr, f, k);
      case 'action':
        return this.single(h.p, i < elems.length ? elems[i] : whole, env, [...pr, i], f, (e) => k(e, i));
      case 'repeat': {
        // Greedy, with backtracking: as many repetitions as allow the rest to match.
        const go = (e: Value[], at: number, reps: Value[][], count: number): boolean => {
          const finish = () => {
            if (count < h.min) return false;
            const out = e.slice();
            h.slots.forEach((s, idx) => {
              out[s] = reps[idx];
            });
            return k(out, at);
          };
          if (at < elems.length) {
            const tryMore = this.head(h.h, elems, at, whole, e, pr, f, (e2, at2) => {
              if (at2 === at) return false;
              const reps2 = reps.map((r, idx) => [...r, e2[h.slots[idx]]]);
              return go(e, at2, reps2, count + 1);
            });
            if (tryMore) return true;
          } else if (count < h.min) {
            const what = describeHead(h.h);
            return this.fail(
              f,
              [...pr, at],
              what === null ? 'expected more terms' : `expected more terms starting with ${what}`,
              NULL,
              whole,
            );
          }
          return finish();
        };
        return go(
          env,
          i,
          h.slots.map(() => []),
          0,
        );
      }
    }
  }
}

/** How syntax-parse names an expected datum: `the literal symbol \`x'`, `the literal #:k`. */
function literalDescription(v: Value): string {
  return v instanceof Sym ? `the literal symbol \`${v.name}'` : `the literal ${writeString(v)}`;
}

function classOnly(cls: SyntaxClass): SP {
  return { k: 'var', slot: -1, cls };
}

/** What a head pattern expects first, for `expected more terms starting with ...`. */
function describeHead(h: Head): string | null {
  if (h.k === 'single') {
    const p = h.p;
    if (p.k === 'var') return p.cls === null ? 'any term' : p.cls.description;
    if (p.k === 'any') return 'any term';
    if (p.k === 'describe') return p.description;
    if (p.k === 'literal') return `the identifier \`${idSym(p.id).name}'`;
    if (p.k === 'datum' && p.v !== NULL) return literalDescription(p.v);
    return null;
  }
  if (h.k === 'seq') return h.heads.length > 0 ? describeHead(h.heads[0]) : null;
  return null;
}

function listValue(items: readonly Value[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}
