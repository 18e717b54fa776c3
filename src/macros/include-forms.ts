// racket/include: include, include/reader, include-at/relative-to and
// include-at/relative-to/reader. The file is read when the form is
// expanded, by Racket code run at compile time (open-input-file,
// read-syntax or the given reader), so files, errors and readers are
// those of the running program; its forms are then given the lexical
// context of the include form (or of `ctx`) and spliced in as a `begin`.
// As Racket's racket/include.rkt, a relative path is taken from the
// directory of the source of the form (or of `loc`).

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { isIdentifier, syntaxE, syntaxList, idSym } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { NULL, Pair, Box, RString, RVector, isList, listFromArray, listToArray, type Value } from '../values/types.js';

type Macro = (stx: Syntax, ex: Expander, b: Builder) => Syntax;

/** The path-spec `fn` as a string, or Racket's error for anything else. */
function pathSpec(fn: Syntax, ex: Expander, orig: Syntax): string {
  const e = syntaxE(fn);
  if (e instanceof RString && e.s.length > 0) return e.s;
  const p = syntaxList(fn);
  if (p !== null && p.length === 2 && isIdentifier(p[0]) && idSym(p[0]).name === 'file') {
    const s = syntaxE(p[1]);
    if (s instanceof RString && s.s.length > 0) return s.s;
  }
  return ex.syntaxError('include', "not a pathname string, `file' form, or `lib' form for file", orig, fn);
}

/**
 * Compile-time code that reads the file's forms: the complete path (from
 * the directory of `loc`'s source), opened with Racket's message on
 * failure, then read form by form with `reader` (an expression of a
 * procedure of the source and the port) until eof.
 */
function readCode(b: Builder, orig: Syntax, loc: Syntax, rel: string, reader: Syntax | null): Syntax {
  const [path, src, dir, name, isDir, port, e, rd, loop, r] = [
    'path',
    'src',
    'dir',
    'name',
    'dir?',
    'port',
    'e',
    'reader',
    'loop',
    'r',
  ].map((n) => b.temp(n));
  const origQ = b.list('quote-syntax', orig);
  const fail = (fmt: string, extra: Syntax[], before: Syntax[], body: Syntax) =>
    b.list(
      'with-handlers',
      b.list(
        b.list(
          'exn:fail?',
          b.list(
            'lambda',
            b.list(e),
            ...before,
            b.list(
              'raise-syntax-error',
              b.datum(false),
              b.list('format', b.datum(new RString(fmt, true)), b.list('if', b.list('exn?', e), b.list('exn-message', e), e)),
              origQ,
              ...extra,
            ),
          ),
        ),
      ),
      body,
    );
  const defaultReader = b.list(
    'lambda',
    b.list(src, port),
    b.list('parameterize', b.list(b.list('read-accept-reader', b.datum(true))), b.list('read-syntax', src, port)),
  );
  return b.list(
    'let*-values',
    b.list(
      b.list(b.list(src), b.list('syntax-source', b.list('quote-syntax', loc))),
      b.list(
        b.list(dir),
        b.list(
          'if',
          b.list('if', b.list('path?', src), b.datum(true), b.list('string?', src)),
          b.list(
            'let-values',
            b.list(b.list(b.list(dir, name, isDir), b.list('split-path', src))),
            b.list('if', b.list('path?', dir), dir, b.list('current-directory')),
          ),
          b.list('or', b.list('current-load-relative-directory'), b.list('current-directory')),
        ),
      ),
      b.list(
        b.list(path),
        b.list('simplify-path', b.list('path->complete-path', b.list('build-path', dir, b.datum(new RString(rel, true))))),
      ),
      b.list(b.list(rd), reader ?? defaultReader),
    ),
    b.list(
      'if',
      b.list('if', b.list('procedure?', rd), b.list('procedure-arity-includes?', rd, b.datum(2)), b.datum(false)),
      b.datum(false),
      b.list('raise-syntax-error', b.datum(false), b.datum(new RString('reader is not a procedure of two arguments', true)), origQ),
    ),
    b.list(
      'let-values',
      b.list(b.list(b.list(port), fail("can't open include file (~a)", [path], [], b.list('open-input-file', path)))),
      b.list('port-count-lines!', port),
      b.list(
        'letrec-values',
        b.list(
          b.list(
            b.list(loop),
            b.list(
              'lambda',
              b.list(),
              b.list(
                'let-values',
                b.list(b.list(b.list(r), fail('read error (~a)', [], [b.list('close-input-port', port)], b.list(rd, path, port)))),
                b.list(
                  'if',
                  b.list('eof-object?', r),
                  b.list('begin', b.list('close-input-port', port), b.quote(NULL)),
                  b.list('cons', r, b.list(loop)),
                ),
              ),
            ),
          ),
        ),
        b.list(loop),
      ),
    ),
  );
}

/** `v` (read from the file) with the scopes of `ctx`, keeping each part's location, as Racket's include re-lexes it. */
function relex(v: Value, ctx: Syntax): Value {
  if (v instanceof Pair) return new Pair(relex(v.car, ctx), relex(v.cdr, ctx));
  if (!(v instanceof Syntax)) return v;
  const e = v.e;
  const inner =
    e instanceof Pair
      ? relex(e, ctx)
      : e instanceof RVector
        ? new RVector(
            e.items.map((x) => relex(x, ctx)),
            e.immutable,
          )
        : e instanceof Box
          ? new Box(relex(e.value, ctx), e.immutable)
          : e;
  return new Syntax(inner, v.loc, ctx.scopes, v.props);
}

function includeWith(stx: Syntax, ex: Expander, b: Builder, ctx: Syntax, loc: Syntax, fn: Syntax, reader: Syntax | null): Syntax {
  const rel = pathSpec(fn, ex, stx);
  const forms = ex.runForSyntax(readCode(b, stx, loc, rel, reader), null);
  if (!isList(forms)) return ex.badSyntax(stx);
  return new Syntax(new Pair(b.id('begin'), listFromArray(listToArray(forms).map((f) => relex(f, ctx)))), stx.loc, stx.scopes);
}

const include: Macro = (stx, ex, b) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 2) return ex.badSyntax(stx);
  return includeWith(stx, ex, b, stx, stx, p[1], null);
};

const includeReader: Macro = (stx, ex, b) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 3) return ex.badSyntax(stx);
  return includeWith(stx, ex, b, stx, stx, p[1], p[2]);
};

const includeAt: Macro = (stx, ex, b) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 4) return ex.badSyntax(stx);
  return includeWith(stx, ex, b, p[1], p[2], p[3], null);
};

const includeAtReader: Macro = (stx, ex, b) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 5) return ex.badSyntax(stx);
  return includeWith(stx, ex, b, p[1], p[2], p[3], p[4]);
};

export function installIncludeForms(define: (name: string, m: Meaning) => void): void {
  define('include', jsMacro('include', include));
  define('include/reader', jsMacro('include/reader', includeReader));
  define('include-at/relative-to', jsMacro('include-at/relative-to', includeAt));
  define('include-at/relative-to/reader', jsMacro('include-at/relative-to/reader', includeAtReader));
}
