-- Completion requests (permintaan kelengkapan): the office names the rejected requirements of an
-- application, each with its reason, and the deadline clock pauses. A request stays open until the
-- application leaves NEEDS_COMPLETION (the resident completes it, or it is rejected or withdrawn);
-- closed requests are kept as history. Every query filters by office_id.
create table completion_request (
  id uuid primary key,
  office_id uuid not null references office (id),
  application_id uuid not null references application (id),
  requested_at timestamptz not null,
  actor varchar(150) not null,
  -- working days after the day of the request up to the deadline: given back on completion
  working_days_left integer not null check (working_days_left >= 0),
  closed_at timestamptz
);
create index completion_request_application on completion_request (office_id, application_id);
-- at most one open request per application
create unique index completion_request_open on completion_request (application_id)
  where closed_at is null;

create table completion_request_item (
  office_id uuid not null references office (id),
  completion_request_id uuid not null references completion_request (id),
  requirement_id uuid not null,
  reason varchar(500) not null,
  position integer not null,
  primary key (completion_request_id, requirement_id)
);
