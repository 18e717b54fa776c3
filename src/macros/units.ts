// racket/unit, as far as simple units go: signatures (with `extends`),
// `unit`, `define-unit`, `invoke-unit`, `define-values/invoke-unit` and
// their `/infer` forms, with `prefix`, `rename`, `only` and `except`
// signature specs. A unit is a procedure of its imports' values that
// runs its body and returns its exports' values and the body's result
// (prims/units.ts, lib/units.rkt); imports are bound when the unit is invoked, so units
// that import each other's variables before they are defined are not
// supported. compound-unit links its units in the order given.

import { type Builder, jsMacro } from '../expand/build.js';
import { type Expander, type MacroTransformer, type Meaning, inferredName } from '../expand/expander.js';
import { flipScope, idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { customPrint } from '../values/printable.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, NULL, RString, listFromArray, sym, type Value } from '../values/types.js';
import { moduleParty, srclocOf } from './contracts.js';
import { items } from './forms.js';

/** A signature: the variables it lists, its parent's first. */
export class SignatureInfo {
  constructor(
    readonly name: string,
    readonly vars: readonly string[],
    readonly parent: SignatureInfo | null = null,
    /** Contracts of `contracted` and `struct/ctc` variables (their expressions, as the signature writes them). */
    readonly contracts: ReadonlyMap<string, Syntax> = new Map(),
    /** Each variable's identifier in the signature (where a contract's blame points). */
    readonly ids: ReadonlyMap<string, Syntax> = new Map(),
    /** `define-values` and `define-syntaxes` elements: defined in the units importing the signature. */
    readonly defs: readonly Syntax[] = [],
    /** `define-values-for-export` elements: defined (after the body) in the units exporting it. */
    readonly exportDefs: readonly Syntax[] = [],
  ) {}
  /** Whether this signature is `other` or extends it. */
  extends(other: SignatureInfo): boolean {
    return this === other || this.parent?.extends(other) === true;
  }
  [customPrint](): string {
    return `#<signature:${this.name}>`;
  }
}

/** A define-signature-form transformer: from a signature element to a syntax list of elements. */
export class SignatureForm {
  constructor(readonly proc: Value) {}
}

/** What define-unit records of a unit, for the /infer forms. */
interface UnitShape {
  imports: Syntax[];
  exports: Syntax[];
}
const unitShapes = new WeakMap<Expander, Map<string, UnitShape>>();

function signatureOf(ex: Expander, stx: Syntax, id: Syntax): SignatureInfo {
  const m = isIdentifier(id) ? ex.resolve(id) : null;
  if (m === null || m.kind !== 'syntax' || !(m.value instanceof SignatureInfo))
    ex.syntaxError(isIdentifier(syntaxList(stx)?.[0] ?? id) ? idSym(syntaxList(stx)![0]).name : 'unit', 'unknown signature', stx, id);
  return m.value;
}

/**
 * The variables a signature spec binds, as [name in the signature, the
 * identifier it is bound as]: `sig^`, `(prefix p spec)`, `(rename spec
 * (new old) ...)`, `(only spec id ...)`, `(except spec id ...)`.
 */
function specVars(ex: Expander, stx: Syntax, spec: Syntax): [string, Syntax][] {
  if (isIdentifier(spec)) {
    const sig = signatureOf(ex, stx, spec);
    return sig.vars.map((v) => [v, new Syntax(sym(v), spec.loc, spec.scopes)]);
  }
  const p = syntaxList(spec);
  if (p === null || p.length < 2 || !isIdentifier(p[0])) ex.syntaxError('unit', 'bad signature spec', stx, spec);
  const kind = idSym(p[0]).name;
  switch (kind) {
    case 'prefix': {
      const inner = specVars(ex, stx, p[2]);
      const prefix = idSym(p[1]).name;
      return inner.map(([v, id]) => [v, new Syntax(sym(prefix + idSym(id).name), id.loc, id.scopes)]);
    }
    case 'rename': {
      const inner = specVars(ex, stx, p[1]);
      const renames = new Map<string, Syntax>();
      for (const r of p.slice(2)) {
        const rp = syntaxList(r);
        if (rp === null || rp.length !== 2) ex.syntaxError('rename', 'bad rename', stx, r);
        renames.set(idSym(rp[1]).name, rp[0]);
      }
      return inner.map(([v, id]) => [v, renames.get(idSym(id).name) ?? id]);
    }
    case 'only': {
      const keep = new Set(p.slice(2).map((i) => idSym(i).name));
      return specVars(ex, stx, p[1]).filter(([, id]) => keep.has(idSym(id).name));
    }
    case 'except': {
      const drop = new Set(p.slice(2).map((i) => idSym(i).name));
      return specVars(ex, stx, p[1]).filter(([, id]) => !drop.has(idSym(id).name));
    }
    case 'tag':
      return specVars(ex, stx, p[p.length - 1]);
    default:
      return ex.syntaxError('unit', 'bad signature spec', stx, spec);
  }
}

/** `(import spec ...)` or `(export spec ...)`: its specs. */
function clause(ex: Expander, stx: Syntax, c: Syntax, name: string): Syntax[] {
  const p = syntaxList(c);
  if (p === null || p.length === 0 || !isIdentifier(p[0]) || idSym(p[0]).name !== name)
    ex.syntaxError('unit', `expected an ${name} clause`, stx, c);
  return p.slice(1);
}

const DEFINING = /^(define|struct$)/;

/**
 * `s` as if it had not come through the macro being expanded (its
 * introduction scope flipped back): a signature keeps its elements so, and a
 * unit puts them in its body so, for them to mean what the signature's
 * definition site means.
 */
function unintroduced(ex: Expander, s: Syntax): Syntax {
  return ex.currentIntro === null ? s : flipScope(s, ex.currentIntro);
}

/** The signature a spec is of. */
function specSignature(ex: Expander, stx: Syntax, spec: Syntax): SignatureInfo {
  return signatureOf(ex, stx, specSigId(spec));
}

/** Contracts a unit's own clauses put on variables (define-unit/contract), by the variable's name in its signature. */
type VarContracts = ReadonlyMap<string, Syntax>;
const NO_CONTRACTS: VarContracts = new Map();

/** The party a unit is in blame: `(unit name)`, or its module when it has no name. */
function unitParty(b: Builder, stx: Syntax, name: string | null): Syntax {
  return b.quote(name === null ? moduleParty(stx) : listFromArray([sym('unit'), sym(name)]));
}

/** `e`, an imported value: when it was exported with a contract, the value with it, blaming `neg` as the importer. */
function importedValue(ex: Expander, b: Builder, e: Syntax, neg: Syntax, name: Syntax): Syntax {
  const v = b.temp('v');
  const prim = (n: string) => b.quote(ex.rtPrim(n));
  return b.list(
    'let',
    b.list(b.list(v, e)),
    b.list(
      'if',
      b.list(prim('unit-contracted?'), v),
      b.list(
        '%c:apply-contract',
        b.list(prim('unit-contracted-contract'), v),
        b.list(prim('unit-contracted-value'), v),
        b.list(prim('unit-contracted-positive'), v),
        neg,
        b.quote(idSym(name)),
        b.list(prim('unit-contracted-srcloc'), v),
      ),
      v,
    ),
  );
}

/** The identifier `(define id ...)` or `(define (id ...) ...)` among `forms` defines as `id`, if one does. */
function definitionOf(forms: Syntax[], id: Syntax): Syntax | null {
  for (const f of forms) {
    const q = syntaxList(f);
    if (q === null || q.length < 2 || !isIdentifier(q[0]) || idSym(q[0]).name !== 'define') continue;
    let target = q[1];
    while (!isIdentifier(target)) {
      const h = syntaxList(target)?.[0];
      if (h === undefined) break;
      target = h;
    }
    if (isIdentifier(target) && idSym(target).name === idSym(id).name) return target;
  }
  return null;
}

/** Where blame for signature variable `v` points: its identifier in the signature. */
function varSrcloc(b: Builder, sig: SignatureInfo, v: string): Syntax {
  const id = sig.ids.get(v);
  return id === undefined ? b.datum(false) : srclocOf(b, id);
}

/** `(unit (import spec ...) (export spec ...) body ...)`, named `name` when given. */
function unitExpression(
  ex: Expander,
  stx: Syntax,
  b: Builder,
  importSpecs: Syntax[],
  exportSpecs: Syntax[],
  body: Syntax[],
  name: string | null,
  importContracts: VarContracts = NO_CONTRACTS,
  exportContracts: VarContracts = NO_CONTRACTS,
): Syntax {
  const withSig = (specs: Syntax[]) =>
    specs.flatMap((s) => {
      const sig = specSignature(ex, stx, s);
      return specVars(ex, stx, s).map(([v, id]) => ({ v, id, sig }));
    });
  const imports = withSig(importSpecs);
  const exports = withSig(exportSpecs);
  const vec = b.temp('imports');
  const last = body[body.length - 1];
  const lastHead = last === undefined ? null : syntaxList(last)?.[0];
  const lastIsDefinition =
    last === undefined || (lastHead !== undefined && lastHead !== null && isIdentifier(lastHead) && DEFINING.test(idSym(lastHead).name));
  const result = b.temp('result');
  const forms = lastIsDefinition ? body : body.slice(0, -1);
  const resultExpr = lastIsDefinition ? b.list('void') : last!;
  const self = unitParty(b, stx, name);
  const importBinding = ({ v, id, sig }: { v: string; id: Syntax; sig: SignatureInfo }, i: number) => {
    const value = importedValue(ex, b, b.list('vector-ref', vec, b.datum(i)), self, id);
    const c = importContracts.get(v);
    // define-unit/contract's import contract: the unit is blamed for misusing the import.
    const checked =
      c === undefined
        ? value
        : b.list('%c:apply-contract', c, value, b.quote(moduleParty(stx)), self, b.quote(sym(v)), varSrcloc(b, sig, v));
    return b.list(id, checked);
  };
  const exportValue = ({ v, id, sig }: { v: string; id: Syntax; sig: SignatureInfo }) => {
    const own = exportContracts.get(v);
    const c = own ?? (sig.contracts.has(v) ? unintroduced(ex, sig.contracts.get(v)!) : undefined);
    if (c === undefined) return id;
    const defined = definitionOf(forms, id);
    return b.list(
      b.quote(ex.rtPrim('unit-contracted')),
      id,
      c,
      self,
      varSrcloc(b, sig, v),
      defined === null ? b.datum(false) : srclocOf(b, defined),
    );
  };
  const uniqueSigs = (specs: Syntax[]) => [...new Set(specs.map((s) => specSignature(ex, stx, s)))];
  const importDefs = uniqueSigs(importSpecs).flatMap((sig) => sig.defs.map((d) => unintroduced(ex, d)));
  const exportDefs = uniqueSigs(exportSpecs).flatMap((sig) => sig.exportDefs.map((d) => unintroduced(ex, d)));
  return b.list(
    b.list('quote', b.datum(ex.rtPrim('unit-make'))),
    b.quote(name === null ? false : sym(name)),
    b.quote(listFromArray(imports.map(({ v }) => sym(v)))),
    b.quote(listFromArray(exports.map(({ v }) => sym(v)))),
    b.list(
      'lambda',
      b.list(vec),
      b.list(
        'let',
        b.list(...imports.map(importBinding)),
        ...importDefs,
        ...forms,
        ...exportDefs,
        b.list('let', b.list(b.list(result, resultExpr)), b.list('values', b.list('vector', ...exports.map(exportValue)), result)),
      ),
    ),
    b.quote(
      listFromArray([
        listFromArray(uniqueSigs(importSpecs).map((g) => sym(g.name))),
        listFromArray(uniqueSigs(exportSpecs).map((g) => sym(g.name))),
      ]),
    ),
  );
}

const unitForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  return unitExpression(ex, stx, b, clause(ex, stx, p[1], 'import'), clause(ex, stx, p[2], 'export'), p.slice(3), ex.localName);
};

