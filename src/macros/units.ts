// racket/unit, as far as simple units go: signatures (with `extends`),
// `unit`, `define-unit`, `invoke-unit`, `define-values/invoke-unit` and
// their `/infer` forms, with `prefix`, `rename`, `only` and `except`
// signature specs. A unit is a procedure of its imports' values that
// runs its body and returns its exports' values and the body's result
// (prims/units.ts, lib/units.rkt); imports are bound when the unit is invoked, so units
// that import each other's variables before they are defined are not
// supported. compound-unit links its units in the order given.

import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, MacroTransformer, Meaning } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { customPrint } from '../values/printable.js';
import { Syntax } from '../values/syntax.js';
import { listFromArray, sym, type Value } from '../values/types.js';
import { items } from './forms.js';

/** A signature: the variables it lists, its parent's first. */
export class SignatureInfo {
  constructor(
    readonly name: string,
    readonly vars: readonly string[],
  ) {}
  [customPrint](): string {
    return `#<signature:${this.name}>`;
  }
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
    ex.syntaxError(isIdentifier(syntaxList(stx)?.[0] ?? id) ? idSym(syntaxList(stx)![0]).name : 'unit', 'not a signature', stx, id);
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

const DEFINING = /^define/;

/** `(unit (import spec ...) (export spec ...) body ...)`, named `name` when given. */
function unitExpression(
  ex: Expander,
  stx: Syntax,
  b: Builder,
  importSpecs: Syntax[],
  exportSpecs: Syntax[],
  body: Syntax[],
  name: string | null,
): Syntax {
  const imports = importSpecs.flatMap((s) => specVars(ex, stx, s));
  const exports = exportSpecs.flatMap((s) => specVars(ex, stx, s));
  const vec = b.temp('imports');
  const last = body[body.length - 1];
  const lastHead = last === undefined ? null : syntaxList(last)?.[0];
  const lastIsDefinition =
    last === undefined || (lastHead !== undefined && lastHead !== null && isIdentifier(lastHead) && DEFINING.test(idSym(lastHead).name));
  const result = b.temp('result');
  const forms = lastIsDefinition ? body : body.slice(0, -1);
  const resultExpr = lastIsDefinition ? b.list('void') : last!;
  return b.list(
    b.list('quote', b.datum(ex.rtPrim('unit-make'))),
    b.quote(name === null ? false : sym(name)),
    b.quote(listFromArray(imports.map(([v]) => sym(v)))),
    b.quote(listFromArray(exports.map(([v]) => sym(v)))),
    b.list(
      'lambda',
      b.list(vec),
      b.list(
        'let',
        b.list(...imports.map(([, id], i) => b.list(id, b.list('vector-ref', vec, b.datum(i))))),
        ...forms,
        b.list('let', b.list(b.list(result, resultExpr)), b.list('values', b.list('vector', ...exports.map(([, id]) => id)), result)),
      ),
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

/** Defines the variables of `exportSpecs` from the unit's exports (matched by their names in the signatures). */
function defineExports(ex: Expander, stx: Syntax, b: Builder, unit: Syntax, importSpecs: Syntax[], exportSpecs: Syntax[]): Syntax {
  const exports = exportSpecs.flatMap((s) => specVars(ex, stx, s));
  return b.list(
    'define-values',
    b.list(...exports.map(([, id]) => id)),
    b.list('%unit-invoke/exports', unit, importValues(ex, stx, b, importSpecs), b.quote(listFromArray(exports.map(([v]) => sym(v))))),
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

/** `spec` (a signature name) as written where `like` is. */
function withContext(spec: Syntax, like: Syntax): Syntax {
  return isIdentifier(spec) ? new Syntax(syntaxE(spec), like.loc, like.scopes) : spec;
}

/** `(define-signature name [extends parent] (var ...))`. */
const defineSignature = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 5);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  let parent: string[] = [];
  let list = p[2];
  if (p.length === 5 && isIdentifier(p[2]) && idSym(p[2]).name === 'extends') {
    parent = [...signatureOf(ex, stx, p[3]).vars];
    list = p[4];
  }
  const own = (syntaxList(list) ?? ex.badSyntax(stx)).map((v) => {
    if (!isIdentifier(v)) ex.syntaxError('define-signature', 'only variables are supported in signatures', stx, v);
    return idSym(v).name;
  });
  const info: Value = new SignatureInfo(idSym(p[1]).name, [...parent, ...own]);
  return b.list('define-syntaxes', b.list(p[1]), b.list('quote', b.datum(info)));
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
  for (const k of ['import', 'export', 'prefix', 'rename', 'only', 'except', 'tag', 'extends', 'link', 'open', 'init-depend'])
    define(k, subform(k));
}
