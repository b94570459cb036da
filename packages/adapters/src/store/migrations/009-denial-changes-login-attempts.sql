-- Denial changes in commit order: every insert and update of a denial takes the next
-- number (under the audit chain's advisory lock, so numbers are handed out in commit
-- order). An API node patches its in-memory denial screening index by reading the rows
-- numbered above the last one it has seen (docs/decisions/2026-12-03-denial-screen-index.md).
create sequence denial_change_seq;
alter table denials add column change_seq bigint not null default nextval('denial_change_seq');
create index denials_change_seq_idx on denials (change_seq);

-- Login attempts per key (`email:<address>`, `ip:<address>`) in a fixed window: one
-- atomic upsert counts an attempt before the password is checked, so parallel attempts
-- cannot all pass the limit, on one node or many.
create table login_attempts (
  key text primary key,
  window_started text not null,
  attempts integer not null
);
drop table login_failures;
