// Source locations as values: the `srcloc` structure (a transparent struct
// with a guard on its fields) and srcloc->string.

import { argError } from '../errors/messages.js';
import { displayString } from '../printer/print.js';
import { StructInstance, StructProperty, StructType } from '../values/struct.js';
import { exnFailReadT } from '../errors/exn.js';
import { RString, type Value } from '../values/types.js';
import { isExactInteger } from '../values/numbers.js';
import { Primitive } from '../eval/procedures.js';
import type { PrimTable } from './table.js';
import type { SrcLoc } from '../values/syntax.js';
import { RPath } from '../values/path.js';

export const srclocT = new StructType('srcloc', null, 5, 0, false, new Map(), true, null, new Set());

const FIELDS = ['source', 'line', 'column', 'position', 'span'] as const;

/** A source location as a `srcloc` value: a file's source is its path. */
export function srclocValue(loc: SrcLoc): StructInstance {
  const source = loc.sourceValue ?? (loc.source.startsWith('/') ? new RPath(loc.source) : new RString(loc.source, true));
  return new StructInstance(srclocT, [source, loc.line ?? false, loc.column ?? false, loc.position, loc.span]);
}

function isSrcloc(v: Value): v is StructInstance {
  return v instanceof StructInstance && v.type === srclocT;
}

/** The guard's test for a field: line and position count from 1, column and span from 0. */
function fieldOk(i: number, v: Value): boolean {
  if (i === 0 || v === false) return true;
  const least = i === 1 || i === 3 ? 1 : 0;
  return isExactInteger(v) && (typeof v === 'bigint' ? v >= BigInt(least) : (v as number) >= least);
}

/** `prop:exn:srclocs`: an exception that reports source locations (exn:fail:read has it). */
export const propExnSrclocs = new StructProperty('prop:exn:srclocs');

function exnSrclocsAccessor(v: Value): Value | undefined {
  return v instanceof StructInstance ? v.type.prop(propExnSrclocs) : undefined;
}

export function installSrcloc(t: PrimTable): void {
  // exn:fail:read's srclocs field is what its accessor reports.
  exnFailReadT.props.set(propExnSrclocs, new Primitive('exn:fail:read-srclocs', 1, 1, (e: Value) => (e as StructInstance).fields[2]));
  t.value('prop:exn:srclocs', propExnSrclocs);
  t.fn('exn:srclocs?', 1, 1, (v) => exnSrclocsAccessor(v) !== undefined);
  t.fn('exn:srclocs-accessor', 1, 1, (v: Value) => exnSrclocsAccessor(v) ?? argError('exn:srclocs-accessor', 'exn:srclocs?', v));
  const ctor = new Primitive('srcloc', 5, 5, (...fields: Value[]) => {
    fields.forEach((v, i) => {
      if (!fieldOk(i, v))
        argError('srcloc', i === 1 || i === 3 ? '(or/c exact-positive-integer? #f)' : '(or/c exact-nonnegative-integer? #f)', v);
    });
    return new StructInstance(srclocT, fields);
  });
  t.value('srcloc', ctor);
  t.value('make-srcloc', ctor);
  t.value('struct:srcloc', srclocT);
  t.fn('srcloc?', 1, 1, isSrcloc);
  FIELDS.forEach((name, i) => {
    t.fn(`srcloc-${name}`, 1, 1, (v: Value) => (isSrcloc(v) ? v.fields[i] : argError(`srcloc-${name}`, 'srcloc?', v)));
  });
  // "source:line:column", or "source::position" without a line; #f without a source.
  t.fn('srcloc->string', 1, 1, (v: Value) => {
    if (!isSrcloc(v)) return argError('srcloc->string', 'srcloc?', v);
    const [source, line, column, position] = v.fields;
    if (source === false) return false;
    const src = displayString(source);
    if (line !== false) return new RString(`${src}:${line}:${column === false ? '' : displayString(column)}`, false);
    if (position !== false) return new RString(`${src}::${displayString(position)}`, false);
    return new RString(src, false);
  });
}
