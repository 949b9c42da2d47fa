-- A letter number is printed once per office and year. The numbering settings refuse a scope whose
-- sequences the format cannot tell apart; this constraint is the backstop, so a signing that would
-- print a number a second time fails and rolls back instead of issuing it.
alter table letter
  add constraint letter_number_unique unique (office_id, number_year, number);
