-- Applications (permohonan): the applicant as declared, the form answers, the attachments and the
-- timeline of status changes. Every query filters by office_id.
create table application (
  id uuid primary key,
  office_id uuid not null references office (id),
  service_id uuid not null references service_type (id),
  tracking_code varchar(30) not null unique,
  channel varchar(10) not null,
  status varchar(20) not null,
  nik char(16) not null,
  name varchar(100) not null,
  birth_place varchar(100) not null,
  birth_date date not null,
  sex varchar(6) not null,
  village_id uuid not null references village (id),
  address varchar(300) not null,
  phone varchar(20),
  email varchar(254),
  answers jsonb not null default '{}',
  submitted_at timestamptz not null,
  deadline date not null,
  idempotency_key varchar(100),
  version integer not null default 0,
  unique (office_id, idempotency_key)
);
create index application_office on application (office_id, submitted_at);

create table application_attachment (
  office_id uuid not null references office (id),
  application_id uuid not null references application (id),
  requirement_id uuid not null,
  document_id uuid not null references document (id),
  position integer not null,
  primary key (application_id, document_id)
);

-- One row per transition: the audit record of the status machine and the resident's timeline.
create table application_status_change (
  id bigserial primary key,
  office_id uuid not null references office (id),
  application_id uuid not null references application (id),
  from_status varchar(20),
  to_status varchar(20) not null,
  changed_at timestamptz not null,
  reason varchar(500),
  actor varchar(150) not null
);
create index application_status_change_application
  on application_status_change (office_id, application_id, id);
