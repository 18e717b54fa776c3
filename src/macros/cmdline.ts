// racket/cmdline's `command-line`: its clauses become the table, finish
// procedure and argument names of a parse-command-line call
// (src/lib/cmdline.rkt), as Racket's form expands.

import type { Meaning } from '../expand/expander.js';
import type { Expander } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, RString, Sym, sym, type Value } from '../values/types.js';

const FLAG_CLAUSES: Record<string, string> = {
  '#:multi': 'multi',
  '#:once-each': 'once-each',
  '#:once-any': 'once-any',
  '#:final': 'final',
};
const TEXT_CLAUSES: Record<string, string> = { '#:usage-help': 'usage-help', '#:help-labels': 'help-labels', '#:ps': 'ps' };

function keywordOf(s: Syntax): string | null {
  const e = syntaxE(s);
  return e instanceof Keyword ? `#:${e.name}` : null;
}

function stringOf(s: Syntax): string | null {
  const e = syntaxE(s);
  return e instanceof RString ? e.s : null;
}

/** A flag string as Racket allows it in a spec: -x or +x, or --name / ++name, not a number, not -h or --help. */
function checkFlag(ex: Expander, stx: Syntax, flag: Syntax): void {
  const f = stringOf(flag);
  if (f === null || !/^([-+][^-+]$|(--|[+][+])[^-+])/.test(f)) ex.syntaxError('command-line', 'bad flag string', stx, flag);
  if (/^[-+][0-9]*([.][0-9]*)?$/.test(f)) ex.syntaxError('command-line', 'number flag not allowed', stx, flag);
  if (f === '-h' || f === '--help') ex.syntaxError('command-line', 'pre-defined flag not allowed', stx, flag);
}

/** `(flags id ... help-spec body ...+)` or `(flags => handler-expr help-expr)` as a table line. */
function flagLine(ex: Expander, b: Builder, stx: Syntax, spec: Syntax): Syntax {
  const parts = syntaxList(spec);
  if (parts === null || parts.length === 0) ex.syntaxError('command-line', 'bad flag spec', stx, spec);
  const flagsPart = parts[0];
  const flags = stringOf(flagsPart) !== null ? [flagsPart] : syntaxList(flagsPart);
  if (flags === null || flags.length === 0) ex.syntaxError('command-line', 'clause does not start with flags', stx, spec);
  for (const f of flags) checkFlag(ex, stx, f);
  const flagList = b.list('list', ...flags);
  if (parts.length >= 2 && isIdentifier(parts[1]) && idSym(parts[1]).name === '=>') {
    if (parts.length !== 4) ex.syntaxError('command-line', 'bad flag spec', stx, spec);
    return b.list('list', flagList, parts[2], parts[3]);
  }
  let i = 1;
  const ids: Syntax[] = [];
  while (i < parts.length && isIdentifier(parts[i])) ids.push(parts[i++]);
  const help = parts[i];
  if (help === undefined || (stringOf(help) === null && syntaxList(help) === null))
    ex.syntaxError('command-line', 'missing help string(s)', stx, spec);
  const body = parts.slice(i + 1);
  if (body.length === 0) ex.syntaxError('command-line', 'missing body expression(s)', stx, spec);
  const helpExpr = stringOf(help) !== null ? help : b.list('list', ...syntaxList(help)!);
  const flagVar = b.temp('flag');
  return b.list(
    'list',
    flagList,
    b.list('lambda', b.list(flagVar, ...ids), ...body),
    b.list('list', helpExpr, ...ids.map((id) => b.datum(new RString(idSym(id).name, true)))),
  );
}

