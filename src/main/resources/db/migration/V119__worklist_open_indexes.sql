-- The worklist at 5,000,000 applications (ADR 0035). Each filter that narrows the open
-- applications (the usual view) by village, service or both walks an index of the office's open
-- applications in deadline order, so it reads about one page of rows, not the village's or the
-- office's finished ones too. Partial: only open applications are in them, a small share of a
-- working office's.
--
-- Built CONCURRENTLY, so writes to the application table go on while they are built (each build
-- reads the table twice and waits for the transactions older than it); Flyway runs a migration of
-- such statements outside a transaction. Each build is preceded by dropping a half-built index of
-- the same name (a build that fails leaves an invalid index behind), so the migration can be run
-- again after `flyway repair`.
drop index concurrently if exists application_open_village;
create index concurrently application_open_village on application (office_id, village_id, deadline, id)
  where status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION');

drop index concurrently if exists application_open_service;
create index concurrently application_open_service on application (office_id, service_id, deadline, id)
  where status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION');

drop index concurrently if exists application_open_service_village;
create index concurrently application_open_service_village
  on application (office_id, service_id, village_id, deadline, id)
  where status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION');
