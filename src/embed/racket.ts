// The embedding API: a Racket runtime inside a Node application.
//
// Each `Racket` is an isolated runtime (its own modules, threads, ports,
// sockets and parameters). Every operation — running a module, evaluating
// an expression, calling a procedure — runs on a new Racket thread under a
// custodian of its own, and settles a Promise when that thread ends; other
// Racket threads (a server loop the module started, say) keep running until
// `close()`. A timeout or an AbortSignal shuts the operation's custodian
// down, which kills the threads and closes the sockets it made.

import { resolve as resolvePath } from 'node:path';
import { ApplyNode, type Node } from '../eval/nodes.js';
import type { Host } from '../host/host.js';
import { nodeHost } from '../host/node-host.js';
import { Custodian, shutdownCustodian } from '../thread/custodian.js';
import { isExn } from '../errors/exn.js';
import { Runtime } from '../runtime/runtime.js';
import type { Value } from '../values/types.js';
import { type JsInput, type JsValue, toJs, toRacket, type Caller, type FunctionWrapper } from './convert.js';
import { exnKind, type RacketErrorKind } from './error-kinds.js';
import { hostProcedure, type HostProcedure } from './host-procedures.js';
import { allowListTcp, allowListUdp, type NetworkPolicy } from './network-policy.js';
import { environmentHost, type EnvironmentPolicy } from './environment-policy.js';

/** Where Racket's output goes: a function receiving text, or anything with `write(text)` (a stream). */
export type OutputSink = ((text: string) => void) | { write(text: string): unknown };

export interface RacketOptions {
  /** `current-output-port`'s destination; the process's stdout when omitted. */
  stdout?: OutputSink;
  /** `current-error-port`'s destination; the process's stderr when omitted. */
  stderr?: OutputSink;
  /** UDP and TCP access: 'allow' (the default), 'deny', or `{ allow: [{ host, port? }, ...] }`. */
  network?: NetworkPolicy;
  /** File access (file ports, racket/file, file-exists? ...): 'allow' (the default) or 'deny'. */
  files?: 'allow' | 'deny';
  /**
   * Environment variables (getenv, putenv, subprocesses' environments): 'copy' (the default)
   * gives the runtime its own copy of process.env, which putenv changes without touching
   * process.env; 'deny' gives it none; a list of names, a copy of those only.
   */
  env?: EnvironmentPolicy;
  /** Running programs (subprocess): 'allow' (the default) or 'deny'. */
  subprocesses?: 'allow' | 'deny';
  /** Host procedures, by name (see `define`). */
  procedures?: Record<string, HostProcedure>;
  /** What `current-input-port` reads: this text or these bytes, then eof. Empty by default (never the process's stdin). */
  stdin?: string | Uint8Array;
  /** `current-command-line-arguments`. */
  args?: string[];
  /** The directory relative module paths and error locations are taken from; process.cwd() by default. */
  cwd?: string;
  /** The default time limit of each operation, in milliseconds (none by default). */
  timeoutMs?: number;
}

export interface OperationOptions {
  /** Stop the operation after this many milliseconds. */
  timeoutMs?: number;
  /** Stop the operation when this signal aborts. */
  signal?: AbortSignal;
}

/**
 * A module that ran, and what it provides. `Exports` describes the module's
 * `provide`s when the caller knows them (`racket.run<{ add: (a: number, b: number) => Promise<number> }>(...)`);
 * by default each is some `JsValue`.
 */
export interface RacketModule<Exports extends object = Record<string, JsValue>> {
  /** The module's path (for a module run from a string, the path it was given). */
  path: string;
  /** Each provided variable's value, converted to JS; procedures are async functions. */
  exports: Exports;
}

/** A source location of a RacketError: line from 1, column from 0; null where Racket has none. */
export interface RacketSrcloc {
  source: string;
  line: number | null;
  column: number | null;
}

/** One procedure of an error's context, as continuation-mark-set->context gives it (name null: anonymous). */
export interface RacketContextFrame {
  name: string | null;
  source: string | null;
  line: number | null;
  column: number | null;
}

