// The `for` family: for, for/list, for/fold, for/sum, for/product, for/and,
// for/or, for/first, for/last, for/vector, for/hash and their for* forms.
//
// Every form is a for/fold: accumulators threaded through nested named-let
// loops, one loop per group of clauses iterated in parallel. A sequence
// written as (in-range ...), (in-list ...), (in-vector ...) ... is iterated
// by direct code; any other value goes through the generic sequence
// primitives (prims/sequences.ts). #:break and #:final leave through an
// escape continuation around the whole iteration.

import { Flonum, Keyword, RString, listFromArray, sym } from '../values/types.js';
import { jsMacro, type Builder } from '../expand/build.js';
import type { Expander } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { sequenceClauseTransformer, splicingForClauseTransformer } from '../expand/transformers.js';
import { Syntax } from '../values/syntax.js';

/**
 * One `[ids seq]` clause, compiled to the pieces of Racket's `:do-in`
 * clause shape: bindings made once before the loop and a check run after
 * them, the loop variables with their first values, the guard on a
 * position, the bindings of an element (they bind the clause's ids), the
 * guards before and after the body, and the loop variables' next values.
 * A guard of null is always true.
 */
interface Iteration {
  outer: [Syntax[], Syntax][];
  outerCheck: Syntax | null;
  loopVars: [Syntax, Syntax][];
  posGuard: Syntax;
  inner: [Syntax[], Syntax][];
  preGuard: Syntax | null;
  postGuard: Syntax | null;
  loopArgs: Syntax[];
}

/** A clause walked by one position variable: setup bindings, the start, more?, the element(s) and the next position. */
function simpleIteration(it: {
  ids: Syntax[];
  setup: [Syntax, Syntax][];
  pos: Syntax;
  start: Syntax;
  more: Syntax;
  value: Syntax;
  next: Syntax;
}): Iteration {
  return {
    outer: it.setup.map(([t, e]) => [[t], e]),
    outerCheck: null,
    loopVars: [[it.pos, it.start]],
    posGuard: it.more,
    inner: [[it.ids, it.value]],
    preGuard: null,
    postGuard: null,
    loopArgs: [it.next],
  };
}

type Clause =
  | { kind: 'bind'; it: Iteration }
  | { kind: 'when' | 'unless' | 'break' | 'final'; expr: Syntax }
  | { kind: 'do'; forms: Syntax[] };

const KEYWORDS = new Set(['when', 'unless', 'break', 'final']);

function iteration(ids: Syntax[], seq: Syntax, ex: Expander, b: Builder, whole: Syntax): Iteration {
  const pos = b.temp('pos');
  const parts = syntaxList(seq);
  const head = parts && parts.length > 0 && isIdentifier(parts[0]) ? parts[0] : null;
  const is = (name: string) => head !== null && ex.isBase(head, name);
  if (head !== null) {
    const expanded = sequenceSyntaxClause(ids, seq, head, ex, b);
    if (expanded !== null) return iteration(expanded.ids, expanded.seq, ex, b, whole);
    if (is(':do-in')) return doIn(whole, b.list(b.list(...ids), seq), parts!, ex);
  }
  // A literal count is (in-range count).
  const literal = syntaxE(seq);
  if (ids.length === 1 && typeof literal === 'number' && Number.isInteger(literal) && literal >= 0) {
    return iteration(ids, b.list('in-range', seq), ex, b, whole);
  }
  if (ids.length === 1 && head !== null && is('in-range') && parts!.length >= 2 && parts!.length <= 4) {
    const [, a, c, d] = parts!;
    const start = b.temp('start');
    const end = b.temp('end');
    const step = b.temp('step');
    const setup: [Syntax, Syntax][] =
      parts!.length === 2
        ? [
            [start, b.datum(0)],
            [end, a],
            [step, b.datum(1)],
          ]
        : [
            [start, a],
            [end, c],
            [step, d ?? b.datum(1)],
          ];
    return simpleIteration({
      ids,
      setup: [...setup, [b.temp('check'), b.list(b.list('quote', b.datum(ex.rtPrim('check-range'))), start, end, step)]],
      pos,
      start,
      more: b.list('if', b.list('>=', step, b.datum(0)), b.list('<', pos, end), b.list('>', pos, end)),
      value: pos,
      next: b.list('+', pos, step),
    });
  }
  if (ids.length === 1 && is('in-naturals') && parts!.length <= 2) {
    const start = b.temp('start');
    return simpleIteration({
      ids,
      setup: [[start, b.list(b.list('quote', b.datum(ex.rtPrim('check-in-naturals'))), parts!.length === 2 ? parts![1] : b.datum(0))]],
      pos,
      start,
      more: b.datum(true),
      value: pos,
      next: b.list('add1', pos),
    });
  }
  if (ids.length === 1 && is('in-list') && parts!.length === 2) {
    const lst = b.temp('lst');
    return simpleIteration({
      ids,
      setup: [[lst, b.list(b.list('quote', b.datum(ex.rtPrim('check-in-list'))), parts![1])]],
      pos,
      start: lst,
      more: b.list('pair?', pos),
      value: b.list('car', pos),
      next: b.list('cdr', pos),
    });
  }
  if (ids.length === 1 && is('in-vector') && parts!.length === 2) {
    const vec = b.temp('vec');
    return simpleIteration({
      ids,
      setup: [[vec, b.list(b.list('quote', b.datum(ex.rtPrim('check-in-vector'))), parts![1])]],
      pos,
      start: b.datum(0),
      more: b.list('<', pos, b.list('vector-length', vec)),
      value: b.list('vector-ref', vec, pos),
      next: b.list('+', pos, b.datum(1)),
    });
  }
  const call = (prim: string, ...args: Syntax[]) => b.list(b.list('quote', b.datum(ex.rtPrim(prim))), ...args);
  if (ids.length === 1) {
    const kind =
      head === null || parts!.length !== 2
        ? null
        : ex.isLibraryBinding(head, 'racket/flonum', 'in-flvector')
          ? 'flvector'
          : ex.isLibraryBinding(head, 'racket/fixnum', 'in-fxvector')
            ? 'fxvector'
            : null;
    if (kind !== null) {
      // (in-flvector v), (in-fxvector v): walked by index, as in-vector is.
      const vec = b.temp('vec');
      return simpleIteration({
        ids,
        setup: [[vec, call(`check-in-${kind}`, parts![1])]],
        pos,
        start: b.datum(0),
        more: b.list('<', pos, call(`${kind}-length-of`, vec)),
        value: call(`${kind}-ref-at`, vec, pos),
        next: b.list('+', pos, b.datum(1)),
      });
    }
    return runtimeIteration(ids, seq, pos, call, b);
  }
  // Anything else: the generic sequence protocol.
  const s = b.temp('seq');
  const more = b.temp('more?');
  const value = b.temp('value');
  const next = b.temp('next');
  return simpleIteration({
    ids,
    setup: [
      [s, call('make-sequence', b.quote(listFromArray(ids.map((id) => idSym(id)))), seq)],
      [more, call('sequence-more-proc', s)],
      [value, call('sequence-value-proc', s)],
      [next, call('sequence-next-proc', s)],
    ],
    pos,
    start: b.list(call('sequence-start-proc', s)),
    more: b.list(more, pos),
    value: b.list(value, pos),
    next: b.list(next, pos),
  });
}

