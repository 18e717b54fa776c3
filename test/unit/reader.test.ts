// Tests for the reader (src/reader). Every expected error message, location
// and tricky result here was checked against Racket 8.7 (`racket`), reading
// with `read-syntax` from a port with line counting on, source "f".

import { describe, expect, it } from 'vitest';
import {
  PrefabLiteral,
  ReadError,
  RegexpLiteral,
  readAll,
  readModuleSource,
  readOne,
  setRegexpChecker,
  syntaxToDatum,
} from '../../src/reader/index.js';
import { RHash } from '../../src/values/hash.js';
import { StructInstance } from '../../src/values/struct.js';
import { prefabKey } from '../../src/printer/print.js';
import { Syntax, type SrcLoc } from '../../src/values/syntax.js';
import { numberToString } from '../../src/values/numbers.js';
import {
  Box,
  Char,
  Complex,
  Flonum,
  Keyword,
  NULL,
  Pair,
  RBytes,
  RString,
  RVector,
  Rational,
  Sym,
  keyword,
  sym,
  type Value,
} from '../../src/values/types.js';

// ---------------------------------------------------------------------------
// Helpers

const CHAR_NAMES: Record<number, string> = {
  0: 'nul',
  8: 'backspace',
  9: 'tab',
  10: 'newline',
  11: 'vtab',
  12: 'page',
  13: 'return',
  32: 'space',
  127: 'rubout',
};

function showFlonum(n: number): string {
  if (Number.isNaN(n)) return '+nan.0';
  if (n === Infinity) return '+inf.0';
  if (n === -Infinity) return '-inf.0';
  if (Object.is(n, -0)) return '-0.0';
  const s = String(n);
  return /[.e]/.test(s) ? s : s + '.0';
}

/** A printed form close to Racket's `write` (flonums in JS notation). */
function show(v: Value): string {
  if (v instanceof Syntax) return show(syntaxToDatum(v));
  if (v === true) return '#t';
  if (v === false) return '#f';
  if (v === NULL) return '()';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Flonum) return showFlonum(v.n);
  if (v instanceof Rational) return `${v.num}/${v.den}`;
  if (v instanceof Complex) return numberToString(v);
  if (v instanceof Sym) return v.name;
  if (v instanceof Keyword) return `#:${v.name}`;
  if (v instanceof RString) return JSON.stringify(v.s);
  if (v instanceof RBytes) return '#' + JSON.stringify(String.fromCharCode(...v.bytes));
  if (v instanceof Char) return '#\\' + (CHAR_NAMES[v.code] ?? String.fromCodePoint(v.code));
  if (v instanceof Pair) {
    const parts: string[] = [];
    let x: Value = v;
    while (x instanceof Pair) {
      parts.push(show(x.car));
      x = x.cdr;
    }
    return x === NULL ? `(${parts.join(' ')})` : `(${parts.join(' ')} . ${show(x)})`;
  }
  if (v instanceof RVector) return `#(${v.items.map(show).join(' ')})`;
  if (v instanceof Box) return `#&${show(v.value)}`;
  if (v instanceof RHash) {
    const prefix = v.kind === 'equal' ? '#hash' : v.kind === 'eq' ? '#hasheq' : '#hasheqv';
    const entries = v.entries().map(([k, x]) => `(${show(k)} . ${show(x)})`);
    return `${prefix}(${entries.join(' ')})`;
  }
  if (v instanceof PrefabLiteral) return `#s(${[v.key, ...v.fields].map(show).join(' ')})`;
  if (v instanceof StructInstance && v.type.prefab !== null) return `#s(${[prefabKey(v.type), ...v.fields].map(show).join(' ')})`;
  if (v instanceof RegexpLiteral) return `#${v.pregexp ? 'px' : 'rx'}${v.bytes ? '#' : ''}${JSON.stringify(v.source)}`;
  return `<${String(v)}>`;
}

/** The datums of `text`, printed. */
function rd(text: string): string {
  return readAll(text, 'f').map(show).join(' ');
}

/** The one datum of `text`, as syntax. */
function stx(text: string): Syntax {
  const all = readAll(text, 'f');
  expect(all.length).toBe(1);
  return all[0];
}

function loc(s: Syntax | SrcLoc | null): [number, number, number, number] {
  const l = s instanceof Syntax ? s.loc! : s!;
  return [l.line!, l.column!, l.position, l.span];
}

