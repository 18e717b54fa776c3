// The package's entry point for Node applications: see README ("Embedding").

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
export { RacketValue } from './convert.js';
export type { HostProcedure } from './host-procedures.js';
export type { AddressRule, NetworkPolicy } from './network-policy.js';
