// racket/class's forms: class, class*, interface, mixin, new, send and the
// rest, over the records of prims/classes.ts and lib/class.rkt.
//
// `class` expands its body into:
//   - one call of class:make describing the class (its methods by kind, its
//     fields, init variables), which lays out the method vector and the
//     object's struct type;
//   - variables holding the positions it needs (each method's index, each
//     field's slot, the superclass method each `super` calls);
//   - a lambda `(this . formals)` per method and an init procedure
//     `(this init-args super-init)` running the body's fields, init
//     variables and expressions in order;
//   - class:install!, which puts them in place.
// Inside the body, a scope of the class's own binds `this`, the fields and
// the methods as macros: a field is a slot of `this`, a method call goes
// through the method vector by its index (no lookup by name), a private
// method is called directly. These macros refer to the class's variables
// and to each lambda's `this` by identifiers carrying the use site's
// scopes, so they find the binding of the lambda they appear in.

import { Builder, jsMacro } from '../expand/build.js';
import { type Expander, type MacroTransformer, type Meaning, inferredName } from '../expand/expander.js';
import { addScope, idSym, removeScope, syntaxToDatum, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { Scope, Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, RString, uninternedSym, RVector, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { items } from './forms.js';

type Transform = MacroTransformer & { classKeyword?: string };

/** racket/class's clause keywords and the forms meaningful only in a class body. */
const CLAUSE_KEYWORDS = [
  'init',
  'init-field',
  'field',
  'init-rest',
  'inspect',
  'public',
  'public*',
  'public-final',
  'public-final*',
  'private',
  'private*',
  'pubment',
  'pubment*',
  'override',
  'override*',
  'override-final',
  'override-final*',
  'overment',
  'overment*',
  'augment',
  'augment*',
  'augment-final',
  'augment-final*',
  'augride',
  'augride*',
  'abstract',
  'inherit',
  'inherit/super',
  'inherit/inner',
  'inherit-field',
  'rename-super',
  'rename-inner',
  'define/public',
  'define/public-final',
  'define/private',
  'define/pubment',
  'define/override',
  'define/override-final',
  'define/overment',
  'define/augment',
  'define/augment-final',
  'define/augride',
];
/** Keywords the body's expressions use; each class binds them anew in its body. */
const BODY_KEYWORDS = ['this', 'this%', 'super', 'inner', 'super-new', 'super-make-object', 'super-instantiate'];

/**
 * The `this` of the method or init body being expanded (innermost last):
 * a `this` a macro introduces there has not the class's scope, yet means
 * the object, as Racket's `this` (a syntax parameter) does.
 */
const thisStack: Syntax[] = [];

/** `(%class-with-this this-ref body)`: `body`, expanded with `this` meaning `this-ref`. */
const withThisForm: Meaning = {
  kind: 'core',
  name: '%class-with-this',
  expand: (stx, ex) => {
    const p = syntaxList(stx)!;
    thisStack.push(p[1]);
    try {
      return ex.expandExpr(p[2]);
    } finally {
      thisStack.pop();
    }
  },
};

function keywordMacro(name: string, message = 'use of a class keyword is not in a class top-level'): Meaning {
  const transform: Transform = (stx, ex) => {
    const self = name === 'this' ? thisStack[thisStack.length - 1] : undefined;
    if (self === undefined) return ex.syntaxError(name, message, stx);
    const e = syntaxE(stx);
    return e instanceof Pair ? new Syntax(new Pair(self, e.cdr), stx.loc, stx.scopes) : self;
  };
  transform.classKeyword = name;
  transform.alone = true;
  return { kind: 'macro', name, transform };
}

/** The class keyword `stx`'s head means, if it is one. */
function clauseKeyword(ex: Expander, stx: Syntax): string | null {
  const e = syntaxE(stx);
  if (!(e instanceof Pair) || !isIdentifier(e.car)) return null;
  const m = ex.resolve(e.car as Syntax);
  if (m === null || m.kind !== 'macro') return null;
  const k = (m.transform as Transform).classKeyword;
  return k !== undefined && CLAUSE_KEYWORDS.includes(k) ? k : null;
}

/** Whether `stx` is a use of `this`, `super-new`, ... (expanded once the class's variables exist). */
function bodyKeywordHead(ex: Expander, stx: Syntax): boolean {
  const e = syntaxE(stx);
  const head = e instanceof Pair ? e.car : stx;
  if (!isIdentifier(head)) return false;
  const m = ex.resolve(head);
  if (m === null || m.kind !== 'macro') return false;
  const k = (m.transform as Transform).classKeyword;
  return k !== undefined && BODY_KEYWORDS.includes(k);
}

/**
 * The compile-time values of names define-local-member-name declares:
 * uninterned symbols, which members so named are named by. (Evaluating the
 * declaration at compile time copies the symbol, so it is known by its
 * name, which no interned symbol shares.)
 */
const localMemberNames = new Set<string>();
let localMemberCount = 0;

/**
 * define-member-name's names: a placeholder symbol (which the class forms
 * use as the member's name, and which the class records translate while
 * the class is made) and the variable holding the key it stands for.
 */
const dynamicMemberNames = new Map<string, Syntax>();
/** The placeholders the member names looked up since the last reset stand for (a class expansion wraps itself for them). */
const usedDynamicNames = new Set<string>();

/** The member name identifier `id` stands for: its own symbol, or a local member name's. */
function memberSym(ex: Expander, id: Syntax): Sym {
  const m = ex.resolve(id);
  if (m !== null && m.kind === 'syntax' && m.value instanceof Sym && !m.value.interned && localMemberNames.has(m.value.name))
    return m.value;
  if (m !== null && m.kind === 'syntax' && m.value instanceof Sym && !m.value.interned && dynamicMemberNames.has(m.value.name)) {
    usedDynamicNames.add(m.value.name);
    return m.value;
  }
  return idSym(id);
}

/** A field name of get-field and the like, as an expression. */
function fieldNameExpr(ex: Expander, b: Builder, who: string, id: Syntax): Syntax {
  if (!isIdentifier(id)) ex.syntaxError(who, 'field name is not an identifier', id);
  return memberNameExpr(ex, b, id);
}

/** The member name `id` stands for as an expression: a quoted symbol, or (for define-member-name's) its key's. */
function memberNameExpr(ex: Expander, b: Builder, id: Syntax): Syntax {
  const s = memberSym(ex, id);
  const key = dynamicMemberNames.get(s.name);
  if (key === undefined || s.interned) return b.quote(s);
  return b.list(b.quote(ex.rtPrim('class:member-key-name')), key);
}

/** An uninterned symbol of this name (a placeholder, as quoted in the class's forms). */
function uninternedSymNamed(name: string): Sym {
  return placeholders.get(name) ?? uninternedSym(name);
}
const placeholders = new Map<string, Sym>();

const named = (ex: Expander, s: Value, name: string): boolean => isIdentifier(s) && ex.isBase(s, name);

/** A method's definition: its procedure (with `this` first) and the name it is known by. */
interface MethodDef {
  internal: Syntax;
  rhs: Syntax;
  at: Syntax;
}

type InitItem =
  | { t: 'init'; internal: Syntax; external: string; dflt: Syntax | null; field: Syntax | null }
  | { t: 'field'; id: Syntax; rhs: Syntax }
  | { t: 'define'; ids: Syntax[]; rhs: Syntax }
  | { t: 'rest'; id: Syntax | null }
  | { t: 'expr'; e: Syntax };

const METHOD_DECLS: Record<string, string> = {
  public: 'public',
  'public-final': 'public-final',
  private: 'private',
  pubment: 'pubment',
  override: 'override',
  'override-final': 'override-final',
  overment: 'overment',
  augment: 'augment',
  'augment-final': 'augment-final',
  augride: 'augride',
};

class ClassExpansion {
  readonly sc = new Scope('class');
  /** Method declarations: internal identifier, external name, kind. */
  readonly decls: { internal: Syntax; external: string; kind: string }[] = [];
  readonly defs: MethodDef[] = [];
  readonly abstracts: string[] = [];
  readonly inherits: { internal: Syntax; external: string; kind: string }[] = [];
  readonly inheritFields: { internal: Syntax; external: string }[] = [];
  readonly renames: { internal: Syntax; external: string; kind: 'super' | 'inner' }[] = [];
  readonly inits: InitItem[] = [];
  transparent = false;
  initRest = false;
  /** The object's own fields in order: their public names or null (private). */
  readonly ownFields: (string | null)[] = [];
  readonly fieldIds: { id: Syntax; slot: number }[] = [];
  readonly initNames: string[] = [];
  /** Init variables that are not fields: the init procedure binds them; elsewhere in the body they are errors. */
  readonly initOnly: Syntax[] = [];
  readonly thisSym: Sym;
  constructor(
    readonly ex: Expander,
    readonly b: Builder,
    readonly stx: Syntax,
    readonly who: string,
  ) {
    this.thisSym = sym(ex.fresh('this'));
  }

  /** An identifier the class's output binds: only the class scope (the macro's own scope goes when the output leaves it). */
  binder(s: Sym): Syntax {
    const intro = this.ex.currentIntro;
    return new Syntax(s, this.stx.loc, intro === null ? [this.sc] : [this.sc, intro]);
  }
  /** Binds `id` as it will be once the class's output leaves this macro (without its introduction scope). */
  bindAfter(id: Syntax, m: Meaning): void {
    const intro = this.ex.currentIntro;
    this.ex.bind(intro === null ? id : removeScope(id, intro), m);
  }
  temp(name: string): Sym {
    return sym(this.ex.fresh(name));
  }

  bad(sub: Syntax, message = 'bad syntax'): never {
    return this.ex.syntaxError(this.who, message, this.stx, sub);
  }

  /** `id` or `[internal external]`. */
  renamed(spec: Syntax): [Syntax, string] {
    if (isIdentifier(spec)) return [spec, memberSym(this.ex, spec).name];
    const p = syntaxList(spec);
    if (p === null || p.length !== 2 || !isIdentifier(p[0]) || !isIdentifier(p[1])) this.bad(spec);
    return [p[0], memberSym(this.ex, p[1]).name];
  }

  /** An init spec: `id`, `[id default]`, `[(internal external)]`, `[(internal external) default]`. */
  initSpec(spec: Syntax, needDefault: boolean): [Syntax, string, Syntax | null] {
    if (isIdentifier(spec)) {
      if (needDefault) this.bad(spec);
      return [spec, memberSym(this.ex, spec).name, null];
    }
    const p = syntaxList(spec);
    if (p === null || p.length < 1 || p.length > 2) this.bad(spec);
    const [internal, external] = this.renamed(p[0]);
    if (needDefault && p.length !== 2) this.bad(spec);
    return [internal, external, p[1] ?? null];
  }

  clause(kw: string, form: Syntax): void {
    const p = syntaxList(form) ?? this.bad(form);
    const args = p.slice(1);
    switch (kw) {
      case 'inspect':
        if (args.length !== 1) this.bad(form);
        this.transparent = syntaxE(args[0]) === false;
        this.inits.push({ t: 'expr', e: args[0] });
        return;
      case 'init':
      case 'init-field':
        for (const s of args) {
          const [internal, external, dflt] = this.initSpec(s, false);
          this.initNames.push(external);
          let field: Syntax | null = null;
          if (kw === 'init-field') {
            this.addField(internal, external);
            field = internal;
          } else this.initOnly.push(internal);
          this.inits.push({ t: 'init', internal, external, dflt, field });
        }
        return;
      case 'field':
        for (const s of args) {
          const [internal, external, rhs] = this.initSpec(s, true);
          this.addField(internal, external);
          this.inits.push({ t: 'field', id: internal, rhs: rhs! });
        }
        return;
      case 'init-rest':
        if (args.length > 1 || (args.length === 1 && !isIdentifier(args[0]))) this.bad(form);
        this.initRest = true;
        this.inits.push({ t: 'rest', id: args[0] ?? null });
        return;
      case 'abstract':
        for (const s of args) {
          const [internal, external] = this.renamed(s);
          this.decls.push({ internal, external, kind: 'abstract' });
        }
        return;
      case 'inherit':
      case 'inherit/super':
      case 'inherit/inner':
        for (const s of args) {
          const [internal, external] = this.renamed(s);
          this.inherits.push({ internal, external, kind: kw });
        }
        return;
      case 'inherit-field':
        for (const s of args) {
          const [internal, external] = this.renamed(s);
          this.inheritFields.push({ internal, external });
        }
        return;
      case 'rename-super':
      case 'rename-inner':
        for (const s of args) {
          const [internal, external] = this.renamed(s);
          this.renames.push({ internal, external, kind: kw === 'rename-super' ? 'super' : 'inner' });
        }
        return;
    }
    if (kw.startsWith('define/')) {
      const kind = kw.slice('define/'.length);
      if (args.length < 2) this.bad(form);
      let header = args[0];
      let rhs: Syntax;
      if (isIdentifier(header)) {
        if (args.length !== 2) this.bad(form);
        rhs = args[1];
      } else {
        const e = syntaxE(header);
        if (!(e instanceof Pair) || !isIdentifier(e.car)) this.bad(form);
        header = e.car as Syntax;
        rhs = this.b.list('lambda', new Syntax(e.cdr, args[0].loc, args[0].scopes), ...args.slice(1));
      }
      this.decls.push({ internal: header, external: memberSym(this.ex, header).name, kind });
      this.defs.push({ internal: header, rhs, at: form });
      return;
    }
    const star = kw.endsWith('*');
    const kind = METHOD_DECLS[star ? kw.slice(0, -1) : kw];
    for (const s of args) {
      if (star) {
        const q = syntaxList(s);
        if (q === null || q.length !== 2 || !isIdentifier(q[0])) this.bad(s);
        this.decls.push({ internal: q[0], external: memberSym(this.ex, q[0]).name, kind });
        this.defs.push({ internal: q[0], rhs: q[1], at: s });
      } else {
        const [internal, external] = this.renamed(s);
        this.decls.push({ internal, external, kind });
      }
    }
  }

  addField(id: Syntax, external: string | null): void {
    this.fieldIds.push({ id, slot: this.ownFields.length });
    this.ownFields.push(external);
  }

  /** Expands macro uses at the head of `form` one step at a time, stopping at a class clause or a core form. */
  expandToClause(form: Syntax): Syntax {
    const ex = this.ex;
    return ex.withContext('internal-definition', () => {
      for (;;) {
        if (clauseKeyword(ex, form) !== null || bodyKeywordHead(ex, form)) return form;
        const e = syntaxE(form);
        const head = e instanceof Pair ? e.car : null;
        if (!isIdentifier(head)) return form;
        const m = ex.resolve(head);
        if (m === null) return form;
        const next = ex.transformStep(m, form, head);
        if (next === null) return form;
        form = next;
      }
    });
  }

  /** Takes the body apart: clauses, definitions and expressions, in order. */
  parseBody(forms: Syntax[]): void {
    const queue = [...forms];
    const ex = this.ex;
    while (queue.length > 0) {
      let form = queue.shift()!;
      let kw = clauseKeyword(ex, form);
      if (kw === null && bodyKeywordHead(ex, form)) {
        this.inits.push({ t: 'expr', e: form });
        continue;
      }
      if (kw === null) {
        form = this.expandToClause(form);
        kw = clauseKeyword(ex, form);
      }
      if (kw !== null) {
        this.clause(kw, form);
        continue;
      }
      const core = ex.coreHead(form);
      if (core === 'begin') {
        queue.unshift(...syntaxList(form)!.slice(1));
        continue;
      }
      if (core === 'define-values') {
        const [ids, rhs] = ex.parseDefineValues(form);
        this.inits.push({ t: 'define', ids, rhs });
        continue;
      }
      if (core === 'define-syntaxes') {
        ex.defineSyntaxes(form);
        continue;
      }
      this.inits.push({ t: 'expr', e: form });
    }
    // A define-values of a declared method name defines that method.
    const declared = new Map(this.decls.map((d) => [idSym(d.internal).name, d]));
    for (let i = 0; i < this.inits.length; i++) {
      const it = this.inits[i];
      if (it.t !== 'define') continue;
      const methods = it.ids.filter((id) => declared.has(idSym(id).name));
      if (methods.length === 0) {
        for (const id of it.ids) this.addField(id, null);
        continue;
      }
      if (it.ids.length !== 1) this.bad(it.rhs, 'cannot define methods with define-values of several names');
      this.defs.push({ internal: it.ids[0], rhs: it.rhs, at: it.rhs });
      this.inits.splice(i--, 1);
    }
    const seenDecl = new Set<string>();
    for (const d of [...this.decls, ...this.inherits, ...this.renames]) {
      const n = idSym(d.internal).name;
      if (seenDecl.has(n)) this.ex.syntaxError('class', 'duplicate declared identifier', this.stx, d.internal);
      seenDecl.add(n);
    }
    const defined = new Set(this.defs.map((d) => idSym(d.internal).name));
    for (const d of this.decls)
      if (d.kind !== 'abstract' && !defined.has(idSym(d.internal).name)) this.bad(d.internal, 'method declared but not defined');
  }

  /** The method procedure for a definition: `this` added before its formals. */
  methodLambda(def: MethodDef, thisId: Syntax, name: string): Syntax {
    const ex = this.ex;
    const b = this.b;
    let rhs = def.rhs;
    const withThis = (formals: Syntax): Syntax => new Syntax(new Pair(thisId, syntaxE(formals)), formals.loc, formals.scopes);
    const bodyWithThis = (forms: Syntax[]): Syntax[] => [
      b.list('%class-with-this', ClassExpansion.ref(thisId, idSym(thisId)), b.list('let', b.list(), ...forms)),
    ];
    for (let tries = 0; tries < 2; tries++) {
      const p = syntaxList(rhs);
      if (p !== null && p.length >= 3 && (named(ex, p[0], 'lambda') || named(ex, p[0], 'λ') || named(ex, p[0], '#%plain-lambda'))) {
        const lam = b.list('lambda', withThis(p[1]), ...bodyWithThis(p.slice(2)));
        const n = b.hidden(name);
        return b.list('letrec-values', b.list(b.list(b.list(n), lam)), n);
      }
      if (p !== null && p.length >= 1 && named(ex, p[0], 'case-lambda')) {
        const clauses = p.slice(1).map((c) => {
          const q = syntaxList(c) ?? this.bad(c);
          return b.list(withThis(q[0]), ...bodyWithThis(q.slice(1)));
        });
        const n = b.hidden(name);
        return b.list('letrec-values', b.list(b.list(b.list(n), b.list('case-lambda', ...clauses))), n);
      }
      rhs = ex.partialExpandIn(rhs, 'expression');
    }
    return this.bad(def.at, 'ill-formed method definition: expected a lambda form');
  }

  expand(superExpr: Syntax, ifaceExprs: Syntax[], body: Syntax[]): Syntax {
    // Members named by define-member-name: the class is made with their keys' names in place of the placeholders.
    const outer = [...usedDynamicNames];
    usedDynamicNames.clear();
    try {
      const out = this.expandClass(superExpr, ifaceExprs, body);
      if (usedDynamicNames.size === 0) return out;
      const b = this.b;
      const pairs = [...usedDynamicNames].map((n) => b.list('cons', b.quote(uninternedSymNamed(n)), dynamicMemberNames.get(n)!));
      return b.list('%class-call-with-member-names', b.list('list', ...pairs), b.list('lambda', b.list(), out));
    } finally {
      for (const n of outer) usedDynamicNames.add(n);
    }
  }

  expandClass(superExpr: Syntax, ifaceExprs: Syntax[], body: Syntax[]): Syntax {
    const ex = this.ex;
    const b = this.b;
    const name = ex.localName ?? locationName(this.stx);
    const scoped = body.map((f) => addScope(f, this.sc));
    const clsSym = this.temp('class');
    const supSym = this.temp('super');
    const iaSym = this.temp('init-args');
    const superInitSym = this.temp('super-init');
    this.bindings = { iaSym, superInitSym, clsSym };
    this.bindBodyKeywords(scoped);
    this.finishBodyKeywords();
    this.parseBody(scoped);
    const cls = this.binder(clsSym);
    const thisId = this.binder(this.thisSym);
    const q = (v: Value) => b.quote(v);
    const bindings: Syntax[] = [];
    const local = (n: string, rhs: Syntax): Sym => {
      const s = this.temp(n);
      bindings.push(b.list(b.list(this.binder(s)), rhs));
      return s;
    };
    const prim = (n: string) => b.quote(ex.rtPrim(n));
    // Positions of public methods (declared here or inherited).
    const methodIndex = new Map<string, Sym>();
    const indexOf = (external: string): Sym => {
      let s = methodIndex.get(external);
      if (s === undefined) {
        s = local(`${external}-index`, b.list(prim('class:method-index'), cls, q(sym(external))));
        methodIndex.set(external, s);
      }
      return s;
    };
    const superOf = new Map<string, Sym>();
    const superFor = (external: string): Sym => {
      let s = superOf.get(external);
      if (s === undefined) {
        s = local(`super-${external}`, b.list(prim('class:super-method'), cls, q(sym(external))));
        superOf.set(external, s);
      }
      return s;
    };
    const positionOf = new Map<string, Sym>();
    const positionFor = (external: string): Sym => {
      let s = positionOf.get(external);
      if (s === undefined) {
        s = local(`${external}-position`, b.list(prim('class:position'), cls, q(sym(external))));
        positionOf.set(external, s);
      }
      return s;
    };
    const fieldBase = local('field-base', b.list(prim('class:own-field-base'), cls));
    // Identifiers the body's macros bind, with what they stand for.
    const privates: { internal: Syntax; proc: Sym }[] = [];
    const publicDecls = this.decls.filter((d) => d.kind !== 'private');
    const superKinds = new Set(['override', 'override-final', 'overment', 'augride']);
    const innerKinds = new Set(['pubment', 'overment', 'augment', 'augride', 'augment-final']);
    for (const d of publicDecls) {
      const idx = indexOf(d.external);
      this.bindMethod(d.internal, { t: 'public', idx });
      if (superKinds.has(d.kind)) superFor(d.external);
      if (innerKinds.has(d.kind)) positionFor(d.external);
    }
    for (const h of this.inherits) {
      this.bindMethod(h.internal, { t: 'public', idx: indexOf(h.external) });
      if (h.kind === 'inherit/super') superFor(h.external);
      if (h.kind === 'inherit/inner') positionFor(h.external);
    }
    for (const r of this.renames) {
      if (r.kind === 'super') this.bindMethod(r.internal, { t: 'super', proc: superFor(r.external) });
      else this.bindMethod(r.internal, { t: 'inner', idx: indexOf(r.external), pos: positionFor(r.external) });
    }
    for (const d of this.decls.filter((x) => x.kind === 'private')) {
      const proc = this.temp(idSym(d.internal).name);
      privates.push({ internal: d.internal, proc });
      this.bindMethod(d.internal, { t: 'private', proc });
    }
    for (const id of this.initOnly) {
      const transform: Transform = (stx, e) => e.syntaxError('class', 'cannot use non-field init variable in a method', stx);
      transform.alone = true;
      this.bindAfter(id, { kind: 'macro', name: idSym(id).name, transform });
    }
    const fieldSlot = new Map<Syntax, Sym>();
    for (const f of this.fieldIds) {
      const s = local(`${idSym(f.id).name}-slot`, b.list('+', this.binder(fieldBase), b.datum(f.slot)));
      fieldSlot.set(f.id, s);
      this.bindField(f.id, s);
    }
    for (const f of this.inheritFields) {
      const s = local(`${f.external}-slot`, b.list(prim('class:field-index'), cls, q(sym(f.external))));
      this.bindField(f.internal, s);
    }
    this.superCalls = { supers: superOf, indexes: indexOf, positions: positionFor };
    // The method procedures, in the order class:make lists the class's own methods.
    const className = name;
    const byName = new Map(this.defs.map((d) => [idSym(d.internal).name, d]));
    const own = publicDecls.map((d) => d);
    const procs = own.map((d) =>
      d.kind === 'abstract'
        ? b.datum(false)
        : this.methodLambda(byName.get(idSym(d.internal).name)!, thisId, `${d.external} method in ${className}`),
    );
    const privateBinds = privates.map((pr) =>
      b.list(
        b.list(this.binder(pr.proc)),
        this.methodLambda(byName.get(idSym(pr.internal).name)!, thisId, `${idSym(pr.internal).name} method in ${className}`),
      ),
    );
    const initBody = this.initBody(thisId, this.binder(iaSym), fieldSlot);
    const initProc = b.list(
      'lambda',
      b.list(thisId, this.binder(iaSym), this.binder(superInitSym)),
      b.list('%class-with-this', ClassExpansion.ref(thisId, idSym(thisId)), b.list('let', b.list(), ...initBody)),
    );
    const methodSpec = listFromArray(own.map((d) => new Pair(sym(d.kind), sym(d.external))));
    const fieldSpec = listFromArray(this.ownFields.map((f) => (f === null ? false : sym(f))));
    // A sealed superclass checks the names this class declares (class-seal), listed as Racket lists them:
    // an overriding or augmenting method is also a (hidden) rename, fields come before init-fields.
    const names = (xs: string[]) => q(listFromArray(xs.map((n) => sym(n))));
    const ofKinds = (...kinds: string[]) => own.filter((d) => kinds.includes(d.kind)).map((d) => d.external);
    const plainFields = this.ownFields.filter((f): f is string => f !== null);
    const sealCheck = b.list(
      '%class-check-seals',
      this.binder(supSym),
      names(this.initNames),
      names([
        ...plainFields.filter((f) => !this.initNames.includes(f)),
        ...plainFields.filter((f) => this.initNames.includes(f)),
        ...this.inheritFields.map((f) => f.external),
      ]),
      names([
        ...ofKinds('override', 'override-final', 'overment'),
        ...this.renames.filter((r) => r.kind === 'super').map((r) => r.external),
        ...ofKinds('augment', 'augment-final', 'augride'),
        ...this.renames.filter((r) => r.kind === 'inner').map((r) => r.external),
        ...['pubment', 'public-final', 'public', 'overment', 'override-final', 'override', 'augment', 'augment-final', 'augride'].flatMap(
          (k) => ofKinds(k),
        ),
        ...this.inherits.map((h) => h.external),
        ...ofKinds('abstract'),
      ]),
    );
    const make = b.list(
      prim('class:make'),
      q(sym(className)),
      this.binder(supSym),
      b.list('list', ...ifaceExprs),
      q(methodSpec),
      q(listFromArray(this.inherits.map((h) => sym(h.external)))),
      q(fieldSpec),
      b.datum(this.ownFields.length),
      q(listFromArray(this.initNames.map((n) => sym(n)))),
      b.datum(this.initRest),
      b.datum(this.transparent),
      q(sym(this.who)),
    );
    return b.list(
      'let-values',
      b.list(b.list(b.list(this.binder(supSym)), superExpr)),
      b.list(
        'let-values',
        b.list(b.list(b.list(cls), b.list('begin', sealCheck, make))),
        b.list(
          'let*-values',
          b.list(...bindings),
          b.list(
            'letrec-values',
            b.list(...privateBinds),
            b.list(prim('class:install!'), cls, b.list('vector', ...procs), initProc),
            b.list(prim('class:check-interfaces'), cls, q(sym(this.who))),
            cls,
          ),
        ),
      ),
    );
  }

  superCalls: { supers: Map<string, Sym>; indexes: (n: string) => Sym; positions: (n: string) => Sym } | null = null;
  bindings: { iaSym: Sym; superInitSym: Sym; clsSym: Sym } | null = null;

  initBody(thisId: Syntax, ia: Syntax, fieldSlot: Map<Syntax, Sym>): Syntax[] {
    const b = this.b;
    const prim = (n: string) => b.quote(this.ex.rtPrim(n));
    const slotRef = (id: Syntax) => this.binder(fieldSlot.get(id)!);
    const out: Syntax[] = [];
    for (const it of this.inits) {
      switch (it.t) {
        case 'init': {
          const v = this.binder(this.temp('v'));
          const value = b.list(
            'let-values',
            b.list(b.list(b.list(v), b.list(prim('class:take!'), ia, b.quote(sym(it.external))))),
            b.list(
              'if',
              b.list(prim('class:no-arg?'), v),
              it.dflt ?? b.list(prim('class:missing-init'), b.quote(sym(it.external)), this.binder(this.bindings!.clsSym)),
              v,
            ),
          );
          if (it.field !== null) out.push(b.list(prim('class:set!'), thisId, slotRef(it.field), value));
          else out.push(b.list('define-values', b.list(it.internal), value));
          break;
        }
        case 'field':
          out.push(b.list(prim('class:set!'), thisId, slotRef(it.id), it.rhs));
          break;
        case 'define': {
          if (it.ids.length === 1) {
            out.push(b.list(prim('class:set!'), thisId, slotRef(it.ids[0]), it.rhs));
            break;
          }
          const temps = it.ids.map(() => this.binder(this.temp('v')));
          out.push(
            b.list(
              'let-values',
              b.list(b.list(b.list(...temps), it.rhs)),
              ...it.ids.map((id, i) => b.list(prim('class:set!'), thisId, slotRef(id), temps[i])),
            ),
          );
          break;
        }
        case 'rest':
          if (it.id !== null) out.push(b.list('define-values', b.list(it.id), b.list(prim('class:take-rest!'), ia)));
          // Without a variable, by-position arguments are refused.
          else out.push(b.list(prim('class:refuse-rest!'), ia, this.binder(this.bindings!.clsSym)));
          break;
        case 'expr':
          out.push(it.e);
          break;
      }
    }
    out.push(b.list('void'));
    return out;
  }

  /** The use site's scopes on symbol `s`: how the body's macros refer to the class's variables. */
  static ref(at: Syntax, s: Sym): Syntax {
    return new Syntax(s, at.loc, at.scopes);
  }

  bindMethod(
    id: Syntax,
    how: { t: 'public'; idx: Sym } | { t: 'private'; proc: Sym } | { t: 'super'; proc: Sym } | { t: 'inner'; idx: Sym; pos: Sym },
  ): void {
    const thisSym = this.thisSym;
    const transform: Transform = (stx, ex) => {
      const b = new Builder(ex, stx.loc);
      const e = syntaxE(stx);
      const head = e instanceof Pair ? (e.car as Syntax) : stx;
      const self = ClassExpansion.ref(head, thisSym);
      const args = e instanceof Pair ? e.cdr : NULL;
      let proc: Syntax;
      if (how.t === 'public') proc = b.list(b.quote(ex.rtPrim('class:method')), self, ClassExpansion.ref(head, how.idx));
      else if (how.t === 'inner') {
        // (local default arg ...): the augmentation, or the default.
        const parts = syntaxList(stx);
        if (parts === null || parts.length < 2) return ex.badSyntax(stx);
        const p = b.temp('inner');
        return b.list(
          'let-values',
          b.list(
            b.list(
              b.list(p),
              b.list(b.quote(ex.rtPrim('class:inner')), self, ClassExpansion.ref(head, how.idx), ClassExpansion.ref(head, how.pos)),
            ),
          ),
          b.list('if', p, b.list(p, self, ...parts.slice(2)), parts[1]),
        );
      } else proc = ClassExpansion.ref(head, how.proc);
      if (!(e instanceof Pair)) {
        const rest = b.temp('args');
        return b.list('lambda', rest, b.list('apply', proc, self, rest));
      }
      return new Syntax(new Pair(proc, new Pair(self, args)), stx.loc, stx.scopes);
    };
    transform.alone = true;
    this.bindAfter(id, { kind: 'macro', name: idSym(id).name, transform });
  }

  bindField(id: Syntax, slot: Sym): void {
    const thisSym = this.thisSym;
    const transform: Transform = (stx, ex) => {
      const b = new Builder(ex, stx.loc);
      const e = syntaxE(stx);
      const head = e instanceof Pair ? (e.car as Syntax) : stx;
      const ref = b.list(b.quote(ex.rtPrim('class:ref')), ClassExpansion.ref(head, thisSym), ClassExpansion.ref(head, slot));
      if (!(e instanceof Pair)) return ref;
      return new Syntax(new Pair(ref, e.cdr), stx.loc, stx.scopes);
    };
    transform.alone = true;
    transform.set = (stx, ex) => {
      const b = new Builder(ex, stx.loc);
      const p = items(stx, ex, 3, 3);
      return b.list(b.quote(ex.rtPrim('class:set!')), ClassExpansion.ref(p[1], thisSym), ClassExpansion.ref(p[1], slot), p[2]);
    };
    this.bindAfter(id, { kind: 'macro', name: idSym(id).name, transform });
  }

  /** A method's external name from the name it is declared by here (they differ for renamed and local member names). */
  externalOf(internal: string): string {
    for (const d of [...this.decls, ...this.inherits]) if (idSym(d.internal).name === internal) return d.external;
    return internal;
  }

  /** Where `this`, `super-new` ... are used in the body: each such identifier's scope set. */
  private keywordUses: { name: string; id: Syntax }[] = [];

  bindBodyKeywords(forms: Syntax[]): void {
    const ex = this.ex;
    const seen: { name: string; id: Syntax }[] = [];
    const walk = (v: Value): void => {
      if (v instanceof Syntax) {
        const e = syntaxE(v);
        if (e instanceof Sym) {
          if (!BODY_KEYWORDS.includes(e.name)) return;
          // Its meaning without the class's scope: racket/class's keyword, or an enclosing class's.
          const m = ex.resolve(v);
          if (m === null || m.kind !== 'macro' || (m.transform as Transform).classKeyword !== e.name) return;
          if (!seen.some((s) => s.name === e.name && sameScopes(s.id, v))) seen.push({ name: e.name, id: v });
          return;
        }
        walk(e);
        return;
      }
      if (v instanceof Pair) {
        walk(v.car);
        walk(v.cdr);
      } else if (v instanceof RVector) for (const x of v.items) walk(x);
    };
    for (const f of forms) walk(f);
    this.keywordUses = seen;
  }

  finishBodyKeywords(): void {
    for (const { name, id } of this.keywordUses) {
      const transform = this.bodyKeyword(name);
      transform.classKeyword = name;
      transform.alone = true;
      this.bindAfter(id, { kind: 'macro', name, transform });
    }
  }

  bodyKeyword(name: string): Transform {
    const { iaSym, superInitSym } = this.bindings!;
    const thisSym = this.thisSym;
    return (stx, ex) => {
      const sc = this.superCalls!;
      const b = new Builder(ex, stx.loc);
      const e = syntaxE(stx);
      const head = e instanceof Pair ? (e.car as Syntax) : stx;
      const self = ClassExpansion.ref(head, thisSym);
      const prim = (n: string) => b.quote(ex.rtPrim(n));
      const parts = syntaxList(stx);
      const byName = (clauses: Syntax[]): Syntax =>
        b.list(
          'list',
          ...clauses.map((c) => {
            const q = syntaxList(c);
            if (q === null || q.length !== 2 || !isIdentifier(q[0])) return ex.badSyntax(stx);
            return b.list('cons', b.quote(idSym(q[0])), q[1]);
          }),
        );
      const superInit = (pos: Syntax, named: Syntax) =>
        b.list(ClassExpansion.ref(head, superInitSym), ClassExpansion.ref(head, iaSym), pos, named);
      switch (name) {
        case 'this':
          if (e instanceof Pair) return new Syntax(new Pair(self, e.cdr), stx.loc, stx.scopes);
          return self;
        case 'this%': {
          const c = b.list(prim('class:object-class'), self);
          if (e instanceof Pair) return new Syntax(new Pair(c, e.cdr), stx.loc, stx.scopes);
          return c;
        }
        case 'super-new':
          if (parts === null) return ex.syntaxError(name, 'bad syntax', stx);
          return superInit(b.quote(NULL), byName(parts.slice(1)));
        case 'super-make-object':
          if (parts === null) return ex.syntaxError(name, 'bad syntax', stx);
          return superInit(b.list('list', ...parts.slice(1)), b.quote(NULL));
        case 'super-instantiate': {
          if (parts === null || parts.length < 2) return ex.syntaxError(name, 'bad syntax', stx);
          const pos = syntaxList(parts[1]) ?? ex.badSyntax(stx);
          return superInit(b.list('list', ...pos), byName(parts.slice(2)));
        }
        case 'super': {
          if (parts === null || parts.length < 2 || !isIdentifier(parts[1])) return ex.syntaxError(name, 'bad syntax', stx);
          const m = this.externalOf(idSym(parts[1]).name);
          const s = sc.supers.get(m);
          if (s === undefined)
            return ex.syntaxError(
              name,
              'identifier for super call does not have an override, override-final, overment, or inherit/super declaration',
              stx,
              parts[1],
            );
          return b.list(ClassExpansion.ref(head, s), self, ...parts.slice(2));
        }
        case 'inner': {
          if (parts === null || parts.length < 3 || !isIdentifier(parts[2])) return ex.syntaxError(name, 'bad syntax', stx);
          const m = this.externalOf(idSym(parts[2]).name);
          const p = b.temp('inner');
          return b.list(
            'let-values',
            b.list(
              b.list(
                b.list(p),
                b.list(prim('class:inner'), self, ClassExpansion.ref(head, sc.indexes(m)), ClassExpansion.ref(head, sc.positions(m))),
              ),
            ),
            b.list('if', p, b.list(p, self, ...parts.slice(3)), parts[1]),
          );
        }
      }
      return ex.badSyntax(stx);
    };
  }
}

/** An anonymous class or interface is named by where it is written, as Racket names it. */
function locationName(stx: Syntax): string {
  return inferredName(stx, true) ?? 'class';
}

function sameScopes(a: Syntax, b: Syntax): boolean {
  if (a.scopes.length !== b.scopes.length) return false;
  return a.scopes.every((s) => b.scopes.includes(s));
}

/** `(class* super (interface ...) clause ...)`. */
const classStar = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const ifaces = syntaxList(p[2]) ?? ex.badSyntax(stx);
  return new ClassExpansion(ex, b, stx, 'class*').expand(p[1], ifaces, p.slice(3));
};

const classForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return new ClassExpansion(ex, b, stx, 'class*').expand(p[1], [], p.slice(2));
};

