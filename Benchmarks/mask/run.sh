#!/usr/bin/env bash
# AnnoMask benchmark: polygon/RLE -> compressed RLE and RLE -> full bitmap over every annotation of a
# COCO-val-shaped file, AnnoKit (one core and two cores) against pycocotools 2.0.11 (one core), in one run.
#
# Usage (from anywhere):  Benchmarks/mask/run.sh [COCO_JSON]
# Env:  ANNOKIT_SHARED   shared tree with bench/gen_coco.py and bench/peers.py (default: ../shared from the repo)
#       PEERS_VENV       venv with pycocotools (default ~/.cache/annokit-peers; made by bench/setup-peers.sh)
#       REPS             best-of repetitions for both sides (default 3)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SHARED=${ANNOKIT_SHARED:-../shared}
VENV=${PEERS_VENV:-$HOME/.cache/annokit-peers}
REPS=${REPS:-3}
FILE=${1:-Benchmarks/data/val5k.json}

# 1. The workload (git-ignored, deterministic).
if [ ! -f "$FILE" ]; then
  mkdir -p "$(dirname "$FILE")"
  python3 "$SHARED/bench/gen_coco.py" --images 5000 --seed 0 --out "$FILE" >&2
fi
FILE_ABS=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")

# 2. AnnoKit, release build, via the gated Swift Testing driver (AnnoMaskTests.benchmark()).
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
ANNOKIT_BENCH_FILE="$FILE_ABS" ANNOKIT_BENCH_REPS="$REPS" \
  swift test -c release --filter AnnoMaskTests.benchmark 2>&1 | tee "$OUT" | grep -E '^[a-z0-9_]+=' || true
grep -q '^annokit_decode_2core_s=' "$OUT" || { echo "AnnoKit benchmark did not run; output:" >&2; cat "$OUT" >&2; exit 1; }
val() { grep "^$1=" "$OUT" | tail -1 | cut -d= -f2; }

# 3. pycocotools on the same file, same run.
PY="$VENV/bin/python"
if [ -x "$PY" ] && "$PY" -c 'import pycocotools' 2>/dev/null; then
  PEER=$("$PY" "$SHARED/bench/peers.py" "$FILE_ABS" --only masks --reps "$REPS")
  echo "pycocotools: $PEER"
  # 4. Ratios (pycocotools time / AnnoKit time: above 1 means AnnoKit is faster).
  python3 - "$PEER" "$(val annokit_to_rle_s)" "$(val annokit_to_rle_2core_s)" \
    "$(val annokit_decode_s)" "$(val annokit_decode_2core_s)" <<'PYEOF'
import json, sys
peer = json.loads(sys.argv[1])
to1, to2, de1, de2 = map(float, sys.argv[2:6])
p_to, p_de = peer["pycocotools_to_rle_s"], peer["pycocotools_decode_s"]
rows = [("to_rle (polygon/RLE -> compressed RLE), 1 core", p_to, to1, 1.0),
        ("to_rle, 2 cores", p_to, to2, 1.5),
        ("decode (RLE -> full bitmap), 1 core", p_de, de1, 1.0),
        ("decode, 2 cores", p_de, de2, 1.5)]
print(f"{'work':48} {'pycocotools s':>14} {'AnnoKit s':>10} {'ratio':>7} {'target':>7}")
for name, p, a, target in rows:
    r = p / a if a > 0 else float('inf')
    print(f"{name:48} {p:14.4f} {a:10.4f} {r:6.2f}x {target:6.1f}x {'ok' if r >= target else 'MISSED'}")
    print(f"ratio_{name.split()[0].replace(',', '')}_{'2core' if '2 cores' in name else '1core'}={r:.2f}", file=sys.stderr)
PYEOF
else
  echo "pycocotools not importable from $PY; run $SHARED/bench/setup-peers.sh for the ratios" >&2
fi
