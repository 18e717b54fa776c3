// Green threads' scheduler.
//
// Each Racket thread is a Machine. The scheduler runs runnable threads round
// robin, each for a step budget, and returns to Node's event loop at least
// every few milliseconds so timers and I/O are delivered even while a thread
// spins. A blocked thread waits on events (see eval/block.ts); their wake
// callbacks make it runnable again, and it polls its events once more.

import { type Block, type Evt, NOT_READY, type NotReady, SyncApply, type SyncResult } from '../eval/block.js';
import type { MachineRuntime } from '../eval/context.js';
import { Frame, MarkEntry, PromptFrame } from '../eval/frames.js';
import { Machine, RunStatus } from '../eval/machine.js';
import { ApplyNode, Node as BaseNode, type Node } from '../eval/nodes.js';
import { BREAK_ENABLED_KEY, PARAMZ_KEY } from '../eval/marks.js';
import { ContinuationProc } from '../eval/procedures.js';
import { ExitSignal, RacketThrow, exnBreakHangUpT, exnBreakT, exnBreakTerminateT, makeExn } from '../errors/exn.js';
import { VOID, type Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import { type BreakKind, RThread, breaksEnabled, severerBreak } from './thread.js';
import { randomStart } from './evt.js';
import { Identities, useIdentities } from '../values/identity.js';

/** The clock and timers threads wait by (the host's). */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `f` soon, after pending I/O callbacks. */
  later(f: () => void): void;
  /** Runs `f` after `ms` milliseconds; returns a canceller. */
  setTimer(ms: number, f: () => void): () => void;
}

/** What the scheduler needs of the runtime that owns it. */
export interface SchedulerOwner extends MachineRuntime {
  /** `exit` was called: end the run with `code`. */
  end(code: number): void;
  /** A thread ended (the main thread's end may end the run). */
  threadFinished(t: RThread): void;
}

/** Steps a thread runs before the scheduler considers switching. */
const QUANTUM = 20_000;
/** Longest time (ms) the scheduler keeps Node's event loop waiting. */
const SLICE_MS = 8;

export class Scheduler {
  /** The thread whose machine is running now, if any. */
  running: RThread | null = null;
  private queue: RThread[] = [];
  private scheduled = false;
  private nextId = 1;
  readonly threads = new Set<RThread>();
  /** Called when no thread is runnable; the runtime decides whether the run is over. */
  onIdle: () => void = () => {};
  /** How many times a thread was given the machine (vector-set-performance-stats!'s context switches). */
  switches = 0;
  /** Threads waiting in sync on system-idle-evt. */
  readonly idleWaiters = new Set<() => void>();
  /** This runtime's eq-hash-code and hash-key numbers, current while its threads run. */
  readonly identities = new Identities();
  /** `(system-idle-evt)`: one event per scheduler. */
  readonly idleEvt: Evt = new SystemIdleEvt(this);
  private stopped = false;

  constructor(
    readonly rt: SchedulerOwner,
    private readonly clock: Clock,
  ) {}

  private now(): number {
    return this.clock.now();
  }

  /**
   * A new thread running `proc`. As in Racket, it starts with its creator's
   * parameterization and its values of the preserved thread cells (which
   * hold parameters' values), so later changes on either side stay on that side.
   */
  spawn(proc: Value, args: Value[], name: string | null, creator: Machine | null = null): RThread {
    const m = new Machine(this.rt);
    const t = new RThread(m, name, this.nextId++);
    m.thread = t;
    if (creator !== null) {
      inheritPreservedCells(t, creator.thread);
      // The creator's parameterization and break parameterization, whose cells the new thread reads as its own.
      const pz = creator.firstMark(PARAMZ_KEY);
      if (pz !== undefined) m.marks = new MarkEntry(PARAMZ_KEY, pz, null);
      const bz = creator.firstMark(BREAK_ENABLED_KEY);
      if (bz !== undefined) m.marks = new MarkEntry(BREAK_ENABLED_KEY, bz, m.marks);
    }
    t.start(proc, args);
    this.threads.add(t);
    this.enqueue(t);
    return t;
  }

  /** A thread that starts by running `node` (the main program). */
  spawnNode(node: Node, name: string): RThread {
    const m = new Machine(this.rt);
    const t = new RThread(m, name, this.nextId++);
    m.thread = t;
    m.stack.push(new PromptFrame(t.abortTag, null, null));
    m.node = node;
    this.threads.add(t);
    this.enqueue(t);
    return t;
  }

