-- Letter numbering (penomoran surat): the number format and sequence scope per office, the running
-- counters per scope key and year, and the agenda book of numbers used outside the system.

-- One row per office once its administrator saved the settings; absent: the default format
-- {klasifikasi}/{nomor:3}/{kode_unit}/{tahun} with one sequence for the whole office.
create table letter_numbering_setting (
  office_id uuid primary key references office (id),
  format varchar(120) not null,
  scope varchar(14) not null check (scope in ('OFFICE', 'CLASSIFICATION', 'SERVICE')),
  updated_at timestamptz not null,
  updated_by uuid references staff (id)
);

-- The last number taken per scope key (OFFICE, K:<klasifikasi>, S:<service id>) and year. Taking a
-- number locks this row until the signing transaction ends.
create table letter_sequence (
  office_id uuid not null references office (id),
  scope_key varchar(60) not null,
  year integer not null,
  last_number integer not null check (last_number >= 0),
  primary key (office_id, scope_key, year)
);

-- Numbers written by hand in the agenda book: the sequence skips them.
create table letter_number_reserved (
  id uuid primary key,
  office_id uuid not null references office (id),
  scope_key varchar(60) not null,
  year integer not null,
  number integer not null check (number > 0),
  note varchar(300) not null,
  recorded_by uuid references staff (id),
  recorded_at timestamptz not null,
  unique (office_id, scope_key, year, number)
);
