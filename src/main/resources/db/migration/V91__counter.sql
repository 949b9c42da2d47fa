-- The counter queue (antrean) of an office: counters (loket), service groups with their ticket
-- series, tickets and their calls, kiosk devices. See ADR 0025.

-- Queue rules of an office; an office without a row has the defaults of QueueSettings.
create table queue_settings (
  office_id uuid primary key references office (id),
  max_inside integer check (max_inside between 1 and 10000),   -- null: no limit
  recall_seconds integer not null check (recall_seconds between 0 and 600),
  priority_streak integer not null check (priority_streak between 1 and 10),
  lansia_age integer not null check (lansia_age between 50 and 80),
  notify_ahead integer not null check (notify_ahead between 1 and 20),
  version integer not null default 0
);

-- A service group (kelompok layanan) and its ticket series: letter prefix, number range, daily
-- reset, daily quota of walk-in tickets.
create table service_group (
  id uuid primary key,
  office_id uuid not null references office (id),
  prefix varchar(1) not null check (prefix ~ '^[A-Z]$'),
  name text not null,
  first_number integer not null check (first_number between 1 and 9998),
  last_number integer not null check (last_number between 2 and 9999),
  daily_reset boolean not null default true,
  daily_quota integer check (daily_quota between 1 and 9999),
  minutes_per_ticket integer not null check (minutes_per_ticket between 1 and 240),
  active boolean not null default true,
  version integer not null default 0,
  unique (office_id, prefix),
  check (first_number < last_number)
);
create index service_group_office on service_group (office_id);

-- A counter (loket) and the groups it serves.
create table service_desk (
  id uuid primary key,
  office_id uuid not null references office (id),
  number integer not null check (number between 1 and 99),
  name text not null,
  active boolean not null default true,
  version integer not null default 0,
  unique (office_id, number)
);
create table service_desk_group (
  desk_id uuid not null references service_desk (id) on delete cascade,
  group_id uuid not null references service_group (id) on delete cascade,
  primary key (desk_id, group_id)
);

-- The number counter of a series: one row per group and series day (the day itself with a daily
-- reset, 2000-01-01 without), moved in the transaction that inserts the ticket, so two nodes never
-- hand out one number twice and never skip one.
create table ticket_series (
  group_id uuid not null references service_group (id) on delete cascade,
  series_day date not null,
  last_number integer not null,
  primary key (group_id, series_day)
);

-- One row per office, bumped by every change of its queue: the lock that orders ticket issuing
-- (inside limit, quota) and the version the display boards of every node poll.
create table queue_change (
  office_id uuid primary key references office (id),
  version bigint not null,
  changed_at timestamptz not null
);

create table ticket (
  id uuid primary key,
  office_id uuid not null references office (id),
  group_id uuid not null references service_group (id),
  day date not null,                          -- the day in WIB
  number integer not null,
  label varchar(8) not null,                  -- A-007
  secret varchar(40) not null unique,         -- the resident's status link
  source varchar(12) not null,                -- TicketSource
  appointment_code varchar(40),
  scheduled_at timestamp,                     -- WIB, for appointments
  priority varchar(12),                       -- Priority, null for a regular ticket
  holder_label text,
  contact_phone text,
  contact_email text,
  wait_outside boolean not null default false,
  status varchar(12) not null,                -- TicketStatus
  issued_at timestamptz not null,
  queued_at timestamptz not null,             -- order among walk-ins (moved by a re-queue)
  desk_id uuid references service_desk (id),  -- calling, serving or holding counter
  target_desk_id uuid references service_desk (id), -- transferred to this counter
  calls integer not null default 0,
  first_called_at timestamptz,
  last_called_at timestamptz,
  serving_at timestamptz,
  finished_at timestamptz,
  requeues integer not null default 0,
  outcome varchar(20),                        -- Outcome when finished
  application_id uuid,                        -- assisted intake started from the ticket
  near_turn_sent boolean not null default false,
  version integer not null default 0,
  unique (group_id, day, number),
  unique (office_id, day, appointment_code)
);
create index ticket_waiting on ticket (office_id, day, status);
create index ticket_office_day on ticket (office_id, day);

-- Every call of a ticket to a counter: the display board's last calls, the fairness rule, statistics.
create table ticket_call (
  id bigserial primary key,
  office_id uuid not null references office (id),
  ticket_id uuid not null references ticket (id),
  desk_id uuid not null references service_desk (id),
  called_at timestamptz not null,
  first_call boolean not null,
  priority boolean not null
);
create index ticket_call_office on ticket_call (office_id, called_at desc);

-- A kiosk device (anjungan) enabled by an officer with a short code; the device keeps a secret
-- token in a cookie, stored here only as its SHA-256.
create table ticket_kiosk (
  id uuid primary key,
  office_id uuid not null references office (id),
  name text not null,
  token_hash varchar(64) unique,
  pairing_code_hash varchar(64),
  pairing_expires_at timestamptz,
  enabled_by uuid references staff (id),
  created_at timestamptz not null,
  enabled_at timestamptz,
  revoked_at timestamptz
);
create index ticket_kiosk_office on ticket_kiosk (office_id);
