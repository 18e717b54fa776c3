// Syntax binding sets and binding introspection (The Racket Reference
// §12.3, §12.9): syntax objects made with chosen module bindings, the
// phases at which syntax has bindings, and syntax-debug-info.

import { argError } from '../errors/messages.js';
import type { Machine } from '../eval/machine.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { LABEL_PHASE, symbolKey } from '../expand/bindings.js';
import { datumToSyntax, idSym, isIdentifier } from '../expand/scopes.js';
import { makeHash } from '../values/hash.js';
import { ModulePathIndex } from '../values/module-path.js';
import { customPrint } from '../values/printable.js';
import { Scope, Syntax } from '../values/syntax.js';
import { RVector, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { moduleOf } from './modules.js';
import type { PrimTable } from './table.js';

interface BindingEntry {
  readonly symbol: Sym;
  readonly phase: number;
  readonly module: ModulePathIndex;
  readonly sourceSymbol: Sym;
  readonly sourcePhase: number;
}

/** An immutable set of bindings; syntax-binding-set->syntax makes syntax that has them. */
export class SyntaxBindingSet {
  /** The scope that carries the bindings, made when first needed. */
  private scope: Scope | null = null;
  constructor(readonly entries: readonly BindingEntry[]) {}

  scopeIn(m: Machine): Scope {
    if (this.scope !== null) return this.scope;
    const sc = new Scope('binding-set');
    for (const e of this.entries) {
      const meaning = moduleBinding(m, e);
      if (meaning !== null) m.rt.ex.table.add(symbolKey(e.symbol), [sc], meaning, e.phase);
    }
    this.scope = sc;
    return sc;
  }

  [customPrint](): string {
    return '#<syntax-binding-set>';
  }
}

/**
 * What `e.sourceSymbol` means in its module: a definition, or an export of a
 * built-in library. The module is instantiated `e.sourcePhase` phases up,
 * so the definition is at `e.phase - e.sourcePhase` in it.
 */
function moduleBinding(m: Machine, e: BindingEntry): Meaning | null {
  const [info] = moduleOf(m, 'syntax-binding-set->syntax', e.module);
  const name = e.sourceSymbol.name;
  const defined = e.phase - e.sourcePhase;
  if (info.body !== null) return m.rt.ex.table.resolve(symbolKey(e.sourceSymbol), info.bodyScopes, defined);
  const table = defined === 0 ? info.exports : defined === 1 ? info.syntaxExports : null;
  return table?.get(name) ?? null;
}

function isPhase(v: Value): v is number | false {
  return v === false || (typeof v === 'number' && Number.isInteger(v));
}

function phaseNumber(v: number | false): number {
  return v === false ? LABEL_PHASE : v;
}

function bindingSet(who: string, v: Value): SyntaxBindingSet {
  return v instanceof SyntaxBindingSet ? v : argError(who, 'syntax-binding-set?', v);
}

/** `#(id kind)` for each scope, as syntax-debug-info shows a context. */
function contextOf(scopes: readonly Scope[]): Value {
  return listFromArray(scopes.map((s) => new RVector([s.id, sym(s.kind)], false)));
}

function debugInfo(ex: Expander, stx: Syntax, phase: number): Value {
  const entries: [Value, Value][] = [];
  if (isIdentifier(stx)) {
    const id = idSym(stx);
    const meaning = ex.resolveAt(stx, phase);
    const scopes = ex.table.resolveScopes(symbolKey(id), stx.scopes, phase);
    if (meaning !== null && scopes !== null) {
      const where: [Value, Value] =
        meaning.kind === 'local'
          ? [sym('local'), id]
          : [sym('module'), new RVector([id, new ModulePathIndex(listFromArray([sym('quote'), sym('#%runtime')]), false), 0], false)];
      const binding = makeHash('eq', false, [[sym('name'), id], [sym('context'), contextOf(scopes)], [sym('match?'), true], where]);
      entries.push([sym('bindings'), listFromArray([binding])]);
    }
    entries.push([sym('name'), id]);
  }
  entries.push([sym('context'), contextOf(stx.scopes)]);
  return makeHash('eq', false, entries);
}

export function installSyntaxBindingSets(t: PrimTable): void {
  t.fn('syntax-binding-set', 0, 0, () => new SyntaxBindingSet([]));
  t.fn('syntax-binding-set?', 1, 1, (v) => v instanceof SyntaxBindingSet);
  // The keyword front end is src/lib/syntax-objects.rkt.
  t.internalFn(
    'syntax-binding-set-extend',
    6,
    6,
    (bs: Value, symbol: Value, phase: Value, mpi: Value, sourceSymbol: Value, sourcePhase: Value) => {
      const who = 'syntax-binding-set-extend';
      const set = bindingSet(who, bs);
      if (!(symbol instanceof Sym)) return argError(who, 'symbol?', symbol);
      if (!isPhase(phase)) return argError(who, 'phase?', phase);
      if (!(mpi instanceof ModulePathIndex)) return argError(who, 'module-path-index?', mpi);
      const source = sourceSymbol === false ? symbol : sourceSymbol;
      if (!(source instanceof Sym)) return argError(who, 'symbol?', sourceSymbol);
      const from = sourcePhase === false ? phase : sourcePhase;
      if (!isPhase(from)) return argError(who, 'phase?', sourcePhase);
      const entry = { symbol, phase: phaseNumber(phase), module: mpi, sourceSymbol: source, sourcePhase: phaseNumber(from) };
      return new SyntaxBindingSet([...set.entries, entry]);
    },
  );
  t.fn('syntax-binding-set->syntax', 2, 2, function (this: Machine, bs: Value, datum: Value) {
    const set = bindingSet('syntax-binding-set->syntax', bs);
    return datumToSyntax(new Syntax(false, null, [set.scopeIn(this)]), datum, null);
  });
  t.fn('syntax-bound-phases', 1, 1, function (this: Machine, stx: Value) {
    if (!(stx instanceof Syntax)) return argError('syntax-bound-phases', 'syntax?', stx);
    const phases = this.rt.ex.table.boundPhases(stx.scopes);
    const out = new Set<number>();
    for (const p of phases) {
      // A binding made for every phase (racket/base's own) is reported at run time and compile time.
      if (p === null) {
        out.add(0);
        out.add(1);
      } else if (p !== LABEL_PHASE) out.add(p);
    }
    return listFromArray([...out].sort((a, b) => b - a));
  });
  t.fn('syntax-debug-info', 1, 3, function (this: Machine, stx: Value, phase?: Value) {
    if (!(stx instanceof Syntax)) return argError('syntax-debug-info', 'syntax?', stx);
    if (phase !== undefined && !isPhase(phase)) return argError('syntax-debug-info', 'phase?', phase);
    return debugInfo(this.rt.ex, stx, phase === undefined ? this.rt.ex.phase : phaseNumber(phase));
  });
}
