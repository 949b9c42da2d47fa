-- Second check (pemeriksaan kedua): a service may require a second officer to check an application
-- before it is approved, e.g. operator/verifier -> Sekcam (as in OpenSID/OpenDK). The catalogue
-- names the role that performs it; null: one-step approval.
alter table service_type add column second_check varchar(20)
  check (second_check in ('SIGNER', 'OFFICE_ADMIN'));

-- The first check of an application of such a service: who approved it first and when. At most one
-- per application; removed when the application is rejected, sent back for completion or a
-- requirement check changes (a resubmission starts over). Kept after the final approval.
create table casework_first_check (
  application_id uuid primary key references application (id),
  office_id uuid not null references office (id),
  staff_id uuid not null references staff (id),
  checked_at timestamptz not null,
  checked_by varchar(150) not null
);
create index casework_first_check_office on casework_first_check (office_id, application_id);
