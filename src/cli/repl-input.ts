// Where the REPL's lines come from: a terminal, with line editing and
// history (Node's readline), or a pipe or file, read as it is.

import { type Interface, createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { HISTORY_LIMIT, type HistoryFile, historyEntry } from './repl-history.js';

/** What `next` gives when Ctrl-C was typed at the prompt. */
export const INTERRUPTED = Symbol('interrupted');

export type Line = string | null | typeof INTERRUPTED;

export interface LineSource {
  /** A terminal: the REPL prompts once per entry, and may be interrupted at the prompt. */
  readonly terminal: boolean;
  /** The next line without its newline; null at the end of input. A terminal shows `prompt`, then `indent` as typed. */
  next(prompt: string, indent: string): Promise<Line>;
  /** An entry is complete: it goes into the history (its lines made one). */
  entered(text: string): void;
  /** Evaluation starts (`true`) or ends: the terminal gives Ctrl-C back to the process as a signal meanwhile. */
  evaluating(on: boolean): void;
  close(): void;
}

/** Lines read and not yet asked for, and readers waiting for one. */
class LineQueue {
  private readonly lines: string[] = [];
  private readonly waiting: ((l: Line) => void)[] = [];
  ended = false;

  push(l: string): void {
    const w = this.waiting.shift();
    if (w) w(l);
    else this.lines.push(l);
  }
  end(): void {
    this.ended = true;
    for (const w of this.waiting.splice(0)) w(null);
  }
  interrupt(): boolean {
    const w = this.waiting.shift();
    if (w) w(INTERRUPTED);
    return w !== undefined;
  }
  /** The next line; with `all`, every line read so far, as one text. */
  take(all = false): Promise<Line> | Line {
    const l = all && this.lines.length > 1 ? this.lines.splice(0).join('\n') : this.lines.shift();
    if (l !== undefined) return l;
    if (this.ended) return null;
    return new Promise((res) => this.waiting.push(res));
  }
}

/** Input that is not a terminal: no prompts from readline, no editing, no history. */
export function pipedSource(input: NodeJS.ReadableStream): LineSource {
  const rl = createInterface({ input, terminal: false });
  const q = new LineQueue();
  rl.on('line', (l) => q.push(l));
  rl.on('close', () => q.end());
  return {
    terminal: false,
    // Lines that came together are taken together: the REPL's text then changes once per chunk of input,
    // and the reader reads the forms of a chunk from one tokenization.
    next: async () => q.take(true),
    entered: () => {},
    evaluating: () => {},
    close: () => rl.close(),
  };
}

interface TerminalInput extends NodeJS.ReadableStream {
  setRawMode?(mode: boolean): unknown;
}

/** Readline's line being edited (documented as rl.line and rl.cursor). */
interface EditedLine {
  line: string;
  cursor: number;
  history: string[];
}

/**
 * The terminal as readline writes to it: while a program runs, readline
 * still reads (so that a Ctrl-C that came just before the terminal left raw
 * mode is seen), but what it would echo is dropped, as the terminal echoes.
 */
class ReadlineOutput extends Writable {
  muted = false;
  readonly isTTY = true;
  constructor(private readonly out: NodeJS.WritableStream & { columns?: number; rows?: number }) {
    super();
    out.on('resize', () => this.emit('resize'));
  }
  get columns(): number | undefined {
    return this.out.columns;
  }
  get rows(): number | undefined {
    return this.out.rows;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (e?: Error | null) => void): void {
    if (!this.muted) this.out.write(chunk);
    done();
  }
}

/** A terminal: readline edits each line, Up and Down go through the history, which the history file keeps. */
export function terminalSource(
  input: TerminalInput,
  output: NodeJS.WritableStream,
  history: HistoryFile,
  /** Ctrl-C that came while no line was awaited (just before an evaluation). */
  interrupt: () => void,
): LineSource {
  const shown = new ReadlineOutput(output);
  const rl: Interface = createInterface({
    input,
    output: shown,
    terminal: true,
    history: history.load(),
    historySize: HISTORY_LIMIT,
    prompt: '',
    // Racket's REPL completes nothing by itself; Tab is indentation.
    tabSize: 2,
  });
  const edited = rl as unknown as EditedLine;
  const q = new LineQueue();
  let before: string[] = edited.history.slice();
  rl.on('line', (l) => q.push(l));
  rl.on('close', () => q.end());
  rl.on('SIGINT', () => {
    // Ctrl-C at the prompt: the line typed so far is dropped (the REPL reports the break).
    rl.write(null, { ctrl: true, name: 'e' });
    edited.line = '';
    edited.cursor = 0;
    if (!q.interrupt()) interrupt();
  });
  return {
    terminal: true,
    next(prompt, indent) {
      // A line typed ahead (pasted) is taken as it is: readline has shown it already.
      const l = q.take();
      if (!(l instanceof Promise)) return Promise.resolve(l);
      rl.setPrompt(prompt);
      rl.prompt(true);
      if (indent !== '') rl.write(indent);
      return l;
    },
    entered(text) {
      // readline put each line of the entry into its history: the entry goes there as one, as expeditor keeps it.
      const entry = historyEntry(text);
      if (entry !== null && entry !== before[0]) {
        before = [entry, ...before].slice(0, HISTORY_LIMIT);
        history.append(entry);
      }
      edited.history = before.slice();
    },
    evaluating(on) {
      // While a program runs, the terminal is in cooked mode: Ctrl-C is SIGINT (a break), and
      // lines typed ahead, echoed by the terminal, wait for the next prompt, as under racket.
      shown.muted = on;
      input.setRawMode?.(!on);
    },
    close: () => rl.close(),
  };
}