/** `(interface (super ...) name ...)`; a name may be `[name contract]`. */
const interfaceForm =
  (star: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, star ? 3 : 2);
    const supers = syntaxList(p[1]) ?? ex.badSyntax(stx);
    const props = star ? (syntaxList(p[2]) ?? ex.badSyntax(stx)) : [];
    const names = p.slice(star ? 3 : 2).map((s) => {
      if (isIdentifier(s)) return idSym(s);
      const q = syntaxList(s);
      if (q === null || q.length < 1 || !isIdentifier(q[0])) return ex.badSyntax(stx);
      return idSym(q[0]);
    });
    const name = ex.localName ?? locationName(stx);
    const make = b.list(
      b.quote(ex.rtPrim('class:make-interface')),
      b.quote(sym(name)),
      b.list('list', ...supers),
      b.quote(listFromArray(names)),
    );
    // interface*'s property values are evaluated; rkt's interfaces carry no properties.
    const propExprs = props.flatMap((c) => syntaxList(c) ?? []);
    return propExprs.length === 0 ? make : b.list('begin', ...propExprs, make);
  };

/** `(mixin (from ...) (to ...) clause ...)`: a procedure from a class to its subclass. */
const mixinForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const from = syntaxList(p[1]) ?? ex.badSyntax(stx);
  const to = syntaxList(p[2]) ?? ex.badSyntax(stx);
  const arg = b.temp('super');
  const who = ex.localName ?? 'mixin';
  const checks = from.map((i) => b.list(b.quote(ex.rtPrim('class:check-mixin-argument')), b.quote(sym(who)), arg, i));
  const cls = new ClassExpansion(ex, b, stx, 'class*').expand(arg, to, p.slice(3));
  return b.list('lambda', b.list(arg), ...checks, cls);
};

