"""Prints the markdown table of bench/quality/run.sh from its JSON outputs."""
import glob
import json
import os
import statistics
import sys

out, models = sys.argv[1], sys.argv[2:]
seconds = dict(line.split() for line in open(f"{out}/train-seconds.txt"))
configs = [("baseline", "baseline"), ("+ colour augmentation (strong)", "colour"), ("+ Macenko", "macenko"),
           ("+ Reinhard", "reinhard"), ("+ hard negatives", "hardneg"), ("+ TTA 8", "tta8"),
           ("combined: Macenko (+ light colour for tiny) + hard negatives + TTA 8", "combined")]
trained_by = {"tta8": "baseline", "combined": "combined"}


def fmt(value):
    return "n/a" if value is None else f"{value:.3f}"


def measures(config, test_set):
    path = f"{out}/{config}.{test_set}.json"
    if not os.path.exists(path):
        return None
    ev = json.load(open(path))
    tumour = [s["aucTissue"] for s in ev["slides"] if s["hasTumor"] and s["aucTissue"] is not None]
    speeds = [json.load(open(f))["cellsPerSecond"] for f in glob.glob(f"{out}/heatmaps/{config}/{test_set}/*/heatmap.json")]
    froc = ev["froc"]
    return (statistics.mean(tumour) if tumour else None, ev["slideAuc"], froc["score"],
            froc.get("normalSlideFalsePositivesAt90"), statistics.mean(speeds) if speeds else None)


print(f"\n{out}: trained on default-stain slides; tested on unseen default-stain and shifted slides\n")
print("| model | method | test slides | tissue AUC (tumour slides) | slide AUC | FROC | FP per normal slide at 90% sens. | train s | scoring cells/s |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|")
for model in models:
    for label, key in configs:
        config = f"{model}-{key}"
        train_key = f"{model}-{trained_by.get(key, key)}"
        for test_set in ("test-default", "test-shifted"):
            m = measures(config, test_set)
            if m is None:
                continue
            tissue, slide, froc, fp90, speed = m
            speed_text = "n/a" if speed is None else f"{speed:.0f}"
            print(f"| {model} | {label} | {test_set[5:]} | {fmt(tissue)} | {fmt(slide)} | {fmt(froc)} | {fmt(fp90)} | "
                  f"{seconds.get(train_key, 'n/a')} | {speed_text} |")
