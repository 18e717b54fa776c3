// Subprocesses (Racket Reference §15.4): subprocess and the procedures on
// the values it returns, and its parameters. The host runs the child with a
// pipe for each standard stream; a stream the program connects to one of its
// own file-stream ports is forwarded between that port and the pipe, and the
// others become the ports subprocess returns. A subprocess is an event, ready
// (with itself) once the child has exited.

import type { Machine } from '../eval/machine.js';
import { NOT_READY, Block, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailT, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import type { HostChildProcess } from '../host/host.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { customPrint } from '../values/printable.js';
import { RPath } from '../values/path.js';
import { MultipleValues, NULL, RBytes, RString, Sym, VOID, sym, type Value } from '../values/types.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import { type Custodian, managingCustodian } from '../thread/custodian.js';
import { currentEnvironmentVariables, type EnvironmentVariables } from './environment.js';
import { complete } from './filesystem.js';
import { pathText } from './paths.js';
import { checkFileAccess } from './security-guards.js';
import type { PrimTable } from './table.js';

export class Subprocess implements Evt {
  /** The exit status once the child has exited. */
  status: number | null = null;
  readonly waiters = new Set<() => void>();
  /** Set when current-subprocess-custodian-mode was 'kill or 'interrupt: what a custodian shutdown does. */
  custodianMode: 'kill' | 'interrupt' | null = null;
  custodian: Custodian | null = null;
  constructor(
    readonly child: HostChildProcess,
    readonly group: boolean,
  ) {}
  exited(status: number): void {
    this.status = status;
    this.custodian?.resources.delete(this);
    for (const w of [...this.waiters]) w();
  }
  poll(): SyncResult | NotReady {
    return this.status === null ? NOT_READY : this;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
  /** A custodian shutdown: kill or interrupt the child, as the mode said when it was made. */
  release(): void {
    if (this.status === null) this.child.kill(this.custodianMode === 'kill', this.group);
  }
  [customPrint](): string {
    return '#<subprocess>';
  }
}

/** subprocess-wait's event: ready, with void, once the child has exited. */
class ExitEvt implements Evt {
  constructor(readonly proc: Subprocess) {}
  poll(): SyncResult | NotReady {
    return this.proc.status === null ? NOT_READY : VOID;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.proc.subscribe(m, wake);
  }
}

export const subprocessGroupEnabled = new Parameter(
  false,
  new Primitive('subprocess-group-enabled', 1, 1, (v: Value) => v !== false),
  'subprocess-group-enabled',
);

export const currentSubprocessCustodianMode = new Parameter(
  false,
  new Primitive('current-subprocess-custodian-mode', 1, 1, (v: Value) =>
    v === false || (v instanceof Sym && (v.name === 'kill' || v.name === 'interrupt'))
      ? v
      : argError('current-subprocess-custodian-mode', "(or/c #f 'kill 'interrupt)", v),
  ),
  'current-subprocess-custodian-mode',
);

// Racket's contract text names 'uninherited, yet the value it accepts (and starts with) is 'inherited.
const KEEP_MODES = ['inherited', 'uninherited', 'all'];
export const currentSubprocessKeepFileDescriptors = new Parameter(
  sym('inherited'),
  new Primitive('current-subprocess-keep-file-descriptors', 1, 1, (v: Value) =>
    v === NULL || (v instanceof Sym && KEEP_MODES.includes(v.name))
      ? v
      : argError('current-subprocess-keep-file-descriptors', "(or/c '() 'uninherited 'all)", v),
  ),
  'current-subprocess-keep-file-descriptors',
);

const OUT_CONTRACT = '(or/c (and/c output-port? file-stream-port?) #f)';
const IN_CONTRACT = '(or/c (and/c input-port? file-stream-port?) #f)';
const ARG_CONTRACT = '(or/c path? string-no-nuls? bytes-no-nuls?)';

function isSym(v: Value, name: string): boolean {
  return v instanceof Sym && v.name === name;
}

/** A command-line argument's text; bytes are taken as the UTF-8 they hold. */
function argText(v: Value): string {
  if (v instanceof RPath) return v.path;
  if (v instanceof RString && !v.s.includes('\0')) return v.s;
  if (v instanceof RBytes && !v.bytes.includes(0)) return decodeUtf8(v.bytes) ?? String.fromCharCode(...v.bytes);
  return argError('subprocess', ARG_CONTRACT, v);
}

function environment(m: Machine): Record<string, string> {
  const vars = m.paramValue(currentEnvironmentVariables) as EnvironmentVariables;
  const env: Record<string, string> = {};
  for (const name of vars.names(m)) {
    const value = vars.get(m, name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Sends what `port` holds and will get to the child's standard input, as a shared descriptor would; ends it after. */
/** Copies what `port` delivers to a child's (or a place's) standard input, then ends it. */
export function forwardInput(port: InputPort, child: Pick<HostChildProcess, 'writeStdin' | 'endStdin'>): void {
  const pump = () => {
    if (port.available > 0) {
      const chunk = port.bytes.slice(port.pos);
      port.pos = port.bytes.length;
      child.writeStdin(chunk);
    }
    if (port.complete || port.closed) {
      port.waiters.delete(pump);
      child.endStdin();
    }
  };
  port.waiters.add(pump);
  port.demand();
  pump();
}

function parseArgs(args: Value[]): {
  stdout: OutputPort | null;
  stdin: InputPort | null;
  stderr: OutputPort | 'stdout' | null;
  group: Value;
  command: Value;
  rest: Value[];
} {
  const [out, inp, err] = args;
  if (!(out === false || (out instanceof OutputPort && out.fileStream))) return argError('subprocess', OUT_CONTRACT, out);
  if (!(inp === false || (inp instanceof InputPort && inp.fileStream))) return argError('subprocess', IN_CONTRACT, inp);
  if (!(err === false || isSym(err, 'stdout') || (err instanceof OutputPort && err.fileStream))) {
    return argError('subprocess', "(or/c (and/c output-port? file-stream-port?) #f 'stdout)", err);
  }
  const fourth = args[3];
  const isGroup = fourth === false || isSym(fourth, 'new') || fourth instanceof Subprocess;
  if (!isGroup && pathText(fourth) === null && args.length === 4) {
    // Racket takes the missing command for its "not given" value and shows that.
    throw new RacketThrow(
      makeExn(exnFailContractT, 'subprocess: contract violation\n  expected: path-string?\n  given: #<unsafe-undefined>'),
    );
  }
  if (!isGroup && pathText(fourth) === null) return argError('subprocess', "(or/c path-string? #f 'new subprocess?)", fourth);
  const command = isGroup ? args[4] : fourth;
  if (command === undefined || pathText(command) === null) return argError('subprocess', 'path-string?', command ?? VOID);
  let rest = args.slice(isGroup ? 5 : 4);
  // 'exact right after the command matters only on Windows; on Unix it is skipped.
  if (rest.length > 0 && isSym(rest[0], 'exact')) rest = rest.slice(1);
  return {
    stdout: out === false ? null : (out as OutputPort),
    stdin: inp === false ? null : (inp as InputPort),
    stderr: err === false ? null : isSym(err, 'stdout') ? 'stdout' : (err as OutputPort),
    group: isGroup ? fourth : false,
    command,
    rest,
  };
}

function subprocess(m: Machine, args: Value[]): Value {
  const a = parseArgs(args);
  const argv = a.rest.map(argText);
  const commandPath = complete(m, pathText(a.command)!);
  if (a.group instanceof Subprocess) {
    throw new RacketThrow(
      makeExn(
        exnFailUnsupportedT,
        "subprocess: joining an existing process group is not supported\n  reason: Node cannot set a child's process group",
      ),
    );
  }
  const newGroup = a.group === false ? m.paramValue(subprocessGroupEnabled) !== false : isSym(a.group, 'new');
  checkFileAccess(m, 'subprocess', commandPath, ['execute']);
  const host = m.rt.host.processes;
  if (host === undefined) throw new RacketThrow(makeExn(exnFailT, 'subprocess: process creation is not available in this runtime'));
  const custodian = managingCustodian(m, 'subprocess');
  const stdoutIn = a.stdout === null ? InputPort.pipe('subprocess-stdout') : null;
  const stderrIn = a.stderr === null ? InputPort.pipe('subprocess-stderr') : null;
  const target = (port: InputPort | null, given: OutputPort | null) => (chunk: Uint8Array) => {
    if (port !== null) port.feed(chunk);
    else given?.writeThrough(chunk);
  };
  let proc: Subprocess | null = null;
  // Output forwarded to a port of the program is all there once the child is done, as a shared
  // descriptor's would be: the exit counts when those pipes have ended too.
  let pending = 1 + (a.stdout !== null ? 1 : 0) + (a.stderr instanceof OutputPort ? 1 : 0);
  let exitStatus = 0;
  const settle = () => {
    if (--pending === 0) proc?.exited(exitStatus);
  };
  let child: HostChildProcess;
  try {
    child = host.spawn({
      command: commandPath,
      args: argv,
      cwd: complete(m, '.'),
      env: environment(m),
      stderrToStdout: a.stderr === 'stdout',
      newGroup,
      onStdout: target(stdoutIn, a.stdout),
      onStdoutEnd: () => {
        stdoutIn?.finish();
        if (a.stdout !== null) settle();
      },
      onStderr: target(stderrIn, a.stderr === 'stdout' ? null : a.stderr),
      onStderrEnd: () => {
        stderrIn?.finish();
        if (a.stderr instanceof OutputPort) settle();
      },
      onExit: (status) => {
        exitStatus = status;
        settle();
      },
    });
  } catch (e) {
    const err = e as { text?: string; errno?: number };
    throw new RacketThrow(makeExn(exnFailT, `subprocess: process creation failed\n  system error: ${err.text}; errno=${err.errno}`));
  }
  proc = new Subprocess(child, newGroup);
  const mode = m.paramValue(currentSubprocessCustodianMode);
  if (mode instanceof Sym) {
    proc.custodianMode = mode.name as 'kill' | 'interrupt';
    proc.custodian = custodian;
    custodian.resources.add(proc);
  }
  const detach = { closed: false, close: () => child.detach() };
  m.rt.resources.add(detach);
  let stdinOut: OutputPort | null = null;
  if (a.stdin === null) {
    stdinOut = new OutputPort('subprocess-stdin', (data) => child.writeStdin(typeof data === 'string' ? encodeUtf8(data) : data));
    stdinOut.onClose = () => child.endStdin();
    stdinOut.fileStream = true;
  } else forwardInput(a.stdin, child);
  for (const p of [stdoutIn, stderrIn]) if (p !== null) p.fileStream = true;
  return new MultipleValues([proc, stdoutIn ?? false, stdinOut ?? false, stderrIn ?? false]);
}

function subprocessArg(who: string, v: Value): Subprocess {
  return v instanceof Subprocess ? v : argError(who, 'subprocess?', v);
}

const SHOW_MODES = [
  'sw_hide',
  'sw_maximize',
  'sw_minimize',
  'sw_restore',
  'sw_show',
  'sw_showdefault',
  'sw_showmaximized',
  'sw_showminimized',
  'sw_showminnoactive',
  'sw_showna',
  'sw_shownoactivate',
  'sw_shownormal',
];

/** shell-execute is a Windows facility: on Unix, Racket checks its arguments and fails. */
function shellExecute(verb: Value, target: Value, parameters: Value, dir: Value, show: Value): never {
  const who = 'shell-execute';
  if (verb !== false && !(verb instanceof RString)) return argError(who, '(or/c string? #f)', verb);
  if (!(target instanceof RString)) return argError(who, 'string?', target);
  if (!(parameters instanceof RString)) return argError(who, 'string?', parameters);
  if (pathText(dir) === null) return argError(who, 'path-string?', dir);
  if (!(show instanceof Sym && SHOW_MODES.includes(show.name.toLowerCase()))) return argError(who, "(or/c 'sw_hide ....)", show);
  throw new RacketThrow(makeExn(exnFailT, `${who}: failed\n  system error: unsupported; rkt_err=1`));
}

export function installSubprocess(t: PrimTable): void {
  t.fn('shell-execute', 5, 5, shellExecute);
  t.fn('subprocess', 4, -1, function (this: Machine, ...args: Value[]) {
    return subprocess(this, args);
  });
  t.fn('subprocess?', 1, 1, (v: Value) => v instanceof Subprocess);
  t.blocking('subprocess-wait', 1, 1, (v: Value) => {
    const proc = subprocessArg('subprocess-wait', v);
    return proc.status === null ? new Block([new ExitEvt(proc)]) : VOID;
  });
  t.fn('subprocess-status', 1, 1, (v: Value) => {
    const proc = subprocessArg('subprocess-status', v);
    return proc.status ?? sym('running');
  });
  t.fn('subprocess-pid', 1, 1, (v: Value) => subprocessArg('subprocess-pid', v).child.pid);
  // Racket 8.7's subprocess-kill returns #t.
  t.fn('subprocess-kill', 2, 2, (v: Value, force: Value) => {
    const proc = subprocessArg('subprocess-kill', v);
    if (proc.status === null) proc.child.kill(force !== false, proc.group);
    return true;
  });
  t.value('subprocess-group-enabled', subprocessGroupEnabled);
  t.value('current-subprocess-custodian-mode', currentSubprocessCustodianMode);
  t.value('current-subprocess-keep-file-descriptors', currentSubprocessKeepFileDescriptors);
}