const strOf = (s: string): Value => new RString(s, true);

// ---------------------------------------------------------------- using objects

/** `(send obj method arg ...)`, where the arguments may end in `. rest`. */
function sendCall(b: Builder, ex: Expander, who: string, obj: Syntax, method: Syntax, args: Value, apply: boolean): Syntax {
  if (!isIdentifier(method)) ex.syntaxError(who, 'method name is not an identifier', method);
  const o = b.temp('obj');
  const find = b.list(b.quote(ex.rtPrim('class:find-method')), o, memberNameExpr(ex, b, method), b.quote(sym(who)));
  const list: Syntax[] = [];
  let l = args;
  while (l instanceof Pair) {
    list.push(l.car as Syntax);
    l = l.cdr;
  }
  if (l instanceof Syntax && syntaxE(l) instanceof Pair) {
    // A syntax pair in the tail: keep walking.
    let t: Value = syntaxE(l);
    while (t instanceof Pair) {
      list.push(t.car as Syntax);
      t = t.cdr instanceof Syntax && (syntaxE(t.cdr) instanceof Pair || syntaxE(t.cdr) === NULL) ? syntaxE(t.cdr) : t.cdr;
    }
    l = t;
  }
  const dotted = l !== NULL && !(l instanceof Syntax && syntaxE(l) === NULL);
  const call = dotted || apply ? b.list('apply', find, o, ...list, ...(dotted ? [l as Syntax] : [])) : b.list(find, o, ...list);
  return b.list('let-values', b.list(b.list(b.list(o), obj)), call);
}

