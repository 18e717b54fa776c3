// Tests for the value printer (src/printer).
//
// Every expected string in `GROUPS` is what Racket 8.7 prints for the value
// built by the Racket expression next to it: `(write v)`, `(display v)` and
// `(print v)` (print-as-expression #t, quote depth 0, as the REPL and
// module-level expressions print). The "agrees with racket" test re-checks
// all of them against the installed `racket` when there is one.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFlonum, formatNumber } from '../../src/printer/number-format.js';
import {
  type PrintContext,
  type Quotable,
  customPrint,
  displayString,
  printNamed,
  printQuotable,
  printString,
  writeString,
} from '../../src/printer/print.js';
import { RHash, type HashKind } from '../../src/values/hash.js';
import { StructInstance, StructType } from '../../src/values/struct.js';
import { type SrcLoc, Syntax } from '../../src/values/syntax.js';
import {
  Box,
  EOF,
  Flonum,
  MPair,
  NULL,
  Pair,
  RBytes,
  RString,
  RVector,
  Rational,
  VOID,
  type Value,
  char,
  keyword,
  listFromArray,
  sym,
} from '../../src/values/types.js';

// --- building values -------------------------------------------------------

const FL = (n: number) => new Flonum(n);
const RAT = (num: bigint, den: bigint) => new Rational(num, den);
const STR = (s: string) => new RString(s, true);
const S = (name: string) => sym(name);
const K = (name: string) => keyword(name);
const C = (code: number) => char(code);
const L = (...items: Value[]) => listFromArray(items);
const LT = (items: Value[], tail: Value) => listFromArray(items, tail);
const V = (...items: Value[]) => new RVector(items, false);
const BX = (v: Value) => new Box(v, false);
const MP = (a: Value, b: Value) => new MPair(a, b);
const BY = (...bytes: number[]) => new RBytes(new Uint8Array(bytes), false);
function H(kind: HashKind, mutable: boolean, ...entries: [Value, Value][]): RHash {
  const h = new RHash(kind, mutable);
  for (const [k, v] of entries) h.setInPlace(k, v);
  return h;
}

/** A procedure as the runtime might define one: printed through the protocol. */
class Proc {
  constructor(readonly name: string | null) {}
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}
const PROC = (name: string) => new Proc(name);

function structType(
  name: string,
  parent: StructType | null,
  fields: number,
  opts: { transparent?: boolean; prefab?: boolean; auto?: number; mutable?: number[] } = {},
): StructType {
  return new StructType(
    name,
    parent,
    fields,
    opts.auto ?? 0,
    false,
    new Map(),
    opts.transparent ?? false,
    opts.prefab ? name : null,
    new Set(opts.mutable ?? []),
  );
}
// The same struct types as the Racket prelude below.
const point = structType('point', null, 2, { transparent: true });
const opq = structType('opq', null, 1);
const msg = structType('msg', null, 1, { prefab: true });
const pa = structType('pa', null, 1);
const pb = structType('pb', pa, 1, { transparent: true });
const pc = structType('pc', null, 1, { transparent: true });
const pd = structType('pd', pc, 1);
const pp = structType('pp', null, 1, { prefab: true });
const pq = structType('pq', pp, 1, { prefab: true });
const pm = structType('pm', null, 2, { prefab: true, mutable: [1] });
const pn = structType('pn', pm, 1, { prefab: true, auto: 1 });
const empty_t = structType('empty-t', null, 0, { transparent: true });
function ST(type: StructType, ...fields: Value[]): StructInstance {
  // Automatic fields are #f, as `#:auto` fields default to.
  while (fields.length < type.fieldCount) fields.push(false);
  return new StructInstance(type, fields);
}

/** A syntax object as the reader makes one: every element wrapped, the outside located. */
function STX(datum: Value, loc: SrcLoc | null): Syntax {
  return new Syntax(wrap(datum), loc);
}
function wrap(d: Value): Value {
  if (d instanceof Pair) {
    const items: Value[] = [];
    let x: Value = d;
    while (x instanceof Pair) {
      items.push(new Syntax(wrap(x.car), null));
      x = x.cdr;
    }
    return listFromArray(items, x === NULL ? NULL : new Syntax(wrap(x), null));
  }
  if (d instanceof RVector)
    return new RVector(
      d.items.map((e) => new Syntax(wrap(e), null)),
      true,
    );
  return d;
}

// --- cases: [racket expression, value, write, display, print] --------------

type Case = [rkt: string, value: () => Value, write: string, display: string, print: string];

