-- Statistics (issue 18, ADR 0023): facts the statistics module keeps from the other modules'
-- events, and the monthly counts the transparency page, the dashboard and the open data read.
-- Nothing here is read by another module; nothing of another module's tables is read from here.

-- One row per application, recomputed from the application (through its module's API) after each
-- of its events. contributions: what the row adds to stat_count and stat_duration, so that a
-- recomputation takes its old contributions back before it adds the new ones.
create table stat_application (
  application_id uuid primary key,
  office_id uuid not null references office (id),
  regency_id uuid not null,
  service_id uuid not null,
  channel varchar(10) not null,
  village_id uuid,
  tracking_code varchar(40) not null,
  submitted_at timestamptz not null,
  deadline date not null,
  status varchar(20) not null,
  completion_requests integer not null,
  finished_at timestamptz,
  outcome varchar(20),
  working_days integer,
  met_deadline boolean,
  steps integer not null,
  contributions text[] not null
);
create index stat_application_office on stat_application (office_id, submitted_at);

-- The monthly counts. scope_id: an office, or a regency (the sum of its offices). service_id and
-- village_id: the zero uuid for "all" (and for figures without one); channel: 'ALL' likewise.
-- Each contribution is counted at the grains the pages read, so no page sums many rows.
create table stat_count (
  scope_id uuid not null,
  month date not null,
  measure varchar(60) not null,
  service_id uuid not null,
  channel varchar(10) not null,
  village_id uuid not null,
  n bigint not null,
  -- a page reads one scope and one village (or all) over a run of months
  primary key (scope_id, village_id, month, measure, service_id, channel)
);

-- Applications finished per number of working days they took: median and p90 of any selection.
create table stat_duration (
  scope_id uuid not null,
  month date not null,
  service_id uuid not null,
  channel varchar(10) not null,
  village_id uuid not null,
  days integer not null,
  n bigint not null,
  primary key (scope_id, village_id, channel, month, service_id, days)
);

-- Why the office asked for completion (per requirement) or rejected, once per step.
create table stat_reason (
  application_id uuid not null,
  at timestamptz not null,
  kind varchar(20) not null,            -- COMPLETION or REJECTION
  subject varchar(200) not null,        -- the requirement's name, or '' for a rejection
  office_id uuid not null references office (id),
  month date not null,
  service_id uuid not null,
  reason varchar(500) not null,
  primary key (application_id, at, kind, subject)
);
create index stat_reason_office on stat_reason (office_id, month);

-- Letters issued (the register of outgoing letters, surat keluar), the applicant masked.
create table stat_letter (
  letter_id uuid primary key,
  office_id uuid not null references office (id),
  application_id uuid not null,
  service_id uuid not null,
  number varchar(120) not null,
  service_name varchar(150) not null,
  applicant_masked varchar(100) not null,
  signed_at timestamptz not null,
  signer_name varchar(120) not null,
  revoked_at timestamptz
);
create index stat_letter_office on stat_letter (office_id, signed_at);

-- Residents' drafts (online), for the completion rate: started -> submitted.
create table stat_draft (
  draft_id uuid primary key,
  office_id uuid not null references office (id),
  service_id uuid not null,
  started_at timestamptz not null,
  submitted boolean not null default false
);

-- The offices whose applications made before the statistics were backfilled.
create table stat_backfill (
  office_id uuid primary key references office (id),
  done_at timestamptz not null
);
