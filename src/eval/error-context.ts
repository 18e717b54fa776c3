// The context of an error: the procedures on the continuation where it was
// raised (or where current-continuation-marks was called), innermost first,
// as `continuation-mark-set->context` returns them and the default error
// display handler prints them under `context...:`.
//
// Nothing is recorded for it while code runs, beyond what the machine keeps
// anyway. When a context is taken (`Machine.errorContext`), it is made of
//   - the lambdas running in direct mode on the JS stack (the machine's
//     `dstack`, one store per direct call), innermost last;
//   - otherwise the procedure whose node the heap machine was running, or
//     whose frame it had just resumed;
//   - the heap frames of the continuation, frozen as a continuation capture
//     freezes them (O(1)): each frame names its procedure through its node's
//     `owner` (eval/proc-info.ts).
// The list of entries is built from these only when it is asked for. One
// activation of a procedure has several heap frames (a call inside a `let`
// inside an argument): frames of one procedure whose environments are
// nested belong to one activation. Loops compiled into their procedure
// (ProcInfo.loopOf) are that procedure's frame, as in Racket CS. Tail calls
// leave no frame, so the procedure that made one is not shown; primitives
// and rkt's own library procedures are never shown.

import type { SrcLoc } from '../values/syntax.js';
import { PromptFrame, type Segment } from './frames.js';
import type { ProcInfo } from './proc-info.js';

/** One procedure of a context: its name (null: anonymous) and where it is (null: unknown). */
export interface ContextEntry {
  readonly name: string | null;
  readonly loc: SrcLoc | null;
}

/** Entries past this many are dropped (Racket CS stops at about as many). */
const CONTEXT_LIMIT = 65532;

/** What a context is made of when it is taken; the entries are computed on first use. */
export class ErrorContext {
  private entries: ContextEntry[] | null = null;
  constructor(
    /** The procedures running in direct mode, outermost first. */
    private readonly direct: readonly ProcInfo[],
    /** The procedure the heap machine was in when there were none, and its environment. */
    private readonly topInfo: ProcInfo | null,
    private readonly topEnv: unknown,
    /** The heap frames, frozen. */
    private readonly frames: Segment | null,
    /** A captured continuation's context: it ends at the continuation's prompt. */
    private readonly toPrompt = false,
  ) {}

  get(): readonly ContextEntry[] {
    if (this.entries === null) this.entries = this.build();
    return this.entries;
  }

  private build(): ContextEntry[] {
    const acts: { info: ProcInfo; env: unknown }[] = [];
    const add = (info: ProcInfo | null, env: unknown): boolean => {
      if (info === null || info.shown.hidden) return true;
      const prev = acts.length > 0 ? acts[acts.length - 1] : null;
      if (prev !== null && sameActivation(prev, info, env)) {
        prev.info = info;
        if (env !== null) prev.env = env;
        return true;
      }
      acts.push({ info, env });
      return acts.length < CONTEXT_LIMIT;
    };
    for (let i = this.direct.length - 1; i >= 0; i--) if (!add(this.direct[i], null)) return entries(acts);
    if (!add(this.topInfo, this.topEnv)) return entries(acts);
    for (let s = this.frames; s !== null; s = s.next) {
      for (let i = s.len - 1; i >= 0; i--) {
        const f = s.frames[i];
        if (this.toPrompt && f instanceof PromptFrame) return entries(acts);
        if (!add(f.ctxInfo(), f.ctxEnv())) return entries(acts);
      }
    }
    return entries(acts);
  }
}

function entries(acts: { info: ProcInfo }[]): ContextEntry[] {
  const out: ContextEntry[] = [];
  for (const a of acts) {
    const p = a.info.shown;
    if (p.name !== null || p.loc !== null) out.push(p);
  }
  return out;
}

/**
 * Whether a frame of `info` in environment `env` belongs to the activation
 * `prev` just inside it. The direct-mode procedures (no environment) are
 * each an activation of their own, except a loop's.
 */
function sameActivation(prev: { info: ProcInfo; env: unknown }, info: ProcInfo, env: unknown): boolean {
  if (prev.info.shown !== info.shown) return false;
  if (info.isBody) return true;
  if (prev.env === null) return prev.info.loopOf !== null;
  return related(prev.env, env);
}

/** Whether one environment is the other or lies inside it. */
function related(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return false;
  return inside(a, b) || inside(b, a);
}

function inside(inner: unknown, outer: unknown): boolean {
  let e = inner;
  for (let i = 0; i < 100_000 && Array.isArray(e); i++) {
    if (e === outer) return true;
    e = e[0];
  }
  return false;
}

/**
 * The lines of a `context...:` block (each with its three leading spaces),
 * at most `max` of them then `...` when more are left, a run of one
 * procedure as `[repeats N more times]`, as Racket prints them.
 */
export function contextLines(entries: readonly ContextEntry[], max: number): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < entries.length) {
    if (lines.length >= max) {
      lines.push('   ...');
      break;
    }
    const e = entries[i];
    let j = i + 1;
    while (j < entries.length && entries[j] === e) j++;
    lines.push(`   ${entryText(e)}`);
    if (j - i > 1) {
      if (lines.length >= max) {
        lines.push('   ...');
        break;
      }
      lines.push(`   [repeats ${j - i - 1} more times]`);
    }
    i = j;
  }
  return lines;
}

/** `source:line:col: name`, `source:line:col` or `name`. */
function entryText(e: ContextEntry): string {
  if (e.loc === null) return e.name ?? '';
  const where =
    e.loc.line === null || e.loc.column === null ? `${e.loc.source}::${e.loc.position}` : `${e.loc.source}:${e.loc.line}:${e.loc.column}`;
  return e.name === null ? where : `${where}: ${e.name}`;
}
