// Channels: make-channel, channel-get, channel-put and their events.

import { Block, NOT_READY, SyncApply } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import {
  ChannelImpersonator,
  channelGetThrough,
  channelPutThrough,
  isChannelLike,
  makeChannelImpersonator,
  makeEvtImpersonator,
} from './evt-impersonators.js';
import { argError } from '../errors/messages.js';
import { Channel, ChannelGetEvt, ChannelPutEvt } from '../thread/channel.js';
import { VoidResultEvt } from '../thread/evt.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

function checkChannel(who: string, v: Value): Channel | ChannelImpersonator {
  if (v instanceof Channel || v instanceof ChannelImpersonator) return v;
  return argError(who, 'channel?', v);
}

export function installChannels(t: PrimTable): void {
  t.fn('make-channel', 0, 0, () => new Channel());
  t.fn('channel?', 1, 1, (v) => isChannelLike(v));
  t.blocking('channel-get', 1, 1, function (this: Machine, c: Value) {
    return new Block([channelGetThrough(this, checkChannel('channel-get', c))]);
  });
  t.fn('channel-try-get', 1, 1, function (this: Machine, c: Value) {
    checkChannel('channel-try-get', c);
    if (c instanceof ChannelImpersonator) return tryGetThrough(this, c);
    const r = new ChannelGetEvt(c as Channel).poll();
    return r === NOT_READY ? false : r;
  });
  t.blocking('channel-put', 2, 2, function (this: Machine, c: Value, v: Value) {
    const evt = new ChannelPutEvt(...channelPutThrough(this, checkChannel('channel-put', c), v));
    return new Block([new VoidResultEvt(evt)]);
  });
  t.fn('channel-put-evt?', 1, 1, (v: Value) => v instanceof ChannelPutEvt);
  t.fn('channel-put-evt', 2, 2, function (this: Machine, c: Value, v: Value) {
    return new ChannelPutEvt(...channelPutThrough(this, checkChannel('channel-put-evt', c), v));
  });
  t.fn('chaperone-channel', 3, -1, (...a: Value[]) => makeChannelImpersonator('chaperone-channel', true, a));
  t.fn('impersonate-channel', 3, -1, (...a: Value[]) => makeChannelImpersonator('impersonate-channel', false, a));
  t.fn('chaperone-evt', 2, -1, (...a: Value[]) => makeEvtImpersonator(a));
}

/** channel-try-get through the get procedures: the value got (through the result procedures), or #f. */
function tryGetThrough(m: Machine, c: ChannelImpersonator): Value {
  const evt = channelGetThrough(m, c);
  let r = evt.poll(m);
  if (r === NOT_READY) return false;
  while (r instanceof SyncApply) {
    const got: Value = applyNested(m, r.proc, r.args);
    r = r.then === null ? got : r.then(got);
  }
  return r;
}
