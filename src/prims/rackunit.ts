// rackunit's structures: tests (test cases and suites), test results, the
// exceptions a failing check raises, and check-info records. The checks,
// test cases, suites and the text reporter are Racket code
// (src/lib/rackunit.rkt); the forms that must capture a call site's
// location are macros/rackunit-forms.ts.

import { exnFailT } from '../errors/exn.js';
import { Primitive } from '../eval/procedures.js';
import { StructInstance, StructType } from '../values/struct.js';
import { Pair, Sym, listFromArray, type Value } from '../values/types.js';
import { propExnSrclocs, srclocT } from './srcloc.js';
import { Parameterization } from './parameters.js';
import type { Paramz } from '../eval/marks.js';
import type { PrimTable } from './table.js';
import { bindStructFamily as family } from './struct-family.js';

function structType(name: string, parent: StructType | null, fields: number, transparent: boolean): StructType {
  return new StructType(name, parent, fields, 0, false, new Map(), transparent, null, new Set());
}

const testT = structType('test', null, 0, false);
export const testCaseT = structType('rackunit-test-case', testT, 2, true);
export const testSuiteT = structType('rackunit-test-suite', testT, 4, true);
const exnTestT = structType('exn:test', exnFailT, 0, false);
const exnTestCheckT = structType('exn:test:check', exnTestT, 1, false);
const testResultT = structType('test-result', null, 1, false);
const checkInfoT = structType('check-info', null, 2, true);
const locationInfoT = structType('location-info', null, 1, true);

/** The srcloc of the check's `location` info, as rackunit's prop:exn:srclocs reports it. */
function checkSrclocs(e: Value): Value {
  const stack = (e as StructInstance).fields[2];
  for (let l = stack; l instanceof Pair; l = l.cdr) {
    const info = l.car;
    if (!(info instanceof StructInstance) || info.type !== checkInfoT) continue;
    const [name, value] = info.fields;
    if (!(name instanceof Sym) || name.name !== 'location' || !(value instanceof StructInstance) || value.type !== locationInfoT) continue;
    const loc: Value[] = [];
    for (let p = value.fields[0]; p instanceof Pair; p = p.cdr) loc.push(p.car);
    return loc.length === 5 ? listFromArray([new StructInstance(srclocT, loc)]) : listFromArray([]);
  }
  return listFromArray([]);
}
exnTestCheckT.props.set(propExnSrclocs, new Primitive('exn:test:check-srclocs', 1, 1, checkSrclocs));

export function installRackunit(t: PrimTable): void {
  // The parameterization a mark of parameterization-key stands for (#f: none, the parameters' own values).
  t.internalFn('mark->parameterization', 1, 1, (v: Value) => new Parameterization(v === false ? null : (v as unknown as Paramz)));
  t.in('rackunit', () => {
    family(t, {
      type: testCaseT,
      fields: ['name', 'action'],
      ctors: ['rackunit-test-case', 'make-rackunit-test-case', 'make-test-case'],
      predicates: ['test-case?'],
    });
    family(t, {
      type: testSuiteT,
      fields: ['name', 'tests', 'before', 'after'],
      ctors: ['rackunit-test-suite', 'make-rackunit-test-suite'],
      predicates: ['test-suite?'],
    });
    family(t, { type: exnTestT, fields: [], ctors: ['exn:test', 'make-exn:test'] });
    family(t, { type: exnTestCheckT, fields: ['stack'], ctors: ['exn:test:check', 'make-exn:test:check'] });
    family(t, { type: testResultT, fields: ['test-case-name'], ctors: ['test-result', 'make-test-result'] });
    for (const kind of ['failure', 'error', 'success'])
      family(t, {
        type: structType(`test-${kind}`, testResultT, 1, false),
        fields: ['result'],
        ctors: [`test-${kind}`, `make-test-${kind}`],
      });
    family(t, { type: checkInfoT, fields: ['name', 'value'], ctors: ['check-info', 'make-check-info'] });
    family(t, { type: structType('string-info', null, 1, true), fields: ['value'], ctors: ['string-info'] });
    family(t, { type: structType('nested-info', null, 1, true), fields: ['values'], ctors: ['nested-info'] });
    family(t, { type: structType('dynamic-info', null, 1, true), fields: ['proc'], ctors: ['dynamic-info'] });
    // Kept inside rackunit: how check-infos made by make-check-location, make-check-actual, ... print.
    family(t, { type: locationInfoT, fields: ['value'], ctors: ['location-info'] }, false);
    family(t, { type: structType('pretty-info', null, 1, true), fields: ['value'], ctors: ['pretty-info'] }, false);
    family(t, { type: structType('verbose-info', null, 1, true), fields: ['value'], ctors: ['verbose-info'] }, false);
  });
}
