-- Subjects across lists (issue 19): the latest resolution of every listing into a subject,
-- the name links it found (kept so a new list version re-screens only what changed), the links
-- proposed to analysts, and analysts' decisions, which are kept by entity id across list versions.
create table subject_members (
  entity_id text primary key,
  subject_id text not null,
  subject_name text not null,
  source text not null,
  jurisdiction text,
  version_id integer not null,
  is_current boolean not null,
  via jsonb
);
create index subject_members_subject on subject_members (subject_id);

create table subject_name_links (
  a text not null,
  b text not null,
  score real not null,
  automatic boolean not null,
  evidence jsonb not null,
  primary key (a, b)
);
create index subject_name_links_b on subject_name_links (b);

create table subject_decisions (
  id text primary key,
  kind text not null check (kind in ('merge', 'split')),
  a text not null,
  b text not null,
  reason text not null,
  decided_by text not null,
  org_id text not null,
  decided_at text not null,
  revoked_at text
);

create table subject_runs (
  id serial primary key,
  started_at text not null,
  finished_at text not null,
  mode text not null,
  versions jsonb not null,
  listings integer not null,
  subjects integer not null,
  proposals integer not null,
  screened integer not null,
  seconds real not null
);
