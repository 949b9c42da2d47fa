#!/usr/bin/env bash
# Makes a node start faster: extracts the jar into a folder and trains a start of it there, so that
# the JVM keeps what it loaded (and, on JDK 25 or newer, how it linked and ran it) in an archive
# that every later start maps instead of loading the classes again. JDK 17-24: a class data
# sharing archive (app.jsa); JDK 25 and newer: the AOT cache (app.aot). Figures in
# docs/performance.md, "Start-up".
#
#   ops/start-archive.sh target/layanan-kecamatan-0.1.0-SNAPSHOT.jar /srv/layanan/app
#
# The training run is a real start with the settings of the environment (the same as the node's:
# the database, the documents store, the secrets), on port LAYANAN_TRAINING_PORT (18399): it waits
# for the first page, asks for the home page, an office page and a service page a few times, and
# stops the node cleanly (the archive is written when the JVM ends). With the embedded PostgreSQL
# run it while the node is stopped (its data directory takes one process at a time); against an
# external database the other nodes may keep running (the training node is one more node for
# half a minute). Start the node afterwards with the line printed at the end, using the same
# `java`: an archive of another jar or JDK is not used (the JVM warns and starts without it).
# A new jar needs a new training run. JAVA_OPTS (space separated) are the node's JVM options, such
# as the heap and the garbage collector of README "Sizing a node": the training runs with them and
# the start line carries them (an archive is made for the options it was trained with).
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 2 ] || fail "usage: ops/start-archive.sh <application jar> <folder for the extracted jar and the archive>"
jar="$1" folder="$2"
[ -f "$jar" ] || fail "$jar is not a file"
[ "$(head -c 2 "$jar")" = PK ] || fail "$jar is not a jar"
if [ -e "$folder" ] && [ -n "$(ls -A "$folder")" ]; then
  fail "$folder is not empty: give a new folder (a jar's archive is made once, next to its extracted copy)"
fi
JAVA="${JAVA:-java}"
read -r -a options <<<"${JAVA_OPTS:-}"
version=$({ "$JAVA" "${options[@]}" -XshowSettings:properties -version 2>&1 || true; } | sed -n 's/^ *java.specification.version = //p')
[ -n "$version" ] || fail "cannot run $JAVA${options[*]:+ ${options[*]}} (set JAVA to the java of the node, JAVA_OPTS to its options)"
[ "${version%%.*}" -ge 17 ] || fail "$JAVA is Java $version; the application needs 17 or newer"
command -v curl >/dev/null 2>&1 || fail "curl is missing (Debian: apt-get install curl)"
port="${LAYANAN_TRAINING_PORT:-18399}"

"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$folder" >/dev/null
app="$folder/$(basename "$jar")"
[ -f "$app" ] || fail "extracting $jar gave no $app"
if [ "${version%%.*}" -ge 25 ]; then
  archive="$folder/app.aot" record="-XX:AOTCacheOutput=$folder/app.aot" use="-XX:AOTCache=$folder/app.aot"
else
  archive="$folder/app.jsa" record="-XX:ArchiveClassesAtExit=$folder/app.jsa" use="-XX:SharedArchiveFile=$folder/app.jsa"
fi

log="$folder/training.log"
echo "Training a start of $app on port $port with Java $version (log: $log) ..."
PORT="$port" "$JAVA" "${options[@]}" "$record" -jar "$app" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
started=""
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || fail "the training node stopped; see $log"
  if curl -fs -o /dev/null "$base/"; then
    started=yes
    break
  fi
  sleep 0.5
done
[ -n "$started" ] || fail "the training node did not answer on $base/ within 5 minutes; see $log"

# the pages a start serves first: the home page, an office's page and one of its services
office=$(curl -fs "$base/" | grep -o 'href="/kecamatan/[a-z0-9-]*"' | head -n 1 | sed 's/^href="//; s/"$//') || true
service=""
if [ -n "$office" ]; then
  service=$(curl -fs "$base$office" | grep -o "href=\"$office/layanan/[A-Za-z0-9_-]*\"" | head -n 1 | sed 's/^href="//; s/"$//') || true
fi
for _ in $(seq 1 20); do
  for path in / $office $service; do
    curl -fs -o /dev/null "$base$path" || true
  done
done

kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
[ -s "$archive" ] || fail "no archive was written; see $log"
echo "Made $archive ($(du -h "$archive" | cut -f1)). Start the node with:"
echo "  $JAVA ${options[*]:+${options[*]} }$use -jar $app"
