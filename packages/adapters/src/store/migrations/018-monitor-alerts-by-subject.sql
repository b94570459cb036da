-- Monitoring alerts by subject (issues 17 and 19): one alert per counterparty and resolved
-- subject, as single screening groups its matches. `subject_id` is the subject the alert's
-- listings belong to (the listing's own entity id while no resolution has seen it);
-- `listings` every current listing of that subject, each with the counterparty's hit on it
-- when there is one; `not_listed_by` the loaded lists that do not list the subject
-- (docs/decisions/2026-12-04-monitoring-by-subject.md). Alerts raised before are alerts of one
-- listing: their subject is that listing.
alter table monitor_alerts add column subject_id text;
alter table monitor_alerts add column subject_name text;
alter table monitor_alerts add column listings jsonb;
alter table monitor_alerts add column not_listed_by jsonb;
update monitor_alerts set subject_id = entity_id where subject_id is null;
create index monitor_alerts_subject_idx on monitor_alerts (org_id, counterparty_id, subject_id);