/** A Racket exception (or a stopped operation) as a JS error. */
export class RacketError extends Error {
  /**
   * Where the error is: the location an exn:fail:read or exn:fail:syntax
   * reports, or else that of the innermost procedure of `context`; null when
   * none is known.
   */
  srcloc: RacketSrcloc | null = null;
  /** The procedures on the continuation where it was raised, innermost first (empty for a stopped operation or a raised non-exception). */
  context: RacketContextFrame[] = [];
  constructor(
    /** Racket's message, as `racket` would print it. */
    message: string,
    /**
     * The exception's struct type (`exn:fail:contract`, `exn:fail:network:errno`, ...; for
     * a program's own exception type, its nearest ancestor among those), `raise` for a raised
     * non-exception value, or `timeout`, `abort`, `killed`, `closed`.
     */
    readonly kind: RacketErrorKind,
    /**
     * The raised value, converted as results are (`(raise 42)` gives 42; an exception
     * is a RacketValue); undefined when the operation was stopped.
     */
    readonly value?: JsValue,
  ) {
    super(message);
    this.name = 'RacketError';
  }
}

function sinkWriter(sink: OutputSink | undefined, fallback: (text: string) => void): (text: string) => void {
  if (sink === undefined) return fallback;
  if (typeof sink === 'function') return sink;
  return (text) => void sink.write(text);
}

export class Racket {
  private readonly rt: Runtime;
  private readonly defaultTimeout: number | undefined;
  private closed = false;
  private readonly call: Caller = (proc, args) => this.apply(proc, args);
  private readonly wrap: FunctionWrapper = (name, fn) => hostProcedure(name, fn, this.call, this.wrap);

  constructor(options: RacketOptions = {}) {
    const base = nodeHost();
    const policy = options.network ?? 'allow';
    const cwd = options.cwd ?? process.cwd();
    const host: Host = {
      ...base,
      writeStdout: sinkWriter(options.stdout, base.writeStdout),
      writeStderr: sinkWriter(options.stderr, base.writeStderr),
      cwd: () => cwd,
      readStdin: (onData, onEnd) => {
        const input = options.stdin ?? '';
        onData(typeof input === 'string' ? new TextEncoder().encode(input) : Uint8Array.from(input));
        onEnd();
      },
      files: options.files === 'deny' ? undefined : base.files,
      ...environmentHost(options.env ?? 'copy', process.env),
      processes: options.subprocesses === 'deny' ? undefined : base.processes,
      // No places: a place is a runtime on a worker thread of its own, which
      // would not write to the sinks above nor keep the policies given here.
      places: undefined,
      udp: policy === 'allow' ? base.udp : policy === 'deny' || base.udp === undefined ? undefined : allowListUdp(base.udp, policy.allow),
      tcp: policy === 'allow' ? base.tcp : policy === 'deny' || base.tcp === undefined ? undefined : allowListTcp(base.tcp, policy.allow),
    };
    this.rt = new Runtime({ host, args: options.args });
    this.defaultTimeout = options.timeoutMs;
    for (const [name, fn] of Object.entries(options.procedures ?? {})) this.define(name, fn);
  }

  /**
   * Makes `fn` callable from Racket as `name`: in the `host` library
   * (`(require host)` in a module) and directly in `eval`. Arguments and
   * results are converted by the documented rules; a returned Promise
   * blocks only the calling Racket thread.
   */
  define(name: string, fn: HostProcedure): this {
    this.rt.defineHostValue(name, hostProcedure(name, fn, this.call, this.wrap));
    return this;
  }

  /** Runs module source (starting with `#lang`) as the module at `path` (relative to cwd; default `main.rkt`). */
  run<Exports extends object = Record<string, JsValue>>(
    source: string,
    options: OperationOptions & { path?: string } = {},
  ): Promise<RacketModule<Exports>> {
    const path = resolvePath(this.rt.ex.cwd, options.path ?? 'main.rkt');
    if (this.rt.isLoaded(path)) return Promise.reject(new RacketError(`run: a module is already loaded as ${path}`, 'exn:fail'));
    return this.operation(
      'run',
      options,
      () => this.moduleNodes(path, source),
      () => this.moduleResult<Exports>(path),
    );
  }

  /** Runs a module file, with its `main` submodule, as `rkt FILE` does. */
  runFile<Exports extends object = Record<string, JsValue>>(file: string, options: OperationOptions = {}): Promise<RacketModule<Exports>> {
    const path = resolvePath(this.rt.ex.cwd, file);
    return this.operation(
      'run-file',
      options,
      () => this.moduleNodes(path, null),
      () => this.moduleResult<Exports>(path),
    );
  }

  /** Evaluates top-level forms (in `racket`, with the host procedures); resolves to the last one's value. */
  eval(text: string, options: OperationOptions = {}): Promise<JsValue> {
    return this.operation(
      'eval',
      options,
      () => this.rt.topLevelNodes(text, 'eval'),
      (v) => toJs(v, this.call),
    );
  }