const send = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const e = syntaxE(stx);
  const p1 = e instanceof Pair ? e.cdr : NULL;
  const p2 = p1 instanceof Pair ? p1.cdr : NULL;
  if (!(p1 instanceof Pair) || !(p2 instanceof Pair)) return ex.badSyntax(stx);
  return sendCall(b, ex, 'send', p1.car as Syntax, p2.car as Syntax, p2.cdr, false);
};

const sendApply = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  return sendCall(b, ex, 'send/apply', p[1], p[2], listFromArray(p.slice(3)), true);
};

const sendKeywordApply = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 6);
  if (!isIdentifier(p[2])) ex.syntaxError('send/keyword-apply', 'method name is not an identifier', p[2]);
  const o = b.temp('obj');
  const find = b.list(b.quote(ex.rtPrim('class:find-method')), o, memberNameExpr(ex, b, p[2]), b.quote(sym('send/keyword-apply')));
  return b.list('let-values', b.list(b.list(b.list(o), p[1])), b.list('keyword-apply', find, p[3], p[4], o, ...p.slice(5)));
};

const sendStar = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const o = b.temp('obj');
  const calls = p.slice(2).map((c) => {
    const e = syntaxE(c);
    if (!(e instanceof Pair)) return ex.badSyntax(stx);
    return sendCall(b, ex, 'send*', o, e.car as Syntax, e.cdr, false);
  });
  return b.list('let-values', b.list(b.list(b.list(o), p[1])), ...(calls.length === 0 ? [b.list('void')] : calls));
};

