#!/usr/bin/env bash
# Runs every test project against real servers started here on loopback ports, then stops them.
# Prints one closing line: "N passed, N failed, N skipped". Exit code: dotnet test's.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi

find_bin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }

apt_updated=0
ensure_pkg() { # ensure_pkg <binary> <debian package>
  if [ -z "$(find_bin "$1")" ]; then
    log "installing $2"
    if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$2" >/dev/null 2>&1 || log "could not install $2"
  fi
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo 0
}

WORK=$(mktemp -d -t haingestor-test.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- mosquitto -----------------------------------------------------------------------------------
ensure_pkg mosquitto mosquitto
MOSQUITTO=$(find_bin mosquitto)
if [ -n "$MOSQUITTO" ]; then
  MQTT_PORT=$(free_port)
  mkdir -p "$WORK/mosquitto"
  cat > "$WORK/mosquitto/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
log_dest stderr
CONF
  "$MOSQUITTO" -c "$WORK/mosquitto/mosquitto.conf" >"$WORK/mosquitto/log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$MQTT_PORT") 2>/dev/null && break; sleep 0.1; done
  export HAINGESTOR_TEST_MQTT_PORT=$MQTT_PORT
  log "mosquitto on 127.0.0.1:$MQTT_PORT"
else
  log "mosquitto is not available: the integration tests that need it will fail"
fi

# --- tests ---------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
OUT="$WORK/dotnet-test.log"
dotnet test HaIngestor.Actors.sln -c Release 2>&1 | tee "$OUT"
rc=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
SUMMARY="$WORK/summary.log"
grep -E '(Passed|Failed)! +- +Failed:' "$OUT" > "$SUMMARY" || true
sum() { grep -Eo "$1: +[0-9]+" "$SUMMARY" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum 'Passed')
failed=$(sum 'Failed')
skipped=$(sum 'Skipped')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; log "dotnet test exited with $rc (build or run failure)"; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
