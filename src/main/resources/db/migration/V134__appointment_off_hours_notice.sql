-- A booking the office no longer serves (a closed day entered or the opening hours changed after it
-- was booked) is told so once per slot (appointments.OffHoursNotices, ADR 0051): off_hours_slot is
-- the day and time the resident was told about ('2026-12-24 08:00'), so entering the day again or
-- saving the hours again sends nothing, and a booking moved to a slot closed later is told again.
-- The message links to the booking's page with a secret of its own (only its hash is kept, like
-- manage_hash): the confirmation's secret is not stored.
alter table appointment
  add column off_hours_slot text,
  add column off_hours_hash char(64) unique;