const sendPlus = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  let out = p[1];
  for (const c of p.slice(2)) {
    const e = syntaxE(c);
    if (!(e instanceof Pair)) return ex.badSyntax(stx);
    out = sendCall(b, ex, 'send+', out, e.car as Syntax, e.cdr, false);
  }
  return out;
};

/** `(with-method ([id (obj method)] ...) body ...)`. */
const withMethod = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const clauses = syntaxList(p[1]) ?? ex.badSyntax(stx);
  const binds = clauses.map((c) => {
    const q = syntaxList(c);
    const r = q !== null && q.length === 2 ? syntaxList(q[1]) : null;
    if (q === null || r === null || r.length !== 2 || !isIdentifier(q[0]) || !isIdentifier(r[1])) return ex.badSyntax(stx);
    const o = b.temp('obj');
    const m = b.temp('method');
    const args = b.temp('args');
    const find = b.list(b.quote(ex.rtPrim('class:find-method')), o, memberNameExpr(ex, b, r[1]), b.quote(sym('with-method')));
    return b.list(
      b.list(q[0]),
      b.list(
        'let-values',
        b.list(b.list(b.list(o), r[0])),
        b.list('let-values', b.list(b.list(b.list(m), find)), b.list('lambda', args, b.list('apply', m, o, args))),
      ),
    );
  });
  return b.list('let-values', b.list(...binds), ...p.slice(2));
};

