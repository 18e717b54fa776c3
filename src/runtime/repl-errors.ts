// How the REPL shows an error, as Racket 8.7's REPL (xrepl) does: the
// message with each line behind `; `, without its `...:` blocks (context,
// location), and a pointer to `,bt`, which shows the whole text later.

/** The text of the last error the REPL showed, for `,bt` and `,exn`. */
export interface ReplError {
  /** The error display handler's full text: the message and its `...:` blocks. */
  readonly full: string;
  /** The message alone (exn-message, or `uncaught exception: ...`). */
  readonly message: string;
  /** The raised value. */
  readonly value: unknown;
}

/** Blank lines at either end dropped, runs of blank lines made one. */
function tidy(text: string): string {
  return text.replace(/^\n+|\n+$/g, '').replace(/\n\n+/g, '\n');
}

/** What the REPL prints for an error whose full display text is `full`. */
export function replErrorDisplay(full: string): string {
  // A `name...:` line and the lines indented under it are left to ,bt.
  const s = tidy(full)
    .replace(/\n {2}[^\n]+\.\.\.:(?:[^\n]+|\n {3})+/g, '')
    .replace(/\n/g, '\n; ');
  return `; ${s}${s.includes('\n') ? '\n; ' : ' '}[,bt for context]\n`;
}

/** What `,bt` prints: the whole text of the last error, or that there is none. */
export function replBacktrace(last: ReplError | null): string {
  let s = '(no backtrace)';
  if (last !== null) {
    s = tidy(last.full);
    if (s === last.message) s += '\n(no backtrace)';
  }
  return `; ${s.replace(/\n+/g, '\n; ')}\n`;
}
