// Regexp matching on input ports: every access the regexp procedures make to
// a port is here. A match first peeks (the port's bytes after its position,
// as far as they have arrived); when it needs bytes that have not arrived,
// the thread waits for more and the match runs again. Only when the match is
// decided does the procedure consume bytes and write to an output port.

import { NEED_MORE } from '../values/regexp-backtrack.js';
import { decodeUtf8 } from '../values/utf8.js';
import type { Value } from '../values/types.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { argError, genericFail } from '../errors/messages.js';
import { printString } from '../printer/print.js';
import { whenReady } from './input.js';

export { InputPort };

/** The bytes a match may look at: `bytes` is the view from the port's position, up to `limit`. */
export interface PortWindow {
  readonly bytes: Uint8Array;
  readonly limit: number;
  /** No bytes after `limit` matter (the end was reached or the port ended). */
  readonly final: boolean;
}

/**
 * The bytes from the port's position up to `end` (or the end of the port).
 * For a string regexp on a port still receiving bytes, a UTF-8 sequence cut
 * off at the end of what has arrived is left out until it is whole.
 */
export function portWindow(port: InputPort, skip: number, end: number | null, chars: boolean): PortWindow {
  const bytes = port.bytes.subarray(port.pos);
  const avail = bytes.length;
  const final = port.complete || (end !== null && avail >= end);
  let limit = end === null ? avail : Math.min(end, avail);
  if (!final && chars) {
    for (let back = 1; back <= 3 && limit - back >= 0; back++) {
      const c = bytes[limit - back];
      if ((c & 0xc0) === 0x80) continue;
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (need > back) limit -= back;
      break;
    }
  }
  if (limit < skip) {
    if (!final) throw NEED_MORE;
    limit = skip;
  }
  return { bytes, limit, final };
}

/** A port to match on; Racket reports a closed one from the peek it does first. */
export function checkOpenInputPort(v: Value, immediate = false): InputPort {
  const port = v as InputPort;
  const peeker = immediate ? 'peek-bytes-avail!*' : 'peek-bytes-avail!';
  if (port.closed) genericFail(`${peeker}: input port is closed\n  input port: ${printString(port)}`);
  return port;
}

export function isInputPort(v: Value): v is InputPort {
  return v instanceof InputPort;
}

export function checkOutputPort(who: string, v: Value): OutputPort | null {
  if (v === undefined || v === false) return null;
  if (v instanceof OutputPort) return v;
  return argError(who, '(or/c #f output-port?)', v);
}

/** Reads `n` bytes of the port (they were matched or skipped). */
export function consume(port: InputPort, n: number): void {
  port.pos = Math.min(port.bytes.length, port.pos + n);
}

/** Writes bytes the match skipped to the output port given to regexp-match. */
export function writeSkipped(out: OutputPort | null, bytes: Uint8Array): void {
  if (out === null || bytes.length === 0) return;
  out.write(decodeUtf8(bytes) ?? String.fromCharCode(...bytes));
}

/**
 * Runs `find` (which only peeks) until it no longer needs more bytes, waiting
 * for them; then `commit` its outcome. With `immediate`, a match that would
 * need bytes not yet there fails at once (`onMissing`).
 */
export function onPort<T>(port: InputPort, find: () => T, commit: (t: T) => Value, immediate: boolean, onMissing: () => Value): Value {
  let outcome: T | undefined;
  const ready = (): boolean => {
    try {
      outcome = find();
      return true;
    } catch (e) {
      if (e === NEED_MORE) return false;
      throw e;
    }
  };
  if (immediate) return ready() ? commit(outcome as T) : onMissing();
  return whenReady(port, ready, () => commit(outcome as T));
}

/**
 * The regexp-match* family on a port: once the port's bytes up to `end` (or
 * its end) have arrived, reads them all and hands them to `then`, which
 * matches them as a byte string (positions count from the port's position).
 */
export function readRest(port: InputPort, end: number | null, then: (bytes: Uint8Array) => Value): Value {
  const ready = () => port.complete || (end !== null && port.bytes.length - port.pos >= end);
  return whenReady(port, ready, () => {
    const avail = port.bytes.length - port.pos;
    const n = end === null ? avail : Math.min(end, avail);
    const bytes = port.bytes.slice(port.pos, port.pos + n);
    consume(port, n);
    return then(bytes);
  });
}