function readError(text: string, read: () => unknown = () => readAll(text, 'f')): ReadError {
  try {
    read();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error(`no error reading ${JSON.stringify(text)}`);
}

// ---------------------------------------------------------------------------

describe('lists, pairs and dots', () => {
  it('reads lists in all three shapes', () => {
    expect(rd('(a b c) [1 2] {x} ()')).toBe('(a b c) (1 2) (x) ()');
  });

  it('records the paren shape as a property', () => {
    const shape = (s: Syntax) => s.props?.get('paren-shape') ?? null;
    expect(shape(stx('(a)'))).toBe(null);
    expect(shape(stx('[a]'))).toBe(Char.of(91));
    expect(shape(stx('{a}'))).toBe(Char.of(123));
    expect(shape(stx('#[1]'))).toBe(Char.of(91));
    expect(shape(stx('#hash{(a . 1)}'))).toBe(Char.of(123));
    expect(shape(stx('#s[p 1]'))).toBe(Char.of(91));
    // Racket passes the character itself as the shape for #\[ and #\{
    expect(shape(stx('#\\['))).toBe(Char.of(91));
    expect(shape(stx('#\\{'))).toBe(Char.of(123));
    expect(shape(stx('#\\('))).toBe(null);
  });

  it('reads dotted pairs, keeping the tail as a syntax object', () => {
    expect(rd('(a . b) (a b . c) (1 . (2 3)) [x . y]')).toBe('(a . b) (a b . c) (1 2 3) (x . y)');
    const s = stx('(a b . c)');
    const tail = ((s.e as Pair).cdr as Pair).cdr;
    expect(tail).toBeInstanceOf(Syntax);
    expect(loc(tail as Syntax)).toEqual([1, 7, 8, 1]);
    // `(a . (b c))`: the tail is the syntax object for `(b c)`
    const t = (stx('(a . (b c))').e as Pair).cdr as Syntax;
    expect(show(t)).toBe('(b c)');
    expect(loc(t)).toEqual([1, 5, 6, 5]);
  });

  it('reads infix dots', () => {
    expect(rd('(a . f . b) (1 . < . 2) (a . b . c d)')).toBe('(f a b) (< 1 2) (b a c d)');
    expect(rd("'(a . b . c)")).toBe('(quote (b a c))');
    const s = stx('(a . f . b)');
    expect(loc((s.e as Pair).car as Syntax)).toEqual([1, 5, 6, 1]);
  });

  it('treats a dot next to other characters as part of a symbol or number', () => {
    expect(rd('(a .b) (a.b) (1 .5) ... .a. +.a')).toBe('(a .b) (a.b) (1 0.5) ... .a. +.a');
    expect(rd("(x .'y) (x .(y)) (1 .,5)")).toBe('(x quote y) (x y) (1 unquote 5)');
  });

  it('allows comments around dots', () => {
    expect(rd('(a . #;x b) (a . b #;c) (a #;b . c) (1 #| x |# . #| y |# 2) (x .;c\n y)')).toBe('(a . b) (a . b) (a . c) (1 . 2) (x . y)');
  });
});

describe('quote forms', () => {
  it('reads all eight abbreviations', () => {
    expect(rd("'x `x ,x ,@x #'x #`x #,x #,@x")).toBe(
      '(quote x) (quasiquote x) (unquote x) (unquote-splicing x) (syntax x) (quasisyntax x) (unsyntax x) (unsyntax-splicing x)',
    );
    expect(rd("`(1 ,@(2) . ,3) '#&(a) ,,@,x")).toBe(
      '(quasiquote (1 (unquote-splicing (2)) unquote 3)) (quote #&(a)) (unquote (unquote-splicing (unquote x)))',
    );
  });

  it('locates the quote symbol at the quote character', () => {
    const cases: [string, [number, number, number, number], [number, number, number, number]][] = [
      ["'x", [1, 0, 1, 1], [1, 1, 2, 1]],
      ["#'x", [1, 0, 1, 2], [1, 2, 3, 1]],
      [',@x', [1, 0, 1, 2], [1, 2, 3, 1]],
      ['#,@ x', [1, 0, 1, 3], [1, 4, 5, 1]],
    ];
    for (const [text, symLoc, datumLoc] of cases) {
      const s = stx(text);
      const p = s.e as Pair;
      expect(loc(p.car as Syntax)).toEqual(symLoc);
      expect(loc((p.cdr as Pair).car as Syntax)).toEqual(datumLoc);
    }
    expect(loc(stx("'  x"))).toEqual([1, 0, 1, 4]);
  });
});

describe('strings', () => {
  it('decodes every escape', () => {
    const s = stx('"a\\a\\b\\t\\n\\v\\f\\r\\e\\"\\\'\\\\z"');
    expect((s.e as RString).s).toBe('a\x07\b\t\n\v\f\r\x1b"\'\\z');
    expect((s.e as RString).immutable).toBe(true);
    expect(loc(s)).toEqual([1, 0, 1, 26]);
  });

  it('decodes octal, hex and unicode escapes', () => {
    const str = (t: string) => (stx(t).e as RString).s;
    expect(str('"\\101\\1010\\0\\7x"')).toBe('AA0\x00\x07x');
    expect(str('"\\x41\\x4142\\x7"')).toBe('AA42\x07');
    expect(str('"\\u03bb\\u03BBx\\u41"')).toBe('λλxA');
    expect(str('"\\uD83D\\uDE00"')).toBe('😀');
    expect(str('"\\uDBFF\\uDFFF"')).toBe('\u{10FFFF}');
    expect(str('"\\U1F600\\U0010FFFF\\U41"')).toBe('😀\u{10FFFF}A');
  });

  it('continues lines after a backslash', () => {
    expect((stx('"a\\\nb"').e as RString).s).toBe('ab');
    expect((stx('"a\\\r\nb"').e as RString).s).toBe('ab');
  });

  it('counts characters, not UTF-16 units, in locations', () => {
    const [s, y] = readAll('"λ😀x" y', 'f');
    expect(loc(s)).toEqual([1, 0, 1, 5]);
    expect(loc(y)).toEqual([1, 6, 7, 1]);
  });

  it('reads here strings', () => {
    expect(rd('#<<EOS\nhello\nworld\nEOS\n')).toBe('"hello\\nworld"');
    expect(rd('#<<EOS\nEOS')).toBe('""');
    expect(rd('#<<EOS\na\nEOSx\nEOS\n')).toBe('"a\\nEOSx"');
    expect(rd('#<<EOS\nEOS\nEOS')).toBe('"" EOS');
    expect(loc(stx('#<<EOS\nhello\nworld\nEOS\n'))).toEqual([1, 0, 1, 23]);
  });
});

describe('byte strings', () => {
  it('reads byte strings with byte escapes', () => {
    const s = stx('#"abc\\n\\x41\\101\\1\\12\\123\\1234ÿ"');
    const b = s.e as RBytes;
    expect(Array.from(b.bytes)).toEqual([97, 98, 99, 10, 65, 65, 1, 10, 83, 83, 52, 255]);
    expect(b.immutable).toBe(true);
  });
});

describe('characters', () => {
  it('reads plain and named characters', () => {
    expect(rd('#\\a #\\λ #\\😀 #\\( #\\  #\\A')).toBe('#\\a #\\λ #\\😀 #\\( #\\space #\\A');
    const names = '#\\nul #\\null #\\backspace #\\tab #\\newline #\\linefeed #\\vtab #\\page #\\return #\\space #\\rubout';
    expect(readAll(names, 'f').map((s) => (s.e as Char).code)).toEqual([0, 0, 8, 9, 10, 10, 11, 12, 13, 32, 127]);
    expect((stx('#\\NEWLINE').e as Char).code).toBe(10);
    expect((stx('#\\Space').e as Char).code).toBe(32);
  });

  it('reads octal and unicode escapes', () => {
    const code = (t: string) => (stx(t).e as Char).code;
    expect(code('#\\377')).toBe(255);
    expect(code('#\\000')).toBe(0);
    expect(code('#\\u03BB')).toBe(0x3bb);
    expect(code('#\\u41')).toBe(0x41);
    expect(code('#\\U1F600')).toBe(0x1f600);
    expect(code('#\\U10FFFF')).toBe(0x10ffff);
  });

  it('ends a character where Racket does', () => {
    // #\x41 is not a hex escape in 8.7: it is #\x followed by 41
    expect(rd('#\\x41')).toBe('#\\x 41');
    expect(rd('#\\uv')).toBe('#\\u v');
    expect(rd('#\\1a')).toBe('#\\1 a');
    expect(rd('#\\a1')).toBe('#\\a 1');
    expect(rd('#\\space(x)')).toBe('#\\space (x)');
    expect(rd('#\\u0041B')).toBe('#\\A B');
    const [c, n] = readAll('#\\x41', 'f');
    expect(loc(c)).toEqual([1, 0, 1, 3]);
    expect(loc(n)).toEqual([1, 3, 4, 2]);
  });
});

describe('numbers', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['-17', '-17'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['9007199254740993', '9007199254740993'],
    ['1/2', '1/2'],
    ['-6/4', '-3/2'],
    ['6/3', '2'],
    ['1.5', '1.5'],
    ['.5', '0.5'],
    ['1.', '1.0'],
    ['1e3', '1000.0'],
    ['1E3', '1000.0'],
    ['-0.0', '-0.0'],
    ['1.5e-7', '1.5e-7'],
    ['1/2e2', '50.0'],
    ['1f2', '100.0'],
    ['1#', '10.0'],
    ['1#.#e2', '1000.0'],
    ['1e400', '+inf.0'],
    ['-1e-400', '-0.0'],
    ['+inf.0', '+inf.0'],
    ['-inf.0', '-inf.0'],
    ['+nan.0', '+nan.0'],
    ['-nan.0', '+nan.0'],
    ['+inf.f', '+inf.0'],
    ['+INF.0', '+inf.0'],
    ['1/0#', '+inf.0'],
    ['#x-ff', '-255'],
    ['#XFF', '255'],
    ['#b101', '5'],
    ['#o777', '511'],
    ['#d10', '10'],
    ['#x1.8', '1.5'],
    ['#e1.5', '3/2'],
    ['#e1e3', '1000'],
    ['#e1f2', '100'],
    ['#i1/2', '0.5'],
    ['#i3', '3.0'],
    ['#i-0', '-0.0'],
    ['-0', '0'],
    ['#e#x10', '16'],
    ['#x#e10', '16'],
    ['#e1.5e2', '150'],
    ['#e1@0', '1'],
    ['1+0i', '1'],
    ['1@0', '1'],
    ['1.0@0', '1.0'],
    ['+0i', '0'],
  ];
  for (const [text, want] of cases) {
    it(`reads ${text}`, () => expect(rd(text)).toBe(want));
  }

  it('uses JS numbers for safe integers and BigInts beyond', () => {
    expect(stx('9007199254740991').e).toBe(9007199254740991);
    expect(stx('9007199254740992').e).toBe(9007199254740992n);
    expect(stx('-9007199254740993').e).toBe(-9007199254740993n);
    expect(stx('1/3').e).toEqual(new Rational(1n, 3n));
    expect(stx('1.0').e).toBeInstanceOf(Flonum);
  });

  it('rounds decimals correctly', () => {
    const n = (t: string) => (stx(t).e as Flonum).n;
    expect(n('1e23')).toBe(1e23);
    expect(n('0.1')).toBe(0.1);
    expect(n('2.2250738585072011e-308')).toBe(2.2250738585072011e-308);
    expect(n('4.9e-324')).toBe(5e-324);
    expect(n('1.7976931348623159e308')).toBe(Infinity);
    expect(n('9007199254740993.0')).toBe(9007199254740992);
    expect(n('#b1.1e10')).toBe(6);
  });

  it('reads everything else as a symbol', () => {
    for (const s of [
      '1+',
      '-',
      '+',
      '...',
      '+a',
      '1/2/3',
      '1.0/0',
      '1#.5',
      '1e',
      '1e+',
      '.e1',
      '1..2',
      '1@',
      '@1',
      '1i',
      'i',
      '1+2i3',
      '1t',
    ]) {
      const v = stx(s).e;
      expect(v).toBe(sym(s));
    }
  });

  it('reads complex numbers', () => {
    expect(rd('(1+2i +i -i 1.5-0.5i 1+0.0i 1.0+0i #e1.5+2i +inf.0+nan.0i #x1+ai 1@0)')).toBe(
      '(1+2i 0+1i 0-1i 1.5-0.5i 1.0+0.0i 1.0 3/2+2i +inf.0+nan.0i 1+10i 1)',
    );
  });

  it('rejects extflonums, which this runtime lacks', () => {
    for (const [text, what] of [
      ['1.0t0', 'extflonums'],
      ['+inf.t', 'extflonums'],
    ]) {
      const e = readError(text);
      expect(e.message).toBe(`f:1:0: read-syntax: ${what} are not supported in \`${text}\``);
      expect(loc(e.loc)).toEqual([1, 0, 1, text.length]);
      expect(e.incomplete).toBe(false);
    }
    // ... but a real read error later in the same datum comes first, as in Racket
    expect(readError('#(-1/2t0').message).toBe('f:1:0: read-syntax: expected a `)` to close `(`');
    // ... and a commented-out one does not matter
    expect(rd('#;1.0t0 5')).toBe('5');
  });
});

