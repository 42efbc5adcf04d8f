#!/usr/bin/env python3
"""Writes the PNG fixtures under Fixtures/png/ using only the Python standard library (zlib, struct, random).

This is an independent PNG writer (filters, Adam7, bit packing) so AnnoPNG's decoder is not only tested against
AnnoPNG's own encoder. Run from anywhere: python3 Fixtures/png/make_fixtures.py. Output is deterministic.

valid/NAME.png   a PNG; valid/NAME.raw the expected samples, one byte per sample (raw, not rescaled) for bit
                 depths <= 8 and two big-endian bytes for 16; for palette images valid/NAME.pal holds the expected
                 palette as r,g,b,a quadruples (alpha 255 where tRNS gives none).
invalid/NAME.png malformed files; the expected typed errors are asserted in Tests/AnnoPNGTests/InvalidCorpusTests.swift.
"""
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data, crc=None):
    if crc is None:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def ihdr(width, height, bit_depth, color_type, interlace=0, compression=0, filter_method=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, compression,
                                      filter_method, interlace))


def pack_row(samples, bit_depth):
    if bit_depth == 8:
        return bytes(samples)
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out = bytearray()
    per_byte = 8 // bit_depth
    for i in range(0, len(samples), per_byte):
        byte = 0
        group = samples[i:i + per_byte]
        for j, s in enumerate(group):
            byte |= s << (8 - bit_depth * (j + 1))
        out.append(byte)
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    if pb <= pc:
        return b
    return c


def filter_row(kind, row, prev, bpp):
    out = bytearray([kind])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i] if prev is not None else 0
        c = prev[i - bpp] if (prev is not None and i >= bpp) else 0
        if kind == 0:
            v = x
        elif kind == 1:
            v = x - a
        elif kind == 2:
            v = x - b
        elif kind == 3:
            v = x - ((a + b) >> 1)
        else:
            v = x - paeth(a, b, c)
        out.append(v & 0xFF)
    return bytes(out)


