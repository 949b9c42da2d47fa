-- Rate limits shared by every node (shared.web.RateLimits): one row per limit and client, the
-- client's key (an address, a contact, a tracking code) stored only as its SHA-256. tat is the
-- "theoretical arrival time" of the generic cell rate algorithm: the client may go on while
-- tat + one interval stays within one period from now. A row whose tat has passed says nothing a
-- missing row would not, and RateLimits.purge deletes it.
create table rate_limit (
  name   text        not null,
  client bytea       not null,
  tat    timestamptz not null,
  primary key (name, client)
);
create index rate_limit_tat on rate_limit (tat);
