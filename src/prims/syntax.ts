// Syntax objects and the expander's run-time interface (The Racket
// Reference §12: syntax objects, identifiers, transformers and
// `syntax-local-*`), and the run-time half of `syntax-case` and templates.

import { argError, notExpanding } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import type { Expander } from '../expand/expander.js';
import { isLocationless } from '../expand/expander.js';
import { LocalVar } from '../expand/core.js';
import { localExpand, type ExpansionContext } from '../expand/local-expand.js';
import { datumToSyntax, flipScope, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import type { SyntaxPattern } from '../expand/syntax-pattern.js';
import { ParseFailures, SyntaxClassDef, type SyntaxParsePattern } from '../expand/syntax-parse-pattern.js';
import type { SyntaxTemplate } from '../expand/syntax-template.js';
import {
  ExpandedSyntax,
  LiberalDefineContext,
  MatchExpander,
  PatternVariable,
  RenameTransformer,
  SetTransformer,
  StructInfo,
  SyntaxParameter,
  propStructAutoInfo,
  propStructFieldInfo,
  propStructInfo,
  structInfoSource,
  structInfoT,
} from '../expand/transformers.js';
import { runningMachine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { StructInstance, type StructProperty } from '../values/struct.js';
import type { Machine } from '../eval/machine.js';
import { printString, writeString } from '../printer/print.js';
import { RPath } from '../values/path.js';
import { Scope, type SrcLoc, Syntax, lineColumnString } from '../values/syntax.js';
import {
  MultipleValues,
  NULL,
  VOID,
  Pair,
  RString,
  RVector,
  Sym,
  isList,
  listFromArray,
  listToArray,
  sym,
  uninternedSym,
  type Value,
} from '../values/types.js';
import { checkProcedure, checkString, isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';
import { installSyntaxIntroducers, introducer } from './syntax-introducers.js';
import { installSyntaxLifts } from './syntax-lifts.js';
import { installSyntaxExpansion } from './syntax-expansion.js';
import { installSyntaxBindings } from './syntax-bindings.js';
import { contextList, installDefinitionContexts } from './definition-contexts.js';
import { InternalDefinitionContext } from '../expand/definition-contexts.js';

function checkSyntax(who: string, v: Value): Syntax {
  if (!(v instanceof Syntax)) return argError(who, 'syntax?', v);
  return v;
}

function checkIdentifier(who: string, v: Value, pos?: number, args?: Value[]): Syntax {
  if (!isIdentifier(v)) return argError(who, 'identifier?', v, pos, args);
  return v;
}

/** The expander of the runtime `m` runs in. */
function expander(m: Machine): Expander {
  return m.rt.ex;
}

/** The macro application being expanded, or a contract error naming `who`. */
function transforming(m: Machine, who: string) {
  const frames = expander(m).transformers;
  if (frames.length === 0) throw new RacketThrow(makeExn(exnFailContractT, `${who}: not currently transforming`));
  return frames[frames.length - 1];
}

/** A source location given to datum->syntax: a syntax object, a list or vector of five, or #f. */
function srclocOf(v: Value): SrcLoc | null {
  if (v instanceof Syntax) return v.loc;
  const parts = v instanceof RVector ? v.items : v instanceof Pair ? listToArray(v) : null;
  if (parts === null || parts.length !== 5) return null;
  const [source, line, column, position, span] = parts;
  const src =
    source instanceof RString
      ? source.s
      : source instanceof Sym
        ? source.name
        : source instanceof RPath
          ? source.path
          : printString(source);
  const num = (x: Value) => (typeof x === 'number' ? x : 0);
  const orNull = (x: Value) => (typeof x === 'number' ? x : null);
  const loc = { source: src, line: orNull(line), column: orNull(column), position: num(position), span: num(span) };
  return source instanceof RPath ? loc : { ...loc, sourceValue: source };
}

/** The name a syntax error is reported under when raise-syntax-error is given #f: the form's keyword, or `?`. */
function formName(expr: Value): string {
  if (isIdentifier(expr)) return idSym(expr).name;
  const items = expr instanceof Syntax ? syntaxList(expr) : null;
  const head = items?.[0];
  return head && isIdentifier(head) ? idSym(head).name : '?';
}

/** `raise-syntax-error`'s message: `where: name: message`, then `at:` the sub-form and `in:` the form. */
export function raiseSyntaxError(ex: Expander, name: string | null, message: string, expr: Value, sub: Value, suffix = ''): never {
  const who = name ?? formName(expr);
  const asSyntax = (v: Value) => (v instanceof Syntax ? v : datumToSyntax(null, v));
  const exprStx = expr === false || expr === undefined ? null : asSyntax(expr);
  const subStx = sub === false || sub === undefined ? null : asSyntax(sub);
  const loc = subStx?.loc ?? exprStx?.loc ?? null;
  let msg = `${ex.locPrefix(loc)}${who}: ${message}`;
  if (subStx !== null) msg += `\n  at: ${writeString(syntaxToDatum(subStx))}`;
  if (exprStx !== null) msg += `\n  in: ${writeString(syntaxToDatum(exprStx))}`;
  msg += suffix;
  const exprs = subStx !== null ? [subStx] : exprStx !== null ? [exprStx] : [];
  throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listFromArray(exprs)));
}

function sameScopes(a: Syntax, b: Syntax): boolean {
  return a.scopes.length === b.scopes.length && a.scopes.every((s, i) => s === b.scopes[i]);
}

export function installSyntax(t: PrimTable): void {
  // ------------------------------------------------------------ syntax objects
  t.fn('syntax?', 1, 1, (v) => v instanceof Syntax);
  t.fn('identifier?', 1, 1, (v) => isIdentifier(v));
  t.fn('syntax-e', 1, 1, (s) => syntaxE(checkSyntax('syntax-e', s)));
  t.fn('syntax->datum', 1, 1, (s) => syntaxToDatum(checkSyntax('syntax->datum', s)));
  t.fn('syntax->list', 1, 1, (s) => {
    const items = syntaxList(checkSyntax('syntax->list', s));
    return items === null ? false : listFromArray(items);
  });
  t.fn('datum->syntax', 2, 5, (ctx: Value, v: Value, loc: Value = false, props: Value = false) => {
    if (ctx !== false && !(ctx instanceof Syntax)) return argError('datum->syntax', '(or/c #f syntax?)', ctx);
    const out = datumToSyntax(ctx === false ? null : ctx, v, loc === false ? null : srclocOf(loc));
    if (props instanceof Syntax && props.props !== null && out !== v) out.props = new Map(props.props);
    return out;
  });
  const located = (name: string, field: keyof SrcLoc) =>
    t.fn(name, 1, 1, (s) => {
      const loc = checkSyntax(name, s).loc;
      // A source given as a value (read-syntax's or datum->syntax's) is the source, whatever its name.
      if (loc !== null && field === 'source' && loc.sourceValue !== undefined) return loc.sourceValue;
      if (loc === null || (field === 'source' && isLocationless(loc))) return false;
      // A file's syntax has its path as its source; datum->syntax keeps the source it was given.
      if (field === 'source')
        return loc.sourceValue ?? (loc.source.startsWith('/') ? new RPath(loc.source) : new RString(loc.source, true));
      const v = loc[field];
      if (v === null) return false;
      return typeof v === 'string' ? new RString(v, true) : v;
    });
  located('syntax-source', 'source');
  located('syntax-line', 'line');
  located('syntax-column', 'column');
  located('syntax-position', 'position');
  located('syntax-span', 'span');
  t.fn('syntax-original?', 1, 1, (s) => {
    const stx = checkSyntax('syntax-original?', s);
    return stx.loc !== null && !stx.scopes.some((sc) => sc.kind === 'macro');
  });
  t.fn('syntax-property', 2, 4, (s: Value, key: Value, value?: Value, preserved: Value = false) => {
    const stx = checkSyntax('syntax-property', s);
    if (value === undefined) {
      const v = stx.props?.get(propKey(key));
      return v === undefined ? false : v;
    }
    if (preserved !== false && !(key instanceof Sym && key.interned)) {
      const msg = `syntax-property: key for a preserved property must be an interned symbol\n  given key: ${printString(key)}\n  given value: ${printString(value)}`;
      throw new RacketThrow(makeExn(exnFailContractT, msg));
    }
    const out = new Syntax(stx.e, stx.loc, stx.scopes, new Map(stx.props ?? []));
    out.pending = stx.pending;
    out.props!.set(propKey(key), value);
    const kept = preservedKeys(stx);
    if (preserved !== false || kept.has(propKey(key))) {
      const next = new Set(kept);
      if (preserved !== false) next.add(propKey(key));
      else next.delete(propKey(key));
      out.props!.set(PRESERVED, next as unknown as Value);
    }
    return out;
  });
  t.fn('syntax-property-preserved?', 2, 2, (s: Value, key: Value) => {
    const stx = checkSyntax('syntax-property-preserved?', s);
    if (!(key instanceof Sym && key.interned)) return argError('syntax-property-preserved?', '(and/c symbol? symbol-interned?)', key);
    return preservedKeys(stx).has(key.name);
  });
  t.fn('syntax-property-remove', 2, 2, (s: Value, key: Value) => {
    const stx = checkSyntax('syntax-property-remove', s);
    if (stx.props === null || !stx.props.has(propKey(key))) return stx;
    const props = new Map(stx.props);
    props.delete(propKey(key));
    const out = new Syntax(stx.e, stx.loc, stx.scopes, props.size === 0 ? null : props);
    out.pending = stx.pending;
    return out;
  });
  t.fn('syntax-property-symbol-keys', 1, 1, (s) => {
    const props = checkSyntax('syntax-property-symbol-keys', s).props;
    return listFromArray(props === null ? [] : [...props.keys()].filter((k) => typeof k === 'string').map((k) => sym(k)));
  });
  // Certificates and taints are gone from Racket's model of hygiene here: arming is the identity.
  const arming: [string, number, number][] = [
    ['syntax-arm', 1, 3],
    ['syntax-disarm', 2, 2],
    ['syntax-rearm', 2, 3],
    ['syntax-taint', 1, 1],
  ];
  for (const [name, min, max] of arming) {
    t.fn(name, min, max, (s: Value, from?: Value) => {
      if (name === 'syntax-rearm') checkSyntax(name, from);
      return checkSyntax(name, s);
    });
  }
  t.fn('syntax-tainted?', 1, 1, (s) => {
    checkSyntax('syntax-tainted?', s);
    return false;
  });
  t.fn('syntax-track-origin', 3, 3, (s: Value) => checkSyntax('syntax-track-origin', s));

  // ------------------------------------------------------------ identifiers
  t.fn('free-identifier=?', 2, 4, function (this: Machine, a: Value, b: Value) {
    return expander(this).freeIdentifierEq(
      checkIdentifier('free-identifier=?', a, 0, [a, b]),
      checkIdentifier('free-identifier=?', b, 1, [a, b]),
    );
  });
  for (const name of ['free-transformer-identifier=?', 'free-template-identifier=?', 'free-label-identifier=?']) {
    t.fn(name, 2, 2, function (this: Machine, a: Value, b: Value) {
      return expander(this).freeIdentifierEq(checkIdentifier(name, a, 0, [a, b]), checkIdentifier(name, b, 1, [a, b]));
    });
  }
  t.fn('bound-identifier=?', 2, 3, (a: Value, b: Value) => {
    const x = checkIdentifier('bound-identifier=?', a, 0, [a, b]);
    const y = checkIdentifier('bound-identifier=?', b, 1, [a, b]);
    return idSym(x) === idSym(y) && sameScopes(x, y);
  });
  t.fn('check-duplicate-identifier', 1, 1, (l: Value) => {
    const ids = listToArray(l);
    ids.forEach((id, i) => checkIdentifier('check-duplicate-identifier', id, 0, [l]) && i);
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = ids[i] as Syntax;
        const b = ids[j] as Syntax;
        if (idSym(a) === idSym(b) && sameScopes(a, b)) return a;
      }
    }
    return false;
  });
  t.fn('generate-temporaries', 1, 1, function (this: Machine, l: Value) {
    const items = l instanceof Syntax ? syntaxList(l) : listToArray(l);
    if (items === null) return argError('generate-temporaries', '(or/c list? syntax->list)', l);
    const scope = new Scope('temporaries');
    return listFromArray(
      items.map((item) => {
        const d = item instanceof Syntax ? syntaxE(item) : item;
        const base = d instanceof Sym ? d.name : d instanceof RString ? d.s : 'temp';
        return new Syntax(sym(`${base}${this.rt.nextGensym()}`), null, [scope]);
      }),
    );
  });
  // ------------------------------------------------------------ errors
  t.fn(
    'raise-syntax-error',
    2,
    6,
    function (
      this: Machine,
      name: Value,
      message: Value,
      expr: Value = false,
      sub: Value = false,
      _extra: Value = NULL,
      suffix: Value = '',
    ) {
      if (name !== false && !(name instanceof Sym)) return argError('raise-syntax-error', '(or/c symbol? #f)', name, 0, [name, message]);
      const msg = checkString('raise-syntax-error', message).s;
      const tail = suffix instanceof RString ? suffix.s : '';
      return raiseSyntaxError(expander(this), name === false ? null : name.name, msg, expr, sub, tail);
    },
  );

  // ------------------------------------------------------------ transformers
  t.fn('make-rename-transformer', 1, 1, (id: Value) => new RenameTransformer(checkIdentifier('make-rename-transformer', id)));
  t.fn('rename-transformer?', 1, 1, (v) => v instanceof RenameTransformer);
  t.fn('rename-transformer-target', 1, 1, (v) => {
    if (!(v instanceof RenameTransformer)) return argError('rename-transformer-target', 'rename-transformer?', v);
    return v.target;
  });
  t.fn('make-set!-transformer', 1, 1, (p: Value) => new SetTransformer(checkProcedure('make-set!-transformer', p)));
  t.fn('set!-transformer?', 1, 1, (v) => v instanceof SetTransformer);
  t.fn('set!-transformer-procedure', 1, 1, (v) => {
    if (!(v instanceof SetTransformer)) return argError('set!-transformer-procedure', 'set!-transformer?', v);
    return v.proc;
  });

  // ------------------------------------------------------------ the expansion in progress
  t.machine('syntax-local-value', 1, 3, (m, args) => {
    const id = checkIdentifier('syntax-local-value', args[1], 0, args.slice(1));
    const failure = args[2] ?? false;
    if (failure !== false) checkProcedure('syntax-local-value', failure);
    const ex = expander(m);
    if (ex.transformers.length === 0 && ex.phase === 0 && !expanding(ex)) {
      throw new RacketThrow(makeExn(exnFailContractT, 'syntax-local-value: not currently transforming'));
    }
    // A rename transformer's target stands for it. The identifier is seen as the expander sees it.
    const meaning = ex.resolveThroughRenames(asExpanderSees(ex, id));
    if (meaning !== null && meaning.kind === 'syntax') return m.returnValue(meaning.value);
    if (failure !== false) return m.applyArray(failure, []);
    const msg = `syntax-local-value: unbound identifier\n  identifier: ${writeString(syntaxToDatum(id))}`;
    throw new RacketThrow(makeExn(exnFailContractT, msg));
  });
  t.machine('syntax-local-value/immediate', 1, 3, (m, args) => {
    const id = checkIdentifier('syntax-local-value/immediate', args[1], 0, args.slice(1));
    const failure = args[2] ?? false;
    if (failure !== false) checkProcedure('syntax-local-value/immediate', failure);
    const ex = expander(m);
    const meaning = ex.resolve(asExpanderSees(ex, id));
    if (meaning !== null && meaning.kind === 'syntax') {
      const target = ex.renameTarget(meaning.value);
      return m.returnValue(new MultipleValues([meaning.value, target ?? false]));
    }
    if (failure !== false) return m.applyArray(failure, []);
    throw new RacketThrow(
      makeExn(exnFailContractT, `syntax-local-value/immediate: unbound identifier\n  identifier: ${writeString(syntaxToDatum(id))}`),
    );
  });
  t.fn('syntax-local-introduce', 1, 1, function (this: Machine, s: Value) {
    const stx = checkSyntax('syntax-local-introduce', s);
    return flipScope(stx, transforming(this, 'syntax-local-introduce').intro);
  });
  t.fn('make-syntax-introducer', 0, 1, () => introducer('do-make-syntax-introducer', [new Scope('introducer')], 'flip'));
  t.fn('syntax-local-context', 0, 0, function (this: Machine) {
    const c = transforming(this, 'syntax-local-context').context;
    return c === 'internal-definition' ? listFromArray([new LiberalDefineContext()]) : sym(c);
  });
  t.fn('syntax-local-name', 0, 0, function (this: Machine) {
    const n = transforming(this, 'syntax-local-name').name;
    return n === null ? false : sym(n);
  });
  t.fn('syntax-local-phase-level', 0, 0, function (this: Machine) {
    return expander(this).phase;
  });
  t.fn('syntax-transforming?', 0, 0, function (this: Machine) {
    return expander(this).transformers.length > 0;
  });
  t.fn('syntax-local-identifier-as-binding', 1, 2, function (this: Machine, s: Value, ctx: Value = false) {
    const id = checkIdentifier('syntax-local-identifier-as-binding', s);
    if (ctx !== false && !(ctx instanceof InternalDefinitionContext))
      return argError('syntax-local-identifier-as-binding', 'internal-definition-context?', ctx);
    // Without the use-site scopes of the context's expansions, as a definition there binds it.
    const frame = ctx === false ? expander(this).frame : ctx.frame;
    return frame === null ? id : frame.binder(id);
  });
  t.fn('syntax-shift-phase-level', 2, 2, (s: Value) => checkSyntax('syntax-shift-phase-level', s));

  // ------------------------------------------------------------ local expansion and lifting
  const localExpanding = (m: Machine, who: string, args: Value[]): Syntax => {
    if (expander(m).transformers.length === 0) notExpanding(who);
    const [s, context, stops] = args;
    const stx = s instanceof Syntax ? s : datumToSyntax(null, s);
    const where = expansionContext(context);
    if (where === null) return argError(who, "(or/c 'expression 'top-level 'module 'module-begin list?)", context);
    const stopIds = stops === false ? null : stops instanceof Pair || stops === NULL ? listToArray(stops) : null;
    if ((stops !== false && stopIds === null) || (stopIds !== null && !stopIds.every(isIdentifier)))
      return argError(who, '(or/c (listof identifier?) #f)', stops);
    if (args.length > 3 && args[3] !== false && contextList(args[3]) === null)
      return argError(who, '(or/c internal-definition-context? (listof internal-definition-context?) #f)', args[3]);
    return stx;
  };
  /** Expands as the macro's own input is expanded: the introduction scope flipped in and out. */
  const expandLocally = (m: Machine, args: Value[], stx: Syntax): Syntax => {
    const ex = expander(m);
    const frame = transforming(m, 'local-expand');
    const stops = args[2] === false ? null : (listToArray(args[2]) as Syntax[]);
    const context = expansionContext(args[1])!;
    // In a definition context, what is expanded and what results get its inside-edge scope, and its use-site scopes are recorded there.
    const contexts = args.length > 3 && args[3] !== false ? contextList(args[3])! : [];
    const inside = (s: Syntax) => contexts.reduce((acc, c) => c.insideOf(acc), s);
    const run = () => localExpand(ex, flipScope(inside(stx), frame.intro), context, stops === null || stops.length === 0 ? null : stops);
    const out = args[3] instanceof InternalDefinitionContext ? ex.inDefinitionContext(args[3].frame, run) : run();
    return inside(flipScope(out, frame.intro));
  };
  t.fn('local-expand', 3, 4, function (this: Machine, ...args: Value[]) {
    return expandLocally(this, args, localExpanding(this, 'local-expand', args));
  });
  /** Expands with the lifts it makes captured as definitions around the result, in a `begin`. */
  const captureLifts = (m: Machine, args: Value[], stx: Syntax): Syntax => {
    const ex = expander(m);
    const lifted: { ids: Syntax[]; rhs: Syntax }[] = [];
    // The lifted identifiers are bound only for this expansion; the `define-values` forms bind them for real.
    const target = {
      phase: ex.phase,
      lift: (ids: Syntax[], rhs: Syntax) => {
        for (const id of ids) ex.bindLocal(id);
        lifted.push({ ids, rhs });
      },
    };
    const out = ex.withLiftTarget(target, () => expandLocally(m, args, stx));
    const intro = transforming(m, 'local-expand/capture-lifts').intro;
    const base = (name: string) => ex.baseId(name, stx.loc);
    const defs = lifted.map((l) => datumToSyntax(null, listFromArray([base('define-values'), listFromArray(l.ids), l.rhs]), stx.loc));
    return new Syntax(listFromArray([base('begin'), ...defs.map((d) => flipScope(d, intro)), out]), stx.loc, out.scopes);
  };
  t.fn('local-expand/capture-lifts', 3, 5, function (this: Machine, ...args: Value[]) {
    return captureLifts(this, args, localExpanding(this, 'local-expand/capture-lifts', args));
  });
  // The same at the phase above: for transformer expressions a macro expands itself.
  t.fn('local-transformer-expand', 3, 4, function (this: Machine, ...args: Value[]) {
    const stx = localExpanding(this, 'local-transformer-expand', args);
    return expander(this).atNextPhase(() => expandLocally(this, args, stx));
  });
  t.fn('local-transformer-expand/capture-lifts', 3, 5, function (this: Machine, ...args: Value[]) {
    const stx = localExpanding(this, 'local-transformer-expand/capture-lifts', args);
    return expander(this).atNextPhase(() => captureLifts(this, args, stx));
  });
  t.valuesFn('syntax-local-expand-expression', 1, 2, function (this: Machine, s: Value, opaqueOnly: Value = false) {
    const stx = localExpanding(this, 'syntax-local-expand-expression', [s, sym('expression'), NULL]);
    const expanded = expandLocally(this, [stx, sym('expression'), NULL], stx);
    const opaque = new Syntax(
      new ExpandedSyntax(flipScope(expanded, transforming(this, 'syntax-local-expand-expression').intro)),
      stx.loc,
      expanded.scopes,
    );
    return new MultipleValues([opaqueOnly === false ? expanded : false, opaque]);
  });
  const lift = (m: Machine, who: string, n: number, s: Value): Syntax[] => {
    const frame = transforming(m, who);
    const stx = checkSyntax(who, s);
    return expander(m)
      .lift(who, n, flipScope(stx, frame.intro))
      .map((id) => flipScope(id, frame.intro));
  };
  t.fn('syntax-local-lift-expression', 1, 1, function (this: Machine, s: Value) {
    return lift(this, 'syntax-local-lift-expression', 1, s)[0];
  });
  t.fn('syntax-local-lift-values-expression', 2, 2, function (this: Machine, n: Value, s: Value) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      return argError('syntax-local-lift-values-expression', 'exact-nonnegative-integer?', n, 0, [n, s]);
    return listFromArray(lift(this, 'syntax-local-lift-values-expression', n, s));
  });

  // racket/syntax's syntax-local-eval: expands and runs an expression at the phase above the expansion.
  t.internalFn('syntax-local-eval', 1, 1, function (this: Machine, s: Value) {
    return expander(this).runForSyntax(checkSyntax('syntax-local-eval', s), null);
  });

  // ------------------------------------------------------------ syntax parameters (racket/stxparam)
  t.internalFn('make-syntax-parameter', 1, 1, (v: Value) => new SyntaxParameter(v));
  t.in('racket/stxparam#for-syntax', () => {
    t.fn('syntax-parameter-value', 1, 1, function (this: Machine, id: Value) {
      const ex = expander(this);
      const m = ex.resolve(checkIdentifier('syntax-parameter-value', id));
      if (m === null || m.kind !== 'syntax' || !(m.value instanceof SyntaxParameter))
        return argError('syntax-parameter-value', 'syntax-parameter?', id);
      const current = ex.syntaxParameterMeaning(m.value);
      return current.kind === 'syntax' ? current.value : false;
    });
    t.fn(
      'make-parameter-rename-transformer',
      1,
      1,
      (id: Value) => new RenameTransformer(checkIdentifier('make-parameter-rename-transformer', id)),
    );
  });

  // define-match-expander's compile-time value.
  t.internalFn('make-match-expander', 2, 2, (pattern: Value, expression: Value) => {
    checkProcedure('define-match-expander', pattern);
    return new MatchExpander(pattern, expression === false ? null : expression);
  });

  // ------------------------------------------------------------ syntax-parse at run time
  t.internalFn('make-parse-failures', 0, 0, () => new ParseFailures());
  t.internalFn(
    'syntax-parse-match',
    4,
    -1,
    function (this: Machine, p: SyntaxParsePattern, input: Value, failures: ParseFailures, base: number[], ...parsers: Value[]) {
      // A user syntax class's parser is Racket code, run to completion for each term it parses.
      const ex = expander(this);
      return p.match(input, failures, base, parsers, (proc, args) => ex.compileTime!.apply(proc, args)) ?? false;
    },
  );
  t.internalFn('syntax-class-values', 0, -1, (...values: Value[]) => values);
  t.internalFn(
    'make-syntax-class',
    8,
    8,
    (name: Sym, description: Value, attrs: Value, depths: Value, parser: Syntax, splicing: Value, arity: Value, describer: Value) =>
      new SyntaxClassDef(
        name.name,
        description instanceof RString ? description.s : null,
        listToArray(attrs).map((a) => (a as Sym).name),
        listToArray(depths) as number[],
        parser,
        splicing === true,
        arity as number,
        describer instanceof Syntax ? describer : null,
      ),
  );
  // #:attr [name depth] expr: the list value as nested arrays, as ellipsis matches are held.
  t.internalFn('syntax-attribute-value', 2, 2, (v: Value, depth: number) => {
    const nest = (x: Value, d: number): Value => {
      if (d === 0 || x === false) return x;
      const items = x instanceof Syntax ? syntaxList(x) : x instanceof Pair || x === NULL ? listToArray(x) : null;
      if (items === null) throw new RacketThrow(makeExn(exnFailContractT, `attribute: value is not a list of depth ${d}`));
      return items.map((i) => nest(i, d - 1));
    };
    return nest(v, depth);
  });
  // this-syntax outside of syntax-parse: the default transformer of its syntax parameter.
  t.internalFn('this-syntax-out-of-context', 1, 1, function (this: Machine, stx: Value) {
    return raiseSyntaxError(expander(this), 'this-syntax', 'used out of context: not within a syntax class', stx, false);
  });
  // define/syntax-parse's compile-time value: a pattern variable whose value a definition holds.
  t.internalFn(
    'make-pattern-variable',
    2,
    2,
    (ref: Syntax, depth: Value) => new PatternVariable(new LocalVar(idSym(ref).name), depth as number, ref),
  );
  t.internalFn('syntax-parse-note', 4, 4, (failures: ParseFailures, base: number[], message: Value, value: Value) => {
    failures.all.push({
      progress: base,
      message: message instanceof RString ? message.s : 'bad syntax',
      at: message === false ? undefined : value instanceof Syntax ? value : null,
      within: null,
    });
    return VOID;
  });
  t.internalFn('syntax-parse-fail', 2, 2, function (this: Machine, failures: ParseFailures, context: Value) {
    const whole = context instanceof Syntax ? context : datumToSyntax(null, context);
    const best = failures.best();
    const who = formName(whole);
    // syntax-parse names the source by its full path, unlike the expander's own errors.
    const loc = whole.loc;
    const where = loc !== null && !isLocationless(loc) ? `${lineColumnString(loc.source, loc)}: ` : '';
    let msg = `${where}${who}: ${best === null ? 'bad syntax' : best.message}`;
    if (best !== null && best.at !== undefined) msg += `\n  at: ${writeString(syntaxToDatum(best.at === null ? whole : best.at))}`;
    if (best !== null && best.within !== null) msg += `\n  within: ${writeString(syntaxToDatum(best.within))}`;
    msg += `\n  in: ${writeString(syntaxToDatum(whole))}`;
    if (best?.contexts !== undefined && best.contexts.length > 0) {
      msg += '\n  parsing context: ';
      for (const c of best.contexts) {
        if (c.term === undefined) {
          msg += `\n   while parsing ${c.description}`;
          continue;
        }
        const t = c.term instanceof Syntax ? c.term : datumToSyntax(null, c.term);
        msg += `\n   while parsing ${c.description}\n    term: ${writeString(syntaxToDatum(t))}`;
        if (t.loc !== null && !isLocationless(t.loc)) msg += `\n    location: ${lineColumnString(t.loc.source, t.loc)}`;
      }
    }
    // The location shown is the term's, where it has one.
    const term = best?.at instanceof Syntax && best.at.loc !== null ? best.at : whole;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listFromArray([term])));
  });

  // ------------------------------------------------------------ struct info
  t.internalFn(
    'make-struct-info',
    11,
    11,
    (
      name: Sym,
      self: Syntax,
      type: Syntax,
      ctor: Syntax,
      pred: Syntax,
      fieldNames: Value,
      accessors: Syntax,
      mutators: Syntax,
      parent: StructInfo | false,
      nameIsCtor: boolean,
      extra: Syntax,
    ) => {
      const own = listToArray(fieldNames).map((f, i) => ({ name: (f as Sym).name, accessor: syntaxList(accessors)![i], owner: name.name }));
      const muts = syntaxList(mutators)!.map((m) => (isIdentifier(m) ? m : null));
      const inherited = parent === false ? [] : parent.fields;
      return new StructInfo(
        name.name,
        self,
        type,
        ctor,
        pred,
        [...inherited, ...own],
        muts,
        parent === false ? null : parent,
        parent === false ? false : parent.type,
        nameIsCtor,
        syntaxList(extra)!,
      );
    },
  );
  t.in('racket/struct-info', () => {
    const isInfoList = (v: Value): boolean => {
      if (!isList(v)) return false;
      const l = listToArray(v);
      const idOrFalse = (x: Value) => x === false || isIdentifier(x);
      const idsEndingFalse = (x: Value) =>
        isList(x) && listToArray(x).every((e, i, all) => isIdentifier(e) || (e === false && i === all.length - 1));
      return (
        l.length === 6 &&
        idOrFalse(l[0]) &&
        idOrFalse(l[1]) &&
        idOrFalse(l[2]) &&
        idsEndingFalse(l[3]) &&
        isList(l[4]) &&
        listToArray(l[4]).every(idOrFalse) &&
        (l[5] === true || idOrFalse(l[5]))
      );
    };
    const callRacket = (f: Value, args: Value[]): Value => {
      const m = runningMachine();
      return m === null ? notExpanding('extract-struct-info') : applyNested(m, f, args);
    };
    t.fn('struct-info?', 1, 1, (v) => v instanceof StructInfo || structInfoSource(v) !== null || isInfoList(v));
    t.fn('checked-struct-info?', 1, 1, (v) => v instanceof StructInfo);
    t.fn('make-struct-info', 1, 1, (thunk) => {
      if (!isProcedure(thunk) || !arityIncludes(thunk, 0)) return argError('make-struct-info', '(procedure-arity-includes/c 0)', thunk);
      return new StructInstance(structInfoT, [thunk]);
    });
    t.value('struct:struct-info', structInfoT);
    t.value('prop:struct-info', propStructInfo);
    t.value('prop:struct-auto-info', propStructAutoInfo);
    t.value('prop:struct-field-info', propStructFieldInfo);
    const propOf = (v: Value, p: StructProperty) => (v instanceof StructInstance ? v.type.prop(p) : undefined);
    t.fn('struct-auto-info?', 1, 1, (v) => v instanceof StructInfo || propOf(v, propStructAutoInfo) !== undefined);
    t.fn('struct-auto-info-lists', 1, 1, (v) => {
      // A struct form's own information: rkt's structs name no #:auto fields here.
      if (v instanceof StructInfo) return listFromArray([NULL, NULL]);
      const p = propOf(v, propStructAutoInfo);
      return p === undefined ? argError('struct-auto-info-lists', 'struct-auto-info?', v) : callRacket(p, [v]);
    });
    t.fn('struct-field-info?', 1, 1, (v) => v instanceof StructInfo || propOf(v, propStructFieldInfo) !== undefined);
    t.fn('struct-field-info-list', 1, 1, (v) => {
      // The struct's own field names, last first.
      if (v instanceof StructInfo) return listFromArray(v.ownFields.map((f) => sym(f.name)).reverse());
      const p = propOf(v, propStructFieldInfo);
      return p === undefined ? argError('struct-field-info-list', 'struct-field-info?', v) : callRacket(p, [v]);
    });
    t.fn('extract-struct-info', 1, 1, (v) => {
      const src = structInfoSource(v);
      if (src !== null) return callRacket(src.proc, src.args);
      if (isInfoList(v)) return v;
      if (!(v instanceof StructInfo)) return argError('extract-struct-info', 'struct-info?', v);
      // Accessors and mutators last field first, as Racket lists them.
      const accessors = v.fields.map((f) => f.accessor).reverse();
      const own = v.ownFields.length;
      const mutators = [
        ...(v.parent === null ? [] : v.parent.fields.map(() => false)),
        ...v.mutators.slice(0, own).map((m) => m ?? false),
      ].reverse();
      return listFromArray([
        v.type,
        v.nameIsConstructor ? v.self : v.ctor,
        v.pred,
        listFromArray(accessors),
        listFromArray(mutators),
        v.parent === null ? true : v.parent.self,
      ]);
    });
  });

  // ------------------------------------------------------------ syntax-case and templates at run time
  t.internalFn('syntax-case-match', 4, 4, function (this: Machine, p: SyntaxPattern, input: Value, context: Syntax, compare: Value) {
    // syntax-case*: the comparison procedure is Racket code, run to completion for each literal.
    const ex = expander(this);
    const cmp = compare === false ? null : (a: Syntax, b: Syntax) => ex.compileTime!.apply(compare, [a, b]) !== false;
    return p.match(input, context, cmp) ?? false;
  });
  t.internalFn('syntax-match-ref', 2, 2, (m: Value[], i: number) => m[i]);
  t.internalFn('syntax-case-fail', 1, 1, function (this: Machine, input: Value) {
    return raiseSyntaxError(expander(this), null, 'bad syntax', input, false);
  });
  t.internalFn('syntax-template', 1, -1, (tmpl: SyntaxTemplate, ...args: Value[]) => tmpl.instantiate(args));
  installSyntaxIntroducers(t);
  installSyntaxExpansion(t);
  installSyntaxBindings(t);
  installDefinitionContexts(t);
  installSyntaxLifts(t);
  t.internalFn('syntax-template/loc', 2, -1, (tmpl: SyntaxTemplate, loc: Value, ...args: Value[]) =>
    tmpl.instantiate(args, loc instanceof Syntax ? loc.loc : null),
  );
}

