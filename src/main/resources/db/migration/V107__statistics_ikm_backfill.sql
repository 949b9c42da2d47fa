-- The IKM counts (V105) of the survey responses stored before the statistics module heard of them
-- through SurveyAnswered: each response not yet in stat_survey is recorded there and its scores
-- are added as the listener (statistics.internal.SurveyFigures) adds them: at the office and at its
-- regency, for the service named (if any) and for all services; the office's "all services" counts
-- also to its stat_total row. Counting only the responses this statement records, it may run again
-- (the tests do) without counting any response twice.
with added as (
  insert into stat_survey (response_id, office_id, month)
  select id, office_id, cast(date_trunc('month', answered_on) as date)
  from survey_response
  on conflict do nothing
  returning response_id, month
),
responses as (
  select r.office_id, o.regency_id, r.service_id, a.month, r.persyaratan, r.prosedur, r.waktu,
         r.biaya, r.produk, r.kompetensi, r.perilaku, r.pengaduan, r.sarana
  from added a
  join survey_response r on r.id = a.response_id
  join office o on o.id = r.office_id
),
grains as (
  -- the office and the regency, each for the service named and for all services
  select g.scope_id, g.is_office, g.service_id, r.month, r.persyaratan, r.prosedur, r.waktu,
         r.biaya, r.produk, r.kompetensi, r.perilaku, r.pengaduan, r.sarana
  from responses r
  cross join lateral (values
    (r.office_id, true, '00000000-0000-0000-0000-000000000000'::uuid),
    (r.regency_id, false, '00000000-0000-0000-0000-000000000000'::uuid),
    (r.office_id, true, r.service_id),
    (r.regency_id, false, r.service_id)) g(scope_id, is_office, service_id)
  where g.service_id is not null
),
sums as (
  select scope_id, is_office, service_id, month, m.measure, sum(m.n) as n
  from grains
  cross join lateral (values
    ('IKM_RESPONDENTS', 1),
    ('IKM_PERSYARATAN', persyaratan),
    ('IKM_PROSEDUR', prosedur),
    ('IKM_WAKTU', waktu),
    ('IKM_BIAYA', biaya),
    ('IKM_PRODUK', produk),
    ('IKM_KOMPETENSI', kompetensi),
    ('IKM_PERILAKU', perilaku),
    ('IKM_PENGADUAN', pengaduan),
    ('IKM_SARANA', sarana)) m(measure, n)
  group by scope_id, is_office, service_id, month, m.measure
),
counted as (
  insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
  select scope_id, month, measure, service_id, 'ALL', '00000000-0000-0000-0000-000000000000', n
  from sums
  on conflict (scope_id, village_id, month, measure, service_id, channel)
  do update set n = stat_count.n + excluded.n
  returning 1
)
insert into stat_total (scope_id, month, counts)
select scope_id, month, jsonb_object_agg(measure, n)
from sums
where is_office and service_id = '00000000-0000-0000-0000-000000000000'
group by scope_id, month
on conflict (scope_id, month) do update set counts = stat_total_add(stat_total.counts, excluded.counts);
