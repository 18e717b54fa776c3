// The `struct` form: defines the type, constructor, predicate, accessors and
// mutators, and records the names for `struct-out`.

import { Keyword, Sym, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import type { Syntax } from '../values/syntax.js';
import type { Builder } from '../expand/build.js';
import type { Expander } from '../expand/expander.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { StructInfo, propStructFieldInfo, structInfoSource } from '../expand/transformers.js';
import { genericInfoOf, methodTable } from './generic-interfaces.js';
import { StructInstance, propAuthentic, propSealed } from '../values/struct.js';

interface Field {
  id: Syntax;
  mutable: boolean;
  auto: boolean;
}

/**
 * `struct`; with `derived` (struct/derived), errors name the original form
 * `derived.whole` and its head `derived.who` instead.
 */
export function structMacro(stx: Syntax, ex: Expander, b: Builder, derived: { who: string; whole: Syntax } | null = null): Syntax {
  const who = derived?.who ?? 'struct';
  const whole = derived?.whole ?? stx;
  const p = syntaxList(stx);
  if (p === null || p.length < 3 || !isIdentifier(p[1])) ex.badSyntax(whole);
  const nameId = p[1];
  const name = idSym(nameId).name;
  let i = 2;
  let superId: Syntax | null = null;
  if (isIdentifier(p[2])) {
    superId = p[2];
    i = 3;
  }
  const fieldSpecs = syntaxList(p[i]);
  if (fieldSpecs === null) ex.syntaxError(who, 'bad syntax (expected a sequence of field specifications)', whole, p[i]);
  const fields: Field[] = fieldSpecs.map((f) => {
    if (isIdentifier(f)) return { id: f, mutable: false, auto: false };
    const fp = syntaxList(f);
    if (fp === null || fp.length < 1 || !isIdentifier(fp[0])) ex.syntaxError(who, 'bad syntax (field specification)', whole, f);
    const opts = fp.slice(1).map((o) => syntaxE(o));
    return {
      id: fp[0],
      mutable: opts.some((o) => o instanceof Keyword && o.name === 'mutable'),
      auto: opts.some((o) => o instanceof Keyword && o.name === 'auto'),
    };
  });
  let allMutable = false;
  let transparent = false;
  let prefab = false;
  let guard: Syntax | null = null;
  let autoValue: Syntax = b.datum(false);
  let ctorName: Syntax | null = null;
  let ctorObjectName: string | null = null;
  let extraCtor: Syntax | null = null;
  const props: Syntax[] = [];
  const opts = p.slice(i + 1);
  for (let k = 0; k < opts.length; k++) {
    const o = syntaxE(opts[k]);
    if (!(o instanceof Keyword)) ex.syntaxError(who, 'bad syntax (expected a keyword option)', whole, opts[k]);
    switch (o.name) {
      case 'mutable':
        allMutable = true;
        break;
      case 'transparent':
        transparent = true;
        break;
      case 'prefab':
        prefab = true;
        break;
      case 'auto-value':
        autoValue = opts[++k];
        break;
      case 'constructor-name':
        ctorName = opts[++k];
        break;
      case 'extra-constructor-name':
        extraCtor = opts[++k];
        break;
      case 'property':
        props.push(b.list('cons', opts[k + 1], withFieldIndexes(ex, b, opts[k + 2], fields)));
        k += 2;
        break;
      case 'inspector':
        transparent = transparent || syntaxE(opts[k + 1]) === false;
        k++;
        break;
      case '%constructor-named-as-struct':
        // define-struct: make-NAME's object name is NAME.
        ctorObjectName = name;
        break;
      case 'authentic':
        props.push(b.list('cons', b.list('quote', b.datum(propAuthentic)), b.datum(true)));
        break;
      case 'sealed':
        props.push(b.list('cons', b.list('quote', b.datum(propSealed)), b.datum(true)));
        break;
      case 'omit-define-syntaxes':
        break;
      case 'guard':
        guard = withFieldIndexes(ex, b, opts[k + 1], fields);
        k++;
        break;
      case 'methods': {
        // #:methods gen:name [definition ...]: the interface's property, valued the vector of methods.
        if (k + 2 >= opts.length) ex.syntaxError(who, 'bad syntax;\n expected 2 arguments after keyword', whole, opts[k]);
        const info = genericInfoOf(ex, opts[k + 1]);
        if (info === null)
          ex.syntaxError(
            who,
            'the first argument to the #:methods specification is not a name for a generic interface',
            whole,
            opts[k + 1],
          );
        props.push(
          b.list(
            'cons',
            info.propertyId ?? b.list('quote', b.datum(ex.rtPrim(info.property))),
            methodTable(info, opts[k + 1], opts[k + 2], b),
          ),
        );
        k += 2;
        break;
      }
      default:
        ex.syntaxError(who, `unrecognized struct-specification keyword`, whole, opts[k]);
    }
  }
  const ctx = (s: string) => datumToSyntax(nameId, sym(s));
  // The struct name is bound to its struct info; the constructor, unless renamed, to a hidden variable it stands for.
  const ctorId = ctorName ?? b.temp(name);
  const own = fields.filter((f) => !f.auto).length;
  const auto = fields.length - own;
  const accessorNames = fields.map((f) => `${name}-${idSym(f.id).name}`);
  const mutableIdx = fields.map((f, k) => (f.mutable || allMutable ? k : -1)).filter((k) => k >= 0);
  const mutatorNames = mutableIdx.map((k) => `set-${name}-${idSym(fields[k].id).name}!`);
  const typeTmp = b.temp('type');
  const ctorTmp = b.temp('ctor');
  const predTmp = b.temp('pred');
  const parent = superId ? structInfoOf(ex, superId) : null;
  // Built-in structure types (exn, arity-at-least) have no struct info: their type is struct:NAME.
  const superType = parent !== null ? parent.type : superId ? datumToSyntax(superId, sym(`struct:${idSym(superId).name}`)) : b.datum(false);
  const define = b.list(
    'define-values',
    b.list(
      ctx(`struct:${name}`),
      ctorId,
      ...(extraCtor ? [extraCtor] : []),
      ctx(`${name}?`),
      ...accessorNames.map(ctx),
      ...mutatorNames.map(ctx),
    ),
    b.list(
      'let-values',
      b.list(
        b.list(
          b.list(typeTmp, ctorTmp, predTmp),
          b.list(
            b.list('quote', b.datum(ex.rtPrim('struct-define'))),
            b.quote(sym(name)),
            superType,
            b.datum(own),
            b.datum(auto),
            autoValue,
            b.list('list', ...props),
            b.datum(transparent),
            b.datum(prefab),
            b.quote(listOfNumbers(mutableIdx)),
            b.quote(sym(ctorObjectName ?? (ctorName === null ? name : idSym(ctorName).name))),
            guard ?? b.datum(false),
          ),
        ),
      ),
      b.list(
        'values',
        typeTmp,
        ctorTmp,
        ...(extraCtor ? [ctorTmp] : []),
        predTmp,
        ...accessorNames.map((n, k) =>
          b.list(b.list('quote', b.datum(ex.rtPrim('struct-accessor'))), typeTmp, b.datum(k), b.quote(sym(n))),
        ),
        ...mutableIdx.map((k, j) =>
          b.list(b.list('quote', b.datum(ex.rtPrim('struct-mutator'))), typeTmp, b.datum(k), b.quote(sym(mutatorNames[j]))),
        ),
      ),
    ),
  );
  const qs = (x: Syntax) => b.list('quote-syntax', x);
  const info = b.list(
    b.list('quote', b.datum(ex.rtPrim('make-struct-info'))),
    b.quote(sym(name)),
    qs(nameId),
    qs(ctx(`struct:${name}`)),
    qs(ctorId),
    qs(ctx(`${name}?`)),
    b.quote(listOfSymbols(fields.filter((f) => !f.auto).map((f) => idSym(f.id).name))),
    qs(b.list(...accessorNames.filter((_, k) => !fields[k].auto).map(ctx))),
    qs(b.list(...fields.map((_, k) => (mutableIdx.includes(k) ? ctx(mutatorNames[mutableIdx.indexOf(k)]) : b.datum(false))))),
    b.list('quote', b.datum(parent ?? false)),
    b.datum(ctorName === null),
    qs(b.list(...(extraCtor ? [extraCtor] : []))),
  );
  return b.list('begin', define, b.list('define-syntaxes', b.list(nameId), info));
}

/** The struct info `id` is bound to, or null. */
/** `(struct-field-index field)` inside a property or guard expression: the field's position among the type's own fields. */
function withFieldIndexes(ex: Expander, b: Builder, stx: Syntax, fields: Field[]): Syntax {
  const items = syntaxList(stx);
  if (items === null) return stx;
  if (items.length > 0 && isIdentifier(items[0]) && ex.isBase(items[0], 'struct-field-index')) {
    const k = items.length === 2 && isIdentifier(items[1]) ? fields.findIndex((f) => idSym(f.id) === idSym(items[1])) : -1;
    if (k < 0) ex.syntaxError('struct-field-index', 'no such field', stx, items[1] ?? stx);
    return b.datum(k);
  }
  const parts = items.map((x) => withFieldIndexes(ex, b, x, fields));
  return parts.every((x, i) => x === items[i]) ? stx : datumToSyntax(stx, listFromArray(parts), stx.loc);
}

/** `struct-field-index` outside a struct definition. */
export function structFieldIndexMacro(stx: Syntax, ex: Expander): Syntax {
  return ex.syntaxError('struct-field-index', 'allowed only within a structure type definition', stx);
}

/** `(struct/derived orig-form id-maybe-super (field ...) option ...)`: struct, reporting errors in terms of orig-form. */
export function structDerivedMacro(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length < 4) return ex.badSyntax(stx);
  const head = syntaxList(p[1])?.[0];
  const who = head !== undefined && isIdentifier(head) ? idSym(head).name : '?';
  return structMacro(b.list('struct', ...p.slice(2)), ex, b, { who, whole: p[1] });
}

