-- Electronic signatures: the deployment's certificate authority, the signers' keys and the
-- lock-out after wrong passphrases. Private keys are stored only encrypted (PBKDF2-HMAC-SHA256,
-- AES-256-GCM): the CA's under layanan.letters.ca-secret, a signer's under their passphrase.

-- The one certificate authority of the deployment, shared by every node (id is always 1: the
-- first node to start inserts it, the others read it).
create table signing_authority (
  id smallint primary key check (id = 1),
  subject varchar(300) not null,
  certificate bytea not null,          -- X.509, DER
  sealed_key bytea not null,           -- PKCS#8 private key, encrypted
  created_at timestamptz not null
);

-- A signer's key pair and the certificate the CA issued for it; replaced when the passphrase is
-- forgotten (the old certificate is kept in letters already signed).
create table signing_key (
  staff_id uuid primary key references staff (id),
  office_id uuid not null references office (id),
  certificate bytea not null,          -- X.509, DER
  sealed_key bytea not null,           -- PKCS#8 private key, encrypted under the passphrase
  created_at timestamptz not null,
  replaced_at timestamptz
);
create index signing_key_office on signing_key (office_id);

-- The signer's NIK for a remote signing service (layanan.letters.signer.kind=remote).
create table signing_remote_identity (
  staff_id uuid primary key references staff (id),
  office_id uuid not null references office (id),
  nik char(16) not null,
  updated_at timestamptz not null
);

-- Wrong passphrases in a row; the fifth locks signing for a while. Written in its own transaction.
create table signing_lockout (
  staff_id uuid primary key references staff (id),
  office_id uuid not null references office (id),
  wrong_attempts integer not null default 0,
  locked_until timestamptz
);
