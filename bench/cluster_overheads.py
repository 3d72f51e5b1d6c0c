#!/usr/bin/python3
"""Trials per hour and per-trial overheads of finished studies, from their journals.

/usr/bin/python3 bench/cluster_overheads.py STUDY_DIR [STUDY_DIR ...]

For each study: wall time from the first trial's start to the last trial's end, trials per
hour, and per trial the time before its first epoch report minus one epoch (start-up: the
trial process, loading the dataset) and after its last report (writing and sending the run)."""
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
    wall = max(ended.values()) - min(started.values())
    epoch_s, startup, tail = [], [], []
    for n, ts in epochs.items():
        gaps = [b - a for a, b in zip(ts, ts[1:])]
        epoch_s += gaps
        one = statistics.median(gaps) if gaps else 0
        startup.append(ts[0] - started[n] - one)
        tail.append(ended[n] - ts[-1])
    print(json.dumps({"study": study, "trials": len(ended), "wall_s": round(wall, 1),
                      "trials_per_hour": round(len(ended) / wall * 3600),
                      "epoch_s_median": round(statistics.median(epoch_s), 2),
                      "startup_s_median": round(statistics.median(startup), 2),
                      "tail_s_median": round(statistics.median(tail), 3)}))
