// racket/generic's define-generics: a new generic interface gen:NAME (a
// GenericInfo whose property is a variable of the program, so `struct`'s
// #:methods gives it), the generic procedures, NAME? and the optional
// defined-predicate and defined-table. As in Racket's
// racket/private/generic.rkt, a method finds its implementation from the
// argument named after the interface: the #:fast-defaults predicates first,
// then the property, then the #:defaults predicates; a method a table leaves
// out is the #:fallbacks one. The run-time helpers are lib/generics.rkt.

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, RString, type Value, listFromArray, sym } from '../values/types.js';
import { ordinal } from '../errors/messages.js';
import { GenericInfo, defineGenericMeaning, genericInfoOf, methodTable } from './generic-interfaces.js';

interface Signature {
  req: Syntax[];
  opt: Syntax[];
  reqKw: [string, Syntax][];
  optKw: [string, Syntax][];
  rest: Syntax | null;
}

/** A method's kw-formals*: `id`, `[id]`, `#:kw id`, `#:kw [id]`, and a rest identifier. */
function parseSignature(spec: Syntax, formals: Value, ex: Expander): Signature {
  const sig: Signature = { req: [], opt: [], reqKw: [], optKw: [], rest: null };
  let v: Value = formals;
  const bad = (at: Syntax): never => ex.syntaxError('define-generics', 'bad method signature', spec, at);
  const optional = (s: Syntax): Syntax | null => {
    const p = syntaxList(s);
    return p !== null && p.length === 1 && isIdentifier(p[0]) ? p[0] : null;
  };
  for (;;) {
    if (v instanceof Syntax) {
      if (isIdentifier(v)) {
        sig.rest = v;
        break;
      }
      v = syntaxE(v);
      continue;
    }
    if (v === NULL) break;
    if (!(v instanceof Pair)) return bad(spec);
    const a = v.car as Syntax;
    const ae = syntaxE(a);
    if (ae instanceof Keyword) {
      let next: Value = v.cdr;
      if (next instanceof Syntax) next = syntaxE(next);
      if (!(next instanceof Pair)) return bad(a);
      const arg = next.car as Syntax;
      if (isIdentifier(arg)) sig.reqKw.push([ae.name, arg]);
      else {
        const o = optional(arg);
        if (o === null) return bad(arg);
        sig.optKw.push([ae.name, o]);
      }
      v = next.cdr;
      continue;
    }
    if (isIdentifier(a)) {
      if (sig.opt.length > 0) return bad(a);
      sig.req.push(a);
    } else {
      const o = optional(a);
      if (o === null) return bad(a);
      sig.opt.push(o);
    }
    v = v.cdr;
  }
  return sig;
}

const str = (b: Builder, s: string) => b.datum(new RString(s, true));
/** A runtime internal (prims/generics.ts) in operator position. */
const rt = (b: Builder, name: string) => b.list('quote', b.datum(b.ex.rtPrim(name)));

