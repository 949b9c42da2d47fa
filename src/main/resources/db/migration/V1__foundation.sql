-- Foundation: regencies, offices, villages, officials, calendar, catalogue, staff, audit trail.

create table regency (
  id uuid primary key,
  code varchar(5) not null unique,          -- e.g. 35.16
  name varchar(120) not null,
  created_at timestamptz not null default now()
);

create table office (
  id uuid primary key,
  regency_id uuid not null references regency (id),
  code varchar(8) not null unique,          -- kecamatan region code, e.g. 35.16.16
  slug varchar(80) not null unique,
  name varchar(120) not null,
  address varchar(300),
  phone varchar(30),
  email varchar(254),
  whatsapp varchar(30),
  office_hours varchar(500),
  unit_code varchar(40),
  letterhead_lines varchar(1000),
  logo bytea,
  logo_content_type varchar(40),
  active boolean not null default true,
  version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index office_regency on office (regency_id);

create table village (
  id uuid primary key,
  office_id uuid not null references office (id),
  code varchar(13) not null unique,         -- e.g. 35.16.16.2009
  name varchar(120) not null,
  kind varchar(10) not null                 -- DESA or KELURAHAN
);
create index village_office on village (office_id, name);

create table official (
  office_id uuid not null references office (id),
  position varchar(10) not null,            -- CAMAT or SEKCAM
  name varchar(120) not null,
  nip varchar(18),
  rank varchar(80),                         -- pangkat/golongan, e.g. Pembina (IV/a)
  updated_at timestamptz not null default now(),
  primary key (office_id, position)
);

-- National holidays and cuti bersama (office_id null), and an office's own closures.
create table holiday (
  id uuid primary key,
  office_id uuid references office (id),
  day date not null,
  kind varchar(15) not null,                -- LIBUR, CUTI_BERSAMA, LOCAL
  name varchar(200) not null
);
create unique index holiday_national_day on holiday (day) where office_id is null;
create unique index holiday_office_day on holiday (office_id, day) where office_id is not null;

create table service_type (
  id uuid primary key,
  office_id uuid not null references office (id),
  code varchar(20) not null,
  name varchar(150) not null,
  category varchar(20) not null,            -- PERIZINAN or NON_PERIZINAN
  description varchar(2000),
  procedure_steps text[] not null default '{}',
  completion_days integer not null,
  cost bigint not null default 0,
  product varchar(300),
  complaint_channel varchar(1000),
  legal_basis varchar(2000),
  facilities varchar(2000),                 -- sarana dan prasarana
  competence varchar(2000),                 -- kompetensi pelaksana
  supervision varchar(2000),                -- pengawasan internal
  staff_count varchar(300),                 -- jumlah pelaksana
  service_guarantee varchar(2000),          -- jaminan pelayanan
  security_guarantee varchar(2000),         -- jaminan keamanan dan keselamatan
  performance_evaluation varchar(2000),     -- evaluasi kinerja pelaksana
  classification_code varchar(30),
  channel_online boolean not null default true,
  channel_counter boolean not null default true,
  channel_village boolean not null default true,
  active boolean not null default true,
  position integer not null default 0,
  version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (office_id, code)
);
create index service_type_office on service_type (office_id, position);

create table requirement (
  id uuid primary key,
  office_id uuid not null references office (id),
  service_type_id uuid not null references service_type (id) on delete cascade,
  position integer not null,
  name varchar(200) not null,
  description varchar(1000),
  required boolean not null default true
);
create index requirement_service on requirement (service_type_id, position);

create table staff (
  id uuid primary key,
  regency_id uuid not null references regency (id),
  office_id uuid references office (id),
  village_id uuid references village (id),
  username varchar(60) not null,
  full_name varchar(120) not null,
  nip varchar(18),
  password_hash varchar(200) not null,
  roles varchar(200) not null,              -- comma separated Role names
  active boolean not null default true,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  version integer not null default 0,
  created_at timestamptz not null default now()
);
create unique index staff_username on staff (lower(username));
create index staff_office on staff (office_id);

-- Append-only: who did what, when, and what changed.
create table audit_event (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_name varchar(120),
  regency_id uuid,
  office_id uuid,
  action varchar(60) not null,
  entity_type varchar(40) not null,
  entity_id varchar(60),
  details jsonb not null default '{}'
);
create index audit_event_office on audit_event (office_id, occurred_at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_change before update or delete on audit_event
  for each row execute function audit_event_append_only();
