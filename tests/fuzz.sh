#!/usr/bin/env bash
# Fuzzes the HTML rewriter with AFL++ for a bounded time, and fails when AFL++ recorded a crash.
# Usage: bash tests/fuzz.sh [SECONDS]   (default 600). Needs Debian's afl++; installs it with apt-get as root.
# The harness (tests/CioAspNet.Fuzz) throws when the rewriter throws, when its output depends on the write
# sizes, or when removing the inserted bytes does not give back the input. Findings go to artifacts/fuzz.
set -euo pipefail

seconds="${1:-600}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/artifacts/fuzz"
corpus="${CIO_CORPUS_DIR:-$repo_root/../shared/corpus}"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "afl-fuzz not found; installing Debian's afl++ package."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
  else
    echo "error: afl-fuzz is missing. Install it with 'sudo apt-get install -y afl++'." >&2
    exit 1
  fi
fi

if [ ! -d "$corpus/pages" ]; then
  echo "error: the test corpus is missing at '$corpus'. Put shared/ beside the repository or set CIO_CORPUS_DIR." >&2
  exit 1
fi

rm -rf "$work"
mkdir -p "$work/seeds"

# Seeds: the corpus pages under 2 KB (AFL++ mutates small inputs faster) and a few hand-made documents.
find "$corpus/pages" -name '*.html' -size -2k | sort | head -n 40 | while read -r page; do
  cp "$page" "$work/seeds/"
done
printf '<body><script>"</body>"</script></body>' >"$work/seeds/script.html"
printf '<body><svg><![CDATA[</body>]]><foreignObject><style></body></style></foreignObject></svg></body>' \
  >"$work/seeds/svg.html"
printf '<body><template><math><mi><mglyph></template><!-- --!> </body>' >"$work/seeds/template.html"

cd "$repo_root"
dotnet tool restore >/dev/null
dotnet publish tests/CioAspNet.Fuzz/CioAspNet.Fuzz.csproj -c Release -o "$work/bin" --nologo -v quiet
# Only the rewriting namespace is instrumented, so that coverage reflects the tokenizer and the rewriter.
dotnet tool run sharpfuzz "$work/bin/CioAspNet.dll" CioAspNet.Rewriting

export AFL_SKIP_BIN_CHECK=1                     # dotnet itself carries no AFL++ instrumentation
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1  # the kernel may pipe core dumps elsewhere
export AFL_SKIP_CPUFREQ=1
export AFL_NO_UI=1
export AFL_NO_AFFINITY=1

started=$(date +%s)
afl-fuzz -V "$seconds" -i "$work/seeds" -o "$work/findings" -x tests/CioAspNet.Fuzz/html.dict \
  -t 10000 -m none -- dotnet "$work/bin/CioAspNet.Fuzz.dll" >"$work/afl.log" 2>&1 || {
  echo "error: afl-fuzz failed; the end of its log follows." >&2
  tail -n 40 "$work/afl.log" >&2
  exit 1
}
finished=$(date +%s)

stats="$work/findings/default/fuzzer_stats"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats" || true
crashes=$(find "$work/findings/default/crashes" -name 'id:*' | wc -l)
hangs=$(find "$work/findings/default/hangs" -name 'id:*' | wc -l)
echo "AFL++ ran for $((finished - started)) s: $crashes crashes, $hangs hangs (inputs in $work/findings/default)."

if [ "$crashes" -ne 0 ]; then
  for input in "$work/findings/default/crashes"/id:*; do
    echo "--- $input"
    dotnet "$work/bin/CioAspNet.Fuzz.dll" <"$input" 2>&1 | head -n 5 || true
  done
  exit 1
fi