const defineGenerics = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  if (p === null || p.length < 2 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  const nameId = p[1];
  const name = idSym(nameId).name;
  const ctx = (s: string) => datumToSyntax(nameId, sym(s));
  const methods: { id: Syntax; spec: Syntax; sig: Signature }[] = [];
  const fast: [Syntax, Syntax[]][] = [];
  const defaults: [Syntax, Syntax[]][] = [];
  let fallbacks: Syntax[] = [];
  let definedPred: Syntax | null = null;
  let definedTable: Syntax | null = null;
  const derived: [Syntax, Syntax][] = [];
  const clauses = (opt: Syntax, list: Syntax | undefined): [Syntax, Syntax[]][] =>
    (syntaxList(list ?? opt) ?? ex.badSyntax(stx)).map((c) => {
      const cp = syntaxList(c);
      if (cp === null || cp.length < 1) return ex.syntaxError('define-generics', 'bad syntax', stx, c);
      return [cp[0], cp.slice(1)];
    });
  for (let k = 2; k < p.length; k++) {
    const e = syntaxE(p[k]);
    if (e instanceof Keyword) {
      const arg = p[k + 1];
      if (arg === undefined) return ex.syntaxError('define-generics', 'expected an argument after keyword', stx, p[k]);
      switch (e.name) {
        case 'fast-defaults':
          fast.push(...clauses(p[k], arg));
          break;
        case 'defaults':
          defaults.push(...clauses(p[k], arg));
          break;
        case 'fallbacks':
          fallbacks = syntaxList(arg) ?? ex.badSyntax(stx);
          break;
        case 'defined-predicate':
          definedPred = arg;
          break;
        case 'defined-table':
          definedTable = arg;
          break;
        case 'derive-property':
          if (p[k + 2] === undefined) return ex.badSyntax(stx);
          derived.push([arg, p[k + 2]]);
          k++;
          break;
        default:
          return ex.syntaxError('define-generics', 'unrecognized keyword', stx, p[k]);
      }
      k++;
      continue;
    }
    const mp = syntaxE(p[k]);
    if (!(mp instanceof Pair) || !isIdentifier(mp.car as Syntax))
      return ex.syntaxError('define-generics', 'bad method specification', stx, p[k]);
    const sig = parseSignature(p[k], mp.cdr, ex);
    if (!sig.req.some((r) => idSym(r).name === name))
      return ex.syntaxError('define-generics', `did not find required positional argument ${name} in method signature`, stx, p[k]);
    methods.push({ id: mp.car as Syntax, spec: p[k], sig });
  }
  const methodNames = methods.map((m) => idSym(m.id).name);
  const n = methods.length;
  const prop = b.temp(`prop:${name}`);
  const propPred = b.temp(`${name}-impl?`);
  const propRef = b.temp(`${name}-ref`);
  const tableOf = b.temp(`${name}-table`);
  const fallbackTable = b.temp(`${name}-fallbacks`);
  // For the tables of #:defaults and #:fallbacks, which need only the method names.
  const info = new GenericInfo(`gen:${name}`, `prop:${name}`, methodNames, prop);
  const genId = ctx(`gen:${name}`);
  const fastIds = fast.map(() => [b.temp('fast-pred'), b.temp('fast-table')] as const);
  const defaultIds = defaults.map(() => [b.temp('default-pred'), b.temp('default-table')] as const);
  const v = b.temp('v');
  const out: Syntax[] = [];

  out.push(
    b.list(
      'define-values',
      b.list(prop, propPred, propRef),
      b.list(
        'make-struct-type-property',
        b.quote(sym(name)),
        b.list(
          rt(b, 'generic-guard'),
          b.quote(sym(name)),
          b.datum(n),
          b.quote(listFromArray(methods.map((m) => listFromArray([idSym(m.id), m.sig.req.length, m.sig.opt.length, m.sig.rest !== null])))),
        ),
        b.list(
          'list',
          ...derived.map(([dp, dv]) => {
            const impl = b.temp('impl');
            return b.list(
              'cons',
              dp,
              b.list(
                'lambda',
                b.list(impl),
                b.list('let', b.list(...methods.map((m, i) => b.list(m.id, b.list('vector-ref', impl, b.datum(i))))), dv),
              ),
            );
          }),
        ),
        b.datum(true),
      ),
    ),
  );
  out.push(
    b.list(
      'define-syntaxes',
      b.list(genId),
      b.list(
        rt(b, 'make-generic-info'),
        b.quote(sym(`gen:${name}`)),
        b.list('quote-syntax', prop),
        b.list('quote-syntax', propPred),
        b.list('quote-syntax', propRef),
        b.quote(listFromArray(methodNames.map(sym))),
      ),
    ),
  );
  out.push(
    b.list(
      'define',
      tableOf,
      b.list(
        'lambda',
        b.list(v),
        b.list(
          'cond',
          ...fastIds.map(([pr, tb]) => b.list(b.list(pr, v), tb)),
          b.list(b.list(propPred, v), b.list(propRef, v)),
          ...defaultIds.map(([pr, tb]) => b.list(b.list(pr, v), tb)),
          b.list('else', b.datum(false)),
        ),
      ),
    ),
  );
  out.push(b.list('define', ctx(`${name}?`), b.list('lambda', b.list(v), b.list('if', b.list(tableOf, v), b.datum(true), b.datum(false)))));
  methods.forEach((m, i) => out.push(b.list('define', m.id, methodProcedure(m.id, m.sig, i, name, tableOf, fallbackTable, b))));
  fast.forEach(([pred, defs], k) => {
    out.push(b.list('define', fastIds[k][0], pred), b.list('define', fastIds[k][1], methodTable(info, nameId, b.list(...defs), b)));
  });
  defaults.forEach(([pred, defs], k) => {
    out.push(b.list('define', defaultIds[k][0], pred), b.list('define', defaultIds[k][1], methodTable(info, nameId, b.list(...defs), b)));
  });
  out.push(b.list('define', fallbackTable, methodTable(info, nameId, b.list(...fallbacks), b)));
  const methodsList = b.quote(listFromArray(methodNames.map(sym)));
  const orC = `(or/c ${methodNames.map((m) => `(quote ${m})`).join(' ')})`;
  const predWho = definedPred !== null ? idSym(definedPred).name : `${name}-supported?`;
  if (definedPred !== null) {
    const syms = b.temp('syms');
    out.push(
      b.list(
        'define',
        definedPred,
        b.list(
          'lambda',
          b.listTail([v], syms),
          b.list(
            rt(b, 'generic-supported?'),
            b.quote(sym(predWho)),
            str(b, `${name}?`),
            str(b, orC),
            b.list(tableOf, v),
            v,
            methodsList,
            syms,
          ),
        ),
      ),
    );
  }
  out.push(
    b.list(
      'define-syntaxes',
      b.list(ctx(`${name}/c`)),
      b.list(rt(b, 'make-generics-contract-transformer'), b.list('quote-syntax', genId), b.quote(sym(`${name}/c`))),
    ),
  );
  if (definedTable !== null) {
    out.push(
      b.list(
        'define',
        definedTable,
        b.list(
          'lambda',
          b.list(v),
          b.list(rt(b, 'generic-defined-table'), b.quote(sym(predWho)), str(b, `${name}?`), b.list(tableOf, v), v, methodsList),
        ),
      ),
    );
  }
  return b.list('begin', ...out);
};

