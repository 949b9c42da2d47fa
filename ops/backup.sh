#!/usr/bin/env bash
# Backs up Layanan Kecamatan: the database (pg_dump, custom format) and the filesystem blob store's
# documents and letters, with a manifest of SHA-256s. Reads the same settings as the application:
# SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD (or DATABASE_URL), LAYANAN_DOCUMENTS_STORE and
# LAYANAN_DOCUMENTS_DIR. PG_BIN names the folder of pg_dump when it is not on the PATH; its version
# must be at least the server's. With LAYANAN_DOCUMENTS_STORE=s3 only the database is backed up and
# the bucket is copied as the README ("Backup and restore") says.
#
#   ops/backup.sh /srv/backup        -> /srv/backup/layanan-20261204T221500Z/
#
# The folder holds database.dump, blobs/<ab>/<key> (filesystem store), blob-keys.txt (every blob the
# database names, with its SHA-256), backup.txt and manifest.sha256 (last, so a folder without one is
# an unfinished backup). The application may keep running: pg_dump reads one consistent snapshot,
# and the blobs are copied after it, so every blob the dump names is there (blobs are never changed,
# only added, and deleted only once no row names them).
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || fail "usage: ops/backup.sh <folder for backups>"
[ -d "$1" ] || fail "$1 is not a folder"

database_from_settings
store_from_settings
tool_for_server pg_dump
PG_DUMP="$TOOL" server="$SERVER_MAJOR" client="$TOOL_MAJOR"
if [ "$STORE" = filesystem ]; then
  [ -d "$BLOBS" ] || fail "$BLOBS is missing: set LAYANAN_DOCUMENTS_DIR as for the application"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$1/layanan-$stamp"
mkdir "$target" || fail "cannot create $target"
trap 'echo "backup failed: $target is incomplete (no manifest.sha256)" >&2' ERR

echo "Dumping the database (PostgreSQL $server, pg_dump $client) ..."
"$PG_DUMP" --format=custom --compress=6 --no-owner --no-privileges \
  --file="$target/database.dump" --dbname="$DB_URL"
# read after the dump and before the copy: a row's blob is stored before the row commits, so
# every blob named here is in the copy below
referenced_blobs >"$target/blob-keys.txt"

if [ "$STORE" = filesystem ]; then
  echo "Copying the blobs of $BLOBS ..."
  mkdir "$target/blobs"
  # every two-letter folder; .incoming holds unfinished writes and is left out
  find "$BLOBS" -mindepth 1 -maxdepth 1 -type d -name '[0-9a-f][0-9a-f]' -print0 |
    xargs -0 -r cp -a -t "$target/blobs"
  missing=0
  while read -r key _; do
    [ -f "$(blob_path "$target/blobs" "$key")" ] || { echo "missing blob $key" >&2; missing=$((missing + 1)); }
  done <"$target/blob-keys.txt"
  [ "$missing" -eq 0 ] || fail "$missing blob(s) named by the database are not in $BLOBS: the store and the database do not match"
fi

documents=$(grep -c . "$target/blob-keys.txt" || true)
{
  echo "created: $stamp"
  echo "postgresql: $server"
  echo "pg_dump: $client"
  echo "store: $STORE"
  echo "blobs named by the database: $documents"
} >"$target/backup.txt"
(cd "$target" && find . -type f ! -name 'manifest.sha256*' -printf '%P\n' | sort | xargs -r -d '\n' sha256sum >manifest.sha256.part &&
  mv manifest.sha256.part manifest.sha256)
trap - ERR
echo "Backup complete: $target ($documents blobs named by the database, $(du -sh "$target" | cut -f1))"
if [ "$STORE" = s3 ]; then
  echo "The bucket is not in this backup: copy it now as the README says (Backup and restore, S3)."
fi