  enqueue(t: RThread): void {
    this.queue.push(t);
    this.kick();
  }

  /** Makes sure a slice will run soon. */
  kick(): void {
    if (!this.scheduled && !this.stopped) {
      this.scheduled = true;
      this.clock.later(() => this.runSlice());
    }
  }

  /** Ready for a new run after `stop`. */
  restart(): void {
    this.stopped = false;
  }

  /** Ends every thread (the main thread ended or `exit` was called). */
  stop(): void {
    this.stopped = true;
    for (const t of this.threads) {
      t.clearBlock();
      t.state = 'done';
    }
    this.threads.clear();
    this.queue = [];
  }

  /** Runs threads for up to SLICE_MS, then yields to Node's event loop. */
  runSlice(): void {
    this.scheduled = false;
    useIdentities(this.identities);
    const start = this.now();
    while (this.queue.length > 0 && !this.stopped) {
      const t = this.queue.shift()!;
      if (t.state === 'done') continue;
      if (t.suspended) {
        t.skippedWhileSuspended = true;
        continue;
      }
      if (t.breakPending !== null && breaksEnabled(t.m)) {
        // A break: raise exn:break where the thread is, blocked or not.
        const kind = t.breakPending;
        t.breakPending = null;
        t.clearBlock();
        t.wakePending = false;
        t.state = 'runnable';
        t.m.node = new RaiseBreakNode(kind);
      } else if (t.state === 'blocked') {
        t.wakePending = false;
        if (!this.retry(t)) continue;
      }
      let status: RunStatus;
      this.running = t;
      this.switches++;
      try {
        status = t.m.run(QUANTUM);
      } catch (e) {
        if (e instanceof ExitSignal) {
          this.rt.end(e.code);
          return;
        }
        throw e;
      }
      this.running = null;
      if (status === RunStatus.Done) this.finish(t);
      else if (status === RunStatus.Yielded) this.queue.push(t);
      else this.parkBlocked(t);
      if (this.now() - start > SLICE_MS) break;
    }
    if (this.queue.length > 0) this.kick();
    else if (this.stopped) return;
    else if (this.idleWaiters.size > 0) for (const w of [...this.idleWaiters]) w();
    else this.onIdle();
  }

  /** A thread's step asked to block: poll once, else subscribe to its events. */
  private parkBlocked(t: RThread): void {
    const b = t.m.blocked!;
    t.m.blocked = null;
    // The thread killed itself (kill-thread, custodian-shutdown-all) in the step that parked it.
    if (t.state === 'done') return;
    if (this.tryComplete(t, b)) {
      this.queue.push(t);
      return;
    }
    t.state = 'blocked';
    this.subscribe(t, b);
  }

  /** Asks each of the block's events (and its timeout) to wake the thread. */
  private subscribe(t: RThread, b: Block): void {
    const wake = () => {
      if (t.state !== 'blocked') return;
      if (!t.wakePending) {
        t.wakePending = true;
        this.enqueue(t);
      }
    };
    const cancels = b.evts.map((e) => e.subscribe(t.m, wake));
    if (b.deadline !== null) cancels.push(this.clock.setTimer(Math.max(0, b.deadline - this.now()), wake));
    t.setBlock(b, cancels);
  }

  /** A blocked thread was woken: poll again; true when it can run. */
  private retry(t: RThread): boolean {
    const b = t.block!;
    t.clearBlock();
    if (this.tryComplete(t, b)) {
      t.state = 'runnable';
      return true;
    }
    // Woken too early (a timer that fired before its time, a spurious wake): wait again.
    this.subscribe(t, b);
    return false;
  }

  /** Polls the block's events (from a random start, for fairness); delivers a result if one is ready. */
  tryComplete(t: RThread, b: Block): boolean {
    // An event a partner thread already completed must be the one chosen.
    for (const e of b.evts) {
      if (e.committed?.(t.m)) {
        deliver(t.m, e.poll(t.m) as SyncResult);
        return true;
      }
    }
    const n = b.evts.length;
    const first = randomStart(t.m, n);
    t.m.syncing = b;
    try {
      for (let i = 0; i < n; i++) {
        const e = b.evts[(first + i) % n];
        const r = e.poll(t.m);
        if (r !== NOT_READY) {
          deliver(t.m, r);
          return true;
        }
      }
    } finally {
      t.m.syncing = null;
    }
    if (b.deadline !== null && this.now() >= b.deadline) {
      deliver(t.m, b.timeoutResult);
      return true;
    }
    return false;
  }