/** The generic procedure of method `id`: its formals are the signature's, its body finds the implementation and applies it. */
function methodProcedure(id: Syntax, sig: Signature, index: number, name: string, tableOf: Syntax, fallbacks: Syntax, b: Builder): Syntax {
  const who = b.quote(idSym(id));
  const t = (s: Syntax) => b.temp(idSym(s).name);
  const req = sig.req.map(t);
  const opt = sig.opt.map(t);
  const reqKw = sig.reqKw.map(([k, s]) => [k, t(s)] as const);
  const optKw = sig.optKw.map(([k, s]) => [k, t(s)] as const);
  const rest = sig.rest === null ? null : t(sig.rest);
  const selfAt = sig.req.findIndex((r) => idSym(r).name === name);
  const self = req[selfAt];
  const dflt = b.list('quote', b.datum(b.ex.rtPrim('generic-default-arg')));
  const formals: Syntax[] = [
    ...req,
    ...opt.map((o) => b.list(o, dflt)),
    ...reqKw.flatMap(([k, s]) => [b.keyword(k), s]),
    ...optKw.flatMap(([k, s]) => [b.keyword(k), b.list(s, dflt)]),
  ];
  // The other arguments, labelled as Racket's message shows them.
  const labelled: [string, Syntax][] = [
    ...sig.req.map((r, i) => [`${idSym(r).name} argument...`, req[i]] as [string, Syntax]),
    ...sig.opt.map((o, i) => [`${idSym(o).name} (optional) argument...`, opt[i]] as [string, Syntax]),
    ...reqKw.map(([k, s]) => [`#:${k} argument...`, s] as [string, Syntax]),
    ...optKw.map(([k, s]) => [`#:${k} (optional) argument...`, s] as [string, Syntax]),
    ...(rest !== null ? [['rest args', rest] as [string, Syntax]] : []),
  ].filter((_, i) => i !== selfAt);
  const tbl = b.temp('table');
  const impl = b.temp('impl');
  const positional =
    opt.length === 0 && rest === null
      ? null
      : b.list('append', b.list('list', ...req), b.list(rt(b, 'generic-supplied'), b.list('list', ...opt)), rest ?? b.quote(NULL));
  const kws = [...reqKw, ...optKw].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const kv = b.temp('kws+vals');
  const call =
    kws.length > 0
      ? b.list(
          'let',
          b.list(
            b.list(
              kv,
              b.list(
                rt(b, 'generic-supplied-keywords'),
                b.quote(listFromArray(kws.map(([k]) => Keyword.intern(k)))),
                b.list('list', ...kws.map(([, s]) => s)),
              ),
            ),
          ),
          b.list('keyword-apply', impl, b.list('car', kv), b.list('cdr', kv), positional ?? b.list('list', ...req)),
        )
      : positional !== null
        ? b.list('apply', impl, positional)
        : b.list(impl, ...req);
  const body = b.list(
    'let*',
    b.list(
      b.list(tbl, b.list(tableOf, self)),
      b.list(
        impl,
        b.list(
          'if',
          tbl,
          b.list(
            'if',
            b.list('vector-ref', tbl, b.datum(index)),
            b.list('vector-ref', tbl, b.datum(index)),
            b.list('vector-ref', fallbacks, b.datum(index)),
          ),
          b.list(
            rt(b, 'generic-not-instance'),
            who,
            str(b, `${name}?`),
            self,
            str(b, ordinal(selfAt + 1)),
            b.list('list', ...labelled.flatMap(([l, s]) => [str(b, l), s])),
          ),
        ),
      ),
    ),
    b.list('if', impl, call, b.list(rt(b, 'generic-raise-support-error'), who, self)),
  );
  return b.list('lambda', rest === null ? b.list(...formals) : b.listTail(formals, rest), body);
}

