import type { ColumnType, Generated } from 'kysely';
import type { SubjectLink } from '@entente/core';

type Json<T> = ColumnType<T, string, string>;

/** Row of `subject_members`: one listing and the subject it belongs to. */
export interface SubjectMemberRow {
  entity_id: string;
  subject_id: string;
  subject_name: string;
  source: string;
  jurisdiction: string | null;
  /**
   * The list version the listing was read from when the row was written (a former listing: the
   * last version it was in). Not rewritten when only this changes: a new version of a source
   * rewrites the rows of the listings it added, changed or removed.
   */
  version_id: number;
  is_current: boolean;
  via: Json<SubjectLink | null>;
}

/** Row of `subject_name_links`: a name link found by screening one listing against the others. */
export interface SubjectNameLinkRow {
  a: string;
  b: string;
  score: number;
  automatic: boolean;
  evidence: Json<string[]>;
}

/** Row of `subject_decisions`: an analyst's merge or split. */
export interface SubjectDecisionRow {
  id: string;
  kind: 'merge' | 'split';
  a: string;
  b: string;
  reason: string;
  decided_by: string;
  org_id: string;
  decided_at: string;
  revoked_at: string | null;
}

/** Row of `subject_runs`: one resolution. */
export interface SubjectRunRow {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  mode: string;
  versions: Json<Record<string, number>>;
  listings: number;
  subjects: number;
  proposals: number;
  screened: number;
  seconds: number;
  /** The name link rules the run was made under (`NAME_LINK_RULES_VERSION`; null: before migration 024 recorded them). */
  link_rules: string | null;
}

/** The tables of subjects across lists (migration 016). */
export interface SubjectDatabase {
  subject_members: SubjectMemberRow;
  subject_name_links: SubjectNameLinkRow;
  subject_decisions: SubjectDecisionRow;
  subject_runs: SubjectRunRow;
}
