#!/usr/bin/env bash
# Installs CioAspNet into a fresh "dotnet new mvc" app from a local feed, the way a user would, starts the app
# on 127.0.0.1 and checks that its home page carries the loader. Prints "install test: passed" or fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/cio-install-XXXXXX)"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A package folder of its own, so no earlier CioAspNet build is taken from the machine's NuGet cache.
export NUGET_PACKAGES="$work/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Packing CioAspNet into $work/feed"
dotnet pack "$repo_root/src/CioAspNet/CioAspNet.csproj" -c Release -o "$work/feed" -v quiet -nologo >/dev/null
package=$(find "$work/feed" -name 'CioAspNet.*.nupkg' ! -name '*.snupkg' | head -n 1)
version=$(basename "$package" .nupkg | sed 's/^CioAspNet\.//')
size=$(stat -c %s "$package")
echo "Packed CioAspNet $version ($size bytes)"

cd "$work"
dotnet new mvc -o app --framework net10.0 >/dev/null
cd app
dotnet add package CioAspNet --version "$version" --source "$work/feed" >/dev/null

# The two changes a user makes: AddCio() in start-up and a Cio section in appsettings.json.
sed -i 's/^builder.Services.AddControllersWithViews();/builder.Services.AddControllersWithViews();\nbuilder.Services.AddCio();/' Program.cs
grep -q 'AddCio()' Program.cs
python3 - <<'PY'
import json
with open("appsettings.json") as f:
    settings = json.load(f)
settings["Cio"] = {"SiteId": "installtest0000000001", "Region": "Eu"}
with open("appsettings.json", "w") as f:
    json.dump(settings, f, indent=2)
PY

dotnet build -c Release -v quiet -nologo >/dev/null
dotnet bin/Release/net10.0/app.dll --urls http://127.0.0.1:0 >"$work/server.log" 2>&1 &
server_pid=$!

address=""
for _ in $(seq 1 120); do
  address=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$address" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "install test: the app exited" >&2; exit 1; }
  sleep 0.5
done
[ -n "$address" ] || { cat "$work/server.log"; echo "install test: the app did not start" >&2; exit 1; }

page=$(curl -sf "$address/")
count=$(grep -o 'data-cio-loader' <<<"$page" | wc -l)
if [ "$count" -ne 1 ] || ! grep -q '"data-site-id", "installtest0000000001"' <<<"$page" \
  || ! grep -q 'track-eu.js' <<<"$page"; then
  echo "install test: the home page at $address does not carry one EU loader with the configured site id" >&2
  exit 1
fi

echo "install test: passed (CioAspNet $version, $size bytes, served at $address)"
