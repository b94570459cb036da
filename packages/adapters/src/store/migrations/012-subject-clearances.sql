-- Clearances per subject (issue 19, point 2): a clearance given for a resolved subject records
-- the subject's listings at that moment, every one covered (`entity_id` then holds the subject's
-- id). Null for a clearance of one listing. A listing that joins the subject later is not in
-- this list, so it is shown again, marked as a new listing of a cleared subject
-- (docs/decisions/2026-12-03-subject-clearances.md).
alter table clearances add column listings jsonb;
