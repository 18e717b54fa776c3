// The runtime's side of eval, namespaces and dynamic-require
// (prims/namespaces.ts): expanding and running forms in a namespace,
// requiring into one, and finding modules by module path.

import { Const, Seq, type Node } from '../eval/nodes.js';
import type { Expander } from '../expand/expander.js';
import { localExpand } from '../expand/local-expand.js';
import { ModuleInfo, moduleOfPath, requireSpec, type ModuleLoader } from '../expand/modules.js';
import type { Namespace } from '../expand/namespace.js';
import type { Core } from '../expand/core.js';
import { isIdentifier, syntaxE } from '../expand/scopes.js';
import { Pair, VOID } from '../values/types.js';
import type { Syntax } from '../values/syntax.js';
import type { NamespaceServices } from '../prims/context.js';

export interface NamespaceHost {
  readonly ex: Expander;
  readonly topLevel: Namespace;
  loader(): ModuleLoader;
  instantiationNodes(info: ModuleInfo): Node[];
  isLoaded(path: string): boolean;
  /** Modules declared at the top level, by name. */
  readonly topModules: Map<string, ModuleInfo>;
  /** The modules that declaration cores (from `loader().declaration`) declare. */
  readonly declarations: WeakMap<Core, ModuleInfo>;
  expandTopLevelForm(form: Syntax, print: boolean, ns: Namespace): Core;
  /** The node that runs top-level forms in `ns`, the last one's values being the result. */
  topLevelNode(ns: Namespace, forms: Syntax[]): Node;
}

export class RuntimeNamespaces implements NamespaceServices {
  constructor(private readonly rt: NamespaceHost) {}

  get topLevel(): Namespace {
    return this.rt.topLevel;
  }

  evalNode(ns: Namespace, form: Syntax): Node {
    return this.rt.topLevelNode(ns, [form]);
  }

  compile(ns: Namespace, form: Syntax): Core {
    return this.rt.expandTopLevelForm(form, false, ns);
  }

  expand(ns: Namespace, form: Syntax, how: 'full' | 'once' | 'top'): Syntax {
    const ex = this.rt.ex;
    return this.inNamespace(ns, () => {
      const scoped = ns.introduce(ex, form);
      if (how === 'full') return localExpand(ex, scoped, 'top-level', null);
      if (how === 'top') return ex.partialExpandIn(scoped, 'top-level');
      const e = syntaxE(scoped);
      const head = e instanceof Pair ? e.car : isIdentifier(scoped) ? scoped : null;
      if (!isIdentifier(head)) return scoped;
      const m = ex.resolve(head);
      return (m !== null && ex.withContext('top-level', () => ex.transformStep(m, scoped, head))) || scoped;
    });
  }

  requireNode(ns: Namespace, spec: Syntax): Node {
    const ex = this.rt.ex;
    const info = new ModuleInfo('top-level');
    this.inNamespace(ns, () => requireSpec(ex, this.rt.loader(), info, ns.introduce(ex, spec), `${ex.cwd}/top-level`));
    const nodes: Node[] = [];
    for (const m of info.requires) nodes.push(...this.rt.instantiationNodes(m));
    return new Seq([...nodes, new Const(VOID)]);
  }

  moduleOf(spec: Syntax, relativeTo: string): ModuleInfo {
    return moduleOfPath(this.rt.ex, this.rt.loader(), spec, relativeTo);
  }

  instantiationNodes(info: ModuleInfo): Node[] {
    return this.rt.instantiationNodes(info);
  }

  isDeclared(path: string): boolean {
    return this.rt.isLoaded(path);
  }

  compiledModule(core: Core): ModuleInfo | null {
    return this.rt.declarations.get(core) ?? null;
  }

  declareModule(info: ModuleInfo, name: string): void {
    // Declaring a module again makes a new instance of it.
    if (this.rt.topModules.get(name) === info) info.instantiated = false;
    this.rt.topModules.set(name, info);
  }

  declaredModule(name: string): ModuleInfo | null {
    return this.rt.topModules.get(name) ?? null;
  }

  private inNamespace<T>(ns: Namespace, f: () => T): T {
    const ex = this.rt.ex;
    const saved = ex.ctx;
    ex.ctx = ns.context();
    try {
      return f();
    } finally {
      ex.ctx = saved;
    }
  }
}
