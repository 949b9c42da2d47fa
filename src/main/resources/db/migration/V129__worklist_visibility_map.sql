-- The worklist's index-only reads (V128, ADR 0035).
--
-- An index-only scan reads a row from the table unless the visibility map marks its page as
-- visible to everyone, which a vacuum does. By default autovacuum waits for 20 % of a table to
-- change (a million rows at 5,000,000 applications), and the worklist's open applications
-- are the newest and most changed rows. 0.2 % plus 1,000 (11,000 changes or new rows at
-- 5,000,000) keeps most of them marked; a vacuum reads only the pages changed since the one
-- before, and skips the indexes while few pages hold dead rows. ALTER TABLE ... SET takes a lock
-- that lets reads and writes go on.
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