const defineUnit = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const imports = clause(ex, stx, p[2], 'import');
  const exports = clause(ex, stx, p[3], 'export');
  const shapes = unitShapes.get(ex) ?? new Map<string, UnitShape>();
  unitShapes.set(ex, shapes);
  shapes.set(idSym(p[1]).name, { imports, exports });
  return b.list('define', p[1], unitExpression(ex, stx, b, imports, exports, p.slice(4), idSym(p[1]).name));
};

/** The values of the variables `specs` import, in their order, from where the form is. */
function importValues(ex: Expander, stx: Syntax, b: Builder, specs: Syntax[]): Syntax {
  return b.list('vector', ...specs.flatMap((s) => specVars(ex, stx, s)).map(([, id]) => id));
}

const invokeUnit = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2, 3);
  const imports = p.length === 3 ? clause(ex, stx, p[2], 'import') : [];
  return b.list('%unit-invoke', p[1], importValues(ex, stx, b, imports));
};

function shapeOf(ex: Expander, stx: Syntax, id: Syntax): UnitShape {
  const shape = isIdentifier(id) ? unitShapes.get(ex)?.get(idSym(id).name) : undefined;
  if (shape === undefined)
    ex.syntaxError(idSym(syntaxList(stx)![0]).name, 'no unit information for this identifier (define it with define-unit)', stx, id);
  return shape;
}

