#!/usr/bin/env python3
"""Regenerates Fixtures/json/{pass,fail}/ and fail/EXPECTED.tsv.

Each fail case names the byte (a marker substring, or 'END') where the error must be reported; the line and
column are computed here independently of the Swift code (1-based, columns in UTF-8 bytes, a BOM on line 1
not counted). Columns of EXPECTED.tsv: file, kind, line, column, pointer.
"""
import os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))

def loc(data, off):
    line = data.count(b"\n", 0, off) + 1
    start = data.rfind(b"\n", 0, off) + 1
    col = off - start + 1
    if line == 1 and data.startswith(b"\xef\xbb\xbf") and off >= 3:
        col -= 3
    return line, col

# (name, bytes, kind, where, pointer). `where` is ('at', marker, nth) -> offset of the nth occurrence of marker,
# or 'END' -> len(data).
FAIL = [
    ("empty", b"", "unexpectedEnd", "END", ""),
    ("only-whitespace", b"  \n  ", "unexpectedEnd", "END", ""),
    ("trailing-comma-array", b'{\n  "a": [1, 2,]\n}', "trailingComma", (b",]", 0), "/a/1"),
    ("trailing-comma-object", b'{\n  "a": 1,\n}', "trailingComma", (b",\n}", 0), "/a"),
    ("unterminated-object", b'{"a": 1', "unexpectedEnd", "END", "/a"),
    ("unterminated-array", b'[1, [2, 3]', "unexpectedEnd", "END", "/1"),
    ("unterminated-string", b'["abc', "unexpectedEnd", "END", "/0"),
    ("leading-zero", b'{"n": 01}', "invalidNumber", (b"01", 0), "/n"),
    ("plus-sign", b'[+1]', "unexpectedCharacter:43", (b"+", 0), "/0"),
    ("leading-dot", b'[.5]', "unexpectedCharacter:46", (b".", 0), "/0"),
    ("trailing-dot", b'[1.]', "invalidNumber", (b"1.", 0), "/0"),
    ("nan", b'[NaN]', "unexpectedCharacter:78", (b"N", 0), "/0"),
    ("infinity", b'{"x": Infinity}', "unexpectedCharacter:73", (b"I", 0), "/x"),
    ("negative-infinity", b'[-Infinity]', "invalidNumber", (b"-", 0), "/0"),
    ("exponent-without-digits", b'[1e]', "invalidNumber", (b"1e", 0), "/0"),
    ("minus-alone", b'[-]', "invalidNumber", (b"-", 0), "/0"),
    ("control-char-in-string", b'["a\tb"]', "controlCharacterInString:9", (b"\t", 0), "/0"),
    ("newline-in-string", b'{"k": "a\nb"}', "controlCharacterInString:10", (b"\nb", 0), "/k"),
    ("invalid-escape", b'["\\x41"]', "invalidEscape", (b"\\", 0), "/0"),
    ("short-unicode-escape", b'["\\u12"]', "invalidEscape", (b"\\", 0), "/0"),
    ("lone-high-surrogate", b'["\\uD800"]', "loneSurrogate", (b"\\", 0), "/0"),
    ("lone-low-surrogate", b'["\\uDC00"]', "loneSurrogate", (b"\\", 0), "/0"),
    ("high-surrogate-bad-pair", b'["\\uD800\\u0041"]', "loneSurrogate", (b"\\", 0), "/0"),
    ("utf8-overlong-2byte", b'["\xc0\xaf"]', "invalidUTF8", (b"\xc0", 0), "/0"),
    ("utf8-overlong-3byte", b'["\xe0\x80\xaf"]', "invalidUTF8", (b"\xe0", 0), "/0"),
    ("utf8-encoded-surrogate", b'["\xed\xa0\x80"]', "invalidUTF8", (b"\xed", 0), "/0"),
    ("utf8-above-max", b'["\xf4\x90\x80\x80"]', "invalidUTF8", (b"\xf4", 0), "/0"),
    ("utf8-truncated-sequence", b'["ab\xe2\x82"]', "invalidUTF8", (b"\xe2", 0), "/0"),
    ("utf8-lone-continuation", b'{"file_name": "x\x80y"}', "invalidUTF8", (b"\x80", 0), "/file_name"),
    ("utf8-byte-ff", b'["\xff"]', "invalidUTF8", (b"\xff", 0), "/0"),
    ("utf8-in-key", b'{"k\xfe": 1}', "invalidUTF8", (b"\xfe", 0), ""),
    ("depth-513", b"[" * 600, "depthLimitExceeded:512", ("nth-bracket", 512), "/0" * 512),
    ("trailing-content", b'{}\n{}', "trailingContent", (b"{}", 1), ""),
    ("comment", b'{\n  // note\n  "a": 1\n}', "unexpectedCharacter:47", (b"/", 0), ""),
    ("single-quotes", b"{'a': 1}", "unexpectedCharacter:39", (b"'", 0), ""),
    ("missing-colon", b'{"a" 1}', "unexpectedCharacter:49", (b"1", 0), "/a"),
    ("missing-comma", b'[1 2]', "unexpectedCharacter:50", (b"2", 0), "/0"),
    ("unquoted-key", b'{a: 1}', "unexpectedCharacter:97", (b"a", 0), ""),
    ("invalid-literal", b'[tru]', "invalidLiteral", (b"t", 0), "/0"),
    ("capitalised-null", b'[Null]', "unexpectedCharacter:78", (b"N", 0), "/0"),
    ("truncated-literal", b'[fals', "unexpectedEnd", "END", "/0"),
    ("error-at-line3-col7", b'{\n  "a": 1,\n  "b":x\n}', "unexpectedCharacter:120", (b"x", 0), "/b"),
    ("bom-then-bracket", b'\xef\xbb\xbf]', "unexpectedCharacter:93", (b"]", 0), ""),
    ("partial-bom", b'\xef\xbb{}', "unexpectedCharacter:239", (b"\xef", 0), ""),
    ("mismatched-close", b'[1}', "unexpectedCharacter:125", (b"}", 0), "/0"),
    ("empty-element", b'[1,,2]', "unexpectedCharacter:44", (b",", 1), "/1"),
    ("leading-comma", b"[,1]", "unexpectedCharacter:44", (b",", 0), "/0"),
    ("nul-after-value", b'[1]\x00', "trailingContent", (b"\x00", 0), ""),
    ("annotation-bbox-string", b'{"annotations": [{"bbox": [1, 2, 3, 4]}, {"bbox": [1, 2, "x" 4]}]}',
     "unexpectedCharacter:52", (b"4]}]", 0), "/annotations/1/bbox/2"),
    ("key-with-slash-and-tilde", b'{"a/b": {"c~d": [1,]}}', "trailingComma", (b",]", 0), "/a~1b/c~0d/0"),
]

