-- A curated crosswalk link carries its citation: the two provisions compared, where their texts
-- were read and when, or 'unverified' with the reason (a FactSource as JSON; null for derived links).
alter table control_correspondences add column source jsonb;