const invokeUnitInfer = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2, 2);
  return b.list('%unit-invoke', p[1], importValues(ex, stx, b, shapeOf(ex, stx, p[1]).imports));
};

/**
 * Defines the variables of `exportSpecs` from the unit's exports (matched by
 * their names in the signatures; a contracted one with its contract, blaming
 * this module), and the definitions the signatures carry.
 */
function defineExports(ex: Expander, stx: Syntax, b: Builder, unit: Syntax, importSpecs: Syntax[], exportSpecs: Syntax[]): Syntax {
  const exports = exportSpecs.flatMap((s) => specVars(ex, stx, s));
  const temps = exports.map(([v]) => b.temp(v));
  const here = b.quote(moduleParty(stx));
  const defs = [...new Set(exportSpecs.map((s) => specSignature(ex, stx, s)))].flatMap((sig) => sig.defs.map((d) => unintroduced(ex, d)));
  return b.list(
    'begin',
    b.list(
      'define-values',
      b.list(...exports.map(([, id]) => id)),
      b.list(
        'let-values',
        b.list(
          b.list(
            b.list(...temps),
            b.list(
              '%unit-invoke/exports',
              unit,
              importValues(ex, stx, b, importSpecs),
              b.quote(listFromArray(exports.map(([v]) => sym(v)))),
            ),
          ),
        ),
        b.list('values', ...temps.map((t, i) => importedValue(ex, b, t, here, exports[i][1]))),
      ),
    ),
    ...defs,
  );
}

const defineValuesInvokeUnit = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 4);
  const imports = clause(ex, stx, p[2], 'import');
  const exports = p.length === 4 ? clause(ex, stx, p[3], 'export') : [];
  return defineExports(ex, stx, b, p[1], imports, exports);
};

/** `(define-values/invoke-unit/infer [(export spec ...)] unit-id)`. */
const defineValuesInvokeUnitInfer = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2, 3);
  const unit = p[p.length - 1];
  const shape = shapeOf(ex, stx, unit);
  // The exported signatures, with the unit's name's context so the defined names are the program's.
  const exports = p.length === 3 ? clause(ex, stx, p[1], 'export') : shape.exports.map((s) => withContext(s, unit));
  return defineExports(
    ex,
    stx,
    b,
    unit,
    shape.imports.map((s) => withContext(s, unit)),
    exports,
  );
};

/** `(tag : sig)` of compound-unit: the tag and its signature's variable names. */
function linkBinding(ex: Expander, stx: Syntax, c: Syntax): { tag: string; sig: Syntax; vars: string[] } {
  const p = syntaxList(c);
  if (p === null || p.length !== 3 || !isIdentifier(p[0]) || !isIdentifier(p[1]) || idSym(p[1]).name !== ':')
    ex.syntaxError('compound-unit', 'bad link binding', stx, c);
  return { tag: idSym(p[0]).name, sig: p[2], vars: [...signatureOf(ex, stx, p[2]).vars] };
}

