/** The multilateral groups whose members share denials: EU, Wassenaar, MTCR, NSG, Australia Group. */
export const SHARING_GROUPS = ['EU', 'WA', 'MTCR', 'NSG', 'AG'] as const;

/** One regime (or the EU) through which allies share denial notifications. */
export type SharingGroup = (typeof SHARING_GROUPS)[number];

/** An ally's licensing or enforcement authority, or an exporting firm. */
export type OrgKind = 'agency' | 'exporter';

/** What a user may do inside their organisation. */
export type UserRole = 'admin' | 'licensing-officer' | 'analyst' | 'compliance-officer';

/** Every user role, in the order the CLI lists them. */
export const USER_ROLES: readonly UserRole[] = [
  'admin',
  'licensing-officer',
  'analyst',
  'compliance-officer',
];

/** An organisation: for agencies, the jurisdiction (ISO-2 or `EU`) and its regime memberships. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrgKind;
  jurisdiction?: string;
  regimes: SharingGroup[];
  createdAt: string;
}

/** A user of one organisation; the password hash never leaves the store. */
export interface User {
  id: string;
  orgId: string;
  email: string;
  role: UserRole;
  createdAt: string;
}

/** Who sees a denial: members of these regimes, and these agencies by id. */
export interface SharingScope {
  regimes: SharingGroup[];
  agencies: string[];
}

/** One denied item: its control entry code in the notifying ally's list, and what it is. */
export interface DenialItem {
  /** Control entry code, optionally with its list prefix (`UK:ML1.a`, `3A001.a.1`). */
  code: string;
  /** The list the code belongs to (`US`, `EU`, `UK`, `WA`…), when known. */
  list?: string;
  description: string;
}

/** The part a party plays in a transaction. */
export type TransactionPartyRole = 'consignee' | 'end-user' | 'third-party';

/** A named party of a denial or an application. */
export interface TransactionParty {
  role: TransactionPartyRole;
  name: string;
  address?: string;
  /** ISO 3166-1 alpha-2, when known. */
  country?: string;
}

/** What an agency states when it notifies a denial. */
export interface DenialInput {
  /** The agency's own reference (`DN2000/0000`), when it has one. */
  reference?: string;
  /** Date of the refusal, `YYYY-MM-DD`. */
  deniedOn: string;
  items: DenialItem[];
  parties: TransactionParty[];
  /** Destination country, ISO-2. */
  destination: string;
  endUse: string;
  /** The refusal reason, as the regime criterion (e.g. `EU Common Position criterion 7`). */
  reason: string;
  /** Last day the denial is valid, `YYYY-MM-DD` (default: three years after `deniedOn`). */
  validUntil?: string;
  scope: SharingScope;
  /** The notifying government as written in an imported file, when it differs from the agency's name. */
  notifyingGovernment?: string;
}

/** Whether a denial still stands. */
export type DenialStatus = 'active' | 'revoked';

/** A denial notification as stored. */
export interface Denial extends Omit<DenialInput, 'validUntil'> {
  id: string;
  /** The notifying agency's organisation id. */
  orgId: string;
  validUntil: string;
  status: DenialStatus;
  /** 1 on notification, +1 per amendment. */
  version: number;
  createdAt: string;
  updatedAt: string;
  revokedAt?: string;
  revokeReason?: string;
}

/** What an agency records about a licence application it is assessing. */
export interface ApplicationInput {
  applicant: string;
  items: DenialItem[];
  parties: TransactionParty[];
  destination: string;
  endUse: string;
  reference?: string;
}

/** An agency's decision on a licence application. */
export type Decision = 'approve' | 'deny';

/** A licence application recorded by an agency. */
export interface Application extends ApplicationInput {
  id: string;
  orgId: string;
  status: 'pending' | 'approved' | 'denied';
  createdAt: string;
  decidedAt?: string;
  /** The denial notification created when the application was denied. */
  denialId?: string;
}
