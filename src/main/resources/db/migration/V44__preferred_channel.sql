-- How the resident wants to hear about the application: WhatsApp or SMS to the phone number, or
-- e-mail. Null when the applicant chose none: applications made before the choice existed, or at
-- the counter without any contact; the messages then take the default (WhatsApp with a phone, else
-- e-mail).
alter table application add column preferred_channel varchar(10)
  check (preferred_channel in ('WHATSAPP', 'SMS', 'EMAIL'));

-- A message may carry a fallback: the same message by e-mail, HELD until the first one fails for
-- good (then PENDING and sent) or is sent (then deleted).
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
  check (status in ('PENDING', 'SENT', 'FAILED', 'HELD'));
-- a purged message leaves its fallback alone (a held fallback's message is pending, never purged)
alter table notification add column fallback_for uuid references notification (id) on delete set null;
create index notification_fallback on notification (fallback_for) where fallback_for is not null;