const fieldName = (ex: Expander, who: string, id: Syntax): Sym =>
  isIdentifier(id) ? memberSym(ex, id) : ex.syntaxError(who, 'field name is not an identifier', id);

const getField = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  return b.list(b.quote(ex.rtPrim('class:get-field')), p[2], fieldNameExpr(ex, b, 'get-field', p[1]), b.quote(sym('get-field')));
};
const setField = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4, 4);
  return b.list(b.quote(ex.rtPrim('class:set-field!')), p[2], fieldNameExpr(ex, b, 'set-field!', p[1]), p[3], b.quote(sym('set-field!')));
};
const fieldBound = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  return b.list(b.quote(ex.rtPrim('class:field-bound?')), p[2], fieldNameExpr(ex, b, 'field-bound?', p[1]));
};
const fieldAccessor =
  (mutator: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const who = mutator ? 'class-field-mutator' : 'class-field-accessor';
    const p = items(stx, ex, 3, 3);
    const f = fieldName(ex, who, p[2]);
    const c = b.temp('class');
    const o = b.temp('obj');
    const v = b.temp('v');
    const check = b.list(
      'unless',
      b.list(b.quote(ex.rtPrim('class:is-a?')), o, c),
      b.list('raise-argument-error', b.quote(sym(who)), b.datum(strOf('object?')), o),
    );
    const body = mutator
      ? b.list('lambda', b.list(o, v), check, b.list(b.quote(ex.rtPrim('class:set-field!')), o, b.quote(f), v, b.quote(sym(who))))
      : b.list('lambda', b.list(o), check, b.list(b.quote(ex.rtPrim('class:get-field')), o, b.quote(f), b.quote(sym(who))));
    return b.list('let-values', b.list(b.list(b.list(c), p[1])), body);
  };

/** By-name init arguments `[id expr] ...` as a list of pairs. */
function byNameArgs(stx: Syntax, ex: Expander, b: Builder, clauses: Syntax[]): Syntax {
  return b.list(
    'list',
    ...clauses.map((c) => {
      const q = syntaxList(c);
      if (q === null || q.length !== 2 || !isIdentifier(q[0])) return ex.badSyntax(stx);
      return b.list('cons', b.quote(idSym(q[0])), q[1]);
    }),
  );
}

const newForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return b.list('%class-instantiate', p[1], b.quote(NULL), byNameArgs(stx, ex, b, p.slice(2)));
};
const makeObject = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return b.list('%class-instantiate', p[1], b.list('list', ...p.slice(2)), b.quote(NULL));
};
const instantiateForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const pos = syntaxList(p[2]) ?? ex.badSyntax(stx);
  return b.list('%class-instantiate', p[1], b.list('list', ...pos), byNameArgs(stx, ex, b, p.slice(3)));
};

const genericForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  if (!isIdentifier(p[2])) ex.syntaxError('generic', 'method name is not an identifier', p[2]);
  return b.list(b.quote(ex.rtPrim('class:make-generic')), p[1], memberNameExpr(ex, b, p[2]));
};
const sendGeneric = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const o = b.temp('obj');
  return b.list(
    'let-values',
    b.list(b.list(b.list(o), p[1])),
    b.list(b.list(b.quote(ex.rtPrim('class:generic-method')), p[2], o), o, ...p.slice(3)),
  );
};

// ---------------------------------------------------------------- contracts

/** `(->m dom ... range)`: a method contract, whose first argument is the object. */
const arrowM = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const doms = p.slice(1, -1);
  const pos: Syntax[] = [];
  const kws: Value[] = [];
  const kwCs: Syntax[] = [];
  for (let i = 0; i < doms.length; i++) {
    const d = syntaxE(doms[i]);
    if (d instanceof Keyword) {
      if (i + 1 >= doms.length) ex.badSyntax(stx);
      kws.push(d);
      kwCs.push(doms[++i]);
    } else pos.push(doms[i]);
  }
  const r = p[p.length - 1];
  const rp = syntaxList(r);
  const range =
    isIdentifier(r) && idSym(r).name === 'any'
      ? b.datum(false)
      : rp !== null && rp.length > 0 && isIdentifier(rp[0]) && idSym(rp[0]).name === 'values'
        ? b.list('list', ...rp.slice(1))
        : b.list('list', r);
  return b.list(
    '%c:make-arrow-contract',
    b.quote(sym('->m')),
    b.list('list', b.id('%c:any/c'), ...pos),
    b.list('list'),
    b.quote(listFromArray(kws)),
    b.list('list', ...kwCs),
    b.quote(NULL),
    b.list('list'),
    b.datum(false),
    range,
  );
};

/** `(->*m (mandatory ...) (optional ...) #:rest c range)`; the optional list and #:rest may be left out. */
const arrowStarM = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const split = (list: Syntax[]): [Syntax[], Value[], Syntax[]] => {
    const pos: Syntax[] = [];
    const kws: Value[] = [];
    const cs: Syntax[] = [];
    for (let i = 0; i < list.length; i++) {
      const d = syntaxE(list[i]);
      if (d instanceof Keyword) {
        if (i + 1 >= list.length) ex.badSyntax(stx);
        kws.push(d);
        cs.push(list[++i]);
      } else pos.push(list[i]);
    }
    return [pos, kws, cs];
  };
  const mand = split(syntaxList(p[1]) ?? ex.badSyntax(stx));
  let i = 2;
  let opt: [Syntax[], Value[], Syntax[]] = [[], [], []];
  const maybe = syntaxList(p[i]);
  if (maybe !== null && i < p.length - 1 && !(maybe.length > 0 && isIdentifier(maybe[0]) && idSym(maybe[0]).name === 'values')) {
    opt = split(maybe);
    i++;
  }
  let rest: Syntax = b.datum(false);
  if (i + 1 < p.length && syntaxE(p[i]) instanceof Keyword && (syntaxE(p[i]) as Keyword).name === 'rest') {
    rest = p[i + 1];
    i += 2;
  }
  if (i !== p.length - 1) ex.badSyntax(stx);
  return b.list(
    '%c:make-arrow-contract',
    b.quote(sym('->*m')),
    b.list('list', b.id('%c:any/c'), ...mand[0]),
    b.list('list', ...opt[0]),
    b.quote(listFromArray(mand[1])),
    b.list('list', ...mand[2]),
    b.quote(listFromArray(opt[1])),
    b.list('list', ...opt[2]),
    rest,
    rangeOf(b, p[i]),
  );
};

