-- e-KTP cards (KTP-el), issue 16 item 9: a card's life per office from recording to pick-up.
-- Each step is a row of ktp_card_step (append-only); the card row keeps the current state.

create table ktp_card (
  id uuid primary key,
  office_id uuid not null references office (id),
  code varchar(20) not null unique,               -- the resident's code (tracking-code scheme)
  nik char(16) not null,
  name varchar(120) not null,
  kk char(16),
  phone varchar(20),
  phone_last4 char(4),
  email varchar(254),
  status varchar(24) not null,                    -- RECORDED .. PICKED_UP (KtpCardStatus)
  recorded_at timestamptz not null,
  status_at timestamptz not null,
  interim_letter_at timestamptz,                  -- surat keterangan pengganti KTP-el, latest
  interim_letter_number varchar(60),
  picked_up_by varchar(10),                       -- HOLDER or PROXY
  proxy_name varchar(120),
  proxy_nik char(16),
  authority_letter_id uuid references document (id),
  handed_over_by varchar(200),
  version int not null default 0,
  check (status in ('RECORDED', 'AWAITING_VERIFICATION', 'READY_TO_PRINT', 'PRINTED',
                    'READY_FOR_PICKUP', 'PICKED_UP')),
  check (picked_up_by is null or picked_up_by in ('HOLDER', 'PROXY')),
  check (picked_up_by <> 'PROXY' or (proxy_name is not null and proxy_nik is not null))
);
-- one card on its way per person and office: recording again waits until it is picked up
create unique index ktp_card_open_nik on ktp_card (office_id, nik) where status <> 'PICKED_UP';
create index ktp_card_worklist on ktp_card (office_id, status, status_at, id);

create table ktp_card_step (
  id bigserial primary key,
  card_id uuid not null references ktp_card (id),
  at timestamptz not null,
  step varchar(24) not null,                      -- a status, or INTERIM_LETTER
  actor varchar(200) not null,
  note varchar(300)
);
create index ktp_card_step_card on ktp_card_step (card_id, id);