/** Where a syntax object's properties record which keys are preserved (a key no program can make). */
const PRESERVED: Value = uninternedSym('preserved');

function preservedKeys(stx: Syntax): Set<string | Value> {
  const kept = stx.props?.get(PRESERVED);
  return kept === undefined ? new Set() : (kept as unknown as Set<string | Value>);
}

/** Property keys: symbols by name (so that the reader's `paren-shape` is the same key), anything else by identity. */
function propKey(key: Value): string | Value {
  return key instanceof Sym ? key.name : key;
}

/** Whether the expander is at work (a begin-for-syntax body runs with no macro application in progress). */
/** local-expand's context argument, or null when it is not one. */
function expansionContext(v: Value): ExpansionContext | null {
  if (v instanceof Pair) return 'internal-definition';
  if (!(v instanceof Sym)) return null;
  if (v.name === 'module-begin') return 'module';
  return v.name === 'expression' || v.name === 'top-level' || v.name === 'module' ? v.name : null;
}

/** `id` from the transformer being run, as the expander sees it: with the transformer's introduction scope flipped. */
function asExpanderSees(ex: Expander, id: Syntax): Syntax {
  const frames = ex.transformers;
  return frames.length === 0 ? id : flipScope(id, frames[frames.length - 1].intro);
}

function expanding(ex: Expander): boolean {
  return ex.phase > 0;
}
