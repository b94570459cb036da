-- Continuous monitoring (issue 17): each organisation's counterparty register, versioned;
-- the ownership links between its counterparties; the hits monitoring keeps; the alerts
-- raised from them with their workflow history; and the monitoring runs with progress.
-- Everything is keyed by organisation: another organisation's ids answer like unknown ones.

-- Every change of a counterparty takes the next number: monitoring re-screens the
-- counterparties numbered above the last one it has screened.
create sequence counterparty_change_seq;

create table counterparty_imports (
  id text primary key,
  org_id text not null references organisations (id),
  file text not null,
  format text not null,
  rows integer not null,
  added integer not null,
  changed integer not null,
  unchanged integer not null,
  imported_by text not null,
  imported_at timestamptz not null default now()
);
create index counterparty_imports_org_idx on counterparty_imports (org_id, imported_at);

-- One row per version of a counterparty; the current one has no `superseded_at`.
create table counterparties (
  org_id text not null references organisations (id),
  id text not null,
  version integer not null,
  change_seq bigint not null default nextval('counterparty_change_seq'),
  name text not null,
  content_hash text not null,
  data jsonb not null,
  import_id text references counterparty_imports (id),
  recorded_at timestamptz not null default now(),
  superseded_at timestamptz,
  primary key (org_id, id, version)
);
create unique index counterparties_current_idx on counterparties (org_id, id) where superseded_at is null;
create index counterparties_change_idx on counterparties (org_id, change_seq);

-- The current ownership links (owner → owned) of a register; earlier ones are in the
-- owned counterparty's earlier versions.
create table ownership_links (
  org_id text not null references organisations (id),
  owner_id text not null,
  owned_id text not null,
  share numeric,
  controls boolean not null default false,
  primary key (org_id, owner_id, owned_id)
);
create index ownership_links_owned_idx on ownership_links (org_id, owned_id);

-- The hits monitoring currently sees: one counterparty × one listed party.
create table monitor_hits (
  org_id text not null references organisations (id),
  counterparty_id text not null,
  entity_id text not null,
  score double precision not null,
  party_hash text not null,
  counterparty_version integer not null,
  list_version_id integer,
  match jsonb not null,
  found_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, counterparty_id, entity_id)
);
create index monitor_hits_entity_idx on monitor_hits (org_id, entity_id);

create table monitor_alerts (
  id text primary key,
  org_id text not null references organisations (id),
  kind text not null,
  state text not null,
  counterparty_id text not null,
  counterparty_name text not null,
  entity_id text not null,
  listed_name text not null,
  matched_name text not null,
  score double precision not null,
  match jsonb not null,
  list_version_id integer,
  assignee text,
  clearance_id text,
  reason text,
  expires_at timestamptz,
  run_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_at timestamptz
);
create index monitor_alerts_org_state_idx on monitor_alerts (org_id, state, created_at);
create index monitor_alerts_pair_idx on monitor_alerts (org_id, counterparty_id, entity_id);

-- An alert's history: raised, updated by a run, state changes, assignments, comments.
create table monitor_alert_events (
  seq bigserial primary key,
  alert_id text not null references monitor_alerts (id),
  at timestamptz not null default now(),
  by text not null,
  type text not null,
  from_state text,
  to_state text,
  assignee text,
  comment text
);
create index monitor_alert_events_alert_idx on monitor_alert_events (alert_id, seq);

-- Up to which list version of each source (and which counterparty change, source
-- '#register') an organisation's alerts are current.
create table monitor_state (
  org_id text not null references organisations (id),
  source text not null,
  position bigint not null,
  primary key (org_id, source)
);

-- One row per run. The unique target makes one node (of any number watching the same
-- list-change notifications) the one that runs it; a failed or stalled run is taken over.
create table monitor_runs (
  id text primary key,
  org_id text not null references organisations (id),
  target text not null,
  trigger text not null,
  state text not null,
  done integer not null default 0,
  total integer not null default 0,
  counts jsonb not null,
  error text,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (org_id, target)
);
create index monitor_runs_org_idx on monitor_runs (org_id, started_at);
