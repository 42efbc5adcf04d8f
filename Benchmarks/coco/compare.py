#!/usr/bin/env python3
"""Runs AnnoKit and pycocotools side by side on one COCO file and prints the ratios (issue 3 targets).

usage: compare.py FILE [--annokit PATH] [--reps N] [--only info,convert]
  info     `annokit info FILE`                     vs pycocotools COCO(FILE)            (target >= 5x; 50k: >= 8x)
  convert  `annokit convert --masks rle` to /dev/shm vs annToRLE on every annotation + json.dump (target >= 3x)
Each figure is the minimum wall time over --reps runs; peak RSS comes from wait4(). Run it on a quiet machine:
ratios are stable, absolute times move with load."""
import argparse, contextlib, io, json, os, resource, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--annokit", default=os.path.join(os.path.dirname(__file__), "..", "..", ".build", "release", "annokit"))
ap.add_argument("--reps", type=int, default=3)
ap.add_argument("--only", default="info,convert")
a = ap.parse_args()
parts = set(a.only.split(","))
size = os.path.getsize(a.file)

def run_tool(args):
    best, rss = None, 0
    for _ in range(a.reps):
        t = time.perf_counter()
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(args)} failed with {os.waitstatus_to_exitcode(status)}")
        best = dt if best is None else min(best, dt)
        rss = max(rss, usage.ru_maxrss * 1024)
    return best, rss

def best_of(fn):
    ts = []
    for _ in range(a.reps):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

res = {"file": os.path.basename(a.file), "bytes": size}
try:
    from pycocotools.coco import COCO
    import pycocotools.mask as M
except ImportError:
    sys.exit("pycocotools is not importable: run ../shared/bench/setup-peers.sh and use its python")

def load():
    with contextlib.redirect_stdout(io.StringIO()):
        return COCO(a.file)

if "info" in parts:
    t, rss = run_tool([a.annokit, "info", a.file, "-q"])
    res["annokit_info_s"], res["annokit_info_rss_bytes"] = round(t, 4), rss
    res["pycocotools_load_s"] = round(best_of(load), 4)
    res["info_ratio"] = round(res["pycocotools_load_s"] / t, 2)
    res["info_rss_over_file"] = round(rss / size, 2)

if "convert" in parts:
    out = "/dev/shm/annokit-bench-out.json"
    t, rss = run_tool([a.annokit, "convert", a.file, "--to", "coco", "--masks", "rle", "-o", out, "-q"])
    res["annokit_convert_rle_s"], res["annokit_convert_rss_bytes"] = round(t, 4), rss
    c = load()
    anns = list(c.anns.values())
    def to_rle_and_dump():
        # A fresh list each rep: converting in place would let later reps re-encode RLE that is already done.
        out = []
        for x in anns:
            r = c.annToRLE(x)
            if isinstance(r["counts"], bytes):
                r["counts"] = r["counts"].decode("ascii")
            y = dict(x)
            y["segmentation"] = r
            out.append(y)
        with open("/dev/shm/pycocotools-bench-out.json", "w") as f:
            json.dump(dict(c.dataset, annotations=out), f)
    res["pycocotools_to_rle_dump_s"] = round(best_of(to_rle_and_dump), 4)
    res["convert_ratio"] = round(res["pycocotools_to_rle_dump_s"] / t, 2)
    for p in (out, "/dev/shm/pycocotools-bench-out.json"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(p)

print(json.dumps(res))
