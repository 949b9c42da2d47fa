-- V107's backfill of the IKM counts for the offices' typed totals (stat_office_total, V108), which
-- replaced stat_total: each survey response not yet in stat_survey is recorded there and its scores
-- are added as the listener (statistics.internal.SurveyFigures) adds them: at the office and at its
-- regency, for the service named (if any) and for all services; the office's "all services" counts
-- also to its stat_office_total row. After V107 every stored response is recorded, so on a
-- database migrated in order this counts nothing; counting only the responses it records, it may
-- run again (the tests and the benchmark run it on responses written straight into the table)
-- without counting any response twice.
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
insert into stat_office_total (scope_id, month, ikm_respondents, ikm_persyaratan, ikm_prosedur, ikm_waktu, ikm_biaya, ikm_produk, ikm_kompetensi, ikm_perilaku, ikm_pengaduan, ikm_sarana)
select scope_id, month,
       coalesce(sum(n) filter (where measure = 'IKM_RESPONDENTS'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_PERSYARATAN'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_PROSEDUR'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_WAKTU'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_BIAYA'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_PRODUK'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_KOMPETENSI'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_PERILAKU'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_PENGADUAN'), 0),
       coalesce(sum(n) filter (where measure = 'IKM_SARANA'), 0)
from sums
where is_office and service_id = '00000000-0000-0000-0000-000000000000'
group by scope_id, month
on conflict (scope_id, month) do update set
  ikm_respondents = stat_office_total.ikm_respondents + excluded.ikm_respondents,
  ikm_persyaratan = stat_office_total.ikm_persyaratan + excluded.ikm_persyaratan,
  ikm_prosedur = stat_office_total.ikm_prosedur + excluded.ikm_prosedur,
  ikm_waktu = stat_office_total.ikm_waktu + excluded.ikm_waktu,
  ikm_biaya = stat_office_total.ikm_biaya + excluded.ikm_biaya,
  ikm_produk = stat_office_total.ikm_produk + excluded.ikm_produk,
  ikm_kompetensi = stat_office_total.ikm_kompetensi + excluded.ikm_kompetensi,
  ikm_perilaku = stat_office_total.ikm_perilaku + excluded.ikm_perilaku,
  ikm_pengaduan = stat_office_total.ikm_pengaduan + excluded.ikm_pengaduan,
  ikm_sarana = stat_office_total.ikm_sarana + excluded.ikm_sarana;