interface CompoundParts {
  imports: { tag: string; sig: Syntax; vars: string[] }[];
  exportTags: string[];
  links: { bindings: { tag: string; sig: Syntax; vars: string[] }[]; unit: Syntax; importTags: string[] }[];
}

/** `(import (tag : sig) ...) (export tag ...) (link [((tag : sig) ...) unit-expr tag ...] ...)`. */
function compoundParts(ex: Expander, stx: Syntax, p: Syntax[]): CompoundParts {
  const imports = clause(ex, stx, p[0], 'import').map((c) => linkBinding(ex, stx, c));
  const exportTags = clause(ex, stx, p[1], 'export').map((t) => idSym(t).name);
  const links = clause(ex, stx, p[2], 'link').map((l) => {
    const lp = syntaxList(l);
    if (lp === null || lp.length < 2) ex.syntaxError('compound-unit', 'bad linkage', stx, l);
    const bindings = (syntaxList(lp[0]) ?? ex.badSyntax(stx)).map((c) => linkBinding(ex, stx, c));
    return { bindings, unit: lp[1], importTags: lp.slice(2).map((t) => idSym(t).name) };
  });
  return { imports, exportTags, links };
}

function compoundExpression(b: Builder, parts: CompoundParts, name: string | null): Syntax {
  const tagged = (bs: { tag: string; vars: string[] }[]) =>
    listFromArray(bs.map((x) => listFromArray([sym(x.tag), ...x.vars.map((v) => sym(v))])));
  return b.list(
    '%unit-compound',
    b.quote(name === null ? false : sym(name)),
    b.quote(tagged(parts.imports)),
    b.quote(listFromArray(parts.exportTags.map((t) => sym(t)))),
    b.list(
      'list',
      ...parts.links.map((l) =>
        b.list('list', l.unit, b.quote(tagged(l.bindings)), b.quote(listFromArray(l.importTags.map((t) => sym(t))))),
      ),
    ),
  );
}

const compoundUnit = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  compoundExpression(b, compoundParts(ex, stx, items(stx, ex, 4, 4).slice(1)), ex.localName);

const defineCompoundUnit = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 5);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const parts = compoundParts(ex, stx, p.slice(2));
  const bindings = [...parts.imports, ...parts.links.flatMap((l) => l.bindings)];
  const sigOfTag = (tag: string) => bindings.find((x) => x.tag === tag)?.sig ?? ex.badSyntax(stx);
  const shapes = unitShapes.get(ex) ?? new Map<string, UnitShape>();
  unitShapes.set(ex, shapes);
  shapes.set(idSym(p[1]).name, { imports: parts.imports.map((i) => i.sig), exports: parts.exportTags.map(sigOfTag) });
  return b.list('define', p[1], compoundExpression(b, parts, idSym(p[1]).name));
};

let inferCount = 0;

/**
 * compound-unit/infer's clauses as compound-unit's: an import `sig^` gets a
 * tag of its own, a linkage `unit-id` gets one per exported signature and
 * imports, for each signature it imports, the first import or linkage
 * providing it (the signature or one extending it); an export `sig^` is the
 * linkage providing it.
 */
function inferParts(ex: Expander, stx: Syntax, p: Syntax[]): CompoundParts {
  const who = idSym(syntaxList(stx)![0]).name;
  const fresh = () => `%infer-${++inferCount}`;
  const binding = (tag: string, sig: Syntax) => ({ tag, sig, vars: [...signatureOf(ex, stx, sig).vars] });
  const imports = clause(ex, stx, p[0], 'import').map((c) => {
    if (isIdentifier(c)) return binding(fresh(), c);
    return linkBinding(ex, stx, c);
  });
  type Link = CompoundParts['links'][number] & { infer: Syntax[] | null };
  const links: Link[] = clause(ex, stx, p[2], 'link').map((l) => {
    if (isIdentifier(l)) {
      const shape = shapeOf(ex, stx, l);
      return {
        bindings: shape.exports.map((s) => binding(fresh(), withContext(specSigId(s), l))),
        unit: l,
        importTags: [],
        infer: shape.imports.map((s) => withContext(specSigId(s), l)),
      };
    }
    const lp = syntaxList(l);
    if (lp === null || lp.length < 2) ex.syntaxError(who, 'bad linkage', stx, l);
    const bindings = (syntaxList(lp[0]) ?? ex.badSyntax(stx)).map((c) => linkBinding(ex, stx, c));
    return { bindings, unit: lp[1], importTags: lp.slice(2).map((t) => idSym(t).name), infer: null };
  });
  const providers = [...imports, ...links.flatMap((l) => l.bindings)];
  for (const l of links) {
    if (l.infer === null) continue;
    l.importTags = l.infer.map((s) => {
      const wanted = signatureOf(ex, stx, s);
      const found = providers.find((b) => !l.bindings.includes(b) && signatureOf(ex, stx, b.sig).extends(wanted));
      if (found === undefined) ex.syntaxError(who, `no linkages satisfy untagged ${wanted.name} import`, stx, l.unit);
      return found.tag;
    });
  }
  const linkTags = new Set(providers.map((b) => b.tag));
  const exportTags = clause(ex, stx, p[1], 'export').map((e) => {
    if (!isIdentifier(e)) ex.syntaxError(who, 'bad export', stx, e);
    if (linkTags.has(idSym(e).name)) return idSym(e).name;
    const wanted = signatureOf(ex, stx, e);
    const found = links.flatMap((l) => l.bindings).find((b) => signatureOf(ex, stx, b.sig).extends(wanted));
    if (found === undefined) ex.syntaxError(who, `no linkages provide ${wanted.name} export`, stx, e);
    return found.tag;
  });
  return { imports, exportTags, links };
}