/**
 * One identifier over a value known only at run time: counts, vectors and
 * lists are iterated directly (the kind is found once, before the loop);
 * anything else goes through the generic sequence protocol.
 */
function runtimeIteration(
  ids: Syntax[],
  seq: Syntax,
  pos: Syntax,
  call: (prim: string, ...args: Syntax[]) => Syntax,
  b: Builder,
): Iteration {
  const [s, kind, gs, more, value, next] = [
    b.temp('seq'),
    b.temp('kind'),
    b.temp('generic'),
    b.temp('more?'),
    b.temp('value'),
    b.temp('next'),
  ];
  const is = (k: number) => b.list('eq?', kind, b.datum(k));
  const generic = (prim: string) => b.list('if', is(3), call(prim, gs), b.datum(false));
  return simpleIteration({
    ids,
    setup: [
      [s, seq],
      [kind, call('sequence-kind', s)],
      [gs, b.list('if', is(3), call('make-sequence', b.quote(listFromArray(ids.map((id) => idSym(id)))), s), b.datum(false))],
      [more, generic('sequence-more-proc')],
      [value, generic('sequence-value-proc')],
      [next, generic('sequence-next-proc')],
    ],
    pos,
    start: b.list('if', is(3), b.list(call('sequence-start-proc', gs)), b.list('if', is(2), s, b.datum(0))),
    more: b.list(
      'if',
      is(0),
      b.list('<', pos, s),
      b.list('if', is(1), b.list('<', pos, b.list('vector-length', s)), b.list('if', is(2), b.list('pair?', pos), b.list(more, pos))),
    ),
    value: b.list(
      'if',
      is(0),
      pos,
      b.list('if', is(1), b.list('vector-ref', s, pos), b.list('if', is(2), b.list('car', pos), b.list(value, pos))),
    ),
    next: b.list('if', is(2), b.list('cdr', pos), b.list('if', is(3), b.list(next, pos), b.list('+', pos, b.datum(1)))),
  });
}

/**
 * A clause whose sequence is a use of a `define-sequence-syntax` name: the
 * clause its clause transformer makes of `[(id ...) (name . rest)]`, or
 * null when there is no such name or the transformer answers #f (then the
 * use is an expression, for the name's expression transformer).
 */