describe('symbols', () => {
  it('reads symbols case-sensitively and interns them', () => {
    const [a, b, c] = readAll('Abc abc Abc', 'f');
    expect(a.e).toBe(sym('Abc'));
    expect(b.e).toBe(sym('abc'));
    expect(c.e).toBe(a.e);
  });

  it('handles bars and backslashes', () => {
    const name = (t: string) => (stx(t).e as Sym).name;
    expect(name('|a b|c\\ d')).toBe('a bc d');
    expect(name('a|B|C')).toBe('aBC');
    expect(name('||')).toBe('');
    expect(name('|.|')).toBe('.');
    expect(name('\\1')).toBe('1');
    expect(name('|1|')).toBe('1');
    expect(name('\\#a')).toBe('#a');
    expect(name('a#b')).toBe('a#b');
    expect(name('|a\\|b')).toBe('a\\b');
    expect(name('#%app')).toBe('#%app');
    expect(name('#%')).toBe('#%');
    expect(name('a#|b|#')).toBe('a#b#');
  });

  it('folds case after #ci, and #cs switches back', () => {
    expect(rd('#ci ABC #cs ABC')).toBe('abc ABC');
    expect(rd('#ci (ABC #cs DEF |GhI| x\\Y)')).toBe('(abc DEF GhI xY)');
    expect(rd('#ci #:KW #ci #%APP #ci #\\A #ci "AbC"')).toBe('#:kw #%app #\\A "AbC"');
    expect(loc(stx('#ci ABC'))).toEqual([1, 4, 5, 3]);
    expect(rd('#ci')).toBe('');
  });
});

describe('booleans and keywords', () => {
  it('reads booleans', () => {
    expect(rd('#t #f #true #false #T #F')).toBe('#t #f #t #f #t #f');
    expect(rd('#t(1) #f"a" #true;x')).toBe('#t (1) #f "a" #t');
  });

  it('reads keywords', () => {
    expect(stx('#:name').e).toBe(keyword('name'));
    expect(rd('#:kw #:|a b| #: #:a:b #:.a')).toBe('#:kw #:a b #: #:a:b #:.a');
  });
});

