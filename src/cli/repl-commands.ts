// The REPL's comma commands (`,help`, `,bt`, `,time EXPR`, ...): those of
// Racket 8.7's REPL (xrepl) that apply to rkt, printed as xrepl prints them.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Meaning } from '../expand/expander.js';
import { isIdentifier } from '../expand/scopes.js';
import { writeString } from '../printer/print.js';
import { syntaxToDatum } from '../reader/index.js';
import type { Runtime } from '../runtime/runtime.js';
import { Syntax, type SrcLoc } from '../values/syntax.js';
import { RString, Sym, listFromArray, sym, type Value } from '../values/types.js';

/** What a command can do in the REPL. */
export interface ReplContext {
  readonly rt: Runtime;
  /** Writes to standard output. */
  write(s: string): void;
  /** Evaluates forms in the REPL's namespace, printing their results; an exit code if the program exited. */
  evaluate(forms: Syntax[]): Promise<number | null>;
  /** Reports an error as the REPL shows errors (`; message [,bt for context]`). */
  fail(message: string): Promise<number | null>;
}

/** A command's arguments: what follows its name up to the end of its line, as text and as read. */
export interface CommandArgs {
  readonly text: string;
  readonly forms: Syntax[];
  /** Where the command is (for the forms it makes). */
  readonly loc: SrcLoc | null;
}

interface Command {
  readonly names: readonly string[];
  readonly section: string;
  readonly usage: string | null;
  readonly blurb: string;
  readonly help: readonly string[];
  /** Resolves to an exit code when the command ended the REPL. */
  run(ctx: ReplContext, args: CommandArgs): Promise<unknown>;
}

/** A form made of `parts`: syntax objects as they are, strings as symbols, arrays as lists. */
type Part = Syntax | string | Value[] | Part[];
function form(ctx: ReplContext, loc: SrcLoc | null, part: Part): Syntax {
  if (part instanceof Syntax) return part;
  // racket/base's binding, as xrepl uses its own whatever the namespace is.
  if (typeof part === 'string') return ctx.rt.ex.baseId(part, loc);
  return new Syntax(listFromArray((part as Part[]).map((p) => form(ctx, loc, p))), loc);
}

function quoted(ctx: ReplContext, loc: SrcLoc | null, v: Value): Syntax {
  return form(ctx, loc, ['quote', new Syntax(v, loc)]);
}

/** A module argument: a string as it is; a name of an existing file as that file (as xrepl takes it); else the module path. */
function moduleArg(stx: Syntax, loc: SrcLoc | null): Syntax {
  if (stx.e instanceof Sym && existsSync(stx.e.name) && statSync(stx.e.name).isFile())
    return new Syntax(new RString(stx.e.name, true), stx.loc ?? loc);
  return stx;
}

const COMMANDS: Command[] = [];
function command(c: Command): void {
  COMMANDS.push(c);
}

const SECTIONS = ['General commands', 'Binding information', 'Requiring and loading', 'Debugging'];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.names.includes(name));
}

/** Runs `,name args`; an exit code if the command ended the REPL. */
export async function runCommand(ctx: ReplContext, name: Value, args: CommandArgs): Promise<number | null> {
  const c = name instanceof Sym ? findCommand(name.name) : undefined;
  if (c === undefined) return ctx.fail(`Unknown command: '${writeString(name)}`);
  const code = await c.run(ctx, args);
  return typeof code === 'number' ? code : null;
}

function showCommand(c: Command, indent: string): string {
  const others = c.names.length > 1 ? ` (${c.names.slice(1).join(' ')})` : '';
  return `; ${indent}${c.names[0]}${others}: ${c.blurb}\n`;
}

command({
  names: ['help', 'h', '?'],
  section: 'General commands',
  usage: '[<command-name>]',
  blurb: 'display available commands',
  help: ['Lists the commands with a line about each; with a command name, shows', 'more about that command.'],
  async run(ctx, args) {
    const arg = args.forms[0]?.e;
    if (arg !== undefined) {
      const c = arg instanceof Sym ? findCommand(arg.name) : undefined;
      if (c === undefined) {
        ctx.write(`*** Unknown command: \`${writeString(arg)}'\n`);
        return;
      }
      let text = showCommand(c, '');
      text += `;   usage: ,${writeString(arg)}${c.usage === null ? '' : ` ${c.usage}`}\n`;
      for (const d of c.help) text += `; ${d}\n`;
      ctx.write(text);
      return;
    }
    let text = '';
    for (const section of SECTIONS) {
      text += `; ${section}:\n`;
      for (const c of COMMANDS) if (c.section === section) text += showCommand(c, '  ');
    }
    ctx.write(text);
  },
});

command({
  names: ['exit', 'quit', 'ex'],
  section: 'General commands',
  usage: '[<exit-code>]',
  blurb: 'exit rkt',
  help: ['An argument gives the exit code.'],
  run: (ctx, args) => ctx.evaluate([form(ctx, args.loc, ['exit', ...args.forms.slice(0, 1)])]),
});

