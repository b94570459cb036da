import type { ColumnType, Generated, RawBuilder } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** Row of `organisations`. */
export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  jurisdiction: string | null;
  regimes: Json<string[]>;
  created_at: string;
}

/** Row of `users`. */
export interface UserRow {
  id: string;
  org_id: string;
  email: string;
  role: string;
  password_hash: string | null;
  created_at: string;
}

/** Row of `credentials` (API tokens and web sessions). */
export interface CredentialRow {
  id: string;
  kind: 'token' | 'session';
  user_id: string;
  secret_hash: string;
  csrf_hash: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Row of `denials`. */
export interface DenialRow {
  id: string;
  org_id: string;
  reference: string | null;
  status: string;
  denied_on: string;
  valid_until: string;
  destination: string;
  scope_regimes: Json<string[]>;
  scope_agencies: Json<string[]>;
  data: Json<unknown>;
  version: number;
  created_at: string;
  updated_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  /** Position in commit order of the denial's last change (migration 009); bigint, read as a string or number. */
  change_seq: ColumnType<string | number, RawBuilder<unknown> | undefined, RawBuilder<unknown>>;
}

/** Row of `applications`. */
export interface ApplicationRow {
  id: string;
  org_id: string;
  created_by: string;
  status: string;
  data: Json<unknown>;
  denial_id: string | null;
  created_at: string;
  decided_at: string | null;
}

/** Row of `consultations`. */
export interface ConsultationRow {
  id: string;
  application_id: string;
  denial_id: string;
  requester_org_id: string;
  addressee_org_id: string;
  state: string;
  respond_by: string;
  match: Json<unknown>;
  decision: string | null;
  created_at: string;
  closed_at: string | null;
}

/** Row of `audit_log`. */
export interface AuditRow {
  seq: ColumnType<number | string, number, never>;
  at: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  details: Json<Record<string, string | number | boolean | null>>;
  prev_hash: string;
  hash: string;
}

/** Row of `audit_head`: the chain's anchor, one row (id 1). */
export interface AuditHeadRow {
  id: number;
  count: ColumnType<number | string, number, number>;
  last_hash: string;
  at: string | null;
}

/** Row of `refusal_counts`: anonymous refusals by route pattern and reason. */
export interface RefusalCountRow {
  route: string;
  reason: string;
  count: ColumnType<number | string, number, number>;
  first_at: string;
  last_at: string;
}

/** The sharing tables (migrations 004 and 008). */
export interface SharingDatabase {
  organisations: OrganisationRow;
  users: UserRow;
  credentials: CredentialRow;
  login_attempts: { key: string; window_started: string; attempts: number };
  denials: DenialRow;
  denial_versions: { denial_id: string; version: number; data: Json<unknown>; replaced_at: string };
  applications: ApplicationRow;
  consultations: ConsultationRow;
  consultation_messages: {
    id: Generated<number>;
    consultation_id: string;
    org_id: string;
    user_id: string;
    body: string;
    at: string;
  };
  audit_log: AuditRow;
  audit_head: AuditHeadRow;
  audit_denial_reads: {
    seq: ColumnType<number | string, number, never>;
    denial_id: string;
    owner_org_id: string;
  };
  refusal_counts: RefusalCountRow;
}
