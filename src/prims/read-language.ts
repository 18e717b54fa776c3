// read-language: the `#lang` (or `#!`) line at the start of a port, and the
// get-info procedure of the language it names. rkt's languages are
// racket/base and racket, both `syntax/module-reader` languages without an
// info procedure of their own, so Racket's get-info answers only
// 'module-language (the language's module path) and gives the default for
// every other key.

import type { Machine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailReadEofT, exnFailReadT, makeExn } from '../errors/exn.js';
import { argError, genericFail } from '../errors/messages.js';
import type { InputPort } from '../io/input-port.js';
import { ReadError, readOne } from '../reader/index.js';
import { isWhitespace, scanBlockComment, scanLang, scanShebangComment, type ScanError } from '../reader/scan.js';
import { NULL, Sym, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { whenReady } from './input.js';
import { inArg } from './ports.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

const LANGUAGES = new Set(['racket/base', 'racket']);

/** What a syntax/module-reader language's get-info answers. */
function languageInfo(lang: string): Primitive {
  const name = sym(lang);
  return new Primitive('language-info', 2, 2, (key: Value, dflt: Value) =>
    key instanceof Sym && key.name === 'module-language' ? name : dflt,
  );
}

class NotYet {}
const NOT_YET = new NotYet();

function readLanguage(m: Machine, port: InputPort, fail: Value | null): Value {
  const [text, start] = port.textAndOffset();
  const n = text.length;
  const more = (at: number) => {
    if (at >= n && !port.complete) throw NOT_YET;
  };
  const where = (at: number): string => {
    port.seekChar(at);
    const [line, col, pos] = port.location();
    return line === false ? `${port.name}::${pos}` : `${port.name}:${line}:${col}`;
  };
  const raise = (at: number, who: string, msg: string, eof: boolean): never => {
    const w = where(at);
    throw new RacketThrow(makeExn(eof ? exnFailReadEofT : exnFailReadT, `${w}: ${who}: ${msg}`, NULL));
  };
  let i = start;
  for (;;) {
    more(i);
    const c = i < n ? text.codePointAt(i)! : -1;
    if (c >= 0 && isWhitespace(c)) {
      i += c > 0xffff ? 2 : 1;
    } else if (c === 59) {
      const nl = text.indexOf('\n', i);
      more(nl < 0 ? n : nl);
      i = nl < 0 ? n : nl + 1;
    } else if (c === 35 && text.charCodeAt(i + 1) === 124) {
      const end = scanBlockComment(text, i);
      if (end < 0) {
        more(n);
        raise(i + 1, 'read-syntax', 'end of file in `#|` comment', true);
      }
      i = end;
    } else if (c === 35 && text.charCodeAt(i + 1) === 33 && (text.charCodeAt(i + 2) === 32 || text.charCodeAt(i + 2) === 47)) {
      const end = scanShebangComment(text, i);
      more(end);
      i = end;
    } else if (c === 35 && text.charCodeAt(i + 1) === 59) {
      try {
        const r = readOne(text, i + 2, port.name, { who: 'read-syntax', countLines: false });
        if (r.datum === null) raise(i, 'read-syntax', 'expected a commented-out element for `#;`, but found end-of-file', true);
        more(r.end);
        i = r.end;
      } catch (e) {
        if (e instanceof ReadError) {
          if (e.incomplete) more(n);
          throw new RacketThrow(makeExn(e.incomplete ? exnFailReadEofT : exnFailReadT, e.message, NULL));
        }
        throw e;
      }
    } else {
      break;
    }
  }
  const langError = (at: number, found: string): never => {
    if (fail !== null) {
      port.seekChar(Math.min(n, at + 1));
      return applyNested(m, fail, []) as never;
    }
    return raise(
      at,
      'read-language',
      `expected (after whitespace and comments) \`#lang \` or \`#!\` followed immediately by a language name, found ${found}`,
      false,
    );
  };
  const c = i < n ? text.codePointAt(i)! : -1;
  if (c !== 35) return langError(i, c < 0 ? '`` followed by end-of-file' : `\`${String.fromCodePoint(c)}\``);
  more(i + 1);
  const c2 = i + 1 < n ? text.codePointAt(i + 1)! : -1;
  if (c2 !== 108 && c2 !== 33) return langError(i, c2 < 0 ? 'end-of-file' : `\`#${String.fromCodePoint(c2)}\``);
  if (c2 === 108) {
    more(i + 5);
    if (!text.startsWith('#lang', i)) raise(i, 'read-syntax', `bad syntax \`${text.slice(i, i + 5)}\``, i + 5 > n);
  }
  const r: ReturnType<typeof scanLang> = scanLang(text, i, c2 === 33);
  if ('msg' in r) {
    const e = r as ScanError;
    more(e.end);
    return raise(i, 'read-syntax', e.msg, e.eof);
  }
  more(r.end);
  port.seekChar(r.end);
  if (!LANGUAGES.has(r.name)) return genericFail(`read-language: unknown language \`${r.name}\` (rkt has racket/base and racket)`);
  return languageInfo(r.name);
}

export function installReadLanguage(t: PrimTable): void {
  t.blocking('read-language', 0, 2, function (this: Machine, p?: Value, failThunk?: Value) {
    const port = inArg(this, 'read-language', p, 'read-char-or-special');
    if (failThunk !== undefined && !(isProcedure(failThunk) && arityIncludes(failThunk, 0))) {
      return argError('read-language', '(procedure-arity-includes/c 0)', failThunk);
    }
    let result: Value = false;
    let failure: unknown = null;
    const attempt = (): boolean => {
      const at = port.pos;
      try {
        result = readLanguage(this, port, failThunk ?? null);
      } catch (e) {
        if (e === NOT_YET) {
          port.pos = at;
          return false;
        }
        // Raised by the read itself (in the reading thread), not by the readiness test.
        failure = e;
      }
      return true;
    };
    const finish = (): Value => {
      if (failure !== null) throw failure;
      return result;
    };
    return whenReady(port, attempt, finish, false, 'read-language');
  });
}
