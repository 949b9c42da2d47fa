-- Surveys (IKM, Permenpan RB 14/2017). See ADR 0022.
--
-- An invitation: one per application (the unique key), reached by a link whose token is kept only
-- as its SHA-256 hash, valid until expires_at.
create table survey_invitation (
  id uuid primary key,
  office_id uuid not null references office (id),
  application_id uuid not null unique references application (id),
  service_id uuid not null references service_type (id),
  token_hash bytea not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index survey_invitation_office on survey_invitation (office_id, created_at);

-- The use of an invitation: its primary key lets one response in, whatever the number of browsers
-- sending the form at once. Written in the transaction of the response, which itself names no
-- invitation, so no response can be joined to an application or a resident.
create table survey_invitation_use (
  invitation_id uuid primary key references survey_invitation (id)
);

-- A response: the nine scores by element, the optional profile as bands, saran/kritik; the day it
-- was given (no time of day, so the order of responses cannot be matched to the order of letters).
create table survey_response (
  id uuid primary key,
  office_id uuid not null references office (id),
  service_id uuid references service_type (id),
  instrument varchar(20) not null,
  channel varchar(12) not null check (channel in ('INVITATION', 'WALK_IN', 'COUNTER', 'PAPER')),
  answered_on date not null,
  persyaratan smallint not null check (persyaratan between 1 and 4),
  prosedur smallint not null check (prosedur between 1 and 4),
  waktu smallint not null check (waktu between 1 and 4),
  biaya smallint not null check (biaya between 1 and 4),
  produk smallint not null check (produk between 1 and 4),
  kompetensi smallint not null check (kompetensi between 1 and 4),
  perilaku smallint not null check (perilaku between 1 and 4),
  pengaduan smallint not null check (pengaduan between 1 and 4),
  sarana smallint not null check (sarana between 1 and 4),
  sex varchar(1) check (sex in ('L', 'P')),
  age_band varchar(10) check (age_band in ('UNDER_20', 'FROM_20', 'FROM_30', 'FROM_40', 'FROM_50', 'FROM_60')),
  education varchar(5) check (education in ('SD', 'SMP', 'SMA', 'D1_D3', 'S1', 'S2', 'S3')),
  occupation varchar(10) check (occupation in ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA')),
  time_band varchar(5) check (time_band in ('PAGI', 'SIANG')),
  suggestion varchar(2000)
);
create index survey_response_office_day on survey_response (office_id, answered_on);