function sequenceSyntaxClause(ids: Syntax[], seq: Syntax, head: Syntax, ex: Expander, b: Builder): { ids: Syntax[]; seq: Syntax } | null {
  const m = ex.resolve(head);
  const xformer = m !== null && m.kind === 'syntax' ? sequenceClauseTransformer(m.value) : null;
  if (xformer === null) return null;
  const clause = b.list(b.list(...ids), seq);
  const out = ex.applyTransformerValue(xformer, clause);
  if (out === false) return null;
  const parts = out instanceof Syntax ? syntaxList(out) : null;
  const newIds = parts !== null && parts.length === 2 ? syntaxList(parts[0]) : null;
  if (parts === null || newIds === null || !newIds.every(isIdentifier))
    ex.syntaxError(idSym(head).name, 'bad sequence binding clause', clause, out instanceof Syntax ? out : undefined);
  return { ids: newIds, seq: parts[1] };
}

/**
 * `[(id ...) (:do-in ([(outer-id ...) outer-expr] ...) outer-check
 * ([loop-id loop-expr] ...) pos-guard ([(inner-id ...) inner-expr] ...)
 * pre-guard post-guard (loop-arg ...))]`: the loop pieces as written.
 */
function doIn(whole: Syntax, clause: Syntax, parts: Syntax[], ex: Expander): Iteration {
  const bad = (): never => ex.syntaxError(formName(whole), 'bad :do-in clause', whole, clause);
  if (parts.length !== 9) bad();
  const [, outerStx, outerCheck, loopStx, posGuard, innerStx, preGuard, postGuard, argsStx] = parts;
  const valuesBindings = (stx: Syntax): [Syntax[], Syntax][] =>
    (syntaxList(stx) ?? bad()).map((bind) => {
      const bp = syntaxList(bind);
      const vars = bp !== null && bp.length === 2 ? syntaxList(bp[0]) : null;
      if (bp === null || vars === null || !vars.every(isIdentifier)) return bad();
      return [vars, bp[1]];
    });
  const loopVars = (syntaxList(loopStx) ?? bad()).map((bind): [Syntax, Syntax] => {
    const bp = syntaxList(bind);
    if (bp === null || bp.length !== 2 || !isIdentifier(bp[0])) return bad();
    return [bp[0], bp[1]];
  });
  return {
    outer: valuesBindings(outerStx),
    outerCheck,
    loopVars,
    posGuard,
    inner: valuesBindings(innerStx),
    preGuard,
    postGuard,
    loopArgs: syntaxList(argsStx) ?? bad(),
  };
}

/** `#:splice (id . rest)`: the clauses a define-splicing-for-clause-syntax transformer makes of the form. */
function splicedClauses(stx: Syntax, form: Syntax, ex: Expander): Syntax[] {
  const head = syntaxList(form)?.[0];
  const m = head !== undefined && isIdentifier(head) ? ex.resolve(head) : null;
  const xformer = m !== null && m.kind === 'syntax' ? splicingForClauseTransformer(m.value) : null;
  if (xformer === null) return ex.syntaxError(formName(stx), 'not a splicing for-clause form', stx, form);
  const out = ex.applyTransformerValue(xformer, form);
  const clauses = out instanceof Syntax ? syntaxList(out) : null;
  if (clauses === null) return ex.syntaxError(formName(stx), 'expansion is not a sequence', stx, form);
  return clauses;
}

function parseClauses(stx: Syntax, clausesStx: Syntax, ex: Expander, b: Builder): Clause[] {
  const given = syntaxList(clausesStx);
  if (given === null) ex.syntaxError(formName(stx), 'bad sequence binding clauses', stx, clausesStx);
  const items = [...given];
  const out: Clause[] = [];
  for (let i = 0; i < items.length; i++) {
    const d = syntaxE(items[i]);
    if (d instanceof Keyword && d.name === 'splice' && i + 1 < items.length) {
      // The spliced clauses, then a nesting boundary, as Racket's `#:when #t`.
      items.splice(i, 2, ...splicedClauses(stx, items[i + 1], ex), b.keyword('when'), b.datum(true));
      i--;
      continue;
    }
    if (d instanceof Keyword && d.name === 'do' && i + 1 < items.length) {
      // #:do [form ...]: definitions and expressions in scope for the clauses and body after them.
      const forms = syntaxList(items[i + 1]);
      if (forms === null) ex.syntaxError(formName(stx), 'expected parenthesized sequence after `#:do`', stx, items[i + 1]);
      out.push({ kind: 'do', forms });
      i++;
      continue;
    }
    if (d instanceof Keyword && KEYWORDS.has(d.name)) {
      if (i + 1 >= items.length) ex.syntaxError(formName(stx), 'bad sequence binding clause', stx, items[i]);
      out.push({ kind: d.name as 'when', expr: items[++i] });
      continue;
    }
    const cp = syntaxList(items[i]);
    if (cp === null || cp.length !== 2) ex.syntaxError(formName(stx), 'bad sequence binding clause', stx, items[i]);
    const ids = isIdentifier(cp[0]) ? [cp[0]] : syntaxList(cp[0]);
    if (ids === null || !ids.every(isIdentifier)) ex.syntaxError(formName(stx), 'bad sequence binding clause', stx, items[i]);
    out.push({ kind: 'bind', it: iteration(ids, cp[1], ex, b, stx) });
  }
  return out;
}

