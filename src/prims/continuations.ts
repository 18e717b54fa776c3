// Continuations: call/cc, call-with-composable-continuation, call/ec,
// dynamic-wind, continuation?.

import { EscapeFrame, Frame, Winder } from '../eval/frames.js';
import type { CapturedK, Machine } from '../eval/machine.js';
import { ContinuationProc } from '../eval/procedures.js';
import { RestoreValueFrame } from '../eval/nodes.js';
import { argError } from '../errors/messages.js';
import { Sym, VOID, type Value } from '../values/types.js';
import { DEFAULT_PROMPT_TAG, PromptFrame, PromptTag } from '../eval/frames.js';
import { printString } from '../printer/print.js';
import { RacketThrow, exnFailContractContinuationT, makeExn } from '../errors/exn.js';
import { checkProcedure, isProcedure } from './check.js';
import type { PrimTable } from './table.js';
import { arityIncludes } from './procedures.js';
import { abortValuesThrough, handlerValuesThrough, isPromptTagLike, promptTagBase } from './prompt-tag-impersonators.js';
import { PromptTagImpersonator } from '../values/impersonator.js';

class DynamicWindPreFrame extends Frame {
  constructor(
    readonly pre: Value,
    readonly body: Value,
    readonly post: Value,
  ) {
    super();
  }
  resume(m: Machine): void {
    const w = new Winder(this.pre, this.post, m.winders, m.marks);
    m.winders = w;
    const f = new DynamicWindBodyFrame(w);
    f.tag = w;
    m.stack.push(f);
    m.applyArray(this.body, []);
  }
}

class DynamicWindBodyFrame extends Frame {
  constructor(readonly w: Winder) {
    super();
  }
  resume(m: Machine): void {
    m.winders = this.w.next;
    m.stack.push(new RestoreValueFrame(m.val));
    m.applyArray(this.w.post, []);
  }
}

/** `(procedure-arity-includes/c n)`: a procedure that accepts `n` arguments. */
function checkArity(who: string, f: Value, n: number, pos?: number, args?: Value[]): void {
  if (!isProcedure(f) || !arityIncludes(f, n)) argError(who, `(procedure-arity-includes/c ${n})`, f, pos, args);
}

export function installContinuations(t: PrimTable): void {
  t.machine('call-with-current-continuation', 1, 2, (m, a) => {
    checkArity('call-with-current-continuation', a[1], 1);
    const k = m.captureK();
    // A wrapped prompt tag's procedures guard what reaches the prompt when the continuation is applied.
    const tag = a[2] instanceof PromptTagImpersonator ? a[2] : false;
    m.applyArray(a[1], [new ContinuationProc(k, null, tag)]);
  });
  t.alias('call/cc', 'call-with-current-continuation');
  t.machine('call-with-composable-continuation', 1, 2, (m, a) => {
    checkArity('call-with-composable-continuation', a[1], 1);
    const k = m.captureK();
    m.applyArray(a[1], [new ContinuationProc(k, null, false, true)]);
  });

  t.machine('call-with-escape-continuation', 1, 1, (m, a) => {
    checkArity('call-with-escape-continuation', a[1], 1);
    const tag = { name: 'call/ec' };
    m.stack.push(new EscapeFrame(tag, m.marks, m.winders));
    m.applyArray(a[1], [new ContinuationProc(null, tag)]);
  });
  t.alias('call/ec', 'call-with-escape-continuation');

  t.machine('dynamic-wind', 3, 3, (m, a) => {
    m.stack.push(new DynamicWindPreFrame(a[1], a[2], a[3]));
    m.applyArray(a[1], []);
  });

  t.fn('continuation?', 1, 1, (v) => v instanceof ContinuationProc);

  // ------------------------------------------------------------ prompts
  t.fn('make-continuation-prompt-tag', 0, 1, (name?: Value) => {
    if (name !== undefined && !(name instanceof Sym)) return argError('make-continuation-prompt-tag', 'symbol?', name);
    return new PromptTag(name === undefined ? null : name.name);
  });
  t.fn('default-continuation-prompt-tag', 0, 0, () => DEFAULT_PROMPT_TAG);
  t.fn('continuation-prompt-tag?', 1, 1, (v) => isPromptTagLike(v));
  t.machine('call-with-continuation-prompt', 1, -1, (m, a) => {
    const [proc, given = DEFAULT_PROMPT_TAG, handler = false, ...args] = a.slice(1);
    if (!isProcedure(proc)) return argError('call-with-continuation-prompt', 'procedure?', proc);
    const tag = promptTagBase(given);
    if (tag === null) return argError('call-with-continuation-prompt', 'continuation-prompt-tag?', given);
    if (handler !== false && !isProcedure(handler)) return argError('call-with-continuation-prompt', '(or/c procedure? #f)', handler);
    const wrapped = given === tag ? false : given;
    m.stack.push(new PromptFrame({ name: 'prompt' }, m.marks, m.winders, tag, handler === false ? null : handler, wrapped));
    m.applyArray(proc, args);
  });
  t.machine('abort-current-continuation', 1, -1, (m, a) => {
    const [given, ...aborted] = a.slice(1);
    const tag = promptTagBase(given);
    if (tag === null) return argError('abort-current-continuation', 'continuation-prompt-tag?', given);
    const prompt = m.findPrompt(tag);
    if (prompt === null) {
      const msg = `abort-current-continuation: no corresponding prompt in the continuation\n  tag: ${printString(tag)}`;
      throw new RacketThrow(makeExn(exnFailContractContinuationT, msg));
    }
    const vals = given === tag ? aborted : abortValuesThrough(m, given, aborted);
    m.escapeTo(prompt.tag!, (m2) => {
      if (prompt.wrappedTag !== false) {
        const handed = handlerValuesThrough(m2, prompt.wrappedTag, vals);
        for (let i = 0; i < handed.length; i++) vals[i] = handed[i];
      }
      if (prompt.handler !== null) {
        m2.applyArray(prompt.handler, vals);
        return;
      }
      // The default handler: call the thunk given, under a prompt for the same tag.
      const thunk = vals[0];
      if (vals.length !== 1 || !isProcedure(thunk) || !arityIncludes(thunk, 0))
        return argError('default-continuation-prompt-handler', '(-> any)', vals[0]);
      m2.stack.push(new PromptFrame({ name: 'prompt' }, m2.marks, m2.winders, tag, null, prompt.wrappedTag));
      m2.applyArray(thunk, []);
    });
  });
  t.machine('continuation-prompt-available?', 1, 2, (m, a) => {
    const tag = promptTagBase(a[1]);
    if (tag === null) return argError('continuation-prompt-available?', 'continuation-prompt-tag?', a[1]);
    m.returnValue(m.findPrompt(tag) !== null);
  });
  // Jumps into the procedure's continuation are not checked: applying it is what the barrier leaves.
  // Calls proc with the continuation k in place: its results go to k.
  t.machine('call-in-continuation', 2, 2, (m, a) => {
    const [k, proc] = a.slice(1);
    const args: Value[] = [];
    if (!(k instanceof ContinuationProc)) argError('call-in-continuation', 'continuation?', k);
    checkProcedure('call-in-continuation', proc);
    const call = (m2: Machine): void => m2.applyArray(proc, args);
    if (k.escapeTag !== null) m.escapeTo(k.escapeTag, call);
    else m.reinstate(k.k as CapturedK, VOID, call, k.captureTag);
  });
  t.machine('call-with-continuation-barrier', 1, 1, (m, a) => {
    checkArity('call-with-continuation-barrier', a[1], 0);
    m.applyArray(a[1], []);
  });
}