/** The interface gen-id names, made by define-generics (only those have a property accessor to redirect). */
function definedInterface(who: string, genId: Syntax, stx: Syntax, ex: Expander): GenericInfo {
  if (!isIdentifier(genId)) return ex.syntaxError(who, 'expected an identifier', stx, genId);
  const info = genericInfoOf(ex, genId);
  if (info === null || info.accessorId === null) return ex.syntaxError(who, 'expected a name for a generic interface', stx, genId);
  return info;
}

/** `[method-id proc-expr] ...` as the redirection `(lambda (i method) ...)`: each named method's index to its proc-expr applied. */
function redirection(who: string, info: GenericInfo, clauses: Syntax[], stx: Syntax, ex: Expander, b: Builder): Syntax {
  const i = b.temp('i');
  const m = b.temp('method');
  const cases = clauses.map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2 || !isIdentifier(cp[0])) return ex.syntaxError(who, 'bad syntax', stx, c);
    const k = info.methods.indexOf(idSym(cp[0]).name);
    if (k < 0) return ex.syntaxError(who, `${idSym(cp[0]).name} is not a method of generic interface ${info.name}`, stx, cp[0]);
    return b.list(b.list('eqv?', i, b.datum(k)), b.list(cp[1], m));
  });
  return b.list('lambda', b.list(i, m), b.list('cond', ...cases, b.list('else', m)));
}

/** The redirect-generics call: `mode` is #t to chaperone, #f to impersonate. */
function redirectCall(info: GenericInfo, mode: Syntax, val: Syntax, proc: Syntax, props: Syntax, b: Builder): Syntax {
  return b.list('%generic-redirect', b.quote(sym(info.name)), mode, info.predicateId!, info.accessorId!, val, proc, props);
}