function formName(stx: Syntax): string {
  const h = syntaxList(stx)?.[0];
  return h && isIdentifier(h) ? idSym(h).name : '?';
}

/**
 * Builds the loops: `accs` are the accumulator identifiers, `body` makes
 * the new accumulator values from the current ones, `brk` is the escape
 * identifier (#:break, #:final).
 */
function loops(clauses: Clause[], star: boolean, accs: Syntax[], body: Syntax, brk: Syntax, b: Builder, fin: Syntax | null = null): Syntax {
  // Without accumulators (`for`), an iteration's result is not needed: no zero-value let-values per step.
  const done = () => (accs.length === 0 ? b.list('void') : b.list('values', ...accs));
  const gen = (i: number): Syntax => {
    if (i >= clauses.length) return body;
    const c = clauses[i];
    if (c.kind === 'when') return b.list('if', c.expr, gen(i + 1), done());
    if (c.kind === 'unless') return b.list('if', c.expr, done(), gen(i + 1));
    if (c.kind === 'do') return b.list('let', b.list(), ...c.forms, gen(i + 1));
    if (c.kind === 'break') return b.list('if', c.expr, b.list(brk, ...accs), gen(i + 1));
    if (c.kind === 'final') {
      // Run the rest of this iteration, then stop with its results.
      const fin = b.temp('final');
      const news = accs.map(() => b.temp('acc'));
      return b.list(
        'let-values',
        b.list(b.list(b.list(fin), c.expr)),
        b.list(
          'let-values',
          b.list(b.list(b.list(...news), gen(i + 1))),
          b.list('if', fin, b.list(brk, ...news), b.list('values', ...news)),
        ),
      );
    }
    // A group: this binding clause and, in `for`, the binding clauses right after it.
    const group = [(c as { it: Iteration }).it];
    let j = i + 1;
    while (!star && j < clauses.length && clauses[j].kind === 'bind') group.push((clauses[j++] as { it: Iteration }).it);
    const loop = b.temp('loop');
    const all = (guards: (Syntax | null)[]): Syntax | null => {
      const gs = guards.filter((g): g is Syntax => g !== null);
      return gs.length === 0 ? null : gs.length === 1 ? gs[0] : b.list('and', ...gs);
    };
    const more = all(group.map((g) => g.posGuard)) ?? b.datum(true);
    const pre = all(group.map((g) => g.preGuard));
    const post = all(group.map((g) => g.postGuard));
    const news = accs.map(() => b.temp('acc'));
    const bindElems = b.list(...group.flatMap((g) => g.inner.map(([ids, e]) => b.list(b.list(...ids), e))));
    // A post-guard that fails ends this loop after the iteration; a body's #:final stops the whole iteration.
    const again = b.list(loop, ...news, ...group.flatMap((g) => g.loopArgs));
    const next = post === null ? again : b.list('if', post, again, news.length === 0 ? b.list('void') : b.list('values', ...news));
    const step = fin === null ? next : b.list('if', fin, b.list(brk, ...news), next);
    const bodyStep =
      news.length === 0 ? b.list('begin', gen(j), step) : b.list('let-values', b.list(b.list(b.list(...news), gen(j))), step);
    const inner = b.list('let-values', bindElems, pre === null ? bodyStep : b.list('if', pre, bodyStep, done()));
    const loopForm = b.list(
      'let',
      loop,
      b.list(...accs.map((a) => b.list(a, a)), ...group.flatMap((g) => g.loopVars.map(([v, init]) => b.list(v, init)))),
      b.list('if', more, inner, done()),
    );
    const setups = group.flatMap((g) => g.outer);
    const checks = group.flatMap((g) => (g.outerCheck === null ? [] : [g.outerCheck]));
    if (setups.length === 0 && checks.length === 0) return loopForm;
    // One variable each (every built-in clause): let*, the shape these loops have always had.
    if (setups.every(([ids]) => ids.length === 1))
      return b.list('let*', b.list(...setups.map(([[id], e]) => b.list(id, e))), ...checks, loopForm);
    return b.list('let*-values', b.list(...setups.map(([ids, e]) => b.list(b.list(...ids), e))), ...checks, loopForm);
  };
  return gen(0);
}

/** What a body's #:break and #:final need: the accumulators, the escape, and the flag #:final sets. */
interface BodyContext {
  readonly accs: Syntax[];
  readonly brk: Syntax;
  readonly fin: Syntax;
  usesFinal: boolean;
}

/** A for body: `forms` as one internal-definition context, or, split by #:break and #:final, nested ones. */
type Body = (ctx: BodyContext) => Syntax;

