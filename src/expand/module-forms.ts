// The module-level forms: require, provide, module, module*, module+.
// Their work is done by the module and top-level expanders (modules.ts,
// top-level.ts); used anywhere else they are errors, as in Racket.

import type { Expander } from './expander.js';
import type { Meaning } from './expander.js';

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
  for (const name of ['module', 'module*', 'module+']) {
    define(
      name,
      ex.coreForm(name, (stx, e) => e.syntaxError(name, 'allowed only at the top level or in a module body', stx)),
    );
  }
  // Sub-forms of require and provide, meaningful only inside them.
  for (const name of [
    'only-in',
    'except-in',
    'prefix-in',
    'rename-in',
    'for-syntax',
    'for-label',
    'for-template',
    'submod',
    'file',
    'lib',
    'rename-out',
    'all-defined-out',
    'struct-out',
    'all-from-out',
    'except-out',
    'prefix-out',
  ]) {
    define(
      name,
      ex.coreForm(name, (stx, e) => e.syntaxError(name, 'not in a require or provide form', stx)),
    );
  }
}
