// Host procedures: JS functions an embedding application gives to Racket
// code. A call converts the arguments to JS, calls the function, and
// converts its result back. A function that returns a Promise blocks only
// the calling Racket thread until the Promise settles; other threads run on.
// What the function throws (or its Promise rejects with) becomes exn:fail.

import { Block, NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailT, makeExn } from '../errors/exn.js';
import type { Value } from '../values/types.js';
import { ConversionError, type Caller, type FunctionWrapper, toJs, toRacket } from './convert.js';

/** A function Racket code can call; it may return a value or a Promise of one. */
export type HostProcedure = (...args: any[]) => unknown;

/** The exn:fail a host failure becomes: `name: message`. */
function hostFailure(name: string, e: unknown): Value {
  const text = e instanceof Error ? e.message : String(e);
  return makeExn(exnFailT, `${name}: ${text}`);
}

function isPromiseLike(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** Ready when a host Promise settles: its converted value, or a raise of the failure. */
class SettledEvt implements Evt {
  private result: SyncResult | NotReady = NOT_READY;
  private readonly waiters = new Set<() => void>();

  constructor(promise: PromiseLike<unknown>, name: string, convert: (x: unknown) => Value) {
    promise.then(
      (x) => {
        try {
          this.settle(convert(x));
        } catch (e) {
          this.settle(raiseOnSync(hostFailure(name, e)));
        }
      },
      (e) => this.settle(raiseOnSync(hostFailure(name, e))),
    );
  }

  private settle(r: SyncResult): void {
    this.result = r;
    for (const w of [...this.waiters]) w();
    this.waiters.clear();
  }

  poll(): SyncResult | NotReady {
    return this.result;
  }

  subscribe(_m: unknown, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

/** The Racket procedure for host function `fn`, called `name`. */
export function hostProcedure(name: string, fn: HostProcedure, call: Caller, wrap: FunctionWrapper): Primitive {
  const convert = (x: unknown) => toRacket(x, wrap);
  // Not simple: the call may block its thread (a Promise) and may take any time.
  return new Primitive(
    name,
    0,
    -1,
    (...args: Value[]) => {
      let result: unknown;
      try {
        result = fn(...args.map((a) => toJs(a, call)));
      } catch (e) {
        if (e instanceof RacketThrow) throw e;
        throw new RacketThrow(hostFailure(name, e));
      }
      if (isPromiseLike(result)) return new Block([new SettledEvt(result, name, convert)]);
      try {
        return convert(result);
      } catch (e) {
        if (e instanceof ConversionError) throw new RacketThrow(hostFailure(name, e));
        throw e;
      }
    },
    false,
  );
}
