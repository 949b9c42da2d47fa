-- Appointments (janji temu), issue 16 item 2: bookable types per office, slots with a seat count
-- taken atomically (CHECK booked <= seats), bookings for one or several persons (an e-KTP
-- recording for members of one family card), one booking per NIK, type and day.

create table appointment_type (
  id uuid primary key,
  office_id uuid not null references office (id),
  kind varchar(10) not null check (kind in ('KTP', 'SERVICE')),
  service_group_id uuid,                          -- the counter's group whose ticket a check-in issues
  name varchar(120) not null,
  slot_minutes int not null check (slot_minutes between 5 and 120),
  seats_per_slot int not null check (seats_per_slot between 1 and 50),
  days_ahead int not null check (days_ahead between 1 and 90),
  daily_quota int check (daily_quota between 1 and 2000),   -- persons a day, e.g. 50 e-KTP recordings
  active boolean not null default true,
  created_at timestamptz not null
);
create unique index appointment_type_name on appointment_type (office_id, lower(name));

-- One row per slot that was ever booked; the seats are copied from the type when it is made.
create table appointment_slot (
  type_id uuid not null references appointment_type (id),
  day date not null,
  start_time time not null,
  office_id uuid not null references office (id),
  seats int not null,
  booked int not null default 0,
  primary key (type_id, day, start_time),
  check (booked >= 0 and booked <= seats)
);

-- The persons of a type booked on a day, against the daily quota.
create table appointment_day (
  type_id uuid not null references appointment_type (id),
  day date not null,
  office_id uuid not null references office (id),
  quota int not null,
  booked int not null default 0,
  primary key (type_id, day),
  check (booked >= 0 and booked <= quota)
);

create table appointment (
  id uuid primary key,
  office_id uuid not null references office (id),
  type_id uuid not null references appointment_type (id),
  code varchar(20) not null unique,               -- shown and scanned at the office (tracking-code scheme)
  manage_hash char(64) not null unique,           -- SHA-256 of the cancel/reschedule link's secret
  day date not null,
  start_time time not null,
  persons int not null check (persons between 1 and 10),
  kk char(16),
  phone varchar(20),
  email varchar(254),
  status varchar(12) not null check (status in ('HELD', 'BOOKED', 'CANCELLED', 'CHECKED_IN')),
  otp_hash char(64),                              -- the one-time code confirming the contact
  otp_tries int not null default 0,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  seat_free_at timestamptz,                       -- a held or cancelled seat is free again from then
  released boolean not null default false,        -- its seats were given back to the slot
  reminded_at timestamptz,
  checked_in_at timestamptz,
  ticket_number varchar(20),
  ticket_path varchar(200)
);
create index appointment_day_list on appointment (office_id, day, start_time);
create index appointment_release on appointment (type_id, day) where not released and status in ('HELD', 'CANCELLED');
create index appointment_reminder on appointment (day) where status = 'BOOKED' and reminded_at is null;

create table appointment_person (
  appointment_id uuid not null references appointment (id),
  position int not null,
  type_id uuid not null,
  day date not null,
  nik char(16) not null,
  name varchar(120) not null,
  married boolean not null default false,
  active boolean not null default true,           -- false once the booking is cancelled or lapsed
  ktp_card_id uuid references ktp_card (id),      -- the card recorded for this person
  primary key (appointment_id, position)
);
-- at most one booking per NIK, type and day
create unique index appointment_person_once on appointment_person (type_id, day, nik) where active;
