-- A full monitoring run on the embedded store (PGlite) writes its hits and new alerts with the
-- organisation checked once per statement instead of once per row: it locks the organisation's row
-- as the foreign keys' per-row checks would, then inserts with `session_replication_role = replica`,
-- under which those checks (and every ordinary trigger) do not fire
-- (docs/decisions/2026-12-07-monitoring-org-checked-once.md). Migration 022's triggers keep what an
-- alert shows when its hit changes: they must fire whoever writes the hits, so they fire always.
alter table monitor_hits enable always trigger monitor_hit_match_changed;
alter table monitor_hits enable always trigger monitor_hit_deleted;
