#!/usr/bin/env bash
# Runs every test of the repository and prints "N passed, N failed" from the TRX results.
# Installs Debian's chromium for the browser tests when it is missing and this runs as root.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results_dir="$repo_root/TestResults"

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    return 0
  fi

  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found at $chromium; installing Debian's chromium package."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    if [ -x "$chromium" ]; then
      return 0
    fi
  fi

  echo "error: Chromium is missing at $chromium. Install it with 'sudo apt-get install -y chromium'" \
    "(Debian or Ubuntu), or set CHROMIUM_PATH to a Chromium binary." >&2
  return 1
}

ensure_chromium || exit 1

rm -rf "$results_dir"
# Failed browser tests save a screenshot and the page's HTML here, next to the TRX files.
export CIO_BROWSER_ARTIFACTS_DIR="${CIO_BROWSER_ARTIFACTS_DIR:-$results_dir/browser-artifacts}"
dotnet test "$repo_root/CioAspNet.sln" --configuration Release \
  --logger "trx" --results-directory "$results_dir" "$@"
test_exit=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

# The install test packs the library and installs it into a fresh app; it counts as one more test.
if [ "${CIO_SKIP_INSTALL_TEST:-}" != "1" ]; then
  if bash "$repo_root/tests/install-test.sh"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed"
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
