#!/usr/bin/env bash
# The libFuzzer targets in Fuzz/: builds each with coverage and AddressSanitizer (the recipe measured in
# ../shared/reference/reliability.md §4.2), seeds a corpus from Fixtures/, and fuzzes it.
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]    default: 60 s for each of the seven targets
#   scripts/fuzz.sh replay                    run every saved failure in Fuzz/FailCases once (exit 0 when all pass)
#
# Builds go to .build/fuzz (normal builds are untouched); the growing corpus lives in .build/fuzz-corpus.
# A crash is written to Fuzz/FailCases/<target>/ — commit it with a regression test. Exit 1 on any crash, or when a
# build has no coverage instrumentation ("INITED cov: 0": SwiftPM sometimes drops one of the two sanitizers).
set -euo pipefail
cd "$(dirname "$0")/.."
all="FuzzCOCO FuzzRLE FuzzPolygon FuzzXML FuzzPNG FuzzInflate FuzzArchive"
mode=${1:-60}
shift || true
targets=${*:-$all}
scratch=.build/fuzz
export SWIFT_BACKTRACE=enable=no

build() {
  # ANNOKIT_FUZZING turns the archive's CRC checks off, so the fuzzer reaches its decoders (PNG CRCs are repaired
  # by the harness instead).
  swift build -c release --product "$1" --scratch-path "$scratch" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -DANNOKIT_FUZZING >&2
}

seed() {  # target corpus-dir
  local t=$1 dir=$2
  mkdir -p "$dir"
  case $t in
    FuzzCOCO) find Fixtures/coco Fixtures/lint -name '*.json' -size -256k -exec cp {} "$dir" \; ;;
    FuzzXML) find Fixtures/voc Fixtures/xml -name '*.xml' -size -64k -exec cp {} "$dir" \; ;;
    FuzzPNG) find Fixtures/png Fixtures/voc -name '*.png' -size -256k -exec cp {} "$dir" \; ;;
    FuzzArchive) find Fixtures/amsk -name '*.amsk' -size -1M -exec cp {} "$dir" \; ;;
    FuzzInflate) python3 - "$dir" <<'PY'
import sys, zlib
for i, data in enumerate([b"", b"a" * 1000, bytes(range(256)) * 8, b"mask" * 300]):
    open(f"{sys.argv[1]}/seed{i}", "wb").write(zlib.compress(data, 6))
PY
      ;;
    FuzzRLE) printf '\x0a\x0a52203' > "$dir/seed0"; printf '\x05\x07\x00\x03\x00\x02\x00\x1e' > "$dir/seed1" ;;
    FuzzPolygon) python3 - "$dir" <<'PY'
import sys, struct
open(f"{sys.argv[1]}/seed0", "wb").write(bytes([40, 40]) + struct.pack("<8d", 1, 1, 30, 2, 25, 30, 3, 20))
PY
      ;;
  esac
}

if [ "$mode" = replay ]; then
  status=0
  for t in $all; do
    [ -d "Fuzz/FailCases/$t" ] || continue
    build "$t"
    "$scratch/release/$t" Fuzz/FailCases/"$t"/* || status=1
  done
  exit $status
fi

status=0
for t in $targets; do
  build "$t"
  corpus=.build/fuzz-corpus/$t
  [ -d "$corpus" ] || seed "$t" "$corpus"
  mkdir -p "Fuzz/FailCases/$t"
  log=$(mktemp)
  echo "== $t: fuzzing for $mode s" >&2
  if ! "$scratch/release/$t" -max_total_time="$mode" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 \
      -max_len=1048576 -artifact_prefix="Fuzz/FailCases/$t/" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
    echo "!! $t found a failure (see Fuzz/FailCases/$t):" >&2
    grep -E "ERROR|Fatal error|Precondition|deadly|SUMMARY" "$log" | head -5 >&2
    status=1
  fi
  cov=$(grep -m1 -o 'INITED cov: [0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  runs=$(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  echo "   $t: coverage at start $cov, executions $runs" >&2
  if [ "${cov:-0}" -eq 0 ]; then echo "!! $t has no coverage instrumentation; rebuild (rm -rf $scratch)" >&2; status=1; fi
  rm -f "$log"
done
exit $status
