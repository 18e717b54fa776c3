// The expander: syntax objects in, core language out.
//
// Expressions are expanded by resolving the head identifier: a core form is
// handled here, a macro is applied (with a fresh macro-introduction scope
// flipped on its input and output, which is what makes it hygienic) and the
// result expanded again, anything else is an application. Bodies are internal
// definition contexts: forms are partially expanded to find definitions
// first, then everything is expanded with all of the body's names bound.

import { LocalVar, type TopVar, type Core, type CoreBinding, type CoreLambda } from './core.js';
import { RacketThrow, makeExn, exnFailSyntaxT, exnFailSyntaxUnboundT } from '../errors/exn.js';
import { writeString } from '../printer/print.js';
import { Keyword, NULL, Pair, Sym, VOID, sym, type Value } from '../values/types.js';
import { Scope, Syntax, type SrcLoc } from '../values/syntax.js';
import { BindingTable } from './bindings.js';
import { addScope, flipScope, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';

export type MacroTransformer = (stx: Syntax, ex: Expander) => Syntax;
export type CoreFormHandler = (stx: Syntax, ex: Expander) => Core;

/** What an identifier means: resolved through the binding table (bindings.ts). */
export type Meaning =
  | { kind: 'local'; v: LocalVar }
  | { kind: 'top'; v: TopVar; imported: boolean }
  | { kind: 'core'; name: string; expand: CoreFormHandler }
  | { kind: 'macro'; name: string; transform: MacroTransformer };

/** Where definitions go and what an unbound identifier means. */
export interface DefinitionContext {
  /** Creates the variable for a module-level or top-level definition. */
  defineTop(id: Syntax): TopVar;
  /** For an identifier with no binding: a variable (top level) or an error (module). */
  unbound(id: Syntax): Core;
  readonly name: string;
}

export class Expander {
  readonly table = new BindingTable<Meaning>();
  /** The scope all racket/base bindings are made with; macros build identifiers with it. */
  readonly baseScope = new Scope('racket/base');
  /** Names bound at `baseScope`, for the module system's export tables. */
  ctx: DefinitionContext | null = null;
  private gensymCounter = 0;
  /** The directory error locations are shown relative to. */
  cwd = '/';

  locPrefix(loc: SrcLoc | null): string {
    return loc && !isLocationless(loc) ? formatLoc(loc, this.cwd) + ': ' : '';
  }

  // ---------------------------------------------------------------- identifiers

  /** An identifier that means what `name` means in racket/base, wherever it is used. */
  baseId(name: string, loc: SrcLoc | null = null): Syntax {
    return new Syntax(sym(name), loc, [this.baseScope]);
  }

  resolve(id: Syntax): Meaning | null {
    const m = this.table.resolve(idSym(id).name, id.scopes);
    if (m !== null && m.kind === 'top' && m.v.lazy !== null) m.v.force();
    return m;
  }

  /** `free-identifier=?`: same binding, or both unbound with the same name. */
  freeIdentifierEq(a: Syntax, b: Syntax): boolean {
    const ma = this.resolve(a);
    const mb = this.resolve(b);
    if (ma === null || mb === null) return ma === mb && idSym(a) === idSym(b);
    return sameMeaning(ma, mb);
  }

  /** Whether `id` means the racket/base binding `name` (for literals like `else` and `=>`). */
  isBase(id: Value, name: string): boolean {
    if (!isIdentifier(id)) return false;
    const m = this.resolve(id);
    const b = this.table.resolve(name, [this.baseScope]);
    return m !== null && b !== null && sameMeaning(m, b);
  }

  fresh(name: string): string {
    return `${name}${++this.gensymCounter}`;
  }

  // ---------------------------------------------------------------- errors

  syntaxError(form: string, message: string, stx: Syntax, sub?: Syntax): never {
    const at = sub ? `\n  at: ${writeString(syntaxToDatum(sub))}` : '';
    const where = this.locPrefix(sub?.loc ?? stx.loc);
    const msg = `${where}${form}: ${message}${at}\n  in: ${writeString(syntaxToDatum(stx))}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf(sub ? [sub, stx] : [stx])));
  }

  badSyntax(stx: Syntax): never {
    const head = syntaxList(stx)?.[0];
    const name = head && isIdentifier(head) ? idSym(head).name : '?';
    this.syntaxError(name, 'bad syntax', stx);
  }

  unboundError(id: Syntax): never {
    const name = idSym(id).name;
    const msg = `${this.locPrefix(id.loc)}${name}: unbound identifier\n  in: ${name}`;
    throw new RacketThrow(makeExn(exnFailSyntaxUnboundT, msg, listOf([id])));
  }

  // ---------------------------------------------------------------- macros

  /** The introduction scope of the macro being applied, if any. */
  currentIntro: Scope | null = null;

  applyMacro(transform: MacroTransformer, stx: Syntax): Syntax {
    const intro = new Scope('macro');
    const saved = this.currentIntro;
    this.currentIntro = intro;
    try {
      const out = transform(flipScope(stx, intro), this);
      return flipScope(out, intro);
    } finally {
      this.currentIntro = saved;
    }
  }

  /** Expands macro uses at the head of `stx` until its head is a core form or not an identifier. */
  partialExpand(stx: Syntax): Syntax {
    for (;;) {
      const e = syntaxE(stx);
      if (!(e instanceof Pair) || !isIdentifier(e.car)) return stx;
      const m = this.resolve(e.car as Syntax);
      if (m === null || m.kind !== 'macro') return stx;
      stx = this.applyMacro(m.transform, stx);
    }
  }

  /** The core form name heading `stx`, if any. */
  coreHead(stx: Syntax): string | null {
    const e = syntaxE(stx);
    if (!(e instanceof Pair) || !isIdentifier(e.car)) return null;
    const m = this.resolve(e.car as Syntax);
    return m !== null && m.kind === 'core' ? m.name : null;
  }

  // ---------------------------------------------------------------- expressions

  expandExpr(stx: Syntax): Core {
    for (;;) {
      const e = syntaxE(stx);
      if (e instanceof Sym) return this.expandIdentifier(stx);
      if (e instanceof Pair) {
        const head = e.car as Syntax;
        if (isIdentifier(head)) {
          const m = this.resolve(head);
          if (m !== null && m.kind === 'core') return m.expand(stx, this);
          if (m !== null && m.kind === 'macro') {
            stx = this.applyMacro(m.transform, stx);
            continue;
          }
        }
        return this.expandApp(stx);
      }
      if (e === NULL) {
        this.syntaxError('#%app', 'missing procedure expression;\n probably originally (), which is an illegal empty application', stx);
      }
      if (e instanceof Keyword) {
        // Racket names the keyword but, unusually, not an enclosing form.
        const msg = `${this.locPrefix(stx.loc)}#%datum: keyword misused as an expression\n  at: ${writeString(e)}`;
        throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf([stx])));
      }
      return { t: 'quote', v: syntaxToDatum(stx) };
    }
  }

  private expandIdentifier(id: Syntax): Core {
    const m = this.resolve(id);
    if (m === null) return this.ctx!.unbound(id);
    switch (m.kind) {
      case 'local':
        return { t: 'lref', v: m.v, loc: id.loc };
      case 'top':
        return { t: 'gref', v: m.v, loc: id.loc };
      case 'core':
      case 'macro': {
        const name = idSym(id).name;
        if (
          m.kind === 'core' &&
          (name === 'else' || name === '=>' || name === 'unquote' || name === 'unquote-splicing' || name === '...')
        ) {
          this.syntaxError(name, 'not allowed as an expression', id);
        }
        this.syntaxError(name, 'bad syntax', id);
      }
    }
  }

  private expandApp(stx: Syntax): Core {
    const items = syntaxList(stx);
    if (items === null) this.syntaxError('#%app', 'bad syntax', stx);
    const hasKeyword = items.slice(1).some((a) => syntaxE(a) instanceof Keyword);
    if (hasKeyword) return this.expandKeywordApp(stx, items);
    return {
      t: 'app',
      f: this.expandExpr(items[0]),
      args: items.slice(1).map((a) => this.expandExpr(a)),
      loc: stx.loc,
    };
  }

  /**
   * `(f a #:k v b)`: arguments are evaluated left to right into temporaries,
   * then passed to the keyword-call primitive with keywords sorted.
   */
  private expandKeywordApp(stx: Syntax, items: Syntax[]): Core {
    const fn = this.expandExpr(items[0]);
    const positional: Core[] = [];
    const kws: { kw: Keyword; v: Core }[] = [];
    const order: { v: LocalVar; e: Core }[] = [];
    const fnVar = new LocalVar('f');
    order.push({ v: fnVar, e: fn });
    for (let i = 1; i < items.length; i++) {
      const d = syntaxE(items[i]);
      if (d instanceof Keyword) {
        // Racket reports these on the application with its #%app made explicit.
        const app = () => new Syntax(new Pair(this.baseId('#%app'), syntaxE(stx)), stx.loc, stx.scopes);
        if (i + 1 >= items.length) this.syntaxError('application', 'missing argument expression after keyword', app(), items[i]);
        if (kws.some((k) => k.kw === d)) this.syntaxError('application', 'duplicate keyword in application', app(), items[i]);
        const v = new LocalVar(d.name);
        order.push({ v, e: this.expandExpr(items[i + 1]) });
        kws.push({ kw: d, v: { t: 'lref', v, loc: null } });
        i++;
      } else {
        const v = new LocalVar('arg');
        order.push({ v, e: this.expandExpr(items[i]) });
        positional.push({ t: 'lref', v, loc: null });
      }
    }
    kws.sort((a, b) => (a.kw.name < b.kw.name ? -1 : a.kw.name > b.kw.name ? 1 : 0));
    const call: Core = {
      t: 'app',
      f: { t: 'quote', v: this.rtPrim('keyword-apply/sorted') },
      args: [
        { t: 'lref', v: fnVar, loc: null },
        { t: 'quote', v: listOf(kws.map((k) => k.kw)) },
        { t: 'quote', v: kws.length },
        ...kws.map((k) => k.v),
        ...positional,
      ],
      loc: stx.loc,
    };
    // Nested lets keep the left-to-right evaluation order.
    let body: Core = call;
    for (let i = order.length - 1; i >= 0; i--) {
      body = { t: 'let-values', binds: [{ vars: [order[i].v], e: order[i].e }], body };
    }
    return body;
  }

  /** A runtime-internal primitive by name (not visible to programs). */
  rtPrim(name: string): Value {
    const p = this.internals.get(name);
    if (p === undefined) throw new Error(`internal: no runtime primitive ${name}`);
    return p;
  }
  internals = new Map<string, Value>();

  // ---------------------------------------------------------------- bodies

  /**
   * An internal-definition context: `forms` are the body of a lambda, let,
   * etc. Returns a single core expression (a letrec-values when the body
   * defines anything).
   */
  expandBody(forms: Syntax[], whole: Syntax): Core {
    if (forms.length === 0) this.syntaxError(formName(whole), 'bad syntax', whole);
    const sc = new Scope('body');
    const queue = forms.map((f) => addScope(f, sc));
    type Item = { kind: 'def'; vars: LocalVar[]; rhs: Syntax } | { kind: 'expr'; stx: Syntax };
    const items: Item[] = [];
    let sawDefinition = false;
    while (queue.length > 0) {
      const form = this.partialExpand(queue.shift()!);
      const core = this.coreHead(form);
      if (core === 'begin') {
        const sub = syntaxList(form)!.slice(1);
        queue.unshift(...sub);
        continue;
      }
      if (core === 'define-values') {
        const [ids, rhs] = this.parseDefineValues(form);
        const vars = ids.map((id) => {
          const v = new LocalVar(idSym(id).name);
          this.table.add(idSym(id).name, id.scopes, { kind: 'local', v });
          return v;
        });
        items.push({ kind: 'def', vars, rhs });
        sawDefinition = true;
        continue;
      }
      if (core === 'define-syntaxes') {
        this.defineSyntaxes(form);
        continue;
      }
      items.push({ kind: 'expr', stx: form });
    }
    const last = items[items.length - 1];
    if (last === undefined || last.kind !== 'expr') {
      const lastForm = last === undefined ? whole : (last as { rhs: Syntax }).rhs;
      this.syntaxError('begin (possibly implicit)', 'the last form is not an expression', whole, lastForm);
    }
    if (!sawDefinition) {
      const es = items.map((i) => this.expandExpr((i as { stx: Syntax }).stx));
      return es.length === 1 ? es[0] : { t: 'begin', es };
    }
    const binds: CoreBinding[] = [];
    for (let i = 0; i < items.length - 1; i++) {
      const it = items[i];
      if (it.kind === 'def') binds.push({ vars: it.vars, e: this.expandExpr(it.rhs) });
      else binds.push({ vars: [], e: this.expandExpr(it.stx) });
    }
    return { t: 'letrec-values', binds, body: this.expandExpr(last.stx) };
  }

  /** `(define-values (id ...) rhs)` → ids and rhs, checked. */
  parseDefineValues(form: Syntax): [Syntax[], Syntax] {
    const parts = syntaxList(form);
    if (parts === null || parts.length !== 3) this.badSyntax(form);
    const ids = syntaxList(parts[1]);
    if (ids === null || !ids.every(isIdentifier)) this.badSyntax(form);
    this.checkDistinct(ids, form, 'define-values');
    return [ids, parts[2]];
  }

  checkDistinct(ids: Syntax[], form: Syntax, formName: string, message = 'duplicate binding name'): void {
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0; j < i; j++) {
        if (idSym(ids[i]) === idSym(ids[j]) && this.boundSame(ids[i], ids[j])) {
          this.syntaxError(formName, message, form, ids[i]);
        }
      }
    }
  }

  /** Two binders would bind the same identifier (same symbol and scopes). */
  private boundSame(a: Syntax, b: Syntax): boolean {
    return a.scopes.length === b.scopes.length && a.scopes.every((s, i) => s === b.scopes[i]);
  }

  /** `(define-syntaxes (id) transformer)`: binds a macro in the current scope; returns the id. */
  defineSyntaxes(form: Syntax): Syntax {
    const parts = syntaxList(form);
    if (parts === null || parts.length !== 3) this.badSyntax(form);
    const ids = syntaxList(parts[1]);
    if (ids === null || ids.length !== 1 || !isIdentifier(ids[0])) this.badSyntax(form);
    const transform = this.evalTransformer(parts[2]);
    this.table.add(idSym(ids[0]).name, ids[0].scopes, { kind: 'macro', name: idSym(ids[0]).name, transform });
    return ids[0];
  }

  /** Compile-time evaluation of a transformer expression. Only syntax-rules forms are supported. */
  evalTransformer(stx: Syntax): MacroTransformer {
    const form = this.partialExpand(stx);
    const head = syntaxList(form)?.[0];
    if (head && isIdentifier(head)) {
      const m = this.resolve(head);
      if (m !== null && m.kind === 'core' && this.transformerMakers.has(m.name)) {
        return this.transformerMakers.get(m.name)!(form, this);
      }
    }
    this.syntaxError('define-syntax', 'only syntax-rules transformers are supported (procedural macros are not implemented)', stx);
  }
  /** Core forms that produce transformers at compile time (syntax-rules). */
  readonly transformerMakers = new Map<string, (stx: Syntax, ex: Expander) => MacroTransformer>();

  // ---------------------------------------------------------------- binding forms

  /** Makes a fresh local variable for binder `id` (whose scopes already include the new scope). */
  bindLocal(id: Syntax): LocalVar {
    const v = new LocalVar(idSym(id).name);
    this.table.add(idSym(id).name, id.scopes, { kind: 'local', v });
    return v;
  }

  /** A name for the next lambda expanded, from the definition or binding it is the right-hand side of. */
  pendingName: string | null = null;
  takePendingName(): string | null {
    const n = this.pendingName;
    this.pendingName = null;
    return n;
  }

  /**
   * A lambda: `req`, `opt` and `rest` are the parameter identifiers, `body`
   * the body forms. A fresh scope goes on parameters and body. Each entry of
   * `defaults` gives a parameter's default expression, evaluated in that
   * order when the argument is missing.
   */
  expandLambdaWithDefaults(
    whole: Syntax,
    req: Syntax[],
    opt: Syntax[],
    rest: Syntax | null,
    body: Syntax[],
    name: string | null,
    defaults: { id: Syntax; dflt: Syntax }[],
  ): CoreLambda {
    this.pendingName = null;
    const all = [...req, ...opt, ...(rest ? [rest] : [])];
    for (const id of all) if (!isIdentifier(id)) this.syntaxError(formName(whole), 'not an identifier', whole, id);
    this.checkDistinct(all, whole, formName(whole), 'duplicate argument name');
    const sc = new Scope('lambda');
    const vars = new Map<Syntax, LocalVar>();
    const bind = (id: Syntax) => {
      const v = this.bindLocal(addScope(id, sc));
      vars.set(id, v);
      return v;
    };
    const reqV = req.map(bind);
    const optV = opt.map(bind);
    const restV = rest ? bind(rest) : null;
    const inits: Core[] = defaults.map(({ id, dflt }) => {
      const v = vars.get(id)!;
      v.mutated = true;
      return {
        t: 'if',
        c: { t: 'app', f: { t: 'quote', v: this.rtPrim('unsupplied?') }, args: [{ t: 'lref', v, loc: null }], loc: null },
        th: { t: 'lset', v, e: this.expandExpr(addScope(dflt, sc)) },
        el: { t: 'quote', v: VOID },
      };
    });
    // With defaults, the body gets its own definition context so its
    // definitions are not visible to the default expressions.
    let bodyCore = this.expandBody(
      body.map((b) => addScope(b, sc)),
      whole,
    );
    if (inits.length > 0) bodyCore = { t: 'begin', es: [...inits, bodyCore] };
    return { t: 'lambda', req: reqV, opt: optV, rest: restV, body: bodyCore, name: name ?? inferredName(whole) };
  }

  // ---------------------------------------------------------------- languages and modules

  /** Scopes that bind a whole library's exports, for `#lang` and module languages. */
  readonly langScopes = new Map<string, Scope>();
  /** Finds a built-in library by name; set by the runtime. */
  library: (name: string) => { exports: Map<string, Meaning> } | null = () => null;

  /** The scope under which every export of library `name` is bound (made on first use). */
  langScope(name: string): Scope {
    let sc = this.langScopes.get(name);
    if (sc === undefined) {
      const lib = this.library(name);
      if (lib === null) throw new Error(`internal: no library ${name}`);
      sc = new Scope(name);
      for (const [n, m] of lib.exports) this.table.add(n, [sc], m);
      this.langScopes.set(name, sc);
    }
    return sc;
  }

  /** Constructor and fields of each struct, for struct-copy; keyed like structInfo. */
  readonly structShapes = new Map<string, { ctor: string; fields: { name: string; accessor: string; owner: string }[] }>();
  /** Names a `struct` form defined, keyed by the struct name's symbol and scopes. */
  readonly structInfo = new Map<string, string[]>();
  structKey(id: Syntax): string {
    // Inside a macro the input carries the macro's introduction scope, which is gone from the output.
    const scopes = id.scopes.filter((s) => s !== this.currentIntro);
    return `${idSym(id).name}@${scopes.map((s) => s.id).join(',')}`;
  }
  structNames(id: Syntax): string[] | null {
    return this.structInfo.get(this.structKey(id)) ?? null;
  }

  /** Core handlers by name, registered by core-forms.ts. */
  coreForm(name: string, expand: CoreFormHandler): Meaning {
    return { kind: 'core', name, expand };
  }
}

