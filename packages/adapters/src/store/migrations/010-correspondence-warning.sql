-- A crosswalk link the evidence contradicts (shared code, headings describing different items)
-- keeps its row but carries the reason, so the crosswalk shows it and the gaps do not follow it.
alter table control_correspondences add column warning text;
