// The REPL in a terminal: bin/rkt run in a pseudo-terminal by util-linux
// `script`, keys written to it as a terminal sends them. Each step waits
// for what the REPL prints (with a generous limit, for busy machines),
// never for a fixed time. Uses the built bin/rkt (npm test builds first).

import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rkt-repl-tty-'));
const haveScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const WAIT = 60_000;

const UP = '\x1b[A';
const CTRL_C = '\x03';
const CTRL_D = '\x04';

/** rkt in a pseudo-terminal; `screen` is what it printed, without terminal control sequences. */
class Terminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = '';
  private seen = 0;
  private readonly exited: Promise<number | null>;
  private wake: (() => void) | null = null;

  constructor(history: string) {
    const command = `stty cols 80 rows 24 2>/dev/null; exec '${process.execPath}' '${rkt}'`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: dir,
      env: { ...process.env, RKT_HISTORY: history, TERM: 'xterm' },
    });
    this.child.stdout.on('data', (d: Buffer) => {
      this.raw += d.toString('utf8');
      this.wake?.();
    });
    this.exited = new Promise((res) => this.child.on('close', (code) => res(code)));
  }

  get screen(): string {
    return this.raw
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\x07/g, '');
  }

  /** Waits until `text` appears after what earlier waits saw; then later waits look past it. */
  async expect(text: string): Promise<void> {
    const deadline = Date.now() + WAIT;
    for (;;) {
      const at = this.screen.indexOf(text, this.seen);
      if (at >= 0) {
        this.seen = at + text.length;
        return;
      }
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`waited for ${JSON.stringify(text)}; the terminal shows:\n${this.screen.slice(this.seen)}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, 1000);
        this.wake = () => {
          clearTimeout(t);
          res();
        };
      });
    }
  }

  send(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Types a line and Enter, once the terminal has shown the line (keys and Enter in one write would be one paste). */
  async enter(line: string): Promise<void> {
    this.send(line);
    await this.expect(line);
    this.send('\r');
    await this.expect('\n');
  }

  /** Ctrl-D at the prompt (wait for the prompt first: typed during an evaluation, the terminal may drop it). */
  async exit(): Promise<number | null> {
    this.send(CTRL_D);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`rkt did not exit; the terminal shows:\n${this.screen}`)), WAIT);
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

const terminals: Terminal[] = [];
function terminal(history: string): Terminal {
  const t = new Terminal(history);
  terminals.push(t);
  return t;
}
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
});

describe.skipIf(!haveScript)('the REPL in a terminal', () => {
  it('breaks a running evaluation on Ctrl-C, keeping every definition', async () => {
    const t = terminal(join(dir, 'history-break'));
    await t.expect('Welcome to rkt');
    await t.expect('> ');
    await t.enter('(define x 5)');
    await t.expect('> ');
    await t.enter('(let loop () (loop))');
    t.send(CTRL_C);
    await t.expect('; user break [,bt for context]\n');
    await t.expect('> ');
    await t.enter('(+ 1 2)');
    await t.expect('3\n');
    await t.expect('> ');
    await t.enter('x');
    await t.expect('5\n');
    await t.expect('> ');
    // Ctrl-C at the prompt drops the line typed so far and reports a break, as racket does.
    t.send('(+ 40');
    await t.expect('(+ 40');
    t.send(CTRL_C);
    await t.expect('; user break [,bt for context]\n');
    await t.expect('> ');
    await t.enter('(* x 2)');
    await t.expect('10\n');
    await t.expect('> ');
    expect(await t.exit()).toBe(0);
  });

  it('waits for the closing bracket, indenting the next line', async () => {
    const t = terminal(join(dir, 'history-lines'));
    await t.expect('> ');
    await t.enter('(list 1');
    await t.enter('2)');
    await t.expect("'(1 2)\n");
    await t.expect('> ');
    // A comment alone is no entry yet: the next line goes with it.
    await t.enter('; a note');
    await t.enter('(+ 1 1)');
    await t.expect('2\n');
    await t.expect('> ');
    expect(await t.exit()).toBe(0);
    // The continuation line started indented under the open bracket: the entry has the indentation.
    expect(readFileSync(join(dir, 'history-lines'), 'utf8')).toBe('"(list 1\\n  2)"\n"; a note\\n(+ 1 1)"\n');
  });

  it('recalls earlier input with the up arrow, also from an earlier session', async () => {
    const history = join(dir, 'history-recall');
    const first = terminal(history);
    await first.expect('> ');
    await first.enter('(string-append "hist" "ory")');
    await first.expect('"history"\n');
    await first.expect('> ');
    await first.enter('(list 1');
    await first.enter('2)');
    await first.expect("'(1 2)\n");
    await first.expect('> ');
    first.send(UP);
    await first.expect('(list 1\n');
    first.send('\r');
    await first.expect("'(1 2)\n");
    await first.expect('> ');
    expect(await first.exit()).toBe(0);
    expect(readFileSync(history, 'utf8')).toBe('"(string-append \\"hist\\" \\"ory\\")"\n"(list 1\\n  2)"\n');

    const second = terminal(history);
    await second.expect('> ');
    second.send(UP);
    await second.expect('(list 1\n');
    second.send(UP);
    await second.expect('(string-append "hist" "ory")');
    second.send('\r');
    await second.expect('"history"\n');
    await second.expect('> ');
    await second.enter('(* 6 7)');
    await second.expect('42\n');
    await second.expect('> ');
    second.send(UP);
    await second.expect('(* 6 7)');
    second.send('\r');
    await second.expect('42\n');
    await second.expect('> ');
    expect(await second.exit()).toBe(0);
  });
});
