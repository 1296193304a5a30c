#!/usr/bin/env bash
# Load-tests the sample with the package on and off. It publishes sample-mvc in Release, starts it twice on
# 127.0.0.1 (once with --Cio:Enabled=false), and runs wrk against an MVC view and a static page of about
# 30 KB, alternating on and off. It prints requests per second, their ratio (on/off) and p99 latency, each
# the median over the rounds.
# Installs Debian's wrk when it is missing and this runs as root.
#
# Settings, from the environment: ROUNDS (3, at most 10), DURATION in seconds per run (10, at most 60),
# CONNECTIONS (16), THREADS (1, wrk's threads). The servers and wrk share the machine's cores, so compare
# the on/off ratio, not the absolute numbers.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_dir="$repo_root/artifacts/load-test"
publish_dir="$work_dir/sample"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-1}"
pages=("/Catalog" "/catalog.html")
server_pids=()

if ! [[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 1 && "$rounds" -le 10 ]]; then
  echo "error: ROUNDS must be a whole number from 1 to 10, not '$rounds'." >&2
  exit 2
fi

if ! [[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 60 ]]; then
  echo "error: DURATION must be a whole number of seconds from 1 to 60, not '$duration'." >&2
  exit 2
fi

stop_servers() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done

  for pid in "${server_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

ensure_wrk() {
  if command -v wrk >/dev/null 2>&1; then
    return 0
  fi

  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "wrk not found; installing Debian's wrk package."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    if command -v wrk >/dev/null 2>&1; then
      return 0
    fi
  fi

  echo "error: wrk is missing. Install it with 'sudo apt-get install -y wrk' (Debian or Ubuntu)." >&2
  return 1
}

# Starts the published sample on a port that the kernel picks, and sets server_url to the URL it listens on
# and server_pid to its process id.
server_url=""
server_pid=""
start_server() {
  local name="$1"
  shift
  local log="$work_dir/server-$name.log"
  (cd "$publish_dir" && exec dotnet SampleMvc.dll --urls "http://127.0.0.1:0" "$@") >"$log" 2>&1 &
  server_pid="$!"
  server_pids+=("$server_pid")

  server_url=""
  for _ in $(seq 1 60); do
    server_url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$log" | head -n 1)
    if [ -n "$server_url" ]; then
      return 0
    fi

    sleep 0.5
  done

  echo "error: the '$name' server did not report its address within 30 seconds; see $log." >&2
  return 1
}

# Checks that a page has the loader exactly when the package is on.
check_page() {
  local url="$1" expected="$2"
  local count
  count=$(curl -sf --max-time 10 "$url" | grep -c "data-cio-loader" || true)
  if [ "$count" != "$expected" ]; then
    echo "error: $url has $count loader lines, expected $expected." >&2
    return 1
  fi
}

# Prints the CPU time, user and system, that a process has used so far, in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Runs wrk once against a server and prints "requests_per_second p99_milliseconds cpu_microseconds", the last
# being the server's CPU time per request. Unlike requests per second, CPU time per request hardly changes
# when other work on the machine takes cores away.
measure() {
  local url="$1" seconds="$2" pid="$3"
  local output ticks_before ticks_after
  ticks_before=$(cpu_ticks "$pid")
  output=$(timeout $((seconds + 30)) wrk --latency --timeout 5s -t "$threads" -c "$connections" -d "${seconds}s" "$url")
  if grep -q "Non-2xx or 3xx responses" <<<"$output"; then
    echo "error: wrk got error responses from $url:" >&2
    echo "$output" >&2
    return 1
  fi

  ticks_after=$(cpu_ticks "$pid")

  local rps p99 requests cpu
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")
  requests=$(awk '/ requests in / { print $1 }' <<<"$output")
  cpu=$(awk -v ticks=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v requests="$requests" \
    'BEGIN { printf "%.1f", ticks / hz * 1e6 / requests }')
  p99=$(awk '$1 == "99%" {
    value = $2; unit = value; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", value)
    factor = (unit == "us") ? 0.001 : (unit == "s") ? 1000 : 1
    printf "%.2f", value * factor }' <<<"$output")
  echo "$rps $p99 $cpu"
}

