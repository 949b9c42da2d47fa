-- The deployment's privacy notice and accessibility statement as edited by a regency
-- administrator: plain text per language, null for the shipped default of the message bundles.
create table site_notice (
  kind varchar(20) primary key,
  text_id text,
  text_en text,
  updated_at timestamptz not null,
  updated_by varchar(300) not null
);
