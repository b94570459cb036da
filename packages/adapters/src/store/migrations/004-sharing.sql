-- Allied information sharing: organisations, users, credentials, denials, applications,
-- consultations and the hash-chained audit log. Ids are random text; times the app hashes are ISO text.
create table organisations (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('agency', 'exporter')),
  jurisdiction text,
  regimes jsonb not null default '[]',
  created_at text not null
);

create table users (
  id text primary key,
  org_id text not null references organisations (id),
  email text not null,
  role text not null check (role in ('admin', 'licensing-officer', 'analyst', 'compliance-officer')),
  password_hash text,
  created_at text not null
);
create unique index users_email_idx on users (lower(email));

-- API tokens and web sessions: only a salted hash of the secret is kept.
create table credentials (
  id text primary key,
  kind text not null check (kind in ('token', 'session')),
  user_id text not null references users (id),
  secret_hash text not null,
  csrf_hash text,
  created_at text not null,
  expires_at text,
  revoked_at text,
  last_used_at text
);
create index credentials_user_idx on credentials (user_id);

-- Failed logins, shared by every API node so the rate limit holds behind a load balancer.
create table login_failures (
  key text not null,
  at text not null
);
create index login_failures_key_idx on login_failures (key, at);

create table denials (
  id text primary key,
  org_id text not null references organisations (id),
  reference text,
  status text not null check (status in ('active', 'revoked')),
  denied_on text not null,
  valid_until text not null,
  destination text not null,
  scope_regimes jsonb not null,
  scope_agencies jsonb not null,
  data jsonb not null,
  version integer not null default 1,
  created_at text not null,
  updated_at text not null,
  revoked_at text,
  revoke_reason text
);
create index denials_org_idx on denials (org_id);
create index denials_destination_idx on denials (destination) where status = 'active';

-- Earlier versions of amended denials.
create table denial_versions (
  denial_id text not null references denials (id),
  version integer not null,
  data jsonb not null,
  replaced_at text not null,
  primary key (denial_id, version)
);

create table applications (
  id text primary key,
  org_id text not null references organisations (id),
  created_by text not null references users (id),
  status text not null check (status in ('pending', 'approved', 'denied')),
  data jsonb not null,
  denial_id text references denials (id),
  created_at text not null,
  decided_at text
);
create index applications_org_idx on applications (org_id);

create table consultations (
  id text primary key,
  application_id text not null references applications (id),
  denial_id text not null references denials (id),
  requester_org_id text not null references organisations (id),
  addressee_org_id text not null references organisations (id),
  state text not null check (state in ('open', 'answered', 'closed')),
  respond_by text not null,
  match jsonb not null,
  decision text check (decision in ('approve', 'deny')),
  created_at text not null,
  closed_at text
);
create index consultations_addressee_idx on consultations (addressee_org_id);
create index consultations_requester_idx on consultations (requester_org_id);

create table consultation_messages (
  id serial primary key,
  consultation_id text not null references consultations (id),
  org_id text not null references organisations (id),
  user_id text not null references users (id),
  body text not null,
  at text not null
);
create index consultation_messages_idx on consultation_messages (consultation_id, id);

-- Append-only: each row carries the hash of the previous one; a trigger refuses UPDATE and DELETE.
create table audit_log (
  seq bigint primary key,
  at text not null,
  actor_user_id text,
  actor_org_id text,
  action text not null,
  target_type text,
  target_id text,
  outcome text not null,
  ip text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null
);
create index audit_log_org_idx on audit_log (actor_org_id, seq);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
