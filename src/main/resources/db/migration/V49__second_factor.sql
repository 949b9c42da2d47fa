-- The second factor of staff sign-in (TOTP, RFC 6238): one authenticator per account. The secret
-- is sealed (AES-256-GCM) under layanan.accounts.second-factor-secret, with the staff id as
-- associated data; confirmed_at is null until the officer typed a first code from the app.
-- last_step is the newest 30-second step used, so no code signs in twice.
create table staff_second_factor (
  staff_id uuid primary key references staff (id) on delete cascade,
  secret bytea not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  last_step bigint not null default 0,
  last_used_at timestamptz
);

-- One-time recovery codes, kept as SHA-256 hashes (each has 50 random bits).
create table staff_recovery_code (
  staff_id uuid not null references staff (id) on delete cascade,
  code_hash bytea not null,
  used_at timestamptz,
  primary key (staff_id, code_hash)
);
