-- Letters (surat): signer profiles, delegation, and the issued letters with their verification.
-- V36 (templates, paper), V37 (signing keys) and V38 (numbering) are the letters module's too.

-- Which position a staff account with the SIGNER role signs in. The Camat signs in their own
-- name; a Sekcam or another official signs only under a delegation (a.n. or Plh).
create table signer_profile (
  staff_id uuid primary key references staff (id),
  office_id uuid not null references office (id),
  position varchar(10) not null check (position in ('CAMAT', 'SEKCAM', 'OTHER')),
  title varchar(120) not null,             -- jabatan as printed, e.g. Sekretaris Kecamatan
  rank varchar(80),                        -- pangkat/golongan
  updated_at timestamptz not null default now()
);
create index signer_profile_office on signer_profile (office_id);

-- The Camat delegates signing for a date range: a.n. (atas nama) or Plh. (pelaksana harian).
create table signing_delegation (
  id uuid primary key,
  office_id uuid not null references office (id),
  delegate_id uuid not null references staff (id),
  kind varchar(3) not null check (kind in ('AN', 'PLH')),
  starts_on date not null,
  ends_on date not null,
  note varchar(500),
  created_by uuid not null references staff (id),
  created_at timestamptz not null,
  cancelled_by uuid references staff (id),
  cancelled_at timestamptz,
  check (ends_on >= starts_on)
);
create index signing_delegation_office on signing_delegation (office_id, delegate_id, starts_on);

-- An issued letter: numbered and signed in one transaction with the application's ISSUED status.
create table letter (
  id uuid primary key,
  office_id uuid not null references office (id),
  application_id uuid not null unique references application (id),
  service_id uuid not null references service_type (id),
  number varchar(120) not null,
  number_scope varchar(60) not null,
  number_year integer not null,
  number_sequence integer not null,
  verification_code varchar(40) not null unique, -- in the QR link /v/<code>, unguessable
  sha256 char(64) not null,                      -- of the signed PDF
  pdf bytea not null,
  service_name varchar(150) not null,
  applicant_name varchar(100) not null,
  letter_date date not null,
  signed_at timestamptz not null,
  signed_by uuid not null references staff (id),
  signer_name varchar(120) not null,
  signer_nip varchar(18),
  signer_position varchar(300) not null,         -- as printed, e.g. a.n. Camat Jetis, Sekretaris Kecamatan
  capacity varchar(4) not null check (capacity in ('OWN', 'AN', 'PLH')),
  revoked_at timestamptz,
  revoked_by uuid references staff (id),
  revocation_reason varchar(500),
  scans integer not null default 0,
  last_scanned_at timestamptz,
  unique (office_id, number_scope, number_year, number_sequence)
);
create index letter_office_signed on letter (office_id, signed_at desc);
create index letter_sha256 on letter (sha256);