function rangeOf(b: Builder, r: Syntax): Syntax {
  const rp = syntaxList(r);
  if (isIdentifier(r) && idSym(r).name === 'any') return b.datum(false);
  if (rp !== null && rp.length > 0 && isIdentifier(rp[0]) && idSym(rp[0]).name === 'values') return b.list('list', ...rp.slice(1));
  return b.list('list', r);
}

/** `(class/c member ...)`: methods `m` or `[m contract]`, `(field f [f contract] ...)`, `(absent m ...)`, ... */
const classC =
  (forObject: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 1);
    const methods: Sym[] = [];
    const methodCs: Syntax[] = [];
    const fields: Sym[] = [];
    const absents: Sym[] = [];
    const nameOf = (s: Syntax): Sym =>
      isIdentifier(s) ? idSym(s) : ex.syntaxError(forObject ? 'object/c' : 'class/c', 'expected an identifier', stx, s);
    // The contract's name: the form, with each method contract's own name in place (a method's position stands for it).
    const template: Value[] = [];
    for (const spec of p.slice(1)) {
      if (isIdentifier(spec)) {
        methods.push(idSym(spec));
        methodCs.push(b.datum(false));
        template.push(idSym(spec));
        continue;
      }
      const q = syntaxList(spec) ?? ex.badSyntax(stx);
      if (q.length === 2 && isIdentifier(q[0]) && !CLASS_C_GROUPS.includes(idSym(q[0]).name)) {
        template.push(methods.length);
        methods.push(idSym(q[0]));
        methodCs.push(q[1]);
        continue;
      }
      template.push(syntaxToDatum(spec));
      if (q.length === 0 || !isIdentifier(q[0])) ex.badSyntax(stx);
      const group = idSym(q[0]).name;
      if (!CLASS_C_GROUPS.includes(group)) ex.badSyntax(stx);
      for (const m of q.slice(1)) {
        const id = isIdentifier(m) ? m : (syntaxList(m) ?? ex.badSyntax(stx))[0];
        if (group === 'field') fields.push(nameOf(id));
        else if (group === 'absent') absents.push(nameOf(id));
        // init, init-field, inherit, inherit-field, super, inner, override, augment, augride: not checked.
      }
    }
    return b.list(
      '%class-make-class/c',
      b.quote(new Pair(sym(forObject ? 'object/c' : 'class/c'), listFromArray(template))),
      b.quote(listFromArray(methods)),
      b.list('list', ...methodCs),
      b.quote(listFromArray(fields)),
      b.quote(listFromArray(absents)),
      b.datum(forObject),
    );
  };
const CLASS_C_GROUPS = [
  'field',
  'init',
  'init-field',
  'inherit',
  'inherit-field',
  'super',
  'inner',
  'override',
  'augment',
  'augride',
  'absent',
];

/** `(class/derived orig (name super (iface ...) deserialize) member ...)`: a class named `name` (a class* the way other forms make one). */
const classDerived = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const head = syntaxList(p[2]);
  if (head === null || head.length !== 4) ex.syntaxError('class/derived', 'bad syntax', stx, p[2]);
  const ifaces = syntaxList(head[2]) ?? ex.syntaxError('class/derived', 'bad syntax', stx, head[2]);
  const saved = ex.localName;
  ex.localName = isIdentifier(head[0]) ? idSym(head[0]).name : saved;
  try {
    return new ClassExpansion(ex, b, stx, 'class*').expand(head[1], ifaces, p.slice(3));
  } finally {
    ex.localName = saved;
  }
};

/**
 * `(define-serializable-class* name super (iface ...) member ...)` and
 * `(define-serializable-class name super member ...)`: define the class.
 * (rkt has no racket/serialize, so the class is not made serializable.)
 */
const defineSerializableClass =
  (star: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, star ? 4 : 3);
    const who = star ? 'define-serializable-class*' : 'define-serializable-class';
    if (!isIdentifier(p[1])) ex.syntaxError(who, 'expected an identifier to define', stx, p[1]);
    const ifaces = star ? (syntaxList(p[3]) ?? ex.syntaxError(who, 'bad syntax', stx, p[3])) : [];
    const saved = ex.localName;
    ex.localName = idSym(p[1]).name;
    try {
      return b.list('define', p[1], new ClassExpansion(ex, b, stx, 'class*').expand(p[2], ifaces, p.slice(star ? 4 : 3)));
    } finally {
      ex.localName = saved;
    }
  };

/** `(case->m (-> dom ... range) ...)`. */
const caseArrowM = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const cases = items(stx, ex, 1)
    .slice(1)
    .map((c) => {
      const q = syntaxList(c);
      if (q === null || q.length < 2 || !isIdentifier(q[0]) || idSym(q[0]).name !== '->') ex.badSyntax(stx);
      return arrowM(c, ex, new Builder(ex, c.loc));
    });
  return b.list('%c:make-case-arrow', b.list('list', ...cases), b.quote(sym('case->m')));
};

/** `(object-contract (m contract) ... (field f contract) ...)`: object/c with each function contract made a method contract. */
const objectContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 1);
  const methods: Sym[] = [];
  const methodCs: Syntax[] = [];
  const fields: Sym[] = [];
  const fieldNames: Value[] = [];
  const methodNames: Value[] = [];
  const asMethod: Record<string, (stx: Syntax, ex: Expander, b: Builder) => Syntax> = {
    '->': arrowM,
    '->*': arrowStarM,
    'case->': caseArrowM,
    '->d': arrowDM,
  };
  for (const spec of p.slice(1)) {
    const q = syntaxList(spec);
    if (q !== null && q.length > 0 && isIdentifier(q[0]) && idSym(q[0]).name === 'field') {
      if (q.length !== 3 || !isIdentifier(q[1])) ex.syntaxError('object-contract', 'malformed field specification', stx, spec);
      fields.push(idSym(q[1]));
      fieldNames.push(syntaxToDatum(spec));
      continue;
    }
    if (q === null || q.length !== 2 || !isIdentifier(q[0]))
      ex.syntaxError('object-contract', 'malformed object-contract clause', stx, spec);
    const c = syntaxList(q[1]);
    const cHead = c !== null && c.length > 0 && isIdentifier(c[0]) ? idSym(c[0]).name : '';
    let ctc = q[1];
    if (asMethod[cHead] !== undefined) {
      // `->` (and the others) as racket/contract's, written as the method contract.
      const m = ex.resolve(c![0]);
      if (m !== null && m.kind === 'macro' && m.name === cHead) {
        ctc = b.list('%c:method-contract-named', asMethod[cHead](q[1], ex, new Builder(ex, q[1].loc)), q[1]);
      }
    }
    // A function contract made a method contract keeps the function contract's name (Racket shows `->`, not `->m`).
    methodNames.push(methods.length);
    methods.push(idSym(q[0]));
    methodCs.push(ctc);
  }
  // The name: the fields first, then the methods, each group last first (as Racket shows them).
  const template: Value[] = [...fieldNames.reverse(), ...methodNames.reverse()];
  return b.list(
    '%class-make-class/c',
    b.quote(new Pair(sym('object-contract'), listFromArray(template))),
    b.quote(listFromArray(methods)),
    b.list('list', ...methodCs),
    b.quote(listFromArray(fields)),
    b.quote(NULL),
    b.datum(true),
  );
};

/**
 * `(->dm (dom ...) (opt-dom ...) [#:rest id ctc] [#:pre-cond e] range [#:post-cond e])`,
 * a dom `[id ctc]`, the range `any`, `[id ctc]`, `[_ ctc]` or `(values [id ctc] ...)`:
 * ->d for a method, with `this` bound to the object in every expression.
 */
