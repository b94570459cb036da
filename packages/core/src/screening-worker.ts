// What a screening worker thread imports (`@entente/core/screening-worker`): screening over an
// index snapshot and nothing else of core, so that each worker loads only these modules (the whole
// of `@entente/core` added about 5 MiB of code per worker; docs/benchmarks.md).
export { isDomainError } from './errors.ts';
export {
  indexFromSnapshot,
  indexOverSnapshot,
  type ScreeningIndexSnapshot,
} from './screening/index-snapshot.ts';
export { mayMatchNames, screenParty, screenPartyOutcome } from './screening/screen-party.ts';
export { seedExpansions, shareExpansions } from './screening/expand-token.ts';
export { SharedExpansions } from './screening/shared-expansions.ts';
export type { HanReadings, NameReference } from './screening/name-reference.ts';
