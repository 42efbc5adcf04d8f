#!/usr/bin/env python3
"""Regenerates the mask-only VOC fixtures (no Annotations/): the shapes CVAT's "Segmentation mask 1.1" and
Datumaro's voc_segmentation exports write. Palette PNGs, 8-bit, VOC colormap (SegmentationClass palette entries
replaced by labelmap colours, as CVAT/Datumaro write them). Run from anywhere; output is deterministic."""
import os, shutil, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))

def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)

def voc_colormap(i):
    r = g = b = 0
    for j in range(8):
        r |= (i & 1) << (7 - j); g |= ((i >> 1) & 1) << (7 - j); b |= ((i >> 2) & 1) << (7 - j); i >>= 3
    return (r, g, b)

VOC = [voc_colormap(i) for i in range(256)]

def png(rows, palette=VOC):
    h, w = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
            + chunk(b"PLTE", b"".join(bytes(c) for c in palette)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def rgb_png(w, h):
    raw = b"".join(b"\x00" + bytes([90, 120, 150]) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def grid(text):
    """Rows of single characters: '.' = 0, digits = index, 'v' = 255 (void)."""
    return [[0 if ch == "." else 255 if ch == "v" else int(ch) for ch in line.strip()] for line in text.strip().splitlines()]

LABELMAP = ("# label:color_rgb:parts:actions\n"
            "background:0,0,0::\ncat:64,0,0::\ndog:0,64,0::\nperson:192,128,128::\ntree:0,192,0::\n")

def class_palette():
    p = list(VOC)
    for i, c in enumerate([(0, 0, 0), (64, 0, 0), (0, 64, 0), (192, 128, 128), (0, 192, 0)]):
        p[i] = c
    return p

def case(name, files):
    d = os.path.join(HERE, name)
    shutil.rmtree(d, ignore_errors=True)
    for rel, content in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)

# cvat: a clean CVAT-style export. img_a: cat (1), dog (2), a tree region (class only); img_b: person (1), cat (2)
# whose SegmentationClass has one dog pixel at (5, 1) (majority cat; the dog pixel stays a class-only region).
# JPEGImages holds img_b.png only, so img_a's file name is the default img_a.jpg.
A_OBJ = grid("""
11......
11..22..
....22..
....22..
........
........
""")
A_CLS = grid("""
11......
11..22..
....22..
....22.4
......44
......44
""")
B_OBJ = grid("""
.11...
.11.22
.11.22
......
""")
B_CLS = grid("""
.33...
.33.12
.33.11
......
""")
case("cvat", {
    "labelmap.txt": LABELMAP,
    "ImageSets/Segmentation/default.txt": "img_a\nimg_b\n",
    "JPEGImages/img_b.png": rgb_png(6, 4),
    "SegmentationObject/img_a.png": png(A_OBJ), "SegmentationClass/img_a.png": png(A_CLS, class_palette()),
    "SegmentationObject/img_b.png": png(B_OBJ), "SegmentationClass/img_b.png": png(B_CLS, class_palette()),
})

# problems: what cannot be represented. Instance 1 (cat) has one background pixel at (2, 0) in SegmentationClass;
# instance 2 is background at every pixel (no class: kept without a category); void only in SegmentationClass at
# (0, 3); img_c is listed for segmentation but has no mask (AK034).
P_OBJ = grid("""
111...
11..2.
......
......
""")
P_CLS = grid("""
11....
11....
......
v.....
""")
case("problems", {
    "labelmap.txt": LABELMAP,
    "ImageSets/Segmentation/train.txt": "img_p\nimg_c\n",
    "SegmentationObject/img_p.png": png(P_OBJ), "SegmentationClass/img_p.png": png(P_CLS, class_palette()),
})

# class-only: Datumaro voc_segmentation with SegmentationClass only and no labelmap (VOC classes and colormap):
# one semantic region per class (8 cat, 9 chair), void border from the class mask.
case("class-only", {
    "SegmentationClass/2008_000001.png": png(grid("""
vvvvvv
v88.fv
v88.fv
vvvvvv
""".replace("f", "9")), VOC),
})

# object-only: SegmentationObject without SegmentationClass: instances without classes (AK034).
case("object-only", {
    "SegmentationObject/x.png": png(grid("""
11..
..22
""")),
})
