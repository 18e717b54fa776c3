// What primitives reach of the runtime they run in, through `m.rt` (the
// machine's MachineRuntime, widened here; see src/eval/context.ts). The
// runtime (src/runtime/runtime.ts) implements it.

import type { Expander } from '../expand/expander.js';
import type { Host } from '../host/host.js';
import type { Scheduler } from '../thread/scheduler.js';
import type { Machine } from '../eval/machine.js';
import type { Value } from '../values/types.js';
import type { Plumber } from './plumbers.js';
import type { Namespace } from '../expand/namespace.js';
import type { ModuleInfo } from '../expand/modules.js';
import type { Node } from '../eval/nodes.js';
import type { Core } from '../expand/core.js';
import type { Syntax } from '../values/syntax.js';

/** What eval, namespaces and dynamic-require need of the runtime's expander and module registry. */
export interface NamespaceServices {
  /** The namespace of `rkt -e` and the REPL (racket). */
  readonly topLevel: Namespace;
  /** A node that expands `form` as a top-level form of `ns` and runs it, leaving its values. */
  evalNode(ns: Namespace, form: Syntax): Node;
  /** Expands `form` as a top-level form of `ns` to core code (compile), not running it. */
  compile(ns: Namespace, form: Syntax): Core;
  /** Expands `form` in `ns` without running it: fully, its outermost macro use once, or until its head is a core form. */
  expand(ns: Namespace, form: Syntax, how: 'full' | 'once' | 'top'): Syntax;
  /** A node that requires `spec` into `ns`, instantiating what it names, and returns void. */
  requireNode(ns: Namespace, spec: Syntax): Node;
  /** The module module path `spec` names, loaded and expanded but not instantiated. */
  moduleOf(spec: Syntax, relativeTo: string): ModuleInfo;
  /** Whether a module file at `path` has been declared (loaded) in this runtime. */
  isDeclared(path: string): boolean;
  /** The nodes that instantiate `info` and what it requires, unless already instantiated. */
  instantiationNodes(info: ModuleInfo): Node[];
  /** The module that `core` (from `compile`) declares, or null when it is no module declaration. */
  compiledModule(core: Core): ModuleInfo | null;
  /** Declares `info` at the top level as `name` (eval of a compiled module). */
  declareModule(info: ModuleInfo, name: string): void;
  /** A module declared at the top level as `name`, or null. */
  declaredModule(name: string): ModuleInfo | null;
}

export interface PrimitiveContext {
  /** The host's capabilities: clock, files, network, environment. */
  readonly host: Host;
  readonly sched: Scheduler;
  /** Milliseconds since the epoch (current-inexact-milliseconds). */
  epochMs(): number;
  /** The number for the next `gensym`. */
  nextGensym(): number;
  /** What the run holds open (sockets), closed when the run ends. */
  readonly resources: Set<{ close(): void; closed: boolean }>;
  /** The default error display handler: writes `msg` (and a syntax error's location) to the current error port. */
  displayError(m: Machine, msg: Value, v: Value): void;
  /** Writes out what the runtime's own output ports hold. */
  flushPorts(): void;
  /** The plumber that flushes the runtime's output ports; flushed at exit. */
  readonly originalPlumber: Plumber;
  /** The expander: syntax-local-value and friends, free-identifier=?. */
  readonly ex: Expander;
  readonly namespaces: NamespaceServices;
  /** The program as the command line named it: `(find-system-path 'run-file)`. */
  readonly runFilePath: string;
  /** The names of the built-in libraries, by module path (racket/list, ...): the collections rkt has. */
  libraryNames(): string[];
}

declare module '../eval/context.js' {
  interface MachineRuntime extends PrimitiveContext {}
}
