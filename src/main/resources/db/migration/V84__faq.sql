-- Frequently asked questions (tanya jawab) of an office, or of the whole regency (office_id null):
-- general ones (service_code null) and per service (by the service's code, which the offices of a
-- regency share for the same service). An office hides a regency item (faq_hidden) or adapts it:
-- its own copy (adapts_id) stands in for the regency's on its pages. Plain text only. Searched
-- with PostgreSQL full-text search in the simple configuration, as the complaints are.
create table faq_item (
  id uuid primary key,
  regency_id uuid not null references regency (id),
  office_id uuid references office (id),
  service_code varchar(20),
  question text not null,
  answer text not null,
  adapts_id uuid references faq_item (id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by text not null,
  version integer not null default 0
);
create index faq_item_office on faq_item (regency_id, office_id, service_code);
create unique index faq_item_adapted on faq_item (office_id, adapts_id) where adapts_id is not null;
create index faq_item_words on faq_item
  using gin (to_tsvector('simple', question || ' ' || answer));

create table faq_hidden (
  office_id uuid not null references office (id),
  faq_item_id uuid not null references faq_item (id) on delete cascade,
  hidden_at timestamptz not null,
  hidden_by text not null,
  primary key (office_id, faq_item_id)
);
