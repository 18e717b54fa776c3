// Chaperones and impersonators of continuation prompt tags (The Racket
// Reference §14.5.1): chaperone-prompt-tag and impersonate-prompt-tag.
// Prompts and aborts use the tag underneath; the wrappers' procedures see
// the values on the way, outermost first: an abort's values (abort), the
// values a prompt's handler receives (handle, of the tag the prompt was
// installed with), and the results that reach a prompt after a continuation
// application replaced its continuation (the guard refined by the
// callcc-impersonate procedures of the tag the continuation was captured
// with, then the cc-guard procedures of the prompt's tag).

import { Frame, type MarkEntry, PromptTag } from '../eval/frames.js';
import { type Machine, setContinuationGuards } from '../eval/machine.js';
import { Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailContractArityT, makeExn } from '../errors/exn.js';
import { argError, errorValueString } from '../errors/messages.js';
import { ImpersonatorProperty, PromptTagImpersonator, unwrapAll } from '../values/impersonator.js';
import { MultipleValues, type Value, listFromArray } from '../values/types.js';
import { isProcedure } from './check.js';
import { callForOne, callInterposition, checkNonChaperone, parseProps } from './impersonators.js';
import type { PrimTable } from './table.js';

export function isPromptTagLike(v: Value): boolean {
  return v instanceof PromptTag || v instanceof PromptTagImpersonator;
}

/** The prompt tag under `v`'s wrappers, or null when `v` is not a prompt tag. */
export function promptTagBase(v: Value): PromptTag | null {
  if (v instanceof PromptTag) return v;
  return v instanceof PromptTagImpersonator ? (unwrapAll(v) as PromptTag) : null;
}

/** Racket 8.7's report of a redirecting procedure that gave another number of values than it got. */
function redirectArityFail(expected: number, at: string, results: Value[]): never {
  throw new RacketThrow(
    makeExn(
      exnFailContractArityT,
      `result arity mismatch;\n expected number of values not received\n  expected: ${expected}\n  received: 1\n  at: ${at}\n  arguments...:\n   ${errorValueString(listFromArray(results))}`,
    ),
  );
}

/** `vals` through one redirecting procedure: as many values back, chaperones of them for a chaperone. */
function redirect(m: Machine, who: string, what: string, at: string, w: PromptTagImpersonator, proc: Value, vals: Value[]): Value[] {
  const r = callInterposition(m, proc, vals);
  if (r.length !== vals.length) redirectArityFail(vals.length, at, r);
  for (let i = 0; i < r.length; i++) checkNonChaperone(who, what, w, r[i], vals[i]);
  return r;
}

/** The values an abort through `tag` delivers. */
export function abortValuesThrough(m: Machine, tag: Value, vals: Value[]): Value[] {
  for (let w = tag; w instanceof PromptTagImpersonator; w = w.target)
    vals = redirect(
      m,
      'abort-current-continuation',
      'prompt-abort argument',
      'use of prompt-abort redirecting procedure',
      w,
      w.abort,
      vals,
    );
  return vals;
}

/** The values the handler of a prompt installed with `tag` receives. */
export function handlerValuesThrough(m: Machine, tag: Value, vals: Value[]): Value[] {
  for (let w = tag; w instanceof PromptTagImpersonator; w = w.target)
    vals = redirect(
      m,
      'call-with-continuation-prompt',
      'prompt-handler argument',
      'use of prompt-handler redirecting procedure',
      w,
      w.handle,
      vals,
    );
  return vals;
}

const valuesGuard = new Primitive('values', 0, -1, (...vals: Value[]) => (vals.length === 1 ? vals[0] : new MultipleValues(vals)));

/** Runs the guards on the results that reach the prompt under it. */
class ContinuationGuardFrame extends Frame {
  constructor(
    /** The refined call/cc guard, or null. */
    readonly guard: Value | null,
    /** The prompt's wrapped tag, whose cc-guard procedures run after. */
    readonly promptTag: Value,
    /** The marks at the prompt: the guards run in its context, not the reinstated one's. */
    readonly marks: MarkEntry | null,
  ) {
    super();
  }
  resume(m: Machine): void {
    m.marks = this.marks;
    let vals = m.val instanceof MultipleValues ? m.val.vals : [m.val];
    if (this.guard !== null) vals = callInterposition(m, this.guard, vals);
    for (let w = this.promptTag; w instanceof PromptTagImpersonator; w = w.target) {
      if (w.ccGuard !== false)
        vals = redirect(m, 'call-with-continuation-prompt', 'prompt-result argument', 'use of `call/cc` result guard', w, w.ccGuard, vals);
    }
    m.returnValue(vals.length === 1 ? vals[0] : new MultipleValues(vals));
  }
}

const hasCcGuard = (w: Value): boolean => w instanceof PromptTagImpersonator && (w.ccGuard !== false || hasCcGuard(w.target));

setContinuationGuards({
  refine(m, captureTag) {
    // The guard starts as `values`; each callcc-impersonate procedure, innermost first, refines it.
    const layers: PromptTagImpersonator[] = [];
    for (let w = captureTag; w instanceof PromptTagImpersonator; w = w.target) layers.unshift(w);
    let guard: Value = valuesGuard;
    for (const w of layers) {
      if (w.callccImpersonate === false) continue;
      const got = callForOne(m, w.callccImpersonate, [guard]);
      guard = checkNonChaperone('call-with-current-continuation', 'continuation-result guard', w, got, guard);
    }
    return guard === valuesGuard ? null : guard;
  },
  frame(m, prompt, guard) {
    const promptTag = prompt === null ? false : prompt.wrappedTag;
    if (guard === null && !hasCcGuard(promptTag)) return null;
    return new ContinuationGuardFrame(guard, promptTag, prompt === null ? m.marks : prompt.marks);
  },
});

function makePromptTagImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [tag, handle, abort, ...rest] = a;
  if (!isPromptTagLike(tag)) return argError(who, 'continuation-prompt-tag?', tag);
  if (!isProcedure(handle)) return argError(who, 'procedure?', handle);
  if (!isProcedure(abort)) return argError(who, 'procedure?', abort);
  // Up to two more procedures (cc-guard, callcc-impersonate) come before the properties.
  const optional: Value[] = [];
  while (optional.length < 2 && rest.length > 0 && !(rest[0] instanceof ImpersonatorProperty)) {
    const p = rest.shift() as Value;
    if (!isProcedure(p)) return argError(who, 'impersonator-property?', p);
    optional.push(p);
  }
  const props = parseProps(who, rest);
  return new PromptTagImpersonator(tag, chaperone, props, handle, abort, optional[0] ?? false, optional[1] ?? false);
}

export function installPromptTagImpersonators(t: PrimTable): void {
  t.fn('chaperone-prompt-tag', 3, -1, (...a: Value[]) => makePromptTagImpersonator('chaperone-prompt-tag', true, a));
  t.fn('impersonate-prompt-tag', 3, -1, (...a: Value[]) => makePromptTagImpersonator('impersonate-prompt-tag', false, a));
}
