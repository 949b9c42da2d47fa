-- The public register of complaints (issue 14, item 7): an Anonim or Publik complaint appears only
-- after an officer approved the text to publish (possibly redacted); the reporter's description is
-- kept untouched beside it. A Rahasia complaint can never be published (the check below).

alter table complaint
  add column published_text text,
  add column published_at timestamptz,
  add column published_by varchar(200),
  add constraint complaint_rahasia_never_published
    check (published_at is null or privacy <> 'RAHASIA'),
  add constraint complaint_published_with_text
    check ((published_at is null) = (published_text is null));

create index complaint_register on complaint (office_id, published_at desc, id)
  where published_at is not null;
create index complaint_received_month on complaint (office_id, received_on);
