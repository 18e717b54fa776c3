// The process and the clock: environment variables, memory, monotonic time,
// seconds->date and the date/date* structs, SHA digests, hash codes.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { exnFailUnsupportedT, fail } from '../errors/exn.js';
import { encode } from '../values/equal.js';
import * as N from '../values/numbers.js';
import { RBytes, RString, Sym, VOID, str, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { checkRange } from './check.js';

function isEnvName(v: Value): v is RString {
  return v instanceof RString && v.s.length > 0 && !v.s.includes('=') && !v.s.includes('\0');
}

// ---------------------------------------------------------------- hash codes

/** A 53-bit string hash (FNV-1a folded), stable across runs. */
function stringHash(s: string): number {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return Number(h & 0x1fffffffffffffn);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function eqHashCode(v: Value): number {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'object' && v !== null) {
    let id = identities.get(v);
    if (id === undefined) {
      id = nextIdentity++;
      identities.set(v, id);
    }
    return id;
  }
  return stringHash(String(v));
}

function eqvHashCode(v: Value): number {
  if (N.isNumber(v)) return typeof v === 'number' && Number.isSafeInteger(v) ? v : stringHash(N.numberToString(v));
  return eqHashCode(v);
}

// ---------------------------------------------------------------- digests

function digest(m: Machine, who: string, algorithm: 'sha1' | 'sha224' | 'sha256', data: Value, start: Value, end: Value): Value {
  if (!(data instanceof RBytes)) return argError(who, '(lambda (p) (or (bytes? p) (input-port? p)))', data);
  const [a, e] = checkRange(who, 'byte string', data, data.bytes.length, start, end === false ? undefined : end);
  if (m.rt.host.digest === undefined) return fail(exnFailUnsupportedT, `${who}: not supported by this host`);
  return new RBytes(m.rt.host.digest(algorithm, data.bytes.subarray(a, e)), false);
}

export function installSystem(t: PrimTable): void {
  t.fn('getenv', 1, 1, function (this: Machine, name: Value) {
    if (!isEnvName(name)) return argError('getenv', 'string-environment-variable-name?', name);
    const v = this.rt.host.getenv?.(name.s);
    return v === undefined ? false : str(v);
  });
  t.fn('putenv', 2, 2, function (this: Machine, name: Value, value: Value) {
    if (!isEnvName(name)) return argError('putenv', 'string-environment-variable-name?', name, 0, [name, value]);
    if (!(value instanceof RString) || value.s.includes('\0')) return argError('putenv', 'string-no-nuls?', value, 1, [name, value]);
    return this.rt.host.putenv?.(name.s, value.s) ?? false;
  });
  t.fn('current-memory-use', 0, 1, function (this: Machine, mode: Value = false) {
    if (mode !== false && !(mode instanceof Sym && mode.name === 'cumulative')) {
      return argError('current-memory-use', "(or/c #f 'cumulative custodian?)", mode);
    }
    return Math.floor(this.rt.host.memoryUse?.() ?? 0);
  });
  t.fn('collect-garbage', 0, 1, (request: Value = false) => {
    if (request !== false && !(request instanceof Sym && ['major', 'minor', 'incremental'].includes(request.name))) {
      return argError('collect-garbage', "(or/c 'major 'minor 'incremental)", request);
    }
    return VOID;
  });
  t.fn('equal-hash-code', 1, 1, (v: Value) => stringHash(encode(v)));
  t.fn('equal-secondary-hash-code', 1, 1, (v: Value) => stringHash('2' + encode(v)));
  t.fn('eq-hash-code', 1, 1, eqHashCode);
  t.fn('eqv-hash-code', 1, 1, eqvHashCode);

  t.internalFn('digest', 5, 5, function (this: Machine, who: Value, algorithm: Value, data: Value, start: Value, end: Value) {
    return digest(this, (who as Sym).name, (algorithm as Sym).name as 'sha1', data, start, end);
  });
}
