#!/usr/bin/env python3
"""Writes tiny_features.pt beside this script: a small frozen base in TorchScript, for the tests,
and tiny_features_other.pt, the same network with other weights.

Same contract as bench/torchscript/make_inception_torchscript.py (N x 3 x H x W ImageNet-normalized
RGB in, N x D features out) but 8 features from one strided convolution, so the file is a few KB.
Its features carry the staining darkness that tells tumor from normal on the synthetic slides.

    /usr/bin/python3 tests/Pipeline.Tests/Training/Frozen/make_tiny_torchscript.py
"""
import os

import torch


class TinyFeatures(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, kernel_size=5, stride=4)
        self.pool = torch.nn.AdaptiveAvgPool2d(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.flatten(self.pool(torch.relu(self.conv(x))), 1)


def write(name: str, seed: int) -> None:
    torch.manual_seed(seed)
    model = TinyFeatures().eval()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with torch.no_grad():
        traced = torch.jit.trace(model, torch.rand(2, 3, 64, 64))
    traced.save(out)
    print(f"{out}: {os.path.getsize(out)} bytes")


def main() -> None:
    write("tiny_features.pt", 7)
    write("tiny_features_other.pt", 8)


if __name__ == "__main__":
    main()
