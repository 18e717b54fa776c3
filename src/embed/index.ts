// The package's entry point for Node applications: see README ("Embedding").
// Only what is exported here is the public API; scripts/build.mjs bundles
// its declarations into one file, which must name no internal type.

export {
  Racket,
  RacketError,
  type RacketContextFrame,
  type RacketSrcloc,
  type OperationOptions,
  type OutputSink,
  type RacketModule,
  type RacketOptions,
} from './racket.js';
export { RacketValue, type JsInput, type JsValue, type RacketProcedure } from './convert.js';
export type { ExnKind, RacketErrorKind } from './error-kinds.js';
export type { HostProcedure } from './host-procedures.js';
export type { AddressRule, NetworkPolicy } from './network-policy.js';
export type { EnvironmentPolicy } from './environment-policy.js';
