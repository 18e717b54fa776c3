// `rkt test` over test/fixtures/rkt-test, with what Racket 8.7's `raco test`
// prints for the same files: the `raco test:` line of each file (its test
// submodule, or the module itself), the FAILURE blocks and errors on
// stderr, the summary line, and the exit status. Uses the built bin/rkt.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/rkt-test/', import.meta.url));

/** The context block under the error of failing/sub/raises.rkt. */
const raisesContext = `  context...:\n   body of (submod "${fixtures}failing/sub/raises.rkt" test)\n`;

function rktTest(...paths: string[]) {
  const r = spawnSync(process.execPath, [rkt, 'test', ...paths], { cwd: fixtures, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

const checkFailure = [
  '--------------------',
  'FAILURE',
  'name:       check-equal?',
  'location:   check-fails.rkt:4:2',
  'actual:     2',
  'expected:   3',
  '--------------------',
  '',
].join('\n');

describe('rkt test', () => {
  it('runs a test submodule after the module body, not the main submodule', () => {
    expect(rktTest('passing/with-test-submodule.rkt')).toEqual({
      stdout: 'raco test: (submod "passing/with-test-submodule.rkt" test)\nmodule body\ntest submodule\n2 tests passed\n',
      stderr: '',
      code: 0,
    });
  });

  it('runs a module without a test submodule itself', () => {
    expect(rktTest('passing/plain.rkt')).toEqual({ stdout: 'raco test: "passing/plain.rkt"\n1 test passed\n', stderr: '', code: 0 });
  });

  it('prints no summary when no test ran', () => {
    expect(rktTest('passing/no-tests.rkt')).toEqual({ stdout: 'raco test: "passing/no-tests.rkt"\nno checks here\n', stderr: '', code: 0 });
  });

  it('goes through a directory in order, skipping files that are not Racket modules', () => {
    expect(rktTest('passing')).toEqual({
      stdout: [
        'raco test: "passing/no-tests.rkt"',
        'no checks here',
        'raco test: "passing/plain.rkt"',
        'raco test: (submod "passing/with-test-submodule.rkt" test)',
        'module body',
        'test submodule',
        '3 tests passed',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('reports failures on stderr and exits 1', () => {
    expect(rktTest('failing/check-fails.rkt')).toEqual({
      stdout: 'raco test: (submod "failing/check-fails.rkt" test)\n',
      stderr: `${checkFailure}1/2 test failures\n`,
      code: 1,
    });
  });

  it('reports a file that raises, and exits 1', () => {
    expect(rktTest('failing/sub/raises.rkt')).toEqual({
      stdout: 'raco test: (submod "failing/sub/raises.rkt" test)\n',
      // raco test also shows a frame of its own under the submodule's body.
      stderr: `car: contract violation\n  expected: pair?\n  given: 1\n${raisesContext}raises.rkt: raco test: test raised an exception\n`,
      code: 1,
    });
  });

  it('counts a file that raises in a directory as one failed test', () => {
    expect(rktTest('failing')).toEqual({
      stdout: [
        'raco test: (submod "failing/check-fails.rkt" test)',
        'raco test: (submod "failing/sub/module-test.rkt" test)',
        'raco test: (submod "failing/sub/raises.rkt" test)',
        '',
      ].join('\n'),
      stderr: `${checkFailure}car: contract violation\n  expected: pair?\n  given: 1\n${raisesContext}raises.rkt: raco test: non-zero exit: 1\n2/4 test failures\n`,
      code: 1,
    });
  });

  it('sums files given one by one', () => {
    const r = rktTest('passing/plain.rkt', 'failing/check-fails.rkt');
    expect(r.stdout).toBe('raco test: "passing/plain.rkt"\nraco test: (submod "failing/check-fails.rkt" test)\n');
    expect(r.stderr).toBe(`${checkFailure}1/3 test failures\n`);
    expect(r.code).toBe(1);
  });

  it('stops at a path that is not there', () => {
    const r = rktTest('passing/plain.rkt', 'no-such-file.rkt', 'failing');
    expect(r.stdout).toBe('raco test: "passing/plain.rkt"\n');
    expect(r.stderr).toBe('raco test: no such file or directory\n  path: no-such-file.rkt\n');
    expect(r.code).toBe(1);
  });
});