def filtered_data(samples, width, height, bit_depth, color_type, interlace, filters):
    """samples: list of rows, each a flat list of samples (width * channels). filters(scanline_index) -> 0..4."""
    channels = CHANNELS[color_type]
    bpp = max(1, bit_depth * channels // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    out = bytearray()
    scanline = 0
    for (x0, y0, dx, dy) in passes:
        pw = (width - x0 + dx - 1) // dx if width > x0 else 0
        ph = (height - y0 + dy - 1) // dy if height > y0 else 0
        if pw == 0 or ph == 0:
            continue
        prev = None
        for py in range(ph):
            y = y0 + py * dy
            row_samples = []
            for px in range(pw):
                x = x0 + px * dx
                row_samples += samples[y][x * channels:(x + 1) * channels]
            raw = pack_row(row_samples, bit_depth)
            out += filter_row(filters(scanline), raw, prev, bpp)
            prev = raw
            scanline += 1
    return bytes(out)


def png(width, height, bit_depth, color_type, idat_stream, interlace=0, before_idat=(), idat_piece=None):
    out = SIGNATURE + ihdr(width, height, bit_depth, color_type, interlace)
    for c in before_idat:
        out += c
    if idat_piece:
        for i in range(0, len(idat_stream), idat_piece):
            out += chunk(b"IDAT", idat_stream[i:i + idat_piece])
    else:
        out += chunk(b"IDAT", idat_stream)
    return out + chunk(b"IEND", b"")


def write(path, data):
    full = os.path.join(HERE, path)
    with open(full, "wb") as f:
        f.write(data)


def make_valid():
    formats = [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (2, 8), (3, 1), (3, 2), (3, 4), (3, 8), (4, 8), (6, 8)]
    cases = []
    for (ct, bd) in formats:
        for interlace in (0, 1):
            cases.append((f"ct{ct}_bd{bd}{'_adam7' if interlace else ''}", 13, 11, ct, bd, interlace,
                          lambda s: s % 5, 50))
    for k in range(5):
        cases.append((f"gray8_filter{k}", 17, 9, 0, 8, 0, (lambda kk: (lambda s: kk))(k), None))
        cases.append((f"rgba8_filter{k}", 9, 7, 6, 8, 0, (lambda kk: (lambda s: kk))(k), None))
    cases.append(("ct0_bd8_1x1_adam7", 1, 1, 0, 8, 1, lambda s: s % 5, None))
    cases.append(("ct3_bd1_3x2_adam7", 3, 2, 3, 1, 1, lambda s: (s + 1) % 5, None))
    cases.append(("ct3_bd4_9x17_adam7", 9, 17, 3, 4, 1, lambda s: (s * 3) % 5, 7))

    for (name, w, h, ct, bd, interlace, filters, piece) in cases:
        # Seeded by the image's shape, so each plain file and its _adam7 twin hold the same samples.
        rng = random.Random(f"{w}x{h}-ct{ct}-bd{bd}")
        channels = CHANNELS[ct]
        maximum = (1 << bd) - 1
        palette_entries = None
        if ct == 3:
            palette_entries = min(1 << bd, 200 if bd == 8 else 256)
            maximum = palette_entries - 1
        # Smooth-ish data with noise so every filter type does real work.
        samples = []
        for y in range(h):
            row = []
            for x in range(w):
                for c in range(channels):
                    base = (x * 37 + y * 91 + c * 53) % (maximum + 1)
                    row.append(base if rng.random() < 0.5 else rng.randint(0, maximum))
            samples.append(row)
        extra = [chunk(b"tEXt", b"Comment\x00AnnoKit fixture"), chunk(b"prVt", b"private ancillary chunk")]
        pal_bytes = None
        if ct == 3:
            plte = bytearray()
            pal_bytes = bytearray()
            alphas = [(255 - 3 * k) % 256 for k in range(palette_entries // 2)] if bd in (2, 8) else []
            for k in range(palette_entries):
                r, g, b = (k * 7) & 0xFF, (k * 13 + 5) & 0xFF, (k * 29 + 11) & 0xFF
                plte += bytes([r, g, b])
                pal_bytes += bytes([r, g, b, alphas[k] if k < len(alphas) else 255])
            extra.append(chunk(b"PLTE", bytes(plte)))
            if alphas:
                extra.append(chunk(b"tRNS", bytes(alphas)))
        stream = zlib.compress(filtered_data(samples, w, h, bd, ct, interlace, filters), 9)
        write(f"valid/{name}.png", png(w, h, bd, ct, stream, interlace, extra, piece))
        raw = bytearray()
        for row in samples:
            for s in row:
                raw += struct.pack(">H", s) if bd == 16 else bytes([s])
        write(f"valid/{name}.raw", bytes(raw))
        if pal_bytes is not None:
            write(f"valid/{name}.pal", bytes(pal_bytes))


def gray16x16(rng):
    return [[rng.randint(0, 255) for _ in range(16)] for _ in range(16)]


def make_invalid():
    rng = random.Random(7)
    samples = gray16x16(rng)
    data = filtered_data(samples, 16, 16, 8, 0, 0, lambda s: 0)  # 272 bytes
    stream = zlib.compress(data, 9)
    good = png(16, 16, 8, 0, stream)
    idat_at = 33

    write("invalid/bad_signature.png", b"\x88" + good[1:])
    write("invalid/empty.png", b"")
    write("invalid/bad_crc_ihdr.png", SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0),
                                                            crc=0xDEADBEEF) + good[33:])
    write("invalid/bad_crc_idat.png", SIGNATURE + ihdr(16, 16, 8, 0) + chunk(b"IDAT", stream, crc=0)
          + chunk(b"IEND", b""))
    write("invalid/truncated_file_in_idat.png", good[:idat_at + 8 + len(stream) // 2])
    stored = zlib.compress(data, 0)
    write("invalid/truncated_zlib_stream.png", png(16, 16, 8, 0, stored[:2 + 5 + 100]))
    write("invalid/ihdr_larger_than_data.png", SIGNATURE + ihdr(64, 64, 8, 0) + chunk(b"IDAT", stream)
          + chunk(b"IEND", b""))
    # 4x4 palette image with two PLTE entries; pixel (3, 2) uses index 5.
    indices = [[(x + y) % 2 for x in range(4)] for y in range(4)]
    indices[2][3] = 5
    plte2 = chunk(b"PLTE", bytes([0, 0, 0, 255, 255, 255]))
    pal_stream = zlib.compress(filtered_data(indices, 4, 4, 8, 3, 0, lambda s: 0), 9)
    write("invalid/palette_index_beyond.png", png(4, 4, 8, 3, pal_stream, 0, [plte2]))
    write("invalid/palette_missing.png", png(4, 4, 8, 3, pal_stream))
    write("invalid/plte_bad_length.png", png(4, 4, 8, 3, pal_stream, 0, [chunk(b"PLTE", bytes(7))]))
    write("invalid/trns_too_long.png", png(4, 4, 8, 3, pal_stream, 0, [plte2, chunk(b"tRNS", bytes(3))]))
    write("invalid/palette_in_gray.png", png(16, 16, 8, 0, stream, 0, [plte2]))
    # A 16x16 gray image whose IDAT inflates to 1 GiB of zeros, compressed by streaming 1 MiB at a time.
    bomb = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    parts = [bomb.compress(zeros) for _ in range(1024)]
    parts.append(bomb.flush())
    write("invalid/bomb_1gib.png", png(16, 16, 8, 0, b"".join(parts)))
    write("invalid/zero_width.png", png(0, 16, 8, 0, stream))
    write("invalid/width_over_2_31.png", png(0x80000000, 1, 8, 0, stream))
    write("invalid/huge_dimensions.png", png(1000000, 1000000, 8, 3, stream, 0, [plte2]))
    write("invalid/huge_pixels.png", png(65536, 65536, 8, 0, stream))
    write("invalid/missing_iend.png", SIGNATURE + ihdr(16, 16, 8, 0) + chunk(b"IDAT", stream))
    bad_filter = bytearray(data)
    bad_filter[3 * 17] = 5  # filter byte of scanline 3
    write("invalid/bad_filter_type.png", png(16, 16, 8, 0, zlib.compress(bytes(bad_filter), 9)))
    write("invalid/palette_16bit.png", png(16, 16, 16, 3, stream))
    write("invalid/rgb_4bit.png", png(16, 16, 4, 2, stream))
    write("invalid/color_type_5.png", png(16, 16, 8, 5, stream))
    write("invalid/rgb16_unsupported.png", png(16, 16, 16, 2, stream))
    write("invalid/interlace_method_2.png", png(16, 16, 8, 0, stream, 2))
    write("invalid/chunk_length_past_eof.png", SIGNATURE + ihdr(16, 16, 8, 0) + struct.pack(">I", 0x7FFFFFF0)
          + b"IDAT" + stream[:40] + b"\x00\x00\x00\x00")
    write("invalid/chunk_length_over_2_31.png", SIGNATURE + ihdr(16, 16, 8, 0) + struct.pack(">I", 0xFFFFFFF0)
          + b"IDAT" + stream[:40] + b"\x00\x00\x00\x00")
    write("invalid/no_idat.png", SIGNATURE + ihdr(16, 16, 8, 0) + chunk(b"IEND", b""))
    write("invalid/unknown_critical.png", png(16, 16, 8, 0, stream, 0, [chunk(b"ABCD", b"x")]))
    half = len(stream) // 2
    write("invalid/idat_not_consecutive.png", SIGNATURE + ihdr(16, 16, 8, 0) + chunk(b"IDAT", stream[:half])
          + chunk(b"tEXt", b"a\x00b") + chunk(b"IDAT", stream[half:]) + chunk(b"IEND", b""))
    write("invalid/ihdr_not_first.png", SIGNATURE + chunk(b"tEXt", b"a\x00b") + good[8:])
    write("invalid/ihdr_wrong_length.png", SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBB", 16, 16, 8, 0, 0, 0))
          + good[33:])
    write("invalid/apng_actl.png", png(16, 16, 8, 0, stream, 0, [chunk(b"acTL", struct.pack(">II", 1, 0))]))
    bad_adler = bytearray(stream)
    bad_adler[-1] ^= 0xFF
    write("invalid/bad_adler32.png", png(16, 16, 8, 0, bytes(bad_adler)))
    write("invalid/idat_too_long.png", SIGNATURE + ihdr(8, 8, 8, 0) + chunk(b"IDAT", stream) + chunk(b"IEND", b""))
    write("invalid/bad_chunk_type.png", SIGNATURE + ihdr(16, 16, 8, 0) + chunk(b"ID@T", stream)
          + chunk(b"IEND", b""))

    print("IHDR 16x16 gray8 CRC:", hex(zlib.crc32(b"IHDR" + struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))))
    print("IDAT CRC:", hex(zlib.crc32(b"IDAT" + stream)), "stream length", len(stream))
    print("bomb compressed bytes:", sum(len(p) for p in parts))


if __name__ == "__main__":
    make_valid()
    make_invalid()
