// The tokens of Racket's datum syntax, declared once, and the Chevrotain lexer
// built from them at module load.
//
// Every input lexes without lexer errors: whatever is not a valid token is
// caught by a catch-all (`BadDispatch` for `#...`, `Atom` for everything
// else), and the parser reports the error when it reaches it, so errors come
// out in reading order exactly as Racket reports them. Tokens whose decoding
// can fail (strings, characters, ...) are decoded by the parser for the same
// reason; a few custom patterns attach what they found as a payload.

import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import {
  cdotOn,
  isDelimiter,
  isLangNonsep,
  scanAtomEnd,
  scanBlockComment,
  scanBoolean,
  scanChar,
  scanHashOpen,
  scanHereString,
  scanShebangComment,
  scanStringEnd,
} from './scan.js';

type Exec = (text: string, offset: number) => CustomPatternMatcherReturn | null;

function match(text: string, start: number, end: number, payload?: unknown): CustomPatternMatcherReturn {
  const m = [text.slice(start, end)] as CustomPatternMatcherReturn;
  if (payload !== undefined) m.payload = payload;
  return m;
}

function custom(name: string, startChars: (string | number)[], exec: Exec, group?: string): TokenType {
  return createToken({
    name,
    pattern: { exec },
    start_chars_hint: startChars,
    line_breaks: true,
    ...(group ? { group } : {}),
  });
}

const HASH = 35;

// --- whitespace and comments ----------------------------------------------

export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const LineComment = createToken({ name: 'LineComment', pattern: /;[^\n]*/, group: Lexer.SKIPPED });

export const BlockComment = custom(
  'BlockComment',
  ['#'],
  (text, i) => {
    if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 124) return null;
    const end = scanBlockComment(text, i);
    return end < 0 ? null : match(text, i, end);
  },
  Lexer.SKIPPED,
);

/** `#|` without its `|#`: runs to the end; the parser reports it at EOF. */
export const UnterminatedBlockComment = custom('UnterminatedBlockComment', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 124) return null;
  return match(text, i, text.length);
});

/** `#! ` or `#!/` starts a comment to the end of the line. */
export const ShebangComment = custom(
  'ShebangComment',
  ['#'],
  (text, i) => {
    if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 33) return null;
    const c = text.charCodeAt(i + 2);
    if (c !== 32 && c !== 47) return null;
    return match(text, i, scanShebangComment(text, i));
  },
  Lexer.SKIPPED,
);

export const DatumComment = createToken({ name: 'DatumComment', pattern: '#;' });

// --- brackets and quotes --------------------------------------------------

export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[' });
export const LBrace = createToken({ name: 'LBrace', pattern: '{' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}' });

export const Quote = createToken({ name: 'Quote', pattern: "'" });
export const Quasiquote = createToken({ name: 'Quasiquote', pattern: '`' });
export const UnquoteSplicing = createToken({ name: 'UnquoteSplicing', pattern: ',@' });
export const Unquote = createToken({ name: 'Unquote', pattern: ',' });
export const SyntaxQuote = createToken({ name: 'SyntaxQuote', pattern: "#'" });
export const Quasisyntax = createToken({ name: 'Quasisyntax', pattern: '#`' });
export const UnsyntaxSplicing = createToken({ name: 'UnsyntaxSplicing', pattern: '#,@' });
export const Unsyntax = createToken({ name: 'Unsyntax', pattern: '#,' });

// --- `#` forms ------------------------------------------------------------

/** `#(`, `#[`, `#{`, and with a length: `#3(`. */
export const VectorOpen = createToken({ name: 'VectorOpen', pattern: /#[0-9]*[([{]/ });

/** `#hash(`, `#hasheq(`, `#hasheqv(`, `#hashalw(` (any letter case); payload: ScannedHashOpen. */
export const HashOpen = custom('HashOpen', ['#'], (text, i) => {
  const c = text.charCodeAt(i + 1);
  if (text.charCodeAt(i) !== HASH || (c !== 104 && c !== 72)) return null;
  const r = scanHashOpen(text, i);
  return 'msg' in r ? null : match(text, i, r.end, r);
});

export const PrefabOpen = createToken({ name: 'PrefabOpen', pattern: /#s[([{]/ });
export const BoxOpen = createToken({ name: 'BoxOpen', pattern: '#&' });

/** `#\...`; payload: ScannedChar or ScanError. */
export const CharTok = custom('Char', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 92) return null;
  const r = scanChar(text, i);
  return match(text, i, r.end, r);
});

export const StringTok = custom('String', ['"'], (text, i) => {
  if (text.charCodeAt(i) !== 34) return null;
  return match(text, i, scanStringEnd(text, i));
});

export const BytesTok = custom('Bytes', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 34) return null;
  return match(text, i, scanStringEnd(text, i + 1));
});

/** `#rx"..."`, `#px"..."`, `#rx#"..."`, `#px#"..."`. */
export const RegexpTok = custom('Regexp', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH) return null;
  const c = text.charCodeAt(i + 1);
  if ((c !== 114 && c !== 112) || text.charCodeAt(i + 2) !== 120) return null;
  let q = i + 3;
  if (text.charCodeAt(q) === HASH) q++;
  if (text.charCodeAt(q) !== 34) return null;
  return match(text, i, scanStringEnd(text, q));
});