/** The signature identifier of a spec recorded by define-unit (`sig^`, `(prefix p sig^)`, ...). */
function specSigId(spec: Syntax): Syntax {
  if (isIdentifier(spec)) return spec;
  const p = syntaxList(spec);
  if (p === null || p.length < 2 || !isIdentifier(p[0])) return spec;
  return specSigId(idSym(p[0]).name === 'prefix' || idSym(p[0]).name === 'tag' ? p[p.length - 1] : p[1]);
}

const compoundUnitInfer = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  compoundExpression(b, inferParts(ex, stx, items(stx, ex, 4, 4).slice(1)), ex.localName);

const defineCompoundUnitInfer = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 5);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const parts = inferParts(ex, stx, p.slice(2));
  const bindings = [...parts.imports, ...parts.links.flatMap((l) => l.bindings)];
  const sigOfTag = (tag: string) => bindings.find((x) => x.tag === tag)?.sig ?? ex.badSyntax(stx);
  recordShape(
    ex,
    p[1],
    parts.imports.map((i) => i.sig),
    parts.exportTags.map(sigOfTag),
  );
  return b.list('define', p[1], compoundExpression(b, parts, idSym(p[1]).name));
};

function recordShape(ex: Expander, id: Syntax, imports: Syntax[], exports: Syntax[]): void {
  const shapes = unitShapes.get(ex) ?? new Map<string, UnitShape>();
  unitShapes.set(ex, shapes);
  shapes.set(idSym(id).name, { imports, exports });
}

/** An optional `(init-depend sig ...)` at `p[i]`: skipped (units here are invoked in link order). */
function skipInitDepend(p: Syntax[], i: number): number {
  const q = syntaxList(p[i] ?? new Syntax(NULL, null));
  return q !== null && q.length > 0 && isIdentifier(q[0]) && idSym(q[0]).name === 'init-depend' ? i + 1 : i;
}

/**
 * unit/new-import-export: a unit of the new imports and exports whose body
 * invokes the unit given with its own imports (taken from the new ones by
 * their names) and defines its exports (which the new exports take by name).
 */
function reexportingUnit(
  ex: Expander,
  stx: Syntax,
  b: Builder,
  imports: Syntax[],
  exports: Syntax[],
  unit: Syntax,
  innerImports: Syntax[],
  innerExports: Syntax[],
  name: string | null,
): Syntax {
  const body = [defineExports(ex, stx, b, unit, innerImports, innerExports), b.list('void')];
  return unitExpression(ex, stx, b, imports, exports, body, name);
}

/** `(import ...) (export ...) [(init-depend ...)] ((export-spec ...) unit-expr import-spec ...)`. */
function newImportExportParts(ex: Expander, stx: Syntax, p: Syntax[]) {
  const imports = clause(ex, stx, p[0], 'import');
  const exports = clause(ex, stx, p[1], 'export');
  const i = skipInitDepend(p, 2);
  if (i !== p.length - 1) ex.badSyntax(stx);
  const link = syntaxList(p[i]);
  if (link === null || link.length < 2) ex.syntaxError(idSym(syntaxList(stx)![0]).name, 'bad linkage', stx, p[i]);
  const innerExports = syntaxList(link[0]) ?? ex.badSyntax(stx);
  return { imports, exports, unit: link[1], innerImports: link.slice(2), innerExports };
}

const unitNewImportExport = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const q = newImportExportParts(ex, stx, items(stx, ex, 4, 5).slice(1));
  return reexportingUnit(ex, stx, b, q.imports, q.exports, q.unit, q.innerImports, q.innerExports, ex.localName);
};

const defineUnitNewImportExport = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 6);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const q = newImportExportParts(ex, stx, p.slice(2));
  recordShape(ex, p[1], q.imports, q.exports);
  return b.list(
    'define',
    p[1],
    reexportingUnit(ex, stx, b, q.imports, q.exports, q.unit, q.innerImports, q.innerExports, idSym(p[1]).name),
  );
};

/** unit/s: unit/new-import-export with the unit's own signatures (define-unit's record of them). */
function unitS(ex: Expander, stx: Syntax, b: Builder, p: Syntax[], name: string | null): Syntax {
  const imports = clause(ex, stx, p[0], 'import');
  const exports = clause(ex, stx, p[1], 'export');
  const i = skipInitDepend(p, 2);
  if (i !== p.length - 1 || !isIdentifier(p[i])) ex.badSyntax(stx);
  const unit = p[i];
  const shape = shapeOf(ex, stx, unit);
  return reexportingUnit(
    ex,
    stx,
    b,
    imports,
    exports,
    unit,
    shape.imports.map((s) => withContext(s, unit)),
    shape.exports.map((s) => withContext(s, unit)),
    name,
  );
}

const unitSForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => unitS(ex, stx, b, items(stx, ex, 4, 5).slice(1), ex.localName);

