-- Surveys, second round (issue 15): moderation of saran/kritik and the rencana tindak lanjut.
-- See ADR 0022.
--
-- A response's saran/kritik is shown publicly only once the office's administrator published it:
-- NEW until decided, then PUBLISHED or HIDDEN (the decision can be changed, each change audited).
alter table survey_response
  add column suggestion_status varchar(10) not null default 'NEW'
    check (suggestion_status in ('NEW', 'PUBLISHED', 'HIDDEN'));
create index survey_response_published on survey_response (office_id, answered_on)
  where suggestion_status = 'PUBLISHED';

-- The rencana tindak lanjut of an office for one reporting period (a month, quarter, semester or
-- year, as in Period): one plan per office and period.
create table survey_follow_up (
  id uuid primary key,
  office_id uuid not null references office (id),
  period_kind varchar(10) not null check (period_kind in ('MONTH', 'QUARTER', 'SEMESTER', 'YEAR')),
  period_year int not null check (period_year between 2000 and 2999),
  period_number int not null check (period_number between 1 and 12),
  updated_at timestamptz not null,
  unique (office_id, period_kind, period_year, period_number)
);

-- An item of a plan: the element it improves, the programme, when, the officer responsible, and
-- later what was done (status and realisation), shown in the next period's report.
create table survey_follow_up_item (
  follow_up_id uuid not null references survey_follow_up (id) on delete cascade,
  position int not null check (position between 0 and 19),
  element varchar(12) not null check (element in ('persyaratan', 'prosedur', 'waktu', 'biaya',
    'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana')),
  programme varchar(500) not null,
  timeframe varchar(100) not null,
  responsible varchar(150) not null,
  status varchar(12) not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE')),
  realisation varchar(1000),
  primary key (follow_up_id, position)
);