/** `#<<TERM` here strings; payload: DecodedString or ScanError. */
export const HereStringTok = custom('HereString', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 60 || text.charCodeAt(i + 2) !== 60) return null;
  const r = scanHereString(text, i);
  return match(text, i, 'msg' in r ? text.length : r.end, r);
});

/** `#t`, `#f`, `#true`, `#false`; payload: ScannedConstant or ScanError. */
export const BooleanTok = custom('Boolean', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH) return null;
  const c = text.charCodeAt(i + 1);
  if (c !== 116 && c !== 84 && c !== 102 && c !== 70) return null;
  const r = scanBoolean(text, i);
  if (r === null) return null;
  return match(text, i, r.end, r);
});

/** `#:name` */
export const KeywordTok = custom('Keyword', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 58) return null;
  return match(text, i, scanAtomEnd(text, i + 2));
});

/** `#%name` */
export const HashSymbolTok = custom('HashSymbol', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 37) return null;
  return match(text, i, scanAtomEnd(text, i + 2));
});

/** A number with a radix or exactness prefix: `#x1F`, `#e1.5`, `#i#x10`, ... */
export const PrefixedNumberTok = custom('PrefixedNumber', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH) return null;
  switch (text[i + 1]) {
    case 'e':
    case 'E':
    case 'i':
    case 'I':
    case 'd':
    case 'D':
    case 'b':
    case 'B':
    case 'o':
    case 'O':
    case 'x':
    case 'X':
      return match(text, i, scanAtomEnd(text, i + 2));
    default:
      return null;
  }
});

/** `#cs` / `#ci`: read the next datum case-sensitively / -insensitively. */
export const CaseModeTok = createToken({ name: 'CaseMode', pattern: /#[cC][sSiI]/ });

/** `#lang`; the parser reads the name (or reports that `#lang` is not allowed). */
export const LangTok = createToken({ name: 'Lang', pattern: '#lang' });

/** `#!name`, the older spelling of `#lang name`. */
export const ShebangLangTok = custom('ShebangLang', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH || text.charCodeAt(i + 1) !== 33) return null;
  if (!isLangNonsep(text.charCodeAt(i + 2))) return null;
  return match(text, i, i + 3);
});

/** `#N=` and `#N#`: graph notation; the parser checks that it is enabled. */
export const GraphTok = custom('Graph', ['#'], (text, i) => {
  if (text.charCodeAt(i) !== HASH) return null;
  let j = i + 1;
  for (let d = text.charCodeAt(j); d >= 48 && d <= 57; d = text.charCodeAt(j)) j++;
  if (j === i + 1) return null;
  const c = text.charCodeAt(j);
  return c === 61 || c === HASH ? match(text, i, j + 1) : null;
});

/** Any other `#`: always an error, which the parser words as Racket does. */
export const BadDispatch = createToken({ name: 'BadDispatch', pattern: '#' });

// --- dots, symbols and numbers --------------------------------------------

/** A `.` on its own (followed by a delimiter): improper lists and infix. */
export const Dot = custom('Dot', ['.'], (text, i) => {
  if (text.charCodeAt(i) !== 46) return null;
  if (cdotOn()) return match(text, i, i + 1);
  const c = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  return isDelimiter(c) ? match(text, i, i + 1) : null;
});

function atomStartChars(): number[] {
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (c !== HASH && !isDelimiter(c)) out.push(c);
  // Chevrotain buckets codes above 255 in groups of 255; one code per bucket will do.
  for (let c = 256; c < 65536; c += 255) out.push(c);
  out.push(65535);
  return out;
}

/** A symbol or a number: everything else. */
export const Atom = custom('Atom', atomStartChars(), (text, i) => {
  const c = text.charCodeAt(i);
  if (c === HASH || isDelimiter(c)) return null;
  return match(text, i, scanAtomEnd(text, i));
});

export const allTokens: TokenType[] = [
  Whitespace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  ShebangComment,
  DatumComment,
  LParen,
  LBracket,
  LBrace,
  RParen,
  RBracket,
  RBrace,
  Quote,
  Quasiquote,
  UnquoteSplicing,
  Unquote,
  SyntaxQuote,
  Quasisyntax,
  UnsyntaxSplicing,
  Unsyntax,
  VectorOpen,
  HashOpen,
  PrefabOpen,
  BoxOpen,
  CharTok,
  StringTok,
  BytesTok,
  RegexpTok,
  HereStringTok,
  BooleanTok,
  KeywordTok,
  HashSymbolTok,
  PrefixedNumberTok,
  CaseModeTok,
  LangTok,
  ShebangLangTok,
  GraphTok,
  BadDispatch,
  Dot,
  Atom,
];

export const lexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

/** Tokenize; never fails (see above). */
export function tokenize(text: string): IToken[] {
  return lexer.tokenize(text).tokens;
}
