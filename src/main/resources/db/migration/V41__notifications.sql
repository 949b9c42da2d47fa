-- Notifications: every message to a resident or officer, stored in the transaction that caused it
-- and delivered after it commits (or by the delivery job), at most once per channel, recipient and
-- idempotency key; every delivery attempt is kept.
create table notification (
  id uuid primary key,
  office_id uuid references office (id),          -- the office it speaks for; null for none (OTP)
  kind varchar(80) not null,                      -- e.g. application.submitted, letter.issued, otp
  channel varchar(10) not null check (channel in ('EMAIL', 'WHATSAPP', 'SMS')),
  recipient varchar(254) not null,                -- e-mail address, or phone number as 62812...
  subject varchar(200),
  text text not null,
  idempotency_key varchar(200) not null,
  status varchar(10) not null check (status in ('PENDING', 'SENT', 'FAILED')),
  sent_via varchar(10) check (sent_via in ('SMTP', 'HTTP', 'LOG')), -- LOG: no gateway configured
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error varchar(500),
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (channel, recipient, idempotency_key)
);
-- the delivery job's queue, and the office admin's message log
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_office on notification (office_id, created_at desc);

create table notification_attempt (
  id bigint generated always as identity primary key,
  notification_id uuid not null references notification (id) on delete cascade,
  at timestamptz not null,
  ok boolean not null,
  error varchar(500)
);
create index notification_attempt_notification on notification_attempt (notification_id, at);
