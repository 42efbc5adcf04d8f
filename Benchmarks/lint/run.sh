#!/usr/bin/env bash
# Issue 6 benchmark: annokit lint vs datum validate -t segmentation. Usage: Benchmarks/lint/run.sh [5k|50k]
# (50k: AnnoKit only, to check peak RSS against the file size; Datumaro needs minutes there.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
shared=${ANNOKIT_SHARED:-$root/../shared}
data=$root/Benchmarks/data; mkdir -p "$data"
venv=$("$shared/bench/setup-peers.sh")
(cd "$root" && swift build -c release --product annokit >&2)
case ${1:-5k} in
  5k) f=$data/val5k.json; [ -f "$f" ] || python3 "$shared/bench/gen_coco.py" --images 5000 --seed 0 --out "$f" >&2
      python3 "$here/compare.py" "$f" --datum "$venv/bin/datum" --annokit "$root/.build/release/annokit" ;;
  50k) f=$data/val50k.json; [ -f "$f" ] || python3 "$shared/bench/gen_coco.py" --images 50000 --seed 1 --out "$f" >&2
      python3 "$here/compare.py" "$f" --skip-datum --reps 1 --annokit "$root/.build/release/annokit" ;;
esac
