#!/usr/bin/env bash
# Packaging check, run by .ci/run after the tests. From the repository root:
#
#   bash tests/package/check.sh
#
# 1. Packs the three packable projects (src/Connectors.Kit, src/Connectors.AwsSes,
#    src/Connectors.AwsSes.Cli) in Release into a temporary folder and lists the packages.
# 2. Checks each .nupkg: README.md, LICENSE, the XML docs next to the library, its .snupkg (with the
#    PDB), and the nuspec's licence, readme and repository metadata.
# 3. Builds a throwaway console project that references Connectors.AwsSes from that folder (package
#    reference only) and sends two emails (AwsSesConnector.Create, then AddAwsSesConnector) to an
#    aws-ses-v2-local emulator it starts on a free 127.0.0.1 port; checks both are in /store.
# 4. Installs the ses-connector tool from that folder into a temporary tool path, runs
#    `ses-connector validate --config demo/config.json --json` (expects {"valid":true}) and sends
#    one email with it.
# Everything it starts is stopped and the temporary folder removed on exit (KEEP_PACKAGE_CHECK=1
# keeps the folder for inspection).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=../emulator/emulator.sh
source tests/emulator/emulator.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node or compiler server outlives the check.
export MSBUILDDISABLENODEREUSE=1

REPO="$(pwd)"
PROJECTS=(src/Connectors.Kit src/Connectors.AwsSes src/Connectors.AwsSes.Cli)
LIBRARIES=(Connectors.Kit Connectors.AwsSes)
TOOL=Connectors.AwsSes.Cli
VERSION="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)"
[[ -n "$VERSION" ]] || emu_fail "no <VersionPrefix> in Directory.Build.props."
RECIPIENT=package-check@example.com

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ses-package-check.XXXXXX")"
PACKAGES="$WORK/packages"
cleanup() {
  local status=$?
  if [[ -n "$EMU_PID" ]]; then
    emu_stop "$EMU_PID"
  fi
  if [[ "${KEEP_PACKAGE_CHECK:-}" == 1 ]]; then
    echo "package check: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() { emu_fail "package check: $*"; }
section() { printf '\n== package check: %s\n' "$1"; }

# --- 1. pack -----------------------------------------------------------------------------------
section "dotnet pack (Release) -> $PACKAGES"
for project in "${PROJECTS[@]}"; do
  dotnet pack "$project" -c Release -o "$PACKAGES" -nologo -v q --disable-build-servers ||
    fail "dotnet pack $project failed."
done

expected="$(for id in "${LIBRARIES[@]}" "$TOOL"; do printf '%s.%s.nupkg\n%s.%s.snupkg\n' "$id" "$VERSION" "$id" "$VERSION"; done | sort)"
produced="$(cd "$PACKAGES" && ls -1 | sort)"
echo "Packages produced:"
(cd "$PACKAGES" && ls -l | awk 'NR > 1 { printf "  %-45s %9d bytes\n", $9, $5 }')
[[ "$produced" == "$expected" ]] ||
  fail "expected exactly these packages:"$'\n'"$expected"$'\n'"got:"$'\n'"$produced"

# --- 2. contents and metadata --------------------------------------------------------------------
section "package contents and nuspec metadata"
head_commit="$(git rev-parse HEAD 2>/dev/null || true)"
remote_url="$(git remote get-url origin 2>/dev/null || true)"
# Source Link puts the origin's URL in the nuspec when it is a URL (not when it is a local path).
URL_REMOTE='^((https?|ssh|git)://|[A-Za-z0-9._-]+@[^:/]+:)'

# require_entry ID LISTING ENTRY
require_entry() {
  grep -qxF "$3" <<<"$2" || fail "$1: the package has no $3."
}

# check_package ID PROJECT_DIR KIND (lib|tool)
check_package() {
  local id="$1" project="$2" kind="$3" nupkg snupkg listing symbols nuspec assembly
  nupkg="$PACKAGES/$id.$VERSION.nupkg"
  snupkg="$PACKAGES/$id.$VERSION.snupkg"
  listing="$(unzip -Z1 "$nupkg")" || fail "$id: $nupkg is not a readable zip."
  [[ -f "$snupkg" ]] || fail "$id: no symbol package $snupkg."
  symbols="$(unzip -Z1 "$snupkg")" || fail "$id: $snupkg is not a readable zip."

  require_entry "$id" "$listing" "$id.nuspec"
  require_entry "$id" "$listing" README.md
  require_entry "$id" "$listing" LICENSE
  unzip -p "$nupkg" README.md | cmp -s - "$project/README.md" || fail "$id: README.md differs from $project/README.md."
  [[ -s "$project/README.md" ]] || fail "$id: $project/README.md is empty."
  unzip -p "$nupkg" LICENSE | cmp -s - LICENSE || fail "$id: LICENSE differs from the repository's LICENSE."

  if [[ "$kind" == lib ]]; then
    require_entry "$id" "$listing" "lib/net10.0/$id.dll"
    require_entry "$id" "$listing" "lib/net10.0/$id.xml"
    grep -qxF "lib/net10.0/$id.pdb" <<<"$symbols" || fail "$id: the .snupkg has no lib/net10.0/$id.pdb."
    grep -q '<member name=' <<<"$(unzip -p "$nupkg" "lib/net10.0/$id.xml")" || fail "$id: lib/net10.0/$id.xml documents nothing."
    assembly="$id"
  else
    assembly=ses-connector
    require_entry "$id" "$listing" "tools/net10.0/any/$assembly.dll"
    require_entry "$id" "$listing" "tools/net10.0/any/DotnetToolSettings.xml"
    grep -qxF "tools/net10.0/any/$assembly.pdb" <<<"$symbols" || fail "$id: the .snupkg has no tools/net10.0/any/$assembly.pdb."
  fi
  ! grep -Eiq '(^|/)[^/]*\.tests?\.(dll|pdb|xml)$|xunit|moq' <<<"$listing" || fail "$id: the package contains test assemblies."

  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -qF "<id>$id</id>" <<<"$nuspec" || fail "$id: the nuspec's <id> is not $id."
  grep -qF "<version>$VERSION</version>" <<<"$nuspec" || fail "$id: the nuspec's <version> is not $VERSION."
  grep -qF '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: the nuspec has no MIT license expression."
  grep -qF '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: the nuspec names no readme."
  grep -Eq '<description>[^<]{20,}</description>' <<<"$nuspec" || fail "$id: the nuspec has no description."
  grep -Eq '<authors>[^<]+</authors>' <<<"$nuspec" || fail "$id: the nuspec has no authors."
  grep -Eq '<repository type="git"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" ||
    fail "$id: the nuspec has no <repository type=\"git\" commit=\"...\"> (Source Link)."
  if [[ -n "$head_commit" ]]; then
    grep -qF "commit=\"$head_commit\"" <<<"$nuspec" || fail "$id: the nuspec's repository commit is not HEAD ($head_commit)."
  fi
  if [[ "$remote_url" =~ $URL_REMOTE ]]; then
    grep -Eq '<repository [^>]*url="[^"]+"' <<<"$nuspec" || fail "$id: origin is $remote_url but the nuspec has no repository url."
  fi
  case "$id" in
    Connectors.AwsSes)
      grep -Eq "<dependency id=\"Connectors.Kit\" version=\"$VERSION\"" <<<"$nuspec" ||
        fail "$id: the nuspec does not depend on Connectors.Kit $VERSION." ;;
    "$TOOL")
      grep -qF '<packageType name="DotnetTool" />' <<<"$nuspec" || fail "$id: the nuspec is not a DotnetTool package." ;;
  esac

  local repository
  repository="$(grep -o '<repository [^>]*>' <<<"$nuspec")"
  echo "  $id: ok ($(wc -l <<<"$listing" | tr -d ' ') files; $repository)"
}

