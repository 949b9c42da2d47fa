-- Statistics (issue 18, ADR 0023 fifth round): the offices' monthly totals in typed columns.
--
-- The regency's table of all its offices read stat_total (V105), one row per office and month with
-- its counts as a JSON object of about 40 keys: 6,000 rows and ~5 MB of text for 500 offices' year,
-- summed in Java. stat_office_total keeps the same numbers as one bigint column per measure (its
-- name in lower case), the applications received per channel (received_<channel>) and the finished
-- applications per working days taken as an array (days[1] took 0 working days, days[n + 1] took
-- n), so the table is summed by the database into one row per office.
create table stat_office_total (
  scope_id uuid not null,
  month date not null,
  received bigint not null default 0,
  finished bigint not null default 0,
  finished_on_time bigint not null default 0,
  approved bigint not null default 0,
  rejected bigint not null default 0,
  withdrawn bigint not null default 0,
  completion_requested bigint not null default 0,
  drafts_started bigint not null default 0,
  drafts_submitted bigint not null default 0,
  letters_signed bigint not null default 0,
  letters_verified bigint not null default 0,
  letters_revoked bigint not null default 0,
  complaints_received bigint not null default 0,
  complaints_answered bigint not null default 0,
  complaints_answered_on_time bigint not null default 0,
  ikm_respondents bigint not null default 0,
  ikm_persyaratan bigint not null default 0,
  ikm_prosedur bigint not null default 0,
  ikm_waktu bigint not null default 0,
  ikm_biaya bigint not null default 0,
  ikm_produk bigint not null default 0,
  ikm_kompetensi bigint not null default 0,
  ikm_perilaku bigint not null default 0,
  ikm_pengaduan bigint not null default 0,
  ikm_sarana bigint not null default 0,
  received_online bigint not null default 0,
  received_counter bigint not null default 0,
  received_village bigint not null default 0,
  days bigint[] not null default '{}',
  primary key (scope_id, month)
);

-- Adds two histograms of working days element by element (the longer one's length).
create function stat_days_add(a bigint[], b bigint[]) returns bigint[] language sql immutable as $$
  select coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i), '{}')
  from generate_series(1, greatest(coalesce(cardinality(a), 0), coalesce(cardinality(b), 0))) i
$$;

-- Replaced by stat_office_total (filled by V109 from the counts themselves).
drop table stat_total;
drop function stat_total_add(jsonb, jsonb);
