// Source positions as Racket counts them on a port with line counting on
// (`port-count-lines!`), which is how modules are read:
//   - positions are 1-based and count characters (code points), and a
//     CR LF pair counts as one position;
//   - lines end at LF, CR, or CR LF;
//   - columns are 0-based, count characters, and a tab advances the column
//     to the next multiple of 8.
// Without line counting (a fresh string port used by `read`), a position
// counts UTF-8 bytes and there is no line or column.
//
// Chevrotain reports UTF-16 offsets; a LineMap converts them. The common case
// (no CR, no tabs, no characters outside the BMP) costs one binary search.

import type { SrcLoc } from '../values/syntax.js';

export class LineMap {
  /** UTF-16 offset of the first character of each line. */
  private readonly lineStarts: number[];
  /** Offsets (sorted) of UTF-16 units that do not start a position: the LF of
   * a CR LF pair and the low half of a surrogate pair. Null when there are none. */
  private readonly extra: number[] | null;
  /** Whether some line contains a tab or a surrogate pair (columns then need a scan). */
  private readonly irregular: boolean;

  constructor(readonly text: string) {
    const starts = [0];
    let extra: number[] | null = null;
    let irregular = false;
    const n = text.length;
    // Native searches first: most sources have only LF line ends and no tabs
    // or characters outside the BMP, and then a scan per line will do.
    const special = /[\r\ud800-\udfff]/.test(text);
    if (!special) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      irregular = text.indexOf('\t') >= 0;
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          starts.push(i + 1);
        } else if (c === 13) {
          if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
            (extra ??= []).push(i + 1);
            i++;
          }
          starts.push(i + 1);
        } else if (c === 9) {
          irregular = true;
        } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            (extra ??= []).push(i + 1);
            irregular = true;
            i++;
          }
        }
      }
    }
    this.lineStarts = starts;
    this.extra = extra;
    this.irregular = irregular;
  }

  /** Index of the line found last: reads mostly move forward a little. */
  private cur = 0;

  /** 0-based index of the line containing `offset`. */
  lineIndex(offset: number): number {
    const s = this.lineStarts;
    const n = s.length;
    let li = this.cur;
    if (s[li] <= offset) {
      // forward, a few lines at most before falling back to binary search
      for (let k = 0; k < 4; k++) {
        if (li + 1 >= n || s[li + 1] > offset) {
          this.cur = li;
          return li;
        }
        li++;
      }
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.cur = lo;
    return lo;
  }

  /** 1-based line of `offset`. */
  line(offset: number): number {
    return this.lineIndex(offset) + 1;
  }

  /** 1-based Racket position of the character at UTF-16 `offset`. */
  position(offset: number): number {
    const e = this.extra;
    if (e === null) return offset + 1;
    // count extra units strictly before offset
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + 1 - lo;
  }

  /** 0-based column of UTF-16 `offset`. */
  column(offset: number): number {
    const start = this.lineStarts[this.lineIndex(offset)];
    if (!this.irregular) return offset - start;
    const t = this.text;
    let col = 0;
    for (let i = start; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c === 9) col = col - (col % 8) + 8;
      else if (c >= 0xdc00 && c <= 0xdfff && i > start && isHigh(t.charCodeAt(i - 1))) continue;
      else col++;
    }
    return col;
  }

  /** 1-based position counting UTF-8 bytes, as a port without line counting does. */
  bytePosition(offset: number): number {
    let p = 1;
    const t = this.text;
    for (let i = 0; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x80) p += 1;
      else if (c < 0x800) p += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && isLow(t.charCodeAt(i + 1))) {
        p += 4;
        i++;
      } else p += 3;
    }
    return p;
  }

  /** The SrcLoc of the text from `start` to `end` (UTF-16 offsets). */
  loc(source: string, start: number, end: number, shown: string = source): SrcLoc {
    const li = this.lineIndex(start);
    const column = this.irregular ? this.column(start) : start - this.lineStarts[li];
    const position = this.extra === null ? start + 1 : this.position(start);
    const span = (this.extra === null ? end + 1 : this.position(end)) - position;
    return { source, line: li + 1, column, position, span, shown };
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
