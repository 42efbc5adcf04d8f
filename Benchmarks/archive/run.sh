#!/bin/sh
# The .amsk archive benchmark: size, whole-file read and one-image mask reads against COCO JSON, in release mode.
# Usage: Benchmarks/archive/run.sh [COCO.json]   (default: generates the 5k file with gen_coco.py)
set -eu
cd "$(dirname "$0")/../.."
FILE="${1:-/tmp/val5k.json}"
if [ ! -f "$FILE" ]; then
    python3 "${ANNOKIT_SHARED:-../shared}/bench/gen_coco.py" --images 5000 --seed 0 --out "$FILE" 2>/dev/null \
        || python3 /work/shared/bench/gen_coco.py --images 5000 --seed 0 --out "$FILE"
fi
ANNOKIT_BENCH_FILE="$FILE" swift test -c release -Xswiftc -enable-testing --filter 'ArchiveBenchmarkTests|benchFileRoundTrips' 2>&1 \
    | grep -v '^\[' | grep -E 'archive benchmark|size:|read whole|write amsk|one random|✔|✘|passed|failed'
