-- Statistics (issue 18, ADR 0023): the IKM as monthly counts, and the office-wide totals the
-- regency's table of all its offices reads.
--
-- The survey responses the statistics module has counted (from the surveys module's SurveyAnswered
-- events, or from V107's backfill of the responses stored before), once each. Their nine elements'
-- sums and the respondents are counts of stat_count (IKM_RESPONDENTS, IKM_PERSYARATAN, ...) at the
-- office and the regency, for the service named and for all.
create table stat_survey (
  response_id uuid primary key,
  office_id uuid not null references office (id),
  month date not null
);

-- An office's monthly counts of "all services, all villages" in one row: the counts of every
-- measure (key: the measure's name), the applications received per channel (RECEIVED:ONLINE, ...)
-- and the finished applications per working days taken (D:3 = took 3 working days). The same
-- numbers as the office's rows of stat_count and stat_duration at those grains, kept in the same
-- transaction; the regency's table of its offices reads 12 rows per office instead of hundreds.
create table stat_total (
  scope_id uuid not null,
  month date not null,
  counts jsonb not null,
  primary key (scope_id, month)
);

-- Adds two sets of counts key by key.
create function stat_total_add(a jsonb, b jsonb) returns jsonb language sql immutable as $$
  select coalesce(jsonb_object_agg(k, coalesce((a ->> k)::bigint, 0) + coalesce((b ->> k)::bigint, 0)),
                  '{}'::jsonb)
  from (select jsonb_object_keys(a) union select jsonb_object_keys(b)) keys(k)
$$;
