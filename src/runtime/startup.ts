// The start-up steps of a racket command line (cli/command-line.ts makes
// them): -e expressions, -f files loaded, -t/-u files and -l libraries
// required with their `main` submodules, -m's call of `main`. They run in
// order on the main thread, each prepared only when the previous one has
// run, and the first error stops the rest, as in racket.

import type { Core } from '../expand/core.js';
import type { Expander } from '../expand/expander.js';
import { printResults, type ModuleInfo } from '../expand/modules.js';
import type { Namespace } from '../expand/namespace.js';
import { datumToSyntax, syntaxToDatum } from '../expand/scopes.js';
import { compile } from '../eval/compile.js';
import { BOUND_TO_SYNTAX, mappedVariableValue } from '../prims/namespaces.js';
import { TOP_LEVEL_BODY, type ProcInfo } from '../eval/proc-info.js';
import { Frame } from '../eval/frames.js';
import { Const, Node as BaseNode, Seq, type Node } from '../eval/nodes.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive } from '../eval/procedures.js';
import { RacketThrow, exnFailContractVariableT, exnFailReadT, makeExn } from '../errors/exn.js';
import { ReadError, readOne } from '../reader/index.js';
import type { Syntax } from '../values/syntax.js';
import { RString, VOID, listFromArray, str, sym, type Value } from '../values/types.js';

export type StartupStep =
  /** -e: read and evaluate each expression of the text in turn, printing results. */
  | { readonly kind: 'eval'; readonly text: string }
  /** -f, -r: `(load FILE)`, printing nothing. */
  | { readonly kind: 'load'; readonly file: string }
  /** -t, -u: `(require (file FILE))`, then its `main` submodule if it has one. */
  | { readonly kind: 'require-file'; readonly file: string }
  /** -l: `(require (lib LIB))`, then its `main` submodule if it has one. */
  | { readonly kind: 'require-lib'; readonly lib: string }
  /** -m: call `main` with the command-line arguments, printing results. */
  | { readonly kind: 'main' };

/** What the steps need of the runtime. */
export interface StartupHost {
  readonly ex: Expander;
  readonly args: string[];
  /** Expands one top-level form in `ns` (results printed when `print`). */
  expandTopLevelForm(form: Syntax, print: boolean, ns: Namespace): Core;
  /** The node that requires `spec` into `ns` and instantiates what it names. */
  requireNode(ns: Namespace, spec: Syntax): Node;
  /** The module `spec` names (relative to the current directory). */
  moduleOf(spec: Syntax): ModuleInfo;
  instantiationNodes(info: ModuleInfo): Node[];
  /** A racket/base export, e.g. `load`. */
  baseValue(name: string): Value;
  /** The first module a command line runs configures the runtime (its language's printing). */
  configureRuntime(info: ModuleInfo): void;
  relativizeReadError(e: ReadError): string;
}

/** Runs `steps[index..]` in `ns`, one after the other. */
export class StartupNode extends BaseNode {
  readonly simple = false;
  constructor(
    private readonly host: StartupHost,
    private readonly ns: Namespace,
    private readonly steps: readonly StartupStep[],
    private readonly index = 0,
  ) {
    super();
  }
  exec(m: Machine): void {
    if (this.index >= this.steps.length) {
      m.returnValue(VOID);
      return;
    }
    m.stack.push(new NextNodeFrame(new StartupNode(this.host, this.ns, this.steps, this.index + 1)));
    m.node = this.stepNode(this.steps[this.index]);
  }

  private stepNode(step: StartupStep): Node {
    const { host, ns } = this;
    switch (step.kind) {
      case 'eval':
        return new EvalTextNode(host, ns, step.text, 0);
      case 'load':
        return compile({ t: 'app', f: { t: 'quote', v: host.baseValue('load') }, args: [{ t: 'quote', v: str(step.file) }], loc: null });
      case 'require-file':
        return this.requireWithMain(listSyntax([sym('file'), str(step.file)]));
      case 'require-lib':
        return this.requireWithMain(listSyntax([sym('lib'), str(step.lib)]));
      case 'main': {
        const call = new MachinePrimitive('main', 0, 0, (m2) => callMain(m2, ns, host.args));
        return compile(printResults(host.ex, { t: 'app', f: { t: 'quote', v: call }, args: [], loc: null }));
      }
    }
  }

  private requireWithMain(spec: Syntax): Node {
    const info = this.host.moduleOf(spec);
    if (this.index === 0) this.host.configureRuntime(info);
    const require = this.host.requireNode(this.ns, spec);
    const main = info.mainSubmodule === null ? [] : this.host.instantiationNodes(info.mainSubmodule);
    return main.length === 0 ? require : new Seq([require, ...main, new Const(VOID)]);
  }
}

/** -e's text: each expression is read only after the previous one ran (a later read error comes after earlier output). */
class EvalTextNode extends BaseNode {
  readonly simple = false;
  constructor(
    private readonly host: StartupHost,
    private readonly ns: Namespace,
    private readonly text: string,
    private readonly offset: number,
  ) {
    super();
  }
  exec(m: Machine): void {
    let read: { datum: Syntax | null; end: number };
    try {
      // As racket's -e: from a string port named `string`, which counts no lines.
      read = readOne(this.text, this.offset, 'string', { countLines: false, lineColumns: false });
    } catch (e) {
      // Racket's -e reads with `read` (and makes syntax of what it read, literals immutable).
      const message = (e instanceof ReadError ? this.host.relativizeReadError(e) : '').replace(/^(string::\d+: )read-syntax: /, '$1read: ');
      if (e instanceof ReadError) throw new RacketThrow(makeExn(exnFailReadT, message, VOID));
      throw e;
    }
    if (read.datum === null) {
      m.returnValue(VOID);
      return;
    }
    // What racket's `read` gives has no source locations (so its lambdas get no names from them).
    const form = datumToSyntax(null, syntaxToDatum(read.datum));
    // Expanded before the frame is pushed: a syntax error has no context, as in Racket; a run-time error's shows `body of top-level`.
    const core = this.host.expandTopLevelForm(form, true, this.ns);
    m.stack.push(new NextNodeFrame(new EvalTextNode(this.host, this.ns, this.text, read.end), TOP_LEVEL_BODY));
    m.node = compile(core, TOP_LEVEL_BODY);
  }
}

/** -m: `main` as the top-level namespace sees it, applied to the command-line arguments. */
function callMain(m: Machine, ns: Namespace, args: string[]): void {
  const main = mappedVariableValue(m.rt.ex, ns, sym('main'));
  if (main === undefined || main === BOUND_TO_SYNTAX) {
    throw new RacketThrow(makeExn(exnFailContractVariableT, 'main: not defined or required into the top-level environment', sym('main')));
  }
  m.applyArray(
    main,
    args.map((a) => new RString(a, false)),
  );
}

function listSyntax(items: Value[]): Syntax {
  return datumToSyntax(null, listFromArray(items));
}

/** A frame that, when the running node returns, runs `next`; `info` is what an error's context shows of it. */
export class NextNodeFrame extends Frame {
  constructor(
    private readonly next: Node,
    private readonly info: ProcInfo | null = null,
  ) {
    super();
  }
  override ctxInfo(): ProcInfo | null {
    return this.info;
  }
  resume(m: Machine): void {
    m.node = this.next;
  }
}
