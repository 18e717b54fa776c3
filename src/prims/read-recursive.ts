// read/recursive and read-syntax/recursive: reads meant for reader macros.
// Inside a reader macro they join the read that called it (sharing its `#N=`
// graph unless graph? is #f); anywhere, they return a special comment for a
// comment rather than skipping it, start from an optional character already
// taken from the port, and take the readtable for the first level of the
// datum (`current-readtable` applies within it).

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RPath } from '../values/path.js';
import { Char, RString, sym, type Value } from '../values/types.js';
import { displayString } from '../printer/print.js';
import { whenReady } from './input.js';
import { inArg } from './ports.js';
import { numberReadOptions } from './read-params.js';
import { enclosingSource, readWithReadtable } from './readtable-reader.js';
import { currentReadtable, Readtable } from './readtables.js';
import type { PrimTable } from './table.js';

function recursiveRead(m: Machine, who: string, forSyntax: boolean, src: Value | undefined, args: Value[]): Value {
  const [p, start = false, rtArg, graph = true] = args;
  const port = inArg(m, who, p, 'read-char-or-special');
  if (start !== false && !(start instanceof Char)) return argError(who, '(or/c char? #f)', start);
  const current = m.paramValue(currentReadtable) as Readtable | false;
  const rt = rtArg === undefined ? current : rtArg;
  if (rt !== false && !(rt instanceof Readtable)) return argError(who, '(or/c readtable? #f)', rt);
  const enclosing = forSyntax ? enclosingSource() : null;
  const sourceArg = enclosing?.sourceArg ?? src ?? sym(port.name);
  const source =
    enclosing?.source ??
    (!forSyntax
      ? port.name
      : sourceArg instanceof RPath
        ? sourceArg.path
        : sourceArg instanceof RString
          ? sourceArg.s
          : displayString(sourceArg));
  const sourceValue = enclosing !== null ? enclosing.sourceValue : !forSyntax || sourceArg instanceof RString ? undefined : sourceArg;
  let datum: Value | null = null;
  return whenReady(
    port,
    () =>
      (datum = readWithReadtable(m, port, {
        readtable: rt === false ? null : rt,
        next: current === false ? null : current,
        forSyntax,
        source,
        sourceArg,
        sourceValue,
        recursive: true,
        localGraph: graph === false,
        initial: start === false ? null : (start as Char).code,
        options: numberReadOptions(m),
      })) !== null,
    () => datum!,
    false,
    who,
  );
}

export function installReadRecursive(t: PrimTable): void {
  t.blocking('read/recursive', 0, 4, function (this: Machine, ...args: Value[]) {
    return recursiveRead(this, 'read/recursive', false, undefined, args);
  });
  t.blocking('read-syntax/recursive', 0, 5, function (this: Machine, src?: Value, ...args: Value[]) {
    return recursiveRead(this, 'read-syntax/recursive', true, src, args);
  });
}