  /**
   * Calls a Racket procedure (a function this API returned, or a RacketValue) with JS arguments.
   * Any JsValue is accepted, as Racket's application takes any value: one that is not a procedure
   * rejects with Racket's `application: not a procedure` error.
   */
  callProcedure(proc: JsInput, args: readonly JsInput[], options: OperationOptions = {}): Promise<JsValue> {
    let racketProc: Value;
    try {
      racketProc = toRacket(proc, this.wrap);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.apply(racketProc, args, options);
  }

  /** Ends the runtime: its threads, timers and sockets. Pending operations reject with kind `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rt.end(0);
  }

  /** `close()`, for `await using racket = new Racket()`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  // ------------------------------------------------------------------ internals

  private apply(proc: Value, jsArgs: readonly JsInput[], options: OperationOptions = {}): Promise<JsValue> {
    let args: Value[];
    try {
      args = jsArgs.map((a) => toRacket(a, this.wrap));
    } catch (e) {
      return Promise.reject(e);
    }
    return this.operation(
      'call',
      options,
      () => [new ApplyNode(proc, args)],
      (v) => toJs(v, this.call),
    );
  }

  private moduleNodes(path: string, source: string | null): Node[] {
    // The application's own runFile may read the file even when its scripts may not (files: 'deny').
    const info = source === null ? this.rt.loadFile(path, null, 0, true) : this.rt.loadSource(path, source);
    const nodes = this.rt.instantiationNodes(info);
    if (info.mainSubmodule) this.rt.instantiationNodes(info.mainSubmodule, nodes);
    return nodes;
  }

  private moduleResult<Exports extends object>(path: string): RacketModule<Exports> {
    const info = this.rt.loadFile(path, null, 0, true);
    const exports: Record<string, JsValue> = {};
    for (const [name, meaning] of info.exports) {
      if (meaning.kind === 'top' && meaning.v.value !== undefined) exports[name] = toJs(meaning.v.value, this.call);
    }
    return { path, exports: exports as Exports };
  }

  /** Runs `prepare`'s nodes on a new thread under a new custodian, within the time limit and signal. */
  private operation<T>(name: string, options: OperationOptions, prepare: () => Node[], result: (v: Value) => T): Promise<T> {
    if (this.closed || this.rt.isEnded) return Promise.reject(new RacketError('the Racket runtime is closed', 'closed'));
    const custodian = new Custodian(this.rt.rootCustodian);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const signal = options.signal;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        f();
      };
      const stop = (error: RacketError) => {
        settle(() => reject(error));
        shutdownCustodian(this.rt.sched, custodian);
      };
      const onAbort = () => stop(new RacketError(`${name}: aborted`, 'abort'));
      const timeoutMs = options.timeoutMs ?? this.defaultTimeout;
      if (signal?.aborted) {
        reject(new RacketError(`${name}: aborted`, 'abort'));
        return;
      }
      this.rt.startTask(name, custodian, prepare, {
        done: (v) =>
          settle(() => {
            try {
              resolve(result(v));
            } catch (e) {
              reject(e);
            }
          }),
        failed: (failure) =>
          settle(() =>
            reject(failure === undefined ? new RacketError(`${name}: the Racket thread was killed`, 'killed') : this.error(failure)),
          ),
        ended: (code) => settle(() => reject(new RacketError(`${name}: the Racket runtime ended (exit code ${code})`, 'closed'))),
      });
      if (settled) return;
      if (timeoutMs !== undefined)
        timer = setTimeout(() => stop(new RacketError(`${name}: timed out after ${timeoutMs} ms`, 'timeout')), timeoutMs);
      signal?.addEventListener('abort', onAbort);
    });
  }

  private error(raised: Value): RacketError {
    const kind = isExn(raised) ? exnKind(raised.type) : 'raise';
    const error = new RacketError(this.rt.errorText(raised), kind, toJs(raised, this.call));
    const loc = this.rt.errorSrcloc(raised);
    error.srcloc = loc === null ? null : { source: loc.source, line: loc.line, column: loc.column };
    error.context = this.rt.errorContext(raised).map((e) => ({
      name: e.name,
      source: e.loc?.source ?? null,
      line: e.loc?.line ?? null,
      column: e.loc?.column ?? null,
    }));
    return error;
  }
}
