-- The version of the name link rules a resolution was made under (core `NAME_LINK_RULES_VERSION`).
-- A store whose last resolution was made under other rules (or before this column: null) keeps
-- stored name links those rules would not make; its next resolution screens every listing again
-- (docs/decisions/2026-12-07-subjects-link-rules-version.md).
alter table subject_runs add column link_rules text;
