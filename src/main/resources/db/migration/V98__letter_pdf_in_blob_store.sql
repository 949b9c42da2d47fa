-- Issued letters' signed PDFs move out of the database into the blob store (issue 19, ADR 0028):
-- a new letter keeps only the key of its blob; an existing one keeps its bytea until
-- LetterPdfMove has stored it in the blob store, checked its SHA-256 there and cleared the column.
-- Exactly one of the two holds the PDF.
alter table letter add column pdf_key varchar(64);
alter table letter alter column pdf drop not null;
alter table letter add constraint letter_pdf_stored check ((pdf is null) <> (pdf_key is null));
create unique index letter_pdf_key on letter (pdf_key) where pdf_key is not null;
-- the letters still to move, found without reading the PDFs
create index letter_pdf_to_move on letter (signed_at) where pdf is not null;
