// Syntax templates: `syntax` (#'), `quasisyntax` (#`) and their /loc forms.
//
// A template is compiled when the form is expanded: the parts without
// pattern variables (or unsyntax holes) stay the very syntax objects of the
// source, with their scopes, as `quote-syntax` would keep them; the rest is
// rebuilt when the template runs, from the values of the pattern variables
// and hole expressions it is given as arguments (`slots`).
//
// A pattern variable matched under d ellipses, used under e ≥ d ellipses
// of a template, is iterated by the innermost d of them; the outer ones
// repeat it.

import { NULL, Pair, RVector, sym, type Value } from '../values/types.js';
import { type SrcLoc, Syntax } from '../values/syntax.js';
import { RacketThrow, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import { writeString } from '../printer/print.js';
import type { Core } from './core.js';
import type { Expander } from './expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';
import { isEllipsis } from './syntax-pattern.js';
import { PatternVariable } from './transformers.js';

type Template =
  | { readonly k: 'const'; readonly v: Syntax }
  | { readonly k: 'slot'; readonly slot: number }
  /** An unsyntax hole: the value of an expression, made syntax in `ctx`'s context. */
  | { readonly k: 'hole'; readonly slot: number; readonly ctx: Syntax }
  | { readonly k: 'list'; readonly shell: Syntax; readonly items: readonly Item[]; readonly tail: Template | null }
  | { readonly k: 'vector'; readonly shell: Syntax; readonly items: readonly Item[] }
  /** `(~? t1 t2)`: t1 when every pattern variable in it has a value (not an absent ~optional), else t2. */
  | { readonly k: 'either'; readonly first: Template; readonly slots: readonly number[]; readonly second: Template }
  /** `(~@ . t)` as a list element: the elements of the syntax list t builds are spliced in. */
  | { readonly k: 'splice'; readonly t: Template }
  /** What `(~? h)` leaves in a list when h's variables have no value: nothing. */
  | { readonly k: 'none' };

interface Item {
  readonly t: Template;
  /** The slots each of the item's ellipses iterates, outermost first; empty for an item without one. */
  readonly levels: readonly (readonly number[])[];
  /** The template list an ellipsis error names, and the element it is located at. */
  readonly at: Syntax;
  readonly elem: Syntax;
  /** The element as written. */
  readonly source: Value;
  /** An unsyntax-splicing hole: its list's elements are spliced in. */
  readonly splice: boolean;
}

/** A reference to a pattern variable at some ellipsis depth of the template. */
interface Ref {
  readonly slot: number;
  /** Ellipses around the reference in the template. */
  readonly level: number;
  /** Ellipses the variable was matched under. */
  readonly depth: number;
}

export class SyntaxTemplate {
  private constructor(
    private readonly ex: Expander,
    private readonly root: Template,
    /** What each slot is, in argument order: a pattern variable's run-time variable, or an unsyntax expression. */
    readonly slots: readonly ({ kind: 'var'; pv: PatternVariable } | { kind: 'expr'; e: Syntax; splice: boolean })[],
    /** The first reference to each pattern variable slot, for errors. */
    private readonly refs: readonly (Syntax | undefined)[],
  ) {}

  /** A template that builds nothing: the syntax object itself (`quote-syntax`). */
  get constant(): Syntax | null {
    return this.root.k === 'const' ? this.root.v : null;
  }

  /**
   * Compiles template `t` of form `whole` (named `who` in errors). With
   * `quasi`, `unsyntax` and `unsyntax-splicing` at the outer quasi level are
   * holes.
   */
  static compile(ex: Expander, t: Syntax, whole: Syntax, who: string, quasi: boolean, prune: (s: Syntax) => Syntax): SyntaxTemplate {
    const slots: SyntaxTemplate['slots'][number][] = [];
    const slotOf = new Map<PatternVariable, number>();
    const firstRef: Syntax[] = [];
    const error: (message: string, at: Syntax) => never = (message, at) => ex.syntaxError(who, message, whole, at);

    const patternVariable = (id: Syntax): PatternVariable | null => {
      const m = ex.resolve(id);
      return m !== null && m.kind === 'syntax' && m.value instanceof PatternVariable ? m.value : null;
    };
    const headIs = (e: Value, name: string): boolean => e instanceof Pair && isIdentifier(e.car) && idSym(e.car).name === name;

    /** Compiles `t` at ellipsis `level` and quasi level `q`; `escaped` inside `(... ...)`. */
    const walk = (t: Value, level: number, q: number, escaped: boolean, refs: Ref[]): Template => {
      const stx = t instanceof Syntax ? t : new Syntax(t, null);
      if (isIdentifier(stx)) {
        const pv = patternVariable(stx);
        const dot = idSym(stx).name.indexOf('.');
        if (pv === null && dot > 0) {
          // x.attr where x is a syntax-class variable without that attribute.
          const base = patternVariable(new Syntax(sym(idSym(stx).name.slice(0, dot)), stx.loc, stx.scopes));
          if (base !== null) error(`undefined nested attribute of attribute \`${idSym(stx).name.slice(0, dot)}'`, stx);
        }
        if (pv === null) {
          if (!escaped && isEllipsis(stx)) error('misplaced ellipsis in template', stx);
          if (!escaped && (idSym(stx).name === '~@' || idSym(stx).name === '~?')) error('illegal use', stx);
          return { k: 'const', v: stx };
        }
        if (pv.depth > level) error('missing ellipsis with pattern variable in template', stx);
        let slot = slotOf.get(pv);
        if (slot === undefined) {
          slot = slots.length;
          slots.push({ kind: 'var', pv });
          slotOf.set(pv, slot);
        }
        refs.push({ slot, level, depth: pv.depth });
        if (firstRef[slot] === undefined) firstRef[slot] = stx;
        return { k: 'slot', slot };
      }
      const e = syntaxE(stx);
      if (e instanceof Pair) {
        if (!escaped && isEllipsis(e.car)) {
          // (... t): t with ellipses as plain identifiers.
          const rest = syntaxList(new Syntax(e.cdr, null));
          if (rest === null || rest.length !== 1) error('misplaced ellipsis in template', stx);
          return walk(rest[0], level, q, true, refs);
        }
        if (quasi && (headIs(e, 'unsyntax') || headIs(e, 'unsyntax-splicing'))) {
          const parts = syntaxList(stx);
          if (parts !== null && parts.length === 2 && q === 0) {
            if (idSym(parts[0]).name === 'unsyntax-splicing') error('unsyntax-splicing: invalid context within template', stx);
            slots.push({ kind: 'expr', e: parts[1], splice: false });
            return { k: 'hole', slot: slots.length - 1, ctx: stx };
          }
          return walkList(stx, e, level, q - 1, escaped, refs);
        }
        if (quasi && headIs(e, 'quasisyntax')) return walkList(stx, e, level, q + 1, escaped, refs);
        if (!escaped && headIs(e, '~?')) {
          const parts = syntaxList(stx);
          if (parts === null || parts.length !== 3) error('illegal use', e.car as Syntax);
          return either(parts[1], parts[2], level, q, escaped, refs, walk);
        }
        if (!escaped && headIs(e, '~@')) error('illegal use', e.car as Syntax);
        return walkList(stx, e, level, q, escaped, refs);
      }
      if (e instanceof RVector) {
        const inner = walkList(stx, listOf(e.items), level, q, escaped, refs);
        if (inner.k === 'const') return { k: 'const', v: stx };
        const items = inner.k === 'list' ? inner.items : [];
        return { k: 'vector', shell: stx, items };
      }
      return { k: 'const', v: stx };
    };

    type Walk = (t: Value, level: number, q: number, escaped: boolean, refs: Ref[]) => Template;
    /** `(~? first second)`: `first` when every pattern variable of it at this level has a value. */
    const either = (first: Value, second: Value | null, level: number, q: number, escaped: boolean, refs: Ref[], w: Walk): Template => {
      const inner: Ref[] = [];
      const t1 = w(first, level, q, escaped, inner);
      refs.push(...inner);
      const t2: Template = second === null ? { k: 'none' } : w(second, level, q, escaped, refs);
      return {
        k: 'either',
        first: t1,
        slots: [...new Set(inner.filter((r) => r.depth === 0 && r.level === level).map((r) => r.slot))],
        second: t2,
      };
    };
    /** A list element, where `(~@ . t)` splices and `(~? h)` may leave nothing. */
    const walkHead: Walk = (t, level, q, escaped, refs) => {
      const stx = t instanceof Syntax ? t : new Syntax(t, null);
      const e = syntaxE(stx);
      if (!escaped && e instanceof Pair && headIs(e, '~@')) {
        const rest = e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, stx.loc, stx.scopes);
        if (syntaxList(rest) === null) error('illegal use', e.car as Syntax);
        return { k: 'splice', t: walkList(rest, syntaxE(rest), level, q, escaped, refs) };
      }
      if (!escaped && e instanceof Pair && headIs(e, '~?')) {
        const parts = syntaxList(stx);
        if (parts === null || (parts.length !== 2 && parts.length !== 3)) error('illegal use', e.car as Syntax);
        return either(parts[1], parts.length === 3 ? parts[2] : null, level, q, escaped, refs, walkHead);
      }
      return walk(t, level, q, escaped, refs);
    };

    const walkList = (shell: Syntax, e: Value, level: number, q: number, escaped: boolean, refs: Ref[]): Template => {
      const items: Item[] = [];
      let v: Value = e;
      let tail: Template | null = null;
      let tailSource: Value = null;
      for (;;) {
        if (v instanceof Syntax && !isIdentifier(v)) v = syntaxE(v);
        if (v === NULL) break;
        if (!(v instanceof Pair)) {
          tailSource = v;
          tail = walk(v, level, q, escaped, refs);
          break;
        }
        const elem = v.car;
        // `(a . #,e)` reads as (a unsyntax e): a hole for the tail.
        if (quasi && q === 0 && items.length > 0 && isIdentifier(elem) && idSym(elem).name === 'unsyntax') {
          const rest = syntaxList(new Syntax(v.cdr, null));
          if (rest !== null && rest.length === 1) {
            slots.push({ kind: 'expr', e: rest[0], splice: false });
            tailSource = v;
            tail = { k: 'hole', slot: slots.length - 1, ctx: shell };
            break;
          }
        }
        let ellipses = 0;
        let next: Value = v.cdr;
        for (;;) {
          const n = next instanceof Syntax && !isIdentifier(next) ? syntaxE(next) : next;
          if (!escaped && n instanceof Pair && isEllipsis(n.car)) {
            ellipses++;
            next = n.cdr;
          } else break;
        }
        const elemStx = elem instanceof Syntax ? elem : new Syntax(elem, shell.loc);
        const ee = syntaxE(elemStx);
        if (quasi && q === 0 && ee instanceof Pair && headIs(ee, 'unsyntax-splicing')) {
          const parts = syntaxList(elemStx);
          if (parts !== null && parts.length === 2) {
            slots.push({ kind: 'expr', e: parts[1], splice: true });
            items.push({
              t: { k: 'hole', slot: slots.length - 1, ctx: elemStx },
              levels: [],
              at: elemStx,
              elem: elemStx,
              source: elem,
              splice: true,
            });
            v = next;
            continue;
          }
        }
        const inner: Ref[] = [];
        const t = walkHead(elem, level + ellipses, q, escaped, inner);
        refs.push(...inner);
        const levels: number[][] = [];
        for (let j = 0; j < ellipses; j++) {
          const at = level + j;
          // A variable iterates at the innermost `depth` ellipses around it.
          const drivers = [...new Set(inner.filter((r) => r.level - r.depth <= at && r.depth > 0).map((r) => r.slot))];
          if (drivers.length === 0) error('too many ellipses in template', (next instanceof Syntax ? next : elemStx) as Syntax);
          levels.push(drivers);
        }
        items.push({ t, levels, at: shell, elem: elemStx, source: elem, splice: false });
        v = next;
      }
      // Unchanged when every part is the source's own syntax (an escaped `(... ...)` is not).
      const same = (t: Template, src: Value) => t.k === 'const' && t.v === src;
      if (items.every((i) => i.levels.length === 0 && !i.splice && same(i.t, i.source)) && (tail === null || same(tail, tailSource)))
        return { k: 'const', v: shell };
      return { k: 'list', shell, items, tail };
    };

    const root = pruned(walk(t, 0, 0, false, []), prune);
    return new SyntaxTemplate(ex, root, slots, firstRef);
  }

  /** Builds the syntax object from the slots' values; `loc`, if given, is the location of its outer layer (syntax/loc). */
  instantiate(args: readonly Value[], loc: SrcLoc | null = null): Syntax {
    const env = args.slice();
    const out = this.build(this.root, env);
    if (loc !== null && this.root.k !== 'slot' && this.root.k !== 'hole') return new Syntax(out.e, loc, out.scopes, out.props);
    return out;
  }

  private build(t: Template, env: Value[]): Syntax {
    switch (t.k) {
      case 'const':
        return t.v;
      case 'slot': {
        const v = env[t.slot];
        if (!(v instanceof Syntax)) this.nonSyntaxAttribute(t.slot, v);
        return v;
      }
      case 'hole':
        return toSyntax(env[t.slot], t.ctx);
      case 'list': {
        const parts: Value[] = [];
        for (const item of t.items) this.buildItem(item, env, parts);
        let out: Value = t.tail === null ? NULL : tailValue(this.build(t.tail, env));
        for (let i = parts.length - 1; i >= 0; i--) out = new Pair(parts[i], out);
        return new Syntax(out, t.shell.loc, t.shell.scopes, t.shell.props);
      }
      case 'vector': {
        const parts: Value[] = [];
        for (const item of t.items) this.buildItem(item, env, parts);
        return new Syntax(new RVector(parts, true), t.shell.loc, t.shell.scopes, t.shell.props);
      }
      case 'either':
        return this.build(t.slots.every((s) => env[s] !== false) ? t.first : t.second, env);
      case 'splice':
      case 'none':
        throw new Error('internal: a splicing template outside a list');
    }
  }

  /** Builds list element `t` into `out`: one syntax object, or a splice's elements, or nothing. */
  private buildInto(t: Template, env: Value[], out: Value[]): void {
    if (t.k === 'splice') {
      const list = this.build(t.t, env);
      out.push(...(syntaxList(list) ?? []));
    } else if (t.k === 'either') this.buildInto(t.slots.every((s) => env[s] !== false) ? t.first : t.second, env, out);
    else if (t.k !== 'none') out.push(this.build(t, env));
  }

  /** A pattern variable holding something other than syntax (an absent ~optional) used in a template. */
  private nonSyntaxAttribute(slot: number, v: Value): never {
    const s = this.slots[slot];
    const id = s.kind === 'var' ? s.pv : null;
    const name = id === null ? '?' : id.v.name;
    const ref = this.refs[slot];
    const msg = `${this.ex.locPrefix(ref?.loc ?? null)}${name}: attribute contains non-syntax value\n  value: ${writeString(v)}\n  in: ${name}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, ref ? new Pair(ref, NULL) : NULL));
  }

  private buildItem(item: Item, env: Value[], out: Value[]): void {
    if (item.splice) {
      const hole = item.t as { slot: number; ctx: Syntax };
      const v = env[hole.slot];
      const elems = spliceElements(v, hole.ctx);
      out.push(...elems);
      return;
    }
    if (item.levels.length === 0) {
      this.buildInto(item.t, env, out);
      return;
    }
    this.repeat(item, 0, env, out);
  }

  private repeat(item: Item, level: number, env: Value[], out: Value[]): void {
    const drivers = item.levels[level];
    let n = -1;
    for (const s of drivers) {
      const len = (env[s] as Value[]).length;
      if (n < 0) n = len;
      else if (len !== n) {
        const msg = `${this.ex.locPrefix(item.elem.loc)}syntax: incompatible ellipsis match counts for template\n  at: ...\n  in: ${writeString(syntaxToDatum(item.at))}`;
        throw new RacketThrow(makeExn(exnFailSyntaxT, msg, new Pair(item.elem, NULL)));
      }
    }
    for (let i = 0; i < n; i++) {
      const sub = env.slice();
      for (const s of drivers) sub[s] = (env[s] as Value[])[i];
      if (level + 1 < item.levels.length) this.repeat(item, level + 1, sub, out);
      else this.buildInto(item.t, sub, out);
    }
  }
}

/**
 * The template with `prune` applied to every piece of source syntax it
 * keeps: as `quote-syntax` does, templates drop the scopes of the local
 * binding forms around them.
 */
function pruned(t: Template, prune: (s: Syntax) => Syntax): Template {
  switch (t.k) {
    case 'const':
      return { k: 'const', v: prune(t.v) };
    case 'slot':
      return t;
    case 'hole':
      return { k: 'hole', slot: t.slot, ctx: prune(t.ctx) };
    case 'list':
      return {
        k: 'list',
        shell: prune(t.shell),
        items: t.items.map((i) => ({ ...i, t: pruned(i.t, prune) })),
        tail: t.tail === null ? null : pruned(t.tail, prune),
      };
    case 'vector':
      return { k: 'vector', shell: prune(t.shell), items: t.items.map((i) => ({ ...i, t: pruned(i.t, prune) })) };
    case 'either':
      return { k: 'either', first: pruned(t.first, prune), slots: t.slots, second: pruned(t.second, prune) };
    case 'splice':
      return { k: 'splice', t: pruned(t.t, prune) };
    case 'none':
      return t;
  }
}

/** A template's dotted tail: a syntax list's elements continue the list. */
function tailValue(s: Syntax): Value {
  const e = syntaxE(s);
  return e instanceof Pair || e === NULL ? e : s;
}

/** The value of an unsyntax expression as syntax: a datum gets the context of the template around it. */
function toSyntax(v: Value, ctx: Syntax): Syntax {
  return v instanceof Syntax ? v : datumToSyntax(ctx, v);
}

function spliceElements(v: Value, ctx: Syntax): Value[] {
  const items = syntaxList(v instanceof Syntax ? v : datumToSyntax(null, v));
  if (items === null) {
    const msg = `unsyntax-splicing: expected a list or syntax list, but given: ${writeString(syntaxToDatum(v))}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, new Pair(ctx, NULL)));
  }
  return items.map((i) => (i instanceof Syntax ? i : datumToSyntax(ctx, i)));
}

function listOf(items: readonly Value[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

/** The core expression reading pattern variable `pv`'s value. */
export function patternValue(ex: Expander, pv: PatternVariable): Core {
  return pv.ref !== null ? ex.expandExpr(pv.ref) : { t: 'lref', v: pv.v, loc: null };
}