function bodyOfForms(forms: Syntax[], b: Builder): Body {
  const letBody = (fs: Syntax[]) => b.listTail(['let-values', b.list()], listFromArray(fs.length === 0 ? [b.list('void')] : fs));
  const isGuard = (f: Syntax) => {
    const e = syntaxE(f);
    return e instanceof Keyword && (e.name === 'break' || e.name === 'final');
  };
  if (!forms.some(isGuard)) return () => letBody(forms);
  return (ctx) => {
    const segments: Syntax[][] = [[]];
    const guards: { final: boolean; expr: Syntax }[] = [];
    for (let i = 0; i < forms.length; i++) {
      if (isGuard(forms[i]) && i + 1 < forms.length) {
        guards.push({ final: (syntaxE(forms[i]) as Keyword).name === 'final', expr: forms[++i] });
        segments.push([]);
      } else segments[segments.length - 1].push(forms[i]);
    }
    let out = letBody(segments[segments.length - 1]);
    for (let k = guards.length - 1; k >= 0; k--) {
      const g = guards[k];
      if (g.final) ctx.usesFinal = true;
      // #:break leaves with the results so far; #:final finishes this iteration first.
      const guarded = g.final
        ? b.list('begin', b.list('if', g.expr, b.list('set!', ctx.fin, b.datum(true)), b.list('void')), out)
        : b.list('if', g.expr, b.list(ctx.brk, ...ctx.accs), out);
      out = letBody([...segments[k], guarded]);
    }
    return out;
  };
}

/** (for/fold ([acc init] ...) (clause ...) body ...+), the form everything else becomes. */
function forFold(
  stx: Syntax,
  star: boolean,
  accInits: [Syntax, Syntax][],
  clausesStx: Syntax,
  bodyOf: (accs: Syntax[], brk: Syntax, ctx: BodyContext) => Syntax,
  finish: (result: Syntax) => Syntax,
  ex: Expander,
  b: Builder,
): Syntax {
  const clauses = parseClauses(stx, clausesStx, ex, b);
  const accs = accInits.map(([a]) => a);
  const brk = b.temp('break');
  const ctx: BodyContext = { accs, brk, fin: b.temp('final'), usesFinal: false };
  const body = bodyOf(accs, brk, ctx);
  const loop = loops(clauses, star, accs, body, brk, b, ctx.usesFinal ? ctx.fin : null);
  const run = b.list(
    'let-values',
    b.list(...accInits.map(([a, init]) => b.list(b.list(a), init))),
    ctx.usesFinal ? b.list('let-values', b.list(b.list(b.list(ctx.fin), b.datum(false))), loop) : loop,
  );
  return finish(b.list('call/ec', b.list('lambda', b.list(brk), run)));
}

type Variant =
  | 'for'
  | 'list'
  | 'fold'
  | 'foldr'
  | 'lists'
  | 'sum'
  | 'product'
  | 'and'
  | 'or'
  | 'first'
  | 'last'
  | 'vector'
  | 'hash'
  | 'hasheq'
  | 'hasheqv'
  | 'hashalw';

/** `[id init]` accumulator clauses; Racket names the clauses from the first bad one on. */
function accumulators(name: string, stx: Syntax, specs: Syntax[], ex: Expander, b: Builder): [Syntax, Syntax][] {
  return specs.map((s, i) => {
    const sp = syntaxList(s);
    if (sp === null || sp.length !== 2 || !isIdentifier(sp[0]))
      ex.syntaxError(name, 'invalid accumulator binding clause(s)', stx, b.list(...specs.slice(i)));
    return [sp[0], sp[1]];
  });
}

/** Splits `#:result expr` off the end of an accumulator list. */
function splitResult(name: string, stx: Syntax, specsStx: Syntax, ex: Expander): { specs: Syntax[]; result: Syntax | null } {
  const specs = syntaxList(specsStx);
  if (specs === null) ex.syntaxError(name, 'bad syntax (accumulators)', stx, specsStx);
  const at = specs.findIndex((s) => syntaxE(s) instanceof Keyword && (syntaxE(s) as Keyword).name === 'result');
  if (at < 0) return { specs: [...specs], result: null };
  if (at !== specs.length - 2) ex.syntaxError(name, 'bad syntax (#:result must come last, with one expression)', stx, specsStx);
  return { specs: specs.slice(0, at), result: specs[at + 1] };
}

/**
 * for/foldr: the iteration collects one procedure per element (closing over
 * the element's variables) and then applies them from the last element back
 * to the first, so each body sees the fold of the elements after it — the
 * order in which Racket runs the bodies.
 */
function forFoldr(stx: Syntax, star: boolean, p: Syntax[], ex: Expander, b: Builder): Syntax {
  const name = formName(stx);
  const { specs, result } = splitResult(name, stx, p[1], ex);
  const accInits = accumulators(name, stx, specs, ex, b);
  const accs = accInits.map(([a]) => a);
  const steps = b.temp('steps');
  const loop = b.temp('loop');
  // The body runs after the loop (the steps are applied in reverse), so it takes no #:break or #:final.
  const body = b.listTail(['let-values', b.list()], listFromArray(p.slice(3)));
  const done = result === null ? b.list('values', ...accs) : result;
  const unwind = (collected: Syntax) =>
    b.list(
      'let',
      loop,
      b.list(b.list(steps, collected), ...accInits.map(([a, init]) => b.list(a, init))),
      b.list(
        'if',
        b.list('null?', steps),
        done,
        b.list(
          'let-values',
          b.list(b.list(b.list(...accs), b.list(b.list('car', steps), ...accs))),
          b.list(loop, b.list('cdr', steps), ...accs),
        ),
      ),
    );
  return forFold(
    stx,
    star,
    [[steps, b.quote(NULL_)]],
    p[2],
    () => b.list('cons', b.list('lambda', b.list(...accs), body), steps),
    unwind,
    ex,
    b,
  );
}

