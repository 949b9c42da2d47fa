-- Complaints (pengaduan), issue 14: categories per office (a two-level tree with a handling tier in
-- working days), the complaint with its two clocks, an append-only thread and status history.

create table complaint_category (
  id uuid primary key,
  office_id uuid not null references office (id),
  parent_id uuid references complaint_category (id),
  name varchar(120) not null,
  expectation varchar(500) not null default '',   -- what the reporter can expect, shown on filing
  responsible_role varchar(20),                   -- a staff role, or null
  responsible_staff_id uuid references staff (id),
  tier_days int not null check (tier_days between 1 and 60),
  active boolean not null default true,
  position int not null default 0
);
create unique index complaint_category_name
  on complaint_category (office_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));
create index complaint_category_office on complaint_category (office_id, position, name);

create table complaint (
  id uuid primary key,
  office_id uuid not null references office (id),
  tracking_code varchar(20) not null unique,
  kind varchar(20) not null,                      -- COMPLAINT, ASPIRATION, INFORMATION
  category_id uuid not null references complaint_category (id),
  description text not null,
  village_id uuid references village (id),
  place varchar(200),
  occurred_on date,
  privacy varchar(10) not null,                   -- RAHASIA, ANONIM, PUBLIK
  reporter_name varchar(120),
  phone varchar(20),
  email varchar(254),
  phone_last4 char(4),
  secret_hash char(64) not null,                  -- SHA-256 hex of the secret shown once
  channel varchar(20) not null,                   -- ONLINE, COUNTER, VILLAGE, PHONE, LETTER, WHATSAPP
  assisted_by varchar(200),                       -- the officer who recorded it, on an assisted channel
  application_code varchar(20),                   -- the application it is about, if any
  status varchar(20) not null,
  received_at timestamptz not null,
  received_on date not null,
  verify_due date not null,
  answer_due date,
  days_left int,                                  -- working days left when the clock paused
  reply_due date,                                 -- the reporter's window: a reply when asked, feedback when answered
  due date,                                       -- the running clock's deadline; null when paused or finished
  assignee_id uuid references staff (id),
  duplicate_of uuid references complaint (id),
  outside_channel varchar(200),
  answered_at timestamptz,
  closed_at timestamptz,
  contact_removed_at timestamptz,
  version int not null default 0
);
create index complaint_worklist on complaint (office_id, due, id);
create index complaint_worklist_status on complaint (office_id, status, due, id);
create index complaint_contact on complaint (office_id, phone);

create table complaint_attachment (
  complaint_id uuid not null references complaint (id),
  document_office_id uuid not null,               -- the office the document was stored for
  document_id uuid not null references document (id),
  position int not null,
  primary key (complaint_id, document_id)
);

-- The thread: never updated, never deleted (a correction is a new entry).
create table complaint_entry (
  id bigserial primary key,
  complaint_id uuid not null references complaint (id),
  at timestamptz not null,
  kind varchar(20) not null,                      -- ANSWER, NOTE, QUESTION, REPLY, FEEDBACK, NOTICE
  public boolean not null,                        -- shown to the reporter
  author varchar(200) not null,
  text text not null
);
create index complaint_entry_complaint on complaint_entry (complaint_id, id);

create table complaint_status_change (
  id bigserial primary key,
  complaint_id uuid not null references complaint (id),
  from_status varchar(20),
  to_status varchar(20) not null,
  at timestamptz not null,
  actor varchar(200) not null,
  reason text
);
create index complaint_status_change_complaint on complaint_status_change (complaint_id, id);
