-- Clearances and screening counters belong to one organisation (issue 15, finding 2):
-- an organisation's false-positive decisions annotate only its own screenings, and its
-- dashboard counts only its own screenings.
alter table clearances add column org_id text references organisations (id);

-- A clearance made through the API names its author as `user:<id>`: it belongs to that
-- user's organisation. The others (made with `entente clear`, `cli:<os user>` or `--by`)
-- name no organisation and stay without one: kept on record, shown to no organisation and
-- applied to no screening (docs/decisions/2026-12-03-clearances-per-organisation.md).
update clearances set org_id = users.org_id
from users
where clearances.cleared_by = 'user:' || users.id;

drop index clearances_subject_idx;
create index clearances_org_subject_idx on clearances (org_id, subject_key, entity_id);

-- Counters recorded before this migration name no organisation: they count only in the
-- all-organisations figures.
alter table screening_events add column org_id text;
create index screening_events_org_at_idx on screening_events (org_id, at);