/** (for/lists (id ... [#:result expr]) clauses body ...): one list per value of the body. */
function forLists(stx: Syntax, star: boolean, p: Syntax[], ex: Expander, b: Builder): Syntax {
  const name = formName(stx);
  const { specs: ids, result } = splitResult(name, stx, p[1], ex);
  if (!ids.every(isIdentifier)) ex.syntaxError(name, 'bad syntax (list identifiers)', stx, p[1]);
  const vals = ids.map(() => b.temp('v'));
  const body = bodyOfForms(p.slice(3), b);
  const step = (ctx: BodyContext) =>
    b.list('let-values', b.list(b.list(b.list(...vals), body(ctx))), b.list('values', ...ids.map((id, i) => b.list('cons', vals[i], id))));
  const finish = (r: Syntax) =>
    b.list(
      'let-values',
      b.list(b.list(b.list(...ids), r)),
      b.list('let', b.list(...ids.map((id) => b.list(id, b.list('reverse', id)))), result === null ? b.list('values', ...ids) : result),
    );
  return forFold(
    stx,
    star,
    ids.map((id) => [id, b.quote(NULL_)] as [Syntax, Syntax]),
    p[2],
    (_accs, _brk, ctx) => step(ctx),
    finish,
    ex,
    b,
  );
}

export function forMacro(variant: Variant, star: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = syntaxList(stx);
    if (p === null) return ex.badSyntax(stx);
    return expandFor(variant, star, stx, p, ex, b);
  };
}

// for/fold/derived, for*/fold/derived, for/foldr/derived and
// for*/foldr/derived: `(for/fold/derived orig-datum accumulators clauses
// body ...)` is the for/fold form, with errors reported as orig-datum's.
export function forDerivedMacro(variant: 'fold' | 'foldr', star: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = syntaxList(stx);
    if (p === null || p.length < 2) return ex.badSyntax(stx);
    return expandFor(variant, star, p[1], [p[0], ...p.slice(2)], ex, b);
  };
}

/** A for form: `p` its parts (the head first), `stx` the form errors name. */
function expandFor(variant: Variant, star: boolean, stx: Syntax, p: Syntax[], ex: Expander, b: Builder): Syntax {
  {
    const name = formName(stx);
    if (variant === 'fold') {
      if (p.length < 4) ex.syntaxError(name, 'bad syntax', stx);
      const accSpecs = syntaxList(p[1]);
      if (accSpecs === null) ex.syntaxError(name, 'bad syntax (accumulators)', stx, p[1]);
      // `#:result expr` computes the result from the final accumulators.
      let result: Syntax | null = null;
      const specs = [...accSpecs];
      const at = specs.findIndex((s) => syntaxE(s) instanceof Keyword && (syntaxE(s) as Keyword).name === 'result');
      if (at >= 0) {
        if (at !== specs.length - 2) ex.syntaxError(name, 'bad syntax (#:result must come last, with one expression)', stx, p[1]);
        result = specs[at + 1];
        specs.length = at;
      }
      const accInits = accumulators(name, stx, specs, ex, b);
      const finish = (r: Syntax) =>
        result === null ? r : b.list('let-values', b.list(b.list(b.list(...accInits.map(([a]) => a)), r)), result);
      const body = bodyOfForms(p.slice(3), b);
      return forFold(stx, star, accInits, p[2], (_accs, _brk, ctx) => body(ctx), finish, ex, b);
    }
    if (variant === 'foldr' || variant === 'lists') {
      if (p.length < 4) ex.syntaxError(name, 'bad syntax', stx);
      return variant === 'foldr' ? forFoldr(stx, star, p, ex, b) : forLists(stx, star, p, ex, b);
    }
    if (variant === 'vector' && p.length > 2 && syntaxE(p[1]) instanceof Keyword) return forVectorOfLength(stx, star, p, ex, b);
    if (p.length < 3) ex.syntaxError(name, 'bad syntax', stx);
    const clauses = p[1];
    const body = bodyOfForms(p.slice(2), b);
    const acc = b.temp('acc');
    const v = b.temp('v');
    const fold = (
      init: Syntax,
      step: (accs: Syntax[], brk: Syntax, ctx: BodyContext) => Syntax,
      finish: (r: Syntax) => Syntax = (r) => r,
    ) => forFold(stx, star, [[acc, init]], clauses, step, finish, ex, b);
    switch (variant) {
      case 'for':
        return forFold(
          stx,
          star,
          [],
          clauses,
          (_a, _b, ctx) => body(ctx),
          (r) => b.list('begin', r, b.list('void')),
          ex,
          b,
        );
      case 'list':
        return fold(
          b.quote(NULL_),
          (_a, _b, ctx) => b.list('cons', body(ctx), acc),
          (r) => b.list('reverse', r),
        );
      case 'vector':
        return fold(
          b.quote(NULL_),
          (_a, _b, ctx) => b.list('cons', body(ctx), acc),
          (r) => b.list('list->vector', b.list('reverse', r)),
        );
      case 'sum':
        return fold(b.datum(0), (_a, _b, ctx) => b.list('+', acc, body(ctx)));
      case 'product':
        return fold(b.datum(1), (_a, _b, ctx) => b.list('*', acc, body(ctx)));
      case 'last':
        return fold(b.datum(false), (_a, _b, ctx) => body(ctx));
      case 'and':
        return fold(b.datum(true), (_a, brk, ctx) =>
          b.list('let-values', b.list(b.list(b.list(v), body(ctx))), b.list('if', v, v, b.list(brk, b.datum(false)))),
        );
      case 'or':
        return fold(b.datum(false), (_a, brk, ctx) =>
          b.list('let-values', b.list(b.list(b.list(v), body(ctx))), b.list('if', v, b.list(brk, v), b.datum(false))),
        );
      case 'first':
        return fold(b.datum(false), (_a, brk, ctx) => b.list(brk, body(ctx)));
      case 'hash':
      case 'hasheq':
      case 'hasheqv':
      case 'hashalw': {
        const k = b.temp('k');
        return fold(b.list(variant), (_a, _b, ctx) =>
          b.list('let-values', b.list(b.list(b.list(k, v), body(ctx))), b.list('hash-set', acc, k, v)),
        );
      }
    }
  }
}