const GROUPS: [string, Case[]][] = [
  [
    'numbers and booleans',
    [
      ['0', () => 0, '0', '0', '0'],
      ['1', () => 1, '1', '1', '1'],
      ['-5', () => -5, '-5', '-5', '-5'],
      ['9007199254740991', () => 9007199254740991, '9007199254740991', '9007199254740991', '9007199254740991'],
      [
        '1208925819614629174706176',
        () => 1208925819614629174706176n,
        '1208925819614629174706176',
        '1208925819614629174706176',
        '1208925819614629174706176',
      ],
      [
        '-1180591620717411303424',
        () => -1180591620717411303424n,
        '-1180591620717411303424',
        '-1180591620717411303424',
        '-1180591620717411303424',
      ],
      ['(/ 1 3)', () => RAT(1n, 3n), '1/3', '1/3', '1/3'],
      ['(/ -7 2)', () => RAT(-7n, 2n), '-7/2', '-7/2', '-7/2'],
      [
        '(/ 1180591620717411303425 3)',
        () => RAT(1180591620717411303425n, 3n),
        '1180591620717411303425/3',
        '1180591620717411303425/3',
        '1180591620717411303425/3',
      ],
      ['1.0', () => FL(1), '1.0', '1.0', '1.0'],
      ['0.1', () => FL(0.1), '0.1', '0.1', '0.1'],
      ['-1.5', () => FL(-1.5), '-1.5', '-1.5', '-1.5'],
      ['100.0', () => FL(100), '100.0', '100.0', '100.0'],
      ['123.456', () => FL(123.456), '123.456', '123.456', '123.456'],
      ['1e21', () => FL(1e21), '1e+21', '1e+21', '1e+21'],
      ['1e20', () => FL(1e20), '1e+20', '1e+20', '1e+20'],
      ['1e-7', () => FL(1e-7), '1e-7', '1e-7', '1e-7'],
      ['1e-5', () => FL(1e-5), '1e-5', '1e-5', '1e-5'],
      ['0.0001', () => FL(0.0001), '0.0001', '0.0001', '0.0001'],
      ['0.001', () => FL(0.001), '0.001', '0.001', '0.001'],
      ['1e100', () => FL(1e100), '1e+100', '1e+100', '1e+100'],
      ['-1e-100', () => FL(-1e-100), '-1e-100', '-1e-100', '-1e-100'],
      ['+inf.0', () => FL(Infinity), '+inf.0', '+inf.0', '+inf.0'],
      ['-inf.0', () => FL(-Infinity), '-inf.0', '-inf.0', '-inf.0'],
      ['+nan.0', () => FL(NaN), '+nan.0', '+nan.0', '+nan.0'],
      ['-0.0', () => FL(-0), '-0.0', '-0.0', '-0.0'],
      ['0.0', () => FL(0), '0.0', '0.0', '0.0'],
      ['1e13', () => FL(1e13), '10000000000000.0', '10000000000000.0', '10000000000000.0'],
      ['1e14', () => FL(1e14), '1e+14', '1e+14', '1e+14'],
      ['1.5e14', () => FL(1.5e14), '1.5e+14', '1.5e+14', '1.5e+14'],
      ['123456789012345.0', () => FL(123456789012345), '123456789012345.0', '123456789012345.0', '123456789012345.0'],
      ['123456789012340.0', () => FL(123456789012340), '123456789012340.0', '123456789012340.0', '123456789012340.0'],
      ['1234567890123456.0', () => FL(1234567890123456), '1234567890123456.0', '1234567890123456.0', '1234567890123456.0'],
      ['12345678901234568.0', () => FL(12345678901234568), '12345678901234568.0', '12345678901234568.0', '12345678901234568.0'],
      [
        '1.2345678912345678e19',
        () => FL(1.2345678912345678e19),
        '12345678912345678000.0',
        '12345678912345678000.0',
        '12345678912345678000.0',
      ],
      [
        '1.2345678912345678e20',
        () => FL(1.2345678912345678e20),
        '1.2345678912345678e+20',
        '1.2345678912345678e+20',
        '1.2345678912345678e+20',
      ],
      ['5e-324', () => FL(5e-324), '5e-324', '5e-324', '5e-324'],
      [
        '1.7976931348623157e308',
        () => FL(1.7976931348623157e308),
        '1.7976931348623157e+308',
        '1.7976931348623157e+308',
        '1.7976931348623157e+308',
      ],
      ['0.3333333333333333', () => FL(1 / 3), '0.3333333333333333', '0.3333333333333333', '0.3333333333333333'],
      ['188660002136901.13', () => FL(188660002136901.13), '188660002136901.13', '188660002136901.13', '188660002136901.13'],
      ['2592813472567.4063', () => FL(2592813472567.4063), '2592813472567.4063', '2592813472567.4063', '2592813472567.4063'],
      ['2.5e-5', () => FL(2.5e-5), '2.5e-5', '2.5e-5', '2.5e-5'],
      ['12345678.9', () => FL(12345678.9), '12345678.9', '12345678.9', '12345678.9'],
      ['#t', () => true, '#t', '#t', '#t'],
      ['#f', () => false, '#f', '#f', '#f'],
    ],
  ],
  [
    'strings',
    [
      ['""', () => STR(''), '""', '', '""'],
      ['"abc"', () => STR('abc'), '"abc"', 'abc', '"abc"'],
      ['"a\\u000Ab"', () => STR('a\u000ab'), '"a\\nb"', 'a\u000ab', '"a\\nb"'],
      ['"tab\\u0009here"', () => STR('tab\u0009here'), '"tab\\there"', 'tab\u0009here', '"tab\\there"'],
      ['"q\\"uote"', () => STR('q"uote'), '"q\\"uote"', 'q"uote', '"q\\"uote"'],
      ['"back\\\\slash"', () => STR('back\\slash'), '"back\\\\slash"', 'back\\slash', '"back\\\\slash"'],
      [
        '"\\u0007\\u0008\\u000C\\u000D\\u000B\\u001B"',
        () => STR('\u0007\u0008\u000c\u000d\u000b\u001b'),
        '"\\a\\b\\f\\r\\v\\e"',
        '\u0007\u0008\u000c\u000d\u000b\u001b',
        '"\\a\\b\\f\\r\\v\\e"',
      ],
      ['"\\u0000"', () => STR('\u0000'), '"\\u0000"', '\u0000', '"\\u0000"'],
      ['"\\u0001x"', () => STR('\u0001x'), '"\\u0001x"', '\u0001x', '"\\u0001x"'],
      ['"\\u03BBx"', () => STR('\u03bbx'), '"\u03bbx"', '\u03bbx', '"\u03bbx"'],
      ['"\\u007F"', () => STR('\u007f'), '"\\u007F"', '\u007f', '"\\u007F"'],
      ['"\\u0085"', () => STR('\u0085'), '"\\u0085"', '\u0085', '"\\u0085"'],
      ['"\\u00A0"', () => STR('\u00a0'), '"\u00a0"', '\u00a0', '"\u00a0"'],
      ['"\\u00AD"', () => STR('\u00ad'), '"\\u00AD"', '\u00ad', '"\\u00AD"'],
      ['"\\u2028"', () => STR('\u2028'), '"\\u2028"', '\u2028', '"\\u2028"'],
      ['"\\u3000"', () => STR('\u3000'), '"\u3000"', '\u3000', '"\u3000"'],
      ['"\\U0001F600"', () => STR('\u{1f600}'), '"\u{1f600}"', '\u{1f600}', '"\u{1f600}"'],
      ['"\\uFEFF"', () => STR('\ufeff'), '"\\uFEFF"', '\ufeff', '"\\uFEFF"'],
      ['"\\U0010FFFF"', () => STR('\u{10ffff}'), '"\\U0010FFFF"', '\u{10ffff}', '"\\U0010FFFF"'],
      ['"\\uE000"', () => STR('\ue000'), '"\\uE000"', '\ue000', '"\\uE000"'],
      ['"a\\u200Db"', () => STR('a\u200db'), '"a\u200db"', 'a\u200db', '"a\u200db"'],
      ['"\\u200Db"', () => STR('\u200db'), '"\\u200Db"', '\u200db', '"\\u200Db"'],
      ['"e\\u0301"', () => STR('e\u0301'), '"e\u0301"', 'e\u0301', '"e\u0301"'],
      ['"\\U000E0041"', () => STR('\u{e0041}'), '"\\U000E0041"', '\u{e0041}', '"\\U000E0041"'],
      ['"\\u65E5\\u672C\\u8A9E"', () => STR('\u65e5\u672c\u8a9e'), '"\u65e5\u672c\u8a9e"', '\u65e5\u672c\u8a9e', '"\u65e5\u672c\u8a9e"'],
      ['"it\'s"', () => STR("it's"), '"it\'s"', "it's", '"it\'s"'],
    ],
  ],
  [
    'characters',
    [
      ['(integer->char 97)', () => C(0x61), '#\\a', 'a', '#\\a'],
      ['(integer->char 90)', () => C(0x5a), '#\\Z', 'Z', '#\\Z'],
      ['(integer->char 32)', () => C(0x20), '#\\space', ' ', '#\\space'],
      ['(integer->char 10)', () => C(0xa), '#\\newline', '\u000a', '#\\newline'],
      ['(integer->char 0)', () => C(0x0), '#\\nul', '\u0000', '#\\nul'],
      ['(integer->char 9)', () => C(0x9), '#\\tab', '\u0009', '#\\tab'],
      ['(integer->char 8)', () => C(0x8), '#\\backspace', '\u0008', '#\\backspace'],
      ['(integer->char 11)', () => C(0xb), '#\\vtab', '\u000b', '#\\vtab'],
      ['(integer->char 12)', () => C(0xc), '#\\page', '\u000c', '#\\page'],
      ['(integer->char 13)', () => C(0xd), '#\\return', '\u000d', '#\\return'],
      ['(integer->char 127)', () => C(0x7f), '#\\rubout', '\u007f', '#\\rubout'],
      ['(integer->char 1)', () => C(0x1), '#\\u0001', '\u0001', '#\\u0001'],
      ['(integer->char 27)', () => C(0x1b), '#\\u001B', '\u001b', '#\\u001B'],
      ['(integer->char 128)', () => C(0x80), '#\\u0080', '\u0080', '#\\u0080'],
      ['(integer->char 133)', () => C(0x85), '#\\u0085', '\u0085', '#\\u0085'],
      ['(integer->char 160)', () => C(0xa0), '#\\u00A0', '\u00a0', '#\\u00A0'],
      ['(integer->char 173)', () => C(0xad), '#\\u00AD', '\u00ad', '#\\u00AD'],
      ['(integer->char 955)', () => C(0x3bb), '#\\\u03bb', '\u03bb', '#\\\u03bb'],
      ['(integer->char 12288)', () => C(0x3000), '#\\u3000', '\u3000', '#\\u3000'],
      ['(integer->char 8232)', () => C(0x2028), '#\\u2028', '\u2028', '#\\u2028'],
      ['(integer->char 128512)', () => C(0x1f600), '#\\\u{1f600}', '\u{1f600}', '#\\\u{1f600}'],
      ['(integer->char 65279)', () => C(0xfeff), '#\\uFEFF', '\ufeff', '#\\uFEFF'],
      ['(integer->char 1114111)', () => C(0x10ffff), '#\\U0010FFFF', '\u{10ffff}', '#\\U0010FFFF'],
      ['(integer->char 57344)', () => C(0xe000), '#\\uE000', '\ue000', '#\\uE000'],
      ['(integer->char 769)', () => C(0x301), '#\\\u0301', '\u0301', '#\\\u0301'],
      ['(integer->char 40)', () => C(0x28), '#\\(', '(', '#\\('],
      ['(integer->char 35)', () => C(0x23), '#\\#', '#', '#\\#'],
      ['(integer->char 92)', () => C(0x5c), '#\\\\', '\\', '#\\\\'],
      ['(integer->char 34)', () => C(0x22), '#\\"', '"', '#\\"'],
      ['(integer->char 39)', () => C(0x27), "#\\'", "'", "#\\'"],
      ['(integer->char 124)', () => C(0x7c), '#\\|', '|', '#\\|'],
      ['(integer->char 59)', () => C(0x3b), '#\\;', ';', '#\\;'],
      ['(integer->char 126)', () => C(0x7e), '#\\~', '~', '#\\~'],
      ['(integer->char 65535)', () => C(0xffff), '#\\uFFFF', '\uffff', '#\\uFFFF'],
    ],
  ],
  [
    'symbols',
    [
      ['(string->symbol "a")', () => S('a'), 'a', 'a', "'a"],
      ['(string->symbol "Abc")', () => S('Abc'), 'Abc', 'Abc', "'Abc"],
      ['(string->symbol "a b")', () => S('a b'), '|a b|', 'a b', "'|a b|"],
      ['(string->symbol "1")', () => S('1'), '|1|', '1', "'|1|"],
      ['(string->symbol "")', () => S(''), '||', '', "'||"],
      ['(string->symbol "||")', () => S('||'), '\\|\\|', '||', "'\\|\\|"],
      ['(string->symbol "#foo")', () => S('#foo'), '|#foo|', '#foo', "'|#foo|"],
      ['(string->symbol "#%foo")', () => S('#%foo'), '#%foo', '#%foo', "'#%foo"],
      ['(string->symbol "#%")', () => S('#%'), '#%', '#%', "'#%"],
      ['(string->symbol "#")', () => S('#'), '|#|', '#', "'|#|"],
      ['(string->symbol "a#")', () => S('a#'), 'a#', 'a#', "'a#"],
      ['(string->symbol ".")', () => S('.'), '|.|', '.', "'|.|"],
      ['(string->symbol "..")', () => S('..'), '..', '..', "'.."],
      ['(string->symbol "...")', () => S('...'), '...', '...', "'..."],
      ['(string->symbol "+")', () => S('+'), '+', '+', "'+"],
      ['(string->symbol "-")', () => S('-'), '-', '-', "'-"],
      ['(string->symbol "+a")', () => S('+a'), '+a', '+a', "'+a"],
      ['(string->symbol "-a")', () => S('-a'), '-a', '-a', "'-a"],
      ['(string->symbol "1a")', () => S('1a'), '1a', '1a', "'1a"],
      ['(string->symbol "1e5")', () => S('1e5'), '|1e5|', '1e5', "'|1e5|"],
      ['(string->symbol "1/2")', () => S('1/2'), '|1/2|', '1/2', "'|1/2|"],
      ['(string->symbol "1/0")', () => S('1/0'), '|1/0|', '1/0', "'|1/0|"],
      ['(string->symbol "+inf.0")', () => S('+inf.0'), '|+inf.0|', '+inf.0', "'|+inf.0|"],
      ['(string->symbol "-nan.0")', () => S('-nan.0'), '|-nan.0|', '-nan.0', "'|-nan.0|"],
      ['(string->symbol "+i")', () => S('+i'), '|+i|', '+i', "'|+i|"],
      ['(string->symbol "1+2i")', () => S('1+2i'), '|1+2i|', '1+2i', "'|1+2i|"],
      ['(string->symbol "1@2")', () => S('1@2'), '|1@2|', '1@2', "'|1@2|"],
      ['(string->symbol "1#")', () => S('1#'), '|1#|', '1#', "'|1#|"],
      ['(string->symbol ".5")', () => S('.5'), '|.5|', '.5', "'|.5|"],
      ['(string->symbol "1.")', () => S('1.'), '|1.|', '1.', "'|1.|"],
      ['(string->symbol "+inf.t")', () => S('+inf.t'), '|+inf.t|', '+inf.t', "'|+inf.t|"],
      ['(string->symbol "1t5")', () => S('1t5'), '|1t5|', '1t5', "'|1t5|"],
      ['(string->symbol "inf.0")', () => S('inf.0'), 'inf.0', 'inf.0', "'inf.0"],
      ['(string->symbol "a|b")', () => S('a|b'), 'a\\|b', 'a|b', "'a\\|b"],
      ['(string->symbol "a\\\\b")', () => S('a\\b'), '|a\\b|', 'a\\b', "'|a\\b|"],
      ['(string->symbol "a(b")', () => S('a(b'), '|a(b|', 'a(b', "'|a(b|"],
      ['(string->symbol "[")', () => S('['), '|[|', '[', "'|[|"],
      ['(string->symbol "a,b")', () => S('a,b'), '|a,b|', 'a,b', "'|a,b|"],
      ['(string->symbol "a\'b")', () => S("a'b"), "|a'b|", "a'b", "'|a'b|"],
      ['(string->symbol "a`b")', () => S('a`b'), '|a`b|', 'a`b', "'|a`b|"],
      ['(string->symbol "a;b")', () => S('a;b'), '|a;b|', 'a;b', "'|a;b|"],
      ['(string->symbol "a\\"b")', () => S('a"b'), '|a"b|', 'a"b', '\'|a"b|'],
      ['(string->symbol "a\\u000Ab")', () => S('a\u000ab'), '|a\u000ab|', 'a\u000ab', "'|a\u000ab|"],
      ['(string->symbol "\\u03BB")', () => S('\u03bb'), '\u03bb', '\u03bb', "'\u03bb"],
      ['(string->symbol "#:k")', () => S('#:k'), '|#:k|', '#:k', "'|#:k|"],
      ['(string->symbol "#t")', () => S('#t'), '|#t|', '#t', "'|#t|"],
      ['(string->symbol "{")', () => S('{'), '|{|', '{', "'|{|"],
      ['(string->symbol "a{")', () => S('a{'), '|a{|', 'a{', "'|a{|"],
      ['(string->symbol "#|")', () => S('#|'), '\\#\\|', '#|', "'\\#\\|"],
      ['(string->symbol "|")', () => S('|'), '\\|', '|', "'\\|"],
      ['(string->symbol "a b|")', () => S('a b|'), 'a\\ b\\|', 'a b|', "'a\\ b\\|"],
      ['(string->symbol "\\u00A0")', () => S('\u00a0'), '|\u00a0|', '\u00a0', "'|\u00a0|"],
      ['(string->symbol "\\u200B")', () => S('\u200b'), '\u200b', '\u200b', "'\u200b"],
      ['(string->symbol "\\uFEFF")', () => S('\ufeff'), '|\ufeff|', '\ufeff', "'|\ufeff|"],
      ['(string->symbol "@")', () => S('@'), '@', '@', "'@"],
      ['(string->symbol "a@b")', () => S('a@b'), 'a@b', 'a@b', "'a@b"],
      ['(string->symbol ",a")', () => S(',a'), '|,a|', ',a', "'|,a|"],
      ['(string->symbol "\\u0085")', () => S('\u0085'), '|\u0085|', '\u0085', "'|\u0085|"],
      ['(string->symbol "a\\u0085b")', () => S('a\u0085b'), '|a\u0085b|', 'a\u0085b', "'|a\u0085b|"],
      ['(string->symbol "a\\u2029")', () => S('a\u2029'), '|a\u2029|', 'a\u2029', "'|a\u2029|"],
      ['(string->symbol "1_000")', () => S('1_000'), '1_000', '1_000', "'1_000"],
      ['(string->symbol "1.2.3")', () => S('1.2.3'), '1.2.3', '1.2.3', "'1.2.3"],
      ['(string->symbol "quote")', () => S('quote'), 'quote', 'quote', "'quote"],
      ['(string->symbol "->")', () => S('->'), '->', '->', "'->"],
      ['(string->symbol "1+")', () => S('1+'), '1+', '1+', "'1+"],
      ['(string->symbol "i")', () => S('i'), 'i', 'i', "'i"],
    ],
  ],
  [
    'keywords',
    [
      ['(string->keyword "k")', () => K('k'), '#:k', '#:k', "'#:k"],
      ['(string->keyword "a b")', () => K('a b'), '#:|a b|', '#:a b', "'#:|a b|"],
      ['(string->keyword "")', () => K(''), '#:', '#:', "'#:"],
      ['(string->keyword "1")', () => K('1'), '#:1', '#:1', "'#:1"],
      ['(string->keyword "A")', () => K('A'), '#:A', '#:A', "'#:A"],
      ['(string->keyword "#a")', () => K('#a'), '#:|#a|', '#:#a', "'#:|#a|"],
      ['(string->keyword ".")', () => K('.'), '#:|.|', '#:.', "'#:|.|"],
      ['(string->keyword "a|b")', () => K('a|b'), '#:a\\|b', '#:a|b', "'#:a\\|b"],
      ['(string->keyword "1.5")', () => K('1.5'), '#:1.5', '#:1.5', "'#:1.5"],
    ],
  ],
  [
    'byte strings',
    [
      ['(bytes)', () => BY(), '#""', '', '#""'],
      ['(bytes 97 98 99)', () => BY(97, 98, 99), '#"abc"', 'abc', '#"abc"'],
      ['(bytes 0)', () => BY(0), '#"\\0"', '\u0000', '#"\\0"'],
      ['(bytes 0 97 98)', () => BY(0, 97, 98), '#"\\0ab"', '\u0000ab', '#"\\0ab"'],
      ['(bytes 1 48)', () => BY(1, 48), '#"\\0010"', '\u00010', '#"\\0010"'],
      ['(bytes 0 55)', () => BY(0, 55), '#"\\0007"', '\u00007', '#"\\0007"'],
      ['(bytes 1 56)', () => BY(1, 56), '#"\\18"', '\u00018', '#"\\18"'],
      [
        '(bytes 7 8 9 10 11 12 13 27 34 92)',
        () => BY(7, 8, 9, 10, 11, 12, 13, 27, 34, 92),
        '#"\\a\\b\\t\\n\\v\\f\\r\\e\\"\\\\"',
        '\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u001b"\\',
        '#"\\a\\b\\t\\n\\v\\f\\r\\e\\"\\\\"',
      ],
      ['(bytes 127 128 255)', () => BY(127, 128, 255), '#"\\177\\200\\377"', '\u007f??', '#"\\177\\200\\377"'],
      ['(bytes 206 187)', () => BY(206, 187), '#"\\316\\273"', '\u03bb', '#"\\316\\273"'],
      ['(bytes 255 97)', () => BY(255, 97), '#"\\377a"', '?a', '#"\\377a"'],
      ['(bytes 31 32 126)', () => BY(31, 32, 126), '#"\\37 ~"', '\u001f ~', '#"\\37 ~"'],
      ['(bytes 240 159 152)', () => BY(240, 159, 152), '#"\\360\\237\\230"', '???', '#"\\360\\237\\230"'],
      ['(bytes 237 160 128 65)', () => BY(237, 160, 128, 65), '#"\\355\\240\\200A"', '???A', '#"\\355\\240\\200A"'],
    ],
  ],
  [
    'void, eof, empty list, procedures',
    [
      ['(void)', () => VOID, '#<void>', '#<void>', '#<void>'],
      ['eof', () => EOF, '#<eof>', '#<eof>', '#<eof>'],
      ["'()", () => NULL, '()', '()', "'()"],
      ['f', () => PROC('f'), '#<procedure:f>', '#<procedure:f>', '#<procedure:f>'],
      ['car', () => PROC('car'), '#<procedure:car>', '#<procedure:car>', '#<procedure:car>'],
      ['(list 1 f)', () => L(1, PROC('f')), '(1 #<procedure:f>)', '(1 #<procedure:f>)', "'(1 #<procedure:f>)"],
      ['(list (void) eof)', () => L(VOID, EOF), '(#<void> #<eof>)', '(#<void> #<eof>)', "'(#<void> #<eof>)"],
      ['(vector f)', () => V(PROC('f')), '#(#<procedure:f>)', '#(#<procedure:f>)', "'#(#<procedure:f>)"],
      ['(box (void))', () => BX(VOID), '#&#<void>', '#&#<void>', "'#&#<void>"],
    ],
  ],
  [
    'pairs and lists',
    [
      ['(list 1 (string->symbol "a") "s")', () => L(1, S('a'), STR('s')), '(1 a "s")', '(1 a s)', '\'(1 a "s")'],
      ['(list 1 (list 2 (list 3)))', () => L(1, L(2, L(3))), '(1 (2 (3)))', '(1 (2 (3)))', "'(1 (2 (3)))"],
      ['(list* 1 2)', () => LT([1], 2), '(1 . 2)', '(1 . 2)', "'(1 . 2)"],
      ['(list* 1 2 3)', () => LT([1, 2], 3), '(1 2 . 3)', '(1 2 . 3)', "'(1 2 . 3)"],
      ["(list '())", () => L(NULL), '(())', '(())', "'(())"],
      ['(list (list (list)))', () => L(L(L())), '((()))', '((()))', "'((()))"],
      ['(list (string->symbol "quote") (string->symbol "a"))', () => L(S('quote'), S('a')), '(quote a)', '(quote a)', "''a"],
      [
        '(list (string->symbol "quote") (list (string->symbol "quote") (string->symbol "a")))',
        () => L(S('quote'), L(S('quote'), S('a'))),
        '(quote (quote a))',
        '(quote (quote a))',
        "'''a",
      ],
      [
        '(list (string->symbol "quote") (string->symbol "a") (string->symbol "b"))',
        () => L(S('quote'), S('a'), S('b')),
        '(quote a b)',
        '(quote a b)',
        "'(quote a b)",
      ],
      [
        '(list* (string->symbol "quote") (string->symbol "a"))',
        () => LT([S('quote')], S('a')),
        '(quote . a)',
        '(quote . a)',
        "'(quote . a)",
      ],
      ['(list (string->symbol "quote"))', () => L(S('quote')), '(quote)', '(quote)', "'(quote)"],
      [
        '(list (string->symbol "quasiquote") (list (string->symbol "a") (list (string->symbol "unquote") (string->symbol "b")) (list (string->symbol "unquote-splicing") (string->symbol "c"))))',
        () => L(S('quasiquote'), L(S('a'), L(S('unquote'), S('b')), L(S('unquote-splicing'), S('c')))),
        '(quasiquote (a (unquote b) (unquote-splicing c)))',
        '(quasiquote (a (unquote b) (unquote-splicing c)))',
        "'`(a ,b ,@c)",
      ],
      ['(list (string->symbol "syntax") (string->symbol "x"))', () => L(S('syntax'), S('x')), '(syntax x)', '(syntax x)', "'#'x"],
      [
        '(list (string->symbol "quasisyntax") (list (string->symbol "unsyntax") (string->symbol "x")) (list (string->symbol "unsyntax-splicing") (string->symbol "y")))',
        () => L(S('quasisyntax'), L(S('unsyntax'), S('x')), L(S('unsyntax-splicing'), S('y'))),
        '(quasisyntax (unsyntax x) (unsyntax-splicing y))',
        '(quasisyntax (unsyntax x) (unsyntax-splicing y))',
        "'(quasisyntax #,x #,@y)",
      ],
      [
        '(list (string->symbol "a") (string->symbol "quote") (string->symbol "b"))',
        () => L(S('a'), S('quote'), S('b')),
        '(a quote b)',
        '(a quote b)',
        "'(a . 'b)",
      ],
      [
        '(list (list (string->symbol "quote") (string->symbol "a")))',
        () => L(L(S('quote'), S('a'))),
        '((quote a))',
        '((quote a))',
        "'('a)",
      ],
      [
        '(vector (list (string->symbol "quote") (string->symbol "a")))',
        () => V(L(S('quote'), S('a'))),
        '#((quote a))',
        '#((quote a))',
        "'#('a)",
      ],
      [
        '(list* 1 (list (string->symbol "quote") (string->symbol "a")) (string->symbol "b"))',
        () => LT([1, L(S('quote'), S('a'))], S('b')),
        '(1 (quote a) . b)',
        '(1 (quote a) . b)',
        "'(1 'a . b)",
      ],
      [
        '(list (string->symbol "unquote") (string->symbol "@foo"))',
        () => L(S('unquote'), S('@foo')),
        '(unquote @foo)',
        '(unquote @foo)',
        "', @foo",
      ],
      [
        '(list (string->symbol "a") (list (string->symbol "unquote") (string->symbol "@foo")))',
        () => L(S('a'), L(S('unquote'), S('@foo'))),
        '(a (unquote @foo))',
        '(a (unquote @foo))',
        "'(a , @foo)",
      ],
      [
        '(list (string->symbol "unsyntax") (string->symbol "@foo"))',
        () => L(S('unsyntax'), S('@foo')),
        '(unsyntax @foo)',
        '(unsyntax @foo)',
        "'#, @foo",
      ],
      ['(list (string->symbol "unquote") (string->symbol "@"))', () => L(S('unquote'), S('@')), '(unquote @)', '(unquote @)', "', @"],
      [
        '(list (string->symbol "unquote") (string->symbol "|@"))',
        () => L(S('unquote'), S('|@')),
        '(unquote \\|@)',
        '(unquote |@)',
        "',\\|@",
      ],
      ['(list (string->symbol "quote") (void))', () => L(S('quote'), VOID), '(quote #<void>)', '(quote #<void>)', "''#<void>"],
      [
        '(list (string->symbol "quote") f)',
        () => L(S('quote'), PROC('f')),
        '(quote #<procedure:f>)',
        '(quote #<procedure:f>)',
        "''#<procedure:f>",
      ],
      ['(vector (string->symbol "quote") (string->symbol "a"))', () => V(S('quote'), S('a')), '#(quote a)', '#(quote a)', "'#(quote a)"],
      [
        '(box (list (string->symbol "quote") (string->symbol "a")))',
        () => BX(L(S('quote'), S('a'))),
        '#&(quote a)',
        '#&(quote a)',
        "'#&'a",
      ],
      [
        '(list "a" (integer->char 98) (string->symbol "c") (string->symbol "d e") (string->keyword "f") (bytes 103) 1.5 (vector "h") (box (integer->char 105)) (make-immutable-hash (list (cons "j" (integer->char 107)))))',
        () =>
          L(
            STR('a'),
            C(0x62),
            S('c'),
            S('d e'),
            K('f'),
            BY(103),
            FL(1.5),
            V(STR('h')),
            BX(C(0x69)),
            H('equal', false, [STR('j'), C(0x6b)]),
          ),
        '("a" #\\b c |d e| #:f #"g" 1.5 #("h") #&#\\i #hash(("j" . #\\k)))',
        '(a b c d e #:f g 1.5 #(h) #&i #hash((j . k)))',
        '\'("a" #\\b c |d e| #:f #"g" 1.5 #("h") #&#\\i #hash(("j" . #\\k)))',
      ],
      ['(list #t #f 0 (/ 1 2))', () => L(true, false, 0, RAT(1n, 2n)), '(#t #f 0 1/2)', '(#t #f 0 1/2)', "'(#t #f 0 1/2)"],
    ],
  ],
  [
    'vectors, boxes, hash tables',
    [
      ['(vector)', () => V(), '#()', '#()', "'#()"],
      ['(vector 1 2)', () => V(1, 2), '#(1 2)', '#(1 2)', "'#(1 2)"],
      [
        '(vector (string->symbol "a") "b" (vector (integer->char 99)))',
        () => V(S('a'), STR('b'), V(C(0x63))),
        '#(a "b" #(#\\c))',
        '#(a b #(c))',
        '\'#(a "b" #(#\\c))',
      ],
      ['(box 1)', () => BX(1), '#&1', '#&1', "'#&1"],
      ['(box (box (string->symbol "a")))', () => BX(BX(S('a'))), '#&#&a', '#&#&a', "'#&#&a"],
      ['(vector (box (string->symbol "a")))', () => V(BX(S('a'))), '#(#&a)', '#(#&a)', "'#(#&a)"],
      ['(make-immutable-hash (list))', () => H('equal', false), '#hash()', '#hash()', "'#hash()"],
      [
        '(make-immutable-hash (list (cons (string->symbol "a") 1)))',
        () => H('equal', false, [S('a'), 1]),
        '#hash((a . 1))',
        '#hash((a . 1))',
        "'#hash((a . 1))",
      ],
      [
        '(make-immutable-hasheq (list (cons (string->symbol "a") 1)))',
        () => H('eq', false, [S('a'), 1]),
        '#hasheq((a . 1))',
        '#hasheq((a . 1))',
        "'#hasheq((a . 1))",
      ],
      [
        '(make-immutable-hasheqv (list (cons (string->symbol "a") 1)))',
        () => H('eqv', false, [S('a'), 1]),
        '#hasheqv((a . 1))',
        '#hasheqv((a . 1))',
        "'#hasheqv((a . 1))",
      ],
      [
        '(make-hash (list (cons (string->symbol "a") 1)))',
        () => H('equal', true, [S('a'), 1]),
        '#hash((a . 1))',
        '#hash((a . 1))',
        "'#hash((a . 1))",
      ],
      [
        '(make-hasheq (list (cons (string->symbol "a") 1)))',
        () => H('eq', true, [S('a'), 1]),
        '#hasheq((a . 1))',
        '#hasheq((a . 1))',
        "'#hasheq((a . 1))",
      ],
      ['(make-hasheqv (list))', () => H('eqv', true), '#hasheqv()', '#hasheqv()', "'#hasheqv()"],
      [
        '(make-immutable-hash (list (cons (string->symbol "b") 1) (cons (string->symbol "a") 2) (cons (string->symbol "c") 3)))',
        () => H('equal', false, [S('b'), 1], [S('a'), 2], [S('c'), 3]),
        '#hash((a . 2) (b . 1) (c . 3))',
        '#hash((a . 2) (b . 1) (c . 3))',
        "'#hash((a . 2) (b . 1) (c . 3))",
      ],
      [
        '(make-immutable-hash (list (cons "b" 1) (cons "a" 2)))',
        () => H('equal', false, [STR('b'), 1], [STR('a'), 2]),
        '#hash(("a" . 2) ("b" . 1))',
        '#hash((a . 2) (b . 1))',
        '\'#hash(("a" . 2) ("b" . 1))',
      ],
      [
        '(make-immutable-hash (list (cons 2 (string->symbol "x")) (cons 1 (string->symbol "y")) (cons 1.5 (string->symbol "z")) (cons (/ 1 2) (string->symbol "w"))))',
        () => H('equal', false, [2, S('x')], [1, S('y')], [FL(1.5), S('z')], [RAT(1n, 2n), S('w')]),
        '#hash((1/2 . w) (1 . y) (1.5 . z) (2 . x))',
        '#hash((1/2 . w) (1 . y) (1.5 . z) (2 . x))',
        "'#hash((1/2 . w) (1 . y) (1.5 . z) (2 . x))",
      ],
      [
        '(make-immutable-hash (list (cons (string->keyword "b") 1) (cons (string->keyword "a") 2)))',
        () => H('equal', false, [K('b'), 1], [K('a'), 2]),
        '#hash((#:a . 2) (#:b . 1))',
        '#hash((#:a . 2) (#:b . 1))',
        "'#hash((#:a . 2) (#:b . 1))",
      ],
      [
        '(make-immutable-hash (list (cons (bytes 98) 1) (cons (bytes 97) 2)))',
        () => H('equal', false, [BY(98), 1], [BY(97), 2]),
        '#hash((#"a" . 2) (#"b" . 1))',
        '#hash((a . 2) (b . 1))',
        '\'#hash((#"a" . 2) (#"b" . 1))',
      ],
      [
        '(make-immutable-hasheqv (list (cons (integer->char 98) 1)))',
        () => H('eqv', false, [C(0x62), 1]),
        '#hasheqv((#\\b . 1))',
        '#hasheqv((b . 1))',
        "'#hasheqv((#\\b . 1))",
      ],
      [
        '(make-immutable-hash (list (cons (list 1 2) (vector (string->symbol "x")))))',
        () => H('equal', false, [L(1, 2), V(S('x'))]),
        '#hash(((1 2) . #(x)))',
        '#hash(((1 2) . #(x)))',
        "'#hash(((1 2) . #(x)))",
      ],
      [
        '(make-immutable-hash (list (cons (string->symbol "a") f)))',
        () => H('equal', false, [S('a'), PROC('f')]),
        '#hash((a . #<procedure:f>))',
        '#hash((a . #<procedure:f>))',
        "'#hash((a . #<procedure:f>))",
      ],
      [
        '(make-immutable-hasheq (list (cons 2 (string->symbol "b")) (cons 1 (string->symbol "a"))))',
        () => H('eq', false, [2, S('b')], [1, S('a')]),
        '#hasheq((1 . a) (2 . b))',
        '#hasheq((1 . a) (2 . b))',
        "'#hasheq((1 . a) (2 . b))",
      ],
    ],
  ],
  [
    'mutable pairs and constructor style',
    [
      ['(mcons 1 2)', () => MP(1, 2), '{1 . 2}', '{1 . 2}', '(mcons 1 2)'],
      ["(mcons 1 '())", () => MP(1, NULL), '{1}', '{1}', "(mcons 1 '())"],
      [
        '(mcons (string->symbol "a") (mcons (string->symbol "b") \'()))',
        () => MP(S('a'), MP(S('b'), NULL)),
        '{a b}',
        '{a b}',
        "(mcons 'a (mcons 'b '()))",
      ],
      [
        '(mcons (string->symbol "a") (mcons (string->symbol "b") (string->symbol "c")))',
        () => MP(S('a'), MP(S('b'), S('c'))),
        '{a b . c}',
        '{a b . c}',
        "(mcons 'a (mcons 'b 'c))",
      ],
      ['(mcons (list 1) (vector (string->symbol "x")))', () => MP(L(1), V(S('x'))), '{(1) . #(x)}', '{(1) . #(x)}', "(mcons '(1) '#(x))"],
      ["(mcons '() '())", () => MP(NULL, NULL), '{()}', '{()}', "(mcons '() '())"],
      ['(list (mcons 1 2))', () => L(MP(1, 2)), '({1 . 2})', '({1 . 2})', '(list (mcons 1 2))'],
      ['(vector 1 (mcons 1 2))', () => V(1, MP(1, 2)), '#(1 {1 . 2})', '#(1 {1 . 2})', '(vector 1 (mcons 1 2))'],
      [
        '(vector (list 1 2) (mcons 1 2))',
        () => V(L(1, 2), MP(1, 2)),
        '#((1 2) {1 . 2})',
        '#((1 2) {1 . 2})',
        "(vector '(1 2) (mcons 1 2))",
      ],
      ['(list* 1 (mcons 1 2))', () => LT([1], MP(1, 2)), '(1 . {1 . 2})', '(1 . {1 . 2})', '(cons 1 (mcons 1 2))'],
      ['(list* 1 2 (mcons 1 2))', () => LT([1, 2], MP(1, 2)), '(1 2 . {1 . 2})', '(1 2 . {1 . 2})', '(list* 1 2 (mcons 1 2))'],
      ['(box (mcons 1 2))', () => BX(MP(1, 2)), '#&{1 . 2}', '#&{1 . 2}', '(box (mcons 1 2))'],
      [
        '(make-hash (list (cons (string->symbol "a") (mcons 1 2))))',
        () => H('equal', true, [S('a'), MP(1, 2)]),
        '#hash((a . {1 . 2}))',
        '#hash((a . {1 . 2}))',
        "(hash 'a (mcons 1 2))",
      ],
      [
        '(make-immutable-hash (list (cons (string->symbol "b") 1) (cons (string->symbol "a") (mcons 1 2))))',
        () => H('equal', false, [S('b'), 1], [S('a'), MP(1, 2)]),
        '#hash((a . {1 . 2}) (b . 1))',
        '#hash((a . {1 . 2}) (b . 1))',
        "(hash 'a (mcons 1 2) 'b 1)",
      ],
      ['(list (string->symbol "quote") (mcons 1 2))', () => L(S('quote'), MP(1, 2)), '(quote {1 . 2})', '(quote {1 . 2})', "'(mcons 1 2)"],
      [
        '(list (mcons 1 2) (string->symbol "quote") (string->symbol "x"))',
        () => L(MP(1, 2), S('quote'), S('x')),
        '({1 . 2} quote x)',
        '({1 . 2} quote x)',
        "(list (mcons 1 2) . ''x)",
      ],
      [
        '(list 1 (list (string->symbol "quote") (mcons 1 2)))',
        () => L(1, L(S('quote'), MP(1, 2))),
        '(1 (quote {1 . 2}))',
        '(1 (quote {1 . 2}))',
        "(list 1 '(mcons 1 2))",
      ],
      [
        '(list (mcons 1 2) (string->symbol "quote") (mcons 3 4))',
        () => L(MP(1, 2), S('quote'), MP(3, 4)),
        '({1 . 2} quote {3 . 4})',
        '({1 . 2} quote {3 . 4})',
        "(list (mcons 1 2) . '(mcons 3 4))",
      ],
      [
        '(list 1 (void) (mcons 1 2))',
        () => L(1, VOID, MP(1, 2)),
        '(1 #<void> {1 . 2})',
        '(1 #<void> {1 . 2})',
        '(list 1 #<void> (mcons 1 2))',
      ],
      ["(list (mcons 1 2) '())", () => L(MP(1, 2), NULL), '({1 . 2} ())', '({1 . 2} ())', "(list (mcons 1 2) '())"],
      [
        '(list (mcons 1 2) "s" (integer->char 99) 1.5 #t (void) f)',
        () => L(MP(1, 2), STR('s'), C(0x63), FL(1.5), true, VOID, PROC('f')),
        '({1 . 2} "s" #\\c 1.5 #t #<void> #<procedure:f>)',
        '({1 . 2} s c 1.5 #t #<void> #<procedure:f>)',
        '(list (mcons 1 2) "s" #\\c 1.5 #t #<void> #<procedure:f>)',
      ],
      [
        '(list (mcons 1 2) (bytes 98) (string->keyword "k") (string->symbol "sym") (string->symbol "a b"))',
        () => L(MP(1, 2), BY(98), K('k'), S('sym'), S('a b')),
        '({1 . 2} #"b" #:k sym |a b|)',
        '({1 . 2} b #:k sym a b)',
        "(list (mcons 1 2) #\"b\" '#:k 'sym '|a b|)",
      ],
      [
        '(vector (string->symbol "a") (mcons (string->symbol "b") \'()))',
        () => V(S('a'), MP(S('b'), NULL)),
        '#(a {b})',
        '#(a {b})',
        "(vector 'a (mcons 'b '()))",
      ],
      [
        '(mcons (string->symbol "a") (list (string->symbol "b") (mcons 1 2)))',
        () => MP(S('a'), L(S('b'), MP(1, 2))),
        '{a . (b {1 . 2})}',
        '{a . (b {1 . 2})}',
        "(mcons 'a (list 'b (mcons 1 2)))",
      ],
    ],
  ],
  [
    'structs',
    [
      ['(point 1 2)', () => ST(point, 1, 2), '#(struct:point 1 2)', '#(struct:point 1 2)', '(point 1 2)'],
      [
        '(point (string->symbol "a") "s")',
        () => ST(point, S('a'), STR('s')),
        '#(struct:point a "s")',
        '#(struct:point a s)',
        '(point \'a "s")',
      ],
      [
        '(point (list 1 (string->symbol "a")) (vector (string->symbol "b")))',
        () => ST(point, L(1, S('a')), V(S('b'))),
        '#(struct:point (1 a) #(b))',
        '#(struct:point (1 a) #(b))',
        "(point '(1 a) '#(b))",
      ],
      [
        "(point (point 1 2) '())",
        () => ST(point, ST(point, 1, 2), NULL),
        '#(struct:point #(struct:point 1 2) ())',
        '#(struct:point #(struct:point 1 2) ())',
        "(point (point 1 2) '())",
      ],
      ['(list (point 1 2))', () => L(ST(point, 1, 2)), '(#(struct:point 1 2))', '(#(struct:point 1 2))', '(list (point 1 2))'],
      [
        '(vector (point 1 (string->symbol "a")))',
        () => V(ST(point, 1, S('a'))),
        '#(#(struct:point 1 a))',
        '#(#(struct:point 1 a))',
        "(vector (point 1 'a))",
      ],
      [
        '(make-immutable-hasheq (list (cons 1 (point 1 2))))',
        () => H('eq', false, [1, ST(point, 1, 2)]),
        '#hasheq((1 . #(struct:point 1 2)))',
        '#hasheq((1 . #(struct:point 1 2)))',
        '(hasheq 1 (point 1 2))',
      ],
      [
        '(box (point (integer->char 120) (mcons 1 2)))',
        () => BX(ST(point, C(0x78), MP(1, 2))),
        '#&#(struct:point #\\x {1 . 2})',
        '#&#(struct:point x {1 . 2})',
        '(box (point #\\x (mcons 1 2)))',
      ],
      ['(opq 1)', () => ST(opq, 1), '#<opq>', '#<opq>', '#<opq>'],
      ['(list (opq 1))', () => L(ST(opq, 1)), '(#<opq>)', '(#<opq>)', "'(#<opq>)"],
      ['(msg 1)', () => ST(msg, 1), '#s(msg 1)', '#s(msg 1)', "'#s(msg 1)"],
      ['(msg (string->symbol "a"))', () => ST(msg, S('a')), '#s(msg a)', '#s(msg a)', "'#s(msg a)"],
      ['(list (msg 1))', () => L(ST(msg, 1)), '(#s(msg 1))', '(#s(msg 1))', "'(#s(msg 1))"],
      ['(msg (mcons 1 2))', () => ST(msg, MP(1, 2)), '#s(msg {1 . 2})', '#s(msg {1 . 2})', '(msg (mcons 1 2))'],
      ['(vector (msg (mcons 1 2)))', () => V(ST(msg, MP(1, 2))), '#(#s(msg {1 . 2}))', '#(#s(msg {1 . 2}))', '(vector (msg (mcons 1 2)))'],
      ['(msg (list 1 (string->symbol "b")))', () => ST(msg, L(1, S('b'))), '#s(msg (1 b))', '#s(msg (1 b))', "'#s(msg (1 b))"],
      [
        '(list f (point 1 2))',
        () => L(PROC('f'), ST(point, 1, 2)),
        '(#<procedure:f> #(struct:point 1 2))',
        '(#<procedure:f> #(struct:point 1 2))',
        '(list #<procedure:f> (point 1 2))',
      ],
      ['(pb 1 2)', () => ST(pb, 1, 2), '#(struct:pb ... 2)', '#(struct:pb ... 2)', '(pb ... 2)'],
      ['(pd 1 2)', () => ST(pd, 1, 2), '#(struct:pd 1 ...)', '#(struct:pd 1 ...)', '(pd 1 ...)'],
      ['(list (pb 1 2))', () => L(ST(pb, 1, 2)), '(#(struct:pb ... 2))', '(#(struct:pb ... 2))', '(list (pb ... 2))'],
      ['(pq 1 2)', () => ST(pq, 1, 2), '#s((pq pp 1) 1 2)', '#s((pq pp 1) 1 2)', "'#s((pq pp 1) 1 2)"],
      ['(pm 1 2)', () => ST(pm, 1, 2), '#s((pm #(1)) 1 2)', '#s((pm #(1)) 1 2)', "'#s((pm #(1)) 1 2)"],
      [
        '(pn 1 2 3)',
        () => ST(pn, 1, 2, 3),
        '#s((pn (1 #f) pm 2 #(1)) 1 2 3 #f)',
        '#s((pn (1 #f) pm 2 #(1)) 1 2 3 #f)',
        "'#s((pn (1 #f) pm 2 #(1)) 1 2 3 #f)",
      ],
      ['(empty-t)', () => ST(empty_t), '#(struct:empty-t)', '#(struct:empty-t)', '(empty-t)'],
      ['(list (empty-t))', () => L(ST(empty_t)), '(#(struct:empty-t))', '(#(struct:empty-t))', '(list (empty-t))'],
      [
        '(point "a" (integer->char 98))',
        () => ST(point, STR('a'), C(0x62)),
        '#(struct:point "a" #\\b)',
        '#(struct:point a b)',
        '(point "a" #\\b)',
      ],
    ],
  ],
  [
    'syntax objects',
    [
      [
        '(datum->syntax #f (list (string->symbol "+") 1 2) (list "f.rkt" 1 0 1 1))',
        () => STX(L(S('+'), 1, 2), { source: 'f.rkt', line: 1, column: 0, position: 1, span: 1 }),
        '#<syntax:f.rkt:1:0 (+ 1 2)>',
        '#<syntax:f.rkt:1:0 (+ 1 2)>',
        '#<syntax:f.rkt:1:0 (+ 1 2)>',
      ],
      [
        '(datum->syntax #f (string->symbol "x") (list "f.rkt" 4 8 30 1))',
        () => STX(S('x'), { source: 'f.rkt', line: 4, column: 8, position: 30, span: 1 }),
        '#<syntax:f.rkt:4:8 x>',
        '#<syntax:f.rkt:4:8 x>',
        '#<syntax:f.rkt:4:8 x>',
      ],
      [
        '(datum->syntax #f (list (string->symbol "a") (string->symbol "b")) (list #f #f #f #f 1))',
        () => STX(L(S('a'), S('b')), null),
        '#<syntax (a b)>',
        '#<syntax (a b)>',
        '#<syntax (a b)>',
      ],
      [
        '(datum->syntax #f (string->symbol "a") (list #f #f #f #f 1))',
        () => STX(S('a'), null),
        '#<syntax a>',
        '#<syntax a>',
        '#<syntax a>',
      ],
      [
        '(datum->syntax #f (list (string->symbol "a") "b" (integer->char 99)) (list "foo.rkt" #f #f 10 1))',
        () => STX(L(S('a'), STR('b'), C(0x63)), { source: 'foo.rkt', line: 0, column: -1, position: 10, span: 1 }),
        '#<syntax:foo.rkt::10 (a "b" #\\c)>',
        '#<syntax:foo.rkt::10 (a "b" #\\c)>',
        '#<syntax:foo.rkt::10 (a "b" #\\c)>',
      ],
      [
        '(datum->syntax #f "str" (list "f.rkt" 2 3 4 1))',
        () => STX(STR('str'), { source: 'f.rkt', line: 2, column: 3, position: 4, span: 1 }),
        '#<syntax:f.rkt:2:3 "str">',
        '#<syntax:f.rkt:2:3 "str">',
        '#<syntax:f.rkt:2:3 "str">',
      ],
      [
        '(list (datum->syntax #f (string->symbol "x") (list "f.rkt" 1 2 3 1)))',
        () => L(STX(S('x'), { source: 'f.rkt', line: 1, column: 2, position: 3, span: 1 })),
        '(#<syntax:f.rkt:1:2 x>)',
        '(#<syntax:f.rkt:1:2 x>)',
        "'(#<syntax:f.rkt:1:2 x>)",
      ],
      [
        '(datum->syntax #f (list (string->symbol "quote") (string->symbol "x")) (list "f.rkt" 1 0 1 1))',
        () => STX(L(S('quote'), S('x')), { source: 'f.rkt', line: 1, column: 0, position: 1, span: 1 }),
        '#<syntax:f.rkt:1:0 (quote x)>',
        '#<syntax:f.rkt:1:0 (quote x)>',
        '#<syntax:f.rkt:1:0 (quote x)>',
      ],
      [
        '(datum->syntax #f (list (string->symbol "a") (mcons 1 2) (vector 1 (string->symbol "x y"))) (list "f.rkt" 1 0 1 1))',
        () => STX(L(S('a'), MP(1, 2), V(1, S('x y'))), { source: 'f.rkt', line: 1, column: 0, position: 1, span: 1 }),
        '#<syntax:f.rkt:1:0 (a {1 . 2} #(1 |x y|))>',
        '#<syntax:f.rkt:1:0 (a {1 . 2} #(1 |x y|))>',
        '#<syntax:f.rkt:1:0 (a {1 . 2} #(1 |x y|))>',
      ],
      [
        '(datum->syntax #f (list* (string->symbol "a") (string->symbol "b")) (list "f.rkt" 1 0 1 1))',
        () => STX(LT([S('a')], S('b')), { source: 'f.rkt', line: 1, column: 0, position: 1, span: 1 }),
        '#<syntax:f.rkt:1:0 (a . b)>',
        '#<syntax:f.rkt:1:0 (a . b)>',
        '#<syntax:f.rkt:1:0 (a . b)>',
      ],
      [
        '(datum->syntax #f (list (string->symbol "a") "b") (list "foo" #f #f #f 1))',
        () => STX(L(S('a'), STR('b')), { source: 'foo', line: 0, column: -1, position: 0, span: 1 }),
        '#<syntax:foo (a "b")>',
        '#<syntax:foo (a "b")>',
        '#<syntax:foo (a "b")>',
      ],
    ],
  ],
];

