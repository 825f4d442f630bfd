#!/usr/bin/env bash
# Sends a sign-in verification email through the connector to the local SES v2 emulator
# (aws-ses-v2-local) on 127.0.0.1: no AWS account needed. See demo/README.md.
#
#   ./demo.sh               install and start the emulator (or reuse the running one), send, show the
#                           email, leave the emulator running in the background
#   ./demo.sh --foreground  the same, then keep the emulator in the foreground until Ctrl+C
#   ./demo.sh --stop        stop the emulator a previous ./demo.sh left running
#   ./demo.sh --port PORT   prefer PORT to 8005 (another free port is used if it is taken)
#   (--keep is accepted for the default: leave the emulator running)
#
# Needs Node.js 20+ with npm (the emulator) and the .NET SDK of global.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=tests/emulator/emulator.sh
source tests/emulator/emulator.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

STATE_DIR=.demo
PID_FILE="$STATE_DIR/emulator.pid"
PORT_FILE="$STATE_DIR/emulator.port"
LOG_FILE="$STATE_DIR/emulator.log"
DEFAULT_PORT=8005
CONFIG=demo/config.json
RECIPIENT=user@example.com
CLI_PROJECT=src/Connectors.AwsSes.Cli

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

mode=background
preferred_port="$DEFAULT_PORT"
port_given=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stop) mode=stop ;;
    --foreground) mode=foreground ;;
    --keep) mode=background ;;
    --port)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ && "$2" -ge 1 && "$2" -le 65535 ]] || { echo "error: --port needs a port number (1-65535)." >&2; exit 2; }
      preferred_port="$2"; port_given=1; shift ;;
    --port=*)
      preferred_port="${1#--port=}"
      [[ "$preferred_port" =~ ^[0-9]+$ && "$preferred_port" -ge 1 && "$preferred_port" -le 65535 ]] || { echo "error: --port needs a port number (1-65535)." >&2; exit 2; }
      port_given=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown option '$1'." >&2; usage >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n[%s] %s\n' "$1" "$2"; }

recorded_pid() { cat "$PID_FILE" 2>/dev/null || true; }
recorded_port() { cat "$PORT_FILE" 2>/dev/null || true; }
forget_emulator() { rm -f "$PID_FILE" "$PORT_FILE"; }

stop_demo() {
  local pid port
  pid="$(recorded_pid)"
  port="$(recorded_port)"
  if [[ -z "$pid" ]]; then
    echo "No demo emulator is running (no $PID_FILE)."
  elif emu_is_ours "$pid"; then
    emu_stop "$pid"
    if kill -0 "$pid" 2>/dev/null; then
      echo "error: the demo emulator (PID $pid) did not stop." >&2
      exit 1
    fi
    echo "Stopped the demo emulator (PID $pid, port $port)."
  else
    echo "The demo emulator recorded in $PID_FILE (PID $pid) is no longer running."
  fi
  forget_emulator
}

if [[ "$mode" == stop ]]; then
  # Stopping needs neither node nor dotnet: only the recorded PID, checked against this checkout's emulator.
  stop_demo
  exit 0
fi

echo "== AwsSesConnector demo: a sign-in email through the local SES v2 emulator (no AWS account needed)"

step 1/5 "Checking the tools"
emu_require_node
command -v dotnet >/dev/null 2>&1 ||
  emu_fail "the .NET SDK is not installed (or 'dotnet' is not on PATH); install .NET SDK $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json) or later: https://dotnet.microsoft.com/download"
if ! sdk_version="$(dotnet --version 2>&1)"; then
  echo "$sdk_version" >&2
  emu_fail "no installed .NET SDK satisfies global.json (SDK $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json) or later); see above."
fi
echo "node $(node --version), npm $(npm --version 2>/dev/null || echo 'not found'), .NET SDK $sdk_version"

step 2/5 "Installing the SES emulator (tests/emulator, aws-ses-v2-local pinned by package-lock.json)"
emu_install

step 3/5 "Starting the SES emulator on 127.0.0.1"
mkdir -p "$STATE_DIR"
reused=0
pid="$(recorded_pid)"
if [[ -n "$pid" ]] && emu_is_ours "$pid"; then
  port="$(recorded_port)"
  if [[ "$mode" == background && -n "$port" ]] && { [[ "$port_given" == 0 ]] || [[ "$port" == "$preferred_port" ]]; } &&
    emu_tool probe "http://$EMU_HOST:$port/"; then
    EMU_PID="$pid" EMU_PORT="$port" EMU_URL="http://$EMU_HOST:$port"
    reused=1
    echo "Reusing the demo emulator already running: PID $EMU_PID, $EMU_URL"
  else
    echo "Stopping the previous demo emulator (PID $pid) to start a new one."
    emu_stop "$pid"
  fi
elif [[ -n "$pid" ]]; then
  echo "Removing the stale $PID_FILE (PID $pid is not a running demo emulator)."
