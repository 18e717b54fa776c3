// Binds the libraries written in Racket (src/lib/*.rkt, listed in
// src/lib/index.ts) lazily, one definition at a time, so that startup reads
// none of them.
//
// A file's index (runtime/library-index.ts, made when the file is bundled)
// names what it provides and where each definition is. Each provided name is
// bound to a variable whose definition is read (its own text only, with the
// reader), expanded and evaluated the first time the expander resolves a
// reference to it. A program that uses only `sort` pays for `sort` and what
// `sort` uses.
//
// A file sees racket/base (which includes what the other files provide to
// it), the runtime's internal primitives as `%name`, and its own definitions.

import { compile } from '../eval/compile.js';
import { noteLibraryProcedure } from '../prims/result-arity-sources.js';
import { TopVar } from '../expand/core.js';
import type { Machine } from '../eval/machine.js';
import { expandNamed } from '../expand/core-forms.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { addScope, idSym } from '../expand/scopes.js';
import type { LibraryFile, LibraryIndex } from '../lib/index.js';
import { readOne } from '../reader/index.js';
import { Scope } from '../values/syntax.js';
import { indexLibrary } from './library-index.js';
import { ALL_PHASES } from '../expand/bindings.js';

export interface LibraryExport {
  name: string;
  library: string;
  meaning: Meaning;
}

/**
 * Binds the names the files provide, each compiled on first use; returns
 * them with the libraries they go to. `ex.internals` are visible as `%name`.
 */
export function installLibraryFiles(ex: Expander, files: readonly LibraryFile[]): LibraryExport[] {
  const internalScope = new Scope('library-internals');
  for (const [name, v] of ex.internals) {
    const cell = new TopVar(name, '#%runtime');
    cell.value = v;
    cell.constant = true;
    ex.table.add(`%${name}`, [internalScope], { kind: 'top', v: cell, imported: true }, ALL_PHASES);
  }
  return files.flatMap((file) => new Library(ex, file, internalScope).exports());
}

/** One library file: a variable per definition, made when first needed. */
class Library {
  private readonly index: LibraryIndex;
  private readonly scopes: Scope[];
  private readonly cells = new Map<string, TopVar>();
  /** Where each definition is; made, and the definitions bound in the file's scope, when the first is compiled. */
  private extents: Map<string, { start: number; end: number }> | null = null;

  constructor(
    private readonly ex: Expander,
    private readonly file: LibraryFile,
    internalScope: Scope,
  ) {
    this.index = file.index ?? indexLibrary(file.source, file.text);
    this.scopes = [ex.baseScope, internalScope, new Scope(file.source)];
  }

  exports(): LibraryExport[] {
    return this.index.provides.map((p) => ({ name: p.name, library: p.library, meaning: this.meaning(p.local) }));
  }

  private meaning(name: string): Meaning {
    let cell = this.cells.get(name);
    if (cell === undefined) {
      const lazy = new TopVar(name, this.file.source);
      lazy.constant = true;
      lazy.lazy = () => this.define(lazy);
      this.cells.set(name, lazy);
      cell = lazy;
    }
    return { kind: 'top', v: cell, imported: true };
  }

  private define(cell: TopVar): void {
    const ex = this.ex;
    if (this.extents === null) {
      this.extents = new Map(this.index.definitions.map((d) => [d.name, d]));
      const fileScope = this.scopes[this.scopes.length - 1];
      for (const d of this.index.definitions) ex.table.add(d.name, [fileScope], this.meaning(d.name), ALL_PHASES);
    }
    const { start, end } = this.extents.get(cell.name)!;
    // Read from the file's text up to the definition's end: locations are the file's own.
    const form = readOne(this.file.text.slice(0, end), start, this.file.source).datum!;
    const scoped = this.scopes.reduce((s, sc) => addScope(s, sc), form);
    const saved = { ctx: ex.ctx, pending: ex.pendingName, intro: ex.currentIntro, phase: ex.phase };
    ex.phase = 0;
    ex.ctx = { name: this.file.source, defineTop: () => cell, unbound: (id) => ex.unboundError(id) };
    ex.pendingName = null;
    ex.currentIntro = null;
    try {
      // A definition of the library's module body, wherever the use that needs it is being expanded.
      const expanded = ex.inDefinitionContext(null, () => ex.partialExpandIn(scoped, 'module'));
      const [ids, rhs] = ex.parseDefineValues(expanded);
      const node = compile(expandNamed(ex, rhs, idSym(ids[0]).name), null, true);
      if (!node.simple) throw new Error(`internal: library definition of ${cell.name} is not a value`);
      cell.value = node.ev(null as unknown as Machine, []);
      for (const p of this.index.provides)
        if (p.local === cell.name && p.library === 'racket/base') noteLibraryProcedure(cell.value, p.name);
    } catch (e) {
      // Still undefined: the next use reports the same error.
      cell.lazy = () => this.define(cell);
      throw e;
    } finally {
      ex.ctx = saved.ctx;
      ex.pendingName = saved.pending;
      ex.currentIntro = saved.intro;
      ex.phase = saved.phase;
    }
  }
}
