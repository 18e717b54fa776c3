// The root logger writes to stderr what PLTSTDERR admits (error by default),
// with a topic's own level taking precedence over the default level.

import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { nodeHost } from '../../src/host/node-host.js';
import { parseLogSpec } from '../../src/prims/logging.js';
import { Runtime } from '../../src/runtime/runtime.js';

async function stderrWith(spec: string | undefined, program: string): Promise<string> {
  let err = '';
  const base = nodeHost();
  const host: Host = {
    ...base,
    writeStdout: () => {},
    writeStderr: (s: string) => void (err += s),
    getenv: (name: string) => (name === 'PLTSTDERR' ? spec : base.getenv?.(name)),
  };
  await new Runtime({ host }).runTopLevel(program);
  return err;
}

const program = `(define-logger app)
(log-info "plain info") (log-error "plain error")
(log-app-debug "app debug") (log-app-warning "app warning")`;

describe('PLTSTDERR', () => {
  it('parses levels and level@topic words', () => {
    expect(parseLogSpec(undefined)).toEqual([{ level: 'error', topic: null }]);
    expect(parseLogSpec('debug@app  warning')).toEqual([
      { level: 'debug', topic: 'app' },
      { level: 'warning', topic: null },
    ]);
    expect(parseLogSpec('nonsense')).toEqual([{ level: 'error', topic: null }]);
  });
  it('shows error-level messages by default', async () => {
    expect(await stderrWith(undefined, program)).toBe('plain error\n');
  });
  it('shows what the level admits', async () => {
    expect(await stderrWith('info', program)).toBe('plain info\nplain error\napp: app warning\n');
  });
  it("lets a topic's level override the default, wherever it is written", async () => {
    expect(await stderrWith('debug@app error', program)).toBe('plain error\napp: app debug\napp: app warning\n');
    expect(await stderrWith('error debug@app', program)).toBe('plain error\napp: app debug\napp: app warning\n');
  });
});
