"""PyTorch peer of whole-slide inference (issue 3, section 7 (c)).

The seed's test loop written with PyTorch: for each tissue cell (from our cells.csv, in its row
order) read the 299 x 299 patch centred on the cell with OpenSlide, collect a batch, convert it to
floats in [0, 1], run torchvision's InceptionV3 up to Mixed_7c with the seed's head under no_grad.
Reading and the model alternate in one thread of Python, as the seed's loop did. Prints JSON.

Usage: /usr/bin/python3 torch_peer.py <slide> <cells.csv> <batch> <threads> [cell_size=128]
"""
import csv
import json
import sys
import time

import numpy as np
import openslide
import torch
from torch import nn
from torchvision.models import inception_v3

STAGES = ["Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1", "Conv2d_4a_3x3", "maxpool2",
          "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e",
          "Mixed_7a", "Mixed_7b", "Mixed_7c"]
PATCH = 299


class PatchNet(nn.Module):
    """InceptionV3 without pooling or classifier (Keras include_top=False) under the seed's head."""

    def __init__(self):
        super().__init__()
        net = inception_v3(weights=None, aux_logits=False, init_weights=False)
        self.base = nn.Sequential(*[getattr(net, name) for name in STAGES])
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2048 * 8 * 8, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 1))

    def forward(self, x):
        return self.head(self.base(x * 2 - 1))


def tissue_cells(path):
    with open(path, newline="") as f:
        return [(int(r["x"]), int(r["y"])) for r in csv.DictReader(f) if r["tissue"] in ("1", "true", "True")]


def main():
    slide_path, cells_path, batch, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    cell = int(sys.argv[5]) if len(sys.argv) > 5 else 128
    torch.set_num_threads(threads)
    cells = tissue_cells(cells_path)
    offset = cell // 2 - PATCH // 2
    slide = openslide.OpenSlide(slide_path)
    model = PatchNet().eval()
    with torch.no_grad():
        model(torch.zeros(batch, 3, PATCH, PATCH))  # warm-up, as our process is warm from (a)

    read_s = model_s = 0.0
    scores = []
    start = time.perf_counter()
    for b in range(0, len(cells), batch):
        t0 = time.perf_counter()
        patches = [np.asarray(slide.read_region((x * cell + offset, y * cell + offset), 0, (PATCH, PATCH)).convert("RGB"))
                   for x, y in cells[b:b + batch]]
        t1 = time.perf_counter()
        x = torch.from_numpy(np.stack(patches)).permute(0, 3, 1, 2).float().div_(255)
        with torch.no_grad():
            scores.extend(torch.sigmoid(model(x)).view(-1).tolist())
        t2 = time.perf_counter()
        read_s += t1 - t0
        model_s += t2 - t1
    seconds = time.perf_counter() - start
    print(json.dumps({"cells": len(scores), "seconds": seconds, "readSeconds": read_s, "modelSeconds": model_s,
                      "threads": torch.get_num_threads(), "batch": batch, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
