-- Issue 16: an application entered at the counter from a queue ticket records the visit, and the
-- ticket records the application. The application module keeps the ticket's id and number as it
-- was given by the counter (no foreign key: the modules meet through an event, see ADR 0029); the
-- counter writes the application's id and tracking code on its ticket when it hears of it.
alter table application_draft
  add column visit_ticket_id uuid,
  add column visit_label varchar(12);

create table application_visit (
  application_id uuid primary key references application (id) on delete cascade,
  office_id uuid not null references office (id),
  ticket_id uuid not null,
  ticket_label varchar(12) not null
);
create index application_visit_ticket on application_visit (ticket_id);

alter table ticket add column application_code varchar(20);
