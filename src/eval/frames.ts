// Continuation frames and the structures the machine's dynamic state is made of.
//
// A frame is what remains to be done when a value comes back. Frames live in
// the running thread's stack array; capturing a continuation freezes that
// array into a `Segment` (O(1)), and frames taken back out of a frozen segment
// are cloned, so a frame object that sits in a segment is never mutated and a
// continuation can be resumed any number of times.

import type { Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import type { Machine } from './machine-type.js';
import type { ProcInfo } from './proc-info.js';

export abstract class Frame {
  /** Non-null on frames that escapes can target (escape points, handlers, dynamic-wind). */
  tag: object | null = null;
  abstract resume(m: Machine): void;
  /** A copy safe to mutate; frames without mutable state return themselves. */
  clone(): Frame {
    return this;
  }
  /** For error contexts: the procedure body this frame returns into; null for the frames of primitives and control. */
  ctxInfo(): ProcInfo | null {
    return null;
  }
  /** The environment of that body, which tells two activations of one procedure apart. */
  ctxEnv(): unknown {
    return null;
  }
}

/** A frozen run of frames: frames[0..len) with the top at len-1. */
export class Segment {
  constructor(
    readonly frames: readonly Frame[],
    readonly len: number,
    readonly next: Segment | null,
  ) {}
}

/** One continuation mark; the chain is immutable and shared. */
export class MarkEntry {
  constructor(
    readonly key: Value,
    readonly value: Value,
    readonly next: MarkEntry | null,
    /** The frame that owns the mark (marks of one frame are adjacent), for continuation-mark-set->list*; null: a frame of its own. */
    readonly frame: object | null = null,
  ) {}
}

/** An active `dynamic-wind`: its post thunk runs when control leaves it. */
export class Winder {
  readonly depth: number;
  constructor(
    readonly pre: Value,
    readonly post: Value,
    readonly next: Winder | null,
    /** The marks in effect around the dynamic-wind call. */
    readonly marks: MarkEntry | null,
  ) {
    this.depth = next === null ? 1 : next.depth + 1;
  }
}

/** A frame that owns the continuation marks set directly in it (`with-continuation-mark`). */
export class MarkFrame extends Frame {
  constructor(readonly prevMarks: MarkEntry | null) {
    super();
  }
  resume(m: Machine): void {
    m.marks = this.prevMarks;
  }
}

/**
 * A point an escape can jump to: `call/ec`, a prompt for a thread's body,
 * the body of `with-handlers`. Remembers the dynamic state at its push.
 */
export class EscapeFrame extends Frame {
  constructor(
    tag: object,
    readonly marks: MarkEntry | null,
    readonly winders: Winder | null,
  ) {
    super();
    this.tag = tag;
  }
  resume(m: Machine): void {
    m.marks = this.marks;
  }
}

/**
 * A continuation prompt: full continuations are captured up to the nearest
 * one, and applying a continuation replaces the current continuation up to
 * its nearest one. Each module-level form runs under a prompt, and so does
 * each thread's body, as in Racket.
 */
export class PromptFrame extends EscapeFrame {
  constructor(
    tag: object,
    marks: MarkEntry | null,
    winders: Winder | null,
    /** The prompt tag it answers to (`call-with-continuation-prompt`'s), the default one for module forms and threads. */
    readonly promptTag: PromptTag = DEFAULT_PROMPT_TAG,
    /** What an abort to it calls with the abort's values; null: call the thunk given, under the same prompt. */
    readonly handler: Value | null = null,
    /** The wrapped prompt tag (an impersonator) it was installed with, whose procedures see its values; #f: none. */
    readonly wrappedTag: Value = false,
  ) {
    super(tag, marks, winders);
  }
}

/** A continuation prompt tag (`make-continuation-prompt-tag`). */
export class PromptTag {
  constructor(readonly name: string | null) {}
  [customPrint](): string {
    return this.name === null ? '#<continuation-prompt-tag>' : `#<continuation-prompt-tag:${this.name}>`;
  }
}

export const DEFAULT_PROMPT_TAG = new PromptTag('default');