check_package Connectors.Kit src/Connectors.Kit lib
check_package Connectors.AwsSes src/Connectors.AwsSes lib
check_package "$TOOL" src/Connectors.AwsSes.Cli tool
if [[ -z "$remote_url" ]]; then
  echo "  note: this clone has no 'origin' remote, so the nuspecs carry no repository url (only type and commit)."
elif [[ ! "$remote_url" =~ $URL_REMOTE ]]; then
  echo "  note: origin is a local path ($remote_url), so the nuspecs carry no repository url (only type and commit)."
fi

# --- 3. a consumer project -----------------------------------------------------------------------
section "SES emulator for the consumer"
emu_install
emu_start_on_free_port 0 "$WORK/emulator.log" 0
echo "aws-ses-v2-local: PID $EMU_PID, $EMU_URL"

section "consumer project referencing Connectors.AwsSes $VERSION from the local feed"
CONSUMER="$WORK/consumer"
mkdir -p "$CONSUMER"
cp tests/package/consumer/Program.cs "$CONSUMER/Program.cs"

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# The configured sources, as `dotnet nuget list source` shows them outside the repository:
# "  1.  NAME [Enabled]" then the URL on the next line.
sources="$(cd "$WORK" && dotnet nuget list source --format Detailed | awk '
  match($0, /^ *[0-9]+\. +/) && /\[Enabled\]$/ { name = substr($0, RLENGTH + 1); sub(/ \[Enabled\]$/, "", name); want = 1; next }
  want { gsub(/^ +| +$/, ""); print name "\t" $0; want = 0 }')"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  if [[ -n "$sources" ]]; then
    echo '    <clear />'
  fi
  echo "    <add key=\"connectors-local\" value=\"$(xml_escape <<<"$PACKAGES")\" />"
  while IFS=$'\t' read -r name url; do
    [[ -n "$name" ]] && echo "    <add key=\"$(xml_escape <<<"$name")\" value=\"$(xml_escape <<<"$url")\" />"
  done <<<"$sources"
  echo '  </packageSources>'
  if [[ -n "$sources" ]]; then
    # Connectors.* only from the folder just packed; everything else from the usual sources.
    echo '  <packageSourceMapping>'
    echo '    <packageSource key="connectors-local"><package pattern="Connectors.*" /></packageSource>'
    while IFS=$'\t' read -r name url; do
      [[ -n "$name" ]] && echo "    <packageSource key=\"$(xml_escape <<<"$name")\"><package pattern=\"*\" /></packageSource>"
    done <<<"$sources"
    echo '  </packageSourceMapping>'
  fi
  echo '</configuration>'
} >"$CONSUMER/NuGet.config"

