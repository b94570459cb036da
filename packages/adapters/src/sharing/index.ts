export { SharingStore, sharingStoreFor, type SharingOptions } from './sharing-store.ts';
export { inSharingTransaction } from './sharing-transaction.ts';
export { CLI_SOURCE, type Actor, type AuditSource } from './actor.ts';
export type { AuthenticatedUser, CredentialPolicy } from './credential-store.ts';
export { checkPassword, type NewOrganisation, type NewUser } from './org-store.ts';
export type { ConsultationBox } from './consultation-store.ts';
export type { RecordedApplication, DenyDetails } from './application-store.ts';
export { readCountryRegimes, parseCountryRegimes, COUNTRY_REGIMES_PATH } from './read-country-regimes.ts';
export { parseDenialCsv, DENIAL_CSV_COLUMNS, type ParsedDenialCsv } from './parse-denial-csv.ts';
export { importDenialCsv, type DenialImportResult } from './import-denial-csv.ts';
export { visibleDenialParties } from './visible-denial-parties.ts';
export { sha256Hex } from './secrets.ts';
export { openDenialScreen, type DenialScreen } from './denial-screening.ts';
export { DenialScreenIndex, type DenialView, type WatchChannel } from './denial-screen-index.ts';
export { DEFAULT_DENIAL_LIMITS, DENIAL_CHANGE_CHANNEL, type DenialLimits } from './denial-store.ts';
export {
  screeningNameMatches,
  crosswalkEntriesCorrespond,
  screeningDenialMatcher,
  denialMatcherSource,
} from './screening-denial-matcher.ts';
export type { OrgAuditEntry, DenialRead } from './audit-log.ts';
export type { AuditLogVerification } from './audit-log-verify.ts';
export type { RefusalCount } from './refusal-counter.ts';
