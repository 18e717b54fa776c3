// What the context of an error (`continuation-mark-set->context`, the
// `context...:` lines under an uncaught error) says about the procedure a
// continuation frame returns into. The compiler gives every node the
// ProcInfo of the body it is in, so a frame names its procedure through its
// node; nothing is recorded while code runs.

import type { SrcLoc } from '../values/syntax.js';

export class ProcInfo {
  constructor(
    /** The procedure's name; null for an anonymous one. For a module body, `body of "/path"`. */
    readonly name: string | null,
    /** Where the procedure's lambda (or definition) is. */
    readonly loc: SrcLoc | null,
    /** Left out of contexts: rkt's own library code, as primitives are. */
    readonly hidden: boolean,
    /**
     * For a loop that is only ever called in tail position from itself (a
     * named let, a `for` loop): the procedure it is written in, whose frame
     * it shares, as Racket CS compiles such loops into the enclosing code.
     */
    readonly loopOf: ProcInfo | null = null,
    /** A module body or the top level: its frames are one frame whatever their environments. */
    readonly isBody = false,
    /**
     * The thunk a module-level expression runs in: shown while it waits for
     * a call, not when an error is raised in it directly (`(car 1)` at
     * module level shows only the module's body, as in Racket).
     */
    readonly expression = false,
  ) {}

  /** The procedure a context names for this one. */
  get shown(): ProcInfo {
    return this.loopOf ?? this;
  }
}

/** The frames of the top level (`rkt -e`, the REPL, `eval`). */
export const TOP_LEVEL_BODY = new ProcInfo('body of top-level', null, false, null, true);

/** The info of a module's body, named as Racket names it: `body of "/path"`, `body of (submod "/path" main)`. */
export function moduleBodyInfo(description: string): ProcInfo {
  return new ProcInfo(`body of ${description}`, null, false, null, true);
}
