// The racket command line (`racket -h`): its switches, collapsed switches
// (`-ifve file expr` is `-i -f file -v -e expr`), `--`, and the defaults
// racket adds (-i with no switches, -u before a first file argument, -n
// when a require comes before any -e/-f/-r/-i). The result is the ordered
// start-up plan runtime/startup.ts carries out.

import { parseArgs } from 'node:util';
import type { StartupStep } from '../runtime/startup.js';

/** What one racket switch is: its long name, what argument it takes, and its role in racket's defaults. */
interface Switch {
  /** The option's name in parseArgs (racket's long name, or a descriptive one for letters racket has no long name for). */
  readonly name: string;
  /** The long form racket accepts, if any. */
  readonly long?: string;
  /** What racket calls its argument in "missing ... after -x switch"; absent for a flag. */
  readonly arg?: string;
  /** Configuration switches do not stop racket from adding -i or -u. */
  readonly config?: boolean;
  /** rkt accepts it for compatibility; it changes nothing here. */
  readonly noEffect?: boolean;
  /** A line of `-h` text, as racket's. Absent: not listed (accepted silently or not at all). */
  readonly help?: string;
}

const SWITCHES: Record<string, Switch> = {
  e: { name: 'eval', long: 'eval', arg: 'expression', help: 'Evaluate <exprs>, print results' },
  f: { name: 'load', long: 'load', arg: 'file name', help: `Like -e '(load "<file>")' without printing` },
  t: { name: 'require', long: 'require', arg: 'file name', help: `Like -e '(require (file "<file>"))' [*]` },
  l: { name: 'lib', long: 'lib', arg: 'library name', help: `Like -e '(require (lib "<path>"))' [*]` },
  r: { name: 'script', long: 'script', arg: 'file name', help: 'Same as -f <file> -N <file> --' },
  u: { name: 'require-script', long: 'require-script', arg: 'file name', help: 'Same as -t <file> -N <file> --' },
  m: { name: 'main', long: 'main', help: 'Call `main` with command-line arguments, print results' },
  i: { name: 'repl', long: 'repl', help: 'Run interactive read-eval-print loop; implies -v' },
  n: { name: 'no-lib', long: 'no-lib', help: 'Skip `(require (lib "<init-lib>"))` for -i/-e/-f/-r' },
  v: { name: 'version', long: 'version', help: 'Show version' },
  V: { name: 'no-yield', long: 'no-yield', noEffect: true },
  y: { name: 'make', long: 'make', config: true, noEffect: true },
  c: { name: 'no-compiled', long: 'no-compiled', config: true, noEffect: true },
  q: { name: 'no-init-file', long: 'no-init-file', config: true, noEffect: true },
  I: { name: 'init-lib', arg: 'library name', config: true, help: 'Set <init-lib> to <path> (sets language)' },
  N: { name: 'name', long: 'name', arg: 'name', config: true, help: "Sets `(find-system-path 'run-file)` to <file>" },
  W: { name: 'warn', long: 'warn', arg: 'stderr level', config: true, help: 'Set stderr logging to <levels>' },
  O: { name: 'stdout', long: 'stdout', arg: 'stdout level', config: true, help: 'Set stdout logging to <levels>' },
  j: { name: 'no-jit', long: 'no-jit', config: true, noEffect: true },
  d: { name: 'no-delay', long: 'no-delay', config: true, noEffect: true },
  b: { name: 'binary', long: 'binary', config: true, noEffect: true },
  U: { name: 'no-user-path', long: 'no-user-path', config: true, noEffect: true },
  Z: { name: 'ignore', arg: 'argument to ignore' },
  h: { name: 'help', long: 'help', help: 'Show this information and exits, ignoring other options' },
};

const BY_LONG = new Map(Object.entries(SWITCHES).flatMap(([, s]) => (s.long ? [[s.long, s] as const] : [])));
const BY_NAME = new Map(Object.entries(SWITCHES).map(([letter, s]) => [s.name, { letter, ...s }] as const));

