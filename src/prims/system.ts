// The process and the clock: environment variables, memory, monotonic time,
// seconds->date and the date/date* structs, SHA digests, hash codes.

import type { Machine } from '../eval/machine.js';
import { argError } from '../runtime/errors.js';
import { exnFailUnsupportedT, fail } from '../runtime/exn.js';
import { encode } from '../values/equal.js';
import * as N from '../values/numbers.js';
import { StructType } from '../values/struct.js';
import { Flonum, RBytes, RString, Sym, VOID, str, type Value } from '../values/types.js';
import { checkRange } from './bytes-more.js';
import { accessorOf, constructorOf, predicateOf } from './structs.js';
import { StructInstance } from '../values/struct.js';
import type { PrimTable } from './table.js';

const DATE_FIELDS = ['second', 'minute', 'hour', 'day', 'month', 'year', 'week-day', 'year-day', 'dst?', 'time-zone-offset'];
const DATE_STAR_FIELDS = ['nanosecond', 'time-zone-name'];
const dateT = new StructType('date', null, DATE_FIELDS.length, 0, false, new Map(), true, null, new Set());
const dateStarT = new StructType('date*', dateT, DATE_STAR_FIELDS.length, 0, false, new Map(), true, null, new Set());

function isEnvName(v: Value): v is RString {
  return v instanceof RString && v.s.length > 0 && !v.s.includes('=') && !v.s.includes('\0');
}

/** The time-zone abbreviation the local zone uses at `d` (UTC, CET, ...). */
function zoneName(d: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

/** seconds->date: fields of the instant in the local time zone or in UTC. */
function secondsToDate(secs: Value, local: boolean): StructInstance {
  if (!N.isReal(secs) || N.isNaN(secs as N.Num) || N.isInfinite(secs as N.Num)) return argError('seconds->date', 'real?', secs);
  const exact = N.toExact(secs as N.Num);
  const whole = N.floor(exact);
  const nanos = Number(N.floor(N.mul(N.sub(exact, whole), 1_000_000_000)));
  const ms = Number(whole) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) fail(exnFailUnsupportedT, `seconds->date: integer is out of range\n  integer: ${N.numberToString(whole)}`);
  const offsetMin = local ? -d.getTimezoneOffset() : 0;
  // The local fields are the UTC fields of the instant shifted by the zone's offset.
  const shifted = new Date(ms + offsetMin * 60_000);
  const yearStart = Date.UTC(shifted.getUTCFullYear(), 0, 1);
  const yearDay = Math.floor((Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - yearStart) / 86_400_000);
  const jan = new Date(shifted.getUTCFullYear(), 0, 1).getTimezoneOffset();
  const jul = new Date(shifted.getUTCFullYear(), 6, 1).getTimezoneOffset();
  const dst = local && d.getTimezoneOffset() < Math.max(jan, jul);
  return new StructInstance(dateStarT, [
    shifted.getUTCSeconds(),
    shifted.getUTCMinutes(),
    shifted.getUTCHours(),
    shifted.getUTCDate(),
    shifted.getUTCMonth() + 1,
    shifted.getUTCFullYear(),
    shifted.getUTCDay(),
    yearDay,
    dst,
    offsetMin * 60,
    nanos,
    new RString(local ? zoneName(d) : 'UTC', true),
  ]);
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
  t.fn('current-inexact-monotonic-milliseconds', 0, 0, function (this: Machine) {
    return new Flonum(this.rt.host.now());
  });

  t.fn('seconds->date', 1, 2, (secs: Value, local: Value = true) => secondsToDate(secs, local !== false));
  t.value('struct:date', dateT);
  t.value('struct:date*', dateStarT);
  for (const type of [dateT, dateStarT]) {
    const ctor = constructorOf(type);
    t.value(type.name, ctor);
    t.value(`make-${type.name}`, ctor);
    t.value(`${type.name}?`, predicateOf(type));
  }
  DATE_FIELDS.forEach((f, i) => t.value(`date-${f}`, accessorOf(dateT, i, `date-${f}`)));
  DATE_STAR_FIELDS.forEach((f, i) => t.value(`date*-${f}`, accessorOf(dateStarT, i, `date*-${f}`)));

  t.fn('equal-hash-code', 1, 1, (v: Value) => stringHash(encode(v)));
  t.fn('equal-secondary-hash-code', 1, 1, (v: Value) => stringHash('2' + encode(v)));
  t.fn('eq-hash-code', 1, 1, eqHashCode);
  t.fn('eqv-hash-code', 1, 1, eqvHashCode);

  t.internalFn('digest', 5, 5, function (this: Machine, who: Value, algorithm: Value, data: Value, start: Value, end: Value) {
    return digest(this, (who as Sym).name, (algorithm as Sym).name as 'sha1', data, start, end);
  });
}