/** `(define-struct/derived orig-form id-maybe-super (field ...) option ...)`: define-struct, errors in terms of orig-form. */
export function defineStructDerivedMacro(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length < 4) return ex.badSyntax(stx);
  const asStruct = syntaxList(defineStructMacro(b.list('define-struct', ...p.slice(2)), ex, b))!;
  return b.list('struct/derived', p[1], ...asStruct.slice(1));
}

/** The struct information `id` is bound to: a struct form's, or one made by make-struct-info or prop:struct-info. */
export function structInfoOf(ex: Expander, id: Syntax): StructInfo | null {
  const m = ex.resolve(id);
  if (m === null || m.kind !== 'syntax') return null;
  if (m.value instanceof StructInfo) return m.value;
  const src = structInfoSource(m.value);
  if (src === null) return null;
  const known = madeInfos.get(m.value as object);
  if (known !== undefined) return known;
  const info = infoFromList(ex, id, m.value, ex.compileTime!.apply(src.proc, src.args));
  madeInfos.set(m.value as object, info);
  return info;
}

const madeInfos = new WeakMap<object, StructInfo>();

/** A StructInfo from extract-struct-info's six-element list (accessors and mutators last field first). */
function infoFromList(ex: Expander, id: Syntax, v: Value, list: Value): StructInfo {
  const parts = isList(list) ? listToArray(list) : [];
  if (parts.length !== 6) return ex.syntaxError(idSym(id).name, 'bad struct info', id);
  const [type, ctor, pred, accs, muts, sup] = parts as [Syntax, Syntax, Syntax, Value, Value, Value];
  const typeName = isIdentifier(type) ? idSym(type).name : '';
  const name = typeName.startsWith('struct:') ? typeName.slice(7) : idSym(id).name;
  const parent = isIdentifier(sup) ? structInfoOf(ex, sup as Syntax) : null;
  const accessors = listToArray(accs)
    .filter((a) => a !== false)
    .reverse() as Syntax[];
  const inherited = parent === null ? 0 : Math.min(parent.fields.length, accessors.length);
  // Field names: prop:struct-field-info's, else each accessor's name without the struct's prefix.
  const fieldInfo = v instanceof StructInstance ? v.type.prop(propStructFieldInfo) : undefined;
  const given = fieldInfo === undefined ? null : listToArray(ex.compileTime!.apply(fieldInfo, [v])).reverse();
  const fields = accessors.map((a, i) => {
    if (i < inherited) return parent!.fields[i];
    const own = given?.[i - inherited];
    const accName = idSym(a).name;
    const fieldName = own instanceof Sym ? own.name : accName.startsWith(`${name}-`) ? accName.slice(name.length + 1) : accName;
    return { name: fieldName, accessor: a, owner: idSym(id).name };
  });
  const mutators = listToArray(muts)
    .reverse()
    .slice(inherited)
    .map((x) => (isIdentifier(x) ? (x as Syntax) : null));
  return new StructInfo(name, id, type, ctor, pred, fields, mutators, parent, parent === null ? false : parent.type, false, []);
}

