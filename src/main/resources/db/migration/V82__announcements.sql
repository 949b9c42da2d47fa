-- Announcements (pengumuman) of an office, or of the whole regency (office_id null): shown from
-- starts_on to ends_on (days in WIB) and gone by themselves afterwards; the most urgent may show as
-- a banner on the office's home page; the ticker line feeds the display board's running text. Plain
-- text only. review_on reminds the author (by e-mail, through the outbox) to check it is still true.
create table announcement (
  id uuid primary key,
  regency_id uuid not null references regency (id),
  office_id uuid references office (id),
  title text not null,
  body text not null,
  ticker text,
  priority varchar(12) not null,            -- AnnouncementPriority
  banner boolean not null default false,
  starts_on date not null,
  ends_on date not null,
  review_on date not null,
  author_id uuid not null references staff (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by text not null,
  version integer not null default 0,
  check (ends_on >= starts_on)
);
create index announcement_office on announcement (office_id, ends_on);
create index announcement_regency on announcement (regency_id, ends_on) where office_id is null;