const defineUnitS = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 6);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  recordShape(ex, p[1], clause(ex, stx, p[2], 'import'), clause(ex, stx, p[3], 'export'));
  return b.list('define', p[1], unitS(ex, stx, b, p.slice(2), idSym(p[1]).name));
};

/**
 * A contract's signature block: `(sig-spec [id contract] ...)` or a
 * signature spec alone (a list whose head is a signature is a block).
 */
function sigBlock(ex: Expander, stx: Syntax, blk: Syntax): { spec: Syntax; contracts: [Syntax, Syntax][] } {
  const q = syntaxList(blk);
  const head = q?.[0];
  const m = head !== undefined && isIdentifier(head) ? ex.resolve(head) : null;
  if (q === null || m === null || m.kind !== 'syntax' || !(m.value instanceof SignatureInfo)) return { spec: blk, contracts: [] };
  const contracts = q.slice(1).map((c): [Syntax, Syntax] => {
    const cq = syntaxList(c);
    if (cq === null || cq.length !== 2 || !isIdentifier(cq[0]))
      ex.syntaxError(idSym(syntaxList(stx)![0]).name, 'expected [id contract]', stx, c);
    return [cq[0], cq[1]];
  });
  return { spec: q[0], contracts };
}

/** `(unit/c (import block ...) (export block ...) [(init-depend sig ...)])`. */
const unitC = (stx: Syntax, ex: Expander, b: Builder): Syntax => unitContract(stx, ex, b, inferredName(stx, true));

/** unit/c's contract; the units it wraps are named `name` (Racket's are the unit/c form's location). */
function unitContract(stx: Syntax, ex: Expander, b: Builder, name: string | null): Syntax {
  const p = items(stx, ex, 3, 4);
  if (skipInitDepend(p, 3) !== p.length) ex.badSyntax(stx);
  const blocks = (c: Syntax, name: string) =>
    b.list(
      'list',
      ...clause(ex, stx, c, name).map((blk) => {
        const { spec, contracts } = sigBlock(ex, stx, blk);
        const sig = specSignature(ex, stx, spec);
        return b.list('list', b.quote(sym(sig.name)), ...contracts.map(([id, c]) => b.list('cons', b.quote(idSym(id)), c)));
      }),
    );
  return b.list('%c:make-unit/c', blocks(p[1], 'import'), blocks(p[2], 'export'), b.quote(name === null ? false : sym(name)));
}

/**
 * `(define-unit/contract id (import block ...) (export block ...) [(init-depend ...)] body ...)`:
 * define-unit with unit/c's contract on it, the unit the positive party.
 */
const defineUnitContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const i = skipInitDepend(p, 4);
  const importBlocks = clause(ex, stx, p[2], 'import');
  const exportBlocks = clause(ex, stx, p[3], 'export');
  const imports = importBlocks.map((blk) => sigBlock(ex, stx, blk).spec);
  const exports = exportBlocks.map((blk) => sigBlock(ex, stx, blk).spec);
  recordShape(ex, p[1], imports, exports);
  const name = idSym(p[1]).name;
  const ctc = unitContract(new Syntax(listFromArray([p[0], p[2], p[3]]), stx.loc, stx.scopes), ex, b, name);
  const unit = unitExpression(ex, stx, b, imports, exports, p.slice(i), name);
  // Racket's blame for these points into racket/unit.
  const at = b.list(
    'srcloc',
    b.datum(new RString('<collects>/racket/unit.rkt', true)),
    b.datum(false),
    b.datum(false),
    b.datum(false),
    b.datum(false),
  );
  return b.list(
    'define',
    p[1],
    b.list('%c:apply-contract', ctc, unit, unitParty(b, stx, name), b.quote(moduleParty(stx)), b.quote(sym(name)), at),
  );
};

/** `spec` (a signature name) as written where `like` is. */
function withContext(spec: Syntax, like: Syntax): Syntax {
  return isIdentifier(spec) ? new Syntax(syntaxE(spec), like.loc, like.scopes) : spec;
}

/**
 * `(define-signature name [extends parent] (element ...))`; an element is a
 * variable, `(contracted [id contract] ...)`, `(define-values (id ...) e)`,
 * `(define-syntaxes (id ...) e)`, `(define-values-for-export (id ...) e)`,
 * `(open spec)`, `(struct id (field ...) option ...)`,
 * `(struct/ctc id ([field contract] ...) option ...)` or a use of a
 * define-signature-form.
 */
