// A green thread: a machine plus what the scheduler and sync know of it.

import { NOT_READY, evtOf, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Block } from '../eval/block.js';
import { PromptFrame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { BREAK_ENABLED_KEY, ThreadCell } from '../eval/marks.js';
import { ApplyNode } from '../eval/nodes.js';
import { customPrint, printNamed } from '../values/printable.js';
import type { Value } from '../values/types.js';

// The evaluator's `m.thread` is one of these (see src/eval/context.ts).
declare module '../eval/context.js' {
  interface MachineThread extends RThread {}
}

export type ThreadState = 'runnable' | 'blocked' | 'done';

/** How an embedding task's thread ended (see Runtime.startTask). */
export interface Task {
  done(value: Value): void;
  /** An uncaught exception, or the thread was killed (`failure` undefined). */
  failed(failure: Value | undefined): void;
  /** The runtime ended (exit, close) before the task finished. */
  ended(code: number): void;
}

export class RThread {
  state: ThreadState = 'runnable';
  /** Cancellers of the current block's event subscriptions. */
  private cancels: (() => void)[] = [];
  block: Block | null = null;
  /** A wake arrived while the thread was not yet parked. */
  wakePending = false;
  /** Called when the thread dies. */
  readonly deathWaiters = new Set<() => void>();
  /** Tag of the frame at the base of the thread, where an uncaught error aborts to. */
  readonly abortTag = { name: 'thread-prompt' };
  /** Set when the thread ended by an uncaught exception. */
  failed = false;
  /** Set when kill-thread or a custodian ended the thread. */
  killed = false;
  /** The uncaught exception, for an embedding task. */
  failure: Value | undefined = undefined;
  /** Set on threads an embedding application started (see Runtime.startTask). */
  task: Task | null = null;
  /** A break-thread request not yet delivered (the most severe kind, if several came). */
  breakPending: BreakKind | null = null;
  /** Suspended by thread-suspend (or, for thread/suspend-to-kill, by a kill): not run until resumed. */
  suspended = false;
  /** Skipped by the scheduler while suspended: resuming queues it again. */
  skippedWhileSuspended = false;
  /** Made by thread/suspend-to-kill: killing it suspends it instead. */
  suspendToKill = false;
  /** How many times it has been suspended and resumed (thread-suspend-evt and thread-resume-evt watch them). */
  suspends = 0;
  resumes = 0;
  /** Called when the thread is suspended or resumed. */
  readonly suspendWaiters = new Set<() => void>();
  /** The preserved thread cells this thread has set: a new thread starts with their values. */
  readonly preservedCells = new Set<ThreadCell>();

  constructor(
    readonly m: Machine,
    /** Its procedure's object-name, shown as `#<thread:NAME>`; null: `#<thread>`. */
    readonly name: string | null,
    readonly id: number,
  ) {}

  [customPrint](): string {
    // A thread of an unnamed procedure (a lambda typed at the REPL) prints as #<thread>.
    return printNamed('thread', this.name === '' ? null : this.name);
  }

  /** A thread in a sync is ready when it has ended; its result is the thread. */
  [evtOf](): Evt {
    return new ThreadDeadEvt(this, this);
  }

  /** Installs the base prompt and the initial call (made in the thread's first step). */
  start(proc: Value, args: Value[]): void {
    this.m.stack.push(new PromptFrame(this.abortTag, null, null));
    this.m.node = new ApplyNode(proc, args);
  }

  setBlock(b: Block, cancels: (() => void)[]): void {
    this.block = b;
    this.cancels = cancels;
  }

  clearBlock(): void {
    for (const c of this.cancels) c();
    this.cancels = [];
    this.block = null;
  }
}

/** Ready when a thread has ended. */
export class ThreadDeadEvt implements Evt {
  constructor(
    readonly t: RThread,
    readonly result: Value,
  ) {}
  poll(): SyncResult | NotReady {
    return this.t.state === 'done' ? this.result : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.t.deathWaiters.add(wake);
    return () => this.t.deathWaiters.delete(wake);
  }
  [customPrint](): string {
    return '#<thread-dead-evt>';
  }
}

/** The kinds of break: Ctrl-C (SIGINT), SIGHUP and SIGTERM, in increasing severity. */
export type BreakKind = 'break' | 'hang-up' | 'terminate';
const BREAK_SEVERITY: Record<BreakKind, number> = { break: 0, 'hang-up': 1, terminate: 2 };

/** A second break request while one is pending keeps the more severe of the two, as Racket does. */
export function severerBreak(pending: BreakKind | null, kind: BreakKind): BreakKind {
  return pending === null || BREAK_SEVERITY[kind] > BREAK_SEVERITY[pending] ? kind : pending;
}

/** Whether breaks are enabled where no parameterize-break says otherwise (one value per thread). */
export const breakEnabledDefaultCell = new ThreadCell(true, false);

/** The cell of the thread's current break parameterization. */
export function breakCell(m: Machine): ThreadCell {
  const v = m.firstMark(BREAK_ENABLED_KEY);
  return v === undefined ? breakEnabledDefaultCell : (v as ThreadCell);
}

/** Whether breaks are enabled in the thread's current continuation. */
export function breaksEnabled(m: Machine): boolean {
  return breakCell(m).get(m.thread) !== false;
}

/** `thread-suspend-evt` / `thread-resume-evt`: ready once the thread is suspended (resumed) after the event was made, or is now. */
export class ThreadSuspendEvt implements Evt {
  private readonly seen: number;
  constructor(
    readonly t: RThread,
    readonly resume: boolean,
  ) {
    this.seen = resume ? t.resumes : t.suspends;
  }
  poll(): SyncResult | NotReady {
    const t = this.t;
    const now = this.resume ? !t.suspended : t.suspended;
    const changed = (this.resume ? t.resumes : t.suspends) !== this.seen;
    return t.state !== 'done' && (now || changed) ? t : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.t.suspendWaiters.add(wake);
    return () => this.t.suspendWaiters.delete(wake);
  }
  [customPrint](): string {
    return this.resume ? '#<thread-resume-evt>' : '#<thread-suspend-evt>';
  }
}