describe('vectors, boxes and hash tables', () => {
  it('reads vectors as immutable vectors of syntax', () => {
    const s = stx('#(1 (2) x)');
    const v = s.e as RVector;
    expect(v.immutable).toBe(true);
    expect(v.items.every((x) => x instanceof Syntax)).toBe(true);
    expect(loc(v.items[2] as Syntax)).toEqual([1, 8, 9, 1]);
    expect(rd('#[1 2] #{1 2} #()')).toBe('#(1 2) #(1 2) #()');
  });

  it('fills vectors up to a length prefix', () => {
    expect(rd('#3(a) #2() #0() #2[a b] #3(1 2 3)')).toBe('#(a a a) #(0 0) #() #(a b) #(1 2 3)');
    const v = stx('#3(a)').e as RVector;
    expect(v.items[2]).toBe(v.items[0]);
    expect(loc(v.items[2] as Syntax)).toEqual([1, 3, 4, 1]);
    expect(loc((stx('#2()').e as RVector).items[0] as Syntax)).toEqual([1, 0, 1, 4]);
  });

  it('reads boxes', () => {
    const s = stx('#&x');
    expect(s.e).toBeInstanceOf(Box);
    expect((s.e as Box).immutable).toBe(true);
    expect(loc((s.e as Box).value as Syntax)).toEqual([1, 2, 3, 1]);
    expect(rd('#&  ;c\n x #&#&1')).toBe('#&x #&#&1');
  });

  it('reads hash tables with plain keys and syntax values', () => {
    const s = stx('#hash((a . 1) ("b" . (2)) ([c] . d))');
    const h = s.e as RHash;
    expect(h.kind).toBe('equal');
    expect(h.mutable).toBe(false);
    expect(h.size).toBe(3);
    const v = h.get(sym('a'));
    expect(v).toBeInstanceOf(Syntax);
    expect(loc(v as Syntax)).toEqual([1, 11, 12, 1]);
    expect(show(h.get(new RString('b', true)))).toBe('(2)');
    expect(show(h.get(new Pair(sym('c'), NULL)))).toBe('d');
    expect((stx('#hasheq((a . 1))').e as RHash).kind).toBe('eq');
    expect((stx('#hasheqv((1 . 2))').e as RHash).kind).toBe('eqv');
    expect((stx('#HASHEQ[(a . 1)]').e as RHash).kind).toBe('eq');
    // later keys win; `#;` comments out a whole pair
    expect(rd('#hash((a . 1) (a . 2))')).toBe('#hash((a . 2))');
    expect(rd('#hash(#;(a . 1) (b . 2))')).toBe('#hash((b . 2))');
    expect(rd('#hash((a #;x . 1))')).toBe('#hash((a . 1))');
  });
});

describe('regexp and prefab literals', () => {
  it('reads regexp literals', () => {
    const r = stx('#rx"a+"').e as RegexpLiteral;
    expect(r).toEqual(new RegexpLiteral('a+', false, false));
    expect(stx('#px"\\\\d"').e).toEqual(new RegexpLiteral('\\d', true, false));
    expect(stx('#rx#"x"').e).toEqual(new RegexpLiteral('x', false, true));
    expect(stx('#px#"\\x41"').e).toEqual(new RegexpLiteral('A', true, true));
    expect(loc(stx('#px"\\\\d"'))).toEqual([1, 0, 1, 8]);
  });

  it('lets the regexp library reject bad patterns at read time', () => {
    setRegexpChecker((lit) => (lit.source === '(' ? 'missing closing parenthesis in pattern\n  pattern: "("' : null));
    try {
      const e = readError('#rx"("');
      expect(e.message).toBe('f:1:0: read-syntax: missing closing parenthesis in pattern\n  pattern: "("');
      expect(loc(e.loc)).toEqual([1, 0, 1, 6]);
      expect(rd('#rx"a"')).toBe('#rx"a"');
    } finally {
      setRegexpChecker(null);
    }
  });

  it('reads prefab literals', () => {
    // As syntax a literal keeps its parts' locations; as a datum it is a prefab instance.
    const s = stx('#s(point 1 2)');
    const p = s.e as PrefabLiteral;
    expect(p).toBeInstanceOf(PrefabLiteral);
    expect(show(p.key)).toBe('point');
    expect(p.fields.map((f) => loc(f))).toEqual([
      [1, 9, 10, 1],
      [1, 11, 12, 1],
    ]);
    // As Racket writes them, with the key in its shortest form.
    expect(rd('#s((p 2) 1 2) #s((p 1 #()) 1) #s((p q 1) 1 2)')).toBe('#s(p 1 2) #s(p 1) #s((p q 1) 1 2)');
  });
});

describe('comments', () => {
  it('skips line, block, datum and #! comments', () => {
    expect(rd('a ; comment\nb')).toBe('a b');
    expect(rd('#| a #| nested |# b |# x')).toBe('x');
    expect(rd('#||#x #|#||#|#y')).toBe('x y');
    expect(rd('#; #; a b c')).toBe('c');
    expect(rd('(#; #; a b c)')).toBe('(c)');
    expect(rd('(a #;b)')).toBe('(a)');
    expect(rd("'#;1 x")).toBe('(quote x)');
    expect(rd('#!/bin/sh\nx')).toBe('x');
    expect(rd('#! hello\\\nmore\ny')).toBe('y');
    expect(rd('a\u00a0b\u2028c\ufeffd\u0085e')).toBe('a b c d e');
    // a line comment ends at a newline only
    expect(rd('; a\rb\nc')).toBe('c');
  });
});

describe('locations', () => {
  it('reports nested locations as Racket does', () => {
    const s = stx('(define (f x)\n  (+ x 1))');
    expect(loc(s)).toEqual([1, 0, 1, 24]);
    const body = ((((s.e as Pair).cdr as Pair).cdr as Pair).car as Syntax).e as Pair;
    expect(loc(body.car as Syntax)).toEqual([2, 3, 18, 1]);
    expect(loc(((body.cdr as Pair).cdr as Pair).car as Syntax)).toEqual([2, 7, 22, 1]);
    expect(s.loc!.source).toBe('f');
  });

  it('counts CR LF as one position and tabs to the next multiple of 8', () => {
    expect(readAll('a\r\nb', 'f').map(loc)).toEqual([
      [1, 0, 1, 1],
      [2, 0, 3, 1],
    ]);
    expect(readAll('a\rb', 'f').map(loc)[1]).toEqual([2, 0, 3, 1]);
    expect(readAll('a\tb', 'f').map(loc)[1]).toEqual([1, 8, 3, 1]);
    expect(readAll('abcdefgh\tb', 'f').map(loc)[1]).toEqual([1, 16, 10, 1]);
    expect(readAll('"x\r\ny" b', 'f').map(loc)).toEqual([
      [1, 0, 1, 5],
      [2, 3, 7, 1],
    ]);
  });
});

