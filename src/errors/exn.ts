// The exception hierarchy and the one place Racket-shaped error values are made.
//
// JS code raises a Racket exception by throwing `RacketThrow`; the machine
// catches it and raises the carried value in the running thread's
// continuation. Messages follow Racket 8.7's text byte for byte.

import { StructType, StructInstance } from '../values/struct.js';
import { RString, str, type Value } from '../values/types.js';

function exnType(name: string, parent: StructType | null, ownFields: number): StructType {
  return new StructType(name, parent, ownFields, 0, false, new Map(), true, null, new Set());
}

export const exnT = exnType('exn', null, 2);
export const exnFailT = exnType('exn:fail', exnT, 0);
export const exnFailContractT = exnType('exn:fail:contract', exnFailT, 0);
export const exnFailContractArityT = exnType('exn:fail:contract:arity', exnFailContractT, 0);
export const exnFailContractDivideByZeroT = exnType('exn:fail:contract:divide-by-zero', exnFailContractT, 0);
export const exnFailContractNonFixnumResultT = exnType('exn:fail:contract:non-fixnum-result', exnFailContractT, 0);
export const exnFailContractContinuationT = exnType('exn:fail:contract:continuation', exnFailContractT, 0);
export const exnFailContractVariableT = exnType('exn:fail:contract:variable', exnFailContractT, 1);
export const exnFailSyntaxT = exnType('exn:fail:syntax', exnFailT, 1);
export const exnFailSyntaxUnboundT = exnType('exn:fail:syntax:unbound', exnFailSyntaxT, 0);
export const exnFailReadT = exnType('exn:fail:read', exnFailT, 1);
export const exnFailReadEofT = exnType('exn:fail:read:eof', exnFailReadT, 0);
export const exnFailReadNonCharT = exnType('exn:fail:read:non-char', exnFailReadT, 0);
export const exnFailFilesystemT = exnType('exn:fail:filesystem', exnFailT, 0);
export const exnFailFilesystemExistsT = exnType('exn:fail:filesystem:exists', exnFailFilesystemT, 0);
export const exnFailFilesystemErrnoT = exnType('exn:fail:filesystem:errno', exnFailFilesystemT, 1);
/** A module file that is not there: loaded at run time (filesystem) or required at expansion (syntax); the field is its path. */
export const exnFailFilesystemMissingModuleT = exnType('exn:fail:filesystem:missing-module', exnFailFilesystemT, 1);
export const exnFailFilesystemVersionT = exnType('exn:fail:filesystem:version', exnFailFilesystemT, 0);
export const exnFailSyntaxMissingModuleT = exnType('exn:fail:syntax:missing-module', exnFailSyntaxT, 1);
export const exnFailNetworkT = exnType('exn:fail:network', exnFailT, 0);
export const exnFailNetworkErrnoT = exnType('exn:fail:network:errno', exnFailNetworkT, 1);
export const exnFailOutOfMemoryT = exnType('exn:fail:out-of-memory', exnFailT, 0);
export const exnFailUnsupportedT = exnType('exn:fail:unsupported', exnFailT, 0);
export const exnFailUserT = exnType('exn:fail:user', exnFailT, 0);
export const exnBreakT = exnType('exn:break', exnT, 1);
/** racket/match's failure: fields value and srclocs (the location is a MatchLocation, shown by the error display). */
export const exnMiscMatchT = exnType('exn:misc:match', exnFailT, 2);
export const exnBreakHangUpT = exnType('exn:break:hang-up', exnBreakT, 0);
export const exnBreakTerminateT = exnType('exn:break:terminate', exnBreakT, 0);

export const ALL_EXN_TYPES: readonly StructType[] = [
  exnT,
  exnFailT,
  exnFailContractT,
  exnFailContractArityT,
  exnFailContractDivideByZeroT,
  exnFailContractNonFixnumResultT,
  exnFailContractContinuationT,
  exnFailContractVariableT,
  exnFailSyntaxT,
  exnFailSyntaxUnboundT,
  exnFailReadT,
  exnFailReadEofT,
  exnFailReadNonCharT,
  exnFailFilesystemT,
  exnFailFilesystemExistsT,
  exnFailFilesystemErrnoT,
  exnFailFilesystemMissingModuleT,
  exnFailFilesystemVersionT,
  exnFailSyntaxMissingModuleT,
  exnFailNetworkT,
  exnFailNetworkErrnoT,
  exnFailOutOfMemoryT,
  exnFailUnsupportedT,
  exnFailUserT,
  exnBreakT,
  exnBreakHangUpT,
  exnBreakTerminateT,
];

/** Placeholder for the continuation-marks field until the machine fills it in. */
export const MARKS_PENDING: unique symbol = Symbol('marks-pending');

/** A thrown Racket exception on its way from JS code to the machine. Not an Error: no stack trace is taken. */
export class RacketThrow {
  constructor(
    readonly value: Value,
    /** True for `raise` with a non-exn value too; false only for raise-continuable. */
    readonly barrier = true,
    /** An error applying a procedure (arity, not a procedure): its caller is where it is, for an error's context. */
    readonly inApplication = false,
  ) {}
}

export function makeExn(type: StructType, message: string, ...extra: Value[]): StructInstance {
  return new StructInstance(type, [str(message, true), MARKS_PENDING, ...extra]);
}

export function isExn(v: Value): v is StructInstance {
  return v instanceof StructInstance && v.type.isSubtypeOf(exnT);
}

export function exnMessage(v: StructInstance): string {
  const m = v.fields[0];
  return m instanceof RString ? m.s : String(m);
}

export function fail(type: StructType, message: string, ...extra: Value[]): never {
  throw new RacketThrow(makeExn(type, message, ...extra));
}

/** Thrown by `exit` to end the run; caught by the scheduler, never seen by Racket code. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
