// The prelude (library procedures written in Racket, src/prims/prelude.ts)
// is compiled lazily, one definition at a time: each name is bound to a
// variable whose definition is read, expanded and evaluated the first time
// the expander resolves a reference to it. A program that uses only `map`
// pays only for `map` and what `map` uses, which keeps startup short.

import { compile } from '../eval/compile.js';
import { TopVar } from '../expand/core.js';
import type { Machine } from '../eval/machine.js';
import { expandNamed } from '../expand/core-forms.js';
import type { Expander } from '../expand/expander.js';
import { addScope, idSym } from '../expand/scopes.js';
import { readAll } from '../reader/index.js';
import { Scope } from '../values/syntax.js';
import { type Meaning } from '../expand/expander.js';

/** Splits Racket source into its top-level forms' texts (strings, chars and comments respected). */
export function splitTopLevelForms(src: string): string[] {
  const forms: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === ';') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
    } else if (c === '#' && src[i + 1] === '\\') {
      i += 2;
    } else if (c === '(' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) forms.push(src.slice(start, i + 1));
    }
  }
  return forms;
}

export interface PreludeExport {
  name: string;
  library: string;
  meaning: Meaning;
}

/**
 * Binds every prelude definition lazily. `internals` are the runtime's
 * internal primitives, visible to the prelude as `%name`. Returns the
 * provided names with their libraries.
 */
export function installPrelude(ex: Expander, source: string, internals: Map<string, unknown>): PreludeExport[] {
  const internalScope = new Scope('prelude-internals');
  for (const [name, v] of internals) {
    const cell = new TopVar(name, '#%runtime');
    cell.value = v;
    cell.constant = true;
    ex.table.add(`%${name}`, [internalScope], { kind: 'top', v: cell, imported: true });
  }
  const preludeScope = new Scope('prelude');
  const scopes = [ex.baseScope, internalScope, preludeScope];
  const cells = new Map<string, TopVar>();
  let provideText: string | null = null;
  for (const text of splitTopLevelForms(source)) {
    if (text.startsWith('(provide')) {
      provideText = text;
      continue;
    }
    const name = /^\(define\s+\(?([^\s()[\]]+)/.exec(text)?.[1];
    if (name === undefined) throw new Error(`internal: prelude form is not a definition: ${text.slice(0, 40)}`);
    const cell = new TopVar(name, '#%prelude');
    cell.constant = true;
    cell.lazy = () => definePreludeForm(ex, cell, text, scopes);
    cells.set(name, cell);
    ex.table.add(name, [preludeScope], { kind: 'top', v: cell, imported: true });
  }
  return provideText === null ? [] : parseProvide(provideText, cells);
}

function definePreludeForm(ex: Expander, cell: TopVar, text: string, scopes: Scope[]): void {
  const [form] = readAll(text, 'prelude');
  const scoped = scopes.reduce((s, sc) => addScope(s, sc), form);
  const saved = { ctx: ex.ctx, pending: ex.pendingName, intro: ex.currentIntro };
  ex.ctx = { name: '#%prelude', defineTop: () => cell, unbound: (id) => ex.unboundError(id) };
  ex.pendingName = null;
  ex.currentIntro = null;
  try {
    const expanded = ex.partialExpand(scoped);
    const [ids, rhs] = ex.parseDefineValues(expanded);
    const node = compile(expandNamed(ex, rhs, idSym(ids[0]).name));
    if (!node.simple) throw new Error(`internal: prelude definition of ${cell.name} is not a value`);
    cell.value = node.ev(null as unknown as Machine, []);
  } finally {
    ex.ctx = saved.ctx;
    ex.pendingName = saved.pending;
    ex.currentIntro = saved.intro;
  }
}

/** `(provide a b (rename-out [x lib:y] ...))` → exports. */
function parseProvide(text: string, cells: Map<string, TopVar>): PreludeExport[] {
  const out: PreludeExport[] = [];
  const add = (local: string, exported: string) => {
    const cell = cells.get(local);
    if (cell === undefined) throw new Error(`internal: prelude provides undefined ${local}`);
    const [library, name] = exported.includes(':') ? exported.split(':') : ['racket/base', exported];
    out.push({ name, library, meaning: { kind: 'top', v: cell, imported: true } });
  };
  // Plain names, and any number of (rename-out [local lib:name] ...) groups (brackets only inside).
  const body = text.slice('(provide'.length, -1);
  const groups = /\(rename-out([^()]*)\)/g;
  for (const g of body.matchAll(groups)) for (const m of g[1].matchAll(/\[([^\s\]]+)\s+([^\s\]]+)\]/g)) add(m[1], m[2]);
  for (const name of body.replace(groups, ' ').split(/\s+/).filter((s) => s !== '')) add(name, name);
  return out;
}