const arrowDM = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  const bad = (s: Syntax): never => ex.syntaxError('->dm', 'bad syntax', stx, s);
  const pair = (s: Syntax): [Syntax, Syntax] => {
    const q = syntaxList(s);
    if (q === null || q.length !== 2 || !isIdentifier(q[0])) bad(s);
    return [q![0], q![1]];
  };
  const mand = (syntaxList(p[1]) ?? bad(p[1])).map(pair);
  const opt = (syntaxList(p[2]) ?? bad(p[2])).map(pair);
  let i = 3;
  const kw = (name: string) => i < p.length && syntaxE(p[i]) instanceof Keyword && (syntaxE(p[i]) as Keyword).name === name;
  let rest: [Syntax, Syntax] | null = null;
  if (kw('rest')) {
    if (i + 2 >= p.length) bad(stx);
    rest = [p[i + 1], p[i + 2]];
    i += 3;
  }
  let pre: Syntax | null = null;
  if (kw('pre-cond') || kw('pre')) {
    pre = p[i + 1] ?? bad(stx);
    i += 2;
  }
  const range = p[i++] ?? bad(stx);
  let post: Syntax | null = null;
  if (kw('post-cond') || kw('post')) {
    post = p[i + 1] ?? bad(stx);
    i += 2;
  }
  if (i !== p.length) bad(p[i] ?? stx);
  let results: [Syntax, Syntax][] | null = null;
  const rp = syntaxList(range);
  if (isIdentifier(range) && idSym(range).name === 'any') results = null;
  else if (rp !== null && rp.length > 0 && isIdentifier(rp[0]) && idSym(rp[0]).name === 'values') results = rp.slice(1).map(pair);
  else results = [pair(range)];
  // `this` as the form's own context writes it.
  const thisId = new Syntax(sym('this'), stx.loc, (syntaxList(stx)![0] as Syntax).scopes);
  // Optional arguments not given are #f.
  const optFormals = opt.map(([id]) => b.list(id, b.datum(false)));
  const allFormals = b.listTail([thisId, ...mand.map(([id]) => id), ...optFormals], rest === null ? NULL : rest[0]);
  const lam = (body: Syntax) => b.list('lambda', allFormals, body);
  const resultIds = (results ?? []).map(([id]) => (idSym(id).name === '_' ? b.temp('result') : id));
  // The name, as ->d's: the identifiers counted x, y, z, w, x0, x1, ...
  const letters = ['x', 'y', 'z', 'w'];
  let count = 0;
  const next = (): Value => (count < 4 ? sym(letters[count++]) : sym(`x${count++ - 4}`));
  const dots = (): Value => listFromArray([next(), sym('...')]);
  const name: Value[] = [sym('->dm'), listFromArray(mand.map(dots)), listFromArray(opt.map(dots))];
  if (rest !== null) name.push(Keyword.intern('rest'), next(), sym('...'));
  if (pre !== null) name.push(Keyword.intern('pre'), sym('...'));
  if (results === null) name.push(sym('any'));
  else {
    const named = results.map(([id]) => listFromArray([idSym(id).name === '_' ? sym('_') : next(), sym('...')]));
    name.push(named.length === 1 ? named[0] : listFromArray([sym('values'), ...named]));
  }
  if (post !== null) name.push(Keyword.intern('post'), sym('...'));
  return b.list(
    '%c:make-method-dependent-arrow',
    b.quote(listFromArray(name)),
    b.datum(mand.length),
    b.datum(opt.length),
    lam(
      b.list(
        'list',
        ...[...[...mand, ...opt].map(([, c]) => c), ...(rest === null ? [] : [rest[1]])].map((c) => b.list('lambda', b.list(), c)),
      ),
    ),
    b.datum(rest !== null),
    pre === null ? b.datum(false) : lam(pre),
    results === null ? b.datum(false) : lam(b.list('list', ...results.map(([, c]) => c))),
    post === null ? b.datum(false) : lam(b.list('lambda', b.list(...resultIds), post)),
  );
};

/** `mixin-contract`: the contract (made by lib/contracts.rkt, which cannot define a contract as a constant). */
const mixinContract: MacroTransformer = (stx, ex) => {
  const b = new Builder(ex, stx.loc);
  const p = syntaxList(stx);
  return p === null ? b.list('%c:mixin-contract') : b.list(b.list('%c:mixin-contract'), ...p.slice(1));
};
mixinContract.alone = true;

export function installClassForms(define: (name: string, m: Meaning) => void): void {
  for (const k of [...CLAUSE_KEYWORDS, ...BODY_KEYWORDS]) define(k, keywordMacro(k));
  define('%class-with-this', withThisForm);
  define('class', jsMacro('class', classForm));
  define('class*', jsMacro('class*', classStar));
  define('interface', jsMacro('interface', interfaceForm(false)));
  define('interface*', jsMacro('interface*', interfaceForm(true)));
  define('mixin', jsMacro('mixin', mixinForm));
  define('send', jsMacro('send', send));
  define('send/apply', jsMacro('send/apply', sendApply));
  define('send/keyword-apply', jsMacro('send/keyword-apply', sendKeywordApply));
  define('send*', jsMacro('send*', sendStar));
  define('send+', jsMacro('send+', sendPlus));
  define('with-method', jsMacro('with-method', withMethod));
  define('get-field', jsMacro('get-field', getField));
  define('set-field!', jsMacro('set-field!', setField));
  define('field-bound?', jsMacro('field-bound?', fieldBound));
  define('class-field-accessor', jsMacro('class-field-accessor', fieldAccessor(false)));
  define('class-field-mutator', jsMacro('class-field-mutator', fieldAccessor(true)));
  define('new', jsMacro('new', newForm));
  define('make-object', jsMacro('make-object', makeObject));
  define('instantiate', jsMacro('instantiate', instantiateForm));
  define('generic', jsMacro('generic', genericForm));
  define('send-generic', jsMacro('send-generic', sendGeneric));
  define('->m', jsMacro('->m', arrowM));
  define(
    'define-local-member-name',
    jsMacro('define-local-member-name', (stx, ex, b) => {
      const ids = items(stx, ex, 1).slice(1);
      for (const id of ids) if (!isIdentifier(id)) ex.syntaxError('define-local-member-name', 'expected an identifier', stx, id);
      const keys = ids.map((id) => {
        // Its name is unique (a suffix of zero-width characters counting the declarations), and prints as the name declared.
        let n = ++localMemberCount;
        let suffix = '';
        do {
          suffix += n & 1 ? '\u200c' : '\u200b';
          n >>= 1;
        } while (n > 0);
        const name = uninternedSym(idSym(id).name + suffix);
        localMemberNames.add(name.name);
        return b.quote(name);
      });
      return b.list('define-syntaxes', b.list(...ids), b.list('values', ...keys));
    }),
  );
  define(
    'define-member-name',
    jsMacro('define-member-name', (stx, ex, b) => {
      const p = items(stx, ex, 3, 3);
      if (!isIdentifier(p[1])) ex.syntaxError('define-member-name', 'expected an identifier', stx, p[1]);
      const placeholder = uninternedSym(`${idSym(p[1]).name}\u2061${++localMemberCount}`);
      // The key's variable, in the name's context (so that the uses the placeholder's forms make see it).
      const key = new Syntax(sym(ex.fresh(`${idSym(p[1]).name}-key%`)), p[1].loc, p[1].scopes);
      dynamicMemberNames.set(placeholder.name, key);
      placeholders.set(placeholder.name, placeholder);
      return b.list(
        'begin',
        b.list('define-values', b.list(key), b.list(b.quote(ex.rtPrim('class:check-member-key')), b.quote(idSym(p[1])), p[2])),
        b.list('define-syntaxes', b.list(p[1]), b.quote(placeholder)),
      );
    }),
  );
  define(
    'member-name-key',
    jsMacro('member-name-key', (stx, ex, b) => {
      const p = items(stx, ex, 2, 2);
      if (!isIdentifier(p[1])) ex.syntaxError('member-name-key', 'expected an identifier', stx, p[1]);
      const key = dynamicMemberNames.get(memberSym(ex, p[1]).name);
      if (key !== undefined) return key;
      return b.list(b.quote(ex.rtPrim('class:member-key')), b.quote(memberSym(ex, p[1])));
    }),
  );
  define('->*m', jsMacro('->*m', arrowStarM));
  define('->dm', jsMacro('->dm', arrowDM));
  define('mixin-contract', { kind: 'macro', name: 'mixin-contract', transform: mixinContract });
  define('object-contract', jsMacro('object-contract', objectContract));
  define('class/derived', jsMacro('class/derived', classDerived));
  define('define-serializable-class', jsMacro('define-serializable-class', defineSerializableClass(false)));
  define('define-serializable-class*', jsMacro('define-serializable-class*', defineSerializableClass(true)));
  define('case->m', jsMacro('case->m', caseArrowM));
  define('absent', keywordMacro('absent', 'use of a class contract keyword is not in a class contract'));
  define('class/c', jsMacro('class/c', classC(false)));
  define('object/c', jsMacro('object/c', classC(true)));
}
