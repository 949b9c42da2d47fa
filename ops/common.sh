# Shared by ops/backup.sh and ops/restore.sh: the database and the blob store from the same
# settings the application reads (environment variables), and the PostgreSQL client tools.
# shellcheck shell=bash

fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# The PostgreSQL client tools: PG_BIN (a bin folder, e.g. /usr/lib/postgresql/17/bin) or the PATH.
pg_tool() {
  local tool="$1"
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/$tool" ] || fail "$PG_BIN/$tool is missing (PG_BIN names the folder of the PostgreSQL client tools)"
    echo "$PG_BIN/$tool"
  else
    command -v "$tool" >/dev/null 2>&1 ||
      fail "$tool is missing: install the PostgreSQL client of the server's version (Debian: postgresql-client-15) or set PG_BIN"
    command -v "$tool"
  fi
}

# Sets DB_URL (a libpq URL without the password), PGUSER and PGPASSWORD from SPRING_DATASOURCE_URL,
# SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, or from DATABASE_URL.
database_from_settings() {
  if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    case "$SPRING_DATASOURCE_URL" in
      jdbc:postgresql://*) ;;
      *) fail "SPRING_DATASOURCE_URL must be jdbc:postgresql://host:port/database (it is not)" ;;
    esac
    local rest="${SPRING_DATASOURCE_URL#jdbc:}"
    local query=""
    case "$rest" in
      *\?*) query="${rest#*\?}"; rest="${rest%%\?*}" ;;
    esac
    # of the JDBC driver's parameters only the TLS mode means the same to libpq
    local sslmode
    sslmode=$(printf '%s' "$query" | tr '&' '\n' | sed -n 's/^sslmode=//p' | head -n 1)
    DB_URL="$rest${sslmode:+?sslmode=$sslmode}"
    export PGUSER="${SPRING_DATASOURCE_USERNAME:-${PGUSER:-}}"
    export PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
  elif [ -n "${DATABASE_URL:-}" ]; then
    case "$DATABASE_URL" in
      postgres://*|postgresql://*) ;;
      *) fail "DATABASE_URL must be postgres://user:password@host:port/database (it is not)" ;;
    esac
    # libpq reads the user and password in the URL itself
    DB_URL="$DATABASE_URL"
  else
    fail "no database: set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) or DATABASE_URL as for the application. The embedded database of a single machine (data/pg) is backed up by stopping the application and copying that folder."
  fi
}

# Sets STORE (filesystem or s3) and BLOBS (the folder of the filesystem store's blobs).
store_from_settings() {
  STORE="${LAYANAN_DOCUMENTS_STORE:-filesystem}"
  case "$STORE" in
    filesystem|s3) ;;
    *) fail "LAYANAN_DOCUMENTS_STORE must be filesystem or s3 (it is '$STORE')" ;;
  esac
  BLOBS="${LAYANAN_DOCUMENTS_DIR:-./data/documents}/blobs"
}

# Runs one query in the database and prints its rows, fields separated by a space.
query() {
  "$(pg_tool psql)" -X -q -At -F ' ' -v ON_ERROR_STOP=1 -d "$DB_URL" -c "$1"
}

# The server's major version, e.g. 15.
server_major() {
  query "show server_version_num" | awk '{ print int($1 / 10000) }'
}

# The major version of a client tool, e.g. 15.
tool_major() {
  "$1" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/' | head -n 1
}

# Finds a client tool (pg_dump, pg_restore) and stops unless it is at least the server's version;
# sets TOOL, SERVER_MAJOR and TOOL_MAJOR.
tool_for_server() {
  TOOL=$(pg_tool "$1")
  SERVER_MAJOR=$(server_major) || fail "cannot reach the database (the message above says why)"
  TOOL_MAJOR=$(tool_major "$TOOL")
  [ "$TOOL_MAJOR" -ge "$SERVER_MAJOR" ] ||
    fail "$1 $TOOL_MAJOR cannot work with PostgreSQL $SERVER_MAJOR: install the client tools of version $SERVER_MAJOR or newer (Debian: postgresql-client-$SERVER_MAJOR) and set PG_BIN"
}

# The blob keys the database names, with the SHA-256 recorded for it (or "-" where none is):
# documents, their thumbnails, the signed letters' PDFs and the published monthly reports' files.
referenced_blobs() {
  query "select blob_key, sha256 from document
         union all select thumbnail_key, '-' from document where thumbnail_key is not null
         union all select pdf_key, sha256 from letter where pdf_key is not null
         union all select xlsx_key, xlsx_sha256 from stat_report where xlsx_key is not null
         union all select pdf_key, pdf_sha256 from stat_report where pdf_key is not null
         order by 1"
}

# The path of a key in the filesystem store: <blobs>/<first two characters>/<key>.
blob_path() {
  echo "$1/${2:0:2}/$2"
}
