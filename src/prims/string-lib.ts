// racket/string: splitting, trimming, joining and replacing with string
// separators, following collects/racket/string.rkt (which builds regexps
// from the separator: the semantics here are those regexps' — a literal
// separator, `(?:sep)+` with #:repeat?, and `\s+` by default).
//
// The keyword front ends are in src/lib/strings.rkt; these are the `%string-...`
// helpers they call, plus the simple predicates.
//
// A (string) regexp is accepted as separator too (string-split,
// string-trim, string-normalize-spaces) and as `from` in string-replace.

import { argError, genericFail } from '../errors/messages.js';
import { NULL, RString, isList, listFromArray, listToArray, str, type Value } from '../values/types.js';
import { checkString } from './check.js';
import { RRegexp } from '../values/regexp.js';
import type { PrimTable } from './table.js';

/** The default separator (Racket's `none`): runs of whitespace. */
export const NO_SEPARATOR = { name: 'none' };

/** ASCII whitespace as pregexp's `\s` sees it (not \v). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** A separator: where a match starting at `i` ends, or -1 for no match there. */
interface Separator {
  matchAt(s: string, i: number, end: number): number;
}

const whitespace: Separator = {
  matchAt(s, i, end) {
    let j = i;
    while (j < end && isSpace(s.charCodeAt(j))) j++;
    return j > i ? j : -1;
  },
};

function literal(sep: string, repeat: boolean): Separator {
  return {
    matchAt(s, i, end) {
      if (!s.startsWith(sep, i) || i + sep.length > end) return -1;
      let j = i + sep.length;
      if (repeat) while (s.startsWith(sep, j) && j + sep.length <= end) j += sep.length;
      return j;
    },
  };
}

/** A regexp separator: matched at a position with a sticky copy of its JS translation. */
function pattern(rx: RRegexp, repeat: boolean): Separator {
  const sticky = new RegExp(rx.finderFor(false).source, 'yu');
  // The subject ends at `end` (matches must not see past it); cached, as one split asks at every position.
  let lastText: string | null = null;
  let lastEnd = -1;
  let subject = '';
  const at = (i: number): number => {
    sticky.lastIndex = i;
    const m = sticky.exec(subject);
    return m === null ? -1 : i + m[0].length;
  };
  return {
    matchAt(s, i, end) {
      if (s !== lastText || end !== lastEnd) {
        subject = end === s.length ? s : s.slice(0, end);
        lastText = s;
        lastEnd = end;
      }
      let j = at(i);
      if (repeat && j > i) {
        for (let k = at(j); k > j; k = at(j)) j = k;
      }
      return j;
    },
  };
}

function separator(who: string, sep: Value, repeat: boolean): Separator {
  if (sep === NO_SEPARATOR) return whitespace;
  if (sep instanceof RRegexp && !sep.bytes) return pattern(sep, repeat);
  if (sep instanceof RString) {
    if (sep.s === '' && repeat) genericFail('regexp: `*`, `+`, or `{...}` operand could be empty\n  pattern: "(?:)+"');
    return literal(sep.s, repeat);
  }
  return argError(who, '(or/c string? regexp?)', sep);
}

/** The next code-point boundary after i (empty matches advance by a character). */
function nextBoundary(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? i + 2 : i + 1;
}

/** string.rkt's internal-trim: the start and end of the trimmed part, null for a side left alone. */
function trimBounds(s: string, sep: Separator, left: boolean, right: boolean): [number | null, number | null] {
  const len = s.length;
  let l: number | null = null;
  if (left) {
    const p = sep.matchAt(s, 0, len);
    if (p > 0) l = p;
  }
  let r: number | null = null;
  if (right) {
    // The leftmost match that ends at the end of the string.
    for (let i = 0; i <= len; i = nextBoundary(s, i)) {
      if (sep.matchAt(s, i, len) === len) {
        if (i < len) r = l !== null && l > i ? l : i;
        break;
      }
      if (i === len) break;
    }
  }
  return [l, r];
}

/** regexp-split between start and end. */
function splitRange(s: string, sep: Separator, start: number, end: number): string[] {
  const out: string[] = [];
  let pieceStart = start;
  let i = start;
  let lastEmptyAt = -1;
  while (i <= end) {
    const m = sep.matchAt(s, i, end);
    if (m < 0 || (m === i && i === lastEmptyAt)) {
      if (i === end) break;
      i = nextBoundary(s, i);
      continue;
    }
    out.push(s.slice(pieceStart, i));
    pieceStart = m;
    if (m === i) {
      lastEmptyAt = i;
      if (i === end) break;
      // An empty match: the next one is looked for after the next character.
      i = nextBoundary(s, i);
    } else i = m;
  }
  out.push(s.slice(pieceStart, end));
  return out;
}