fi
if [[ "$reused" == 0 ]]; then
  forget_emulator
  if [[ "$mode" == foreground ]]; then
    emu_start_on_free_port "$preferred_port" "$LOG_FILE" 0
    # Ctrl+C, a kill or any failure from here on stops the emulator too.
    trap 'emu_stop "$EMU_PID"; forget_emulator' EXIT
    trap 'echo; echo "Stopping the emulator."; exit 0' INT TERM
  else
    emu_start_on_free_port "$preferred_port" "$LOG_FILE" 1
  fi
fi
if [[ "$mode" == background ]]; then
  trap 'status=$?; [[ $status == 0 ]] || echo "The demo emulator is still running (PID $EMU_PID, $EMU_URL): ./demo.sh --stop stops it." >&2' EXIT
fi
if [[ "$reused" == 0 ]]; then
  echo "$EMU_PID" >"$PID_FILE"
  echo "$EMU_PORT" >"$PORT_FILE"
  echo "Started aws-ses-v2-local: PID $EMU_PID, $EMU_URL (log: $LOG_FILE)"
fi

step 4/5 "Building the ses-connector command ($CLI_PROJECT, Release)"
dotnet build "$CLI_PROJECT" -c Release -nologo -v q || emu_fail "building $CLI_PROJECT failed (see above)."

code="$(printf '%06d' $(( (RANDOM * 32768 + RANDOM) % 1000000 )))"
step 5/5 "Sending a SignIn email to $RECIPIENT with the code $code"
cli=(dotnet run --no-build --project "$CLI_PROJECT" -c Release --)
cli_doc="dotnet run --project $CLI_PROJECT -c Release --"
send_args=(send --config "$CONFIG" --to "$RECIPIENT" --type SignIn --code "$code" --endpoint "$EMU_URL" --json)
echo "\$ ${cli[*]} ${send_args[*]}"
status=0
send_output="$("${cli[@]}" "${send_args[@]}")" || status=$?
echo "$send_output"
if [[ "$status" != 0 ]]; then
  emu_fail "ses-connector send failed with exit code $status (its JSON error is above)."
fi
message_id="$(printf '%s' "$send_output" | emu_tool field messageId)" ||
  emu_fail "ses-connector send printed no message id."
stored="$(emu_tool show "$EMU_URL/" "$message_id")" ||
  emu_fail "the emulator accepted message $message_id but $EMU_URL/store does not hold it."

account_args=(account --config "$CONFIG" --endpoint "$EMU_URL" --json)
status=0
account_output="$("${cli[@]}" "${account_args[@]}")" || status=$?
[[ "$status" == 0 ]] || { echo "$account_output" >&2; emu_fail "ses-connector account failed with exit code $status."; }
account_line="$(printf '%s' "$account_output" | node -e '
  const a = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log(`sending ${a.sendingEnabled ? "enabled" : "DISABLED"}, ${a.enforcementStatus}, ` +
    `quota ${a.max24HourSend} per 24 h at ${a.maxSendRate}/s, ${a.sentLast24Hours} sent in the last 24 h`);')"

sample_line=""
if [[ "$EMU_PORT" == 8005 ]]; then
  sample_line=$'\n'"  dotnet run --project samples/IdentityServerSample   (its appsettings.json points at this emulator)"
fi

cat <<EOF

== Sent
SES message id:  $message_id
See the email:
  web UI (inbox)  $EMU_URL/
  JSON store      $EMU_URL/store
The stored email (read back from $EMU_URL/store):
$stored
Account (ses-connector account): $account_line

== Try more
  $cli_doc send --config $CONFIG --to you@example.com --type Register --code 123456 --endpoint $EMU_URL
  $cli_doc render --config $CONFIG --to you@example.com --type OrganizationInvitation --payload '{"link":"https://example.com/invite/abc"}'
  $cli_doc account --config $CONFIG --endpoint $EMU_URL${sample_line}

== Against real Amazon SES (no emulator)
  1. cp $CONFIG my-ses.json, then set "region", and "emailAddress" to an identity verified in SES in that region.
  2. Credentials: put real "accessKeyId"/"accessKeySecret" in it, or remove both keys to use the AWS default
     chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, or the IAM role of the EC2/ECS/EKS host).
  3. Send without --endpoint (and without AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL set):
     $cli_doc send --config my-ses.json --to you@example.com --type SignIn --code 123456
  In the SES sandbox the recipient must be verified too. IAM policy and troubleshooting: README.md.
EOF

if [[ "$mode" == foreground ]]; then
  printf '\n== The emulator runs in the foreground (PID %s, %s); press Ctrl+C to stop it.\n' "$EMU_PID" "$EMU_URL"
  status=0
  wait "$EMU_PID" || status=$?
  if [[ "$status" == 130 || "$status" == 143 ]]; then
    # Ctrl+C reached it first, or `./demo.sh --stop` / `kill PID` from elsewhere.
    echo "The emulator was stopped."
    exit 0
  fi
  echo "error: the emulator exited on its own with code $status (log: $LOG_FILE)." >&2
  exit 1
fi

cat <<EOF

== The emulator keeps running in the background
  PID $EMU_PID, $EMU_URL, listening on 127.0.0.1 only (log: $LOG_FILE)
  Stop it:  ./demo.sh --stop   (or: kill $EMU_PID)
  Next:     dotnet test AwsSesConnector.sln -c Release   (the tests start their own emulator on a free port)
EOF
