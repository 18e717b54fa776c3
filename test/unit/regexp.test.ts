// Tests for the Racket-pattern parser (src/values/regexp-syntax.ts) and its
// translation to JavaScript RegExp sources (src/values/regexp-js.ts). The
// error messages were checked against Racket 8.7.

import { describe, expect, it } from 'vitest';
import { translate } from '../../src/values/regexp-js.js';
import { RegexpSyntaxError, parseRegexp } from '../../src/values/regexp-syntax.js';

function units(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0)!);
}

/** The JS source for a string pattern. */
function js(pattern: string, px = false): string {
  const p = parseRegexp(units(pattern), px, false);
  return translate(p.tree, p.groups, 'chars').source;
}

/** The JS source for a byte pattern (one char per byte). */
function jsBytes(pattern: string, px = false): string {
  const p = parseRegexp(units(pattern), px, true);
  return translate(p.tree, p.groups, 'bytes').source;
}

function error(pattern: string, px = false): string {
  try {
    parseRegexp(units(pattern), px, false);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) return e.message;
    throw e;
  }
  return 'no error';
}

/** Whether the translated string pattern matches `input`, and what. */
function run(pattern: string, input: string, px = false): string[] | null {
  const m = new RegExp(js(pattern, px), 'u').exec(input);
  return m === null ? null : [...m].map((g) => g ?? '#f');
}

describe('translation to JS', () => {
  it('keeps plain literals and escapes the rest', () => {
    expect(js('abc')).toBe('abc');
    expect(js('a.b')).toBe('a[^\\u{d800}-\\u{dfff}]b');
    expect(js('\\.')).toBe('\\u{2e}');
    expect(js('é')).toBe('\\u{e9}');
    expect(jsBytes('\xff.')).toBe('\\xff[^]');
  });

  it('gives `.`, `^` and `$` their Racket meaning in each mode', () => {
    expect(js('^a$')).toBe('^a$');
    expect(js('(?m:^a$)')).toBe('(?<![^\\n])a(?![^\\n])');
    expect(js('(?m:.)')).toBe('[^\\n\\u{d800}-\\u{dfff}]');
    expect(js('(?s:.)')).toBe('[^\\u{d800}-\\u{dfff}]');
    expect(jsBytes('(?m:.)')).toBe('[^\\n]');
  });

  it('treats regexp and pregexp escapes differently', () => {
    expect(js('\\d')).toBe('d');
    expect(js('\\d', true)).toBe('[0-9]');
    expect(js('\\w', true)).toBe('[0-9A-Z\\u{5f}a-z]');
    expect(js('\\s', true)).toBe('[\\u{9}-\\u{a}\\u{c}-\\u{d}\\u{20}]');
    expect(js('[\\d]')).toBe('[\\u{5c}d]');
    expect(js('a{2}')).toBe('a\\u{7b}2\\u{7d}');
    expect(js('a{2,3}', true)).toBe('a{2,3}');
    expect(js('a{,3}?', true)).toBe('a{0,3}?');
    expect(js('a{2,1}', true)).toBe('(?!)');
    expect(js('(a)\\1')).toBe('(a)1');
    expect(js('(a)\\1', true)).toBe('(a)(?:\\1)');
    expect(js('\\p{Ll}\\P{L&}', true)).toBe('[\\p{Ll}][^\\p{Ll}\\p{Lu}\\p{Lt}\\p{Lm}]');
    expect(js('[[:digit:]x]', true)).toBe('[0-9x]');
    expect(js('\\b\\B', true)).toBe('\\b\\B');
  });

  it('folds case at translation time, not with the `i` flag', () => {
    expect(js('(?i:a)')).toBe('[Aa]');
    expect(js('(?i:[a-c])')).toBe('[A-Ca-c]');
    expect(js('(?i:[^a])')).toBe('[^Aa\\u{d800}-\\u{dfff}]');
    expect(js('(?i:a(?-i:b))')).toBe('[Aa]b');
    expect(jsBytes('(?i:\xe9a)')).toBe('\\xe9[Aa]');
  });

  it('numbers JS groups around the extra group of `(?>...)`', () => {
    const p = parseRegexp(units('(a)(?>(b))\\2'), true, false);
    const t = translate(p.tree, p.groups, 'chars');
    expect(t.source).toBe('(a)(?=((b)))\\2(?:\\3)');
    expect(t.groupMap).toEqual([0, 1, 3]);
    expect(translate(p.tree, p.groups, 'chars', 1).groupMap).toEqual([0, 2, 4]);
  });

  it('turns a lookaround conditional into two guarded branches', () => {
    expect(js('(?(?=a)ab|cd)')).toBe('(?:(?=a)ab|(?!a)cd)');
  });

  it('matches as Racket does', () => {
    expect(run('.', '\n')).toEqual(['\n']);
    expect(run('(?m:a$)', 'a\r\n')).toBeNull();
    expect(run('(?i:é)', 'É')).toEqual(['É']);
    expect(run('(?>a+)a', 'aaa')).toBeNull();
    expect(run('(a)|(b)', 'b')).toEqual(['b', '#f', 'b']);
    expect(run('[]a[]+', 'c[a]t')).toEqual(['[a]']);
    expect(run('\\w+', 'héllo', true)).toEqual(['h']);
  });
});

describe('pattern errors', () => {
  it('reports parse errors with Racket messages', () => {
    expect(error('(')).toBe('missing closing parenthesis in pattern');
    expect(error('(a')).toBe('expected a closing `)`');
    expect(error(')')).toBe('unmatched `)` in pattern');
    expect(error('[a')).toBe('missing closing square bracket in pattern');
    expect(error('*a')).toBe('`*` follows nothing in pattern');
    expect(error('a**')).toBe('nested `*` in patten');
    expect(error('[z-a]')).toBe('invalid range within square brackets in pattern');
    expect(error('[a-c-e]')).toBe('misplaced hyphen within square brackets in pattern');
    expect(error('(?i)a')).toBe(
      'expected `:` or another mode after `(?` and a mode sequence;\n a mode is `i`, `-i`, `m`, `-m`, `s`, or `-s`',
    );
    expect(error('(?z:a)')).toBe('expected `:`, `=`, `!`, `<=`, `<!`, `i`, `-i`, `m`, `-m`, `s`, or `-s` after `(?`');
    expect(error('a}', true)).toBe('unmatched `}` in pattern');
    expect(error('a{x}', true)).toBe("expected digit, `,`, or `}' for repetition specification started with `{`");
    expect(error('\\q', true)).toBe('illegal alphabetic escape');
    expect(error('\\p{Foo}', true)).toBe('unrecognized property name in `\\p{}`: `Foo`');
  });

  it('reports the syntactic constraints', () => {
    expect(error('(a*)*')).toBe('`*`, `+`, or `{...}` operand could be empty');
    expect(error('(a?)?')).toBe('no error');
    expect(error('(?<=a*)b')).toBe('lookbehind pattern does not match a bounded length');
    expect(error('(?<=a|bc)d')).toBe('no error');
    expect(error('(a)\\2', true)).toBe('backreference number is larger than the highest-numbered cluster');
    expect(error('(a)\\1*', true)).toBe('no error');
    expect(error('()\\1*', true)).toBe('`*`, `+`, or `{...}` operand could be empty');
  });
});
