-- Documents (berkas): one row per stored file of an office; the bytes live in the blob store
-- under generated keys. Every query filters by office_id.
create table document (
  id uuid primary key,
  office_id uuid not null references office (id),
  blob_key varchar(64) not null unique,
  thumbnail_key varchar(64) unique,         -- photos only
  name varchar(200) not null,               -- the uploaded name, cleaned, for display only
  content_type varchar(40) not null,        -- image/jpeg, image/png or application/pdf
  size_bytes bigint not null check (size_bytes > 0),
  sha256 char(64) not null,                 -- of the stored bytes
  width integer,                            -- photos only, as stored
  height integer,
  created_at timestamptz not null
);
create index document_office on document (office_id, created_at);
