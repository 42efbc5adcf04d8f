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
if [ ! -f "$SHARED/bench/peers.py" ] && [ -z "${ANNOKIT_SHARED:-}" ]; then
  # A git worktree may sit one level deeper than the main checkout: look further up for shared/.
  d=$ROOT
  while [ "$d" != / ]; do d=$(dirname "$d"); [ -f "$d/shared/bench/peers.py" ] && { SHARED=$d/shared; break; }; done
fi
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

# 3. pycocotools on the same file, same run: annToRLE over every annotation and decode over every RLE, as
#    bench/peers.py does, timed by wall clock and by process CPU time (the steadier figure on a loaded machine).
PY="$VENV/bin/python"
if [ -x "$PY" ] && "$PY" -c 'import pycocotools' 2>/dev/null; then
  PEER=$("$PY" - "$FILE_ABS" "$REPS" <<'PYEOF'
import contextlib, io, json, sys, time
from pycocotools.coco import COCO
import pycocotools.mask as M
path, reps = sys.argv[1], int(sys.argv[2])
with contextlib.redirect_stdout(io.StringIO()):
    c = COCO(path)
anns = list(c.anns.values())
def best(fn):
    walls, cpus = [], []
    for _ in range(reps):
        w, p = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w); cpus.append(time.process_time() - p)
    return round(min(walls), 4), round(min(cpus), 4)
to_wall, to_cpu = best(lambda: [c.annToRLE(x) for x in anns])
rles = [c.annToRLE(x) for x in anns]
def dec():
    for r in rles:
        M.decode(r)
de_wall, de_cpu = best(dec)
print(json.dumps({"annotations": len(anns), "pycocotools_to_rle_s": to_wall, "pycocotools_to_rle_cpu_s": to_cpu,
                  "pycocotools_decode_s": de_wall, "pycocotools_decode_cpu_s": de_cpu}))
PYEOF
)
  echo "pycocotools: $PEER"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  # 4. Ratios (pycocotools time / AnnoKit time: above 1 means AnnoKit is faster).
  python3 - "$PEER" "$(val annokit_to_rle_s)" "$(val annokit_to_rle_2core_s)" "$(val annokit_decode_s)" \
    "$(val annokit_decode_2core_s)" "$(val annokit_to_rle_cpu_s)" "$(val annokit_decode_cpu_s)" <<'PYEOF'
import json, sys
peer = json.loads(sys.argv[1])
to1, to2, de1, de2, to_cpu, de_cpu = map(float, sys.argv[2:8])
p_to, p_de = peer["pycocotools_to_rle_s"], peer["pycocotools_decode_s"]
rows = [("to_rle_1core", "to_rle (polygon/RLE -> compressed RLE), 1 core, wall", p_to, to1, 1.0),
        ("to_rle_1core_cpu", "to_rle, 1 core, CPU time", peer["pycocotools_to_rle_cpu_s"], to_cpu, 1.0),
        ("to_rle_2core", "to_rle, 2 cores (AnnoKit) vs 1 (pycocotools), wall", p_to, to2, 1.5),
        ("decode_1core", "decode (RLE -> full bitmap), 1 core, wall", p_de, de1, 1.0),
        ("decode_1core_cpu", "decode, 1 core, CPU time", peer["pycocotools_decode_cpu_s"], de_cpu, 1.0),
        ("decode_2core", "decode, 2 cores (AnnoKit) vs 1 (pycocotools), wall", p_de, de2, 1.5)]
print(f"{'work':56} {'pycocotools s':>14} {'AnnoKit s':>10} {'ratio':>8} {'target':>7}")
for key, name, p, a, target in rows:
    r = p / a if a > 0 else float('inf')
    print(f"{name:56} {p:14.4f} {a:10.4f} {r:7.2f}x {target:6.1f}x {'ok' if r >= target else 'MISSED'}")
print("2-core scaling (AnnoKit 1 core / 2 cores): to_rle %.2fx, decode %.2fx" % (to1 / to2, de1 / de2))
PYEOF
else
  echo "pycocotools not importable from $PY; run $SHARED/bench/setup-peers.sh for the ratios" >&2
fi
