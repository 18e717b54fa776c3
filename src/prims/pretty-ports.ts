// The ports racket/pretty prints through. A pretty-printing session writes
// to a "printing port": it passes text straight through to the destination
// port and counts lines and columns from where the destination stands, so
// the layout knows the current column; it also carries the session's hooks
// (pre-print, post-print, the print hook for values the size hook measured,
// and the print-line hook). A "tentative" port collects text instead, to try
// printing a value on one line: it calls its escape as soon as the text
// passes its width or a second line starts, and what it collected is either
// transferred to the port it was made over or dropped.
//
// Several ports can stand for one target (the port a custom writer is given
// shares its parent's target, with its own write/display/print handlers):
// they share the sink, the line counter and the hooks.

import { LineCounter } from '../io/location.js';
import { OutputPort, type OutputSink } from '../io/output-port.js';
import { isNumber } from '../printer/number-format.js';
import type { Value } from '../values/types.js';

/** What a tentative port recorded besides text: a hook call to replay on transfer. */
type HookEntry = { kind: 'pre'; v: Value } | { kind: 'post'; v: Value } | { kind: 'hooked'; v: Value; len: number; display: boolean };

/** The hooks and state a printing port carries (Racket's print-port-info). */
export interface PrintPortInfo {
  /** What a tentative port collected (null for a printing port over a real destination). */
  readonly content: (string | Uint8Array | HookEntry)[] | null;
  /** Whether `#n=` labels written through this port count as written (a cancelled tentative port clears it). */
  readonly defined: { v: boolean };
  prePrint(v: Value): void;
  postPrint(v: Value): void;
  /** Prints a value whose size the size hook gave, through the print hook. */
  outputHooked(v: Value, len: number, display: boolean): void;
  /** Starts a line (`useLine` false: after the last one); returns the column the line starts at. */
  printLine(useLine: boolean, offset: number, width: Value): number;
}

export class PrettyPort extends OutputPort {
  constructor(
    name: string,
    readonly out: OutputSink,
    readonly info: PrintPortInfo,
    counter: LineCounter,
  ) {
    super(name, out, true);
    this.counter = counter;
  }

  /** The column the next character goes to. */
  get column(): number {
    return this.counter!.col;
  }

  /** Another port over the same target (for a custom writer, which gets its own handlers). */
  derive(): PrettyPort {
    return new PrettyPort(this.name, this.out, this.info, this.counter!);
  }
}

/** A counter that starts where `port` stands (line 1, column 0 when it does not count lines). */
export function counterAt(port: OutputPort): LineCounter {
  const c = new LineCounter();
  const at = port.counter;
  if (at !== null) c.set(at.line, at.col, at.pos);
  return c;
}

/** Writes text or bytes to a port. */
export function writeTo(port: OutputPort, data: string | Uint8Array): void {
  if (typeof data === 'string') port.write(data);
  else port.writeBytes(data);
}

/**
 * A tentative port over `base`: collects what is written and calls `esc`
 * once a write ends past column `width` or after the port started a second
 * line.
 */
export function makeTentativePort(base: OutputPort, width: number, esc: () => void): PrettyPort {
  const content: (string | Uint8Array | HookEntry)[] = [];
  const counter = counterAt(base);
  let firstLine = true;
  const info: PrintPortInfo = {
    content,
    defined: { v: true },
    prePrint: (v) => content.push({ kind: 'pre', v }),
    postPrint: (v) => content.push({ kind: 'post', v }),
    outputHooked: (v, len, display) => {
      counter.countText('.'.repeat(Math.max(0, len)));
      content.push({ kind: 'hooked', v, len, display });
    },
    printLine: (_useLine, _offset, w) => {
      if (isNumber(w) && !firstLine) port.write('\n');
      firstLine = false;
      return 0;
    },
  };
  const port = new PrettyPort(
    'tentative',
    (data) => {
      content.push(data);
      if (counter.col > width || !firstLine) esc();
    },
    info,
    counter,
  );
  return port;
}

/** Replays what tentative port `from` collected onto `to`. */
export function transferTentative(from: PrettyPort, to: OutputPort): void {
  for (const item of from.info.content ?? []) {
    if (typeof item === 'string' || item instanceof Uint8Array) writeTo(to, item);
    else if (to instanceof PrettyPort) {
      if (item.kind === 'pre') to.info.prePrint(item.v);
      else if (item.kind === 'post') to.info.postPrint(item.v);
      else to.info.outputHooked(item.v, item.len, item.display);
    }
  }
}
