#!/usr/bin/env python3
"""Trace torchvision's InceptionV3 as a frozen base for `train --model inception-v3-frozen --weights FILE`.

The traced module takes N x 3 x 299 x 299 RGB in [0, 1] normalized with ImageNet's mean and std
(torchvision's usual transform; TumorWeb applies it) and returns N x 2048 pooled features: the
classifier is replaced by Identity and the aux logits are dropped.

    python3 make_inception_torchscript.py OUT.pt                 # random init: a stand-in to test the plumbing
    python3 make_inception_torchscript.py OUT.pt --imagenet      # torchvision's ImageNet weights (needs their download)
    python3 make_inception_torchscript.py OUT.pt --state-dict inception_v3_google.pth

Runs with Debian's python3-torch 1.13 and python3-torchvision 0.14; TorchSharp's libtorch reads the result.
"""
import argparse

import torch
import torchvision


def build(imagenet: bool, state_dict: str | None) -> torch.nn.Module:
    if imagenet:
        model = torchvision.models.inception_v3(weights="DEFAULT")
    else:
        # transform_input=True is what torchvision sets with ImageNet weights: it maps ImageNet-normalized
        # input to the [-1, 1] range the ported TensorFlow weights expect.
        model = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=True, transform_input=True)
        if state_dict:
            missing, unexpected = model.load_state_dict(torch.load(state_dict, map_location="cpu"), strict=False)
            if [k for k in missing if not k.startswith("fc.")]:
                raise SystemExit(f"{state_dict}: lacks {missing[:3]} ...")
    model.aux_logits = False
    model.AuxLogits = None
    model.fc = torch.nn.Identity()
    return model.eval()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--imagenet", action="store_true")
    parser.add_argument("--state-dict")
    parser.add_argument("--side", type=int, default=299)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    model = build(args.imagenet, args.state_dict)
    example = torch.rand(2, 3, args.side, args.side)
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
        features = traced(example)
    assert features.shape == (2, 2048), features.shape
    traced.save(args.out)
    print(f"{args.out}: input [N,3,{args.side},{args.side}] -> {list(features.shape[1:])} features per patch")


if __name__ == "__main__":
    main()