/** (redirect-generics mode gen val [method proc] ... [#:properties props]) and its chaperone-/impersonate- forms. */
function redirectForm(who: string, fixedMode: boolean | null) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = syntaxList(stx);
    const at = fixedMode === null ? 2 : 1;
    if (p === null || p.length < at + 2) return ex.badSyntax(stx);
    const info = definedInterface(who, p[at], stx, ex);
    let clauses = p.slice(at + 2);
    let props: Syntax = b.quote(NULL);
    const kwAt = clauses.findIndex((c) => syntaxE(c) instanceof Keyword);
    if (kwAt >= 0) {
      const kw = syntaxE(clauses[kwAt]) as Keyword;
      if (kw.name !== 'properties' || kwAt !== clauses.length - 2) return ex.badSyntax(stx);
      props = clauses[kwAt + 1];
      clauses = clauses.slice(0, kwAt);
    }
    const mode = fixedMode === null ? p[1] : b.datum(fixedMode);
    return redirectCall(info, mode, p[at + 1], redirection(who, info, clauses, stx, ex, b), props, b);
  };
}

/** `(%generic-instance/c original (prefix ...) gen [method contract] ...)`: generic-instance/c and NAME/c. */
const genericInstanceContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx)!;
  const original = syntaxList(p[1])?.[1] ?? stx;
  const prefix = p[2];
  const who = idSym(syntaxList(original)?.[0] ?? p[0]).name;
  const info = definedInterface(who, p[3], original, ex);
  const clauses = p.slice(4).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2 || !isIdentifier(cp[0])) return ex.syntaxError(who, 'bad syntax', original, c);
    if (!info.methods.includes(idSym(cp[0]).name))
      return ex.syntaxError(who, `${idSym(cp[0]).name} is not a method of generic interface ${info.name}`, original, cp[0]);
    return { method: cp[0], ctc: cp[1], tmp: b.temp('ctc'), proj: b.temp('proj') };
  });
  const mode = b.temp('mode');
  const x = b.temp('x');
  const redirect = b.list(
    'lambda',
    b.list(mode, ...clauses.map((c) => c.proj)),
    b.list(
      'lambda',
      b.list(x),
      redirectCall(
        info,
        mode,
        x,
        redirection(
          who,
          info,
          clauses.map((c) => b.list(c.method, c.proj)),
          original,
          ex,
          b,
        ),
        b.quote(NULL),
        b,
      ),
    ),
  );
  return b.list(
    'let*',
    b.list(...clauses.map((c) => b.list(c.tmp, c.ctc))),
    b.list(
      '%generic-make-contract',
      b.quote(sym(info.name)),
      prefix,
      info.predicateId!,
      b.quote(listFromArray(clauses.map((c) => idSym(c.method)))),
      b.list('list', ...clauses.map((c) => c.tmp)),
      redirect,
    ),
  );
};

const genericInstanceC = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  if (p === null || p.length < 2) return ex.badSyntax(stx);
  return b.list(
    '%generic-instance/c',
    b.list('quote-syntax', stx),
    b.quote(listFromArray([sym('generic-instance/c'), syntaxToDatum(p[1])])),
    ...p.slice(1),
  );
};

/** The expression of an interface's property. */
function propertyOf(info: GenericInfo, b: Builder): Syntax {
  return info.propertyId ?? b.list('quote', b.datum(b.ex.rtPrim(info.property)));
}

/** `(lambda (_) v)` of `v` evaluated now (Racket's `(const v)`). */
function constant(v: Syntax, b: Builder): Syntax {
  const t = b.temp('value');
  return b.list('let', b.list(b.list(t, v)), b.list('lambda', b.list(b.temp('_')), t));
}

