-- The monthly report (laporan bulanan pelayanan PATEN) of an office as published: its figures
-- frozen as they were, and the files made from them then, served byte for byte ever after. A
-- correction is a new version with its reason; no version is ever changed or deleted.
create table stat_report (
  id uuid primary key,
  office_id uuid not null references office (id),
  month date not null,
  version integer not null check (version >= 1),
  published_at timestamptz not null,
  published_by varchar(120) not null,
  reason varchar(500),
  figures jsonb not null,
  xlsx bytea not null,
  pdf bytea not null,
  unique (office_id, month, version),
  check ((version = 1) = (reason is null))
);
