// Chaperones of channels and events (The Racket Reference §14.5.1):
// chaperone-channel, impersonate-channel and chaperone-evt. A chaperoned
// channel runs its get procedure when a get starts (it gives the channel to
// get from and a procedure for the value got) and its put procedure on each
// value put; a chaperoned event runs its procedure when a sync starts (it
// gives the event to sync on and a procedure for the result).

import { NOT_READY, type Evt, type NotReady, SyncApply, type SyncResult, evtOf, raiseOnSync } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { argError, errorValueString, resultArityError } from '../errors/messages.js';
import { printString } from '../printer/print.js';
import { Channel, ChannelGetEvt } from '../thread/channel.js';
import { GuardEvt, asEvt } from '../thread/evt.js';
import { isChaperoneOf } from '../values/chaperone-of.js';
import { Impersonator, type Props } from '../values/impersonator.js';
import { customPrint } from '../values/printable.js';
import { MultipleValues, RString, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { callInterposition, parseProps } from './impersonators.js';
import { arityIncludes } from './procedures.js';

/**
 * `chaperone-channel`, `impersonate-channel`. Racket 8.7's impersonators of
 * channels count as chaperones (chaperone?, chaperone-of?) though their
 * results go unchecked: `checked` says which it was made as.
 */
export class ChannelImpersonator extends Impersonator {
  constructor(
    target: Value,
    readonly checked: boolean,
    props: Props,
    /** (channel) → (values channel (value → value)) */
    readonly get: Value,
    /** (channel value) → value */
    readonly put: Value,
  ) {
    super(target, true, props);
  }
  /** A chaperoned channel in a sync is a get through its procedures, started when the sync starts. */
  [evtOf](): Evt {
    const self = this;
    return new GuardEvt(
      new Primitive('channel-get', 0, 0, function (this: Machine) {
        return channelGetThrough(this, self);
      }),
    );
  }
  [customPrint](): string {
    return printString(this.target);
  }
}

/** `chaperone-evt`. */
export class EvtImpersonator extends Impersonator {
  constructor(
    target: Value,
    props: Props,
    /** (evt) → (values evt (result → result)) */
    readonly proc: Value,
  ) {
    super(target, true, props);
  }
  [evtOf](): Evt {
    const self = this;
    return new GuardEvt(
      new Primitive('sync', 0, 0, function (this: Machine) {
        return evtThrough(this, self);
      }),
    );
  }
  [customPrint](): string {
    return printString(this.target);
  }
}

function contractFail(message: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, message));
}

/** `who: non-chaperone result; ...`, as the channel and evt chaperones report it. */
function nonChaperoneMessage(who: string, original: Value, got: Value): string {
  return `${who}: non-chaperone result;\n received a value that is not a chaperone of the original value\n\n  value: ${errorValueString(original)}\n  non-chaperone value: ${errorValueString(got)}`;
}

/** Racket 8.7 reports a wrong number of results from these interpositions with this (its own internal) error. */
function adjustedStringFail(who: string): never {
  contractFail(
    `error-message->adjusted-string: contract violation\n  expected: (or/c symbol? #f)\n  given: ${errorValueString(new RString(who, true))}`,
  );
}

/** The two results of a get or evt procedure: the value to use instead, checked, and the procedure for the result. */
function redirect(m: Machine, ctor: string, label: string, w: Impersonator, checked: boolean, proc: Value): [Value, Value] {
  const r = callInterposition(m, proc, [w.target]);
  if (r.length !== 2) adjustedStringFail(label);
  const [replacement, post] = r;
  if (checked && !isChaperoneOf(replacement, w.target, false)) contractFail(nonChaperoneMessage(label, w.target, replacement));
  if (!isProcedure(post) || !arityIncludes(post, 1))
    contractFail(`${ctor}: contract violation\n  expected: (procedure-arity-includes/c 1)\n  result: ${errorValueString(post)}`);
  return [replacement, post];
}

