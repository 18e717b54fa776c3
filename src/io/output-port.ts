// Output ports. A port buffers text and hands it to its sink on flush; string
// ports keep everything for `get-output-string`.

import { customPrint, printNamed } from '../values/printable.js';

export class OutputPort {
  private chunks: string[] = [];
  private size = 0;
  closed = false;
  /** Called when the port is closed (a pipe's output end ends its input end). */
  onClose: (() => void) | null = null;
  constructor(
    readonly name: string,
    /** Where flushed text goes; null for a string port. */
    private readonly sink: ((text: string) => void) | null,
    /** Hands each write to the sink at once (a pipe), instead of buffering. */
    private readonly immediate = false,
  ) {}

  write(s: string): void {
    if (this.immediate && this.sink !== null) {
      this.sink(s);
      return;
    }
    this.chunks.push(s);
    this.size += s.length;
    if (this.sink !== null && this.size > 1 << 16) this.flush();
  }

  close(): void {
    this.flush();
    this.closed = true;
    this.onClose?.();
  }

  flush(): void {
    if (this.sink === null || this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.sink(text);
  }

  /** Everything written so far (string ports). */
  contents(): string {
    const text = this.chunks.join('');
    this.chunks = [text];
    return text;
  }

  /** Discards what a string port holds. */
  reset(): void {
    this.chunks = [];
    this.size = 0;
  }

  [customPrint](): string {
    return printNamed('output-port', this.name);
  }

  get isStringPort(): boolean {
    return this.sink === null;
  }
}
