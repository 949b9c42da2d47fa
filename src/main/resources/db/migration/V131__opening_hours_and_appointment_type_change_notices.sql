-- The public site keeps an office's opening hours (the lines of its office page, the hours a booking
-- offers) and whether it takes appointments in memory until they change (catalog.web.SiteData,
-- shared.db.TableChanges, ADR 0032): a change made by any node, a migration or by hand is announced
-- on table_changes when its transaction commits. Offices change both seldom.
create trigger opening_hours_changes
  after insert or update or delete or truncate on opening_hours
  for each statement execute function notify_table_change();
create trigger appointment_type_changes
  after insert or update or delete or truncate on appointment_type
  for each statement execute function notify_table_change();
