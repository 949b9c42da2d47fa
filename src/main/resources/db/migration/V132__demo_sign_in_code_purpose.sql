-- The demo only: the demo page /demo/kode-masuk also lists the one-time codes that confirm an
-- appointment (janji temu), which the demo cannot send either; purpose tells the two apart.
alter table demo_sign_in_code
  add column purpose varchar(20) not null default 'PORTAL' check (purpose in ('PORTAL', 'APPOINTMENT'));