  private finish(t: RThread): void {
    t.state = 'done';
    t.clearBlock();
    this.threads.delete(t);
    for (const w of t.deathWaiters) w();
    t.deathWaiters.clear();
    this.rt.threadFinished(t);
  }

  /** `break-thread`: the break is raised the next time the thread runs with breaks enabled. */
  breakThread(t: RThread, kind: BreakKind = 'break'): void {
    if (t.state === 'done') return;
    t.breakPending = severerBreak(t.breakPending, kind);
    if (t.state === 'blocked' && !t.wakePending) {
      t.wakePending = true;
      this.enqueue(t);
    }
  }

  /** No thread but the running one can run (system-idle-evt is ready). */
  isIdle(): boolean {
    return this.queue.every((t) => t.state !== 'runnable' || t === this.running);
  }

  /** `thread-suspend`: the thread stops running (at once if it is the running one) until resumed. */
  suspend(t: RThread): void {
    if (t.state === 'done' || t.suspended) return;
    t.suspended = true;
    t.suspends++;
    if (t.state === 'blocked' && t.block !== null) {
      // A suspended thread offers nothing (a channel put must not reach it): it subscribes again when resumed.
      const b = t.block;
      t.clearBlock();
      t.setBlock(b, []);
      t.skippedWhileSuspended = true;
    }
    for (const w of [...t.suspendWaiters]) w();
  }

  /** `thread-resume`: a suspended thread runs again. */
  resume(t: RThread): void {
    if (t.state === 'done' || !t.suspended) return;
    t.suspended = false;
    t.resumes++;
    for (const w of [...t.suspendWaiters]) w();
    if (t.skippedWhileSuspended) {
      t.skippedWhileSuspended = false;
      this.enqueue(t);
    }
  }

  /** Kills the thread, or suspends it if it was made by thread/suspend-to-kill. */
  kill(t: RThread): void {
    if (t.state === 'done') return;
    if (t.suspendToKill) {
      this.suspend(t);
      return;
    }
    t.killed = true;
    t.m.stack = [];
    t.m.rest = null;
    t.m.node = null;
    this.finish(t);
  }
}

/**
 * Hands a sync result to the machine: a value to return, or a procedure to
 * apply. The application happens in the thread's next step, inside the
 * machine, where what it raises is handled.
 */
export function deliver(m: Machine, r: SyncResult): void {
  if (r instanceof SyncApply) {
    if (r.then !== null) {
      const then = r.then;
      m.stack.push(new SyncThenFrame(then));
    }
    m.node = new ApplyNode(r.proc, r.args);
  } else {
    m.val = r;
    m.node = null;
  }
}

class SyncThenFrame extends Frame {
  constructor(readonly then: (result: Value) => SyncResult) {
    super();
  }
  resume(m: Machine): void {
    deliver(m, this.then(m.val));
  }
}

/** Raises exn:break in the thread, with a continuation that resumes where it was. */
class RaiseBreakNode extends BaseNode {
  readonly simple = false;
  constructor(readonly kind: BreakKind) {
    super();
  }
  exec(m: Machine): void {
    const k = new ContinuationProc(m.captureK(), null);
    const type = this.kind === 'terminate' ? exnBreakTerminateT : this.kind === 'hang-up' ? exnBreakHangUpT : exnBreakT;
    // Every kind says "user break", as Racket's do.
    throw new RacketThrow(makeExn(type, 'user break', k));
  }
}

/** `to` starts with `from`'s values of the preserved thread cells. */
export function inheritPreservedCells(to: RThread, from: RThread): void {
  for (const c of from.preservedCells) c.set(to, c.get(from));
}

/** system-idle-evt's event: ready, with void, when no other thread can run. */
class SystemIdleEvt implements Evt {
  constructor(readonly sched: Scheduler) {}
  poll(): SyncResult | NotReady {
    return this.sched.isIdle() ? VOID : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.sched.idleWaiters.add(wake);
    return () => this.sched.idleWaiters.delete(wake);
  }
  [customPrint](): string {
    return '#<system-idle-evt>';
  }
}
