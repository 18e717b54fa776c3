// The representation of every Racket value the runtime knows.
//
// Exact integers are JS numbers while they are safe integers and BigInts beyond,
// so the common case costs nothing. Flonums are boxed in `Flonum` so that
// `(exact? 1.0)` is #f and `1.0` prints as `1.0`. Booleans are JS booleans.
// Everything else is an instance of one of the classes below.

/** A Racket value. Kept as `any`-compatible `unknown` at boundaries. */
export type Value = unknown;

export class Flonum {
  constructor(readonly n: number) {}
}

/** An exact non-integer rational; always normalized, den > 1. */
export class Rational {
  constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}
}

/**
 * A non-real complex number, as Racket CS has them: either both parts exact
 * and the imaginary part nonzero, or both parts flonums (an inexact complex
 * keeps a 0.0 imaginary part). values/complex.ts makes them.
 */
export class Complex {
  constructor(
    readonly re: number | bigint | Rational | Flonum,
    readonly im: number | bigint | Rational | Flonum,
  ) {}
}

export class Null {
  private constructor() {}
  static readonly instance = new Null();
}
export const NULL = Null.instance;

export class Void {
  private constructor() {}
  static readonly instance = new Void();
}
export const VOID = Void.instance;

export class Eof {
  private constructor() {}
  static readonly instance = new Eof();
}
export const EOF = Eof.instance;

/**
 * An immutable pair (`cons`). Whether it starts a proper list is decided
 * when it is made — its cdr never changes — so `list?` is O(1), as in Racket.
 */
export class Pair {
  readonly isList: boolean;
  constructor(
    readonly car: Value,
    readonly cdr: Value,
  ) {
    this.isList = cdr === NULL || (cdr instanceof Pair && cdr.isList);
  }
}

/** A mutable pair (`mcons`). */
export class MPair {
  constructor(
    public car: Value,
    public cdr: Value,
  ) {}
}

// Symbols and keywords are interned by name. The intern tables are
// value-identity only (nothing observable about one runtime leaks into
// another through them), so they live at module level like V8's own
// string table.
const symbolTable = new Map<string, Sym>();

export class Sym {
  constructor(
    readonly name: string,
    readonly interned: boolean,
  ) {}
  toString(): string {
    return this.name;
  }
}

export function sym(name: string): Sym {
  let s = symbolTable.get(name);
  if (s === undefined) {
    s = new Sym(name, true);
    symbolTable.set(name, s);
  }
  return s;
}

export function uninternedSym(name: string): Sym {
  return new Sym(name, false);
}

const keywordTable = new Map<string, Keyword>();

export class Keyword {
  private constructor(readonly name: string) {}
  static intern(name: string): Keyword {
    let k = keywordTable.get(name);
    if (k === undefined) {
      k = new Keyword(name);
      keywordTable.set(name, k);
    }
    return k;
  }
}

export function keyword(name: string): Keyword {
  return Keyword.intern(name);
}

const charTable = new Map<number, Char>();

/** A Unicode scalar value. Interned, so `eq?` works on characters as in Racket. */
export class Char {
  private constructor(readonly code: number) {}
  static of(code: number): Char {
    let c = charTable.get(code);
    if (c === undefined) {
      c = new Char(code);
      charTable.set(code, c);
    }
    return c;
  }
}

export function char(code: number): Char {
  return Char.of(code);
}

/**
 * A string: its text as a JS string, and, once a character has been set or
 * the text holds characters outside the BMP (two UTF-16 units each), one
 * array entry per character, so `string-ref` and `string-set!` take
 * constant time whatever the string holds.
 */
export class RString {
  private text: string | null;
  private chars: string[] | null = null;
  /** Whether `text` is free of surrogate pairs (undefined: not checked yet). */
  private bmp: boolean | undefined = undefined;

  constructor(
    text: string,
    public immutable: boolean,
  ) {
    this.text = text;
  }

  get s(): string {
    if (this.text === null) this.text = (this.chars as string[]).join('');
    return this.text;
  }

  set s(text: string) {
    this.text = text;
    this.chars = null;
    this.bmp = undefined;
  }

  /** The number of characters (code points). */
  get length(): number {
    if (this.chars !== null) return this.chars.length;
    return this.isBmp() ? (this.text as string).length : this.characters().length;
  }

  /** The code point of character `i` (0 <= i < length). */
  codeAt(i: number): number {
    if (this.chars === null && this.isBmp()) return (this.text as string).charCodeAt(i);
    return this.characters()[i].codePointAt(0) as number;
  }

  /** The text of characters `start` to `end` (0 <= start <= end <= length). */
  slice(start: number, end: number): string {
    if (this.chars === null && this.isBmp()) return (this.text as string).slice(start, end);
    return this.characters().slice(start, end).join('');
  }

  /** Replaces character `i` (0 <= i < length) by the character `ch`. */
  setChar(i: number, ch: string): void {
    this.characters()[i] = ch;
    this.text = null;
  }

  /** The characters, one string each; the caller may change them through setChar only. */
  characters(): string[] {
    if (this.chars === null) this.chars = Array.from(this.text as string);
    return this.chars;
  }

  private isBmp(): boolean {
    if (this.bmp === undefined) this.bmp = !SURROGATE_PAIR_UNIT.test(this.text as string);
    return this.bmp;
  }

  toString(): string {
    return this.s;
  }
}

const SURROGATE_PAIR_UNIT = /[\ud800-\udfff]/;

export function str(s: string, immutable = false): RString {
  return new RString(s, immutable);
}

/** A byte string. */
export class RBytes {
  constructor(
    public bytes: Uint8Array,
    public immutable: boolean,
  ) {}
}

export class RVector {
  constructor(
    public items: Value[],
    public immutable: boolean,
  ) {}
}

export class Box {
  constructor(
    public value: Value,
    public immutable: boolean,
  ) {}
}

/** Several values delivered to one continuation (`values` with n != 1). */
export class MultipleValues {
  constructor(readonly vals: Value[]) {}
}

export function isList(v: Value): boolean {
  return v === NULL || (v instanceof Pair && v.isList);
}

export function listFromArray(items: readonly Value[], tail: Value = NULL): Value {
  let r = tail;
  for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i], r);
  return r;
}

/** The elements of a proper list; the caller has checked `isList`. */
export function listToArray(v: Value): Value[] {
  const out: Value[] = [];
  while (v instanceof Pair) {
    out.push(v.car);
    v = v.cdr;
  }
  return out;
}
