-- Store-wide key/value settings (e.g. the bootstrap state of the first start).
create table if not exists meta (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
