-- Short codes (kode singkat) for posters, stickers, brochures and shared messages: /q/{code}
-- redirects to an office's page or one of its services and is printed as a QR code, so a reprinted
-- poster never breaks when pages move. Each code names its source (a poster at which village, the
-- counter sticker, a WhatsApp message, a brochure). Scans, started and submitted applications are
-- counted per code and day, never who scanned: no address, no cookie, no identifier.
create table short_code (
  id uuid primary key,
  office_id uuid not null references office (id),
  code char(6) not null unique,             -- 6 characters of the tracking code alphabet
  label text not null,                      -- the campaign's name as the office calls it
  source varchar(20) not null,              -- ShortCodeSource
  village_id uuid references village (id), -- where the poster hangs, if at a village
  service_id uuid references service_type (id), -- null: the office's page
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null
);
create index short_code_office on short_code (office_id, created_at);

create table short_code_day (
  office_id uuid not null references office (id),
  short_code_id uuid not null references short_code (id),
  day date not null,                        -- the day in WIB
  scans integer not null default 0,
  started integer not null default 0,       -- online drafts whose identity step was saved
  submitted integer not null default 0,     -- online drafts submitted
  primary key (short_code_id, day)
);
create index short_code_day_office on short_code_day (office_id, day);

-- The short code an online draft was started from (the ?sumber= parameter), to count it.
alter table application_draft add column campaign char(6);

-- The drafts counted for a code, so a listener that runs again (a resubmitted event publication)
-- never counts one twice (a draft id says nothing about the resident).
create table short_code_draft (
  draft_id uuid primary key,
  office_id uuid not null references office (id),
  short_code_id uuid not null references short_code (id),
  submitted boolean not null default false
);
