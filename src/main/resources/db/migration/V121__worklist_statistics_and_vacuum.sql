-- The worklist's index-only reads (V120, ADR 0035).
--
-- An officer works in one office: without this the planner multiplies the selectivity of the
-- office and of the officer and expects about one assignment of an officer where there are
-- hundreds, and then looks up each application in the table instead of reading both indexes.
create statistics casework_assignment_office_staff (dependencies)
  on office_id, staff_id from casework_assignment;
analyze casework_assignment;

-- An index-only scan reads a row from the table unless the visibility map marks its page as
-- visible to everyone, which a vacuum does. By default autovacuum waits for 20 % of a table to
-- change (a million rows at 5,000,000 applications: months), and the worklist's open applications
-- are the newest and most changed rows. 0.2 % plus 1,000 (11,000 changes at 5,000,000, about a
-- day of a large regency's intake and decisions) keeps most of them marked; a vacuum reads only
-- the pages changed since the one before, and skips the indexes while few pages hold dead rows.
alter table application set (
  autovacuum_vacuum_scale_factor = 0.002,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0.002,
  autovacuum_vacuum_insert_threshold = 1000);
alter table casework_assignment set (
  autovacuum_vacuum_scale_factor = 0.002,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0.002,
  autovacuum_vacuum_insert_threshold = 1000);
