// Channels: make-channel, channel-get, channel-put and their events.

import { Block, NOT_READY } from '../eval/block.js';
import { argError } from '../errors/messages.js';
import { Channel, ChannelGetEvt, ChannelPutEvt } from '../thread/channel.js';
import { VoidResultEvt } from '../thread/evt.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

function checkChannel(who: string, v: Value): Channel {
  if (v instanceof Channel) return v;
  return argError(who, 'channel?', v);
}

export function installChannels(t: PrimTable): void {
  t.fn('make-channel', 0, 0, () => new Channel());
  t.fn('channel?', 1, 1, (v) => v instanceof Channel);
  t.blocking('channel-get', 1, 1, (c: Value) => new Block([new ChannelGetEvt(checkChannel('channel-get', c))]));
  t.fn('channel-try-get', 1, 1, (c: Value) => {
    const r = new ChannelGetEvt(checkChannel('channel-try-get', c)).poll();
    return r === NOT_READY ? false : r;
  });
  t.blocking('channel-put', 2, 2, (c: Value, v: Value) => {
    const evt = new ChannelPutEvt(checkChannel('channel-put', c), v);
    return new Block([new VoidResultEvt(evt)]);
  });
  t.fn('channel-put-evt?', 1, 1, (v: Value) => v instanceof ChannelPutEvt);
  t.fn('channel-put-evt', 2, 2, (c: Value, v: Value) => new ChannelPutEvt(checkChannel('channel-put-evt', c), v));
}