/** `; now in DIR`, without the directory's trailing slash. */
function nowIn(loc: SrcLoc | null): Part {
  const str = (s: string) => new Syntax(new RString(s, false), loc);
  return ['printf', str('; now in ~a\n'), ['regexp-replace', str('(.)/$'), ['path->string', ['current-directory']], str('\\1')]];
}

command({
  names: ['cd'],
  section: 'General commands',
  usage: '[<path>]',
  blurb: 'change the current directory',
  help: ['Sets `current-directory`, expanding `~`; with no argument, goes to your', 'home directory.'],
  async run(ctx, args) {
    const arg = args.text.trim().replace(/^"(.*)"$/, '$1') || '~';
    const dir = new Syntax(new RString(arg, false), args.loc);
    const loc = args.loc;
    const target = ['path->complete-path', ['expand-user-path', dir]];
    return ctx.evaluate([
      form(ctx, loc, [
        'if',
        ['directory-exists?', target],
        ['begin', ['current-directory', target], nowIn(loc)],
        ['eprintf', new Syntax(new RString('; cd: no such directory: ~a\n', false), loc), dir],
      ]),
    ]);
  },
});

command({
  names: ['pwd'],
  section: 'General commands',
  usage: null,
  blurb: 'display the current directory',
  help: ['Shows the value of `current-directory`.'],
  run: (ctx, args) => ctx.evaluate([form(ctx, args.loc, nowIn(args.loc))]),
});

/** The libraries in which `m` is the binding of `name`, the most specific first. */
function librariesBinding(rt: Runtime, name: string, m: Meaning): string[] {
  const same = (a: Meaning, b: Meaning): boolean =>
    a === b ||
    (a.kind === 'top' && b.kind === 'top' && a.v === b.v) ||
    (a.kind === 'macro' && b.kind === 'macro' && a.transform === b.transform) ||
    (a.kind === 'core' && b.kind === 'core' && a.name === b.name);
  const found: string[] = [];
  for (const [lib, info] of rt.libraries) {
    const e = info.exports.get(name);
    if (e !== undefined && same(e, m) && !lib.startsWith('#%')) found.push(lib);
  }
  // `racket` gathers the others: a library it gathers is where the name comes from.
  return found.sort((a, b) => Number(a === 'racket') - Number(b === 'racket'));
}

function collectsName(lib: string): string {
  return `<collects>/${lib.includes('/') ? lib : `${lib}/main`}.rkt`;
}

/** xrepl's description of an identifier's binding in the REPL's namespace. */
export function describeBinding(rt: Runtime, name: string): string {
  const ns = rt.replNamespace();
  const id = ns.introduce(rt.ex, new Syntax(sym(name), null));
  const m = rt.ex.resolveAt(id, 0);
  const shown = `\`${name}'`;
  if (m === null || (m.kind === 'top' && !m.imported && ns.vars.get(name) === m.v))
    return `; ${shown} is a toplevel (or unbound) identifier\n`;
  if (m.kind === 'local') return `; ${shown} is a lexical identifier\n`;
  const libs = librariesBinding(rt, name, m);
  if (libs.length === 0) {
    // Inside a module (,enter): what the module defines.
    const where = ns.moduleName === null ? '' : `,\n;   defined in ${ns.moduleName}\n;   required directly`;
    return `; ${shown} is a bound identifier${where}\n`;
  }
  const through = ns === rt.topLevel ? `through "${collectsName('racket/init')}"` : 'directly';
  return `; ${shown} is a bound identifier,\n;   defined in ${collectsName(libs[0])}\n;   required ${through}\n`;
}

