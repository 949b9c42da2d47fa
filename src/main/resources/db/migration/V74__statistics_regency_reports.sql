-- The regency's consolidated monthly report (issue 18, ADR 0023): a row of stat_report with the
-- regency instead of an office, frozen and versioned like the offices' reports.
alter table stat_report alter column office_id drop not null;
alter table stat_report add column regency_id uuid references regency (id);
alter table stat_report add constraint stat_report_scope check ((office_id is null) <> (regency_id is null));
create unique index stat_report_regency_month on stat_report (regency_id, month, version)
  where regency_id is not null;
