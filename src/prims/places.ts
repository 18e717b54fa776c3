// racket/place (The Racket Reference §11.5): place channels, places and
// their events. A place is a runtime of its own on a worker thread of this
// process (host.places; host/node-places.ts over node:worker_threads), so
// places run in parallel and share nothing: every message is copied
// (prims/place-messages.ts). A place channel is a pair of inboxes; the end
// that stands for a place, and the place's end for its creator, send
// through the host instead. The `place` forms are macros/place-forms.ts.

import { Block, NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { RacketThrow, exnFailT, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { argError, argumentsError } from '../errors/messages.js';
import type { HostPlace, HostPlaces } from '../host/host.js';
import { Semaphore } from '../thread/semaphore.js';
import { RPath } from '../values/path.js';
import { StructInstance, StructProperty } from '../values/struct.js';
import { customPrint } from '../values/printable.js';
import { MultipleValues, RString, type RVector, Sym, VOID, listToArray, type Value } from '../values/types.js';
import { decodeMessage, encodeMessage, messageAllowed } from './place-messages.js';
import { completeText } from './paths.js';
import { currentErrorPort, currentOutputPort } from './ports.js';
import { forwardInput } from './subprocess.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { encodeUtf8 } from '../values/utf8.js';
import type { PrimTable } from './table.js';

/** The messages an end has received and not yet given out. */
class Inbox {
  readonly queue: Value[] = [];
  readonly waiters = new Set<() => void>();
  push(v: Value): void {
    this.queue.push(v);
    for (const w of [...this.waiters]) w();
  }
}

/** Delivers a message tree to the other end of a channel, with the place channels it refers to. */
type Send = (tree: unknown, channels: Value[]) => void;

/**
 * One end of a place channel: it receives from its inbox and sends with
 * `send`. A local end's other end is `peer`, in this place; an end that
 * talks to another place sends through the host (`local` false), and then
 * the channels in a message move as host links.
 */
export class PlaceChannel implements Evt {
  peer: PlaceChannel | null = null;
  /** The host link this end sends and receives through, once it (or its peer) has gone to another place. */
  link: unknown = null;
  constructor(
    readonly inbox: Inbox,
    public send: Send,
    public local: boolean,
  ) {}
  poll(): SyncResult | NotReady {
    return this.inbox.queue.length > 0 ? this.inbox.queue.shift() : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.inbox.waiters.add(wake);
    return () => this.inbox.waiters.delete(wake);
  }
  [customPrint](): string {
    return '#<place-channel>';
  }
}

/** A place, as its creator sees it: a place channel to it, and its exit code once it has ended. */
export class Place extends PlaceChannel {
  code: number | null = null;
  killed = false;
  readonly dead = new Semaphore(0);
  handle: HostPlace | null = null;
  override [customPrint](): string {
    return '#<place>';
  }
}

/** Ready once the place has ended; its result is the event itself. */
class PlaceDeadEvt implements Evt {
  constructor(readonly place: Place) {}
  poll(): SyncResult | NotReady {
    return this.place.code === null ? NOT_READY : this;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.place.dead.subscribe(m, wake);
  }
  [customPrint](): string {
    return '#<place-dead-evt>';
  }
}

/** Two connected ends within one place. */
function channelPair(): [PlaceChannel, PlaceChannel] {
  const a = new Inbox();
  const b = new Inbox();
  const deliver = (to: Inbox) => (tree: unknown, channels: Value[]) => to.push(decodeMessage(tree, channels));
  const ends: [PlaceChannel, PlaceChannel] = [new PlaceChannel(a, deliver(b), true), new PlaceChannel(b, deliver(a), true)];
  ends[0].peer = ends[1];
  ends[1].peer = ends[0];
  return ends;
}

/** A message as it crosses to another place: its tree and the links of the channels it carries. */
interface Crossing {
  readonly k: 'msg';
  readonly m: unknown;
  readonly links: unknown[];
}

/**
 * The host link that stands for `ch` in a message to another place. A
 * local end is moved: its peer now talks to it through a new pair of
 * links, and what the peer had sent it and it had not yet received goes
 * first.
 */
function exportChannel(who: string, host: HostPlaces, ch: PlaceChannel): unknown {
  if (ch instanceof Place || (ch.link === null && ch.peer === null))
    throw new RacketThrow(makeExn(exnFailUnsupportedT, `${who}: rkt cannot send this place channel to another place`));
  // Racket's ends can be shared by places; rkt's move: the end is of no more use here.
  const moved: Send = () => {
    throw new RacketThrow(
      makeExn(exnFailUnsupportedT, `${who}: this place channel end was sent to another place, and rkt cannot share it`),
    );
  };
  const link = ch.link;
  if (link !== null) {
    ch.link = null;
    ch.local = true;
    ch.send = moved;
    return link;
  }
  const peer = ch.peer as PlaceChannel;
  ch.peer = null;
  ch.send = moved;
  const [mine, theirs] = host.link();
  attachLink(host, peer, mine);
  for (const v of ch.inbox.queue.splice(0)) sendThrough(who, host, peer, v);
  return theirs;
}

/** Makes `ch` send and receive through the host link `link`. */
function attachLink(host: HostPlaces, ch: PlaceChannel, link: unknown): void {
  ch.local = false;
  ch.peer = null;
  ch.link = link;
  ch.send = (tree, links) => host.postLink(link, { k: 'msg', m: tree, links } satisfies Crossing, links);
  host.listen(link, (msg) => receive(host, ch.inbox, msg));
}

/** A crossing message into `inbox`, its links made into channels of this place. */
function receive(host: HostPlaces, inbox: Inbox, msg: unknown): void {
  const c = msg as Crossing;
  if (c.k !== 'msg') return;
  const channels = (c.links ?? []).map((link) => {
    const ch = new PlaceChannel(new Inbox(), () => {}, false);
    attachLink(host, ch, link);
    return ch;
  });
  inbox.push(decodeMessage(c.m, channels));
}

/** Sends `v` (already allowed) from `ch`, an end that talks to another place. */
function sendThrough(who: string, host: HostPlaces, ch: PlaceChannel, v: Value): void {
  const channels: Value[] = [];
  const tree = encodeMessage(v, { isChannel, channels });
  ch.send(
    tree,
    channels.map((c) => exportChannel(who, host, c as PlaceChannel)),
  );
}

const isChannel = (v: Value) => v instanceof PlaceChannel;

function channelArg(who: string, v: Value): PlaceChannel {
  return v instanceof PlaceChannel ? v : argError(who, 'place-channel?', v);
}

function put(m: Machine, who: string, ch: PlaceChannel, v: Value): void {
  if (!messageAllowed(v, isChannel)) argError(who, 'place-message-allowed?', v);
  const host = m.rt.host.places;
  if (!ch.local && host !== undefined) return sendThrough(who, host, ch, v);
  const channels: Value[] = [];
  const tree = encodeMessage(v, { isChannel, channels });
  ch.send(tree, channels);
}

/** Place bodies of the `place` form, by the form's key, per runtime: a place calls the one it was started for. */
const placeBodies = new WeakMap<object, Map<string, Value>>();

export function placeBody(rt: object, key: string): Value | undefined {
  return placeBodies.get(rt)?.get(key);
}

/** The end a place's start procedure receives: messages from and to its creator, through the host. */
export function parentChannel(host: HostPlaces, onBreak: () => void): PlaceChannel {
  const parent = host.parent as NonNullable<HostPlaces['parent']>;
  const inbox = new Inbox();
  parent.onMessage((m) => {
    if ((m as { k: string }).k === 'break') onBreak();
    else receive(host, inbox, m);
  });
  return new PlaceChannel(inbox, (tree, links) => parent.post({ k: 'msg', m: tree, links } satisfies Crossing, links), false);
}

/** A module path dynamic-place accepts, as the file it names. */
function moduleFile(m: Machine, who: string, v: Value): string {
  if (v instanceof RPath) return completeText(m, v.path);
  if (v instanceof RString && v.s.length > 0) return completeText(m, v.s);
  return argError(who, '(or/c module-path? path?)', v);
}

/** A place's standard ports as its creator gives them: a port, or #f for a pipe made for it ('stdout': errors to its output). */
interface PlacePorts {
  readonly in: InputPort | false;
  readonly out: OutputPort | false;
  readonly err: OutputPort | false | 'stdout';
}

/** The place ports of place* and dynamic-place*, checked as Racket checks them. */
function placePorts(who: string, inp: Value, out: Value, err: Value): PlacePorts {
  if (!(inp === false || inp instanceof InputPort)) argError(who, '(or/c input-port? #f)', inp);
  if (!(out === false || out instanceof OutputPort)) argError(who, '(or/c output-port? #f)', out);
  if (!(err === false || err instanceof OutputPort || (err instanceof Sym && err.name === 'stdout')))
    argError(who, "(or/c output-port? #f 'stdout)", err);
  return { in: inp, out, err: err instanceof Sym ? 'stdout' : err } as PlacePorts;
}

/**
 * Starts a place; returns it with the pipe ends made for the ports given
 * as #f: a port to write its standard input, and ports to read its output
 * and errors.
 */
function startPlace(m: Machine, who: string, file: string, start: string, ports: PlacePorts): [Place, Value, Value, Value] {
  const host = m.rt.host.places;
  if (host === undefined) throw new RacketThrow(makeExn(exnFailUnsupportedT, `${who}: places are not available in this runtime`));
  const outPipe = ports.out === false ? InputPort.pipe('place-out') : null;
  const errPipe = ports.err === false ? InputPort.pipe('place-err') : null;
  const target = (pipe: InputPort | null, given: OutputPort | false | 'stdout') => (chunk: Uint8Array) => {
    if (pipe !== null) pipe.feed(chunk);
    else if (given === 'stdout') target(outPipe, ports.out)(chunk);
    else if (given !== false) {
      // After what the creator has written to the port so far, as Racket's pump writes it.
      given.writeBytes(chunk);
      given.flush();
    }
  };
  const inbox = new Inbox();
  let handle: HostPlace | null = null;
  const place = new Place(inbox, (tree, links) => handle?.post({ k: 'msg', m: tree, links } satisfies Crossing, links), false);
  handle = host.start({
    module: file,
    start,
    onMessage: (msg) => receive(host, inbox, msg),
    onStdout: target(outPipe, ports.out),
    onStderr: target(errPipe, ports.err),
    onExit: (code) => {
      outPipe?.finish();
      errPipe?.finish();
      // A killed place ends with 1, as in Racket.
      place.code = place.killed ? 1 : code;
      place.dead.post();
    },
  });
  place.handle = handle;
  const started = handle;
  let stdin: OutputPort | null = null;
  if (ports.in === false) {
    stdin = new OutputPort('place-in', (data) => started.writeStdin(typeof data === 'string' ? encodeUtf8(data) : data));
    stdin.onClose = () => started.endStdin();
  } else forwardInput(ports.in, started);
  for (const p of [stdin, outPipe, errPipe]) if (p !== null) p.fileStream = true;
  return [place, stdin ?? false, outPipe ?? false, errPipe ?? false];
}

/** place and dynamic-place: the place's output goes to the creator's current ports, and its input is empty. */
function startSimplePlace(m: Machine, who: string, file: string, start: string): Place {
  const ports = {
    in: false,
    out: m.paramValue(currentOutputPort) as OutputPort,
    err: m.paramValue(currentErrorPort) as OutputPort,
  } as const;
  const [place, stdin] = startPlace(m, who, file, start, ports);
  (stdin as OutputPort).close();
  return place;
}

/** Racket's distributed places make locations with it; rkt has none of its own. */
const propPlaceLocation = new StructProperty('prop:place-location');

export function installPlaces(t: PrimTable): void {
  t.in('racket/place', () => {
    t.value('prop:place-location', propPlaceLocation);
    t.fn('place-location?', 1, 1, (v) => v instanceof StructInstance && v.type.prop(propPlaceLocation) !== undefined);
    t.fn('processor-count', 0, 0, function (this: Machine) {
      return this.rt.host.processorCount?.() ?? 1;
    });
    t.fn('place-enabled?', 0, 0, function (this: Machine) {
      return this.rt.host.places !== undefined;
    });
    t.fn('place?', 1, 1, (v) => v instanceof Place);
    t.fn('place-channel?', 1, 1, (v) => v instanceof PlaceChannel);
    t.fn('place-message-allowed?', 1, 1, (v) => messageAllowed(v, isChannel));
    t.valuesFn('place-channel', 0, 0, () => new MultipleValues(channelPair()));
    t.fn('place-channel-put', 2, 2, function (this: Machine, ch: Value, v: Value) {
      put(this, 'place-channel-put', channelArg('place-channel-put', ch), v);
      return VOID;
    });
    t.blocking('place-channel-get', 1, 1, (ch: Value) => {
      const c = channelArg('place-channel-get', ch);
      return c.inbox.queue.length > 0 ? c.inbox.queue.shift() : new Block([c]);
    });
    t.blocking('place-channel-put/get', 2, 2, function (this: Machine, ch: Value, v: Value) {
      // Racket's put/get is a put then a get, and names them in its errors.
      const c = channelArg('place-channel-put', ch);
      put(this, 'place-channel-put', c, v);
      return c.inbox.queue.length > 0 ? c.inbox.queue.shift() : new Block([c]);
    });
    const placeArg = (who: string, v: Value): Place => (v instanceof Place ? v : argError(who, 'place?', v));
    t.blocking('place-wait', 1, 1, (p: Value) => {
      const place = placeArg('place-wait', p);
      if (place.code !== null) return place.code;
      return new Block([new PlaceCodeEvt(place)]);
    });
    t.fn('place-dead-evt', 1, 1, (p: Value) => new PlaceDeadEvt(placeArg('place-dead-evt', p)));
    t.blocking('place-kill', 1, 1, (p: Value) => {
      const place = placeArg('place-kill', p);
      if (place.code !== null) return VOID;
      place.killed = true;
      place.handle?.kill();
      return new Block([new VoidOnDeath(place)]);
    });
    t.fn('place-break', 1, 2, (p: Value, kind: Value = false) => {
      const place = placeArg('place-break', p);
      if (!(kind === false || (kind instanceof Sym && (kind.name === 'hang-up' || kind.name === 'terminate'))))
        return argError('place-break', "(or/c #f 'hang-up 'terminate)", kind, 1, [p, kind]);
      place.handle?.post({ k: 'break', kind: kind === false ? null : (kind as Sym).name });
      return VOID;
    });
    t.fn('dynamic-place', 2, 2, function (this: Machine, mod: Value, start: Value) {
      const file = moduleFile(this, 'dynamic-place', mod);
      if (!(start instanceof Sym)) return argError('dynamic-place', 'symbol?', start, 1, [mod, start]);
      return startSimplePlace(this, 'dynamic-place', file, start.name);
    });
  });
  // The place form: `(%place-register! key body)` runs in every instance of
  // the enclosing module; `(%start-place-body who file key)` starts a place
  // that calls the body registered under `key`.
  t.internalFn('place-register!', 2, 2, function (this: Machine, key: Value, body: Value) {
    let bodies = placeBodies.get(this.rt);
    if (bodies === undefined) placeBodies.set(this.rt, (bodies = new Map()));
    bodies.set((key as RString).s, body);
    return VOID;
  });
  // place/context: checks and sends the free variables' values, and returns the place.
  t.internalFn('place-context-send', 3, 3, function (this: Machine, p: Value, values: Value, names: Value) {
    const vals = (values as RVector).items;
    const ns = listToArray(names) as Sym[];
    vals.forEach((v, i) => {
      if (!messageAllowed(v, isChannel))
        argumentsError('place/context', 'free variable values must be allowable as place messages', [ns[i].name, v]);
    });
    put(this, 'place/context', p as Place, values);
    return p;
  });
  t.internalFn('start-place-body', 3, 3, function (this: Machine, who: Value, file: Value, key: Value) {
    const name = (who as Sym).name;
    const path = file instanceof RPath ? file.path : file instanceof RString ? file.s : null;
    if (path === null)
      throw new RacketThrow(makeExn(exnFailT, `${name}: the enclosing module's resolved name is not a path or predefined`));
    return startSimplePlace(this, name, path, `#%place-body:${(key as RString).s}`);
  });
  // place* and dynamic-place* (the keyword procedure is lib/places.rkt): four results.
  t.internalFn('start-place*', 6, 6, function (this: Machine, who: Value, file: Value, start: Value, inp: Value, out: Value, err: Value) {
    const name = (who as Sym).name;
    const path =
      start instanceof RString
        ? file instanceof RPath
          ? file.path
          : file instanceof RString
            ? file.s
            : null
        : moduleFile(this, name, file);
    if (path === null)
      throw new RacketThrow(makeExn(exnFailT, `${name}: the enclosing module's resolved name is not a path or predefined`));
    if (!(start instanceof Sym || start instanceof RString)) return argError(name, 'symbol?', start, 1, [file, start]);
    const ports = placePorts(name, inp, out, err);
    const startName = start instanceof Sym ? start.name : `#%place-body:${start.s}`;
    return new MultipleValues(startPlace(this, name, path, startName, ports));
  });
}

/** place-wait's event: the exit code once the place has ended. */
class PlaceCodeEvt implements Evt {
  constructor(readonly place: Place) {}
  poll(): SyncResult | NotReady {
    return this.place.code === null ? NOT_READY : this.place.code;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.place.dead.subscribe(m, wake);
  }
}

class VoidOnDeath extends PlaceCodeEvt {
  override poll(): SyncResult | NotReady {
    return this.place.code === null ? NOT_READY : VOID;
  }
}
