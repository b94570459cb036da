-- What a monitoring run did (issue 17): a full re-screen or a delta, the list versions it
-- screened against, and how far token weights can have moved in it (`MonitorRunRecord`), so
-- that monitoring can say when a full run is due. Null for runs before this migration.
alter table monitor_runs add column record jsonb;
