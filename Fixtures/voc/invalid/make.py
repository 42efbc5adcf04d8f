#!/usr/bin/env python3
"""Regenerates the static malformed VOC corpus (one tiny folder per case). Generated-at-test-time cases
(deep nesting, 200k attributes, oversized XML, 1 GiB PNG bomb, huge IHDR) are built in VOCInvalidCorpusTests."""
import os, shutil, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))

def xml(filename="img.jpg", size=(4, 3), objects=(("cat", 1, 1, 2, 2),), extra="", segmented=None):
    s = "<annotation>\n  <filename>%s</filename>\n" % filename
    if size is not None:
        s += "  <size><width>%s</width><height>%s</height><depth>3</depth></size>\n" % size
    if segmented is not None:
        s += "  <segmented>%d</segmented>\n" % segmented
    s += extra
    for o in objects:
        s += "  <object><name>%s</name><bndbox><xmin>%s</xmin><ymin>%s</ymin><xmax>%s</xmax><ymax>%s</ymax></bndbox></object>\n" % o
    return s + "</annotation>\n"

def chunk(t, d, crc=None):
    c = zlib.crc32(t + d) if crc is None else crc
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", c & 0xffffffff)

def png(w, h, rows, palette=None, color_type=3, ihdr=None, idat=None, crc_fix=True, filt=0):
    raw = b"".join(bytes([filt]) + bytes(r) for r in rows)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr or struct.pack(">IIBBBBB", w, h, 8, color_type, 0, 0, 0))
    if palette is not None:
        out += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    out += chunk(b"IDAT", zlib.compress(raw) if idat is None else idat)
    return out + chunk(b"IEND", b"")

def voc_colormap(i):
    r = g = b = 0
    for j in range(8):
        r |= (i & 1) << (7 - j); g |= ((i >> 1) & 1) << (7 - j); b |= ((i >> 2) & 1) << (7 - j); i >>= 3
    return (r, g, b)

PALETTE = [voc_colormap(i) for i in range(256)]
GOOD_ROWS = [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0]]

def case(name, files):
    d = os.path.join(HERE, name)
    shutil.rmtree(d, ignore_errors=True)
    for rel, content in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)

A = "Annotations/img.xml"
O = "SegmentationObject/img.png"

case("xml-external-entity", {A: '<?xml version="1.0"?>\n<!DOCTYPE annotation [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<annotation><filename>&x;</filename></annotation>\n'})
case("xml-billion-laughs", {A: '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<annotation><filename>&lol3;</filename></annotation>\n'})
case("xml-parameter-entity", {A: '<?xml version="1.0"?>\n<!DOCTYPE annotation [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n<annotation/>\n'})
case("xml-external-dtd", {A: '<?xml version="1.0"?>\n<!DOCTYPE annotation SYSTEM "file:///etc/ext.dtd">\n<annotation/>\n'})
case("xml-network-dtd", {A: '<?xml version="1.0"?>\n<!DOCTYPE annotation SYSTEM "http://127.0.0.1:9/x.dtd">\n<annotation/>\n'})
case("xml-truncated", {A: "<annotation>\n  <filename>img.jpg</filename>\n  <object><name>cat"})
case("xml-junk-after-root", {A: xml() + "<annotation/>\n"})
case("xml-bad-encoding", {A: '<?xml version="1.0" encoding="foo"?>\n<annotation/>\n'})
case("xml-wrong-root", {A: "<labelme><filename>img.jpg</filename></labelme>\n"})
case("voc-no-annotations-dir", {"JPEGImages/readme.txt": "no annotations here\n"})
case("voc-xmax-lt-xmin", {A: xml(objects=(("cat", 3, 1, 2, 2),))})
case("voc-non-numeric-coordinate", {A: xml(objects=(("cat", "one", 1, 2, 2),))})
case("voc-missing-bndbox", {A: "<annotation><filename>img.jpg</filename><size><width>4</width><height>3</height></size><object><name>cat</name></object></annotation>\n"})
case("voc-missing-name", {A: xml(objects=(("", 1, 1, 2, 2),))})
case("voc-missing-size-no-image", {A: xml(size=None)})
case("voc-size-zero", {A: xml(size=(0, 0))})
case("voc-unsafe-filename", {A: xml(filename="../../x.jpg")})
case("voc-origin-zero-hint", {A: xml(objects=(("cat", 0, 0, 3, 2),))})
case("voc-box-outside-image", {A: xml(objects=(("cat", 1, 1, 40, 30),))})
case("voc-missing-mask-file", {A: xml(segmented=1)})
case("voc-mask-size-mismatch", {A: xml(), O: png(5, 3, [[0] * 5] * 3, PALETTE)})
case("voc-instance-beyond-objects", {A: xml(), O: png(4, 3, [[1, 1, 0, 2], [1, 1, 0, 2], [0, 0, 0, 0]], PALETTE)})
case("voc-rgb-color-not-in-colormap", {A: xml(), O: png(4, 3, [[128, 0, 0] * 2 + [1, 2, 3] * 2] * 3, None, color_type=2)})
case("voc-imagesets-missing-file", {A: xml(), "ImageSets/Main/train.txt": "img\nghost\n"})
case("voc-labelmap-bad-line", {A: xml(), "labelmap.txt": "background:0,0,0::\ncat:300,0,0::\n"})
case("voc-imagesets-bad-line", {A: xml(), "ImageSets/Main/cat_train.txt": "img 1\nimg maybe\n"})
good = png(4, 3, GOOD_ROWS, PALETTE)
bad_crc = bytearray(good); bad_crc[-20] ^= 0xFF  # inside IDAT data -> CRC mismatch
case("png-bad-crc", {A: xml(), O: bytes(bad_crc)})
case("png-truncated-idat", {A: xml(), O: png(4, 3, GOOD_ROWS, PALETTE, idat=zlib.compress(b"".join(bytes([0]) + bytes(r) for r in GOOD_ROWS))[:-6])})
case("png-ihdr-larger-than-data", {A: xml(size=(4, 30)), O: png(4, 30, GOOD_ROWS, PALETTE)})
case("png-index-without-palette-entry", {A: xml(), O: png(4, 3, [[1, 1, 0, 9], [1, 1, 0, 0], [0, 0, 0, 0]], PALETTE[:4])})
case("png-bad-signature", {A: xml(), O: b"GIF89a not a png"})
case("png-zero-length", {A: xml(), O: b""})
case("png-bad-filter-byte", {A: xml(), O: png(4, 3, GOOD_ROWS, PALETTE, filt=7)})
case("png-missing-plte", {A: xml(), O: png(4, 3, GOOD_ROWS, None)})
