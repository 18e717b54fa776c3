// What a library file (src/lib/*.rkt) provides and where each of its
// definitions is, found by reading the whole file with the project's reader.
// The bundlers' .rkt loaders (scripts/build.mjs, vitest.config.ts) run it
// when they bundle a file, so that a runtime reads no library text at
// startup, and only a definition's own text when the definition is first
// used. A mistake in a file (a read error, a form that is not a definition)
// stops the build with the file, line and column.

import { idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import type { LibraryIndex } from '../lib/index.js';
import { readModuleSource } from '../reader/index.js';
import { Pair } from '../values/types.js';
import { lineColumnString, type SrcLoc, type Syntax } from '../values/syntax.js';

export function indexLibrary(source: string, text: string): LibraryIndex {
  const { lang, langLoc, forms } = readModuleSource(text, source);
  const where = (loc: SrcLoc | null) => (loc === null ? source : lineColumnString(loc.source, loc));
  if (lang !== 'racket/base') throw new Error(`${where(langLoc)}: a library file starts with #lang racket/base`);
  const [head, ...rest] = forms;
  if (head === undefined || headName(head) !== 'provide') {
    throw new Error(`${where(head?.loc ?? null)}: a library file's first form is its provide form`);
  }
  const offsetOf = offsetFinder(text);
  const definitions: { name: string; start: number; end: number }[] = [];
  const defined = new Set<string>();
  for (const form of rest) {
    const id = definedName(form);
    if (id === null) throw new Error(`${where(form.loc)}: expected a definition`);
    const name = idSym(id).name;
    if (defined.has(name)) throw new Error(`${where(id.loc)}: module: identifier already defined\n  at: ${name}`);
    defined.add(name);
    const loc = form.loc!;
    definitions.push({ name, start: offsetOf(loc.position), end: offsetOf(loc.position + loc.span) });
  }
  const badSpec = (spec: Syntax): never => {
    throw new Error(`${where(spec.loc)}: provide: expected a name or (rename-out [local lib:name] ...)`);
  };
  const provides = providedNames(head, badSpec).map(({ id, name, library }) => {
    const local = idSym(id).name;
    if (!defined.has(local)) throw new Error(`${where(id.loc)}: provide: provided identifier is not defined or required\n  at: ${local}`);
    return { local, name, library };
  });
  return { provides, definitions };
}

/** The JavaScript module a bundler makes of a library file: its text, its path and its index. */
export function libraryModule(source: string, text: string): string {
  const index = indexLibrary(source, text);
  return [
    `export default ${JSON.stringify(text)};`,
    `export const source = ${JSON.stringify(source)};`,
    `export const index = ${JSON.stringify(index)};`,
  ].join('\n');
}

function headName(form: Syntax): string | null {
  const head = syntaxList(form)?.[0];
  return head !== undefined && isIdentifier(head) ? idSym(head).name : null;
}

/** The name `(define name ...)`, `(define (name . args) ...)` or `(define ((name ...) ...) ...)` defines. */
function definedName(form: Syntax): Syntax | null {
  const items = syntaxList(form);
  if (items === null || items.length < 2 || headName(form) !== 'define') return null;
  let target = items[1];
  for (let e = syntaxE(target); e instanceof Pair; e = syntaxE(target)) target = e.car as Syntax;
  return isIdentifier(target) ? target : null;
}

/**
 * `(provide name ... (rename-out [local exported] ...) ...)`. A plain name
 * goes to racket/base; an exported name `lib:name` goes to library `lib`.
 */
function providedNames(form: Syntax, bad: (spec: Syntax) => never): { id: Syntax; name: string; library: string }[] {
  const out: { id: Syntax; name: string; library: string }[] = [];
  const add = (id: Syntax, exported: string) => {
    const colon = exported.indexOf(':');
    out.push({ id, name: exported.slice(colon + 1), library: colon < 0 ? 'racket/base' : exported.slice(0, colon) });
  };
  for (const spec of syntaxList(form)!.slice(1)) {
    if (isIdentifier(spec)) {
      add(spec, idSym(spec).name);
      continue;
    }
    if (headName(spec) !== 'rename-out') bad(spec);
    for (const pair of syntaxList(spec)!.slice(1)) {
      const [local, exported, ...more] = syntaxList(pair) ?? [];
      if (local === undefined || !isIdentifier(local) || exported === undefined || !isIdentifier(exported) || more.length > 0) bad(pair);
      add(local, idSym(exported).name);
    }
  }
  return out;
}

/**
 * The string offset of each Racket position (1-based; a character, or a CR
 * LF pair, is one position), asked for in increasing order.
 */
function offsetFinder(text: string): (position: number) => number {
  let position = 1;
  let offset = 0;
  return (target) => {
    for (; position < target; position++) {
      const c = text.charCodeAt(offset);
      const d = text.charCodeAt(offset + 1);
      const pair = (c === 13 && d === 10) || (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff);
      offset += pair ? 2 : 1;
    }
    return offset;
  };
}
