-- The logo as the public site shows it (at most 96 pixels a side, beside the office's name): a
-- small PNG drawn from the stored logo when it is replaced, so a phone does not load the letter's
-- 1,000-pixel logo for a 48-pixel picture (Offices.WEB_LOGO_SIDE). Null for logos stored before: the full logo is served.
alter table office add column logo_web bytea;