describe('read errors', () => {
  // [input, message, [line, column, position, span] or null, incomplete]
  const cases: [string, string, [number, number, number, number] | null, boolean][] = [
    ['(1 2', 'f:1:0: read-syntax: expected a `)` to close `(`', [1, 0, 1, 1], true],
    ['(1 2]', 'f:1:4: read-syntax: expected `)` to close preceding `(`, found instead `]`', [1, 4, 5, 1], false],
    ['(a (b c]', 'f:1:7: read-syntax: expected `)` to close preceding `(`, found instead `]`', [1, 7, 8, 1], false],
    ['(a [b c)', 'f:1:7: read-syntax: missing `]` to close preceding `[`, found instead `)`', [1, 7, 8, 1], false],
    ['(a\n  (b\n c)\n  d]', 'f:4:3: read-syntax: expected `)` to close `(` on line 1, found instead `]`', [4, 3, 16, 1], false],
    [
      '(a\n  b\n c\n  d',
      'f:1:0: read-syntax: expected a `)` to close `(`\n  possible cause: indentation suggests a missing `)` before line 3',
      [1, 0, 1, 1],
      true,
    ],
    [
      '(define (f x)\n  (let ([y 1]\n    (+ x y)))\n(f 1)',
      'f:1:0: read-syntax: expected a `)` to close `(`\n  possible cause: indentation suggests a missing `)` before line 4',
      [1, 0, 1, 1],
      true,
    ],
    [')', 'f:1:0: read-syntax: unexpected `)`', [1, 0, 1, 1], false],
    [']', 'f:1:0: read-syntax: unexpected `]`', [1, 0, 1, 1], false],
    ['}', 'f:1:0: read-syntax: unexpected `}`', [1, 0, 1, 1], false],
    ['x y)', 'f:1:3: read-syntax: unexpected `)`', [1, 3, 4, 1], false],
    ['(a\n b)\n)', 'f:3:0: read-syntax: unexpected `)`', [3, 0, 8, 1], false],
    ['[a (b c)', 'f:1:0: read-syntax: expected a `]` to close `[`', [1, 0, 1, 1], true],
    ['{a', 'f:1:0: read-syntax: expected a `}` to close `{`', [1, 0, 1, 1], true],
    ['(. a)', 'f:1:1: read-syntax: illegal use of `.`', [1, 1, 2, 1], false],
    ['(a .)', 'f:1:4: read-syntax: unexpected `)`', [1, 4, 5, 1], false],
    ['(a . )', 'f:1:5: read-syntax: unexpected `)`', [1, 5, 6, 1], false],
    ['(a . b c)', 'f:1:3: read-syntax: illegal use of `.`', [1, 3, 4, 5], false],
    ['(a . b]', 'f:1:3: read-syntax: illegal use of `.`', [1, 3, 4, 4], false],
    ['(a . b', 'f:1:3: read-syntax: illegal use of `.`', [1, 3, 4, 3], true],
    ['(a . f . b . c)', 'f:1:11: read-syntax: illegal use of `.`', [1, 11, 12, 1], false],
    ['(a . f . )', 'f:1:3: read-syntax: illegal use of `.`', [1, 3, 4, 7], false],
    ['(x . . y)', 'f:1:5: read-syntax: illegal use of `.`', [1, 5, 6, 1], false],
    ['.', 'f:1:0: read-syntax: illegal use of `.`', [1, 0, 1, 1], false],
    ['#(1 . 2)', 'f:1:4: read-syntax: illegal use of `.`', [1, 4, 5, 1], false],
    ["'", 'f:1:0: read-syntax: expected an element for quoting "\'", found end-of-file', [1, 0, 1, 1], true],
    ["(a '", 'f:1:3: read-syntax: expected an element for quoting "\'", found end-of-file', [1, 3, 4, 1], true],
    ['`', 'f:1:0: read-syntax: expected an element for quasiquoting "`", found end-of-file', [1, 0, 1, 1], true],
    [',@', 'f:1:0: read-syntax: expected an element for unquoting `,@`, found end-of-file', [1, 0, 1, 2], true],
    ["#'", "f:1:0: read-syntax: expected an element for quoting #', found end-of-file", [1, 0, 1, 2], true],
    ['#,@', 'f:1:0: read-syntax: expected an element for unquoting #,@, found end-of-file', [1, 0, 1, 3], true],
    ['#&', 'f:1:0: read-syntax: expected an element for `#&` box, found end-of-file', [1, 0, 1, 2], true],
    ['#;', 'f: read-syntax: expected a commented-out element for `#;`, but found end-of-file', null, true],
    ['(#;', 'f:1:0: read-syntax: expected a commented-out element for `#;`, but found end-of-file', [1, 0, 1, 3], true],
    ["'#;", 'f:1:0: read-syntax: expected a commented-out element for `#;`, but found end-of-file', [1, 0, 1, 3], true],
    ['#| a ', 'f:1:1: read-syntax: end of file in `#|` comment', [1, 1, 2, 4], true],
    ['(a #| b', 'f:1:4: read-syntax: end of file in `#|` comment', [1, 4, 5, 3], true],
    ['"abc', 'f:1:0: read-syntax: expected a closing `"`', [1, 0, 1, 1], true],
    ['#"abc', 'f:1:0: read-syntax: expected a closing `"`', [1, 0, 1, 2], true],
    ['"\\q"', 'f:1:0: read-syntax: unknown escape sequence `\\q` in string', [1, 0, 1, 3], false],
    ['#"\\q"', 'f:1:0: read-syntax: unknown escape sequence `\\q` in byte string', [1, 0, 1, 4], false],
    ['"\\400"', 'f:1:0: read-syntax: escape sequence `\\400` is out of range in string', [1, 0, 1, 5], false],
    ['"\\x"', 'f:1:0: read-syntax: no hex digit following `\\x`', [1, 0, 1, 3], false],
    ['"\\uD83D"', 'f:1:0: read-syntax: bad or incomplete surrogate-style encoding at `\\uD83D"`', [1, 0, 1, 8], false],
    ['"\\uD83Dx"', 'f:1:0: read-syntax: bad or incomplete surrogate-style encoding at `\\uD83Dx`', [1, 0, 1, 8], false],
    ['"\\uDE00\\uDC00"', 'f:1:0: read-syntax: escape sequence `\\uDE00\\uDC00` is out of range in string', [1, 0, 1, 13], false],
    ['"\\U110000"', 'f:1:0: read-syntax: escape sequence `\\U110000` is out of range in string', [1, 0, 1, 9], false],
    ['"\\UD800"', 'f:1:0: read-syntax: escape sequence `\\UD800` is out of range in string', [1, 0, 1, 7], false],
    ['#"λ"', 'f:1:0: read-syntax: character `λ` is out of range in byte string', [1, 0, 1, 3], false],
    ['#"\\u0041"', 'f:1:0: read-syntax: unknown escape sequence `\\u` in byte string', [1, 0, 1, 4], false],
    ['#"\\400"', 'f:1:0: read-syntax: escape sequence `\\400` is out of range in byte string', [1, 0, 1, 6], false],
    ['#\\', 'f:1:0: read-syntax: expected a character after `#\\`', [1, 0, 1, 2], true],
    ['#\\ab', 'f:1:0: read-syntax: bad character constant `#\\ab`', [1, 0, 1, 4], false],
    ['#\\12)', 'f:1:0: read-syntax: bad character constant `#\\12)`', [1, 0, 1, 5], false],
    ['#\\400', 'f:1:0: read-syntax: bad character constant `#\\400`', [1, 0, 1, 5], false],
    ['#\\uD800', 'f:1:0: read-syntax: bad character constant `#\\uD800`', [1, 0, 1, 7], false],
    ['#\\U110000', 'f:1:0: read-syntax: bad character constant `#\\u110000`', [1, 0, 1, 9], false],
    ['#\\λx', 'f:1:0: read-syntax: bad character constant `#\\λx`', [1, 0, 1, 4], false],
    ['#\\delete', 'f:1:0: read-syntax: bad character constant `#\\delete`', [1, 0, 1, 8], false],
    ['|abc', 'f:1:0: read-syntax: end-of-file following `|` in symbol', [1, 0, 1, 4], true],
    ['a\\', 'f:1:0: read-syntax: end-of-file following `\\` in symbol', [1, 0, 1, 2], true],
    ['#:|a', 'f:1:0: read-syntax: end-of-file following `|` in keyword', [1, 0, 1, 4], true],
    ['#x|', 'f:1:0: read-syntax: end-of-file following `|` in number', [1, 0, 1, 3], true],
    ['1/0', 'f:1:0: read-syntax: division by zero in `1/0`', [1, 0, 1, 3], false],
    ['#e1/0', 'f:1:0: read-syntax: division by zero in `#e1/0`', [1, 0, 1, 5], false],
    ['#i1/0', 'f:1:0: read-syntax: division by zero in `#i1/0`', [1, 0, 1, 5], false],
    ['#e+inf.0', 'f:1:0: read-syntax: no exact representation for +inf.0', [1, 0, 1, 8], false],
    ['#e', 'f:1:0: read-syntax: no digits', [1, 0, 1, 2], false],
    ['#x', 'f:1:0: read-syntax: no digits', [1, 0, 1, 2], false],
    ['#xg', 'f:1:0: read-syntax: bad digit `g`', [1, 0, 1, 3], false],
    ['#b2', 'f:1:0: read-syntax: bad digit `2`', [1, 0, 1, 3], false],
    ['#e#e1', 'f:1:0: read-syntax: misplaced exactness specification at `#e1`', [1, 0, 1, 5], false],
    ['#x#x1', 'f:1:0: read-syntax: misplaced radix specification at `#x1`', [1, 0, 1, 5], false],
    ['#e1.5t0', 'f:1:0: read-syntax: cannot convert extflonum to exact in `#e1.5t0`', [1, 0, 1, 7], false],
    ['#e1+2', 'f:1:0: read-syntax: missing `i` for complex number in `#e1+2`', [1, 0, 1, 5], false],
    ['#d.', 'f:1:0: read-syntax: illegal use of `.`', [1, 0, 1, 3], false],
    ['#e|1|', 'f:1:0: read-syntax: bad number: `#e1`', [1, 0, 1, 5], false],
    ['#z', 'f:1:0: read-syntax: bad syntax `#z`', [1, 0, 1, 2], false],
    ['#', 'f:1:0: read-syntax: bad syntax `#`', [1, 0, 1, 1], true],
    ['#a', 'f:1:0: read-syntax: bad syntax `#a`', [1, 0, 1, 2], false],
    ['#<', 'f:1:0: read-syntax: bad syntax `#<`', [1, 0, 1, 2], true],
    ['#<<x', 'f:1:0: read-syntax: found end-of-file after `#<<` and before a newline', [1, 0, 1, 4], true],
    ['#<<EOS\nhello', 'f:1:0: read-syntax: found end-of-file before terminating `EOS`', [1, 0, 1, 3], true],
    ['#tru', 'f:1:0: read-syntax: bad syntax `#tru`', [1, 0, 1, 4], true],
    ['#truex', 'f:1:0: read-syntax: bad syntax `#truex`', [1, 0, 1, 5], false],
    ['#True', 'f:1:0: read-syntax: bad syntax `#Tr`', [1, 0, 1, 3], false],
    ['#fx(1)', 'f:1:0: read-syntax: literal fxvectors not allowed', [1, 0, 1, 3], false],
    ['#fl(1.0)', 'f:1:0: read-syntax: literal flvectors not allowed', [1, 0, 1, 3], false],
    ['#hash(a)', 'f:1:6: read-syntax: expected `(`, `[`, or `{` to start a hash pair', [1, 6, 7, 1], false],
    ['#hash((a 1))', 'f:1:9: read-syntax: expected `.` and value for hash', [1, 9, 10, 1], false],
    ['#hash((a . 1 2))', 'f:1:13: read-syntax: expected `)` after value within a hash', [1, 13, 14, 1], false],
    ['#hash((a . 1)', 'f:1:0: read-syntax: expected `)` to close `(`', [1, 0, 1, 6], true],
    ['#hash(', 'f:1:0: read-syntax: expected `)` to close `(`', [1, 0, 1, 6], true],
    ['#hash(]', 'f:1:6: read-syntax: expected `)` to close preceding `(`, found instead `]`', [1, 6, 7, 1], false],
    ['#hash((a . 1) . (b . 2))', 'f:1:14: read-syntax: illegal use of `.`', [1, 14, 15, 1], false],
    ['#hashx', 'f:1:0: read-syntax: bad syntax `#hashx`', [1, 0, 1, 6], false],
    ['#has', 'f:1:0: read-syntax: expected `h` after `#has`', [1, 0, 1, 4], true],
    ['#hash((a', 'f:1:7: read-syntax: expected `.` and value for hash', [1, 7, 8, 1], true],
    ['#hash((a . 1', 'f:1:11: read-syntax: expected `)` after value within a hash', [1, 11, 12, 1], true],
    ['#s(1 2)', 'f:1:0: read-syntax: invalid structure description in `#s` form', [1, 0, 1, 7], false],
    ['#s()', 'f:1:0: read-syntax: missing structure description in `#s` form', [1, 0, 1, 4], false],
    [
      '#s((p 1) 1 2)',
      'f:1:0: read-syntax: mismatch between structure description and number of provided field values in `#s` form',
      [1, 0, 1, 13],
      false,
    ],
    ['#s((p #(0)) 1)', 'f:1:0: read-syntax: cannot read mutable `#s` form as syntax', [1, 0, 1, 14], false],
    ['#s x', 'f:1:0: read-syntax: expected `(`, `[`, or `{` after `#s`', [1, 0, 1, 3], false],
    [
      '#s(p . 1)',
      'f:1:0: read-syntax: mismatch between structure description and number of provided field values in `#s` form',
      [1, 0, 1, 9],
      false,
    ],
    ['#3(1 2 3 4)', 'f:1:0: read-syntax: vector length 3 is too small, 4 values provided', [1, 0, 1, 11], false],
    ['#3 (1)', 'f:1:0: read-syntax: bad syntax `#3 `', [1, 0, 1, 3], false],
    ['#3', 'f:1:0: read-syntax: bad syntax `#3#<eof>`', [1, 0, 1, 2], true],
    ['#0=(a)', 'f:1:0: read-syntax: `#...=` forms not enabled for `read-syntax` mode', [1, 0, 1, 3], false],
    ['#0#', 'f:1:0: read-syntax: `#...#` forms not enabled for `read-syntax` mode', [1, 0, 1, 3], false],
    ['#rxa', 'f:1:0: read-syntax: expected `"` or `#` after `#rx`', [1, 0, 1, 4], false],
    ['#rx#a', 'f:1:0: read-syntax: expected `"` after `#rx#`', [1, 0, 1, 5], false],
    ['#px', 'f:1:0: read-syntax: expected `"` or `#` after `#px`', [1, 0, 1, 3], true],
    ['#ra', 'f:1:0: read-syntax: bad syntax `#ra`', [1, 0, 1, 3], false],
    ['#reader', 'f:1:0: read-syntax: `#reader` not enabled', [1, 0, 1, 7], false],
    ['#rea', 'f:1:0: read-syntax: bad syntax `#rea`', [1, 0, 1, 4], true],
    [
      '#lang racket',
      'f:1:0: read-syntax: `#lang` not enabled\n  possible reason: not allowed again inside a module that already starts `#lang`, or not enabled for interactive evaluation',
      [1, 0, 1, 6],
      false,
    ],
    ['#langx', 'f:1:0: read-syntax: expected a single space after `#lang`', [1, 0, 1, 6], false],
    ['#lan', 'f:1:0: read-syntax: bad syntax `#lan`', [1, 0, 1, 4], true],
    [
      '#!x',
      'f:1:0: read-syntax: `#!` not enabled\n  possible reason: not allowed again inside a module that already starts `#lang`, or not enabled for interactive evaluation',
      [1, 0, 1, 3],
      false,
    ],
    ['#!(', 'f:1:0: read-syntax: bad syntax `#!(`', [1, 0, 1, 3], false],
    ['#~', 'f:1:0: read-syntax: `#~` compiled expressions not enabled', [1, 0, 1, 2], false],
    ['#cx', "f:1:0: read-syntax: expected `s', `S`, `i`, or `I` after `#c`", [1, 0, 1, 3], false],
    ['#c', "f:1:0: read-syntax: expected `s', `S`, `i`, or `I` after `#c`", [1, 0, 1, 2], true],
    ['(a #;(b', 'f:1:5: read-syntax: expected a `)` to close `(`', [1, 5, 6, 1], true],
    ['x #;\n\n', 'f: read-syntax: expected a commented-out element for `#;`, but found end-of-file', null, true],
    ['#:.', 'f:1:0: read-syntax: illegal use of `.`', [1, 0, 1, 3], false],
  ];
  for (const [text, message, where, incomplete] of cases) {
    it(`reports ${JSON.stringify(text)}`, () => {
      const e = readError(text);
      expect(e).toBeInstanceOf(ReadError);
      expect(e.message).toBe(message);
      expect(e.loc === null ? null : loc(e.loc)).toEqual(where);
      expect(e.incomplete).toBe(incomplete);
    });
  }

  it('reports an error only when the reader reaches it', () => {
    expect(readOne('x #| open', 0, 'f').datum!.e).toBe(sym('x'));
    expect(readOne('x "\\q"', 0, 'f').datum!.e).toBe(sym('x'));
    expect(readError('(a) "\\q" ]').message).toBe('f:1:4: read-syntax: unknown escape sequence `\\q` in string');
  });
});

