-- Standard texts (teks standar) per complaint category and status, inserted into an answer and
-- edited before sending; at most 20 per category and status (checked by the application).
create table complaint_standard_text (
  id uuid primary key,
  office_id uuid not null references office (id),
  category_id uuid not null references complaint_category (id),
  status varchar(20),                            -- the step it is for (ANSWERED, AWAITING_REPORTER, ...), null for any
  title varchar(120) not null,
  body text not null,
  position int not null default 0
);
create index complaint_standard_text_category on complaint_standard_text (office_id, category_id, position);

-- The worklist's search in the complaint's text (full-text, any language: the simple configuration).
create index complaint_text on complaint using gin (to_tsvector('simple', description));
create index complaint_worklist_category on complaint (office_id, category_id, due, id);
create index complaint_worklist_assignee on complaint (office_id, assignee_id, due, id);
