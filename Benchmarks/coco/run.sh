#!/usr/bin/env bash
# Issue 3 benchmark: annokit info / convert --masks rle against pycocotools on the gen_coco.py workloads.
# Usage: Benchmarks/coco/run.sh [5k|50k|both]   (needs python3+numpy for the generator; installs the peers once)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
shared=${ANNOKIT_SHARED:-$root/../shared}
data=$root/Benchmarks/data; mkdir -p "$data"
which=${1:-5k}
venv=$("$shared/bench/setup-peers.sh")
(cd "$root" && swift build -c release --product annokit >&2)
run() {
  local name=$1 images=$2 seed=$3 reps=$4
  local f=$data/val$name.json
  [ -f "$f" ] || python3 "$shared/bench/gen_coco.py" --images "$images" --seed "$seed" --out "$f" >&2
  "$venv/bin/python" "$here/compare.py" "$f" --annokit "$root/.build/release/annokit" --reps "$reps"
}
case $which in
  5k) run 5k 5000 0 5 ;;
  50k) run 50k 50000 1 2 ;;
  both) run 5k 5000 0 5; run 50k 50000 1 2 ;;
esac
