// prop:input-port and prop:output-port: a struct whose type has one acts as
// the port its property names (the port itself, or the index of the field
// that holds it) wherever a port is expected.

import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { StructInstance, StructProperty, propertyField } from '../values/struct.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export const propInputPort = new StructProperty('prop:input-port');
export const propOutputPort = new StructProperty('prop:output-port');

/** The input port `v` is or stands for, or null. */
export function asInputPort(v: Value): InputPort | null {
  if (v instanceof InputPort) return v;
  if (v instanceof StructInstance) {
    const f = propertyField(v, propInputPort);
    if (f !== null) return asInputPort(f.value);
  }
  return null;
}

/** The output port `v` is or stands for, or null. */
export function asOutputPort(v: Value): OutputPort | null {
  if (v instanceof OutputPort) return v;
  if (v instanceof StructInstance) {
    const f = propertyField(v, propOutputPort);
    if (f !== null) return asOutputPort(f.value);
  }
  return null;
}

export function installPortStructs(t: PrimTable): void {
  t.value('prop:input-port', propInputPort);
  t.value('prop:output-port', propOutputPort);
}
