"""Turns ours.json (InferenceBench.cs) and peer.json (torch_peer.py) into the markdown table of run.sh.

Usage: python3 table.py <work-dir> <load-before> <load-after>
"""
import json
import platform
import statistics
import sys
from datetime import datetime

work, load_before, load_after = sys.argv[1], sys.argv[2], sys.argv[3]
ours = json.load(open(f"{work}/ours.json"))
peer = json.load(open(f"{work}/peer.json"))
batch, threads = ours["batch"], ours["threads"]
heat, train = ours["heatmap"], ours["training"]


def per_second(items, seconds):
    return items / seconds if seconds > 0 else float("nan")


forward_rounds = ours["forward"]["before"] + ours["forward"]["after"]
forward = per_second(batch * len(forward_rounds), sum(forward_rounds))
forward_before = per_second(batch * len(ours["forward"]["before"]), sum(ours["forward"]["before"]))
forward_after = per_second(batch * len(ours["forward"]["after"]), sum(ours["forward"]["after"]))
slide_cps = per_second(heat["cells"], heat["seconds"])
slide_with_grid = per_second(heat["cells"], heat["seconds"] + heat["gridSeconds"])
peer_cps = per_second(peer["cells"], peer["seconds"])
e2e, only = train["endToEndSteps"], train["modelOnlySteps"]
e2e_all = per_second(batch * len(e2e), sum(e2e))
only_all = per_second(batch * len(only), sum(only))
e2e_steady = per_second(batch * (len(e2e) - 1), sum(e2e[1:]))
only_steady = per_second(batch * (len(only) - 1), sum(only[1:]))


def verdict(ratio, target):
    return f"**{ratio:.2f}** (target >= {target}: {'met' if ratio >= target else 'missed'})"


def seconds(values):
    return ", ".join(f"{v:.2f}" for v in values)


rows = [
    ("(a) model-only forward, images/s", f"{forward:.2f}",
     f"random [{batch},3,299,299], eval + no_grad; before (b) {forward_before:.2f}, after (b) {forward_after:.2f}; s/batch: {seconds(forward_rounds)}"),
    ("(b) whole-slide inference, cells/s", f"{slide_cps:.2f}",
     f"{heat['cells']} tissue cells of a {heat['gridWidth']}x{heat['gridHeight']} grid; read {heat['readSeconds']:.1f} s "
     f"(overlapped, {heat['readerThreads']} reader threads), convert + model {heat['modelSeconds']:.1f} s, model waited {heat['waitSeconds']:.2f} s "
     f"of {heat['seconds']:.1f} s (bytes to tensor alone: {heat['conversionSecondsPerBatch'] * 1000:.0f} ms a batch); with the grid stage ({heat['gridSeconds']:.2f} s) {slide_with_grid:.2f}"),
    ("(c) PyTorch peer, cells/s", f"{peer_cps:.2f}",
     f"torch {peer['torch']}, same cells; read {peer['readSeconds']:.1f} s, convert + model {peer['modelSeconds']:.1f} s of {peer['seconds']:.1f} s"),
    ("(b) / (a)", verdict(slide_cps / forward, 0.9),
     f"against (a)'s fastest batch ({batch / min(forward_rounds):.2f} images/s), the least loaded moment: {slide_cps * min(forward_rounds) / batch:.2f}"),
    ("(b) / (c)", verdict(slide_cps / peer_cps, 1.3), ""),
    ("(d) training end to end, images/s", f"{e2e_steady:.2f}",
     f"steps 2..{len(e2e)}; all {len(e2e)} steps {e2e_all:.2f} (the run's own report: {train['endToEndImagesPerSecond']:.2f}); s/step: {seconds(e2e)}"),
    ("(d) model-only training step, images/s", f"{only_steady:.2f}",
     f"steps 2..{len(only)}, fresh network, RMSprop; all {len(only)} steps {only_all:.2f}; s/step: {seconds(only)}"),
    ("(d) end to end / model-only", verdict(e2e_steady / only_steady, 0.9), f"all steps: {e2e_all / only_all:.2f}"),
]

lines = [
    f"### {datetime.now():%Y-%m-%d %H:%M}, batch {batch}, {threads} libtorch threads (default {ours['defaultThreads']}), {ours['cores']} cores",
    "",
    f"{platform.processor() or platform.machine()}, {platform.platform()}; load average before {load_before}, after {load_after}.",
    "",
    "| measure | value | how |",
    "|---|---:|---|",
]
lines += [f"| {name} | {value} | {how} |" for name, value, how in rows]
print("\n".join(lines))
