// First-class internal-definition contexts for transformers (The Racket
// Reference §12.4): syntax-local-make-definition-context and the
// procedures on what it makes (expand/definition-contexts.ts).

import { argError, notExpanding } from '../errors/messages.js';
import { InternalDefinitionContext } from '../expand/definition-contexts.js';
import { EXPANSION_CONTEXT_NAMES, expansionContexts, propLiberalDefineContext } from '../expand/expansion-contexts.js';
import { Primitive } from '../eval/procedures.js';
import { addScope, isIdentifier, removeScope } from '../expand/scopes.js';
import { LiberalDefineContext } from '../expand/transformers.js';
import type { Machine } from '../eval/machine.js';
import { StructInstance, StructProperty, propertyField } from '../values/struct.js';
import { Syntax } from '../values/syntax.js';
import { NULL, Pair, Sym, VOID, listFromArray, listToArray, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const CONTEXTS = '(or/c internal-definition-context? (listof internal-definition-context?))';

function checkContext(who: string, v: Value): InternalDefinitionContext {
  if (!(v instanceof InternalDefinitionContext)) return argError(who, 'internal-definition-context?', v);
  return v;
}

function checkId(who: string, v: Value): Syntax {
  if (!isIdentifier(v)) return argError(who, 'identifier?', v);
  return v;
}

/** A context or a list of contexts, as a list; null when `v` is neither. */
export function contextList(v: Value): InternalDefinitionContext[] | null {
  if (v instanceof InternalDefinitionContext) return [v];
  if (v !== NULL && !(v instanceof Pair)) return null;
  const items: Value[] = [];
  for (let x: Value = v; x !== NULL; x = (x as Pair).cdr) {
    if (!(x instanceof Pair)) return null;
    items.push(x.car);
  }
  return items.every((c) => c instanceof InternalDefinitionContext) ? (items as InternalDefinitionContext[]) : null;
}

export function installDefinitionContexts(t: PrimTable): void {
  t.fn('internal-definition-context?', 1, 1, (v) => v instanceof InternalDefinitionContext);
  t.fn('syntax-local-make-definition-context', 0, 2, function (this: Machine, parent: Value = false, addScope: Value = true) {
    if (parent !== false && !(parent instanceof InternalDefinitionContext))
      return argError('syntax-local-make-definition-context', '(or/c #f internal-definition-context?)', parent);
    if (this.rt.ex.transformers.length === 0) return notExpanding('syntax-local-make-definition-context');
    return new InternalDefinitionContext(parent === false ? null : parent, addScope !== false);
  });
  t.fn('syntax-local-bind-syntaxes', 3, 4, function (this: Machine, ids: Value, rhs: Value, ctx: Value, extra: Value = NULL) {
    const who = 'syntax-local-bind-syntaxes';
    const list = ids === NULL || ids instanceof Pair ? listToArray(ids) : null;
    if (list === null || !list.every(isIdentifier)) return argError(who, '(listof identifier?)', ids);
    if (rhs !== false && !(rhs instanceof Syntax)) return argError(who, '(or/c syntax? #f)', rhs);
    const context = checkContext(who, ctx);
    const extras = contextList(extra);
    if (extras === null) return argError(who, CONTEXTS, extra);
    const ex = this.rt.ex;
    const frames = ex.transformers;
    if (frames.length === 0) return notExpanding(who);
    const intro = frames[frames.length - 1].intro;
    return listFromArray(context.bind(ex, list as Syntax[], rhs === false ? null : rhs, intro, rhs === false ? [] : extras));
  });
  t.fn('internal-definition-context-add-scopes', 2, 2, (ctx: Value, s: Value) => {
    const context = checkContext('internal-definition-context-add-scopes', ctx);
    if (!(s instanceof Syntax)) return argError('internal-definition-context-add-scopes', 'syntax?', s);
    return context.addScopes(s);
  });
  t.fn('internal-definition-context-introduce', 2, 3, (ctx: Value, s: Value, mode?: Value) => {
    const who = 'internal-definition-context-introduce';
    const context = checkContext(who, ctx);
    if (!(s instanceof Syntax)) return argError(who, 'syntax?', s);
    const how = mode === undefined ? 'flip' : mode instanceof Sym ? mode.name : null;
    if (how !== 'add' && how !== 'remove' && how !== 'flip') return argError(who, "(or/c 'add 'remove 'flip)", mode);
    return context.introduce(s, how);
  });
  t.fn('internal-definition-context-seal', 1, 1, (ctx: Value) => {
    checkContext('internal-definition-context-seal', ctx);
    return VOID;
  });
  t.fn('internal-definition-context-binding-identifiers', 1, 1, (ctx: Value) =>
    listFromArray(checkContext('internal-definition-context-binding-identifiers', ctx).bound),
  );
  t.fn('internal-definition-context-splice-binding-identifier', 2, 2, (ctx: Value, id: Value) => {
    const who = 'internal-definition-context-splice-binding-identifier';
    const i = checkId(who, id);
    return checkContext(who, ctx).splice(i);
  });
  t.fn('identifier-remove-from-definition-context', 2, 2, (id: Value, ctx: Value) => {
    const who = 'identifier-remove-from-definition-context';
    const contexts = contextList(ctx);
    if (contexts === null) return argError(who, CONTEXTS, ctx);
    let out = checkId(who, id);
    for (const c of contexts) out = removeScope(out, c.inside);
    return out;
  });
  // The scopes of the local binding forms around the expansion: an identifier with them can bind or see what is bound there.
  t.fn('syntax-local-get-shadower', 1, 2, function (this: Machine, id: Value) {
    let out = checkId('syntax-local-get-shadower', id);
    const ex = this.rt.ex;
    if (ex.transformers.length === 0) return notExpanding('syntax-local-get-shadower');
    for (const sc of ex.localScopes) out = addScope(out, sc);
    return out;
  });
  t.fn('liberal-define-context?', 1, 1, (v: Value) => {
    if (v instanceof LiberalDefineContext) return true;
    if (!(v instanceof StructInstance)) return false;
    const p = propertyField(v, propLiberalDefineContext);
    return p !== null && p.value !== false;
  });
  t.value('prop:liberal-define-context', propLiberalDefineContext);
  const allowed = `(listof (or/c ${EXPANSION_CONTEXT_NAMES.map((n) => `'${n}`).join(' ')}))`;
  const guard = new Primitive('guard-for-prop:expansion-contexts', 2, 2, (v: Value) => {
    const names = v === NULL || v instanceof Pair ? listToArray(v) : null;
    if (names === null || !names.every((n) => n instanceof Sym && EXPANSION_CONTEXT_NAMES.includes(n.name)))
      return argError('guard-for-prop:expansion-contexts', allowed, v);
    return v;
  });
  expansionContexts.prop ??= new StructProperty('expansion-contexts', guard);
  t.value('prop:expansion-contexts', expansionContexts.prop);
}
