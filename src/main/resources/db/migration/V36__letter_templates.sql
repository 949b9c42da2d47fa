-- Letter templates (templat surat) and paper settings, per office.

-- An office's own template of a service's letter; without one the shipped default is used.
-- The body is an XHTML fragment with placeholders, checked against an allow-list when saved.
create table letter_template (
  office_id uuid not null references office (id),
  service_id uuid not null references service_type (id),
  title varchar(200),                       -- the letter's title; null: the default title
  body text not null check (length(body) <= 20000),
  updated_at timestamptz not null,
  updated_by uuid references staff (id),
  version integer not null default 0,
  primary key (office_id, service_id)
);

-- How an office prints its letters: paper A4 (210 x 297 mm) or F4/Folio (215 x 330 mm), and the
-- body font: Liberation Serif, or Liberation Sans (metric-compatible with Arial).
create table letter_settings (
  office_id uuid primary key references office (id),
  paper_size varchar(2) not null default 'A4' check (paper_size in ('A4', 'F4')),
  font varchar(5) not null default 'SERIF' check (font in ('SERIF', 'SANS')),
  updated_at timestamptz not null,
  version integer not null default 0
);
