// The read-eval-print loop, as Racket 8.7's `racket -i` runs it.
//
// Input is one text, as standard input is one port: forms are read from it
// one after another, with their lines and columns in it (errors say
// `stdin:4:2`). From a terminal the REPL prompts once per entry (the lines
// up to where every form is complete) and evaluates each form of the entry
// in turn, an error ending only its own form; from a pipe it prompts before
// each form, as Racket's REPL reads one form at a time. A line starting
// with `,` is a command (repl-commands.ts).
//
// Each form runs on a new main thread of the runtime, so Ctrl-C during an
// evaluation breaks it (`; user break`) and every definition stays.

import { relative } from 'node:path';
import { RacketThrow, exnFailT, makeExn } from '../errors/exn.js';
import { syntaxList } from '../expand/scopes.js';
import { ReadError, readOne, syntaxToDatum } from '../reader/index.js';
import type { Runtime } from '../runtime/runtime.js';
import type { Syntax } from '../values/syntax.js';
import { Sym, sym, type Value } from '../values/types.js';
import { type CommandArgs, type ReplContext, runCommand } from './repl-commands.js';
import { HistoryFile, historyPath } from './repl-history.js';
import { INTERRUPTED, type LineSource, pipedSource, terminalSource } from './repl-input.js';
import { indentation } from './repl-indent.js';
import { banner } from './version.js';

export const BANNER = banner();

export interface ReplOptions {
  input?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Print the banner first (default true). */
  banner?: boolean;
  /** The history file (default: historyPath(), RKT_HISTORY or Racket's pref-dir); null for none. */
  historyFile?: string | null;
}

/**
 * Runs the REPL on `rt` (its namespace, and what earlier -e or -t steps
 * defined in it) until the input ends or the program exits; resolves to
 * the exit code.
 */
export async function runRepl(rt: Runtime, options: ReplOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  // A dumb terminal (an editor's inferior REPL) gets the plain REPL, as racket gives it without its expression editor.
  const terminal = input.isTTY === true && output.isTTY === true && process.env.TERM !== 'dumb';
  const history = new HistoryFile(options.historyFile === undefined ? historyPath() : options.historyFile);
  let repl: Repl | null = null;
  const source = terminal ? terminalSource(input, output, history, () => repl?.interrupt()) : pipedSource(input);
  repl = new Repl(rt, source, (s) => output.write(s));
  // While the REPL runs, Ctrl-C is its own: a break of the evaluation, or of the wait for input.
  const sigint = () => repl?.interrupt();
  const earlier = process.listeners('SIGINT');
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', sigint);
  try {
    if (options.banner !== false) output.write(BANNER);
    return await repl.run();
  } finally {
    process.off('SIGINT', sigint);
    for (const l of earlier) process.on('SIGINT', l);
    source.close();
  }
}

type Read =
  | { kind: 'form'; form: Syntax; start: number; end: number }
  | { kind: 'error'; error: ReadError }
  | { kind: 'more' }
  | { kind: 'none' };

class Repl implements ReplContext {
  /** Everything read so far: the standard input port's text. */
  private text = '';
  /** Where the next form starts in `text`. */
  private pos = 0;
  private ended = false;
  /** A form is being evaluated. */
  private running = false;
  /** The REPL waits for a line. */
  private waiting = false;
  /** Ctrl-C came between reading a form and evaluating it: the evaluation gets the break. */
  private breakPending = false;

  constructor(
    readonly rt: Runtime,
    private readonly source: LineSource,
    readonly write: (s: string) => void,
  ) {}

  async run(): Promise<number> {
    for (;;) {
      const code = this.source.terminal ? await this.entry() : await this.nextForm();
      if (code !== null) return code;
    }
  }

  /** Ctrl-C (SIGINT): breaks the evaluation; at the prompt, reported as Racket reports a break there. */
  interrupt(): void {
    if (this.running) this.rt.breakMain('break');
    else if (this.waiting) {
      // Waiting for piped input (a terminal gets Ctrl-C as a key then): the read is broken, a new prompt follows.
      void this.showBreak().then(() => {
        this.freshLine();
        this.write(this.prompt());
      });
    } else this.breakPending = true;
  }

  /** `> `, or the module the REPL is in, as xrepl shows it: `"m.rkt"> `. */
  private prompt(): string {
    const ns = this.rt.replNamespace();
    if (ns === this.rt.topLevel || ns.moduleName === null) return '> ';
    const name = ns.moduleName;
    const rel = name.startsWith('/') ? relative(process.cwd(), name) : name;
    return `${JSON.stringify(rel.startsWith('..') ? name : rel)}> `;
  }

  /** A new line first if the program's output left one unfinished. */
  private freshLine(): void {
    if (!this.rt.stdoutLineStart) this.write('\n');
    this.rt.stdoutLineStart = true;
  }

  /** Reads the next form at `pos`, if the text so far holds it. */
  private readForm(): Read {
    try {
      const r = readOne(this.text, this.pos, 'stdin', { sourceValue: sym('stdin') });
      if (r.datum === null) return { kind: 'none' };
      const start = r.datum.loc === null ? this.pos : r.datum.loc.position - 1;
      return { kind: 'form', form: r.datum, start, end: r.end };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      if (e.incomplete && !this.ended) return { kind: 'more' };
      return { kind: 'error', error: e };
    }
  }

  /** One more line of input; false at its end. */
  private async more(prompt: string, indent: string): Promise<boolean | typeof INTERRUPTED> {
    this.waiting = true;
    const line = await this.source.next(prompt, indent).finally(() => {
      this.waiting = false;
    });
    if (line === INTERRUPTED) return INTERRUPTED;
    if (line === null) {
      this.ended = true;
      return false;
    }
    this.text += `${line}\n`;
    return true;
  }

