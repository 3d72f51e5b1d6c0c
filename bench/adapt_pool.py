"""Pools the JSON of several `evaluate --adapt --json` runs: gross Se / +P per class, adapted and unadapted,
and the score that chooses adaptation settings on DS1: the mean of S Se, S +P, V Se and V +P (the four
figures the patient-specific targets name).

    python3 bench/adapt_pool.py A.json B.json ...
"""
import json
import sys

CLASSES = ["N", "S", "V", "F", "Q"]


def pooled(parts):
    conf = [[0] * 5 for _ in range(5)]
    missed = [0] * 5
    extra = [0] * 5
    for p in parts:
        for i in range(5):
            missed[i] += p["missed"][i]
            extra[i] += p["extra"][i]
            for j in range(5):
                conf[i][j] += p["confusion"][i][j]
    return conf, missed, extra


def figures(conf, missed, extra):
    out = {}
    for c, name in enumerate(CLASSES):
        ref = sum(conf[c]) + missed[c]
        pred = sum(conf[i][c] for i in range(5)) + extra[c]
        se = conf[c][c] / ref if ref else float("nan")
        ppv = conf[c][c] / pred if pred else float("nan")
        out[name] = (se, ppv, ref)
    total = sum(sum(r) for r in conf)
    out["accuracy"] = sum(conf[i][i] for i in range(5)) / total if total else float("nan")
    return out


def main(files):
    runs = [json.load(open(f)) for f in files]
    for side in ("adapted", "base"):
        parts = [r for run in runs for r in run[side]["records"]]
        f = figures(*pooled(parts))
        cells = "  ".join(f"{n} {f[n][0]:.3f}/{f[n][1]:.3f}" for n in CLASSES[:4])
        score = (f["S"][0] + f["S"][1] + f["V"][0] + f["V"][1]) / 4
        print(f"{side:8s} records {len(parts):2d}  accuracy {f['accuracy']:.4f}  {cells}  score {score:.4f}")
    secs = [s for run in runs for s in run["seconds_per_record"]]
    print(f"seconds per record: mean {sum(secs) / len(secs):.1f}, max {max(secs):.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
