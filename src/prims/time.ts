// Time: the clocks (current-seconds, current-inexact-milliseconds, ...),
// seconds->date with the date and date* structs, and what the `time` form
// calls.

import { Frame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { exnFailUnsupportedT, fail } from '../errors/exn.js';
import type { OutputPort } from '../io/output-port.js';
import * as N from '../values/numbers.js';
import { StructInstance, StructType } from '../values/struct.js';
import { Flonum, RString, type Value } from '../values/types.js';
import { accessorOf, constructorOf, predicateOf } from './structs.js';
import type { PrimTable } from './table.js';
import { currentOutputPort } from './ports.js';

/** Seconds as a JS number, from any real. */
export function seconds(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.n;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

const DATE_FIELDS = ['second', 'minute', 'hour', 'day', 'month', 'year', 'week-day', 'year-day', 'dst?', 'time-zone-offset'];
const DATE_STAR_FIELDS = ['nanosecond', 'time-zone-name'];
const dateT = new StructType('date', null, DATE_FIELDS.length, 0, false, new Map(), true, null, new Set());
const dateStarT = new StructType('date*', dateT, DATE_STAR_FIELDS.length, 0, false, new Map(), true, null, new Set());

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
  if (Number.isNaN(d.getTime())) fail(exnFailUnsupportedT, `seconds->date: integer is out-of-range\n  integer: ${N.numberToString(whole)}`);
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

class TimeFrame extends Frame {
  constructor(
    readonly startReal: number,
    readonly startCpu: number,
  ) {
    super();
  }
  resume(m: Machine): void {
    const real = Math.round(m.rt.host.now() - this.startReal);
    const cpu = Math.round(m.rt.host.cpuMs() - this.startCpu);
    (m.paramValue(currentOutputPort) as OutputPort).write(`cpu time: ${cpu} real time: ${real} gc time: 0\n`);
  }
}

export function installTime(t: PrimTable): void {
  t.fn('current-inexact-milliseconds', 0, 0, function (this: Machine) {
    return new Flonum(this.rt.epochMs());
  });
  t.fn('current-milliseconds', 0, 0, function (this: Machine) {
    return Math.floor(this.rt.epochMs());
  });
  t.fn('current-seconds', 0, 0, function (this: Machine) {
    return Math.floor(this.rt.epochMs() / 1000);
  });
  t.fn('current-process-milliseconds', 0, 1, function (this: Machine) {
    return Math.floor(this.rt.host.cpuMs());
  });
  t.fn('current-gc-milliseconds', 0, 0, () => 0);
  t.fn('current-inexact-monotonic-milliseconds', 0, 0, function (this: Machine) {
    return new Flonum(this.rt.host.now());
  });

  t.internal(
    'time-apply/print',
    new MachinePrimitive('time', 1, 1, (m, a) => {
      m.stack.push(new TimeFrame(m.rt.host.now(), m.rt.host.cpuMs()));
      m.applyArray(a[1], []);
    }),
  );
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
}
