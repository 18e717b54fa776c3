// The struct properties that tie a transformer or a context value to the
// expansion contexts (The Racket Reference §12.4).

import { StructProperty } from '../values/struct.js';

/** `prop:liberal-define-context`: a struct whose instances, in a `local-expand` context list, allow liberal expansion of `define`. */
export const propLiberalDefineContext = new StructProperty('liberal-define-context');
/**
 * `prop:expansion-contexts`: the contexts a transformer struct may be used
 * in. The primitives make it (its guard is a primitive, which this layer
 * cannot make) and put it here for the expander.
 */
export const expansionContexts: { prop: StructProperty | null } = { prop: null };

/** The names `prop:expansion-contexts` gives the expansion contexts. */
export const EXPANSION_CONTEXT_NAMES = ['expression', 'top-level', 'module', 'module-begin', 'definition-context'];
