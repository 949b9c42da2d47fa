-- Retention: the nightly purges delete old rows in batches of 1,000, oldest first.
--
-- Sent and failed messages past layanan.notifications.retention (NotificationPurge), by the time
-- they were written, across every office. The predicates match the purge's queries word for word,
-- so the planner can use these partial indexes; pending messages are in neither.
create index notification_finished on notification (created_at)
  where status in ('SENT', 'FAILED');
-- the portal's sign-in code messages (kind otp, OneTimeCodeMessages.KIND) go after a day: without
-- an index of their own each night would walk every finished message between one day and the
-- retention to find them
create index notification_finished_otp on notification (created_at)
  where kind = 'otp' and status in ('SENT', 'FAILED');

-- The portal's sign-in codes are purged by expires_at, which portal_code_request_expiry (V43)
-- already indexes. portal_session gets no index on purpose: every portal request updates
-- last_seen_at, and an index on it would cost that update its HOT path, while the nightly purge
-- keeps the table at about a day of sign-ins, which a scan reads at once.
