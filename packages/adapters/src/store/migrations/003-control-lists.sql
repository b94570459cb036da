-- One row per version of one control list (US CCL, EU Annex I, WA, …).
create table control_list_versions (
  id serial primary key,
  list_id text not null,
  version text not null,
  name text not null,
  jurisdiction text,
  valid_from text not null,
  valid_to text,
  content_hash text not null,
  source jsonb not null,
  header jsonb not null,
  entry_count integer not null,
  loaded_at timestamptz not null default now(),
  unique (list_id, content_hash)
);
create index control_list_versions_list_idx on control_list_versions (list_id, valid_from desc, id desc);

-- Every entry and paragraph of every version; search_text feeds full-text and trigram search.
create table control_entries (
  version_id integer not null references control_list_versions (id) on delete cascade,
  code text not null,
  parent text,
  heading text not null,
  search_text text not null,
  data jsonb not null,
  primary key (version_id, code)
);
create index control_entries_fts_idx on control_entries using gin (to_tsvector('english', search_text));
create index control_entries_trgm_idx on control_entries using gin (search_text gin_trgm_ops);

-- The crosswalk: typed links between entry ids (`US:3A001` → `EU:3A001`), replaced as a whole.
create table control_correspondences (
  from_id text not null,
  to_id text not null,
  type text not null,
  basis text not null,
  note text,
  primary key (from_id, to_id)
);
create index control_correspondences_to_idx on control_correspondences (to_id);
