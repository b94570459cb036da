-- The anchored audit chain (decision 2026-12-03-audit-anchor): a head record holding the chain's
-- length and last hash, moved forward in the same transaction as every append, so removing entries
-- (a TRUNCATE, a deleted tail or middle row) no longer leaves a log that verifies.
create table audit_head (
  id smallint primary key check (id = 1),
  count bigint not null,
  last_hash text not null,
  at text
);
insert into audit_head (id, count, last_hash, at)
select 1, count(*),
  coalesce((select hash from audit_log order by seq desc limit 1), repeat('0', 64)),
  (select at from audit_log order by seq desc limit 1)
from audit_log;

-- Defence in depth only: a database owner can drop triggers; `audit verify` does not rely on them.
create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: TRUNCATE refused', tg_table_name;
end $$;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_refuse_truncate();
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_refuse_truncate();

create function audit_head_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit_head cannot be deleted';
  end if;
  if new.count < old.count then
    raise exception 'audit_head only moves forward (% -> %)', old.count, new.count;
  end if;
  return new;
end $$;
create trigger audit_head_forward_only before update or delete on audit_head
  for each row execute function audit_head_forward_only();

-- Which audit entries read which agency's denials, so the denying agency sees who read them.
-- An index of the chained entries (written in the same transaction), not part of the chain.
create table audit_denial_reads (
  seq bigint not null,
  denial_id text not null,
  owner_org_id text not null,
  primary key (owner_org_id, seq, denial_id)
);

-- Refusals of anonymous callers are counted here, not chained (a flood must not grow the log).
create table refusal_counts (
  route text not null,
  reason text not null,
  count bigint not null,
  first_at text not null,
  last_at text not null,
  primary key (route, reason)
);
