-- The resident portal: one-time sign-in codes and the portal sessions. A code is stored only as a
-- SHA-256 of the request id and the code (the request id lives in the asking browser's session);
-- a session row lets "sign out everywhere" end every session of a contact.
create table portal_code_request (
  id uuid primary key,
  contact varchar(254) not null,          -- 62812... or a lower-case e-mail address
  code_hash char(64) not null,
  link_hash char(64),                     -- the magic link's token, e-mail only
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,    -- wrong codes so far
  used_at timestamptz
);
create index portal_code_request_expiry on portal_code_request (expires_at);

create table portal_session (
  id uuid primary key,
  contact varchar(254) not null,
  http_session varchar(100) not null,     -- the Spring Session id, to delete it on sign-out
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at timestamptz
);
create index portal_session_contact on portal_session (contact) where ended_at is null;
