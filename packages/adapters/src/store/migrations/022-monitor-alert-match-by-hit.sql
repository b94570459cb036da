-- A first full monitoring run raises about two alerts per hit counterparty (184,000 for the
-- synthetic register of 100,000), and writing them was most of the run's main-thread time
-- (issue 17; docs/decisions/2026-12-05-monitoring-alert-rows.md). Two things an alert stored
-- twice are now stored once.
--
-- An alert's match (features, explanation, programmes) was a copy of the match of the hit it
-- shows. Null now means "the match of the hit (org_id, counterparty_id, entity_id)". Before
-- that hit's match changes, or the hit is deleted, the triggers below copy its match into the
-- alerts that refer to it, so an alert keeps showing the match it was raised (or last updated)
-- with, whoever writes the hits. Inserting a hit fires nothing. Alerts stored before keep their copy.
alter table monitor_alerts alter column match drop not null;

create function monitor_hit_keep_match() returns trigger language plpgsql as $$
begin
  update monitor_alerts set match = old.match
  where org_id = old.org_id and counterparty_id = old.counterparty_id and entity_id = old.entity_id
    and match is null;
  return null;
end $$;

create trigger monitor_hit_match_changed after update on monitor_hits for each row
  when (old.match is distinct from new.match) execute function monitor_hit_keep_match();
create trigger monitor_hit_deleted after delete on monitor_hits for each row
  execute function monitor_hit_keep_match();

-- The `raised` entry of an alert's history was a row of monitor_alert_events, at the alert's
-- created_at, by 'monitor', to 'open'. A run now keeps its note on the alert instead, and the
-- readers put the entry first in the history. Null: the alert's entry is a row (alerts before).
alter table monitor_alerts add column raised_note text;