describe('readModuleSource', () => {
  it('reads the #lang line and the forms after it', () => {
    const r = readModuleSource('#lang racket/base\n(define x 1)\n(display x)\n', 'm.rkt');
    expect(r.lang).toBe('racket/base');
    expect(r.langLoc).toEqual({ source: 'm.rkt', shown: 'm.rkt', line: 1, column: 6, position: 7, span: 11 });
    expect(r.forms.map(show)).toEqual(['(define x 1)', '(display x)']);
    expect(loc(r.forms[0])).toEqual([2, 0, 19, 12]);
  });

  it('allows comments and a #! line before #lang, and #!name for #lang name', () => {
    const r = readModuleSource('#!/usr/bin/env racket\n;; hi\n#| x |# #lang racket/base (display 2)', 'm.rkt');
    expect(r.lang).toBe('racket/base');
    expect(r.forms.map(show)).toEqual(['(display 2)']);
    expect(readModuleSource('#!racket/base\n(display 1)', 'm.rkt').lang).toBe('racket/base');
    expect(readModuleSource('#lang racket', 'm.rkt')).toMatchObject({ lang: 'racket', forms: [] });
  });

  it('reads a file without #lang', () => {
    const r = readModuleSource('(module m racket/base)', 'm.rkt');
    expect(r.lang).toBe(null);
    expect(r.langLoc).toBe(null);
    expect(r.forms.length).toBe(1);
  });

  it('reports bad #lang lines as Racket does', () => {
    const cases: [string, string][] = [
      ['#lang  racket\n', 'm.rkt:1:0: read-syntax: expected a single space after `#lang`'],
      ['#lang', 'm.rkt:1:0: read-syntax: expected a single space after `#lang`'],
      ['#lang \n', 'm.rkt:1:0: read-syntax: expected only alphanumeric, `-`, `+`, `_`, or `/` characters for `#lang`, found `\n`'],
      [
        '#lang racket/base(display 1)\n',
        'm.rkt:1:0: read-syntax: expected only alphanumeric, `-`, `+`, `_`, or `/` characters for `#lang`, found `(`',
      ],
      ['#lang /racket\n', 'm.rkt:1:0: read-syntax: expected a name that does not start `/` after `#lang`'],
      ['#lang racket/\n', 'm.rkt:1:0: read-syntax: expected a name that does not end `/` after `#lang`'],
      [
        '#lang racket/base\n(define x 1)\n#lang racket\n',
        'm.rkt:3:0: read-syntax: `#lang` not enabled\n  possible reason: not allowed again inside a module that already starts `#lang`, or not enabled for interactive evaluation',
      ],
      [
        '#lang racket/base\n#!racket\n',
        'm.rkt:2:0: read-syntax: `#!` not enabled\n  possible reason: not allowed again inside a module that already starts `#lang`, or not enabled for interactive evaluation',
      ],
      ['#lang racket/base\n#!\n', 'm.rkt:2:0: read-syntax: bad syntax `#!\n`'],
      ['#lang racket/base\n(display 1)\n#;', 'm.rkt: read-syntax: expected a commented-out element for `#;`, but found end-of-file'],
      ['#lang racket/base\n(display 1)\n#| abc', 'm.rkt:3:1: read-syntax: end of file in `#|` comment'],
      ['#lang racket/base\n(define x 1)\n(display (list x\n', 'm.rkt:3:9: read-syntax: expected a `)` to close `(`'],
      ['#lang racket/base\r\n(display 1)\r\n(a\r\n', 'm.rkt:3:0: read-syntax: expected a `)` to close `(`'],
    ];
    for (const [text, message] of cases) {
      expect(readError(text, () => readModuleSource(text, 'm.rkt')).message).toBe(message);
    }
  });
});

