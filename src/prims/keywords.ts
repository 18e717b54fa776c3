// Keywords as values: keyword?, keyword->string, string->keyword, keyword<?.
// (Procedures that take keyword arguments are in keyword-procedures.ts.)

import { argError } from '../errors/messages.js';
import { Keyword, keyword, str, type Value } from '../values/types.js';
import { checkString } from './check.js';
import type { PrimTable } from './table.js';

export function installKeywords(t: PrimTable): void {
  t.fn('keyword?', 1, 1, (v) => v instanceof Keyword);
  t.fn('keyword->string', 1, 1, (k) => (k instanceof Keyword ? str(k.name) : argError('keyword->string', 'keyword?', k)));
  t.fn('string->keyword', 1, 1, (s) => keyword(checkString('string->keyword', s).s));
  t.fn('keyword<?', 1, -1, (...xs: Value[]) => {
    for (let i = 0; i + 1 < xs.length; i++) if (!((xs[i] as Keyword).name < (xs[i + 1] as Keyword).name)) return false;
    return true;
  });
}
