-- Opening hours (jam layanan) of an office per weekday (ISO 1 = Monday .. 7 = Sunday), with one
-- break (istirahat) a day. A weekday without a row, or with opens null, is closed. Weekends,
-- holidays and closures of the working calendar close the office whatever this table says. An
-- office without any row has the default hours of OpeningHours.
create table opening_hours (
  office_id uuid not null references office (id),
  weekday smallint not null check (weekday between 1 and 7),
  opens time,
  closes time,
  break_starts time,
  break_ends time,
  primary key (office_id, weekday),
  check ((opens is null) = (closes is null)),
  check (opens is null or opens < closes),
  check ((break_starts is null) = (break_ends is null)),
  check (break_starts is null or (opens is not null and opens < break_starts
         and break_starts < break_ends and break_ends < closes))
);
