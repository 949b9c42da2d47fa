-- The application form (formulir permohonan) of each service: ordered questions specific to the
-- service. The resident's identity (NIK, name, birth, address, contact) is asked by the application
-- flow for every service and is not repeated here.
create table form_field (
  id uuid primary key,
  office_id uuid not null references office (id),
  service_type_id uuid not null references service_type (id) on delete cascade,
  position integer not null,
  field_key varchar(40) not null,           -- snake_case, the name of the answer
  type varchar(20) not null,                -- FieldType
  label_id varchar(200) not null,
  label_en varchar(200) not null,
  help_id varchar(500),
  help_en varchar(500),
  required boolean not null default true,
  limits jsonb not null default '{}',       -- minLength, maxLength, minNumber, maxNumber, pattern, patternMessageId/En, minDays, maxDays
  options jsonb not null default '[]',      -- [{"value", "labelId", "labelEn"}] for CHOICE and MULTIPLE_CHOICE
  condition_key varchar(40),                -- shown only when the earlier field with this key ...
  condition_value varchar(100),             -- ... has this answer (or includes it)
  version integer not null default 0,
  unique (service_type_id, field_key)
);
create index form_field_service on form_field (office_id, service_type_id, position);
