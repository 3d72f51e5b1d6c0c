#!/usr/bin/python3
"""Trials per hour and per-trial overheads of finished studies, from their journals.

/usr/bin/python3 bench/cluster_overheads.py STUDY_DIR [STUDY_DIR ...]

For each study: wall time from the first trial's start to the last trial's end, trials per
hour, and per trial the time before its first epoch report minus one epoch (start-up: the
trial process, loading the dataset) and after its last report (writing and sending the run).
A trial of one epoch has no gap to measure an epoch by: the median epoch of the other trials
stands in, and with none the figures are null. Trials that did not finish are left out."""
import json, statistics, sys
from datetime import datetime

def t(e):
    return datetime.fromisoformat(e["time"].replace("Z", "+00:00")).timestamp()

for study in sys.argv[1:]:
    events = [json.loads(l) for l in open(f"{study}/journal.jsonl") if l.strip()]
    started, epochs, ended = {}, {}, {}
    for e in events:
        n = e.get("trial")
        if e["event"] == "started":
            started.setdefault(n, t(e))
        elif e["event"] == "epoch":
            epochs.setdefault(n, []).append(t(e))
        elif e["event"] in ("completed", "pruned"):
            ended[n] = t(e)
    if not ended:
        print(json.dumps({"study": study, "trials": 0}))
        continue
    wall = max(ended.values()) - min(started[n] for n in ended)
    finished = {n: ts for n, ts in epochs.items() if n in ended and n in started}
    epoch_s = [b - a for ts in finished.values() for a, b in zip(ts, ts[1:])]
    typical = statistics.median(epoch_s) if epoch_s else None
    startup, tail = [], []
    for n, ts in finished.items():
        gaps = [b - a for a, b in zip(ts, ts[1:])]
        one = statistics.median(gaps) if gaps else typical
        if one is not None:
            startup.append(ts[0] - started[n] - one)
        tail.append(ended[n] - ts[-1])
    med = lambda xs, d: round(statistics.median(xs), d) if xs else None
    print(json.dumps({"study": study, "trials": len(ended), "wall_s": round(wall, 1),
                      "trials_per_hour": round(len(ended) / wall * 3600) if wall > 0 else None,
                      "epoch_s_median": med(epoch_s, 2), "startup_s_median": med(startup, 2),
                      "tail_s_median": med(tail, 3)}))
