-- The office-wide totals (stat_total, V105) of the counts kept before: the offices' rows of
-- stat_count and stat_duration at "all services, all villages".
insert into stat_total (scope_id, month, counts)
select scope_id, month, jsonb_object_agg(k, n)
from (
  select scope_id, month,
         case when channel = 'ALL' then measure else measure || ':' || channel end as k, n
  from stat_count
  where service_id = '00000000-0000-0000-0000-000000000000'
    and village_id = '00000000-0000-0000-0000-000000000000'
    and (channel = 'ALL' or measure = 'RECEIVED')
    and scope_id in (select id from office)
  union all
  select scope_id, month, 'D:' || days, n
  from stat_duration
  where service_id = '00000000-0000-0000-0000-000000000000'
    and village_id = '00000000-0000-0000-0000-000000000000'
    and channel = 'ALL'
    and scope_id in (select id from office)
) t
group by scope_id, month;