/** Text as xrepl wraps it: lines of at most 79 columns, the lines after the first indented two more. */
export function wrapped(words: readonly string[], first: string): string {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const w of words) {
    if (!fresh && line.length + 1 + w.length > 79) {
      lines.push(line);
      line = `;   ${w}`;
    } else line = fresh ? `${line}${w}` : `${line} ${w}`;
    fresh = false;
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

command({
  names: ['apropos', 'ap'],
  section: 'Binding information',
  usage: '<search-for> ...',
  blurb: 'look for a binding',
  help: ["Lists the names bound in the REPL's namespace that contain every", 'argument (a name, or a regexp for more).'],
  async run(ctx, args) {
    const tests: ((s: string) => boolean)[] = [];
    for (const f of args.forms) {
      const v = syntaxToDatum(f);
      if (v instanceof Sym) tests.push((s) => s.includes(v.name));
      else if (v instanceof RString) tests.push((s) => s.includes(v.s));
      else return ctx.fail(`bad search spec: ${writeString(v)}`);
    }
    const rt = ctx.rt;
    const ns = rt.replNamespace();
    const names = new Set<string>(ns.vars.keys());
    for (const n of rt.ex.table.namesVisible(ns.introduce(rt.ex, new Syntax(sym('x'), null)).scopes, 0))
      if (!n.startsWith('\u0000')) names.add(n);
    const found = [...names].filter((n) => tests.every((t) => t(n))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length === 0) ctx.write('; No matches found.\n');
    else
      ctx.write(
        wrapped(
          found.map((n, i) => `${writeString(sym(n))}${i === found.length - 1 ? '.' : ','}`),
          '; Matches: ',
        ),
      );
  },
});

command({
  names: ['describe', 'desc', 'id'],
  section: 'Binding information',
  usage: '<identifier> ...',
  blurb: 'describe a (bound) identifier',
  help: ['For each identifier, says whether it is bound at the top level or where', 'its binding comes from.'],
  async run(ctx, args) {
    let text = '';
    // A number first is a phase (xrepl's); rkt describes phase-0 bindings.
    const ids = typeof args.forms[0]?.e === 'number' ? args.forms.slice(1) : args.forms;
    for (const f of ids) {
      if (!isIdentifier(f)) {
        if (text !== '') ctx.write(text);
        return ctx.fail(`not an identifier or a known module: ${writeString(syntaxToDatum(f))}`);
      }
      text += describeBinding(ctx.rt, (f.e as Sym).name);
    }
    ctx.write(text);
  },
});

command({
  names: ['require', 'req', 'r'],
  section: 'Requiring and loading',
  usage: '<require-spec> ...+',
  blurb: 'require a module',
  help: ['The arguments go to `require`; a name of an existing file is taken as', 'that file (as a "string" in `require`).'],
  async run(ctx, args) {
    if (args.forms.length === 0) return ctx.fail('missing argument(s)');
    return ctx.evaluate([form(ctx, args.loc, ['require', ...args.forms.map((f) => moduleArg(f, args.loc))])]);
  },
});

command({
  names: ['enter', 'en'],
  section: 'Requiring and loading',
  usage: '[<module>]',
  blurb: 'require a module and go into its namespace',
  help: [
    'Uses `enter!` to go into the namespace of the module (a name of an existing',
    'file is that file, as with ,require); without one, enters again the module',
    'the REPL is in.',
  ],
  async run(ctx, args) {
    const loc = args.loc;
    let mod: Syntax | undefined = args.forms[0];
    if (mod === undefined) {
      const here = ctx.rt.replNamespace().moduleName;
      if (here === null) return ctx.fail('enter: missing module argument');
      mod = new Syntax(new RString(here, false), loc);
    }
    return ctx.evaluate([form(ctx, loc, ['%dynamic-enter!', form(ctx, loc, ['quote', moduleArg(mod, loc)])])]);
  },
});

command({
  names: ['toplevel', 'top'],
  section: 'Requiring and loading',
  usage: null,
  blurb: 'go back to the toplevel',
  help: ['Goes back to the top-level namespace, as ,enter with no module would.'],
  run: (ctx, args) => ctx.evaluate([form(ctx, args.loc, ['%dynamic-enter!', new Syntax(false, args.loc)])]),
});

command({
  names: ['load', 'ld'],
  section: 'Requiring and loading',
  usage: '<filename> ...',
  blurb: 'load a file',
  help: ['Loads each file with `load`.'],
  run: (ctx, args) =>
    ctx.evaluate(
      args.forms.map((f) =>
        form(ctx, args.loc, ['load', f.e instanceof Sym ? new Syntax(new RString(resolve(f.e.name), false), f.loc) : f]),
      ),
    ),
});

command({
  names: ['backtrace', 'bt'],
  section: 'Debugging',
  usage: null,
  blurb: 'see a backtrace of the last exception',
  help: ['Shows the last error with its context.'],
  async run(ctx) {
    ctx.write(ctx.rt.replBacktrace());
  },
});

command({
  names: ['exn'],
  section: 'Debugging',
  usage: '[id]',
  blurb: 'see the previous exception',
  help: ['Shows the last exception raised, or defines `id` as it.'],
  async run(ctx, args) {
    const last = ctx.rt.lastReplError;
    const id = args.forms[0];
    if (id !== undefined) {
      if (!isIdentifier(id)) return ctx.fail(`expected an identifier, got: ${writeString(id.e)}`);
      if (last === null) return ctx.fail('no prior exception');
      return ctx.evaluate([form(ctx, args.loc, ['define', id, quoted(ctx, args.loc, last.value as Value)])]);
    }
    ctx.write(last === null ? '; (no exception)' : `; ${writeString(last.value as Value)}\n`);
  },
});

command({
  names: ['time'],
  section: 'Debugging',
  usage: '[<count>] <expr> ...',
  blurb: 'time an expression',
  help: [
    'Runs the expressions and shows the time they took, then their results. A',
    'count first runs them that many times: the best and worst 2/7ths of the',
    "runs are left out, the others averaged; the results are the last run's.",
  ],
  async run(ctx, args) {
    const counted = typeof args.forms[0]?.e === 'number' || typeof args.forms[0]?.e === 'bigint';
    const exprs = counted ? args.forms.slice(1) : args.forms;
    if (exprs.length === 0) return ctx.fail('time: missing expression');
    const count = counted ? args.forms[0] : new Syntax(1, args.loc);
    return ctx.evaluate([form(ctx, args.loc, ['%repl-time', ['lambda', [], ...exprs], count])]);
  },
});
