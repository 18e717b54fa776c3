// Procedure reflection: procedure-rename, procedure-keywords, primitive?.

import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { Keyword, MultipleValues, NULL, Sym, listFromArray, type Value } from '../values/types.js';
import { checkProcedure } from './check.js';
import { KeywordProcedure } from './keywords.js';
import type { PrimTable } from './table.js';
import { CaseClosure, Closure } from '../eval/nodes.js';

/** A copy of `f` that reports itself (in printing, object-name and arity errors) as `name`. */
function renamed(f: Value, name: string): Value {
  if (f instanceof Closure) {
    // A second lambda node over the same body: the name lives in the node.
    const lam = Object.assign(Object.create(Object.getPrototypeOf(f.lam)), f.lam, { name, code: null, calls: 0 });
    return new Closure(lam, f.env);
  }
  if (f instanceof CaseClosure) return new CaseClosure(f.clauses, name);
  if (f instanceof Primitive) return new Primitive(name, f.min, f.max, f.fn, f.simple);
  if (f instanceof MachinePrimitive) return new MachinePrimitive(name, f.min, f.max, f.run);
  if (f instanceof KeywordProcedure) return new KeywordProcedure(renamed(f.proc, name), f.kws, f.required);
  // Parameters, continuations and applicable structs keep their own names.
  return f;
}

function sortedKeywords(ks: readonly Keyword[]): Value {
  return listFromArray([...ks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

export function installProceduresMore(t: PrimTable): void {
  t.fn('procedure-rename', 2, 2, (f: Value, name: Value) => {
    checkProcedure('procedure-rename', f);
    if (!(name instanceof Sym)) return argError('procedure-rename', 'symbol?', name);
    return renamed(f, name.name);
  });
  t.fn('procedure-keywords', 1, 1, (f: Value) => {
    checkProcedure('procedure-keywords', f);
    if (!(f instanceof KeywordProcedure)) return new MultipleValues([NULL, NULL]);
    return new MultipleValues([sortedKeywords(f.required), sortedKeywords(f.kws)]);
  });
  t.fn('primitive?', 1, 1, (v: Value) => v instanceof Primitive || v instanceof MachinePrimitive);
}
