// The host: the only code that touches Node. An embedder may replace any part.

export interface Host {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `f` after `ms` milliseconds; returns a canceller. */
  setTimer(ms: number, f: () => void): () => void;
  /** Calls `f` soon, after pending I/O callbacks. */
  later(f: () => void): void;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readFile(path: string): string;
  resolvePath(base: string, rel: string): string;
  cwd(): string;
  /** CPU time used by the process, in milliseconds. */
  cpuMs(): number;
}
