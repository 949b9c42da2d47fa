-- The complaints worklist filtered by a village walks this in deadline order within the office
-- (as the category filter walks complaint_worklist_category, V61); a search by words finds its
-- complaints through the text index instead of reading the office's complaints one by one
-- (docs/performance.md, complaints worklist).
create index complaint_worklist_village on complaint (office_id, village_id, due, id);
create index complaint_words on complaint using gin (to_tsvector('simple', description));
