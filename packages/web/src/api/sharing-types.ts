// Shapes of the sharing routes (denials, consultations), mirrored from sharing-schemas.ts.

/** The regimes (and the EU) through which allies share denials. */
export const SHARING_GROUPS = ['EU', 'WA', 'MTCR', 'NSG', 'AG'] as const;

/** One controlled item of a denial. */
export interface DeniedItem {
  code: string;
  list?: string;
  description: string;
}

/** One party of a denied transaction. */
export interface DenialParty {
  role: 'consignee' | 'end-user' | 'third-party';
  name: string;
  address?: string;
  country?: string;
}

/** `POST /denials` body. */
export interface DenialInput {
  reference?: string;
  deniedOn: string;
  items: DeniedItem[];
  parties: DenialParty[];
  destination: string;
  endUse: string;
  reason: string;
  validUntil?: string;
  scope: { regimes: string[]; agencies: string[] };
}

/** A denial notification. */
export interface Denial extends DenialInput {
  id: string;
  orgId: string;
  validUntil: string;
  notifyingGovernment?: string;
  status: 'active' | 'revoked';
  version: number;
  createdAt: string;
  updatedAt: string;
  revokedAt?: string;
  revokeReason?: string;
}

/** A no-undercut consultation and its messages. */
export interface Consultation {
  id: string;
  applicationId: string;
  denialId: string;
  requesterOrgId: string;
  addresseeOrgId: string;
  state: 'open' | 'answered' | 'closed';
  respondBy: string;
  match: unknown;
  messages: { id: number; orgId: string; userId: string; body: string; at: string }[];
  decision?: 'approve' | 'deny';
  createdAt: string;
  closedAt?: string;
}