import { NULL as NULL_ } from '../values/types.js';

/** How a `for/vector #:length` form makes its vector and fills one slot. */
interface VectorKind {
  fill(b: Builder): Syntax;
  make(b: Builder, ex: Expander, len: Syntax, fill: Syntax, name: string): Syntax;
  set(b: Builder, ex: Expander, vec: Syntax, k: Syntax, x: Syntax): Syntax;
}

const PLAIN_VECTOR: VectorKind = {
  fill: (b) => b.datum(0),
  make: (b, _ex, len, fill) => b.list('make-vector', len, fill),
  set: (b, _ex, vec, k, x) => b.list('vector-set!', vec, k, x),
};

/**
 * `(for/vector #:length n [#:fill v] (clause ...) body ...+)`: a vector of
 * length n (filled with v, 0 by default), filled from the start; the
 * iteration stops once it is full.
 */
function forVectorOfLength(stx: Syntax, star: boolean, p: Syntax[], ex: Expander, b: Builder, kind: VectorKind = PLAIN_VECTOR): Syntax {
  const name = formName(stx);
  let length: Syntax | null = null;
  let fill: Syntax = kind.fill(b);
  let i = 1;
  for (; i + 1 < p.length && syntaxE(p[i]) instanceof Keyword; i += 2) {
    const k = (syntaxE(p[i]) as Keyword).name;
    if (k === 'length' && length === null) length = p[i + 1];
    else if (k === 'fill') fill = p[i + 1];
    else ex.syntaxError(name, 'bad syntax', stx);
  }
  if (length === null || p.length < i + 2) ex.syntaxError(name, 'bad syntax', stx);
  const [len, vec, k] = [b.temp('len'), b.temp('vec'), b.temp('k')];
  const check = b.list(
    'unless',
    b.list('exact-nonnegative-integer?', len),
    b.list('raise-argument-error', b.quote(sym(name)), b.datum(new RString('exact-nonnegative-integer?', true)), len),
  );
  const loop = b.list(
    star ? 'for*/fold' : 'for/fold',
    b.list(b.list(k, b.datum(0))),
    p[i],
    kind.set(b, ex, vec, k, b.listTail(['let-values', b.list()], listFromArray(p.slice(i + 1)))),
    b.keyword('final'),
    b.list('=', b.list('add1', k), len),
    b.list('add1', k),
  );
  return b.list(
    'let-values',
    b.list(b.list(b.list(len), length!)),
    check,
    b.list(
      'let-values',
      b.list(b.list(b.list(vec), kind.make(b, ex, len, fill, name))),
      b.list('if', b.list('zero?', len), vec, b.list('begin', loop, vec)),
    ),
  );
}

// ---------------------------------------------------------------- racket/set

/**
 * for/set, for/seteq, for/mutable-set, ... and their for* forms: the body's
 * values go into a fresh mutable set (runtime helpers in prims/sets.ts),
 * frozen at the end unless the form makes a mutable set.
 */
