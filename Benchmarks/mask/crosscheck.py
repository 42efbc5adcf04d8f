#!/usr/bin/env python3
"""Writes random polygon/box/merge cases with pycocotools' answers, for AnnoMaskTests.crossCheck.

usage: crosscheck.py OUT.json [--cases N] [--seed S]   (run with the peers venv's python)
Then: ANNOKIT_CROSSCHECK_FILE=OUT.json swift test --filter AnnoMaskTests.crossCheck
Covers what the golden file does not stress: negative and out-of-image coordinates, long thin and
near-vertical edges, repeated vertices, self-intersections, big images."""
import argparse, json, random
import numpy as np
from pycocotools import mask as M

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--cases", type=int, default=3000)
ap.add_argument("--seed", type=int, default=0)
a = ap.parse_args()
rng = random.Random(a.seed)
cases = []
for i in range(a.cases):
    h, w = rng.choice([(1, 1), (3, 200), (200, 3), (37, 53), (480, 640), (1000, 17), (rng.randint(1, 300), rng.randint(1, 300))])
    parts = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        n = rng.randint(3, 40)
        style = rng.randrange(5)
        pts = []
        for _ in range(n):
            x = rng.uniform(-0.3, 1.3) * w
            y = rng.uniform(-0.3, 1.3) * h
            if style == 0: x, y = round(x), round(y)
            elif style == 1: x, y = round(x * 2) / 2, round(y * 2) / 2
            elif style == 2: x, y = round(x, 1), round(y, 1)
            elif style == 3 and pts: x, y = (pts[-2], pts[-1]) if rng.random() < 0.3 else (x, y)
            pts += [x, y]
        parts.append(pts)
    rles = M.frPyObjects(parts, h, w)
    rle = M.merge(rles)
    bb = [rng.uniform(-20, w + 20), rng.uniform(-20, h + 20), rng.uniform(0, w), rng.uniform(0, h)]
    brle = M.frPyObjects(np.array([bb], dtype=np.double), h, w)[0]
    cases.append({"size": [h, w], "polygons": parts, "compressed": rle["counts"].decode(),
                  "bbox": [float(v) for v in M.toBbox(rle)], "area": int(M.area(rle)),
                  "box_in": bb, "box_compressed": brle["counts"].decode()})
json.dump({"generator": "pycocotools 2.0.11 via Benchmarks/mask/crosscheck.py", "cases": cases}, open(a.out, "w"))
print(f"wrote {a.out}: {len(cases)} cases")
