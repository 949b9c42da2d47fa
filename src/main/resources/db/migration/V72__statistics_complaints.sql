-- Statistics of complaints (issue 18, ADR 0023): one row per complaint the statistics module heard
-- of through the complaints module's events, never read from the complaint tables. The counts
-- (COMPLAINTS_RECEIVED, COMPLAINTS_ANSWERED, COMPLAINTS_ANSWERED_ON_TIME) go to stat_count like
-- the applications'; this row keeps where they were counted (a forwarded complaint moves to its new
-- office) and the category and kind for the breakdown.
create table stat_complaint (
  complaint_id uuid primary key,
  office_id uuid not null references office (id),
  regency_id uuid not null,
  category_id uuid,
  category_name varchar(200),
  kind varchar(20) not null,
  received_at timestamptz not null,
  month date not null,
  answered_at timestamptz,
  answered_month date,
  answer_due date,
  on_time boolean
);
create index stat_complaint_office on stat_complaint (office_id, month);
create index stat_complaint_office_answered on stat_complaint (office_id, answered_month);
create index stat_complaint_regency on stat_complaint (regency_id, month);
