#!/usr/bin/env python3
"""Writes the malformed COCO corpus. Each file holds one defect; Tests/AnnoCLITests/COCOInvalidCorpusTests.swift
asserts the exact code, line:column, JSON Pointer and exit code of each. Run from this folder."""
import os

HEAD = '{\n "images": [\n  {"id": 1, "file_name": "a.jpg", "width": 40, "height": 30}\n ],\n "categories": [\n  {"id": 1, "name": "cat"}\n ],\n "annotations": [\n'
TAIL = '\n ]\n}\n'

def ann(body):
    # the annotation object sits on line 9
    return HEAD + '  {' + body + '}' + TAIL

cases = {
    # --- not JSON at all (thrown, AK001) ---
    "truncated-object": '{\n "images": [\n  {"id": 1, "file_name": "a.jpg"',
    "truncated-string": '{\n "images": [\n  {"id": 1, "file_name": "a.j',
    "truncated-number": '{\n "info": {"year": 2026, "version": 1.',
    "trailing-comma-array": '{\n "images": [\n  {"id": 1},\n ]\n}\n',
    "trailing-comma-object": '{\n "info": {"year": 2026,},\n "images": []\n}\n',
    "nan-literal": ann('"id": 1, "image_id": 1, "category_id": 1, "area": NaN'),
    "single-quotes": "{\n 'images': []\n}\n",
    "control-in-string": '{\n "info": {"description": "tab\there"}\n}\n',
    "trailing-garbage": '{"images": []}\n}\n',
    "empty-file": '',
    "leading-zero": '{\n "images": [{"id": 01}]\n}\n',
    "lone-surrogate": '{\n "info": {"description": "\\ud800 alone"}\n}\n',
    "deep-nesting": '{\n "info": ' + '[' * 600 + ']' * 600 + '\n}\n',
    "not-an-object": '"just a string"\n',
    # --- malformed items (diagnostics; --strict makes them fatal) ---
    "bbox-three-numbers": ann('"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3]'),
    "bbox-string": ann('"id": 1, "image_id": 1, "category_id": 1, "bbox": "1,2,3,4"'),
    "bbox-with-null": ann('"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, null, 4]'),
    "segmentation-string": ann('"id": 1, "image_id": 1, "category_id": 1, "segmentation": "poly"'),
    "polygon-odd-count": ann('"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[1, 1, 5, 1, 5]]'),
    "polygon-two-points": ann('"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[1, 1, 5, 5]]'),
    "polygon-bare-list": ann('"id": 1, "image_id": 1, "category_id": 1, "segmentation": [1, 1, 5, 1, 5, 5]'),
    "polygon-string-value": ann('"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[1, 1, "5", 1, 5, 5]]'),
    "rle-sum-mismatch": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [30, 40], "counts": [10, 5, 20]}'),
    "rle-negative-count": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [30, 40], "counts": [1210, -10]}'),
    "rle-illegal-character": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [30, 40], "counts": "52~03"}'),
    "rle-truncated-string": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [30, 40], "counts": "52203P"}'),
    "rle-missing-size": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"counts": "52203"}'),
    "rle-size-overflow": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [100000, 100000], "counts": [0]}'),
    "rle-counts-float": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [30, 40], "counts": [600.5, 599.5]}'),
    "annotation-not-object": HEAD + '  [1, 2, 3]' + TAIL,
    "annotation-missing-image-id": ann('"id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]'),
    "image-id-fraction": '{\n "images": [\n  {"id": 1.5, "file_name": "a.jpg"}\n ]\n}\n',
    "image-id-null": '{\n "images": [\n  {"id": null, "file_name": "a.jpg"}\n ]\n}\n',
    "image-id-huge": '{\n "images": [\n  {"id": 123456789012345678901234567890, "file_name": "a.jpg"}\n ]\n}\n',
    "image-width-huge": '{\n "images": [\n  {"id": 1, "file_name": "a.jpg", "width": 1e300, "height": 30}\n ]\n}\n',
    "image-width-string": '{\n "images": [\n  {"id": 1, "file_name": "a.jpg", "width": "640", "height": 30}\n ]\n}\n',
    "images-not-array": '{\n "images": {"id": 1},\n "annotations": []\n}\n',
    "iscrowd-two": ann('"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 2, "bbox": [1, 2, 3, 4]'),
    "category-missing-name": '{\n "categories": [\n  {"id": 3, "supercategory": "animal"}\n ]\n}\n',
    "duplicate-key": '{\n "images": [\n  {"id": 1, "file_name": "a.jpg", "id": 2}\n ]\n}\n',
    # a repeated unknown top-level key (found by FuzzCOCO: both values were kept and written twice)
    "duplicate-top-level-key": '{\n "notes": [1],\n "images": [],\n "notes": {"kept": true}\n}\n',
    # Segment Anything's "image" of the wrong type (found by FuzzCOCO: it was reported as invalid JSON)
    "sam-image-not-object": '{\n "image": 5,\n "annotations": []\n}\n',
    # ... and an "image" without an id (found by FuzzCOCO: COCO -> COCO did not read back the same)
    "sam-image-without-id": '{\n "image": {"width": 10, "height": 5, "file_name": "a.jpg"},\n "annotations": [\n  {"id": 1, "bbox": [3, 1, 1, 4]}\n ]\n}\n',
}

binary = {
    "invalid-utf8": b'{\n "info": {"description": "caf\xc3"}\n}\n',
    "overlong-utf8": b'{\n "info": {"description": "\xc0\xaf"}\n}\n',
}

for name, text in cases.items():
    with open(name + ".json", "w", encoding="utf-8") as f:
        f.write(text)
for name, data in binary.items():
    with open(name + ".json", "wb") as f:
        f.write(data)
print(len(cases) + len(binary), "files")
