// The environment and runtime information: environment variables,
// command-line arguments, system-type, version, banner.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RString, str, type Value, RVector, sym } from '../values/types.js';
import type { PrimTable } from './table.js';
import { Parameter } from '../eval/procedures.js';

export const commandLineArguments = new Parameter(new RVector([], true), false, 'current-command-line-arguments');

function isEnvName(v: Value): v is RString {
  return v instanceof RString && v.s.length > 0 && !v.s.includes('=') && !v.s.includes('\0');
}

export function installEnvironment(t: PrimTable): void {
  t.fn('getenv', 1, 1, function (this: Machine, name: Value) {
    if (!isEnvName(name)) return argError('getenv', 'string-environment-variable-name?', name);
    const v = this.rt.host.getenv?.(name.s);
    return v === undefined ? false : str(v);
  });
  t.fn('putenv', 2, 2, function (this: Machine, name: Value, value: Value) {
    if (!isEnvName(name)) return argError('putenv', 'string-environment-variable-name?', name, 0, [name, value]);
    if (!(value instanceof RString) || value.s.includes('\0')) return argError('putenv', 'string-no-nuls?', value, 1, [name, value]);
    return this.rt.host.putenv?.(name.s, value.s) ?? false;
  });
  t.value('current-command-line-arguments', commandLineArguments);
  t.fn('system-type', 0, 1, (what: Value = sym('os')) => {
    const w = (what as { name?: string }).name;
    if (w === 'vm') return sym('chez-scheme');
    if (w === 'os*') return sym('linux');
    if (w === 'arch') return sym('x86_64');
    if (w === 'word') return 64;
    return sym('unix');
  });
  t.fn('version', 0, 0, () => str('8.7'));
  t.fn('banner', 0, 0, () => str('Welcome to Racket v8.7 [cs].\n'));
}
