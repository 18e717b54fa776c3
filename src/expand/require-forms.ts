// The require sub-forms that wrap other require specs: `combine-in`,
// `only-meta-in`, `for-space`, `only-space-in`, `relative-in`, and the
// PLaneT module path. module.ts's requireSpec walks through them to the
// specs that import from a module.

import { RString, Sym, type Value } from '../values/types.js';
import type { Scope, Syntax } from '../values/syntax.js';
import type { Expander } from './expander.js';
import { idSym, isIdentifier, scopeSetAdd, syntaxE, syntaxToDatum } from './scopes.js';
import { symbolKey } from './bindings.js';
import { PortalSyntax } from './transformers.js';
import { internedScope } from './spaces.js';
import { writeString } from '../printer/print.js';
import { RacketThrow, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import { NULL, Pair } from '../values/types.js';

/** A space step between a require spec and the module it imports from, outermost first. */
type SpaceStep = { readonly k: 'shift'; readonly space: string | null } | { readonly k: 'only'; readonly space: string | null };

/** What the sub-forms around a spec keep of its imports, and where they put them. */
export interface RequireFilter {
  /** only-meta-in: the phase shifts (relative to the module) whose imports are kept; all must agree. */
  readonly metas: readonly number[];
  readonly spaces: readonly SpaceStep[];
}

export const NO_FILTER: RequireFilter = { metas: [], spaces: [] };

/**
 * The space that imports from a module's default space end up in after
 * `filter`'s steps (innermost first), or undefined when a step drops them.
 */
export function importSpace(filter: RequireFilter): string | null | undefined {
  let space: string | null | undefined = null;
  for (let i = filter.spaces.length - 1; i >= 0 && space !== undefined; i--) {
    const step = filter.spaces[i];
    if (step.k === 'shift') space = space === null ? step.space : undefined;
    else if (step.space !== space) space = undefined;
  }
  return space;
}

/** Whether imports at phase shift `shift` pass the only-meta-in filters. */
export function keepsPhase(filter: RequireFilter, shift: number): boolean {
  return filter.metas.every((m) => m === shift);
}

/** The scopes an import is bound with: `ctx`'s, in `space`. */
export function scopesInSpace(ex: Expander, scopes: readonly Scope[], space: string | null): readonly Scope[] {
  return space === null ? scopes : scopeSetAdd(scopes, internedScope(ex, space));
}

/**
 * A wrapping sub-form heading `spec` (with parts `p`): the specs it wraps,
 * the filter they are imported under, and the path relative module paths
 * in them are resolved against. Null for any other spec.
 */
export function requireSubForm(
  ex: Expander,
  spec: Syntax,
  p: Syntax[] | null,
  kind: string | null,
  source: string,
  shift: number,
  only: RequireFilter,
  resolvePath: (base: string, rel: string) => string,
): { subs: Syntax[]; source: string; only: RequireFilter } | null {
  if (p === null) return null;
  switch (kind) {
    case 'combine-in':
      return { subs: p.slice(1), source, only };
    case 'only-meta-in': {
      const n = p.length > 1 ? syntaxE(p[1]) : null;
      if (typeof n !== 'number' && n !== false) ex.syntaxError('only-meta-in', 'bad phase', spec, p[1]);
      // #f keeps only for-label imports, which bind nothing here.
      const metas = [...only.metas, n === false ? Number.NaN : shift + (n as number)];
      return { subs: p.slice(2), source, only: { ...only, metas } };
    }
    case 'for-space':
    case 'only-space-in': {
      const d = p.length > 1 ? syntaxE(p[1]) : null;
      if (!(d instanceof Sym) && d !== false) ex.syntaxError(kind, 'bad space', spec, p[1]);
      const step: SpaceStep = { k: kind === 'for-space' ? 'shift' : 'only', space: d === false ? null : (d as Sym).name };
      return { subs: p.slice(2), source, only: { ...only, spaces: [...only.spaces, step] } };
    }
    case 'relative-in': {
      const base = p.length > 1 ? syntaxToDatum(p[1]) : null;
      // A file path is the base; a collection path's directory would be, but collections here are built in.
      if (!(base instanceof RString)) ex.syntaxError('relative-in', 'expected a file module path', spec, p[1]);
      return { subs: p.slice(2), source: resolvePath(source, base.s), only };
    }
    case 'planet':
      return planetUnavailable(ex, spec);
    default:
      return null;
  }
}

/**
 * A PLaneT module path. PLaneT's server cannot be reached from here, so
 * this fails as Racket does when the download fails for want of a network.
 */
export function planetUnavailable(ex: Expander, spec: Syntax): never {
  const d = syntaxToDatum(spec) as Pair;
  const first: Value = d.cdr instanceof Pair ? d.cdr.car : NULL;
  const name = first instanceof Sym ? first.name : first instanceof RString ? first.s : writeString(first);
  const msg =
    `${ex.locPrefix(spec.loc)}require: PLaneT could not download the package "${name}": tcp-connect: host not found\n` +
    '  hostname: planet.racket-lang.org\n  port number: 80\n  system error: Name or service not known; gai_err=-2\n' +
    `  in: ${writeString(d)}`;
  throw new RacketThrow(makeExn(exnFailSyntaxT, msg, new Pair(spec, NULL)));
}

/** `(portal id content)` in a require: binds `id` to portal syntax holding `content`. */
export function requirePortal(ex: Expander, spec: Syntax, p: Syntax[], phase: number): Syntax[] {
  if (p.length !== 3 || !isIdentifier(p[1])) return ex.syntaxError('#%require', 'bad syntax', spec);
  ex.table.add(symbolKey(idSym(p[1])), p[1].scopes, { kind: 'syntax', value: new PortalSyntax(p[2]) }, phase);
  return [];
}