const defineSignature = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 5);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  let parentSig: SignatureInfo | null = null;
  let list = p[2];
  if (p.length === 5 && isIdentifier(p[2]) && idSym(p[2]).name === 'extends') {
    parentSig = signatureOf(ex, stx, p[3]);
    list = p[4];
  } else if (p.length !== 3) ex.badSyntax(stx);
  const vars: string[] = [];
  const contracts = new Map<string, Syntax>();
  const ids = new Map<string, Syntax>();
  const defs: Syntax[] = [];
  const exportDefs: Syntax[] = [];
  const include = (sig: SignatureInfo) => {
    vars.push(...sig.vars);
    for (const [k, v] of sig.contracts) contracts.set(k, v);
    for (const [k, v] of sig.ids) ids.set(k, v);
    defs.push(...sig.defs);
    exportDefs.push(...sig.exportDefs);
  };
  if (parentSig !== null) include(parentSig);
  const variable = (id: Syntax, contract: Syntax | null) => {
    if (!isIdentifier(id)) ex.syntaxError('define-signature', 'expected an identifier', stx, id);
    vars.push(idSym(id).name);
    ids.set(idSym(id).name, id);
    if (contract !== null) contracts.set(idSym(id).name, unintroduced(ex, contract));
  };
  const element = (el: Syntax): void => {
    if (isIdentifier(el)) return variable(el, null);
    const q = syntaxList(el);
    if (q === null || q.length === 0 || !isIdentifier(q[0])) ex.syntaxError('define-signature', 'not a signature element', stx, el);
    const m = ex.resolve(q[0]);
    if (m !== null && m.kind === 'syntax' && m.value instanceof SignatureForm) {
      const out = ex.applyTransformerValue(m.value.proc, el);
      const more = out instanceof Syntax ? syntaxList(out) : null;
      if (more === null) ex.syntaxError(idSym(q[0]).name, 'expected a list of signature elements', stx, el);
      for (const x of more) element(x);
      return;
    }
    const head = idSym(q[0]).name;
    switch (head) {
      case 'contracted':
        for (const c of q.slice(1)) {
          const cq = syntaxList(c);
          if (cq === null || cq.length !== 2) ex.syntaxError('contracted', 'expected [id contract]', stx, c);
          variable(cq[0], cq[1]);
        }
        return;
      case 'define-values':
      case 'define-syntaxes':
        defs.push(unintroduced(ex, el));
        return;
      case 'define-values-for-export':
        if (q.length !== 3) ex.syntaxError(head, 'bad syntax', stx, el);
        exportDefs.push(unintroduced(ex, new Syntax(listFromArray([b.id('define-values'), q[1], q[2]]), el.loc)));
        return;
      case 'open':
        if (q.length !== 2) ex.syntaxError('open', 'bad syntax', stx, el);
        include(signatureOf(ex, stx, specSigId(q[1])));
        return;
      case 'struct':
      case 'struct/ctc':
        return structElement(ex, stx, b, el, q, head === 'struct/ctc', variable);
      default:
        ex.syntaxError('define-signature', 'not a signature element', stx, el);
    }
  };
  for (const el of syntaxList(list) ?? ex.badSyntax(stx)) element(el);
  const info: Value = new SignatureInfo(idSym(p[1]).name, vars, parentSig, contracts, ids, defs, exportDefs);
  return b.list('define-syntaxes', b.list(p[1]), b.list('quote', b.datum(info)));
};

/**
 * `(struct id (field ...) option ...)` in a signature: the names the
 * struct's definition binds (`struct:id`, `id`, `id?`, the accessors, and the
 * mutators under #:mutable); struct/ctc's fields are `[field contract]` and
 * the constructor and accessors get those contracts.
 */
function structElement(
  ex: Expander,
  stx: Syntax,
  b: Builder,
  el: Syntax,
  q: Syntax[],
  withContracts: boolean,
  variable: (id: Syntax, contract: Syntax | null) => void,
): void {
  const who = withContracts ? 'struct/ctc' : 'struct';
  if (q.length < 3 || !isIdentifier(q[1])) ex.syntaxError(who, 'bad syntax', stx, el);
  const name = idSym(q[1]).name;
  const options = q.slice(3).map((o) => syntaxE(o));
  const has = (kw: string) => options.some((o) => o instanceof Keyword && o.name === kw);
  const fields = (syntaxList(q[2]) ?? ex.syntaxError(who, 'bad syntax', stx, q[2])).map((f) => {
    if (!withContracts) return { id: f, contract: null };
    const fq = syntaxList(f);
    if (fq === null || fq.length !== 2 || !isIdentifier(fq[0])) ex.syntaxError(who, 'expected [field contract]', stx, f);
    return { id: fq[0], contract: fq[1] };
  });
  for (const f of fields) if (!isIdentifier(f.id)) ex.syntaxError(who, 'expected a field name', stx, f.id);
  const named = (text: string) => new Syntax(sym(text), q[1].loc, q[1].scopes);
  const pred = named(`${name}?`);
  // (-> dom ... range) built as racket/contract's -> is.
  const arrow = (doms: Syntax[], range: Syntax) =>
    b.list(
      '%c:make-arrow-contract',
      b.quote(sym('->')),
      b.list('list', ...doms),
      b.list('list'),
      b.quote(NULL),
      b.list('list'),
      b.quote(NULL),
      b.list('list'),
      b.datum(false),
      b.list('list', range),
    );
  const any = b.id('%c:any/c');
  variable(named(`struct:${name}`), null);
  if (!has('omit-constructor'))
    variable(
      q[1],
      withContracts
        ? arrow(
            fields.map((f) => f.contract ?? any),
            pred,
          )
        : null,
    );
  variable(pred, null);
  for (const f of fields) {
    const acc = named(`${name}-${idSym(f.id).name}`);
    variable(acc, withContracts ? arrow([pred], f.contract ?? any) : null);
  }
  if (has('mutable'))
    for (const f of fields)
      variable(named(`set-${name}-${idSym(f.id).name}!`), withContracts ? arrow([pred, f.contract ?? any], b.id('void?')) : null);
}