cat >"$CONSUMER/PackageConsumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Connectors.AwsSes" Version="$VERSION" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
  </ItemGroup>
</Project>
EOF
echo "NuGet.config:"
sed 's/^/  /' "$CONSUMER/NuGet.config"

# A private global packages folder: the 0.1.0 just packed is what gets restored, never a stale
# Connectors.* 0.1.0 from ~/.nuget/packages, and the developer's cache is neither read nor changed.
export NUGET_PACKAGES="$WORK/nuget-packages"
# The temporary folder is outside the repository: no Directory.Build.props, Directory.Packages.props
# or global.json of the repository applies to the consumer.
(cd "$CONSUMER" && dotnet build -c Release -nologo -v q --disable-build-servers) ||
  fail "the consumer project does not build against the packages."
for id in "${LIBRARIES[@]}"; do
  lower="$(tr '[:upper:]' '[:lower:]' <<<"$id")"
  cmp -s "$PACKAGES/$id.$VERSION.nupkg" "$NUGET_PACKAGES/$lower/$VERSION/$lower.$VERSION.nupkg" ||
    fail "the consumer did not restore $id $VERSION from $PACKAGES."
done
echo "Restored Connectors.Kit and Connectors.AwsSes $VERSION from $PACKAGES (byte-identical)."

consumer_output="$(cd "$CONSUMER" && dotnet run -c Release --no-build -- "$EMU_URL" "$RECIPIENT")" ||
  fail "the consumer failed:"$'\n'"$consumer_output"
echo "$consumer_output" | sed 's/^/  /'
for way in create di; do
  message_id="$(sed -n "s/^$way \(.*\)$/\1/p" <<<"$consumer_output")"
  [[ -n "$message_id" ]] || fail "the consumer printed no '$way' message id."
  stored="$(emu_tool email "$EMU_URL/" "$message_id")" || fail "message $message_id ($way) is not in $EMU_URL/store."
  to="$(emu_tool field destination.to <<<"$stored")"
  [[ "$to" == "[\"$RECIPIENT\"]" ]] || fail "message $message_id ($way) went to $to, not $RECIPIENT."
  echo "  $way: $message_id is in /store: $(emu_tool field subject <<<"$stored")"
done

# --- 4. the tool -------------------------------------------------------------------------------
section "dotnet tool install $TOOL $VERSION from the local feed"
TOOLS="$WORK/tools"
# The consumer's NuGet.config holds the local folder (and maps Connectors.* to it), in place of
# --add-source, which dotnet refuses next to package source mapping; with --add-source alone, a
# Connectors.AwsSes.Cli 0.1.0 on another source could be installed instead.
dotnet tool install "$TOOL" --tool-path "$TOOLS" --version "$VERSION" --configfile "$CONSUMER/NuGet.config" ||
  fail "dotnet tool install $TOOL failed."
lower="$(tr '[:upper:]' '[:lower:]' <<<"$TOOL")"
cmp -s "$PACKAGES/$TOOL.$VERSION.nupkg" "$TOOLS/.store/$lower/$VERSION/$lower/$VERSION/$lower.$VERSION.nupkg" ||
  fail "the installed tool is not the $TOOL $VERSION just packed."
if [[ -z "${DOTNET_ROOT:-}" ]]; then
  # The tool's launcher finds the runtime next to the dotnet that is on PATH.
  DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  export DOTNET_ROOT
fi

version_output="$("$TOOLS/ses-connector" --version)" || fail "ses-connector --version failed."
[[ "$version_output" == "$VERSION" ]] || fail "ses-connector --version printed '$version_output', expected $VERSION."
echo "ses-connector --version: $version_output"

validate_output="$("$TOOLS/ses-connector" validate --config "$REPO/demo/config.json" --json)" ||
  fail "ses-connector validate failed: $validate_output"
[[ "$validate_output" == '{"valid":true}' ]] || fail "ses-connector validate printed '$validate_output', expected {\"valid\":true}."
echo "ses-connector validate --config demo/config.json --json: $validate_output"

send_output="$("$TOOLS/ses-connector" send --config "$REPO/demo/config.json" --to "$RECIPIENT" --type MfaVerification \
  --code 424242 --endpoint "$EMU_URL" --json)" || fail "ses-connector send failed: $send_output"
message_id="$(emu_tool field messageId <<<"$send_output")" || fail "ses-connector send printed no message id: $send_output"
stored="$(emu_tool email "$EMU_URL/" "$message_id")" || fail "message $message_id (tool) is not in $EMU_URL/store."
echo "ses-connector send: $send_output, in /store: $(emu_tool field subject <<<"$stored")"

section "ok"
