// Queries about the expansion in progress, and applying a transformer
// procedure as the expander applies macros (The Racket Reference §12.4).

import { argError, notExpanding } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { InternalDefinitionContext } from '../expand/definition-contexts.js';
import type { Expander, LiftTarget } from '../expand/expander.js';
import { flipScope, isIdentifier } from '../expand/scopes.js';
import type { Machine } from '../eval/machine.js';
import { Scope, Syntax } from '../values/syntax.js';
import { MultipleValues, Pair, Sym, uninternedSym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import type { PrimTable } from './table.js';

function currentLiftTarget(ex: Expander): LiftTarget | undefined {
  for (let i = ex.liftTargets.length - 1; i >= 0; i--) if (ex.liftTargets[i].phase === ex.phase) return ex.liftTargets[i];
  return undefined;
}

/** The value identifying each lift target (Racket's is a fresh symbol). */
const liftKeys = new WeakMap<LiftTarget, Sym>();
let liftKeyCount = 0;

/** local-expand's context argument, as syntax-local-context reports it. */
function expansionContextOf(v: Value): 'expression' | 'module' | 'top-level' | 'internal-definition' | null {
  if (v instanceof Pair) return 'internal-definition';
  if (!(v instanceof Sym)) return null;
  if (v.name === 'module-begin') return 'module';
  return v.name === 'expression' || v.name === 'top-level' || v.name === 'module' ? v.name : null;
}

export function installSyntaxExpansion(t: PrimTable): void {
  t.fn('syntax-transforming-with-lifts?', 0, 0, function (this: Machine) {
    const ex = this.rt.ex;
    return ex.transformers.length > 0 && currentLiftTarget(ex) !== undefined;
  });
  t.fn('syntax-transforming-module-expression?', 0, 0, function (this: Machine) {
    const ex = this.rt.ex;
    return ex.transformers.length > 0 && ex.ctx !== null && ex.ctx.name !== 'top-level';
  });
  // Provide transformers are not run here, so no expansion is ever of a module's provides.
  t.fn('syntax-local-transforming-module-provides?', 0, 0, () => false);
  const notProviding = (who: string) => {
    throw new RacketThrow(makeExn(exnFailContractT, `${who}: not currently transforming module provides`));
  };
  t.fn('syntax-local-module-defined-identifiers', 0, 0, () => notProviding('syntax-local-module-defined-identifiers'));
  t.fn('syntax-local-module-required-identifiers', 2, 2, () => notProviding('syntax-local-module-required-identifiers'));
  t.fn('syntax-local-lift-context', 0, 0, function (this: Machine) {
    const ex = this.rt.ex;
    const target = ex.transformers.length === 0 ? undefined : currentLiftTarget(ex);
    if (target === undefined) return notExpanding('syntax-local-lift-context');
    let key = liftKeys.get(target);
    if (key === undefined) {
      key = uninternedSym(`lift${++liftKeyCount}`);
      liftKeys.set(target, key);
    }
    return key;
  });
  t.valuesFn(
    'syntax-local-apply-transformer',
    4,
    -1,
    function (this: Machine, proc: Value, id: Value, context: Value, ctx: Value, ...vs: Value[]) {
      const who = 'syntax-local-apply-transformer';
      if (!isProcedure(proc)) return argError(who, 'procedure?', proc);
      if (id !== false && !isIdentifier(id)) return argError(who, '(or/c identifier? #f)', id);
      const where = expansionContextOf(context);
      if (where === null) return argError(who, "(or/c 'expression 'top-level 'module 'module-begin list?)", context);
      if (ctx !== false && !(ctx instanceof InternalDefinitionContext)) return argError(who, '(or/c internal-definition-context? #f)', ctx);
      const ex = this.rt.ex;
      const frames = ex.transformers;
      if (frames.length === 0) return notExpanding(who);
      // As a macro is applied: a fresh introduction scope flipped on the syntax going in and coming out.
      const outer = frames[frames.length - 1].intro;
      const intro = new Scope('macro');
      const across = (v: Value, sc: Scope) => (v instanceof Syntax ? flipScope(v, sc) : v);
      const input = vs.map((v) => across(across(v, outer), intro));
      const form = input.find((v) => v instanceof Syntax) ?? frames[frames.length - 1].form;
      frames.push({ intro, form: form as Syntax, context: where, name: null });
      let out: Value;
      try {
        out = ex.inDefinitionContext(ctx === false ? ex.frame : ctx.frame, () => ex.compileTime!.apply(proc, input));
      } finally {
        frames.pop();
      }
      const back = (v: Value) => across(across(v, intro), outer);
      return out instanceof MultipleValues ? new MultipleValues(out.vals.map(back)) : back(out);
    },
  );
}
