-- The monthly report signed by the Camat (issue 18, ADR 0023): an office's setting, and per version
-- whether it waits for the signature and who signed it. A version that waits is not public; the
-- signature replaces its PDF once with the signed PDF/A, which is then frozen like every file.
create table stat_report_setting (
  office_id uuid primary key references office (id),
  sign_reports boolean not null,
  changed_at timestamptz not null,
  changed_by varchar(120) not null
);

alter table stat_report add column awaiting_signature boolean not null default false;
alter table stat_report add column signed_at timestamptz;
alter table stat_report add column signed_by uuid;
alter table stat_report add column signer_name varchar(200);
alter table stat_report add column signer_position varchar(300);
alter table stat_report add constraint stat_report_signed
  check (not (awaiting_signature and signed_at is not null));
