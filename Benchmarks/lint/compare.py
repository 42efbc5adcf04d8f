#!/usr/bin/env python3
"""Runs `annokit lint` (every rule, every polygon rasterised) and `datum validate -t segmentation` side by side
on one COCO file and prints the ratio (issue 6 target: >= 10x) and AnnoKit's peak RSS.

usage: compare.py FILE --datum PATH/TO/datum [--annokit PATH] [--reps N] [--skip-datum]"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--datum", required=False)
ap.add_argument("--annokit", default=os.path.join(os.path.dirname(__file__), "..", "..", ".build", "release", "annokit"))
ap.add_argument("--reps", type=int, default=3)
ap.add_argument("--skip-datum", action="store_true")
a = ap.parse_args()
size = os.path.getsize(a.file)

def timed(args, cwd=None, ok=(0, 1)):
    best, rss = None, 0
    for _ in range(a.reps):
        t = time.perf_counter()
        p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            sys.exit(f"{' '.join(args)} exited {code}")
        best = dt if best is None else min(best, dt)
        rss = max(rss, usage.ru_maxrss * 1024)
    return best, rss

res = {"file": os.path.basename(a.file), "bytes": size}
t, rss = timed([a.annokit, "lint", a.file, "--format", "json", "-o", "/dev/null", "--fail-on", "never"])
res["annokit_lint_s"], res["annokit_lint_rss_bytes"] = round(t, 3), rss
res["lint_rss_over_file"] = round(rss / size, 2)
if not a.skip_datum:
    root = tempfile.mkdtemp(prefix="bench-datum-")
    os.makedirs(os.path.join(root, "annotations"))
    os.makedirs(os.path.join(root, "images"))
    os.symlink(os.path.abspath(a.file), os.path.join(root, "annotations", "instances_default.json"))
    out = tempfile.mkdtemp(prefix="bench-datum-out-")
    t, _ = timed([a.datum, "validate", "-t", "segmentation", root + ":coco_instances"], cwd=out)
    res["datum_validate_s"] = round(t, 3)
    res["lint_ratio"] = round(t / res["annokit_lint_s"], 2)
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
print(json.dumps(res))
