-- How often each service was asked for, per office and calendar month (Asia/Jakarta): the public
-- office page lists the most asked-for services first from the last 12 months of these rows (at
-- most 13 a service), so it reads a few hundred rows instead of counting applications per view.
-- Incremented in the transaction that stores a new application.
create table service_demand (
  office_id uuid not null references office (id),
  service_id uuid not null references service_type (id),
  month date not null,
  submitted integer not null default 0,
  primary key (office_id, service_id, month)
);

insert into service_demand (office_id, service_id, month, submitted)
select office_id, service_id, cast(date_trunc('month', submitted_at at time zone 'Asia/Jakarta') as date),
       count(*)
from application
group by 1, 2, 3;
