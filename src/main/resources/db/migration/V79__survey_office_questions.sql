-- Surveys: the office's own questions (issue 15), shown after the nine elements, reported apart and
-- never part of the index. See ADR 0022.
--
-- A question never changes once asked: changing one is retiring it and adding another, so every
-- answer points at the exact wording it answered (the office's part of the instrument's version).
create table survey_question (
  id uuid primary key,
  office_id uuid not null references office (id),
  position int not null,
  kind varchar(5) not null check (kind in ('SCALE', 'TEXT')),
  text varchar(300) not null,
  created_at timestamptz not null,
  retired_at timestamptz
);
create index survey_question_office on survey_question (office_id) where retired_at is null;

-- An answer to an office's question: a score 1-4 or a text, never both; optional, so a response may
-- have none.
create table survey_question_answer (
  response_id uuid not null references survey_response (id) on delete cascade,
  question_id uuid not null references survey_question (id),
  score smallint check (score between 1 and 4),
  text varchar(1000),
  primary key (response_id, question_id),
  check ((score is null) <> (text is null))
);
create index survey_question_answer_question on survey_question_answer (question_id);
