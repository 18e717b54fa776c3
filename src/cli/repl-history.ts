// The REPL's input history, kept across sessions in a file.
//
// Racket 8.7's REPL (xrepl over expeditor) keeps its history in the
// preferences file (racket-prefs.rktd under (find-system-path 'pref-dir),
// key readline-input-history), at most 256 entries. rkt keeps its own file
// in the same directory, `rkt-history`, so that the two never rewrite each
// other's preferences; RKT_HISTORY names another file (empty: no file).
// The file has one entry per line, oldest first, each a JSON string (an
// entry may span lines).

import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** As many entries as expeditor keeps. */
export const HISTORY_LIMIT = 256;

/** The history file: RKT_HISTORY, else `rkt-history` in Racket's pref-dir; null for none. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.RKT_HISTORY;
  if (chosen !== undefined) return chosen === '' ? null : chosen;
  const home = env.HOME ?? '/';
  const config = env.XDG_CONFIG_HOME ?? join(home, '.config');
  return join(config, 'racket', 'rkt-history');
}

/** What an entry is in the history: without trailing white space and blank lines first; null if it is blank. */
export function historyEntry(text: string): string | null {
  const s = text.replace(/\s+$/, '').replace(/^(?:[ \t]*\n)+/, '');
  return s === '' ? null : s;
}

export class HistoryFile {
  constructor(readonly path: string | null) {}

  /** The entries of earlier sessions, newest first (as readline keeps them). */
  load(): string[] {
    if (this.path === null) return [];
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    const entries: string[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const e = JSON.parse(line);
        if (typeof e === 'string' && e !== '') entries.push(e);
      } catch {
        // A damaged line is skipped; the rest of the history stays usable.
      }
    }
    // A file grown well past the limit is rewritten with its newest entries.
    const kept = entries.slice(-HISTORY_LIMIT);
    if (entries.length > 2 * HISTORY_LIMIT) this.write(kept);
    return kept.reverse();
  }

  /** Adds an entry at the end of the file (as it is accepted, so a killed session keeps it). */
  append(entry: string): void {
    if (this.path === null) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    } catch {
      // History is a convenience: a file that cannot be written does not stop the REPL.
    }
  }

  private write(entries: string[]): void {
    if (this.path === null) return;
    try {
      writeFileSync(this.path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    } catch {
      // As in append.
    }
  }
}
