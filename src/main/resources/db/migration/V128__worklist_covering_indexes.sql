-- The worklist at 5,000,000 applications, second round (ADR 0035). Two filters do not read their
-- rows in deadline order: "assigned to me" (or to a given officer) starts from the officer's
-- assignments, the name search from the names that start with the text. Each picks the page's 25
-- keys first from indexes alone (an index-only scan) and then reads only those 25 rows, instead of
-- reading every candidate row from the table to sort them.
--
-- Built CONCURRENTLY like V119: writes go on meanwhile; each build is preceded by dropping a
-- half-built index of the same name, so the migration can be run again after `flyway repair`.

-- the officer's assignments with the application's id, read without the table
drop index concurrently if exists casework_assignment_staff_application;
create index concurrently casework_assignment_staff_application
  on casework_assignment (office_id, staff_id, application_id);
-- the index above starts with the same columns
drop index concurrently if exists casework_assignment_staff;

-- the office's open applications by id, with what the page's order and the status filter need
drop index concurrently if exists application_open_id;
create index concurrently application_open_id on application (office_id, id)
  include (deadline, status)
  where status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION');

-- the name search: the start of the name within the office, with the order's columns, the name
-- itself (PostgreSQL reads an indexed expression's column from the index only when the column is
-- in it) and the status and village an officer narrows a search by (a village operator always)
drop index concurrently if exists application_name_page;
create index concurrently application_name_page
  on application (office_id, lower(name) text_pattern_ops)
  include (deadline, id, name, status, village_id);
-- the index above has the same key
drop index concurrently if exists application_name;
