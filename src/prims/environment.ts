// The environment and runtime information: environment variables,
// command-line arguments, system-type, version, banner.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RBytes, RString, VOID, listFromArray, str, type Value, RVector, sym } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import { RacketThrow, exnFailT, makeExn } from '../errors/exn.js';
import type { PrimTable } from './table.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { applyNested } from '../eval/nested.js';

export const commandLineArguments = new Parameter(new RVector([], true), false, 'current-command-line-arguments');

function isEnvName(v: Value): v is RString {
  return v instanceof RString && v.s.length > 0 && !v.s.includes('=') && !v.s.includes('\0');
}

function isBytesEnvName(v: Value): v is RBytes {
  return v instanceof RBytes && v.bytes.length > 0 && !v.bytes.includes(61) && !v.bytes.includes(0);
}

/** An environment-variables set: the host's own (null table), or a table of its own. */
export class EnvironmentVariables {
  constructor(readonly table: Map<string, string> | null) {}
  [customPrint](): string {
    return '#<environment-variables>';
  }
  get(m: Machine, name: string): string | undefined {
    return this.table === null ? m.rt.host.getenv?.(name) : this.table.get(name);
  }
  set(m: Machine, name: string, value: string | null): boolean {
    if (this.table !== null) {
      if (value === null) this.table.delete(name);
      else this.table.set(name, value);
      return true;
    }
    const host = m.rt.host;
    return (value === null ? host.unsetenv?.(name) : host.putenv?.(name, value)) ?? false;
  }
  names(m: Machine): string[] {
    if (this.table !== null) return [...this.table.keys()];
    const host = m.rt.host;
    return host.envNames?.() ?? [];
  }
}

export const currentEnvironmentVariables = new Parameter(
  new EnvironmentVariables(null),
  new Primitive('current-environment-variables', 1, 1, (v: Value) =>
    v instanceof EnvironmentVariables ? v : argError('current-environment-variables', 'environment-variables?', v),
  ),
  'current-environment-variables',
);

/** Names and values are byte strings in Racket; rkt keeps them as the strings whose UTF-8 they are. */
const text = (b: RBytes) => decodeUtf8(b.bytes) ?? String.fromCharCode(...b.bytes);
const bytesOf = (s: string) => new RBytes(encodeUtf8(s), false);

function envOf(m: Machine): EnvironmentVariables {
  return m.paramValue(currentEnvironmentVariables) as EnvironmentVariables;
}

function checkEnv(who: string, v: Value): EnvironmentVariables {
  return v instanceof EnvironmentVariables ? v : argError(who, 'environment-variables?', v);
}

export function installEnvironment(t: PrimTable): void {
  t.fn('getenv', 1, 1, function (this: Machine, name: Value) {
    if (!isEnvName(name)) return argError('getenv', 'string-environment-variable-name?', name);
    const v = envOf(this).get(this, name.s);
    return v === undefined ? false : str(v);
  });
  t.fn('putenv', 2, 2, function (this: Machine, name: Value, value: Value) {
    if (!isEnvName(name)) return argError('putenv', 'string-environment-variable-name?', name, 0, [name, value]);
    if (!(value instanceof RString) || value.s.includes('\0')) return argError('putenv', 'string-no-nuls?', value, 1, [name, value]);
    return envOf(this).set(this, name.s, value.s);
  });
  t.value('current-environment-variables', currentEnvironmentVariables);
  t.fn('environment-variables?', 1, 1, (v) => v instanceof EnvironmentVariables);
  t.fn('bytes-environment-variable-name?', 1, 1, (v) => isBytesEnvName(v));
  t.fn('string-environment-variable-name?', 1, 1, (v) => isEnvName(v));
  t.fn('make-environment-variables', 0, -1, (...kv: Value[]) => {
    const table = new Map<string, string>();
    for (let i = 0; i < kv.length; i += 2) {
      const [k, v] = [kv[i], kv[i + 1]];
      if (!isBytesEnvName(k)) return argError('make-environment-variables', 'bytes-environment-variable-name?', k);
      if (!(v instanceof RBytes)) return argError('make-environment-variables', 'bytes-no-nuls?', v);
      table.set(text(k), text(v));
    }
    return new EnvironmentVariables(table);
  });
  t.fn('environment-variables-ref', 2, 2, function (this: Machine, e: Value, name: Value) {
    const env = checkEnv('environment-variables-ref', e);
    if (!isBytesEnvName(name)) return argError('environment-variables-ref', 'bytes-environment-variable-name?', name);
    const v = env.get(this, text(name));
    return v === undefined ? false : bytesOf(v);
  });
  t.fn('environment-variables-set!', 3, 4, function (this: Machine, e: Value, name: Value, value: Value, fail?: Value) {
    const env = checkEnv('environment-variables-set!', e);
    if (!isBytesEnvName(name)) return argError('environment-variables-set!', 'bytes-environment-variable-name?', name);
    if (value !== false && !(value instanceof RBytes)) return argError('environment-variables-set!', '(or/c bytes-no-nuls? #f)', value);
    if (env.set(this, text(name), value === false ? null : text(value))) return VOID;
    if (fail !== undefined) return applyNested(this, fail, []);
    throw new RacketThrow(makeExn(exnFailT, `environment-variables-set!: change failed\n  name: ${text(name)}`));
  });
  t.fn('environment-variables-names', 1, 1, function (this: Machine, e: Value) {
    return listFromArray(checkEnv('environment-variables-names', e).names(this).map(bytesOf));
  });
  t.fn('environment-variables-copy', 1, 1, function (this: Machine, e: Value) {
    const env = checkEnv('environment-variables-copy', e);
    const table = new Map<string, string>();
    for (const name of env.names(this)) {
      const v = env.get(this, name);
      if (v !== undefined) table.set(name, v);
    }
    return new EnvironmentVariables(table);
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
