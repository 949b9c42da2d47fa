-- Assisted intake: an officer enters an application for a walk-in resident at the kecamatan counter
-- (channel COUNTER) or at the village office (channel VILLAGE). The assisting officer is kept on the
-- application (and on the staff draft it is made from) with the name as it was then, which the
-- resident sees on the status page and the receipt.
alter table application add column assisting_staff_id uuid references staff (id);
alter table application add column assisting_officer varchar(150);

alter table application_draft add column channel varchar(10) not null default 'ONLINE';
alter table application_draft add column assisting_staff_id uuid references staff (id);
alter table application_draft add column assisting_officer varchar(150);