/** `(define-signature-form (name stx-id [intro-id]) body ...)` or `(define-signature-form name transformer)`. */
const defineSignatureForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const header = syntaxList(p[1]);
  let nameId: Syntax;
  let proc: Syntax;
  const arg = b.temp('element');
  const procId = b.temp('transformer');
  if (isIdentifier(p[1])) {
    if (p.length !== 3) ex.badSyntax(stx);
    nameId = p[1];
    proc = p[2];
  } else if (header !== null && (header.length === 2 || header.length === 3) && header.every(isIdentifier)) {
    nameId = header[0];
    proc = b.list('lambda', b.list(...header.slice(1)), ...p.slice(2));
  } else return ex.badSyntax(stx);
  const intro = header !== null && header.length === 3 ? [b.list('make-syntax-introducer')] : [];
  return b.list(
    'define-syntaxes',
    b.list(nameId),
    b.list(
      b.quote(ex.rtPrim('unit-signature-form')),
      b.list(
        'let',
        b.list(b.list(procId, proc)),
        b.list('lambda', b.list(arg), b.list('datum->syntax', b.datum(false), b.list(procId, arg, ...intro))),
      ),
    ),
  );
};

/** `(provide-signature-elements spec ...)`: provides the variables the specs name. */
const provideSignatureElements = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list(
    'provide',
    ...items(stx, ex, 1)
      .slice(1)
      .flatMap((s) => specVars(ex, stx, s))
      .map(([, id]) => id),
  );

/** `(unit-from-context spec)`: a unit exporting the variables of `spec` as they are bound where it is. */
function fromContext(ex: Expander, stx: Syntax, b: Builder, spec: Syntax, name: string | null): Syntax {
  const hidden = idSym(b.temp('from-context'));
  const prefixed = b.list('prefix', new Syntax(sym(`${hidden.name}:`), spec.loc, spec.scopes), spec);
  const defs = specVars(ex, stx, spec).map(([v, id]) =>
    b.list('define', new Syntax(sym(`${hidden.name}:${v}`), spec.loc, spec.scopes), id),
  );
  return unitExpression(ex, stx, b, [], [prefixed], defs, name);
}

const unitFromContext = (stx: Syntax, ex: Expander, b: Builder): Syntax => fromContext(ex, stx, b, items(stx, ex, 2, 2)[1], ex.localName);

const defineUnitFromContext = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const shapes = unitShapes.get(ex) ?? new Map<string, UnitShape>();
  unitShapes.set(ex, shapes);
  shapes.set(idSym(p[1]).name, { imports: [], exports: [p[2]] });
  return b.list('define', p[1], fromContext(ex, stx, b, p[2], idSym(p[1]).name));
};

/** `(define-unit-binding id unit-expr (import spec ...) (export spec ...))`: a unit value with its shape, for the /infer forms. */
const defineUnitBinding = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 5);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const shapes = unitShapes.get(ex) ?? new Map<string, UnitShape>();
  unitShapes.set(ex, shapes);
  shapes.set(idSym(p[1]).name, { imports: clause(ex, stx, p[3], 'import'), exports: clause(ex, stx, p[4], 'export') });
  return b.list('define', p[1], p[2]);
};

/** A keyword of unit forms used alone. */
function subform(name: string): Meaning {
  const transform: MacroTransformer = (stx, ex) => ex.syntaxError(name, 'misuse of unit keyword', stx);
  transform.alone = true;
  return { kind: 'macro', name, transform };
}

export function installUnitForms(define: (name: string, m: Meaning) => void): void {
  define('define-signature', jsMacro('define-signature', defineSignature));
  define('define-signature-form', jsMacro('define-signature-form', defineSignatureForm));
  define('unit', jsMacro('unit', unitForm));
  define('define-unit', jsMacro('define-unit', defineUnit));
  define('invoke-unit', jsMacro('invoke-unit', invokeUnit));
  define('invoke-unit/infer', jsMacro('invoke-unit/infer', invokeUnitInfer));
  define('define-values/invoke-unit', jsMacro('define-values/invoke-unit', defineValuesInvokeUnit));
  define('define-values/invoke-unit/infer', jsMacro('define-values/invoke-unit/infer', defineValuesInvokeUnitInfer));
  define('compound-unit', jsMacro('compound-unit', compoundUnit));
  define('provide-signature-elements', jsMacro('provide-signature-elements', provideSignatureElements));
  define('unit-from-context', jsMacro('unit-from-context', unitFromContext));
  define('define-unit-from-context', jsMacro('define-unit-from-context', defineUnitFromContext));
  define('define-unit-binding', jsMacro('define-unit-binding', defineUnitBinding));
  define('define-compound-unit', jsMacro('define-compound-unit', defineCompoundUnit));
  define('compound-unit/infer', jsMacro('compound-unit/infer', compoundUnitInfer));
  define('define-compound-unit/infer', jsMacro('define-compound-unit/infer', defineCompoundUnitInfer));
  define('unit/new-import-export', jsMacro('unit/new-import-export', unitNewImportExport));
  define('define-unit/new-import-export', jsMacro('define-unit/new-import-export', defineUnitNewImportExport));
  define('unit/s', jsMacro('unit/s', unitSForm));
  define('unit/c', jsMacro('unit/c', unitC));
  define('define-unit/contract', jsMacro('define-unit/contract', defineUnitContract));
  define('define-unit/s', jsMacro('define-unit/s', defineUnitS));
  for (const k of [
    'import',
    'export',
    'prefix',
    'rename',
    'only',
    'except',
    'tag',
    'extends',
    'link',
    'open',
    'init-depend',
    'contracted',
    'define-values-for-export',
    'struct/ctc',
  ])
    define(k, subform(k));
}
