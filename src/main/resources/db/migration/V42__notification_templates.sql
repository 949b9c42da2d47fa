-- Message templates (templat pesan) per office, event kind and channel, and the preview outbox.

-- An office's own template of one kind of message on one channel; without one the shipped default
-- is used. Plain text with placeholders ({{pemohon.nama}}), checked when saved.
create table notification_template (
  office_id uuid not null references office (id),
  kind varchar(40) not null,
  channel varchar(10) not null check (channel in ('EMAIL', 'WHATSAPP', 'SMS')),
  subject varchar(200),                     -- e-mail only
  body text not null check (length(body) <= 2000),
  updated_at timestamptz not null,
  updated_by uuid references staff (id),
  version integer not null default 0,
  primary key (office_id, kind, channel)
);

