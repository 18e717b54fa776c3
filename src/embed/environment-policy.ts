// An embedded runtime's environment variables: a capability, as files and
// the network are. By default a runtime gets its own copy of the process's
// environment, so `putenv` changes only what its own scripts (and the
// subprocesses they start) see, never `process.env`; 'deny' gives it none,
// and a list of names a copy of just those. The `rkt` command keeps the
// real environment.

import type { Host } from '../host/host.js';

/** 'copy' (the default): a private copy of process.env; 'deny': none; names: a private copy of those only. */
export type EnvironmentPolicy = 'copy' | 'deny' | readonly string[];

type EnvironmentHost = Pick<Host, 'getenv' | 'putenv' | 'unsetenv' | 'envNames'>;

export function environmentHost(policy: EnvironmentPolicy, processEnv: NodeJS.ProcessEnv): EnvironmentHost {
  if (policy === 'deny') {
    return { getenv: () => undefined, putenv: () => false, unsetenv: () => false, envNames: () => [] };
  }
  const names = policy === 'copy' ? Object.keys(processEnv) : policy;
  const table = new Map<string, string>();
  for (const name of names) {
    const value = processEnv[name];
    if (value !== undefined) table.set(name, value);
  }
  return {
    getenv: (name) => table.get(name),
    putenv: (name, value) => {
      table.set(name, value);
      return true;
    },
    unsetenv: (name) => {
      table.delete(name);
      return true;
    },
    envNames: () => [...table.keys()],
  };
}
