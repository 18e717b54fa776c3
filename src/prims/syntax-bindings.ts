// What identifiers are bound to (The Racket Reference §12.3):
// identifier-binding at each phase, the binding's symbol, and the
// procedures of the pre-sets-of-scopes model that are now identities.

import { argError } from '../errors/messages.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { LABEL_PHASE, symbolKey } from '../expand/bindings.js';
import { idSym, isIdentifier, isSubset } from '../expand/scopes.js';
import type { Machine } from '../eval/machine.js';
import { PortalSyntax } from '../expand/transformers.js';
import { Primitive } from '../eval/procedures.js';
import { Syntax } from '../values/syntax.js';
import { NULL, Pair, Sym, listFromArray, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/**
 * racket/base's exports whose bindings are defined under another name in
 * Racket's own modules (what identifier-binding-symbol reports for them).
 */
const BASE_DEFINITION_NAMES: Record<string, string> = {
  andmap: 'andmap2',
  'break-parameterization?': 'break-paramz?',
  'chaperone-procedure': 'new:chaperone-procedure',
  'chaperone-procedure*': 'new:chaperone-procedure*',
  'collection-file-path': 'new:collection-file-path',
  'collection-path': 'new:collection-path',
  'for-each': 'for-each2',
  'impersonate-procedure': 'new:impersonate-procedure',
  'impersonate-procedure*': 'new:impersonate-procedure*',
  'keyword-apply': 'new-keyword-apply',
  map: 'map2',
  ormap: 'ormap2',
  'procedure->method': 'new:procedure->method',
  'procedure-realm': 'new:procedure-realm',
  'procedure-reduce-arity': 'new:procedure-reduce-arity',
  'procedure-reduce-arity-mask': 'new:procedure-reduce-arity-mask',
  'procedure-rename': 'new:procedure-rename',
  'prop:procedure': 'new-prop:procedure',
  random: '-random',
  'regexp-replace*': '-regexp-replace*',
  '#%app': 'new-app',
  '#%module-begin': 'module-begin',
  '#%plain-app': '#%app',
  '#%plain-lambda': 'lambda',
  '#%plain-module-begin': '#%module-begin',
  '#%printing-module-begin': 'module-begin',
  apply: 'new-apply',
  define: 'new-define',
  'define-for-syntax': 'new-define-for-syntax',
  'define-struct': 'define-struct*',
  'define-syntax': 'new-define-syntax',
  lambda: 'new-lambda',
  λ: 'new-λ',
};
for (const seq of [
  'in-bytes',
  'in-bytes-lines',
  'in-directory',
  'in-inclusive-range',
  'in-indexed',
  'in-input-port-bytes',
  'in-input-port-chars',
  'in-lines',
  'in-list',
  'in-mlist',
  'in-naturals',
  'in-port',
  'in-producer',
  'in-range',
  'in-string',
  'in-value',
  'in-vector',
])
  BASE_DEFINITION_NAMES[seq] = `*${seq}`;

function checkId(who: string, v: Value): Syntax {
  if (!isIdentifier(v)) return argError(who, 'identifier?', v);
  return v;
}

/** A phase argument: an exact integer, or #f for the label phase. */
function phaseArg(ex: Expander, who: string, v: Value | undefined): number {
  if (v === undefined) return ex.phase;
  if (v === false) return LABEL_PHASE;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return argError(who, 'phase?', v);
}

/** The name a binding was defined under. */
function definitionName(ex: Expander, id: Syntax, m: Meaning, phase: number): string {
  const written = idSym(id).name;
  const name = m.kind === 'top' ? m.v.name : m.kind === 'core' ? (m.identity ?? m.name) : m.kind === 'macro' ? m.name : written;
  if (!Object.hasOwn(BASE_DEFINITION_NAMES, name)) return name;
  const base = ex.resolveAt(ex.baseId(name), phase);
  return base !== null && ex.sameBinding(base, m) ? BASE_DEFINITION_NAMES[name] : name;
}

/** identifier-binding's result for `id` at `phase`. */
function bindingAt(ex: Expander, id: Syntax, phase: number): Value {
  const m = ex.resolveAt(id, phase);
  if (m === null) return false;
  if (m.kind === 'local') return sym('lexical');
  const name = idSym(id);
  return listFromArray([sym('#%runtime'), name, sym('#%runtime'), name, 0, phase === LABEL_PHASE ? false : 0, 0]);
}

export function installSyntaxBindings(t: PrimTable): void {
  t.fn('identifier-binding', 1, 4, function (this: Machine, id: Value, phase?: Value) {
    const i = checkId('identifier-binding', id);
    return bindingAt(this.rt.ex, i, phaseArg(this.rt.ex, 'identifier-binding', phase));
  });
  t.fn('identifier-transformer-binding', 1, 2, function (this: Machine, id: Value, phase?: Value) {
    const i = checkId('identifier-transformer-binding', id);
    const p = phase === undefined ? this.rt.ex.phase : phase;
    // Racket adds one to the phase before checking it.
    if (p !== false && (typeof p !== 'number' || !Number.isInteger(p))) return argError('add1', 'number?', p);
    return p === false ? false : bindingAt(this.rt.ex, i, p + 1);
  });
  t.fn('identifier-template-binding', 1, 1, function (this: Machine, id: Value) {
    const i = checkId('identifier-template-binding', id);
    return bindingAt(this.rt.ex, i, this.rt.ex.phase - 1);
  });
  t.fn('identifier-label-binding', 1, 1, function (this: Machine, id: Value) {
    return bindingAt(this.rt.ex, checkId('identifier-label-binding', id), LABEL_PHASE);
  });
  t.fn('identifier-distinct-binding', 2, 3, function (this: Machine, id: Value, other: Value, phase?: Value) {
    const i = checkId('identifier-distinct-binding', id);
    const o = checkId('identifier-distinct-binding', other);
    const ex = this.rt.ex;
    const p = phaseArg(ex, 'identifier-distinct-binding', phase);
    // #f when the binding would also apply to `other`: its scopes are a subset of other's.
    const scopes = ex.table.resolveScopes(symbolKey(idSym(i)), i.scopes, p);
    if (scopes === null || isSubset(scopes, o.scopes)) return false;
    return bindingAt(ex, i, p);
  });
  t.fn('identifier-binding-symbol', 1, 2, function (this: Machine, id: Value, phase?: Value) {
    const i = checkId('identifier-binding-symbol', id);
    const ex = this.rt.ex;
    const p = phaseArg(ex, 'identifier-binding-symbol', phase);
    const m = ex.resolveAt(i, p);
    return m === null ? idSym(i) : sym(definitionName(ex, i, m, p));
  });
  t.fn('make-portal-syntax', 1, 1, (s: Value) =>
    s instanceof Syntax ? new PortalSyntax(s) : argError('make-portal-syntax', 'syntax?', s),
  );
  t.fn('portal-syntax?', 1, 1, (v: Value) => v instanceof PortalSyntax);
  t.fn('portal-syntax-content', 1, 1, (v: Value) =>
    v instanceof PortalSyntax ? v.content : argError('portal-syntax-content', 'portal-syntax?', v),
  );
  t.fn('identifier-binding-portal-syntax', 1, 2, function (this: Machine, id: Value, phase?: Value) {
    const i = checkId('identifier-binding-portal-syntax', id);
    const m = this.rt.ex.resolveAt(i, phaseArg(this.rt.ex, 'identifier-binding-portal-syntax', phase));
    return m !== null && m.kind === 'syntax' && m.value instanceof PortalSyntax ? m.value.content : false;
  });
  t.fn('syntax-bound-symbols', 1, 3, function (this: Machine, s: Value, phase?: Value, exact: Value = false) {
    if (!(s instanceof Syntax)) return argError('syntax-bound-symbols', 'syntax?', s);
    // Racket subtracts from the phase before checking it.
    if (phase !== undefined && phase !== false && (typeof phase !== 'number' || !Number.isInteger(phase)))
      return argError('-', 'number?', phase);
    const p = phaseArg(this.rt.ex, 'syntax-bound-symbols', phase);
    return listFromArray(this.rt.ex.table.boundNames(s.scopes, p, exact !== false).map((n) => sym(n)));
  });
  // Pruning and recertifying belong to the model of hygiene before sets of scopes; Racket keeps them as identities.
  t.fn('identifier-prune-lexical-context', 1, 2, (id: Value, syms: Value = NULL) => {
    const i = checkId('identifier-prune-lexical-context', id);
    let ok = syms === NULL || syms instanceof Pair;
    for (let l = syms; ok && l !== NULL; l = (l as Pair).cdr) ok = l instanceof Pair && l.car instanceof Sym;
    if (!ok) return argError('identifier-prune-lexical-context', '(listof symbol?)', syms);
    return i;
  });
  t.fn('identifier-prune-to-source-module', 1, 1, (id: Value) => checkId('identifier-prune-to-source-module', id));
  t.fn('syntax-protect', 1, 1, (s: Value) => (s instanceof Syntax ? s : argError('syntax-protect', 'syntax?', s)));
  t.fn('syntax-recertify', 4, 4, (s: Value) => s);
  // Racket's certifier is an anonymous case-lambda, printed by its location in racket/private/cert.rkt.
  t.fn('syntax-local-certifier', 0, 1, () => new Primitive('...et/private/cert.rkt:11:10', 1, 3, (s: Value) => s));
}
