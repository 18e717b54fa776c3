// Literal syntax for strings, characters and byte strings, as Racket 8.7's
// `write` produces it (io/print/string.rkt, char.rkt, bytes.rkt).

const GRAPHIC_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const BLANK_RE = /^[\p{Zs}\t]$/u;

/** Racket's `char-graphic?`: letters, marks, numbers, punctuation, symbols. */
export function isGraphicChar(c: string): boolean {
  return GRAPHIC_RE.test(c);
}

/** Racket's `char-blank?`: space separators and tab. */
export function isBlankChar(c: string): boolean {
  return BLANK_RE.test(c);
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** `\uXXXX` for the BMP, `\UXXXXXXXX` beyond. */
function unicodeEscape(code: number): string {
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

/**
 * Non-graphic characters that still belong to the grapheme cluster of the
 * character before them (Grapheme_Cluster_Break Extend or ZWJ with a
 * general category outside L/M/N/P/S): ZWNJ, ZWJ and the tag characters.
 * Racket keeps a whole cluster that starts with a graphic character
 * unescaped (`"a\u200Db"` writes the ZWJ as is, `"\u200Db"` escapes it).
 */
function joinsCluster(code: number): boolean {
  return code === 0x200c || code === 0x200d || (code >= 0xe0020 && code <= 0xe007f);
}

/**
 * The `write` form of a string: `"` delimited, with `\"`, `\\`, `\a \b \t
 * \n \v \f \r \e`, and `\uXXXX` / `\UXXXXXXXX` (uppercase hex) for other
 * characters that are neither graphic nor blank. Graphic and blank
 * characters, including all non-ASCII letters (`λ`, emoji), stay as is.
 */
export function writeStringLiteral(s: string): string {
  let out = '"';
  let start = 0; // start of the pending run of characters copied verbatim
  let inCluster = false;
  let i = 0;
  while (i < s.length) {
    const code = s.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    let esc: string | null;
    switch (code) {
      case 0x22:
        esc = '\\"';
        break;
      case 0x5c:
        esc = '\\\\';
        break;
      case 0x07:
        esc = '\\a';
        break;
      case 0x08:
        esc = '\\b';
        break;
      case 0x1b:
        esc = '\\e';
        break;
      case 0x0c:
        esc = '\\f';
        break;
      case 0x0a:
        esc = '\\n';
        break;
      case 0x0d:
        esc = '\\r';
        break;
      case 0x09:
        esc = '\\t';
        break;
      case 0x0b:
        esc = '\\v';
        break;
      default: {
        if (code >= 0x20 && code < 0x7f) {
          // ASCII printable: graphic, or the space (blank).
          inCluster = code !== 0x20;
          esc = null;
        } else {
          const c = String.fromCodePoint(code);
          if (isGraphicChar(c)) {
            inCluster = true;
            esc = null;
          } else if (isBlankChar(c)) {
            inCluster = false;
            esc = null;
          } else if (inCluster && joinsCluster(code)) {
            esc = null;
          } else {
            esc = unicodeEscape(code);
          }
        }
      }
    }
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + width;
      inCluster = false;
    }
    i += width;
  }
  return out + s.slice(start) + '"';
}

const CHAR_NAMES: Record<number, string> = {
  0x00: 'nul',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'newline',
  0x0b: 'vtab',
  0x0c: 'page',
  0x0d: 'return',
  0x20: 'space',
  0x7f: 'rubout',
};

/**
 * The `write` form of a character: `#\nul #\backspace #\tab #\newline
 * #\vtab #\page #\return #\space #\rubout` by name, graphic characters as
 * themselves (`#\a`, `#\λ`), everything else as `#\uXXXX` / `#\UXXXXXXXX`
 * (`#\u0001`, `#\u00A0`, `#\U0010FFFF`).
 */
export function writeCharLiteral(code: number): string {
  const name = CHAR_NAMES[code];
  if (name !== undefined) return `#\\${name}`;
  const c = String.fromCodePoint(code);
  if ((code > 0x20 && code < 0x7f) || isGraphicChar(c)) return `#\\${c}`;
  return `#${unicodeEscape(code)}`;
}

/**
 * The `write` form of a byte string: `#"..."`; printable ASCII and space
 * as is, `\"`, `\\`, `\a \b \t \n \v \f \r \e`, and octal escapes for the
 * rest: as short as possible (`\0`, `\37`) unless the byte is >= 64 or the
 * next byte is an octal digit, then three digits (`\177`, `\377`, `\0007`).
 */
export function writeBytesLiteral(bytes: Uint8Array): string {
  let out = '#"';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f) {
      if (b === 0x22) out += '\\"';
      else if (b === 0x5c) out += '\\\\';
      else out += String.fromCharCode(b);
      continue;
    }
    switch (b) {
      case 0x07:
        out += '\\a';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x1b:
        out += '\\e';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x0b:
        out += '\\v';
        continue;
    }
    const next = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    if (b >= 64 || (next >= 0x30 && next <= 0x37)) out += '\\' + b.toString(8).padStart(3, '0');
    else out += '\\' + b.toString(8);
  }
  return out + '"';
}

/**
 * What `display` of a byte string shows when the output is read back as
 * text, as with `(format "~a" bstr)`: the bytes decoded as UTF-8, each byte
 * that does not start a valid encoding (overlong, surrogate, beyond
 * U+10FFFF, truncated, or a stray continuation byte) becoming `?`.
 */
export function bytesToDisplayString(bytes: Uint8Array): string {
  let out = '';
  let run = 0; // start of a pending pure-ASCII run
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (run < i) out += latin(bytes, run, i);
    let len = 0;
    let code = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      code = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      code = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      code = b & 0x07;
      min = 0x10000;
    }
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (c & 0x3f);
    }
    if (ok && (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) ok = false;
    if (ok) {
      out += String.fromCodePoint(code);
      i += len;
    } else {
      out += '?';
      i += 1;
    }
    run = i;
  }
  if (run < n) out += latin(bytes, run, n);
  return out;
}

function latin(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k += 8192) {
    s += String.fromCharCode(...bytes.subarray(k, Math.min(to, k + 8192)));
  }
  return s;
}
