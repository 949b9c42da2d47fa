-- Issue 16 / ADR 0029: the self-service kiosks (kiosk_device) and the queue's ticket kiosks
-- (ticket_kiosk) were paired by two copies of one mechanism. One registry keeps both, told apart by
-- their purpose. The ticket kiosks move over with their token hashes (both stored the SHA-256 of
-- the token), so every enabled device keeps working; a ticket kiosk's pending six-digit code (an
-- office-bound hash, valid 15 minutes) does not carry over: such a device shows as expired and the
-- administrator makes a new code.
alter table kiosk_device add column purpose varchar(20) not null default 'SELF_SERVICE';
alter table kiosk_device alter column purpose drop default;
alter table kiosk_device alter column idle_seconds drop not null;
alter table kiosk_device add constraint kiosk_device_purpose
  check (purpose in ('SELF_SERVICE', 'TICKETS'));
alter table kiosk_device add constraint kiosk_device_idle
  check ((purpose = 'SELF_SERVICE') = (idle_seconds is not null));

insert into kiosk_device (id, office_id, purpose, label, idle_seconds, token_hash, created_at,
  created_by, enabled_at, revoked_at, revoked_by)
select k.id, k.office_id, 'TICKETS', k.name, null, k.token_hash, k.created_at,
  coalesce((select s.full_name || ' (' || s.username || ')' from staff s where s.id = k.enabled_by),
    'sistem'),
  k.enabled_at, k.revoked_at, case when k.revoked_at is null then null else 'sistem' end
from ticket_kiosk k;

drop table ticket_kiosk;

drop index kiosk_device_office;
create index kiosk_device_office on kiosk_device (office_id, purpose, created_at);