/** The racket command line, as rkt will carry it out. */
export interface CommandLine {
  /** -h: print the help text and do nothing else. */
  readonly help: boolean;
  /** -v (or -i): print the banner first. */
  readonly version: boolean;
  /** -i: a REPL after the steps. */
  readonly repl: boolean;
  /** The library required into the top-level namespace before the steps; null when racket would not (-n, or no -i/-e/-f/-r). */
  readonly initLib: string | null;
  readonly steps: StartupStep[];
  /** `current-command-line-arguments`. */
  readonly args: string[];
  /** `(find-system-path 'run-file)`, when -N, -r or -u set it. */
  readonly runFile: string | null;
  /** -W and -O: the log levels for stderr and stdout, as PLTSTDERR and PLTSTDOUT spell them. */
  readonly stderrLogLevels: string | null;
  readonly stdoutLogLevels: string | null;
}

/** A command line racket would refuse, with racket's message (printed after `rkt: `). */
export class CommandLineError extends Error {}

/**
 * Splits argv into switches, each with its argument (collapsed switches
 * expanded), and the arguments after them. Racket's switches end at the
 * first argument that is not one, at `--`, and after -r or -u's file.
 */
function splitSwitches(argv: string[]): { switches: string[]; rest: string[]; restAfterDashes: boolean } {
  const switches: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    if (a === '--') return { switches, rest: argv.slice(i + 1), restAfterDashes: true };
    if (!a.startsWith('-') || a === '-') break;
    const named = a.startsWith('--') ? [[a, BY_LONG.get(a.slice(2))] as const] : [...a.slice(1)].map((c) => [a, SWITCHES[c]] as const);
    i++;
    let endsSwitches = false;
    for (const [shown, s] of named) {
      if (s === undefined) {
        const bad = a.startsWith('--') ? a : `-${[...a.slice(1)].find((c) => SWITCHES[c] === undefined)}`;
        throw new CommandLineError(bad === a ? `bad switch: ${a}` : `bad switch: ${bad} within: ${a}`);
      }
      const letter = BY_NAME.get(s.name)!.letter;
      if (s.arg === undefined) switches.push(`-${letter}`);
      else {
        if (i >= argv.length) throw new CommandLineError(`missing ${s.arg} after ${shown} switch`);
        // As --name=value, so that an argument starting with "-" (-e -5) is taken as racket takes it.
        switches.push(`--${s.name}=${argv[i++]}`);
      }
      if (letter === 'r' || letter === 'u') endsSwitches = true;
    }
    if (endsSwitches) return { switches, rest: argv.slice(i), restAfterDashes: true };
  }
  return { switches, rest: argv.slice(i), restAfterDashes: false };
}

