-- Statistics by officer (issue 18, ADR 0023): the officer an application is assigned to (from the
-- casework module's ApplicationAssigned events) and when, so that a later assignment handled first
-- is not overwritten by an earlier one. The application's counts are also kept with the officer's
-- staff id as their scope (like an office's, without the regency), so the dashboard's officer
-- filter reads one row per month and measure too.
alter table stat_application add column assignee_id uuid, add column assigned_at timestamptz;
