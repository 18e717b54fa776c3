// The `rkt` command: racket's command line (cli/command-line.ts) — `rkt
// FILE ARG...` runs a module as `racket FILE` does, `-e`, `-f`, `-t`, `-l`,
// `-r`, `-u`, `-m` run start-up steps in order, `-i` (or no arguments) a
// REPL after them — and `rkt test PATH...`, as `raco test`.

import { isAbsolute, resolve } from 'node:path';
import { nodeHost } from '../host/node-host.js';
import { nodePlaces, placeStart, type PlaceStart } from '../host/node-places.js';
import { Runtime, type RuntimeOptions } from '../runtime/runtime.js';
import { CommandLineError, helpText, parseCommandLine, type CommandLine } from './command-line.js';
import { runRepl } from './repl.js';
import { runTestCommand } from './test-command.js';
import { banner } from './version.js';
import { RacketThrow } from '../errors/exn.js';

// A reader that went away (`rkt prog.rkt | head`) ends the run quietly, as a closed pipe ends racket.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/**
 * For debugging the JIT: RKT_JIT_AFTER=n compiles a lambda after n direct
 * calls (1: at once), and RKT_JIT_DUMP=1 prints each generated function.
 */
/** Places run this bundle again (in a place, `places` also links it to its creator). */
const places = nodePlaces(__filename);

/**
 * Ctrl-C, SIGHUP and SIGTERM become breaks of the program's main thread, as
 * in Racket: exn:break, exn:break:hang-up and exn:break:terminate.
 */
function breakOnSignals(rt: Runtime): void {
  const kinds = { SIGINT: 'break', SIGHUP: 'hang-up', SIGTERM: 'terminate' } as const;
  for (const [signal, kind] of Object.entries(kinds)) {
    process.on(signal, () => {
      // With no program left to break, the signal ends the process as Racket's does.
      if (!rt.breakMain(kind)) process.exit(1);
    });
  }
}

function runtimeOptions(): RuntimeOptions {
  const n = Number(process.env.RKT_JIT_AFTER);
  const dump = process.env.RKT_JIT_DUMP ? (source: string) => process.stderr.write(`${source}\n`) : undefined;
  return { host: { ...nodeHost(), places }, jitAfter: Number.isInteger(n) && n > 0 ? n : undefined, jitDump: dump };
}

/** The runtime a command line runs in. */
function commandLineRuntime(cl: CommandLine): Runtime {
  const options = runtimeOptions();
  const logLevels = { stderr: cl.stderrLogLevels ?? undefined, stdout: cl.stdoutLogLevels ?? undefined };
  // A REPL reads standard input itself: programs it runs see an empty one.
  const host = cl.repl ? { ...options.host, readStdin: undefined } : options.host;
  return new Runtime({ ...options, host, args: cl.args, runFile: cl.runFile ?? undefined, logLevels });
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'test') return runTestCommand(argv.slice(1), runtimeOptions);
  let cl: CommandLine;
  try {
    cl = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof CommandLineError)) throw e;
    process.stderr.write(`rkt: ${e.message}\n`);
    return 1;
  }
  if (cl.help) {
    process.stdout.write(helpText());
    return 0;
  }
  if (cl.version) process.stdout.write(banner());
  const rt = commandLineRuntime(cl);
  breakOnSignals(rt);
  const [first] = cl.steps;
  if (cl.steps.length === 1 && first.kind === 'require-file' && cl.initLib === null && !cl.repl) {
    // `rkt FILE`, the common case: the module and its main submodule.
    return rt.runFile(isAbsolute(first.file) ? first.file : resolve(process.cwd(), first.file));
  }
  const code = await rt.runStartup(cl.initLib, cl.steps, cl.repl);
  // The banner, if any, is printed already (-v, which -i implies).
  return code ?? runRepl(rt, { banner: false });
}

// Node ends the process when nothing can wake it any more (no timer, socket,
// subprocess or input pending). If the program has not ended by then, every
// Racket thread is blocked for good (a deadlock, `(sync never-evt)`): Racket
// blocks forever then, and so does rkt, until it is killed.
let mainSettled = false;
let keepAlive: ReturnType<typeof setInterval> | undefined;
process.on('beforeExit', () => {
  if (!mainSettled && keepAlive === undefined) keepAlive = setInterval(() => {}, 0x7fffffff);
});

/** A place: this bundle again, on a worker thread; its output goes to its creator (host/node-places.ts). */
function runPlace(start: PlaceStart): Promise<number> {
  const host = { ...nodeHost(), readStdin: places.readStdin, places };
  return new Runtime({ ...runtimeOptions(), host }).runPlace(start.module, start.start);
}

const place = placeStart();
(place === null ? main(process.argv.slice(2)) : runPlace(place)).then(
  (code) => {
    mainSettled = true;
    process.exitCode = code;
    // Threads or sockets still open when the main thread ends do not keep the process alive.
    // A place first hands its creator the output it has written.
    if (place !== null) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
    else setImmediate(() => process.exit(code));
  },
  (err: unknown) => {
    mainSettled = true;
    process.stderr.write(`rkt: internal error: ${describe(err)}\n`);
    process.exit(70);
  },
);

function describe(err: unknown): string {
  if (err instanceof RacketThrow) return new Runtime({ host: nodeHost() }).errorText(err.value);
  if (err instanceof Error) return `${err.message}\n${err.stack ?? ''}`;
  return String(err);
}