function listOfSymbols(names: string[]): Value {
  let out: Value = NULL_;
  for (let k = names.length - 1; k >= 0; k--) out = new PairC(sym(names[k]), out);
  return out;
}

function listOfNumbers(ns: number[]): Value {
  let out: Value = NULL_;
  for (let k = ns.length - 1; k >= 0; k--) out = new PairC(ns[k], out);
  return out;
}

import { NULL as NULL_, Pair as PairC } from '../values/types.js';

/**
 * `(define-struct id (field ...) option ...)` and `(define-struct (id parent) ...)`:
 * the old form of struct, whose constructor is `make-id`.
 */
export function defineStructMacro(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length < 3) return ex.badSyntax(stx);
  const head = syntaxList(p[1]);
  const [nameId, parentId] = isIdentifier(p[1])
    ? [p[1], null]
    : head !== null && head.length === 2 && head.every(isIdentifier)
      ? [head[0], head[1]]
      : [null, null];
  if (nameId === null) return ex.badSyntax(stx);
  const ctor = datumToSyntax(nameId, sym(`make-${idSym(nameId).name}`));
  // A constructor name of the program's own replaces make-NAME.
  const named = p.slice(3).some((o) => {
    const k = syntaxE(o);
    return k instanceof Keyword && (k.name === 'constructor-name' || k.name === 'extra-constructor-name');
  });
  const naming = named ? [] : [b.keyword('constructor-name'), ctor, b.keyword('%constructor-named-as-struct')];
  return b.list('struct', nameId, ...(parentId ? [parentId] : []), ...p.slice(2), ...naming);
}

