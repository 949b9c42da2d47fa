-- How the resident wants to hear about the application: WhatsApp or SMS to the phone number, or
-- e-mail. Null only when the applicant gave neither (possible at the counter). Applications made
-- before the choice existed get the default the messages used: WhatsApp with a phone, else e-mail.
alter table application add column preferred_channel varchar(10)
  check (preferred_channel in ('WHATSAPP', 'SMS', 'EMAIL'));
update application set preferred_channel = case
  when phone is not null then 'WHATSAPP'
  when email is not null then 'EMAIL'
end;

-- A message may carry a fallback: the same message by e-mail, HELD until the first one fails for
-- good (then PENDING and sent) or is sent (then deleted).
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
  check (status in ('PENDING', 'SENT', 'FAILED', 'HELD'));
alter table notification add column fallback_for uuid references notification (id) on delete cascade;
create index notification_fallback on notification (fallback_for) where fallback_for is not null;
