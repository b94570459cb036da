-- Decision records: each licence assessment as made, with its inputs, the list versions it read
-- and its outputs. Kept at least five years (retain_until); a trigger refuses UPDATE and DELETE.
create table decision_records (
  id text primary key,
  kind text not null,
  created_at text not null,
  retain_until text not null,
  channel text not null check (channel in ('cli', 'api')),
  user_id text,
  org_id text,
  inputs jsonb not null,
  data_versions jsonb not null,
  outputs jsonb not null,
  summary jsonb not null,
  content_hash text not null
);
create index decision_records_org_idx on decision_records (org_id, created_at desc);
create index decision_records_created_idx on decision_records (created_at desc);

create function decision_records_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'decision_records is append-only';
end $$;
create trigger decision_records_append_only before update or delete on decision_records
  for each row execute function decision_records_append_only();
create trigger decision_records_no_truncate before truncate on decision_records
  for each statement execute function decision_records_append_only();
