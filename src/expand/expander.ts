// The expander: syntax objects in, core language out.
//
// Expressions are expanded by resolving the head identifier: a core form is
// handled here, a macro is applied (with a fresh macro-introduction scope
// flipped on its input and output, which is what makes it hygienic) and the
// result expanded again, anything else is an application. Bodies are internal
// definition contexts: forms are partially expanded to find definitions
// first, then everything is expanded with all of the body's names bound.

import { LocalVar, type TopVar, type Core, type CoreBinding, type CoreLambda } from './core.js';
import { RacketThrow, makeExn, exnFailContractArityT, exnFailContractT, exnFailSyntaxT, exnFailSyntaxUnboundT } from '../errors/exn.js';
import { printString, writeString } from '../printer/print.js';
import { Keyword, MultipleValues, NULL, Pair, Sym, VOID, sym, uninternedSym, type Value } from '../values/types.js';
import { Scope, Syntax, lineColumnString, type SrcLoc } from '../values/syntax.js';
import { BindingTable, symbolKey } from './bindings.js';
import { addScope, flipScope, idSym, isIdentifier, removeScope, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';
import {
  ExpandedSyntax,
  MatchExpander,
  PatternVariable,
  RenameTransformer,
  SetTransformer,
  StructInfo,
  SyntaxParameter,
  type TransformerFrame,
} from './transformers.js';
import { StructInstance, propRenameTransformer, propSetTransformer, propertyField } from '../values/struct.js';
import { expansionContexts } from './expansion-contexts.js';

/**
 * `alone`: the macro also transforms its identifier used alone as an expression (rackunit's checks).
 * `set`: what `(set! id e)` becomes (a class's fields), as a set! transformer would make it.
 */
export type MacroTransformer = ((stx: Syntax, ex: Expander) => Syntax) & {
  alone?: boolean;
  set?: (stx: Syntax, ex: Expander) => Syntax;
};
export type CoreFormHandler = (stx: Syntax, ex: Expander) => Core;

/** What an identifier means: resolved through the binding table (bindings.ts). */
export type Meaning =
  | { kind: 'local'; v: LocalVar }
  | { kind: 'top'; v: TopVar; imported: boolean }
  /** `identity`: what free-identifier=? compares, when it is not `name` (`#%plain-lambda` is handled as `lambda` but is another binding). */
  | { kind: 'core'; name: string; expand: CoreFormHandler; identity?: string; alone?: boolean }
  /** A macro written in JS (the library macros, syntax-rules); `frame`: the definition context it was defined in. */
  | { kind: 'macro'; name: string; transform: MacroTransformer; frame?: DefinitionFrame }
  /** A compile-time value bound by define-syntaxes: a transformer procedure, a rename or set! transformer, a pattern variable, any value. */
  | { kind: 'syntax'; value: Value; frame?: DefinitionFrame };

/**
 * A definition context (a module body, an internal-definition body). A
 * macro used in the context it was defined in gets a use-site scope on its
 * input, as in Racket, so that what it introduces from its use cannot be
 * reached by its own identifiers; definitions there drop those scopes from
 * their binders.
 */
export class DefinitionFrame {
  readonly useSiteScopes: Scope[] = [];

  /** `id` without this context's use-site scopes: how a definition binds it. */
  binder(id: Syntax): Syntax {
    let out = id;
    for (const sc of this.useSiteScopes) if (out.scopes.includes(sc)) out = removeScope(out, sc);
    return out;
  }
}

/**
 * Running code at compile time: the runtime implements it over a machine
 * nested in the expanding thread (the expander sits below the evaluator).
 */
export interface CompileTimeEvaluator {
  /** Compiles and runs core code expanded at a phase above 0; returns its result (MultipleValues for several). */
  run(core: Core): Value;
  /** Calls a compile-time procedure and returns its result. */
  apply(proc: Value, args: Value[]): Value;
  isProcedure(v: Value): boolean;
}

/** Where definitions go and what an unbound identifier means. */
/** A place `syntax-local-lift-expression` can put definitions: a module or top-level body, or a local capture. */
export interface LiftTarget {
  readonly phase: number;
  /** Binds `ids` where their definition will be and records `rhs`, whose values they get. */
  lift(ids: Syntax[], rhs: Syntax): void;
}

export interface DefinitionContext {
  /** Creates the variable for a module-level or top-level definition. */
  defineTop(id: Syntax): TopVar;
  /** For an identifier with no binding: a variable (top level) or an error (module). */
  unbound(id: Syntax): Core;
  readonly name: string;
  /** A namespace's top level: an implicit `#%app`, `#%top` or `#%datum` must be bound there, as in Racket. */
  readonly checkImplicit?: boolean;
}

/** What transformers may ask of, and add to, the module body being expanded. */
export interface ModuleBody {
  /** Adds a `module` or `module*` form to the body after the form being expanded (syntax-local-lift-module). */
  liftModule(form: Syntax): void;
  /** Adds a form to the end of the body (syntax-local-lift-module-end-declaration). */
  liftEnd(form: Syntax): void;
  /** The names of the `module` (not `module*`) submodules declared so far. */
  submodules(): string[];
  /** What `spec` names relative to this module: its exports by phase (syntax-local-module-exports). */
  moduleExports(spec: Syntax): [number, string[]][];
}

/** The languages that also bind racket/base at phase 1, as `#lang racket` does. */
const FOR_SYNTAX_BASE = new Set([
  'racket',
  'mzscheme',
  'scheme',
  'typed/racket',
  'typed/racket/no-check',
  'typed/racket/optional',
  'typed/racket/shallow',
  'typed/racket/deep',
  'typed/racket/base',
  'typed/racket/base/no-check',
  'typed/racket/base/optional',
  'typed/racket/base/shallow',
  'typed/racket/base/deep',
]);

export class Expander {
  readonly table = new BindingTable<Meaning>();
  /** The phase being expanded: 0 for run-time code, 1 inside transformer expressions and begin-for-syntax, ... */
  phase = 0;
  /** Set by the runtime. */
  compileTime: CompileTimeEvaluator | null = null;
  /** The scope all racket/base bindings are made with; macros build identifiers with it. */
  readonly baseScope = new Scope('racket/base');
  /** Names bound at `baseScope`, for the module system's export tables. */
  ctx: DefinitionContext | null = null;
  private gensymCounter = 0;
  /** The directory error locations are shown relative to. */
  cwd = '/';
  /** Expand `module+ test` / `module* test` submodules too (`rkt test`); `racket FILE` leaves them out. */
  expandTestSubmodules = false;

  locPrefix(loc: SrcLoc | null): string {
    return loc && !isLocationless(loc) ? formatLoc(loc, this.cwd) + ': ' : '';
  }

  // ---------------------------------------------------------------- identifiers

  /** An identifier that means what `name` means in racket/base, wherever it is used. */
  baseId(name: string, loc: SrcLoc | null = null): Syntax {
    return new Syntax(sym(name), loc, [this.baseScope]);
  }

  resolve(id: Syntax): Meaning | null {
    return this.resolveAt(id, this.phase);
  }

  resolveAt(id: Syntax, phase: number): Meaning | null {
    const m = this.table.resolve(symbolKey(idSym(id)), id.scopes, phase);
    if (m !== null && m.kind === 'top' && m.v.lazy !== null) m.v.force();
    return m;
  }

  /** Binds identifier `id` (its symbol and scopes) to `m` at the phase being expanded. */
  bind(id: Syntax, m: Meaning): void {
    this.table.add(symbolKey(idSym(id)), id.scopes, m, this.phase);
  }

  /** `free-identifier=?`: same binding, or both unbound with the same name. */
  freeIdentifierEq(a: Syntax, b: Syntax): boolean {
    const ma = this.resolveThroughRenames(a);
    const mb = this.resolveThroughRenames(b);
    if (ma === null || mb === null) return ma === mb && idSym(a) === idSym(b);
    return sameMeaning(ma, mb);
  }

  /** Whether two meanings are the same binding. */
  sameBinding(a: Meaning, b: Meaning): boolean {
    return sameMeaning(a, b);
  }

  /** What `id` means, with rename transformers followed to their targets. */
  resolveThroughRenames(id: Syntax): Meaning | null {
    let m = this.resolve(id);
    for (let hops = 0; m !== null && m.kind === 'syntax' && hops < 100; hops++) {
      const target = this.renameTarget(m.value);
      if (target === null) break;
      id = target;
      m = this.resolve(id);
    }
    return m;
  }

  /** The values syntax-parameterize gives syntax parameters while it expands its body, innermost last. */
  readonly syntaxParameterValues = new Map<SyntaxParameter, Meaning[]>();

  /** What syntax parameter `p` means where expansion is now. */
  syntaxParameterMeaning(p: SyntaxParameter): Meaning {
    const stack = this.syntaxParameterValues.get(p);
    return stack !== undefined && stack.length > 0 ? stack[stack.length - 1] : { kind: 'syntax', value: p.defaultValue };
  }

  /** The target of a rename transformer: `make-rename-transformer`'s, or a `prop:rename-transformer` struct's; else null. */
  renameTarget(v: Value): Syntax | null {
    if (v instanceof RenameTransformer) return v.target;
    if (!(v instanceof StructInstance)) return null;
    const p = propertyField(v, propRenameTransformer);
    if (p === null) return null;
    const target = p.index ? p.value : this.compileTime!.apply(p.value, [v]);
    return isIdentifier(target) ? target : null;
  }

  /** The procedure of a set! transformer: `make-set!-transformer`'s, or a `prop:set!-transformer` struct's; else null. */
  setTransformerProcedure(v: Value): Value | null {
    if (v instanceof SetTransformer) return v.proc;
    if (!(v instanceof StructInstance)) return null;
    const p = propertyField(v, propSetTransformer);
    if (p === null) return null;
    if (p.index) return p.value;
    const proc = p.value;
    return this.compileTime!.isProcedure(proc) && !(proc instanceof StructInstance) ? proc : null;
  }

  /** `(let () form ...)` with racket/base's `let`, located at `at`. */
  baseLet(forms: Syntax[], at: Syntax): Syntax {
    let body: Value = NULL;
    for (let i = forms.length - 1; i >= 0; i--) body = new Pair(forms[i], body);
    return new Syntax(new Pair(this.baseId('let', at.loc), new Pair(new Syntax(NULL, at.loc), body)), at.loc);
  }

  /** Whether `id` means the racket/base binding `name` (for literals like `else` and `=>`). */
  isBase(id: Value, name: string): boolean {
    if (!isIdentifier(id)) return false;
    const m = this.resolve(id);
    const b = this.table.resolve(name, [this.baseScope], this.phase);
    return m !== null && b !== null && sameMeaning(m, b);
  }

  /** Whether `id` means `name` of library `lib` (racket/flonum's in-flvector ...). */
  isLibraryBinding(id: Value, lib: string, name: string): boolean {
    if (!isIdentifier(id)) return false;
    const m = this.resolve(id);
    const b = this.library(lib)?.exports.get(name);
    return m !== null && b !== undefined && sameMeaning(m, b);
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
    const head = isIdentifier(stx) ? stx : syntaxList(stx)?.[0];
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
  /** The macro applications in progress, innermost last (for syntax-local-introduce and friends). */
  readonly transformers: TransformerFrame[] = [];

  /**
   * Set by the module and top-level expanders: `syntax-local-lift-require`
   * and `local-require` require a spec at the module level through it,
   * getting the identifiers it bound.
   */
  requireLifter: ((spec: Syntax) => Syntax[]) | null = null;
  /** Set by the module expander: `syntax-local-lift-provide` adds a provide spec to the module through it. */
  provideLifter: ((spec: Syntax) => void) | null = null;
  /**
   * Set by racket/contract (macros/contracts.ts): rewrites a
   * `(contract-out clause ...)` provide spec of a module body into plain
   * provide specs, adding through `define` the definitions it needs at the
   * end of the body.
   */
  contractOut: ((spec: Syntax, define: (form: Syntax) => void) => Syntax[]) | null = null;
  /** Set by the module expander: the module body being expanded, for syntax-local-lift-module and friends. */
  moduleBody: ModuleBody | null = null;

  /** Where `syntax-local-lift-expression` puts definitions, innermost last. */
  readonly liftTargets: LiftTarget[] = [];
  private liftCount = 0;

  /**
   * Lifts `rhs` to the innermost lift target of the current phase, which
   * binds and returns `n` fresh identifiers for its values.
   */
  lift(who: string, n: number, rhs: Syntax): Syntax[] {
    const target = [...this.liftTargets].reverse().find((t) => t.phase === this.phase);
    if (target === undefined) throw new RacketThrow(makeExn(exnFailContractT, `${who}: no lift target`));
    const ids = Array.from({ length: n }, () => new Syntax(uninternedSym(`lifted/${++this.liftCount}`), null, [new Scope('lifted')]));
    target.lift(ids, rhs);
    return ids;
  }

  /** Runs `f` with `target` receiving the lifts made at its phase. */
  withLiftTarget<T>(target: LiftTarget, f: () => T): T {
    this.liftTargets.push(target);
    try {
      return f();
    } finally {
      this.liftTargets.pop();
    }
  }

  /**
   * Expands an expression with `expand`, binding what it lifts as local
   * variables around it (the lift target of a transformer's right-hand side).
   */
  expandCapturingLifts(expand: () => Core): Core {
    const lifted: { vars: LocalVar[]; rhs: Syntax }[] = [];
    const target: LiftTarget = { phase: this.phase, lift: (ids, rhs) => lifted.push({ vars: ids.map((id) => this.bindLocal(id)), rhs }) };
    return this.withLiftTarget(target, () => {
      let core = expand();
      // Each lifted expression may lift more; those come before it.
      const wrap = (): void => {
        while (lifted.length > 0) {
          const l = lifted.pop()!;
          core = { t: 'let-values', binds: [{ vars: l.vars, e: this.expandExpr(l.rhs) }], body: core };
        }
      };
      wrap();
      return core;
    });
  }
  /** The context forms are being expanded in, as `syntax-local-context` reports it. */
  context: TransformerFrame['context'] = 'expression';
  /** The name of the definition or binding whose right-hand side is being expanded (`syntax-local-name`). */
  localName: string | null = null;
  /** The definition context whose forms are being expanded, if any. */
  frame: DefinitionFrame | null = null;
  /** Set while a form of `frame` is partially expanded: macro uses there may get use-site scopes. */
  private useSiteFrame: DefinitionFrame | null = null;

  /** Runs `f` with `frame` as the definition context. */
  inDefinitionContext<T>(frame: DefinitionFrame | null, f: () => T): T {
    const saved = this.frame;
    this.frame = frame;
    try {
      return f();
    } finally {
      this.frame = saved;
    }
  }

  /** `stx` with a fresh use-site scope when macro `m` is used in the definition context it was defined in. */
  private withUseSite(m: Meaning, stx: Syntax): Syntax {
    const frame = this.useSiteFrame;
    if (frame === null || (m.kind !== 'macro' && m.kind !== 'syntax') || m.frame !== frame) return stx;
    const sc = new Scope('use-site');
    frame.useSiteScopes.push(sc);
    return addScope(stx, sc);
  }

  /** The scopes of the local binding forms around the code being expanded, at this phase (quote-syntax prunes them). */
  localScopes: Scope[] = [];

  /** Runs `f` inside a local binding form whose scope is `sc`. */
  withinLocalScope<T>(sc: Scope, f: () => T): T {
    this.localScopes.push(sc);
    try {
      return f();
    } finally {
      this.localScopes.pop();
    }
  }

  /** `stx` without the scopes of the local binding forms around it: what `quote-syntax` and templates keep. */
  pruneLocalScopes(stx: Syntax): Syntax {
    let out = stx;
    for (const sc of this.localScopes) if (out.scopes.includes(sc)) out = removeScope(out, sc);
    return out;
  }

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

  /** Applies a transformer procedure (a Racket value run at compile time) to `stx`. */
  applyTransformerProcedure(proc: Value, stx: Syntax, id: Syntax): Syntax {
    const out = this.applyTransformerValue(proc, stx);
    if (!(out instanceof Syntax)) {
      const msg = `${idSym(id).name}: received value from syntax expander was not syntax\n  received: ${printString(out)}`;
      throw new RacketThrow(makeExn(exnFailContractT, msg));
    }
    return out;
  }

  /**
   * Applies a transformer procedure to `stx` as a macro application: a
   * syntax result comes back with the introduction scope flipped, any other
   * value as it is (a for-clause transformer may answer #f).
   */
  applyTransformerValue(proc: Value, stx: Syntax): Value {
    const intro = new Scope('macro');
    const input = flipScope(stx, intro);
    const saved = this.currentIntro;
    this.currentIntro = intro;
    this.transformers.push({ intro, form: input, context: this.context, name: this.localName });
    let out: Value;
    try {
      out = this.compileTime!.apply(proc, [input]);
    } finally {
      this.transformers.pop();
      this.currentIntro = saved;
    }
    return out instanceof Syntax ? flipScope(out, intro) : out;
  }

  /**
   * One transformation step of `stx`, a macro use whose keyword `id` means
   * `m`: the form it stands for, or null when `m` is not a macro.
   */
  transformStep(m: Meaning, stx: Syntax, id: Syntax): Syntax | null {
    if (m.kind === 'macro') return this.applyMacro(m.transform, this.withUseSite(m, stx));
    if (m.kind !== 'syntax') return null;
    const v = m.value;
    if (v instanceof StructInstance && !this.allowedInContext(v, stx, id))
      return new Syntax(listOf([this.baseId('#%expression', stx.loc), stx]), stx.loc, stx.scopes);
    if (v instanceof SyntaxParameter) return this.transformStep(this.syntaxParameterMeaning(v), stx, id);
    if (v instanceof MatchExpander && v.expressionProc !== null) return this.applyTransformerProcedure(v.expressionProc, stx, id);
    const target = this.renameTarget(v);
    if (target !== null) return replaceKeyword(stx, id, target);
    const setProc = this.setTransformerProcedure(v);
    if (setProc !== null) return this.applyTransformerProcedure(setProc, this.withUseSite(m, stx), id);
    if (v instanceof StructInfo && v.nameIsConstructor) return replaceKeyword(stx, id, v.ctor);
    if (v instanceof PatternVariable) this.syntaxError(idSym(id).name, 'pattern variable cannot be used outside of a template', id);
    if (this.compileTime?.isProcedure(v)) return this.applyTransformerProcedure(v, this.withUseSite(m, stx), id);
    const msg = `${this.locPrefix(stx.loc)}${idSym(id).name}: illegal use of syntax\n  in: ${writeString(syntaxToDatum(stx))}\n  value at phase ${this.phase + 1}: ${printString(v)}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf([stx])));
  }

  /**
   * Whether a transformer struct with `prop:expansion-contexts` may be used
   * here. Where it may not but an expression is allowed in its place (a
   * definition context), the use is to be expanded as an expression (false);
   * anywhere else it is an error.
   */
  private allowedInContext(v: StructInstance, stx: Syntax, id: Syntax): boolean {
    const prop = expansionContexts.prop;
    const allowed = prop === null ? null : propertyField(v, prop);
    if (allowed === null) return true;
    const here = this.context === 'internal-definition' ? 'definition-context' : this.context;
    const names: string[] = [];
    for (let l = allowed.value; l instanceof Pair; l = l.cdr) if (l.car instanceof Sym) names.push(l.car.name);
    if (names.includes(here)) return true;
    if (here !== 'expression' && names.includes('expression')) return false;
    const msg = `${this.locPrefix(stx.loc)}${idSym(id).name}: not allowed in context\n  expansion context: ${here}\n  in: ${writeString(syntaxToDatum(stx))}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf([stx])));
  }

  /** Expands macro uses at the head of `stx` until its head is a core form or not an identifier. */
  partialExpand(stx: Syntax): Syntax {
    for (;;) {
      const e = syntaxE(stx);
      const head = e instanceof Pair ? e.car : e instanceof Sym ? stx : null;
      if (!isIdentifier(head)) return stx;
      const m = this.resolve(head);
      if (m === null) return stx;
      const next = this.transformStep(m, stx, head);
      if (next === null) return stx;
      stx = next;
    }
  }

  /** partialExpand in expansion context `context` (what syntax-local-context reports to the transformers it runs). */
  partialExpandIn(stx: Syntax, context: TransformerFrame['context']): Syntax {
    return this.withContext(context, () => this.partialExpand(stx));
  }

  /** Runs `f` (which expands something) in expansion context `context`. */
  withContext<T>(context: TransformerFrame['context'], f: () => T): T {
    const saved = { context: this.context, useSite: this.useSiteFrame };
    this.context = context;
    this.useSiteFrame = context === 'module' || context === 'internal-definition' ? this.frame : null;
    try {
      return f();
    } finally {
      this.context = saved.context;
      this.useSiteFrame = saved.useSite;
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
    const saved = { context: this.context, useSite: this.useSiteFrame };
    this.context = 'expression';
    this.useSiteFrame = null;
    try {
      return this.expandExpression(stx);
    } finally {
      this.context = saved.context;
      this.useSiteFrame = saved.useSite;
    }
  }

  private expandExpression(stx: Syntax): Core {
    for (;;) {
      const e = syntaxE(stx);
      if (e instanceof Sym) {
        const m = this.resolve(stx);
        if (m !== null && (m.kind === 'macro' || m.kind === 'syntax')) {
          const next = m.kind === 'syntax' || m.transform.alone === true ? this.transformStep(m, stx, stx) : null;
          if (next !== null) {
            stx = next;
            continue;
          }
        }
        return this.expandIdentifier(stx, m);
      }
      if (e instanceof Pair) {
        const head = e.car as Syntax;
        if (isIdentifier(head)) {
          const m = this.resolve(head);
          if (m !== null && m.kind === 'core') return m.expand(stx, this);
          if (m !== null) {
            const next = this.transformStep(m, stx, head);
            if (next !== null) {
              stx = next;
              continue;
            }
          } else if (
            (this.phase > 0 || this.ctx?.checkImplicit === true) &&
            this.resolveAt(withSymbol(head, '#%app'), this.phase) === null
          ) {
            this.noTransformerError(head, '#%app', stx);
          }
        }
        return this.expandApp(stx);
      }
      if (e instanceof ExpandedSyntax) return this.expandExpr(e.expanded);
      if (e === NULL) {
        this.syntaxError('#%app', 'missing procedure expression;\n probably originally (), which is an illegal empty application', stx);
      }
      if (e instanceof Keyword) {
        // Racket names the keyword but, unusually, not an enclosing form.
        const msg = `${this.locPrefix(stx.loc)}#%datum: keyword misused as an expression\n  at: ${writeString(e)}`;
        throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf([stx])));
      }
      if ((this.phase > 0 || this.ctx?.checkImplicit === true) && this.resolveAt(withSymbol(stx, '#%datum'), this.phase) === null) {
        const msg = `${this.locPrefix(stx.loc)}?: literal data is not allowed;\n no #%datum syntax transformer is bound${this.phase > 0 ? ' in the transformer phase' : ''}\n  at: ${writeString(syntaxToDatum(stx))}`;
        throw new RacketThrow(makeExn(exnFailSyntaxT, msg, listOf([stx])));
      }
      return { t: 'quote', v: syntaxToDatum(stx) };
    }
  }

  /** An unbound identifier in the transformer phase, where not even racket/base's `#%app` or `#%top` is bound. */
  private noTransformerError(id: Syntax, form: string, whole: Syntax): never {
    const name = idSym(id).name;
    const at = whole === id ? '' : `\n  at: ${name}`;
    const phase = this.phase > 0 ? ' in the transformer phase' : '';
    const msg = `${this.locPrefix(id.loc)}${name}: unbound identifier;\n also, no ${form} syntax transformer is bound${phase}${at}\n  in: ${writeString(syntaxToDatum(whole))}`;
    throw new RacketThrow(makeExn(exnFailSyntaxUnboundT, msg, listOf([id])));
  }

  private expandIdentifier(id: Syntax, m: Meaning | null): Core {
    if (m === null) {
      if (this.phase > 0) {
        if (this.resolveAt(withSymbol(id, '#%top'), this.phase) === null) this.noTransformerError(id, '#%top', id);
        this.unboundError(id);
      }
      if (this.ctx?.checkImplicit === true && this.resolveAt(withSymbol(id, '#%top'), this.phase) === null)
        this.noTransformerError(id, '#%top', id);
      return this.ctx!.unbound(id);
    }
    switch (m.kind) {
      case 'local':
        return { t: 'lref', v: m.v, loc: id.loc };
      case 'top':
        return { t: 'gref', v: m.v, loc: id.loc };
      case 'core':
      case 'macro':
      case 'syntax': {
        // A form whose handler also reports its keyword used alone (require sub-forms).
        if (m.kind === 'core' && m.alone === true) return m.expand(id, this);
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
  expandBody(forms: Syntax[], whole: Syntax, tailName: string | null = null): Core {
    if (forms.length === 0) this.syntaxError(formName(whole), 'bad syntax', whole);
    const sc = new Scope('body');
    return this.withinLocalScope(sc, () =>
      this.inDefinitionContext(new DefinitionFrame(), () => this.expandBodyIn(sc, forms, whole, undefined, tailName)),
    );
  }

  /**
   * Definitions and expressions `forms` (already carrying scope `sc`) in a
   * definition context of their own, around the core code `tail` makes:
   * syntax-parse's `#:do`.
   */
  expandDefinitionsAround(forms: Syntax[], sc: Scope, tail: () => Core): Core {
    return this.withinLocalScope(sc, () =>
      this.inDefinitionContext(new DefinitionFrame(), () => this.expandBodyIn(null, forms, forms[0] ?? this.baseId('begin'), tail)),
    );
  }

  /** `tail`: the core code of a final expression supplied by the caller (all of `forms` then come before it). */
  private expandBodyIn(sc: Scope | null, forms: Syntax[], whole: Syntax, tail?: () => Core, tailName: string | null = null): Core {
    const queue = forms.map((f) => (sc === null ? f : addScope(f, sc)));
    type Item = { kind: 'def'; vars: LocalVar[]; rhs: Syntax } | { kind: 'expr'; stx: Syntax };
    const items: Item[] = [];
    let sawDefinition = false;
    while (queue.length > 0) {
      const form = this.partialExpandIn(queue.shift()!, 'internal-definition');
      const core = this.coreHead(form);
      if (core === 'begin') {
        const sub = syntaxList(form)!.slice(1);
        queue.unshift(...sub);
        continue;
      }
      if (core === 'define-values') {
        const [written, rhs] = this.parseDefineValues(form);
        const ids = written.map((id) => this.frame!.binder(id));
        const vars = ids.map((id) => {
          const v = new LocalVar(idSym(id).name);
          this.bind(id, { kind: 'local', v });
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
    if (tail !== undefined) {
      const binds: CoreBinding[] = items.map((it) =>
        it.kind === 'def'
          ? { vars: it.vars, e: it.vars.length === 1 ? this.expandNamedExpr(it.rhs, it.vars[0].name) : this.expandExpr(it.rhs) }
          : { vars: [], e: this.expandExpr(it.stx) },
      );
      return binds.length === 0 ? tail() : { t: 'letrec-values', binds, body: tail() };
    }
    const last = items[items.length - 1];
    if (last === undefined || last.kind !== 'expr') {
      const lastForm = last === undefined ? whole : (last as { rhs: Syntax }).rhs;
      this.syntaxError('begin (possibly implicit)', 'the last form is not an expression', whole, lastForm);
    }
    if (!sawDefinition) {
      const es = items.map((it, i) => this.expandTail((it as { stx: Syntax }).stx, i === items.length - 1 ? tailName : null));
      return es.length === 1 ? es[0] : { t: 'begin', es };
    }
    const binds: CoreBinding[] = [];
    for (let i = 0; i < items.length - 1; i++) {
      const it = items[i];
      if (it.kind === 'def')
        binds.push({ vars: it.vars, e: it.vars.length === 1 ? this.expandNamedExpr(it.rhs, it.vars[0].name) : this.expandExpr(it.rhs) });
      else binds.push({ vars: [], e: this.expandExpr(it.stx) });
    }
    return { t: 'letrec-values', binds, body: this.expandTail(last.stx, tailName) };
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

  /** `(define-syntaxes (id ...) expr)`: evaluates `expr` at the next phase and binds each id to one of its values; returns the ids. */
  defineSyntaxes(form: Syntax): Syntax[] {
    const parts = syntaxList(form);
    if (parts === null || parts.length !== 3) this.badSyntax(form);
    const ids = syntaxList(parts[1]);
    if (ids === null || !ids.every(isIdentifier)) this.badSyntax(form);
    this.checkDistinct(ids, form, 'define-syntaxes');
    const meanings = this.evalForSyntax(parts[2], ids);
    const frame = this.frame;
    const binders = frame === null ? ids : ids.map((id) => frame.binder(id));
    binders.forEach((id, i) => {
      const m = meanings[i];
      this.bind(id, frame !== null && (m.kind === 'macro' || m.kind === 'syntax') ? { ...m, frame } : m);
    });
    return binders;
  }

  /**
   * The meanings a transformer expression gives `ids`. `syntax-rules` forms
   * become JS transformers directly (racket/base allows them without
   * requiring racket/base for syntax); any other expression is expanded at
   * the next phase and run.
   */
  evalForSyntax(rhs: Syntax, ids: Syntax[], who = 'define-syntaxes'): Meaning[] {
    const head = syntaxList(rhs)?.[0];
    if (ids.length === 1 && head && isIdentifier(head)) {
      const m = this.resolve(head);
      if (m !== null && m.kind === 'core' && this.transformerMakers.has(m.name)) {
        return [{ kind: 'macro', name: idSym(ids[0]).name, transform: this.transformerMakers.get(m.name)!(rhs, this) }];
      }
    }
    const value = this.runForSyntax(rhs, ids.length === 1 ? idSym(ids[0]).name : null);
    const values = value instanceof MultipleValues ? value.vals : [value];
    if (values.length !== ids.length) {
      // Racket words it one way at the top level, another in a module.
      const atTop = (this.ctx === null || this.ctx.name === 'top-level') && who === 'define-syntaxes';
      const where = atTop ? 'result arity mismatch;' : `${who}: result arity mismatch;`;
      const what = atTop
        ? '\n  in: local-binding form'
        : `\n  in: definition of ${idSym(ids[0]).name}${ids.length > 1 ? ' ...' : ''}${values.length > 0 ? `\n  arguments...:${values.map((v) => `\n   ${printString(v)}`).join('')}` : ''}`;
      const msg = `${where}\n expected number of values not received\n  expected: ${ids.length}\n  received: ${values.length}${what}`;
      throw new RacketThrow(makeExn(exnFailContractArityT, msg));
    }
    return values.map((value) => ({ kind: 'syntax', value }));
  }

  /** Expands `stx` as an expression of the next phase and runs it now. */
  runForSyntax(stx: Syntax, name: string | null): Value {
    const core = this.atNextPhase(() => {
      this.pendingName = null;
      return this.expandCapturingLifts(() => (name === null ? this.expandExpr(stx) : this.expandNamedExpr(stx, name)));
    });
    return this.compileTime!.run(core);
  }

  /** Bindings at phase 1 made only once something is expanded there (most programs never do). */
  private readonly pendingPhaseOne: (() => void)[] = [];

  /** Runs `f` with the phase one higher, in a context where unbound identifiers are errors. */
  atNextPhase<T>(f: () => T): T {
    while (this.pendingPhaseOne.length > 0) this.pendingPhaseOne.shift()!();
    const saved = { ctx: this.ctx, pending: this.pendingName, locals: this.localScopes };
    this.phase++;
    this.localScopes = [];
    this.ctx = { name: saved.ctx?.name ?? 'top-level', defineTop: saved.ctx!.defineTop, unbound: (id) => this.unboundError(id) };
    try {
      return f();
    } finally {
      this.phase--;
      this.ctx = saved.ctx;
      this.pendingName = saved.pending;
      this.localScopes = saved.locals;
    }
  }

  /** Expands `stx`, naming it `name` when it is directly a lambda form. */
  expandNamedExpr(stx: Syntax, name: string): Core {
    const savedName = this.localName;
    this.localName = name;
    let form: Syntax;
    try {
      form = this.partialExpandIn(stx, 'expression');
    } finally {
      this.localName = savedName;
    }
    const head = this.coreHead(form);
    if (head === 'lambda' || head === 'case-lambda' || head === '#%plain-lambda') this.pendingName = name;
    else if (head !== null && NAME_PASSING_FORMS.has(head)) this.tailName = name;
    return this.expandExpr(form);
  }

  /**
   * The name a form of NAME_PASSING_FORMS gives the expressions in its result
   * positions: `(define f (if c (lambda ...) ...))` names the lambda `f`, as Racket does.
   */
  private tailName: string | null = null;
  takeTailName(): string | null {
    const n = this.tailName;
    this.tailName = null;
    return n;
  }

  /** Expands an expression in a result position of a form named `name` (null: not named). */
  expandTail(stx: Syntax, name: string | null): Core {
    return name === null ? this.expandExpr(stx) : this.expandNamedExpr(stx, name);
  }

  /** Core forms that produce transformers at compile time (syntax-rules). */
  readonly transformerMakers = new Map<string, (stx: Syntax, ex: Expander) => MacroTransformer>();

  // ---------------------------------------------------------------- binding forms

  /** Makes a fresh local variable for binder `id` (whose scopes already include the new scope). */
  bindLocal(id: Syntax): LocalVar {
    const v = new LocalVar(idSym(id).name);
    this.bind(id, { kind: 'local', v });
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
    return this.withinLocalScope(sc, () => {
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
      const anonymous = name === null || name === inferredName(whole) || name === inferredName(whole, true);
      // The lambda keyword of a JS macro's output is a racket/base identifier of the runtime's own.
      const form = syntaxE(whole);
      const head = form instanceof Pair ? form.car : null;
      // Named or not: a macro's own temporaries (`fail%2`) name nothing a user wrote.
      const introduced =
        (anonymous || (name !== null && /%\d+$/.test(name))) && head instanceof Syntax && head.scopes.includes(this.baseScope);
      const loc = whole.loc !== null && !isLocationless(whole.loc) ? whole.loc : null;
      return {
        t: 'lambda',
        req: reqV,
        opt: optV,
        rest: restV,
        body: bodyCore,
        name: name ?? inferredName(whole),
        loc,
        anonymous,
        introduced,
      };
    });
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
      for (const [n, m] of lib.exports) this.table.add(n, [sc], m, 0);
      // `#lang racket` (and the languages made from it) also provides racket/base for syntax:
      // bound when phase 1 is first expanded.
      if (FOR_SYNTAX_BASE.has(name)) {
        const base = this.library('racket/base')!;
        const langScope = sc;
        this.pendingPhaseOne.push(() => {
          for (const [n, m] of base.exports) this.table.add(n, [langScope], m, 1);
        });
      }
      this.langScopes.set(name, sc);
    }
    return sc;
  }

  private readonly moduleLanguageScopes = new WeakMap<object, Scope>();
  /** The scope under which a module used as a module language binds its exports (its phase-0 ones). */
  moduleLanguageScope(m: { name: string; exports: Map<string, Meaning> }): Scope {
    let sc = this.moduleLanguageScopes.get(m);
    if (sc === undefined) {
      sc = new Scope(m.name);
      for (const [n, meaning] of m.exports) this.table.add(n, [sc], meaning, 0);
      this.moduleLanguageScopes.set(m, sc);
    }
    return sc;
  }

  /** Core handlers by name, registered by core-forms.ts. */
  coreForm(name: string, expand: CoreFormHandler, identity?: string): Meaning {
    return identity === undefined ? { kind: 'core', name, expand } : { kind: 'core', name, expand, identity };
  }
}

// ---------------------------------------------------------------- helpers

function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (a === b) return true;
  if (a.kind === 'local' && b.kind === 'local') return a.v === b.v;
  if (a.kind === 'top' && b.kind === 'top') return a.v === b.v;
  if (a.kind === 'core' && b.kind === 'core') return (a.identity ?? a.name) === (b.identity ?? b.name);
  if (a.kind === 'macro' && b.kind === 'macro') return a.transform === b.transform;
  if (a.kind === 'syntax' && b.kind === 'syntax') return a.value === b.value;
  return false;
}

/**
 * Code read from `-e` strings and standard input: Racket reads it from ports
 * that do not count lines, so its errors carry no location. The REPL counts
 * its lines, and reads with the source 'stdin (a symbol), which keeps them.
 */
export function isLocationless(loc: SrcLoc): boolean {
  return (loc.source === 'string' || loc.source === 'stdin') && !(loc.sourceValue instanceof Sym);
}

/** `source:line:col` with the source relative to `cwd` when it lies inside it, as Racket prints locations. */
export function formatLoc(loc: SrcLoc, cwd: string): string {
  const prefix = cwd.endsWith('/') ? cwd : cwd + '/';
  const src = loc.source.startsWith(prefix) ? loc.source.slice(prefix.length) : loc.source;
  return lineColumnString(src, loc);
}

/** `id`'s scopes and location on symbol `name` (to ask what `#%app` means where `id` is). */
function withSymbol(id: Syntax, name: string): Syntax {
  return new Syntax(sym(name), id.loc, id.scopes);
}

/** `stx` (a use of keyword `id`, alone or at the head of a form) with `target` in place of the keyword. */
function replaceKeyword(stx: Syntax, id: Syntax, target: Syntax): Syntax {
  if (stx === id) return target;
  const e = syntaxE(stx) as Pair;
  return new Syntax(new Pair(target, e.cdr), stx.loc, stx.scopes, stx.props);
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
/** Core forms whose result positions inherit the name of a definition or binding. */
const NAME_PASSING_FORMS = new Set(['if', 'begin', 'begin0', '#%expression', 'let-values', 'letrec-values', 'with-continuation-mark']);

export function inferredName(stx: Syntax, viaMacro = false): string | null {
  const loc = stx.loc;
  // Racket names a procedure by where it is only when the source is a path or string, not a symbol ('stdin).
  if (loc === null || loc.sourceValue instanceof Sym) return null;
  const keep = viaMacro ? 20 : 19;
  const src = loc.source.length > 20 ? '...' + loc.source.slice(loc.source.length - keep) : loc.source;
  return lineColumnString(src, loc);
}