// ---------------------------------------------------------------- helpers

function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (a === b) return true;
  if (a.kind === 'local' && b.kind === 'local') return a.v === b.v;
  if (a.kind === 'top' && b.kind === 'top') return a.v === b.v;
  if (a.kind === 'core' && b.kind === 'core') return a.name === b.name;
  if (a.kind === 'macro' && b.kind === 'macro') return a.transform === b.transform;
  return false;
}

/**
 * Code read from `-e` strings and the REPL: Racket reads it from ports that
 * do not count lines, so its errors carry no location.
 */
export function isLocationless(loc: SrcLoc): boolean {
  return loc.source === 'string' || loc.source === 'stdin';
}

/** `source:line:col` with the source relative to `cwd` when it lies inside it, as Racket prints locations. */
export function formatLoc(loc: SrcLoc, cwd: string): string {
  const prefix = cwd.endsWith('/') ? cwd : cwd + '/';
  const src = loc.source.startsWith(prefix) ? loc.source.slice(prefix.length) : loc.source;
  return `${src}:${loc.line}:${loc.column}`;
}

function listOf(items: Value[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

function formName(stx: Syntax): string {
  const head = syntaxList(stx)?.[0];
  return head && isIdentifier(head) ? idSym(head).name : 'lambda';
}

/**
 * The name Racket gives an anonymous procedure: its source location, with a
 * long source path shortened to its end. A plain lambda keeps the last 19
 * characters (the compiler's rule); one with optional or keyword arguments
 * is named by the `lambda` macro, which keeps 20.
 */
export function inferredName(stx: Syntax, viaMacro = false): string | null {
  const loc = stx.loc;
  if (loc === null) return null;
  const keep = viaMacro ? 20 : 19;
  const src = loc.source.length > 20 ? '...' + loc.source.slice(loc.source.length - keep) : loc.source;
  return `${src}:${loc.line}:${loc.column}`;
}
