import type { Kysely } from 'kysely';
import type { Clock } from '@entente/core';
import {
  DEFAULT_CONSULTATION_DAYS,
  DEFAULT_DENIAL_MATCHER,
  type DenialMatcher,
  type SharingGroup,
} from '@entente/core';
import { ApplicationStore } from './application-store.ts';
import { AuditLog } from './audit-log.ts';
import { ConsultationStore } from './consultation-store.ts';
import { CredentialStore, DEFAULT_CREDENTIAL_POLICY, type CredentialPolicy } from './credential-store.ts';
import { DEFAULT_DENIAL_LIMITS, DenialStore, type DenialLimits } from './denial-store.ts';
import { DenialScreenIndex, type WatchChannel } from './denial-screen-index.ts';
import { OrgStore } from './org-store.ts';
import { RefusalCounter } from './refusal-counter.ts';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';

/** Settings of the sharing store; every one has a default. */
export interface SharingOptions {
  clock?: Clock;
  /** Days the denying agency has to answer a consultation (default 30). */
  consultationDays?: number;
  /**
   * The "essentially identical" test: plug in the crosswalk and the screening
   * engine here, or a provider asked before every check (`denialMatcherSource`).
   */
  matcher?: Partial<DenialMatcher> | (() => Promise<Partial<DenialMatcher>>);
  /** SharingGroup memberships by ISO-2 country (from `readCountryRegimes`), for new agencies. */
  regimeMemberships?: ReadonlyMap<string, SharingGroup[]>;
  credentials?: Partial<CredentialPolicy>;
  /** Rows per denial import file and denials per agency (defaults `DEFAULT_DENIAL_LIMITS`). */
  denialLimits?: Partial<DenialLimits>;
  /**
   * Subscribes to the store's notifications, so that denial changes made by
   * other processes reach this one's denial screening index (`sharingStoreFor`
   * passes the store's). Without it the index asks the store on every read.
   */
  watch?: WatchChannel;
}

/** The full matcher, or a provider of it, with the defaults for what `matcher` leaves out. */
function matcherOf(m: SharingOptions['matcher']): DenialMatcher | (() => Promise<DenialMatcher>) {
  if (typeof m === 'function') return async () => ({ ...DEFAULT_DENIAL_MATCHER, ...(await m()) });
  return { ...DEFAULT_DENIAL_MATCHER, ...m };
}

const systemClock: Clock = { now: () => new Date() };

/**
 * Allied information sharing over the store's database: organisations and
 * users, credentials, denials, applications, consultations, the audit log and the anonymous refusal counts.
 *
 * @example
 * const sharing = new SharingStore(store.kysely, { regimeMemberships: await readCountryRegimes(csvPath) });
 */
export class SharingStore {
  readonly audit: AuditLog;
  /** Refusals of anonymous callers, counted rather than chained. */
  readonly refusals: RefusalCounter;
  readonly orgs: OrgStore;
  readonly credentials: CredentialStore;
  readonly denials: DenialStore;
  /** This process's screening indexes of the denied parties each agency may see. */
  readonly denialScreens: DenialScreenIndex;
  readonly denialLimits: DenialLimits;
  readonly consultations: ConsultationStore;
  readonly applications: ApplicationStore;
  readonly clock: Clock;

  constructor(db: Kysely<Database>, options: SharingOptions = {}) {
    const kdb = db;
    this.clock = options.clock ?? systemClock;
    this.audit = new AuditLog(kdb, this.clock);
    this.refusals = new RefusalCounter(kdb, this.clock);
    this.orgs = new OrgStore(kdb, this.audit, this.clock, options.regimeMemberships ?? new Map());
    this.credentials = new CredentialStore(kdb, this.audit, this.clock, {
      ...DEFAULT_CREDENTIAL_POLICY,
      ...options.credentials,
    });
    this.denialLimits = Object.freeze({ ...DEFAULT_DENIAL_LIMITS, ...options.denialLimits });
    this.denials = new DenialStore(kdb, this.audit, this.clock, this.denialLimits, () =>
      this.denialScreens.changed(),
    );
    this.denialScreens = new DenialScreenIndex(
      kdb,
      this.clock,
      (orgId) => this.denials.viewerOf({ orgId }),
      options.watch,
    );
    this.consultations = new ConsultationStore(kdb, this.audit, this.clock);
    this.applications = new ApplicationStore(
      kdb,
      this.audit,
      this.clock,
      this.denials,
      this.consultations,
      matcherOf(options.matcher),
      options.consultationDays ?? DEFAULT_CONSULTATION_DAYS,
    );
  }
}

/** The sharing store over an opened store's database, subscribed to its notifications. */
export function sharingStoreFor(
  store: Pick<OpenedStore, 'kysely' | 'watchChannel' | 'beforeClose'>,
  options: SharingOptions = {},
): SharingStore {
  const watch: WatchChannel = (channel, onNotify) => store.watchChannel(channel, onNotify);
  const sharing = new SharingStore(store.kysely, { watch, ...options });
  // Deferred audit entries (screening reads) are written before the store closes.
  store.beforeClose(() => sharing.audit.flush());
  return sharing;
}
