-- Casework (pemrosesan permohonan): who works on an application, the check of each requirement and
-- the officers' internal notes; plus when an application was finished and whether on time.
-- Every table carries office_id and every query filters by it.

-- At most one officer per application: claimed by themselves or assigned by an office admin.
create table casework_assignment (
  application_id uuid primary key references application (id),
  office_id uuid not null references office (id),
  staff_id uuid not null references staff (id),
  assigned_at timestamptz not null,
  assigned_by varchar(150) not null
);
-- worklist filter "mine" / "assigned to X"
create index casework_assignment_staff on casework_assignment (office_id, staff_id);

-- The checks of the requirements, append-only: the latest per requirement is the current one,
-- the earlier ones are the history.
create table requirement_check (
  id bigserial primary key,
  office_id uuid not null references office (id),
  application_id uuid not null references application (id),
  requirement_id uuid not null,
  accepted boolean not null,
  reason varchar(500),
  checked_at timestamptz not null,
  checked_by varchar(150) not null,
  check (accepted or reason is not null)
);
create index requirement_check_application on requirement_check (office_id, application_id, id);

-- Internal notes of the officers: never shown to the resident.
create table casework_note (
  id bigserial primary key,
  office_id uuid not null references office (id),
  application_id uuid not null references application (id),
  body varchar(2000) not null,
  written_at timestamptz not null,
  written_by varchar(150) not null
);
create index casework_note_application on casework_note (office_id, application_id, id);

-- Deadlines: when the office finished an application (approved or rejected) and whether that day
-- was on or before the deadline. Set by the application module's decisions.
alter table application add column finished_at timestamptz;
alter table application add column met_deadline boolean;

-- Worklist indexes. The worklist always filters by office and orders by deadline (then id, for a
-- stable keyset); open applications are the usual view, so a partial index serves them alone.
create index application_worklist_open on application (office_id, deadline, id)
  where status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION');
create index application_worklist_status on application (office_id, status, deadline, id);
create index application_worklist_village on application (office_id, village_id, deadline, id);
-- search by NIK (exact) and by name (prefix, case-insensitive)
create index application_nik on application (office_id, nik);
create index application_name on application (office_id, lower(name) text_pattern_ops);