/** `(struct-copy id expr [field expr] ...)`, with `[field #:parent parent-id expr]` for inherited fields. */
export function structCopyMacro(stx: Syntax, ex: Expander, b: Builder): Syntax {
  const p = syntaxList(stx);
  if (p === null || p.length < 3 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  const info = structInfoOf(ex, p[1]);
  if (info === null) return ex.syntaxError('struct-copy', 'not an identifier for a structure type', stx, p[1]);
  const fields = info.fields.map((f) => ({ ...f, key: `${f.owner}-${f.name}` }));
  const v = b.temp('v');
  const updates = new Map<string, Syntax>();
  for (const u of p.slice(3)) {
    const up = syntaxList(u);
    if (up === null || (up.length !== 2 && up.length !== 4) || !isIdentifier(up[0])) ex.syntaxError('struct-copy', 'bad syntax', stx, u);
    const owner = up.length === 4 ? idSym(up[2]).name : idSym(p[1]).name;
    const key = `${owner}-${idSym(up[0]).name}`;
    if (!fields.some((f) => f.key === key))
      ex.syntaxError('struct-copy', 'field name not associated with the given structure type', stx, up[0]);
    updates.set(key, up[up.length - 1]);
  }
  return b.list(
    'let-values',
    b.list(b.list(b.list(v), p[2])),
    b.list(info.ctor, ...fields.map((f) => updates.get(f.key) ?? b.list(f.accessor, v))),
  );
}
