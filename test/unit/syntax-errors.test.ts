// Syntax errors of the expander, for expressions given to `rkt -e`. Each
// expected text is what `racket -e` printed (Racket 8.7), less its
// "context...:" lines; code from -e has no source location in Racket.

import { describe, expect, it } from 'vitest';
import { evalCaptured } from '../support/run.js';
// @ts-expect-error: a plain .mjs helper shared with scripts/golden.mjs
import { normalizeStderr } from '../scheme/normalize.mjs';

const cases: [string, string][] = [
  ['(define)', 'define: bad syntax\n  in: (define)'],
  ['(if 1 2)', 'if: missing an "else" expression\n  in: (if 1 2)'],
  ['(lambda (1) 1)', 'lambda: not an identifier, identifier with default, or keyword\n  at: 1\n  in: (lambda (1) 1)'],
  ['(cond [else])', "cond: missing expressions in `else' clause\n  at: (else)\n  in: (cond (else))"],
  ['(let loop)', 'let: bad syntax (missing binding pairs or body)\n  in: (let loop)'],
  ['(let ((x)) x)', 'let: bad syntax (not an identifier and expression for a binding)\n  at: (x)\n  in: (let ((x)) x)'],
  ['#:foo', '#%datum: keyword misused as an expression\n  at: #:foo'],
  ['(1 #:x)', 'application: missing argument expression after keyword\n  at: #:x\n  in: (#%app 1 #:x)'],
  ['(f #:x 1 #:x 2)', 'application: duplicate keyword in application\n  at: #:x\n  in: (#%app f #:x 1 #:x 2)'],
  ['(quote)', 'quote: bad syntax\n  in: (quote)'],
  ['(define-values (x) 1 2)', 'define-values: bad syntax\n  in: (define-values (x) 1 2)'],
  ['(call/cc 5)', 'call-with-current-continuation: contract violation\n  expected: (procedure-arity-includes/c 1)\n  given: 5'],
  [
    '(with-handlers ([5 (lambda (e) 1)]) (car 1))',
    'application: not a procedure;\n expected a procedure that can be applied to arguments\n  given: 5',
  ],
];

describe('syntax and contract errors from rkt -e', () => {
  for (const [expr, message] of cases) {
    it(expr, async () => {
      const r = await evalCaptured(expr);
      expect(normalizeStderr(r.stderr)).toBe(message + '\n');
      expect(r.code).toBe(1);
    });
  }

  it('splices a final unquote-splicing as the tail, as Racket does', async () => {
    expect((await evalCaptured('`(1 ,@2)')).stdout).toBe("'(1 . 2)\n");
  });
});
