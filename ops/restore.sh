#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a new, empty database and an empty blob store, then checks
# that every document, thumbnail and letter the restored database names is in the store with the
# SHA-256 recorded for it. Reads the target from the same settings as the application:
# SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD (or DATABASE_URL), LAYANAN_DOCUMENTS_STORE and
# LAYANAN_DOCUMENTS_DIR; PG_BIN names the folder of pg_restore and psql when they are not on the
# PATH. Start the application on the restored database and store afterwards.
#
#   createdb -O layanan layanan            (a new database, owned by the application's user)
#   ops/restore.sh /srv/backup/layanan-20261204T221500Z
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || fail "usage: ops/restore.sh <backup folder>"
backup="$1"
[ -f "$backup/database.dump" ] || fail "$backup holds no database.dump: not a backup of ops/backup.sh"
[ -f "$backup/manifest.sha256" ] || fail "$backup has no manifest.sha256: the backup did not finish; take another one"

echo "Checking the backup's SHA-256s ..."
if ! bad=$(cd "$backup" && sha256sum --check --quiet --strict manifest.sha256 2>&1); then
  fail "the backup is damaged, these files differ from its manifest:
$bad"
fi

database_from_settings
store_from_settings
tool_for_server pg_restore
PG_RESTORE="$TOOL"
tables=$(query "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")
[ "$tables" -eq 0 ] ||
  fail "the database already holds $tables tables: restore into a new, empty database (createdb), never over a running one"
if [ "$STORE" = filesystem ]; then
  # (the application creates .incoming for unfinished writes; a blob lives in a two-letter folder)
  if [ -d "$BLOBS" ] && [ -n "$(find "$BLOBS" -mindepth 1 -maxdepth 1 -name '[0-9a-f][0-9a-f]' -print -quit)" ]; then
    fail "$BLOBS is not empty: restore into an empty documents folder (LAYANAN_DOCUMENTS_DIR)"
  fi
  [ -d "$backup/blobs" ] || fail "$backup has no blobs folder: it was taken with the S3 store"
fi

echo "Restoring the database ..."
if ! "$PG_RESTORE" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DB_URL" "$backup/database.dump"; then
  fail "pg_restore failed (above); the database is left as it was (one transaction). A dump of a newer pg_dump needs a pg_restore of at least that version (backup.txt names it)."
fi

if [ "$STORE" = filesystem ]; then
  echo "Copying the blobs to $BLOBS ..."
  mkdir -p "$BLOBS"
  cp -a "$backup/blobs/." "$BLOBS/"
  stored() { blob_path "$BLOBS" "$1"; }
  where="$BLOBS"
elif [ -d "$backup/bucket" ]; then
  # the bucket's objects as the README's "aws s3 sync" copied them: bucket/<key>
  stored() { echo "$backup/bucket/$1"; }
  where="$backup/bucket (copy it to the bucket: aws s3 sync $backup/bucket/ s3://<bucket>/blobs/)"
else
  echo "Database restored. $backup/bucket is missing: the blobs were not checked." >&2
  exit 0
fi

checked=0
missing=0
differ=0
while read -r key sha; do
  checked=$((checked + 1))
  file=$(stored "$key")
  if [ ! -f "$file" ]; then
    echo "missing blob $key" >&2
    missing=$((missing + 1))
  elif [ "$sha" != "-" ] && [ "$(sha256sum "$file" | cut -d ' ' -f 1)" != "$sha" ]; then
    echo "blob $key differs from the SHA-256 its row recorded" >&2
    differ=$((differ + 1))
  fi
done < <(referenced_blobs)
[ "$missing" -eq 0 ] && [ "$differ" -eq 0 ] ||
  fail "restored, but $missing blob(s) are missing and $differ differ from their SHA-256 (listed above)"
echo "Restore complete: the $checked blobs the database names are in $where with their SHA-256."
