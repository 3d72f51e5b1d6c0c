"""Markdown table rows for docs/results.md from run folders.

usage: python3 bench/results_rows.py RUN_DIR...   (run in the folder of the lanes' *.done files,
which give each run's wall time; without them the training time from config.json is shown)
"""
import glob
import json
import re
import sys

walls = {}
for f in glob.glob("*.done"):
    for line in open(f):
        m = re.search(r"END (\S+) rc=0 wall=(\d+)s", line)
        if m:
            walls[m.group(1)] = int(m.group(2))
print("| run | model | protocol | train data | share | test accuracy | macro recall | macro F1 "
      "| recall N / S / V / F / Q | precision N / S / V / F / Q | epochs (best) | wall |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for run in sys.argv[1:]:
    m = json.load(open(f"{run}/metrics.json"))
    c = json.load(open(f"{run}/config.json"))
    t = c["training"]
    epochs = len(open(f"{run}/history.csv").read().strip().splitlines()) - 1
    pc = m["per_class"]
    rec = " / ".join(f'{pc[k]["recall"]:.2f}' for k in "NSVFQ")
    pre = " / ".join(f'{pc[k]["precision"]:.2f}' for k in "NSVFQ")
    data = t["balance"] + (" + class weights" if t["class_weights"] else "")
    name = run.rstrip("/").split("/")[-1]
    wall = f"{walls[name] / 60:.0f} min" if name in walls else f'{c["train_seconds"] / 60:.0f} min (training)'
    print(f'| {name} | {c["model"]} | {c["data"]["protocol"]} | {data} | {t["fraction"]:g} '
          f'| {m["accuracy"]:.4f} | {m["recall_macro"]:.4f} | {m["f1_macro"]:.4f} | {rec} | {pre} '
          f'| {epochs} (best {c["best_epoch"]}) | {wall} |')
