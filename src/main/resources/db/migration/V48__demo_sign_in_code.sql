-- The demo only (layanan.demo.enabled): the portal's sign-in codes and magic links as the resident
-- would receive them, so that a demo user without a gateway can sign in; shown on /demo/kode-masuk,
-- which exists only in the demo. Outside the demo nothing writes this table. Office staff never
-- read a code: the message log hides the text of sign-in messages everywhere.
create table demo_sign_in_code (
  request_id uuid        primary key,
  contact    text        not null,
  code       text        not null,
  magic_link text,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index demo_sign_in_code_expires on demo_sign_in_code (expires_at);
