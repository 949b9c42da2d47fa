-- The published monthly reports' files move out of the database into the blob store, like the
-- letters' PDFs in V98 (issue 19, ADR 0028): a new version keeps only the keys of its XLSX and PDF
-- blobs and their SHA-256; an existing one keeps its bytea until the move of inline files
-- (documents.internal.InlineFileMove) has stored it, checked its SHA-256 there and cleared the
-- column. Exactly one of bytes and key holds each file.
alter table stat_report add column xlsx_key varchar(64);
alter table stat_report add column pdf_key varchar(64);
alter table stat_report add column xlsx_sha256 char(64);
alter table stat_report add column pdf_sha256 char(64);
update stat_report set xlsx_sha256 = encode(sha256(xlsx), 'hex'), pdf_sha256 = encode(sha256(pdf), 'hex');
alter table stat_report alter column xlsx_sha256 set not null;
alter table stat_report alter column pdf_sha256 set not null;
alter table stat_report alter column xlsx drop not null;
alter table stat_report alter column pdf drop not null;
alter table stat_report add constraint stat_report_xlsx_stored check ((xlsx is null) <> (xlsx_key is null));
alter table stat_report add constraint stat_report_pdf_stored check ((pdf is null) <> (pdf_key is null));
create unique index stat_report_xlsx_key on stat_report (xlsx_key) where xlsx_key is not null;
create unique index stat_report_pdf_key on stat_report (pdf_key) where pdf_key is not null;
-- the files still to move, found without reading them
create index stat_report_xlsx_to_move on stat_report (published_at) where xlsx is not null;
create index stat_report_pdf_to_move on stat_report (published_at) where pdf is not null;