describe('printer', () => {
  for (const [group, cases] of GROUPS) {
    describe(group, () => {
      for (const [rkt, value, w, d, p] of cases) {
        it(rkt, () => {
          const v = value();
          expect(writeString(v)).toBe(w);
          expect(displayString(v)).toBe(d);
          expect(printString(v)).toBe(p);
        });
      }
    });
  }
});

// --- the oracle -------------------------------------------------------------

const RACKET_PRELUDE: string =
  '#lang racket/base\n(require json)\n(struct point (x y) #:transparent)\n(struct opq (x))\n(struct msg (a) #:prefab)\n(struct pa (x))\n(struct pb pa (y) #:transparent)\n(struct pc (x) #:transparent)\n(struct pd pc (y))\n(struct pp (x) #:prefab)\n(struct pq pp (y) #:prefab)\n(struct pm (x [y #:mutable]) #:prefab)\n(struct pn pm (z [w #:auto]) #:prefab)\n(struct empty-t () #:transparent)\n(define (f) 1)\n(define (show v)\n  (define o (open-output-string))\n  (print v o)\n  (write-json (list (format "~s" v) (format "~a" v) (get-output-string o)))\n  (newline))\n';

const hasRacket = spawnSync('racket', ['--version'], { encoding: 'utf8' }).status === 0;

