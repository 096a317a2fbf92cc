"""Prints the markdown table of bench/models/run.sh from its JSON outputs."""
import json
import sys

out, models = sys.argv[1], sys.argv[2:]
times = {}
for line in open(f"{out}/times.txt"):
    name, train_s, score_s = line.split()
    times[name] = (int(train_s), int(score_s))


def fmt(value):
    return "n/a" if value is None else f"{value:.3f}"


print(f"\n{out}: held-out test slides of one extraction\n")
print("| model | final val acc | val AUC | test slide: AUC / tissue AUC | slide-level AUC | FROC | train s | score s |")
print("|---|---:|---:|---|---:|---:|---:|---:|")
for model in models:
    train = json.load(open(f"{out}/train-{model}.json"))
    last = train["metrics"][-1]
    ev = json.load(open(f"{out}/evaluate-{model}.json"))
    slides = "; ".join(f"{s['name']}: {fmt(s['auc'])} / {fmt(s['aucTissue'])}" for s in ev["slides"])
    froc = ev.get("froc") or {}
    score = froc.get("score") if isinstance(froc, dict) else None
    t = times.get(model, (0, 0))
    print(f"| {model} | {fmt(last.get('valAccuracy'))} | {fmt(last.get('valAuc'))} | {slides} | {fmt(ev.get('slideAuc'))} | {fmt(score)} | {t[0]} | {t[1]} |")
