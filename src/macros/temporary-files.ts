// racket/file's make-temporary-file, make-temporary-directory and their `*`
// variants are macros in Racket: a use without a template (or without the
// prefix's context) names the file after the place of the use, as
// "<source>-<line>-<column>" made safe for a file name. Used alone, each is
// its procedure (src/lib/files.rkt, bound as %make-temporary-...).

import type { Expander, MacroTransformer, Meaning } from '../expand/expander.js';
import { Builder } from '../expand/build.js';
import { syntaxE, syntaxList } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, RBytes, str } from '../values/types.js';
import { encodeUtf8 } from '../values/utf8.js';

/** Racket's context string for a use at `stx`: its source and location, with the characters paths cannot hold replaced by "-", at most 50 long. */
export function temporaryContext(stx: Syntax): string {
  const loc = stx.loc;
  // Only a file's path names the place (Racket's -e and REPL forms have no path source).
  const source = loc?.source.startsWith('/') ? loc.source : null;
  let where = '';
  if (source !== null && loc !== null) {
    if (loc.line !== null && loc.column !== null) where = `-${loc.line}-${loc.column}`;
    else if (loc.position > 0) where = `--${loc.position}`;
  }
  const text = `${source ?? 'rkttmp'}${where}`.replace(/[<>:"/\\|?*~]/g, '-');
  return text.length > 50 ? `${text.slice(0, 23)}----${text.slice(text.length - 23)}` : text;
}

interface Shape {
  /** The procedure's hidden name. */
  proc: string;
  /** Keywords the inferring form accepts. */
  keywords: string[];
  /** By-position arguments it takes (the template form takes none, the `*` forms the prefix and suffix). */
  positional: number;
  /** The call it expands into, given the keyword arguments and the by-position ones. */
  expand: (b: Builder, stx: Syntax, kws: Map<string, Syntax>, args: Syntax[]) => Syntax;
}

/** The keyword and by-position arguments of a use, or null when the form does not infer (a plain call then). */
function splitArguments(args: Syntax[], shape: Shape): { kws: Map<string, Syntax>; positional: Syntax[] } | null {
  const kws = new Map<string, Syntax>();
  const positional: Syntax[] = [];
  for (let i = 0; i < args.length; i++) {
    const e = syntaxE(args[i]);
    if (e instanceof Keyword) {
      const value = args[i + 1];
      if (!shape.keywords.includes(e.name) || kws.has(e.name) || value === undefined || syntaxE(value) instanceof Keyword) return null;
      kws.set(e.name, value);
      i++;
    } else positional.push(args[i]);
  }
  return positional.length === shape.positional ? { kws, positional } : null;
}

function temporaryForm(name: string, shape: Shape): Meaning {
  const transform: MacroTransformer = (stx: Syntax, ex: Expander) => {
    const b = new Builder(ex, stx.loc);
    const parts = syntaxList(stx);
    if (parts === null) return b.id(shape.proc);
    const args = parts.slice(1);
    const split = splitArguments(args, shape);
    if (split === null) return b.list(shape.proc, ...args);
    return shape.expand(b, stx, split.kws, split.positional);
  };
  transform.alone = true;
  return { kind: 'macro', name, transform };
}

const orFalse = (b: Builder, v: Syntax | undefined): Syntax => v ?? b.datum(false);

export function installTemporaryFileForms(define: (name: string, m: Meaning) => void): void {
  define(
    'make-temporary-file',
    temporaryForm('make-temporary-file', {
      proc: '%make-temporary-file',
      keywords: ['copy-from', 'base-dir'],
      positional: 0,
      expand: (b, stx, kws) =>
        b.list(
          '%make-temporary-file',
          b.datum(str(`${temporaryContext(stx)}_~a`)),
          orFalse(b, kws.get('copy-from')),
          orFalse(b, kws.get('base-dir')),
        ),
    }),
  );
  define(
    'make-temporary-directory',
    temporaryForm('make-temporary-directory', {
      proc: '%make-temporary-directory',
      keywords: ['base-dir'],
      positional: 0,
      expand: (b, stx, kws) =>
        b.list(
          '%make-temporary-directory',
          b.datum(str(`${temporaryContext(stx)}_~a`)),
          b.datum(Keyword.intern('base-dir')),
          orFalse(b, kws.get('base-dir')),
        ),
    }),
  );
  const affixes = (directory: boolean) => (b: Builder, stx: Syntax, kws: Map<string, Syntax>, args: Syntax[]) =>
    b.list(
      '%make-temporary/affixes',
      b.datum(new RBytes(encodeUtf8(temporaryContext(stx)), true)),
      args[0],
      args[1],
      directory ? b.datum(false) : orFalse(b, kws.get('copy-from')),
      orFalse(b, kws.get('base-dir')),
      b.datum(directory),
    );
  define(
    'make-temporary-file*',
    temporaryForm('make-temporary-file*', {
      proc: '%make-temporary-file*',
      keywords: ['copy-from', 'base-dir'],
      positional: 2,
      expand: affixes(false),
    }),
  );
  define(
    'make-temporary-directory*',
    temporaryForm('make-temporary-directory*', {
      proc: '%make-temporary-directory*',
      keywords: ['base-dir'],
      positional: 2,
      expand: affixes(true),
    }),
  );
}
