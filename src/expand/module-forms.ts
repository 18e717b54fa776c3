// The module-level forms: require, provide, module, module*, module+.
// Their work is done by the module and top-level expanders (modules.ts,
// top-level.ts); used anywhere else they are errors, as in Racket.

import type { Expander } from './expander.js';
import type { Meaning } from './expander.js';
import { RacketThrow, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import { writeString } from '../printer/print.js';
import { NULL, Pair } from '../values/types.js';
import { syntaxToDatum } from './scopes.js';

export function installModuleForms(ex: Expander, define: (name: string, m: Meaning) => void): void {
  const onlyAtModuleLevel = (name: string, core: string) =>
    define(
      name,
      ex.coreForm(core, (stx, e) => e.syntaxError(name, 'not at module level or top level', stx)),
    );
  onlyAtModuleLevel('require', '#%require');
  onlyAtModuleLevel('#%require', '#%require');
  onlyAtModuleLevel('provide', '#%provide');
  onlyAtModuleLevel('#%provide', '#%provide');
  define(
    '#%declare',
    ex.coreForm('#%declare', (stx, e) => e.syntaxError('#%declare', 'not allowed outside of a module top-level', stx)),
  );
  for (const name of ['module', 'module*', 'module+']) {
    define(
      name,
      ex.coreForm(name, (stx, e) => e.syntaxError(name, 'allowed only at the top level or in a module body', stx)),
    );
  }
  // Sub-forms of require and provide, meaningful only inside them. Used
  // elsewhere, Racket reports its transformer's value: the kind of
  // sub-form (require transformer, provide transformer, or both).
  const subForm = (name: string, value: string) =>
    define(
      name,
      standalone(
        ex.coreForm(name, (stx, e) => {
          const msg = `${e.locPrefix(stx.loc)}${name}: illegal use of syntax\n  in: ${writeString(syntaxToDatum(stx))}\n  value at phase ${e.phase + 1}: ${value}`;
          throw new RacketThrow(makeExn(exnFailSyntaxT, msg, new Pair(stx, NULL)));
        }),
      ),
    );
  for (const name of ['only-in', 'except-in', 'prefix-in', 'rename-in', 'combine-in', 'only-meta-in', 'only-space-in', 'relative-in'])
    subForm(name, '#<rt>');
  for (const name of ['for-syntax', 'for-label', 'for-template', 'for-meta', 'for-space']) subForm(name, '#<req+prov>');
  for (const name of ['rename-out', 'all-defined-out', 'struct-out', 'all-from-out']) subForm(name, '#<pt>');
  for (const name of ['except-out', 'prefix-out', 'protect-out', 'combine-out']) subForm(name, '#<p+t>');
  // Module-path constructors.
  for (const name of ['submod', 'file', 'lib', 'planet']) {
    define(
      name,
      standalone(
        ex.coreForm(name, (stx, e) =>
          e.syntaxError(name, "misuse of module-path constructor (not within, e.g., `require' or `provide')", stx),
        ),
      ),
    );
  }
}

/** `m`, whose handler also takes its keyword used alone as an expression. */
function standalone(m: Meaning): Meaning {
  return m.kind === 'core' ? { ...m, alone: true } : m;
}
