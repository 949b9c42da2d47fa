-- Self-service kiosks (anjungan mandiri) of an office: a computer or tablet at the office that an
-- officer enables with a one-time code; the device then keeps a random token in a cookie, of which
-- only the SHA-256 is stored here. Revoking a device ends kiosk mode on it at its next request.
create table kiosk_device (
  id uuid primary key,
  office_id uuid not null references office (id),
  label text not null,                     -- where it stands, as the office calls it
  idle_seconds integer not null,           -- after this long without input the kiosk starts over
  code_hash char(64),                      -- the one-time enabling code, until used or expired
  code_expires_at timestamptz,
  token_hash char(64) unique,              -- the device's cookie, once enabled
  created_at timestamptz not null,
  created_by text not null,
  enabled_at timestamptz,
  last_seen_on date,
  revoked_at timestamptz,
  revoked_by text
);
create index kiosk_device_office on kiosk_device (office_id, created_at);
create unique index kiosk_device_code on kiosk_device (code_hash) where code_hash is not null;

-- Visits of the public pages per office, kind of page and day (WIB), counted without cookies or
-- anything about the visitor: the counts are kept in memory on each node and added here once a
-- minute. Crawlers are not counted (a simple rule on the user agent).
create table page_view_day (
  office_id uuid not null references office (id),
  page_kind varchar(24) not null,          -- PageKind
  day date not null,
  views integer not null default 0,
  primary key (office_id, day, page_kind)
);
