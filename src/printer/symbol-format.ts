// How symbols and keywords print in `write` / `print` mode (Racket 8.7's
// io/print/symbol.rkt), with Racket's default reader parameters
// (`read-accept-bar-quote` and `read-case-sensitive` both #t).

/**
 * Would the reader take `s` as a number (or complain that it is a malformed
 * one, like `1/0`)? Racket's `(string->number s 10 'read)` returning non-#f,
 * for strings without a `#` prefix (symbols starting with `#` are quoted for
 * that reason alone). Covers exact and inexact reals with `#` digit
 * placeholders, fractions, exponent markers (e d f s l t, any case),
 * `+inf.0`-style specials, rectangular (`1+2i`, `+i`) and polar (`1@2`)
 * complex numbers.
 */
// `t` exponents and `.t` specials make extflonums, which exist only as
// standalone reals, never as parts of a complex number.
const DIGITS = String.raw`(?:[0-9]+#*(?:\.#*)?|[0-9]*\.[0-9]+#*|[0-9]+#*\/[0-9]+#*)`;
const UREAL = String.raw`(?:${DIGITS}(?:[esfdl][+-]?[0-9]+)?|inf\.[0f]|nan\.[0f])`;
const REAL = `(?:[+-]?${UREAL})`;
const EXTFL = String.raw`(?:[+-]?${DIGITS}t[+-]?[0-9]+|[+-](?:inf|nan)\.t)`;
const NUMBER_RE = new RegExp(
  String.raw`^(?:[+-](?:inf|nan)\.[0f]|[+-]?${DIGITS}(?:[esfdl][+-]?[0-9]+)?|${EXTFL}|${REAL}?[+-]${UREAL}?i|${REAL}@${REAL})$`,
  'i',
);

export function readsAsNumber(s: string): boolean {
  // An unsigned special (`inf.0`) is a symbol: the first alternative and
  // REAL-with-sign cover the signed ones, and an unsigned UREAL special can
  // only match as the imaginary part after a sign (`1+inf.0i`), or as a
  // polar part, where Racket requires the sign as well.
  if (!NUMBER_RE.test(s)) return false;
  return !/^(?:inf|nan)\./i.test(s) && !/@(?:inf|nan)\./i.test(s);
}

/** Racket's `char-whitespace?` (Unicode White_Space). JS `\s` differs: it lacks U+0085 and has U+FEFF. */
const WHITESPACE_RE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

function isWhitespace(c: string): boolean {
  return WHITESPACE_RE.test(c);
}

function isSimple(c: string, i: number, s: string, forType: boolean): boolean {
  switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '"':
    case '\\':
    case "'":
    case ',':
    case ';':
    case '`':
    case '|':
    case '\uFEFF': // a BOM, which the reader treats as whitespace
      return false;
    case '<':
    case '>':
      return !forType;
    case ' ':
      return forType;
    case '#':
      return !(i === 0 && (s.length < 2 || s[1] !== '%'));
    case '.':
      return !(i === 0 && s.length === 1);
    default:
      return !isWhitespace(c);
  }
}

export interface SymbolPrintOptions {
  /** Printing a keyword's name (after `#:`): no number check, `#:` allowed empty. */
  forKeyword?: boolean;
}

/**
 * The text `write` produces for a symbol named `name` (or, with
 * `forKeyword`, for the part of a keyword after `#:`):
 *
 * - as is when every character is "simple" and it cannot read as a number;
 * - `|...|` when it needs quoting and contains no `|` (`|a b|`, `|1|`, `||`,
 *   `|#foo|`, `|.|`);
 * - with backslash escapes before each non-simple character when it
 *   contains a `|` (`a\|b`, `\#\|`).
 *
 * A character is not simple if it is whitespace, one of `()[]{}",'`;\|`,
 * U+FEFF, a leading `#` not followed by `%`, or a lone `.`.
 */
export function symbolToPrintString(name: string, opts: SymbolPrintOptions = {}): string {
  return quoteSymbolText(name, !!opts.forKeyword, false);
}

function quoteSymbolText(s: string, forKeyword: boolean, forType: boolean): string {
  let allSimple = true;
  let hasBar = false;
  // Iterate by UTF-16 unit: every special character is in the BMP, and
  // a surrogate half is never whitespace or a delimiter.
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '|') hasBar = true;
    if (allSimple && !isSimple(c, i, s, forType)) allSimple = false;
  }
  if (allSimple) {
    if (forKeyword || forType || (s !== '' && !readsAsNumber(s))) return s;
    return `|${s}|`;
  }
  if (!hasBar) return `|${s}|`;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    out += isSimple(c, i, s, forType) ? c : `\\${c}`;
  }
  return out;
}