  /** Piped input: a prompt, then the next form, evaluated. */
  private async nextForm(): Promise<number | null> {
    this.freshLine();
    this.write(this.prompt());
    for (;;) {
      const r = this.readForm();
      if (r.kind === 'more' || (r.kind === 'none' && !this.ended)) {
        if ((await this.more('', '')) === INTERRUPTED) return null;
        continue;
      }
      if (r.kind === 'none') {
        this.write('\n');
        return 0;
      }
      return this.evaluateRead(r);
    }
  }

  /** Terminal input: the lines of an entry, then each of its forms evaluated. */
  private async entry(): Promise<number | null> {
    this.freshLine();
    const start = this.text.length;
    this.pos = start;
    for (let first = true; ; first = false) {
      if (!first && this.complete(start)) break;
      const got = await this.more(first ? this.prompt() : '', first ? '' : indentation(this.text.slice(start)));
      if (got === INTERRUPTED) {
        // The entry typed so far is dropped.
        this.text = this.text.slice(0, start);
        await this.showBreak();
        return null;
      }
      if (got === false) {
        if (this.text.slice(start).trim() !== '') break;
        this.write('\n');
        return 0;
      }
    }
    this.source.entered(this.text.slice(start));
    this.rt.stdoutLineStart = true;
    for (;;) {
      const r = this.readForm();
      if (r.kind === 'none' || r.kind === 'more') {
        if (!this.ended) return null;
        this.write('\n');
        return 0;
      }
      const code = await this.evaluateRead(r);
      if (code !== null) return code;
      if (r.kind === 'error') {
        // What follows a read error in the entry is dropped.
        this.pos = this.text.length;
        return null;
      }
    }
  }

  /** Whether the text from `start` holds complete forms (or a read error): blank lines and comments alone wait for more, as in Racket. */
  private complete(start: number): boolean {
    const saved = this.pos;
    try {
      this.pos = start;
      for (let forms = 0; ; forms++) {
        const r = this.readForm();
        if (r.kind === 'more') return false;
        if (r.kind === 'error') return true;
        if (r.kind === 'none') return forms > 0;
        this.pos = r.end;
      }
    } finally {
      this.pos = saved;
    }
  }

  /** Evaluates what was read: a form, a comma command, or the read error. */
  private async evaluateRead(r: Read): Promise<number | null> {
    if (r.kind === 'error') {
      this.pos = this.text.length;
      const e = r.error;
      return this.run1(() => {
        throw e;
      });
    }
    if (r.kind !== 'form') return null;
    const name = this.commandName(r);
    if (name !== null) return this.command(name, r);
    this.pos = r.end;
    return this.evaluate([r.form]);
  }

  /** The command a form names: `,name` at the start of a form (as xrepl takes it), else null. */
  private commandName(r: Read & { kind: 'form' }): Value | null {
    if (this.text[r.start] !== ',') return null;
    const items = syntaxList(r.form);
    if (items === null || items.length !== 2) return null;
    const head = items[0].e;
    return head instanceof Sym && head.name === 'unquote' ? syntaxToDatum(items[1]) : null;
  }

  /** Runs a command with the rest of its line (and the lines it needs to complete its arguments). */
  private async command(name: Value, r: Read & { kind: 'form' }): Promise<number | null> {
    const argStart = r.end;
    let end = this.lineEnd(argStart);
    const forms: Syntax[] = [];
    for (;;) {
      forms.length = 0;
      this.pos = argStart;
      let incomplete = false;
      let error: ReadError | null = null;
      while (this.pos < end) {
        const a = this.readForm();
        if (a.kind === 'more') incomplete = true;
        if (a.kind === 'error') error = a.error;
        if (a.kind !== 'form') break;
        if (a.start >= end) break;
        forms.push(a.form);
        this.pos = a.end;
        if (a.end > end) end = this.lineEnd(a.end);
      }
      if (error !== null) {
        this.pos = this.text.length;
        return this.run1(() => {
          throw error;
        });
      }
      if (!incomplete) break;
      if (end < this.text.length) end = this.lineEnd(end + 1);
      else if ((await this.more('', '')) !== true) break;
      else end = this.lineEnd(end);
    }
    this.pos = end;
    const args: CommandArgs = { text: this.text.slice(argStart, end), forms, loc: r.form.loc };
    return runCommand(this, name, args);
  }

  private lineEnd(from: number): number {
    const i = this.text.indexOf('\n', from);
    return i < 0 ? this.text.length : i;
  }

  /** Evaluates forms on a main thread of the runtime; the exit code if the program exited. */
  evaluate(forms: Syntax[]): Promise<number | null> {
    return this.run1(() => forms);
  }

  fail(message: string): Promise<number | null> {
    return this.run1(() => {
      throw new RacketThrow(makeExn(exnFailT, message));
    });
  }

  private async run1(prepare: () => Syntax[]): Promise<number | null> {
    this.running = true;
    this.source.evaluating(true);
    try {
      const done = this.rt.evalInteractive(prepare);
      if (this.breakPending) {
        this.breakPending = false;
        this.rt.breakMain('break');
      }
      return await done;
    } finally {
      this.running = false;
      this.source.evaluating(false);
    }
  }

  /** A break at the prompt: reported as any break is, on the main thread (so ,bt knows it). */
  private async showBreak(): Promise<void> {
    const done = this.rt.evalInteractive(() => []);
    this.rt.breakMain('break');
    await done;
  }
}
