-- Every node keeps the message templates a message is written from in memory until they change
-- (notifications.internal.MessageTemplates, shared.db.TableChanges, ADR 0032): a change made by any
-- node, a migration or by hand is announced on table_changes when its transaction commits. Offices
-- change their templates seldom.
create trigger notification_template_changes
  after insert or update or delete or truncate on notification_template
  for each statement execute function notify_table_change();
