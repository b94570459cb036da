-- Cleared matches: a (query subject, listed party) pair marked as a false positive,
-- with its reason and expiry. Never deleted: a clearance is revoked by a later row.
create table clearances (
  id text primary key,
  subject_key text not null,
  subject jsonb not null,
  entity_id text not null,
  reason text not null,
  cleared_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz
);
create index clearances_subject_idx on clearances (subject_key, entity_id);

-- Screening log for the transparency dashboard: counts only, no query text.
create table screening_events (
  id bigserial primary key,
  at timestamptz not null default now(),
  subjects integer not null,
  hits integer not null,
  channel text not null
);