describe('expected strings', () => {
  it.skipIf(!hasRacket)(
    'agree with racket',
    () => {
      const all = GROUPS.flatMap(([, cases]) => cases);
      const program = `${RACKET_PRELUDE}\n(for-each show (list\n${all.map(([rkt]) => `  ${rkt}`).join('\n')}))\n`;
      const dir = mkdtempSync(join(tmpdir(), 'printer-oracle-'));
      try {
        const file = join(dir, 'oracle.rkt');
        writeFileSync(file, program);
        const r = spawnSync('racket', [file], { encoding: 'utf8', maxBuffer: 1 << 26 });
        expect(r.stderr).toBe('');
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines.length).toBe(all.length);
        all.forEach(([rkt, , w, d, p], i) => {
          expect([rkt, ...JSON.parse(lines[i]!)]).toEqual([rkt, w, d, p]);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

// --- numbers -----------------------------------------------------------------

describe('formatNumber', () => {
  it('prints exact integers, bignums and rationals', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-42)).toBe('-42');
    expect(formatNumber(2n ** 100n)).toBe('1267650600228229401496703205376');
    expect(formatNumber(new Rational(-1n, 3n))).toBe('-1/3');
  });
  it('chooses positional or exponential notation like Racket CS', () => {
    // racket -e '(for-each displayln (list 1e13 1e14 123456789012340.0 1e-4 1e-5 0.5e-4))'
    expect(formatFlonum(1e13)).toBe('10000000000000.0');
    expect(formatFlonum(1e14)).toBe('1e+14');
    expect(formatFlonum(123456789012340)).toBe('123456789012340.0');
    expect(formatFlonum(1e-4)).toBe('0.0001');
    expect(formatFlonum(1e-5)).toBe('1e-5');
    expect(formatFlonum(0.5e-4)).toBe('5e-5');
  });
  it('breaks shortest-digit ties upward, as Chez does', () => {
    // racket -e '(displayln 974086969301591.25)' => 974086969301591.3
    expect(formatFlonum(974086969301591.25)).toBe('974086969301591.3');
    expect(formatFlonum(-84047211742701.125)).toBe('-84047211742701.13');
  });
});

// --- big values --------------------------------------------------------------

describe('long and deep values', () => {
  const N = 1_000_000;
  const items = Array.from({ length: N }, (_, i) => i);
  const expected = `(${items.join(' ')})`;

  it('prints a 1,000,000-element list in every mode', () => {
    const big = listFromArray(items);
    expect(writeString(big)).toBe(expected);
    expect(displayString(big)).toBe(expected);
    expect(printString(big)).toBe(`'${expected}`);
  });

  it('prints a 1,000,000-element list with a mutable pair at the end in constructor style', () => {
    // (print (append (range 3) (list (mcons 1 2)))) => (list 0 1 2 (mcons 1 2))
    const big = listFromArray([...items, new MPair(1, 2)]);
    expect(printString(big)).toBe(`(list ${items.join(' ')} (mcons 1 2))`);
    expect(writeString(big)).toBe(`(${items.join(' ')} {1 . 2})`);
  });

  it('prints a long improper list and a long mutable list', () => {
    expect(writeString(listFromArray(items, S('end')))).toBe(`(${items.join(' ')} . end)`);
    expect(printString(listFromArray(items, MP(1, 2)))).toBe(`(list* ${items.join(' ')} (mcons 1 2))`);
    let m: Value = NULL;
    for (let i = N - 1; i >= 0; i--) m = new MPair(i, m);
    expect(writeString(m)).toBe(`{${items.join(' ')}}`);
    const printed = printString(m);
    expect(printed.startsWith('(mcons 0 (mcons 1 (mcons 2 ')).toBe(true);
    expect(printed.endsWith(`(mcons ${N - 1} '()${')'.repeat(N)}`)).toBe(true);
  });

  it('prints a long list of lists', () => {
    const lol = listFromArray(Array.from({ length: 100_000 }, (_, i) => L(i, STR('s'))));
    const w = writeString(lol);
    expect(w.startsWith('((0 "s") (1 "s") ')).toBe(true);
    expect(w.endsWith('(99999 "s"))')).toBe(true);
  });

  it('prints a long byte string and a long string', () => {
    const bytes = new Uint8Array(300_000).fill(0xff);
    expect(writeString(new RBytes(bytes, false))).toBe(`#"${'\\377'.repeat(300_000)}"`);
    expect(displayString(new RBytes(bytes, false))).toBe('?'.repeat(300_000));
    expect(writeString(STR('λ'.repeat(300_000)))).toBe(`"${'λ'.repeat(300_000)}"`);
  });
});

// --- the extension protocol ---------------------------------------------------

/** A value with a custom printer that shows its parts, like a struct with prop:custom-write. */
class Tagged {
  constructor(
    readonly quotable: Quotable | undefined,
    readonly parts: Value[],
  ) {}
  get [printQuotable](): Quotable | undefined {
    return this.quotable;
  }
  [customPrint](ctx: PrintContext): string {
    const inner = this.parts.map((p) => ctx.recur(p)).join(' ');
    return ctx.mode === 'print' && ctx.quoteDepth === 0 ? `(tagged ${inner})` : `#<tagged ${inner}>`;
  }
}

describe('custom printing protocol', () => {
  it('tells the printer the mode and quote depth, and recurs in the same mode by default', () => {
    const seen: string[] = [];
    const probe = {
      [customPrint](ctx: PrintContext) {
        seen.push(`${ctx.mode}/${ctx.quoteDepth}`);
        return `<${ctx.recur(S('a b'))}|${ctx.recur(STR('s'), 'display')}|${ctx.recur(S('x'), 'print', 0)}|${ctx.recur(S('y'), 'print', 1)}>`;
      },
    };
    expect(writeString(probe)).toBe(`<|a b||s|'x|y>`);
    expect(displayString(probe)).toBe(`<a b|s|'x|y>`);
    expect(printString(probe)).toBe(`<'|a b||s|'x|y>`);
    expect(printString(L(probe))).toBe(`'(<|a b||s|'x|y>)`);
    expect(seen).toEqual(['write/1', 'display/1', 'print/0', 'print/1']);
  });

  it("treats values as 'self quotable by default: they never force constructor style", () => {
    // Like (print (list 1 car)) => '(1 #<procedure:car>)
    expect(printString(L(1, new Tagged(undefined, [])))).toBe("'(1 #<tagged >)");
    expect(printString(new Tagged(undefined, [S('a')]))).toBe("(tagged 'a)");
  });

  it("prints a 'never value in constructor style and its containers too", () => {
    const t = new Tagged('never', [S('a'), L(1, 2)]);
    expect(printString(t)).toBe("(tagged 'a '(1 2))");
    expect(printString(L(1, t))).toBe("(list 1 (tagged 'a '(1 2)))");
    expect(printString(V(t))).toBe("(vector (tagged 'a '(1 2)))");
    expect(printString(BX(t))).toBe("(box (tagged 'a '(1 2)))");
    expect(printString(H('eq', false, [1, t]))).toBe("(hasheq 1 (tagged 'a '(1 2)))");
    expect(writeString(L(1, t))).toBe('(1 #<tagged a (1 2)>)');
    expect(printString(L(1, t), 1)).toBe('(1 #<tagged a (1 2)>)');
  });

  it("quotes a 'maybe value unless a part printed at depth 0 needs constructor style", () => {
    expect(printString(new Tagged('maybe', [S('a')]))).toBe("'#<tagged a>");
    expect(printString(L(new Tagged('maybe', [S('a')])))).toBe("'(#<tagged a>)");
    expect(printString(new Tagged('maybe', [MP(1, 2)]))).toBe('(tagged (mcons 1 2))');
    expect(printString(L(new Tagged('maybe', [L(MP(1, 2))])))).toBe('(list (tagged (list (mcons 1 2))))');
  });

  it("always quotes an 'always value", () => {
    expect(printString(new Tagged('always', [MP(1, 2)]))).toBe("'#<tagged {1 . 2}>");
    expect(printString(L(MP(1, 2), new Tagged('always', [S('a')])))).toBe("(list (mcons 1 2) '#<tagged a>)");
  });

  it('prints procedures and other named things with printNamed', () => {
    expect(printNamed('procedure', 'f')).toBe('#<procedure:f>');
    expect(printNamed('procedure')).toBe('#<procedure>');
    expect(printNamed('procedure', 'a b')).toBe('#<procedure:a b>');
    expect(printNamed('thread', null)).toBe('#<thread>');
    expect(writeString(new Proc(null))).toBe('#<procedure>');
  });

  it('prints plain JS functions as procedures', () => {
    function add1(x: number) {
      return x + 1;
    }
    expect(writeString(add1)).toBe('#<procedure:add1>');
    expect(printString(L(add1))).toBe("'(#<procedure:add1>)");
  });
});

// --- syntax objects and source paths -----------------------------------------

describe('syntax objects', () => {
  it('shows an absolute source under the current directory relative to it', () => {
    // cd /tmp && racket -e '(write (datum->syntax #f (quote x) (list (string->path "/tmp/sub/f.rkt") 1 0 1 1)))'
    //   => #<syntax:sub/f.rkt:1:0 x>
    const loc = { source: join(process.cwd(), 'sub', 'f.rkt'), line: 1, column: 0, position: 1, span: 1 };
    expect(writeString(STX(S('x'), loc))).toBe('#<syntax:sub/f.rkt:1:0 x>');
    const elsewhere = { ...loc, source: '/nonexistent-dir/f.rkt' };
    expect(writeString(STX(S('x'), elsewhere))).toBe('#<syntax:/nonexistent-dir/f.rkt:1:0 x>');
  });
});
