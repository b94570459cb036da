-- One row per dated publication of one restricted-party list.
create table list_versions (
  id serial primary key,
  source text not null,
  published_at text not null,
  imported_at timestamptz not null default now(),
  content_hash text not null,
  format text not null,
  record_count integer not null,
  warning_count integer not null,
  warnings_by_kind jsonb not null,
  warnings_sample jsonb not null,
  files jsonb not null,
  unique (source, content_hash)
);
create index list_versions_source_idx on list_versions (source, published_at desc, id desc);

-- Every party of every version, whole, as JSON; a few columns pulled out for lookups.
create table parties (
  version_id integer not null references list_versions (id) on delete cascade,
  entity_id text not null,
  source_id text not null,
  schema text not null,
  name text not null,
  un_reference text,
  content_hash text not null,
  data jsonb not null,
  primary key (version_id, entity_id)
);
create index parties_entity_idx on parties (entity_id);
create index parties_un_reference_idx on parties (un_reference) where un_reference is not null;