ensure_wrk
mkdir -p "$work_dir"
echo "Publishing sample-mvc in Release to $publish_dir"
dotnet publish "$repo_root/sample-mvc" --configuration Release --output "$publish_dir" --nologo -v quiet >/dev/null

start_server on
on_url="$server_url"
on_pid="$server_pid"
start_server off --Cio:Enabled=false
off_url="$server_url"
off_pid="$server_pid"
echo "Package on: $on_url   Package off: $off_url"

for page in "${pages[@]}"; do
  check_page "$on_url$page" 1
  check_page "$off_url$page" 0
  # Warm-up: tiered JIT compilation, connection pools and caches on both servers. Shorter warm-ups left
  # the first measured run with several times the CPU time per request of the later ones.
  measure "$on_url$page" 5 "$on_pid" >/dev/null
  measure "$off_url$page" 5 "$off_pid" >/dev/null
done

results="$work_dir/results.txt"
: >"$results"
printf '%-14s %5s %4s %12s %10s %14s\n' page round mode requests/s p99_ms cpu_us/request
for round in $(seq 1 "$rounds"); do
  # Odd rounds run on first, even rounds off first, so a drift in machine load hits both alike.
  modes=(on off)
  if [ $((round % 2)) -eq 0 ]; then
    modes=(off on)
  fi

  for page in "${pages[@]}"; do
    for mode in "${modes[@]}"; do
      url="$on_url"
      pid="$on_pid"
      if [ "$mode" = "off" ]; then
        url="$off_url"
        pid="$off_pid"
      fi

      result=$(measure "$url$page" "$duration" "$pid")
      read -r rps p99 cpu <<<"$result"
      printf '%-14s %5s %4s %12s %10s %14s\n' "$page" "$round" "$mode" "$rps" "$p99" "$cpu"
      echo "$page $round $mode $rps $p99 $cpu" >>"$results"
    done
  done
done

# Prints the median of the numbers on standard input, one a line.
median() {
  sort -g | awk '{ value[NR] = $1 } END { if (NR % 2) print value[(NR + 1) / 2]; else print (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

echo
echo "Summary over $rounds rounds of ${duration}s, $connections connections, $threads wrk threads."
echo "on/off is the median of the rounds' ratios, because each round measures on and off back to back."
printf '%-14s %8s %8s %7s %10s %10s %10s %10s  %s\n' page rps_on rps_off on/off p99_on_ms p99_off_ms \
  cpu_on_us cpu_off_us round_ratios
for page in "${pages[@]}"; do
  ratios=$(awk -v page="$page" '$1 == page { rps[$2 "," $3] = $4; seen[$2] = 1 }
    END { for (round in seen) printf "%.3f\n", rps[round ",on"] / rps[round ",off"] }' "$results" | sort -g)
  rps_on=$(awk -v page="$page" '$1 == page && $3 == "on" { print $4 }' "$results" | median)
  rps_off=$(awk -v page="$page" '$1 == page && $3 == "off" { print $4 }' "$results" | median)
  p99_on=$(awk -v page="$page" '$1 == page && $3 == "on" { print $5 }' "$results" | median)
  p99_off=$(awk -v page="$page" '$1 == page && $3 == "off" { print $5 }' "$results" | median)
  cpu_on=$(awk -v page="$page" '$1 == page && $3 == "on" { print $6 }' "$results" | median)
  cpu_off=$(awk -v page="$page" '$1 == page && $3 == "off" { print $6 }' "$results" | median)
  printf '%-14s %8.0f %8.0f %7.3f %10.2f %10.2f %10.1f %10.1f  %s\n' "$page" "$rps_on" "$rps_off" \
    "$(median <<<"$ratios")" "$p99_on" "$p99_off" "$cpu_on" "$cpu_off" "$(tr '\n' ' ' <<<"$ratios")"
done
echo "rps, p99 and cpu (the server's CPU time per request, in microseconds) are medians over the rounds."
