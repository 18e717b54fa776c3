// Syntax introducers (The Racket Reference §12.2, §12.4): procedures that
// add, remove or flip a scope, or the scopes one syntax object has beyond
// another's.

import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { addScope, flipScope, isIdentifier, removeScope } from '../expand/scopes.js';
import { internedScope } from '../expand/spaces.js';
import { Primitive } from '../eval/procedures.js';
import type { Machine } from '../eval/machine.js';
import type { Scope } from '../values/syntax.js';
import { Syntax } from '../values/syntax.js';
import { Sym, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** The introducer of `scopes`, named `name` when printed, whose mode defaults to `dflt`. */
export function introducer(name: string, scopes: readonly Scope[], dflt: 'flip' | 'add'): Primitive {
  return new Primitive(name, 1, 2, (s: Value, mode: Value = sym(dflt)) => {
    if (!(s instanceof Syntax)) return argError('syntax-introducer', 'syntax?', s);
    const how = mode instanceof Sym ? mode.name : null;
    const op = how === 'add' ? addScope : how === 'remove' ? removeScope : how === 'flip' ? flipScope : null;
    if (op === null) return argError('syntax-introducer', "(or/c 'add 'remove 'flip)", mode);
    let out = s;
    for (const sc of scopes) out = op(out, sc);
    return out;
  });
}

function isPhase(v: Value): boolean {
  return v === false || (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

export function installSyntaxIntroducers(t: PrimTable): void {
  t.fn('make-interned-syntax-introducer', 1, 1, function (this: Machine, key: Value) {
    if (!(key instanceof Sym) || !key.interned) return argError('make-interned-syntax-introducer', '(and/c symbol? symbol-interned?)', key);
    return introducer('do-make-syntax-introducer', [internedScope(this.rt.ex, key.name)], 'flip');
  });
  t.fn('make-syntax-delta-introducer', 2, 3, (ext: Value, base: Value, phase: Value = 0) => {
    if (!(ext instanceof Syntax)) return argError('make-syntax-delta-introducer', 'syntax?', ext);
    if (base !== false && !(base instanceof Syntax)) return argError('make-syntax-delta-introducer', '(or/c syntax? #f)', base);
    if (!isPhase(phase)) return argError('make-syntax-delta-introducer', 'phase?', phase);
    const delta = base === false ? ext.scopes : ext.scopes.filter((sc) => !base.scopes.includes(sc));
    return introducer('make-syntax-delta-introducer', delta, 'add');
  });
  t.fn('syntax-local-make-delta-introducer', 1, 1, (id: Value) => {
    if (!isIdentifier(id)) return argError('syntax-local-make-delta-introducer', 'identifier?', id);
    throw new RacketThrow(makeExn(exnFailUnsupportedT, 'syntax-local-make-delta-introducer: not supported anymore'));
  });
}
