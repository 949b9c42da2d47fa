-- An optional e-mail address per staff account: where the daily digest (office admins, verifiers,
-- front office) and the signers' notice of letters awaiting signature go. Set by the office admin
-- (or the regency admin for an office's first admin) and by the officer on their account page.
alter table staff add column email varchar(254);