function forSetMacro(kind: 'equal' | 'eqv' | 'eq' | 'equal-always', shape: 'set' | 'mutable-set' | 'weak-set', star: boolean) {
  const mutable = shape !== 'set';
  const builder = shape === 'weak-set' ? 'weak-set-builder' : 'set-builder';
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = syntaxList(stx);
    if (p === null) return ex.badSyntax(stx);
    if (p.length < 3) ex.syntaxError(formName(stx), 'bad syntax', stx);
    const helper = (name: string) => b.list('quote', b.datum(ex.rtPrim(name)));
    const acc = b.temp('acc');
    const body = b.listTail(['let-values', b.list()], listFromArray(p.slice(2)));
    return forFold(
      stx,
      star,
      [[acc, b.list(helper(builder), b.quote(symbol(kind)))]],
      p[1],
      () => b.list(helper('set-builder-add'), acc, body),
      (r) => b.list(helper('set-builder-finish'), r, b.datum(mutable)),
      ex,
      b,
    );
  };
}

/** The racket/set `for` forms, as [name, meaning]. */
export function setForForms(): [string, Meaning][] {
  const out: [string, Meaning][] = [];
  for (const [suffix, kind] of [
    ['', 'equal'],
    ['eqv', 'eqv'],
    ['eq', 'eq'],
    ['alw', 'equal-always'],
  ] as const) {
    for (const shape of ['set', 'mutable-set', 'weak-set'] as const) {
      for (const star of [false, true]) {
        const name = `for${star ? '*' : ''}/${shape}${suffix}`;
        const f = forSetMacro(kind, shape, star);
        out.push([name, jsMacro(name, f)]);
      }
    }
  }
  return out;
}

import { sym as symbol } from '../values/types.js';
import type { Meaning } from '../expand/expander.js';

// ---------------------------------------------------------------- for-clause extensions

/** `(define-sequence-syntax id expr-transformer clause-transformer)`. */
function defineSequenceSyntax(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length !== 4 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('define-syntaxes', b.list(p[1]), b.list(b.quote(ex.rtPrim('make-sequence-transformer')), p[2], p[3]));
}

/** `(define-splicing-for-clause-syntax id transformer)`: a form used as `#:splice (id . rest)` among for clauses. */
function defineSplicingForClauseSyntax(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length !== 3 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('define-syntaxes', b.list(p[1]), b.list(b.quote(ex.rtPrim('make-splicing-for-clause-transformer')), p[2]));
}

/** `:do-in` is only a for clause's sequence. */
function doInMacro(stx: Syntax, ex: Expander): Syntax {
  return ex.syntaxError(':do-in', 'illegal outside of a loop or comprehension binding', stx);
}

/** The for-clause extension forms, as [name, meaning]. */
export function forClauseForms(): [string, Meaning][] {
  return [
    ['define-sequence-syntax', jsMacro('define-sequence-syntax', defineSequenceSyntax)],
    ['define-splicing-for-clause-syntax', jsMacro('define-splicing-for-clause-syntax', defineSplicingForClauseSyntax)],
    [':do-in', jsMacro(':do-in', doInMacro)],
  ];
}

// ---------------------------------------------------------------- racket/flonum, racket/fixnum

/**
 * for/flvector, for/fxvector and their for* forms. Without #:length the
 * body's values are checked and collected as they come, then made into the
 * vector; with it, the vector is made first and filled in place (runtime
 * helpers in prims/flonums.ts and prims/fixnums.ts).
 */
function forNumericVectorMacro(prefix: 'fl' | 'fx', star: boolean) {
  const helper = (b: Builder, ex: Expander, name: string) => b.list('quote', b.datum(ex.rtPrim(`${prefix}vector-${name}`)));
  const kind: VectorKind = {
    fill: (b) => b.datum(prefix === 'fl' ? new Flonum(0) : 0),
    make: (b, ex, len, fill, name) => b.list(helper(b, ex, 'make'), len, fill, b.quote(symbol(name))),
    set: (b, ex, vec, k, x) => b.list(helper(b, ex, 'fill!'), vec, k, x),
  };
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = syntaxList(stx);
    if (p === null) return ex.badSyntax(stx);
    if (p.length > 2 && syntaxE(p[1]) instanceof Keyword) return forVectorOfLength(stx, star, p, ex, b, kind);
    if (p.length < 3) ex.syntaxError(formName(stx), 'bad syntax', stx);
    const acc = b.temp('acc');
    const body = bodyOfForms(p.slice(2), b);
    const who = b.quote(symbol(formName(stx)));
    return forFold(
      stx,
      star,
      [[acc, b.quote(NULL_)]],
      p[1],
      (_a, _b, ctx) => b.list(helper(b, ex, 'collect'), acc, body(ctx), who),
      (r) => b.list(helper(b, ex, 'collected'), r),
      ex,
      b,
    );
  };
}

/** The for forms of racket/flonum and racket/fixnum, as [library, name, meaning]. */
export function numericVectorForForms(): [string, string, Meaning][] {
  const out: [string, string, Meaning][] = [];
  for (const [prefix, lib] of [
    ['fl', 'racket/flonum'],
    ['fx', 'racket/fixnum'],
  ] as const) {
    for (const star of [false, true]) {
      const name = `for${star ? '*' : ''}/${prefix}vector`;
      out.push([lib, name, jsMacro(name, forNumericVectorMacro(prefix, star))]);
    }
  }
  return out;
}
