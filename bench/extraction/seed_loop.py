#!/usr/bin/env python3
"""The seed's way, for comparison: one OpenSlide read per cell, PNG saved per patch.

  seed_loop.py patches <slide> <mask> <catalog.db> <out-dir>   read_region + mask check + PNG save
  seed_loop.py grid <mask> <cell>                                 tumor grid with one read per cell

Prints one JSON line with counts and seconds.
"""
import json
import os
import sqlite3
import sys
import time

import numpy as np
import openslide
from PIL import Image


def get_patch(slide, x, y, w, h):
    return np.array(slide.read_region((x, y), 0, (w, h)))


def patches(slide_path, mask_path, catalog, out_dir):
    slide, mask = openslide.OpenSlide(slide_path), openslide.OpenSlide(mask_path)
    name = os.path.splitext(os.path.basename(slide_path))[0]
    rows = sqlite3.connect(catalog).execute(
        "SELECT p.X, p.Y FROM Patches p JOIN RunSlides s ON s.Id = p.RunSlideId WHERE s.Name = ?", (name,)).fetchall()
    os.makedirs(out_dir, exist_ok=True)
    start = time.perf_counter()
    for x, y in rows:
        label = 'tumor' if get_patch(mask, x * 128, y * 128, 128, 128)[:, :, 0].any() else 'normal'
        patch = get_patch(slide, max(0, x * 128 - 85), max(0, y * 128 - 85), 299, 299)
        Image.fromarray(patch, 'RGBA').convert('RGB').save(f'{out_dir}/{label}_{name}_{x}_{y}.png')
    seconds = time.perf_counter() - start
    print(json.dumps({"patches": len(rows), "seconds": seconds}))


def grid(mask_path, cell):
    mask = openslide.OpenSlide(mask_path)
    w, h = mask.dimensions
    gw, gh = -(-w // cell), -(-h // cell)
    start = time.perf_counter()
    tumor = sum(1 for y in range(gh) for x in range(gw)
                if get_patch(mask, x * cell, y * cell, cell, cell)[:, :, 0].any())
    print(json.dumps({"cells": gw * gh, "tumorCells": tumor, "seconds": time.perf_counter() - start}))


if __name__ == '__main__':
    if sys.argv[1] == 'patches':
        patches(*sys.argv[2:6])
    else:
        grid(sys.argv[2], int(sys.argv[3]))