/** The result of `inner` passed through `post`, and checked when `chaperone`. */
class PostEvt implements Evt {
  constructor(
    readonly inner: Evt,
    readonly post: Value,
    readonly chaperone: boolean,
    readonly label: string,
    /** A wrong result count from `post`: the evt chaperone's odd error, or a result arity error. */
    readonly strictCount: boolean,
  ) {}
  poll(m: Machine): SyncResult | NotReady {
    const r = this.inner.poll(m);
    if (r === NOT_READY) return NOT_READY;
    return andThen(r, (v) => new SyncApply(this.post, v instanceof MultipleValues ? v.vals : [v], (got) => this.check(v, got)));
  }
  private check(original: Value, got: Value): SyncResult {
    try {
      if (got instanceof MultipleValues && !(original instanceof MultipleValues)) {
        if (this.strictCount) adjustedStringFail(this.label);
        resultArityError(1, got.vals.length);
      }
      if (this.chaperone && !isChaperoneOf(got, original, false)) contractFail(nonChaperoneMessage(this.label, original, got));
      return got;
    } catch (e) {
      if (e instanceof RacketThrow) return raiseOnSync(e.value);
      throw e;
    }
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.inner.subscribe(m, wake);
  }
  committed(m: Machine): boolean {
    return this.inner.committed?.(m) ?? false;
  }
}

function andThen(r: SyncResult, next: (v: Value) => SyncResult): SyncResult {
  if (r instanceof SyncApply) return new SyncApply(r.proc, r.args, (v) => (r.then ? andThen(r.then(v), next) : next(v)));
  return next(r);
}

/** The event of a get from `c` (a channel or a chaperoned one), running the get procedures now. */
export function channelGetThrough(m: Machine, c: Value): Evt {
  if (!(c instanceof ChannelImpersonator)) return new ChannelGetEvt(c as Channel);
  const ctor = c.checked ? 'chaperone-channel' : 'impersonate-channel';
  const [inner, post] = redirect(m, ctor, 'channel chaperone', c, c.checked, c.get);
  if (!isChannelLike(inner)) contractFail(`${ctor}: contract violation\n  expected: channel?\n  result: ${errorValueString(inner)}`);
  return new PostEvt(channelGetThrough(m, inner), post, c.checked, 'channel chaperone', false);
}

/** The value a put to `c` puts on the channel under it, through the put procedures; and that channel. */
export function channelPutThrough(m: Machine, c: Value, v: Value): [Channel, Value] {
  while (c instanceof ChannelImpersonator) {
    const r = callInterposition(m, c.put, [c.target, v]);
    if (r.length !== 1) resultArityError(1, r.length);
    if (c.checked && !isChaperoneOf(r[0], v, false)) contractFail(nonChaperoneMessage('channel chaperone', v, r[0]));
    v = r[0];
    c = c.target;
  }
  return [c as Channel, v];
}

function evtThrough(m: Machine, e: EvtImpersonator): Evt {
  const [replacement, post] = redirect(m, 'chaperone-evt', 'evt chaperone', e, true, e.proc);
  const inner = asEvt(replacement);
  if (inner === null) return argError('chaperone-evt', 'evt?', replacement);
  return new PostEvt(inner, post, true, 'evt chaperone', true);
}

export function isChannelLike(v: Value): boolean {
  return v instanceof Channel || v instanceof ChannelImpersonator;
}

export function makeChannelImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [c, get, put, ...rest] = a;
  if (!isChannelLike(c)) return argError(who, 'channel?', c);
  if (!isProcedure(get) || !arityIncludes(get, 1)) return argError(who, '(procedure-arity-includes/c 1)', get);
  if (!isProcedure(put) || !arityIncludes(put, 2)) return argError(who, '(procedure-arity-includes/c 2)', put);
  return new ChannelImpersonator(c, chaperone, parseProps(who, rest), get, put);
}

export function makeEvtImpersonator(a: Value[]): Value {
  const [e, proc, ...rest] = a;
  if (asEvt(e) === null) return argError('chaperone-evt', 'evt?', e);
  // Racket 8.7 reports a bad procedure through a misapplied raise-argument-error.
  if (!isProcedure(proc) || !arityIncludes(proc, 1)) return argError('raise-argument-error', 'symbol?', proc);
  return new EvtImpersonator(e, parseProps('chaperone-evt', rest), proc);
}