/** Parses racket's command line; throws CommandLineError where racket would refuse it. */
export function parseCommandLine(argv: string[]): CommandLine {
  const { switches, rest } = splitSwitches(argv);
  const options = Object.fromEntries(
    [...BY_NAME.values()].map((s) => [s.name, { type: s.arg === undefined ? 'boolean' : 'string', short: s.letter, multiple: true }]),
  ) as Record<string, { type: 'boolean' | 'string'; short: string; multiple: true }>;
  let tokens: ReturnType<typeof parseArgs>['tokens'];
  try {
    tokens = parseArgs({ args: switches, options, strict: true, allowPositionals: false, tokens: true }).tokens;
  } catch (e) {
    // splitSwitches has checked what racket checks; anything parseArgs still refuses is reported, not thrown at the user.
    throw new CommandLineError(`bad command line: ${(e as Error).message.split('\n')[0]}`);
  }

  const steps: StartupStep[] = [];
  let help = false;
  let version = false;
  let repl = false;
  let noLib = false;
  let initLib = 'racket/init';
  let runFile: string | null = null;
  let stderrLogLevels: string | null = null;
  let stdoutLogLevels: string | null = null;
  // Racket's defaults look at what kind of switches came, and in which order.
  let onlyConfig = true;
  let evalLike = false;
  let args = rest;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const value = token.value ?? '';
    const s = BY_NAME.get(token.name)!;
    if (!s.config) onlyConfig = false;
    switch (token.name) {
      case 'eval':
        steps.push({ kind: 'eval', text: value });
        evalLike = true;
        break;
      case 'load':
        steps.push({ kind: 'load', file: value });
        evalLike = true;
        break;
      case 'script':
        steps.push({ kind: 'load', file: value });
        runFile = value;
        evalLike = true;
        break;
      case 'require':
      case 'require-script':
        steps.push({ kind: 'require-file', file: value });
        if (token.name === 'require-script') runFile = value;
        if (!evalLike) noLib = true;
        break;
      case 'lib':
        steps.push({ kind: 'require-lib', lib: value });
        if (!evalLike) noLib = true;
        break;
      case 'main':
        steps.push({ kind: 'main' });
        break;
      case 'repl':
        repl = true;
        version = true;
        evalLike = true;
        break;
      case 'no-lib':
        noLib = true;
        break;
      case 'version':
        version = true;
        break;
      case 'init-lib':
        initLib = value;
        break;
      case 'name':
        runFile = value;
        break;
      case 'warn':
        stderrLogLevels = value;
        break;
      case 'stdout':
        stdoutLogLevels = value;
        break;
      case 'help':
        help = true;
        break;
      default:
        // -Z's argument and the switches that change nothing in rkt.
        break;
    }
  }
  if (onlyConfig) {
    if (rest.length > 0) {
      // A first argument after only configuration switches is a module to run (-u).
      steps.push({ kind: 'require-file', file: rest[0] });
      runFile ??= rest[0];
      args = rest.slice(1);
      noLib = true;
    } else {
      repl = true;
      version = true;
    }
  }
  const needsInitLib = repl || steps.some((s) => s.kind === 'eval' || s.kind === 'load');
  return {
    help,
    version,
    repl,
    initLib: needsInitLib && !noLib ? initLib : null,
    steps,
    args,
    runFile,
    stderrLogLevels,
    stdoutLogLevels,
  };
}

/** The `-h` text: racket's layout, listing the switches rkt supports. */
export function helpText(): string {
  const entry = (letter: string): string => {
    const s = SWITCHES[letter];
    const arg =
      s.arg === undefined
        ? ''
        : s.name === 'eval'
          ? ' <exprs>'
          : s.arg === 'file name'
            ? ' <file>'
            : s.arg === 'library name'
              ? ' <path>'
              : s.name === 'name'
                ? ' <file>'
                : ' <levels>';
    const forms = [`-${letter}${arg}`, ...(s.long ? [`--${s.long}${arg}`] : [])].join(', ');
    return `  ${forms}\n     ${s.help}\n`;
  };
  return [
    'usage: rkt [<option> ...] <argument> ...\n',
    '\nFile and expression options:\n\n',
    ...['e', 'f', 't', 'l', 'r', 'u', 'm'].map(entry),
    '\n [*] Also `require`s a `main` submodule, if any\n',
    '\nInteraction options:\n\n',
    ...['i', 'n', 'v'].map(entry),
    '\nConfiguration options:\n\n',
    ...['I', 'N', 'W', 'O'].map(entry),
    '  -V, -y, -c, -q, -j, -d, -b, -U\n     Accepted as racket does; no effect in rkt\n',
    '\nMeta options:\n\n',
    '  --\n     No argument following this switch is used as a switch\n',
    '  -Z\n     Ignore the argument following this switch\n',
    entry('h'),
    '\nDefault options:\n\n',
    '  * If only configuration options are provided, -i is added\n',
    '  * If only configuration options are before the first\n    argument, -u is added\n',
    '  * If -t/-l/-u appears before the first -i/-e/-f/-r,\n    -n is added\n',
    '  * <init-lib> defaults to racket/init\n',
    '\nSwitch syntax:\n\n',
    '  Multiple single-letter switches can be collapsed, with\n  arguments placed after the collapsed switches; the first\n  collapsed switch cannot be --\n\n',
    '  For example,\n\n      -ifve file expr\n\n  is the same as\n\n      -i -f file -v -e expr\n',
    '\nStart-up sequence:\n\n',
    '  1. Require `(lib "<init-lib>")` [when -i/-e/-f/-r, unless -n]\n',
    '  2. Evaluate/load expressions/files in order, until first error\n',
    '  3. Run read-eval-print loop [when -i]\n',
    '\nrkt also has: rkt test <file-or-dir> ..., as `raco test`\n',
  ].join('');
}