/** The names parse-command-line shows for `#:args` formals: each id, and the rest id. */
function formalNames(ex: Expander, stx: Syntax, formals: Syntax): string[] {
  if (isIdentifier(formals)) return [idSym(formals).name];
  const names: string[] = [];
  let f: Value = syntaxE(formals);
  while (f instanceof Pair) {
    const a = f.car as Syntax;
    const opt = syntaxList(a);
    if (isIdentifier(a)) names.push(idSym(a).name);
    else if (opt !== null && opt.length === 2 && isIdentifier(opt[0])) names.push(idSym(opt[0]).name);
    else ex.syntaxError('command-line', 'bad formals for #:args', stx, formals);
    f = f.cdr instanceof Syntax ? syntaxE(f.cdr) : f.cdr;
  }
  if (f instanceof Sym) names.push(f.name);
  else if (f !== NULL) ex.syntaxError('command-line', 'bad formals for #:args', stx, formals);
  return names;
}

const commandLine = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const parts = syntaxList(stx);
  if (parts === null) return ex.badSyntax(stx);
  let rest = parts.slice(1);
  let program: Syntax = b.list('find-system-path', b.quote(sym('run-file')));
  let argv: Syntax = b.list('current-command-line-arguments');
  // #:program and #:argv, in either order, come first.
  for (;;) {
    const k = rest.length > 0 ? keywordOf(rest[0]) : null;
    if (k !== '#:program' && k !== '#:argv') break;
    if (rest.length < 2) ex.syntaxError('command-line', `missing expression for ${k}`, stx, rest[0]);
    if (k === '#:program') program = rest[1];
    else argv = rest[1];
    rest = rest.slice(2);
  }
  const table: Syntax[] = [];
  let finish: Syntax[] = [b.list('lambda', b.list(b.temp('flags')), b.list('void')), b.quote(NULL)];
  while (rest.length > 0) {
    const k = keywordOf(rest[0]);
    if (k === null) ex.syntaxError('command-line', 'expected a clause keyword, such as #:multi or #:args', stx, rest[0]);
    let n = 1;
    while (n < rest.length && keywordOf(rest[n]) === null) n++;
    const items = rest.slice(1, n);
    if (k in FLAG_CLAUSES) {
      table.push(b.list('list', b.quote(sym(FLAG_CLAUSES[k])), ...items.map((spec) => flagLine(ex, b, stx, spec))));
    } else if (k in TEXT_CLAUSES) {
      for (const line of items) if (stringOf(line) === null) ex.syntaxError('command-line', `${k} clause contains non-string`, stx, line);
      table.push(b.list('list', b.quote(sym(TEXT_CLAUSES[k])), ...items));
    } else if (k === '#:args') {
      if (items.length === 0) ex.syntaxError('command-line', '#:args clause missing formals', stx, rest[0]);
      if (items.length === 1) ex.syntaxError('command-line', '#:args clause missing body after formals', stx, rest[0]);
      if (n < rest.length) ex.syntaxError('command-line', '#:args must not be followed by another keyword', stx, rest[n]);
      const formals = items[0];
      const names = formalNames(ex, stx, formals);
      const accum = b.temp('flags');
      const params = new Syntax(new Pair(accum, isIdentifier(formals) ? formals : syntaxE(formals)), formals.loc);
      finish = [
        b.list('lambda', params, ...items.slice(1)),
        b.quote(names.reduceRight<Value>((l, s) => new Pair(new RString(s, true), l), NULL)),
      ];
    } else if (k === '#:handlers') {
      if (items.length < 1) ex.syntaxError('command-line', 'missing finish-proc expression for #:handlers', stx, rest[0]);
      if (items.length < 2) ex.syntaxError('command-line', 'missing arg-strings expression for #:handlers', stx, rest[0]);
      if (items.length > 4) ex.syntaxError('command-line', 'unexpected expression for #:handlers', stx, items[4]);
      if (n < rest.length) ex.syntaxError('command-line', '#:handlers must not be followed by another keyword', stx, rest[n]);
      finish = items;
    } else ex.syntaxError('command-line', 'expected a clause keyword, such as #:multi or #:args', stx, rest[0]);
    rest = rest.slice(n);
  }
  return b.list('%parse-command-line', program, argv, b.list('list', ...table), ...finish);
};

export function installCommandLineForm(define: (name: string, m: Meaning) => void): void {
  define('command-line', jsMacro('command-line', commandLine));
}
