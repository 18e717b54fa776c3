// The expander's compile-time evaluator: transformer expressions,
// begin-for-syntax code and the modules transformers require run on a
// machine nested in the thread that is expanding (eval/nested.ts).

import { compile } from '../eval/compile.js';
import type { Machine } from '../eval/machine.js';
import { applyNested, runNested } from '../eval/nested.js';
import { Prompt, Seq, type Node } from '../eval/nodes.js';
import type { Core } from '../expand/core.js';
import type { CompileTimeEvaluator } from '../expand/expander.js';
import { isProcedure } from '../prims/check.js';
import type { Scheduler } from '../thread/scheduler.js';
import { VOID, type Value } from '../values/types.js';

export class CompileTime implements CompileTimeEvaluator {
  constructor(private readonly sched: Scheduler) {}

  /** The machine of the thread that is expanding. */
  private outer(): Machine {
    const t = this.sched.running;
    if (t === null) throw new Error('internal: compile-time evaluation outside a thread');
    return t.m;
  }

  run(core: Core): Value {
    return this.runNodes([new Prompt(compile(core))]);
  }

  /** Runs nodes in order (a module instance's body); returns the last one's result. */
  runNodes(nodes: Node[]): Value {
    if (nodes.length === 0) return VOID;
    const node = nodes.length === 1 ? nodes[0] : new Seq(nodes);
    return runNested(this.outer(), (m) => {
      m.env = [];
      m.node = node;
    });
  }

  apply(proc: Value, args: Value[]): Value {
    return applyNested(this.outer(), proc, args);
  }

  isProcedure(v: Value): boolean {
    return isProcedure(v);
  }
}