PASS = {
    "empty-containers": b'{"a": {}, "b": [], "c": [{}, []]}',
    "top-level-number": b'  -12.5e-3  ',
    "top-level-string": b'"hello"',
    "literals": b'[true, false, null]',
    "numbers": b'[0, -0, -0.0, 10, 10.0, 1E5, 1e+5, 1e-5, 373.29, 1e300, 1e400, -1e400, 123456789012345678901234567890, 0.1, 5e-324, 9007199254740993]',
    "escapes": b'["\\"\\\\\\/\\b\\f\\n\\r\\t", "\\u0000", "\\u00e9\\u4e2d\\ud83d\\ude00", "a\\u002Fb"]',
    "unicode-raw": '["caf\u00e9", "\u4e2d\u6587", "\U0001F600", "\u00a0"]'.encode("utf-8"),
    "bom": b'\xef\xbb\xbf{"a": 1}',
    "whitespace": b' \t\r\n[ 1 ,\t2 ,\r\n 3 ] \n',
    "duplicate-keys": b'{"id": 1, "id": 2}',
    "deep-100": b"[" * 100 + b"]" * 100,
    "coco-small": b'''{
  "info": {"description": "tiny", "version": "1.0"},
  "licenses": [],
  "images": [
    {"id": 1, "file_name": "a/b.jpg", "width": 640, "height": 480},
    {"id": 2, "file_name": "c.jpg", "width": 320, "height": 240, "title": "A cat"}
  ],
  "annotations": [
    {"id": 10, "image_id": 1, "category_id": 3, "bbox": [373.29, 10.0, 20, 30.5], "area": 610.0, "iscrowd": 0,
     "segmentation": [[1, 2, 3.5, 4, 5.25, 6]]},
    {"id": 11, "image_id": 2, "category_id": 3, "bbox": [0, 0, 1, 1], "area": 1, "iscrowd": 1,
     "segmentation": {"size": [240, 320], "counts": "0123abc"}}
  ],
  "categories": [{"id": 3, "name": "cat", "supercategory": "animal"}]
}
''',
}

def main():
    for sub in ("pass", "fail"):
        d = os.path.join(HERE, sub)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    rows = []
    for name, data, kind, where, pointer in FAIL:
        if where == "END":
            off = len(data)
        elif where[0] == "nth-bracket":
            off = where[1]
        else:
            marker, nth = where
            off = -1
            for _ in range(nth + 1):
                off = data.index(marker, off + 1)
        line, col = loc(data, off)
        with open(os.path.join(HERE, "fail", name + ".json"), "wb") as f:
            f.write(data)
        rows.append(f"{name}.json\t{kind}\t{line}\t{col}\t{pointer}")
    with open(os.path.join(HERE, "fail", "EXPECTED.tsv"), "w") as f:
        f.write("# file\tkind\tline\tcolumn\tpointer\n" + "\n".join(rows) + "\n")
    for name, data in PASS.items():
        with open(os.path.join(HERE, "pass", name + ".json"), "wb") as f:
            f.write(data)

main()
