// Logging (The Racket Reference §15.5): loggers in a tree, log receivers as
// events, log-message and log-level?, and the root logger's stderr output
// at the level PLTSTDERR names (error by default).

import { NOT_READY, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { Parameter } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { customPrint } from '../values/printable.js';
import { RString, RVector, Sym, VOID, listFromArray, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const LEVELS = ['none', 'fatal', 'error', 'warning', 'info', 'debug'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_CONTRACT = "(or/c 'none 'fatal 'error 'warning 'info 'debug)";

function levelRank(l: Level): number {
  return LEVELS.indexOf(l);
}

function checkLevel(who: string, v: Value): Level {
  if (v instanceof Sym && (LEVELS as readonly string[]).includes(v.name)) return v.name as Level;
  return argError(who, LEVEL_CONTRACT, v);
}

/**
 * What a receiver wants: messages up to a level, for a topic or (topic
 * null) by default. For a message's topic, the last pair naming that topic
 * decides, else the last default pair.
 */
type Filter = readonly { readonly level: Level; readonly topic: string | null }[];

function levelFor(filter: Filter, topic: string | null): Level {
  let byDefault: Level = 'none';
  let byTopic: Level | null = null;
  for (const f of filter) {
    if (f.topic === null) byDefault = f.level;
    else if (f.topic === topic) byTopic = f.level;
  }
  return byTopic ?? byDefault;
}

function wants(filter: Filter, level: Level, topic: string | null): boolean {
  return levelRank(level) <= levelRank(levelFor(filter, topic));
}

/** A receiver's interest: the level it wants for `topic`, or (undefined) its most detailed level for any topic. */
function maxLevel(filter: Filter, topic: string | null | undefined): Level {
  if (topic !== undefined) return levelFor(filter, topic);
  return filter.reduce<Level>((best, f) => (levelRank(f.level) > levelRank(best) ? f.level : best), 'none');
}

interface Sink {
  readonly filter: Filter;
  deliver(level: Level, text: string, data: Value, topic: string | null): void;
}

export class Logger {
  readonly sinks: Sink[] = [];
  /** Receivers made for this logger so far (log-level-evt watches them change). */
  receiversMade = 0;
  constructor(
    readonly name: string | null,
    readonly parent: Logger | null,
  ) {}
  [customPrint](): string {
    return '#<logger>';
  }

  /** Every sink that hears this logger: its own and its ancestors'. */
  *reach(): Generator<Sink> {
    for (let l: Logger | null = this; l !== null; l = l.parent) yield* l.sinks;
  }
}

/** Threads waiting on a log-level-evt: woken whenever a receiver is made. */
const levelWaiters = new Set<() => void>();

/** Receivers made for `l` and its ancestors: what `log-level?` of `l` depends on. */
function levelEpoch(l: Logger): number {
  let n = 0;
  for (let x: Logger | null = l; x !== null; x = x.parent) n += x.receiversMade;
  return n;
}

/** `log-level-evt`: ready, for good and with itself as the result, once the levels `l` logs at may have changed. */
class LogLevelEvt {
  private readonly epoch: number;
  constructor(readonly logger: Logger) {
    this.epoch = levelEpoch(logger);
  }
  poll(): SyncResult | NotReady {
    return levelEpoch(this.logger) !== this.epoch ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    levelWaiters.add(wake);
    return () => levelWaiters.delete(wake);
  }
  [customPrint](): string {
    // Racket 8.7 makes it from a semaphore.
    return '#<semaphore-peek-evt>';
  }
}

/** `make-log-receiver`: an event whose result is each message, `#(level text data topic)`, in turn. */
export class LogReceiver implements Sink {
  private readonly queue: Value[] = [];
  private readonly waiters = new Set<() => void>();
  constructor(readonly filter: Filter) {}
  [customPrint](): string {
    return '#<log-receiver>';
  }
  deliver(level: Level, text: string, data: Value, topic: string | null): void {
    this.queue.push(new RVector([sym(level), new RString(text, true), data, topic === null ? false : sym(topic)], true));
    for (const w of [...this.waiters]) w();
  }
  poll(): SyncResult | NotReady {
    return this.queue.length > 0 ? this.queue.shift()! : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

/** The root logger's output to the error port, as Racket's default log handler writes it. */
class StderrSink implements Sink {
  constructor(
    readonly filter: Filter,
    private readonly port: () => OutputPort,
  ) {}
  deliver(_level: Level, text: string): void {
    const p = this.port();
    p.write(`${text}\n`);
    p.flush?.();
  }
}

/** PLTSTDERR's filter: `level` and `level@topic` words, e.g. "error debug@app". */
export function parseLogSpec(spec: string | undefined, otherwise: Level = 'error'): Filter {
  const out: { level: Level; topic: string | null }[] = [];
  for (const word of (spec ?? otherwise).split(/\s+/).filter((w) => w !== '')) {
    const [level, topic] = word.split('@');
    if ((LEVELS as readonly string[]).includes(level)) out.push({ level: level as Level, topic: topic ?? null });
  }
  return out.length > 0 ? out : [{ level: otherwise, topic: null }];
}

/** A runtime's root logger, which writes what each filter admits to its port (stderr; stdout, by PLTSTDOUT or -O). */
export function rootLogger(sinks: readonly { filter: Filter; port: () => OutputPort }[]): Logger {
  const root = new Logger(null, null);
  for (const { filter, port } of sinks) root.sinks.push(new StderrSink(filter, port));
  return root;
}

export const currentLogger = new Parameter(new Logger(null, null), false, 'current-logger');

function checkLogger(who: string, v: Value): Logger {
  return v instanceof Logger ? v : argError(who, 'logger?', v);
}

function topicOf(v: Value): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === false) return null;
  return v instanceof Sym ? v.name : undefined;
}

/** Sends a message to every receiver that hears `logger` and wants it. */
export function logMessage(logger: Logger, level: Level, topic: string | null, message: string, data: Value, prefix = true): void {
  const text = topic === null || !prefix ? message : `${topic}: ${message}`;
  for (const s of logger.reach()) if (wants(s.filter, level, topic)) s.deliver(level, text, data, topic);
}

function levelEnabled(logger: Logger, level: Level, topic: string | null | undefined): boolean {
  for (const s of logger.reach()) if (levelRank(level) <= levelRank(maxLevel(s.filter, topic))) return true;
  return false;
}

export function installLogging(t: PrimTable): void {
  t.value('current-logger', currentLogger);
  t.fn('logger?', 1, 1, (v) => v instanceof Logger);
  t.fn('log-receiver?', 1, 1, (v) => v instanceof LogReceiver);
  t.fn('make-logger', 0, -1, (name: Value = false, parent: Value = false) => {
    if (name !== false && !(name instanceof Sym)) return argError('make-logger', '(or/c symbol? #f)', name);
    if (parent !== false && !(parent instanceof Logger)) return argError('make-logger', '(or/c logger? #f)', parent);
    return new Logger(name === false ? null : name.name, parent === false ? null : parent);
  });
  t.fn('logger-name', 1, 1, (l: Value) => {
    const n = checkLogger('logger-name', l).name;
    return n === null ? false : sym(n);
  });
  t.fn('log-level-evt', 1, 1, (l: Value) => new LogLevelEvt(checkLogger('log-level-evt', l)));
  t.fn('make-log-receiver', 2, -1, (l: Value, ...spec: Value[]) => {
    const logger = checkLogger('make-log-receiver', l);
    const filter: { level: Level; topic: string | null }[] = [];
    for (let i = 0; i < spec.length; i += 2) {
      const topic = spec[i + 1];
      if (topic !== undefined && topic !== false && !(topic instanceof Sym))
        return argError('make-log-receiver', '(or/c symbol? #f)', topic);
      filter.push({ level: checkLevel('make-log-receiver', spec[i]), topic: topic instanceof Sym ? topic.name : null });
    }
    const r = new LogReceiver(filter);
    logger.sinks.push(r);
    logger.receiversMade++;
    for (const w of [...levelWaiters]) w();
    return r;
  });
  // (log-message logger level [topic] message data [prefix?])
  // (log-message logger level [topic] message [data prefix-message?]): a first argument that is no string is the topic.
  t.fn('log-message', 3, 6, (l: Value, lv: Value, ...rest: Value[]) => {
    const logger = checkLogger('log-message', l);
    const level = checkLevel('log-message', lv);
    const topicGiven = rest.length === 4 || (rest.length >= 2 && !(rest[0] instanceof RString));
    const defaultTopic = logger.name === null ? false : sym(logger.name);
    const [topicV, msg, data = false, prefix = true] = topicGiven ? rest : [defaultTopic, ...rest];
    if (topicGiven && topicV !== false && !(topicV instanceof Sym)) return argError('log-message', '(or/c string? symbol?)', topicV);
    if (!(msg instanceof RString)) return argError('log-message', 'string?', msg);
    const topic = topicOf(topicV);
    if (topic === undefined) return argError('log-message', '(or/c symbol? #f)', topicV);
    logMessage(logger, level, topic, msg.s, data, prefix !== false);
    return VOID;
  });
  t.fn('log-level?', 2, 3, (l: Value, lv: Value, topic?: Value) => {
    const logger = checkLogger('log-level?', l);
    return levelEnabled(logger, checkLevel('log-level?', lv), topicOf(topic ?? (logger.name === null ? false : sym(logger.name))));
  });
  t.fn('log-max-level', 1, 2, (l: Value, topic?: Value) => {
    const logger = checkLogger('log-max-level', l);
    const tp = topicOf(topic ?? (logger.name === null ? false : sym(logger.name)));
    let best: Level = 'none';
    for (const s of logger.reach()) {
      const m = maxLevel(s.filter, tp);
      if (levelRank(m) > levelRank(best)) best = m;
    }
    return best === 'none' ? false : sym(best);
  });
  // The most detailed level wanted for any topic, then for each topic named by a receiver.
  t.fn('log-all-levels', 1, 1, (l: Value) => {
    const sinks = [...checkLogger('log-all-levels', l).reach()];
    const most = (topic: string | null | undefined) =>
      sinks.reduce<Level>((best, s) => {
        const m =
          topic === undefined
            ? maxLevel(
                s.filter.filter((f) => f.topic === null),
                undefined,
              )
            : maxLevel(s.filter, topic);
        return levelRank(m) > levelRank(best) ? m : best;
      }, 'none');
    const topics = [...new Set(sinks.flatMap((s) => s.filter.flatMap((f) => (f.topic === null ? [] : [f.topic]))))];
    const out: Value[] = [sym(most(undefined)), false];
    for (const topic of topics) out.push(sym(most(topic)), sym(topic));
    return listFromArray(out);
  });
}
