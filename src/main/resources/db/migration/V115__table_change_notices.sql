-- Every node keeps the public site's data (offices, regencies, the catalogue, announcements) in
-- memory until they change (shared.db.TableChanges, ADR 0032). A change made by any node, a
-- migration or by hand is announced to all nodes on the channel table_changes when its transaction
-- commits; PostgreSQL sends one notice per table and transaction, however many rows. Only tables
-- that change seldom: a transaction that notifies takes a database-wide lock while it commits, so a
-- table written by every submission (service_demand) is read, not watched.
create function notify_table_change() returns trigger
  language plpgsql as
$$
begin
  perform pg_notify('table_changes', tg_table_name);
  return null;
end;
$$;

create trigger regency_changes after insert or update or delete or truncate on regency
  for each statement execute function notify_table_change();
create trigger office_changes after insert or update or delete or truncate on office
  for each statement execute function notify_table_change();
create trigger service_type_changes after insert or update or delete or truncate on service_type
  for each statement execute function notify_table_change();
create trigger requirement_changes after insert or update or delete or truncate on requirement
  for each statement execute function notify_table_change();
create trigger announcement_changes after insert or update or delete or truncate on announcement
  for each statement execute function notify_table_change();