function stringSplit(who: string, s: Value, sepValue: Value, trim: boolean, repeat: boolean): Value {
  const sep = separator(who, sepValue, repeat);
  if (!(s instanceof RString)) {
    if (trim) return argError(who, 'string?', s);
    return argError('regexp-split', '(or/c string? bytes? path? input-port?)', s);
  }
  const text = s.s;
  const [l, r] = trim ? trimBounds(text, sep, true, true) : [null, null];
  const parts = splitRange(text, sep, l ?? 0, r ?? text.length);
  if (parts.length === 1 && parts[0] === '') return NULL;
  return listFromArray(parts.map((p) => str(p)));
}

function stringTrim(s: Value, sepValue: Value, left: boolean, right: boolean, repeat: boolean): Value {
  const sep = separator('string-trim', sepValue, repeat);
  const text = checkString('string-trim', s).s;
  const [l, r] = trimBounds(text, sep, left, right);
  if (l === null && r === null) return s;
  return str(text.slice(l ?? 0, r ?? text.length));
}

function stringJoin(strs: Value, sep: Value, beforeFirst: Value, beforeLast: Value, afterLast: Value): Value {
  if (!isList(strs) || !listToArray(strs).every((x) => x instanceof RString)) return argError('string-join', '(listof string?)', strs);
  if (beforeFirst !== NO_SEPARATOR && !(beforeFirst instanceof RString)) return argError('string-join', 'string?', beforeFirst);
  const sepText = checkString('string-join', sep).s;
  if (afterLast !== NO_SEPARATOR && !(afterLast instanceof RString)) return argError('string-join', 'string?', afterLast);
  const items = listToArray(strs).map((x) => (x as RString).s);
  let out = beforeFirst instanceof RString ? beforeFirst.s : '';
  if (items.length > 1 && !(beforeLast instanceof RString)) return argError('string-append', 'string?', beforeLast);
  items.forEach((x, i) => {
    if (i > 0) out += i === items.length - 1 ? (beforeLast as RString).s : sepText;
    out += x;
  });
  if (afterLast instanceof RString) out += afterLast.s;
  return str(out);
}

function stringReplace(s: Value, from: Value, to: Value, all: boolean): Value {
  const text = checkString('string-replace', s).s;
  const replacement = checkString('string-replace', to).s;
  if (from instanceof RRegexp && !from.bytes) {
    // The replacement is literal text, as Racket quotes it.
    const finder = all ? from.finderFor(false) : new RegExp(from.finderFor(false).source, 'u');
    finder.lastIndex = 0;
    return str(text.replace(finder, () => replacement));
  }
  if (!(from instanceof RString)) return argError('string-replace', '(or/c string? regexp?)', from);
  const f = from.s;
  if (f === '') {
    if (!all) return str(replacement + text);
    return str(replacement + Array.from(text).join(replacement) + (text === '' ? '' : replacement));
  }
  if (all) return str(text.split(f).join(replacement));
  const i = text.indexOf(f);
  return str(i < 0 ? text : text.slice(0, i) + replacement + text.slice(i + f.length));
}

export function installStringLib(t: PrimTable): void {
  t.in('racket/string', () => {
    t.fn('string-prefix?', 2, 2, (s, p) => checkString('string-prefix?', s).s.startsWith(checkString('string-prefix?', p).s));
    t.fn('string-suffix?', 2, 2, (s, p) => checkString('string-suffix?', s).s.endsWith(checkString('string-suffix?', p).s));
    t.fn('string-contains?', 2, 2, (s, p) => checkString('string-contains?', s).s.includes(checkString('string-contains?', p).s));
    t.fn('non-empty-string?', 1, 1, (v) => v instanceof RString && v.s.length > 0);
  });
  t.internal('no-separator', NO_SEPARATOR);
  t.internalFn('string-split', 5, 5, (who: Value, s: Value, sep: Value, trim: Value, repeat: Value) =>
    stringSplit(String(who), s, sep, trim !== false, repeat !== false),
  );
  t.internalFn('string-trim', 5, 5, (s: Value, sep: Value, l: Value, r: Value, repeat: Value) =>
    stringTrim(s, sep, l !== false, r !== false, repeat !== false),
  );
  t.internalFn('string-join', 5, 5, stringJoin);
  t.internalFn('string-replace', 4, 4, (s: Value, from: Value, to: Value, all: Value) => stringReplace(s, from, to, all !== false));
}