describe('readOne', () => {
  it('reads one datum at a time and says where it ended', () => {
    const text = ' (a b) c\n "d" ;x\n';
    let r = readOne(text, 0, 'f');
    expect(show(r.datum!)).toBe('(a b)');
    expect(r.end).toBe(6);
    r = readOne(text, r.end, 'f');
    expect(show(r.datum!)).toBe('c');
    expect(r.end).toBe(8);
    r = readOne(text, r.end, 'f');
    expect(show(r.datum!)).toBe('"d"');
    expect(loc(r.datum!)).toEqual([2, 1, 11, 3]);
    r = readOne(text, r.end, 'f');
    expect(r.datum).toBe(null);
    expect(r.end).toBe(text.length);
  });

  it('starts anywhere, even inside what was a token', () => {
    const text = 'abc def';
    readOne(text, 0, 'f');
    expect(show(readOne(text, 1, 'f').datum!)).toBe('bc');
    expect(show(readOne('xyz', 1, 'f').datum!)).toBe('yz');
  });

  it('flags incomplete input for a REPL', () => {
    const e = readError('', () => readOne('(define (f x)', 0, 'f'));
    expect(e.incomplete).toBe(true);
    expect(readError('', () => readOne('"abc', 0, 'f')).incomplete).toBe(true);
    expect(readError('', () => readOne("'", 0, 'f')).incomplete).toBe(true);
    expect(readError('', () => readOne(')', 0, 'f')).incomplete).toBe(false);
  });

  it('words errors as `read` does on a string port', () => {
    // checked with (read (open-input-string ...)): positions count bytes, no line counting
    const opts = { who: 'read', countLines: false } as const;
    const e1 = readError('', () => readOne('λ (1 2', 2, 'string', opts));
    expect(e1.message).toBe('string::4: read: expected a `)` to close `(`');
    expect(e1.incomplete).toBe(true);
    expect(readError('', () => readOne('"λ\\q"', 0, 'string', opts)).message).toBe(
      'string::1: read: unknown escape sequence `\\q` in string',
    );
    expect(readError('', () => readOne('#;', 0, 'string', opts)).message).toBe(
      'string: read: expected a commented-out element for `#;`, but found end-of-file',
    );
    expect(readError('', () => readOne('\r\n  )', 0, 'string', opts)).message).toBe('string::5: read: unexpected `)`');
  });

  it('makes strings, vectors and boxes mutable for `read`', () => {
    const d = syntaxToDatum(readOne('("s" #(1) #&2)', 0, 'string', { who: 'read' }).datum!) as Pair;
    const [s, v, b] = [d.car, (d.cdr as Pair).car, ((d.cdr as Pair).cdr as Pair).car];
    expect((s as RString).immutable).toBe(false);
    expect((v as RVector).immutable).toBe(false);
    expect((b as Box).immutable).toBe(false);
  });
});

