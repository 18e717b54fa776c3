// UTF-8 decoding as Racket's byte-string procedures do it when an error
// character is allowed: each byte that does not start a well-formed sequence
// counts as one bad character (unlike TextDecoder, which replaces a whole
// malformed subpart with one U+FFFD).

/** A decoded character: its code point (-1 for a bad byte), where it starts and its length in bytes. */
export interface DecodedChar {
  readonly code: number;
  readonly start: number;
  readonly length: number;
}

/** The well-formed sequence at `i`, or null. */
function sequenceAt(b: Uint8Array, i: number, end: number): [number, number] | null {
  const c = b[i];
  if (c < 0x80) return [c, 1];
  let len: number;
  let code: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [len, code, min] = [2, c & 0x1f, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [len, code, min] = [3, c & 0x0f, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [len, code, min] = [4, c & 0x07, 0x10000];
  else return null;
  if (i + len > end) return null;
  for (let k = 1; k < len; k++) {
    const d = b[i + k];
    if ((d & 0xc0) !== 0x80) return null;
    code = (code << 6) | (d & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return [code, len];
}

/** The characters of `b[start, end)`. */
export function decodeUtf8Chars(b: Uint8Array, start = 0, end = b.length): DecodedChar[] {
  const out: DecodedChar[] = [];
  let i = start;
  while (i < end) {
    const s = sequenceAt(b, i, end);
    if (s === null) {
      out.push({ code: -1, start: i, length: 1 });
      i++;
    } else {
      out.push({ code: s[0], start: i, length: s[1] });
      i += s[1];
    }
  }
  return out;
}
