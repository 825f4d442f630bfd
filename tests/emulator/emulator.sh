# Functions to run the local SES v2 emulator (aws-ses-v2-local) outside the test fixture, on
# 127.0.0.1 only. Sourced by demo.sh and tests/package/check.sh; not meant to be run directly.
#
#   emu_require_node              fails unless node (20 or later) is on PATH
#   emu_install                   tests/emulator/install.sh (npm ci unless already installed); sets EMU_ENTRY
#   emu_start_on_free_port PREFERRED LOG DETACH
#                                 starts the emulator on PREFERRED if free, else on another free port, and
#                                 waits until it answers; sets EMU_PORT, EMU_PID, EMU_URL. DETACH=1 puts it
#                                 in its own session (it outlives the caller); DETACH=0 keeps it a child.
#   emu_is_ours PID               whether PID is an emulator started from this checkout
#   emu_stop PID                  stops it (TERM, then KILL after 5 s)
#   emu_tool ARGS...              tests/emulator/emulator-tool.cjs (probe, email, show, field, ...)
#
# The emulator gets AWS_SES_ACCOUNT from tests/emulator/account.json, so GetAccount works, and never
# SMTP_TRANSPORT (no relaying to a real mail server).
# Works with bash 3.2 (macOS) and later.

EMU_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EMU_HOST=127.0.0.1
EMU_START_SECONDS=30
EMU_ENTRY=""
EMU_PORT=""
EMU_PID=""
EMU_URL=""

emu_fail() {
  echo "error: $*" >&2
  exit 1
}

emu_tool() {
  node "$EMU_DIR/emulator-tool.cjs" "$@"
}

emu_require_node() {
  command -v node >/dev/null 2>&1 ||
    emu_fail "Node.js is not installed (or not on PATH); the local SES emulator needs Node.js 20 or later and npm: https://nodejs.org/"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || emu_fail "'node' is on PATH but does not run."
  [[ "$major" -ge 20 ]] || emu_fail "Node.js $(node --version) is too old; the local SES emulator needs Node.js 20 or later."
}

emu_install() {
  emu_require_node
  if [[ ! -f "$EMU_DIR/node_modules/.install-stamp" ]] && ! command -v npm >/dev/null 2>&1; then
    emu_fail "npm is not installed (or not on PATH); it installs the local SES emulator. Install Node.js 20+ with npm."
  fi
  bash "$EMU_DIR/install.sh" || emu_fail "Could not install the SES emulator (tests/emulator/install.sh failed; see above)."
  EMU_ENTRY="$(emu_tool entry "$EMU_DIR")" || emu_fail "The SES emulator's installation in $EMU_DIR is unusable (see above)."
}

# Whether PID is alive and runs this checkout's emulator entry point.
emu_is_ours() {
  local pid="$1" args
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  args="$(ps -ww -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ "$args" == *"$EMU_DIR/node_modules/aws-ses-v2-local/"* ]]
}

emu_stop() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# emu_launch PORT LOG DETACH: starts the process; sets EMU_PID.
emu_launch() {
  local port="$1" log="$2" detach="$3" account pid_file i
  account="$(cat "$EMU_DIR/account.json")"
  local -a command=(env -u SMTP_TRANSPORT -u AWS_SES_STRICT_TEMPLATE_RENDERING "AWS_SES_ACCOUNT=$account"
    node "$EMU_ENTRY" --host "$EMU_HOST" --port "$port")
  if [[ "$detach" == 1 ]]; then
    # Own session (setsid, where available) and SIGHUP ignored (nohup): Ctrl+C in the terminal or
    # closing it does not reach the emulator. The wrapper shell writes the PID node will have (exec).
    pid_file="$(dirname "$log")/.emulator.pid.$$"
    rm -f "$pid_file"
    local -a session=()
    command -v setsid >/dev/null 2>&1 && session=(setsid)
    ${session[@]+"${session[@]}"} nohup bash -c 'echo $$ > "$0"; exec "$@"' "$pid_file" "${command[@]}" \
      </dev/null >"$log" 2>&1 &
    for i in $(seq 1 50); do
      [[ -s "$pid_file" ]] && break
      sleep 0.1
    done
    [[ -s "$pid_file" ]] || emu_fail "The SES emulator process did not start (see $log)."
    EMU_PID="$(cat "$pid_file")"
    rm -f "$pid_file"
  else
    "${command[@]}" </dev/null >"$log" 2>&1 &
    EMU_PID=$!
  fi
}

emu_start_on_free_port() {
  local preferred="$1" log="$2" detach="$3" attempt port status
  [[ -n "$EMU_ENTRY" ]] || emu_fail "emu_install must run before emu_start_on_free_port."
  for attempt in 1 2 3; do
    port="$(emu_tool free-port "$preferred")" || emu_fail "Could not find a free TCP port on $EMU_HOST."
    if [[ "$preferred" -gt 0 && "$port" != "$preferred" ]]; then
      echo "Port $preferred on $EMU_HOST is in use; using port $port instead."
    fi
    emu_launch "$port" "$log" "$detach"
    status=0
    emu_tool wait "http://$EMU_HOST:$port/" "$EMU_START_SECONDS" "$EMU_PID" || status=$?
    if [[ "$status" == 0 ]]; then
      EMU_PORT="$port"
      EMU_URL="http://$EMU_HOST:$port"
      return 0
    fi
    if [[ "$status" == 4 ]]; then
      emu_stop "$EMU_PID"
      echo "--- emulator output ($log)" >&2
      tail -n 30 "$log" >&2 || true
      emu_fail "The SES emulator did not answer on $EMU_HOST:$port within $EMU_START_SECONDS s."
    fi
    # It exited before answering: usually another process took the port first. Try another one.
    echo "The SES emulator exited before answering on port $port (attempt $attempt of 3)." >&2
    preferred=0
  done
  echo "--- emulator output ($log)" >&2
  tail -n 30 "$log" >&2 || true
  emu_fail "The SES emulator would not start (node $EMU_ENTRY --host $EMU_HOST --port PORT)."
}