/** make-struct-type-property/generic's `#:property prop val` and `#:methods gen [def ...]` options, as super-property pairs. */
function superPairs(stx: Syntax, opts: Syntax[], ex: Expander, b: Builder): Syntax[] {
  const out: Syntax[] = [];
  for (let k = 0; k < opts.length; ) {
    const kw = syntaxE(opts[k]);
    const name = kw instanceof Keyword ? kw.name : '';
    if (name === 'property') {
      // `#:property` needs two operands, neither of them a keyword.
      const operand = (i: number, message: string) => {
        if (opts[i] === undefined || syntaxE(opts[i]) instanceof Keyword)
          ex.syntaxError('make-struct-type-property/generic', message, stx, opts[i] ?? opts[k]);
      };
      operand(k + 1, 'expected prop-expr and val-expr after #:property');
      operand(k + 2, 'expected val-expr after #:property prop-expr');
      out.push(b.list('cons', opts[k + 1], constant(opts[k + 2], b)));
    } else if (name === 'methods') {
      const info = opts[k + 1] !== undefined ? genericInfoOf(ex, opts[k + 1]) : null;
      if (info === null)
        return ex.syntaxError(
          'make-struct-type-property/generic',
          'expected gen:name-id and method-defs after #:methods',
          stx,
          opts[k + 1] ?? opts[k],
        );
      if (opts[k + 2] === undefined || syntaxList(opts[k + 2]) === null)
        return ex.syntaxError(
          'make-struct-type-property/generic',
          'expected method-defs after #:methods gen:name-id',
          stx,
          opts[k + 2] ?? opts[k],
        );
      out.push(b.list('cons', propertyOf(info, b), constant(methodTable(info, opts[k + 1], opts[k + 2], b), b)));
    } else {
      return ex.syntaxError('make-struct-type-property/generic', 'expected one of these literals: #:property or #:methods', stx, opts[k]);
    }
    k += 3;
  }
  return out;
}

/** (make-struct-type-property/generic name [guard [supers [can-impersonate?]]] option ...): make-struct-type-property with the options as super properties. */
const makeStructTypePropertyGeneric = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  if (p === null) return ex.badSyntax(stx);
  if (p.length < 2 || syntaxE(p[1]) instanceof Keyword)
    return ex.syntaxError('make-struct-type-property/generic', 'expected name-expr', stx, p[1]);
  let k = 2;
  const positional: Syntax[] = [];
  while (k < p.length && positional.length < 3 && !(syntaxE(p[k]) instanceof Keyword)) positional.push(p[k++]);
  const [guard, supers, canImpersonate] = [
    positional[0] ?? b.datum(false),
    positional[1] ?? b.quote(NULL),
    positional[2] ?? b.datum(false),
  ];
  return b.list('make-struct-type-property', p[1], guard, b.list('list*', ...superPairs(stx, p.slice(k), ex, b), supers), canImpersonate);
};

/** (make-generic-struct-type-property gen:name def ...): a property whose value gives a structure type those methods. */
const makeGenericStructTypeProperty = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  if (p === null) return ex.badSyntax(stx);
  if (p.length < 2 || !isIdentifier(p[1])) return ex.syntaxError('make-generic-struct-type-property', 'expected gen:name-id', stx, p[1]);
  const info = genericInfoOf(ex, p[1]);
  if (info === null) return ex.syntaxError('make-generic-struct-type-property', 'expected gen:name-id', stx, p[1]);
  const [prop, pred, ref] = [b.temp('prop'), b.temp('pred'), b.temp('ref')];
  return b.list(
    'let-values',
    b.list(
      b.list(
        b.list(prop, pred, ref),
        b.list(
          'make-struct-type-property',
          b.quote(idSym(p[1])),
          b.datum(false),
          b.list('list', b.list('cons', propertyOf(info, b), constant(methodTable(info, p[1], b.list(...p.slice(2)), b), b))),
          b.datum(false),
        ),
      ),
    ),
    prop,
  );
};

export function installGenericForms(define: (name: string, m: Meaning) => void, hidden: (name: string, m: Meaning) => void): void {
  define('define-generics', jsMacro('define-generics', defineGenerics));
  define('define/generic', defineGenericMeaning);
  define('redirect-generics', jsMacro('redirect-generics', redirectForm('redirect-generics', null)));
  define('chaperone-generics', jsMacro('chaperone-generics', redirectForm('chaperone-generics', true)));
  define('impersonate-generics', jsMacro('impersonate-generics', redirectForm('impersonate-generics', false)));
  define('generic-instance/c', jsMacro('generic-instance/c', genericInstanceC));
  define('make-struct-type-property/generic', jsMacro('make-struct-type-property/generic', makeStructTypePropertyGeneric));
  define('make-generic-struct-type-property', jsMacro('make-generic-struct-type-property', makeGenericStructTypeProperty));
  hidden('%generic-instance/c', jsMacro('%generic-instance/c', genericInstanceContract));
}
