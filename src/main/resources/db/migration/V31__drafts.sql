-- Drafts of online applications: every step a resident saves, so that a dropped connection loses
-- nothing. A draft is opened again in the browser that started it, or anywhere with its resume
-- code. Expired drafts are purged with their files. Every query filters by office_id or by the
-- draft's unguessable id.
create table application_draft (
  id uuid primary key,
  office_id uuid not null references office (id),
  service_id uuid not null references service_type (id),
  resume_code char(8) not null unique,      -- 8 characters of the tracking code alphabet
  identity jsonb,                           -- the applicant as typed, once the step was saved
  answers jsonb,                            -- the answers as typed, once the step was saved
  application_id uuid references application (id),  -- set when submitted
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null
);
create index application_draft_expiry on application_draft (expires_at);

create table application_draft_file (
  office_id uuid not null references office (id),
  draft_id uuid not null references application_draft (id) on delete cascade,
  requirement_id uuid not null,
  document_id uuid not null references document (id),
  position integer not null,
  primary key (draft_id, document_id)
);

-- ShedLock: one node of a deployment runs a scheduled job at a time.
create table shedlock (
  name varchar(64) primary key,
  lock_until timestamp not null,
  locked_at timestamp not null,
  locked_by varchar(255) not null
);
