-- "Closing soon" (issue 14, item 6): the last day of the reporter's window after the answer for
-- which the reminder was sent, so each window gets one reminder whatever the job's runs.
alter table complaint add column closing_notice_for date;
