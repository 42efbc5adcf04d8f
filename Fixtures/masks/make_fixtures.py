#!/usr/bin/env python3
"""Writes the masks workflow fixtures (standard library only): three small synthetic photos under images/,
boxes-only.json (a box-only COCO file whose boxes are the tight boxes of the drawn objects) and
predictions.json (a COCO results list of polygon "model" masks for some objects, plus deliberate misses).

Run from anywhere: python3 Fixtures/masks/make_fixtures.py. Output is deterministic."""
import json, math, os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, w, h, pixels):
    raw = b"".join(b"\x00" + bytes(v for p in pixels[y * w:(y + 1) * w] for v in p) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


class Canvas:
    def __init__(self, w, h, top, bottom, horizon):
        self.w, self.h = w, h
        self.px = []
        for y in range(h):
            for x in range(w):
                c = top if y < horizon else bottom
                shade = (y - (0 if y < horizon else horizon)) / h
                self.px.append(tuple(max(0, min(255, int(v * (1 - 0.35 * shade)))) for v in c))

    def put(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y * self.w + x] = c

    def rect(self, x0, y0, x1, y1, c):
        for y in range(y0, y1):
            for x in range(x0, x1):
                self.put(x, y, c)

    def ellipse(self, x0, y0, x1, y1, c):
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        for y in range(y0, y1):
            for x in range(x0, x1):
                if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1:
                    self.put(x, y, c)


def ellipse_polygon(x0, y0, x1, y1, n=24, jitter=0.0):
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        k = 1 + jitter * math.sin(3 * a)
        pts += [round(cx + k * rx * math.cos(a), 2), round(cy + k * ry * math.sin(a), 2)]
    return pts


def main():
    os.makedirs(os.path.join(HERE, "images"), exist_ok=True)
    # street.png 240x160: two cars and a person.
    c = Canvas(240, 160, (135, 185, 235), (95, 95, 100), 96)
    c.rect(0, 60, 240, 96, (170, 160, 150))           # buildings
    for x in range(10, 240, 40):
        c.rect(x, 68, x + 18, 84, (90, 120, 160))       # windows
    c.rect(20, 100, 92, 128, (200, 40, 40)); c.rect(34, 88, 78, 100, (170, 30, 30))   # red car
    c.ellipse(26, 122, 42, 138, (25, 25, 25)); c.ellipse(70, 122, 86, 138, (25, 25, 25))
    c.rect(130, 104, 190, 128, (40, 80, 200)); c.rect(142, 94, 178, 104, (30, 60, 170))  # blue car
    c.ellipse(136, 122, 150, 136, (25, 25, 25)); c.ellipse(170, 122, 184, 136, (25, 25, 25))
    c.ellipse(209, 70, 223, 84, (240, 200, 160)); c.rect(206, 84, 226, 118, (60, 160, 80))  # person
    c.rect(208, 118, 214, 140, (40, 40, 60)); c.rect(218, 118, 224, 140, (40, 40, 60))
    png(os.path.join(HERE, "images", "street.png"), c.w, c.h, c.px)
    # park.png 200x150: a tree, a dog and a ball.
    p = Canvas(200, 150, (150, 200, 240), (70, 150, 60), 70)
    p.rect(40, 60, 52, 120, (100, 70, 40)); p.ellipse(16, 10, 76, 70, (30, 110, 40))   # tree
    p.ellipse(110, 96, 160, 124, (150, 100, 50)); p.ellipse(150, 84, 170, 102, (150, 100, 50))  # dog
    p.rect(116, 118, 122, 134, (120, 80, 40)); p.rect(146, 118, 152, 134, (120, 80, 40))
    p.ellipse(176, 124, 190, 138, (240, 220, 30))                                       # ball
    png(os.path.join(HERE, "images", "park.png"), p.w, p.h, p.px)
    # desk.png 180x120: a mug and a laptop.
    d = Canvas(180, 120, (225, 220, 210), (150, 110, 75), 64)
    d.rect(24, 50, 52, 90, (230, 230, 235)); d.ellipse(48, 58, 64, 80, (230, 230, 235))   # mug
    d.rect(84, 20, 156, 70, (50, 50, 55)); d.rect(88, 24, 152, 66, (60, 110, 170))       # laptop screen
    d.rect(76, 70, 164, 82, (120, 120, 125))                                              # keyboard
    png(os.path.join(HERE, "images", "desk.png"), d.w, d.h, d.px)

    categories = [
        {"id": 1, "name": "person", "supercategory": "person"},
        {"id": 3, "name": "car", "supercategory": "vehicle"},
        {"id": 18, "name": "dog", "supercategory": "animal"},
        {"id": 37, "name": "sports ball", "supercategory": "sports"},
        {"id": 47, "name": "cup", "supercategory": "kitchen"},
        {"id": 73, "name": "laptop", "supercategory": "electronic"},
        {"id": 90, "name": "tree", "supercategory": "outdoor"},
    ]
    images = [
        {"id": 1, "file_name": "street.png", "width": 240, "height": 160, "title": "Street corner"},
        {"id": 2, "file_name": "park.png", "width": 200, "height": 150, "title": "Park"},
        {"id": 3, "file_name": "desk.png", "width": 180, "height": 120, "title": "Desk"},
    ]
    boxes = [  # (id, image, category, [x, y, w, h]) - tight boxes of the drawn objects
        (1, 1, 3, [20, 88, 72, 50]),
        (2, 1, 3, [130, 94, 60, 42]),
        (3, 1, 1, [206, 70, 20, 70]),
        (4, 2, 90, [16, 10, 60, 110]),
        (5, 2, 18, [110, 84, 60, 50]),
        (6, 2, 37, [176, 124, 14, 14]),
        (7, 3, 47, [24, 50, 40, 40]),
        (8, 3, 73, [76, 20, 88, 62]),
    ]
    annotations = [
        {"id": i, "image_id": img, "category_id": cat, "bbox": b, "area": b[2] * b[3], "iscrowd": 0,
         "provenance": {"source": "human", "annotator": "ana"}}
        for i, img, cat, b in boxes
    ]
    dataset = {"info": {"description": "AnnoKit masks workflow fixture: box-only annotations", "version": "1"},
               "images": images, "annotations": annotations, "categories": categories}
    with open(os.path.join(HERE, "boxes-only.json"), "w") as f:
        json.dump(dataset, f, indent=1)
        f.write("\n")

    predictions = [
        # good masks for the two cars, the person and the dog
        {"image_id": 1, "category_id": 3, "score": 0.97,
         "segmentation": [[20, 100, 34, 100, 34, 88, 78, 88, 78, 100, 92, 100, 92, 128, 86, 130, 78, 138, 34, 138, 26, 130, 20, 128]]},
        {"image_id": 1, "category_id": 3, "score": 0.93,
         "segmentation": [[130, 104, 142, 104, 142, 94, 178, 94, 178, 104, 190, 104, 190, 128, 184, 136, 136, 136, 130, 128]]},
        {"image_id": 1, "category_id": 1, "score": 0.88,
         "segmentation": [ellipse_polygon(209, 70, 223, 84, 12), [206, 84, 226, 84, 226, 118, 224, 140, 218, 140, 216, 118, 214, 118, 214, 140, 208, 140, 206, 118]]},
        {"image_id": 2, "category_id": 18, "score": 0.81,
         "segmentation": [ellipse_polygon(110, 96, 160, 124, 24, 0.04), ellipse_polygon(150, 84, 170, 102, 16)]},
        # a duplicate, weaker car prediction: loses the one-to-one match
        {"image_id": 1, "category_id": 3, "score": 0.40,
         "segmentation": [[24, 92, 88, 92, 88, 132, 24, 132]]},
        # the right place, the wrong category
        {"image_id": 3, "category_id": 1, "score": 0.55, "segmentation": [ellipse_polygon(24, 50, 64, 90, 16)]},
        # a ball far from the ball's box
        {"image_id": 2, "category_id": 37, "score": 0.30, "segmentation": [ellipse_polygon(100, 20, 114, 34, 12)]},
    ]
    with open(os.path.join(HERE, "predictions.json"), "w") as f:
        json.dump(predictions, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
