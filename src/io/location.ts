// Line and column counting (port-count-lines!), as Racket counts: one
// position and one column per character of the UTF-8 decoding (an invalid
// byte is one character), a tab moves the column to the next multiple of 8,
// a return or a linefeed starts a line, and a linefeed just after a return
// belongs to the same line ending (it moves neither line nor position).

export class LineCounter {
  line = 1;
  col = 0;
  pos = 1;
  /** Continuation bytes still expected for the character being decoded. */
  private need = 0;
  private afterReturn = false;

  countByte(b: number): void {
    if (this.need > 0 && b >= 0x80 && b < 0xc0) {
      this.need--;
      return;
    }
    this.need = b < 0xc0 ? 0 : b < 0xe0 ? 1 : b < 0xf0 ? 2 : b < 0xf8 ? 3 : 0;
    this.countChar(b);
  }

  countBytes(bytes: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end; i++) this.countByte(bytes[i]);
  }

  /** A character (by code point; only ASCII control characters matter). */
  countChar(c: number): void {
    if (c === 10) {
      if (this.afterReturn) {
        this.afterReturn = false;
        return;
      }
      this.line++;
      this.col = 0;
      this.pos++;
      return;
    }
    this.afterReturn = c === 13;
    this.pos++;
    if (c === 13) {
      this.line++;
      this.col = 0;
    } else if (c === 9) this.col += 8 - (this.col % 8);
    else this.col++;
  }

  countText(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // A surrogate pair is one character: count its high half only.
      if (c >= 0xdc00 && c < 0xe000) continue;
      this.need = 0;
      this.countChar(c);
    }
  }

  /** A special value: one position and one column. */
  countSpecial(): void {
    this.need = 0;
    this.afterReturn = false;
    this.pos++;
    this.col++;
  }

  set(line: number | false, col: number | false, pos: number | false): void {
    if (line !== false) this.line = line;
    if (col !== false) this.col = col;
    if (pos !== false) this.pos = pos;
    this.need = 0;
    this.afterReturn = false;
  }
}