describe('syntaxToDatum', () => {
  it('strips syntax everywhere', () => {
    const d = syntaxToDatum(stx('(a #(b) #&c #hash((k . (v))) "s" . d)'));
    expect(show(d)).toBe('(a #(b) #&c #hash((k . (v))) "s" . d)');
    const p = d as Pair;
    expect(p.car).toBe(sym('a'));
    const v = (p.cdr as Pair).car as RVector;
    expect(v.immutable).toBe(true);
    expect(v.items[0]).toBe(sym('b'));
    const h = (((p.cdr as Pair).cdr as Pair).cdr as Pair).car as RHash;
    expect(h.get(sym('k'))).toBeInstanceOf(Pair);
  });
});

describe('performance', () => {
  // How fast the reader is belongs to the benchmarks: a time limit here would
  // depend on the machine and on what else runs on it. What the suite checks
  // is that reading time grows linearly with the program's length: reading
  // a 2,049-line program once is compared with reading a 129-line program 16
  // times, the same amount of text. Both keep what they read alive, so the
  // garbage collector works about as hard in each, and the best of three
  // runs of each is taken, so that a busy machine slows both alike. A linear
  // reader gives a ratio near 1, a quadratic one 16.
  it('reads a long program in time linear in its length', () => {
    const chunk = [
      '(define (fib n)',
      '  (if (< n 2)',
      '      n',
      '      (+ (fib (- n 1)) (fib (- n 2)))))  ; comment',
      '(define v #(1 2 3 "four" #\\5 6.0 7/8))',
      '(define h #hash((a . 1) (b . 2)))',
      "(let loop ([i 0] [acc '()])",
      '  (if (= i 10) (reverse acc) (loop (add1 i) (cons `(,i . ,(* i i)) acc))))',
    ];
    /** A module of `n` copies of the chunk (4 forms each). */
    const program = (n: number) => ['#lang racket/base', ...Array.from({ length: n }, () => chunk).flat()].join('\n');
    const short = program(16);
    const long = program(256);
    expect(readModuleSource(short, 'p.rkt').forms.length).toBe(64);
    expect(readModuleSource(long, 'p.rkt').forms.length).toBe(1024); // also warms up
    /** Milliseconds to read all of `texts`, keeping the results. */
    const time = (texts: string[]) => {
      const kept: unknown[] = [];
      const t0 = performance.now();
      for (const text of texts) kept.push(readModuleSource(text, 'p.rkt'));
      return performance.now() - t0;
    };
    let shortBest = Infinity;
    let longBest = Infinity;
    for (let i = 0; i < 3; i++) {
      shortBest = Math.min(shortBest, time(Array(16).fill(short)));
      longBest = Math.min(longBest, time([long]));
    }
    expect(longBest / shortBest).toBeLessThan(4);
  });
});
