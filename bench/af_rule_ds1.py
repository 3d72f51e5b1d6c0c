"""Chooses the threshold of `--af-rule` on DS1's records, never on DS2's.

Reads beat listings written by `evaluate --adapt ... --af-rule=off --beats DIR` (since the early rule and the S floor
became defaults, with `--adapt-set early_rule=0 --adapt-set s_floor=0` too, for the network's own calls) (bench/adapt_ds1.sh ... --af-rule=off
--beats DIR: each DS1 record adapted by the fold run that never trained on it; the network's calls, before the rule)
and the records' rhythm annotations, and prints
  1. how well the rhythm irregularity finds the beats of atrial fibrillation and flutter ((AFIB, (AFL in the
     .atr's rhythm notes) at each threshold: the share of those beats at or above it, and the other beats there;
  2. for each listing, the DS1 score (mean of S Se, S +P, V Se, V +P over the judged beats) with S calls at or
     above each threshold turned N, for the adapted and the unadapted run.

    python3 bench/af_rule_ds1.py MITDB DIR [DIR ...]

The irregularity is computed here as ecgbeats.data.beat.RhythmIrregularity computes it (a check: the listings'
figures at the chosen threshold equal those of `bench/adapt_ds1.sh ... --af-rule`).
"""
import bisect
import csv
import glob
import os
import statistics
import sys

AROUND = 80
LAGS = (1, 2, 3)
THRESHOLDS = (0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.20, 0.25)


def irregularity(peaks):
    n = len(peaks)
    rr = [0] + [peaks[i] - peaks[i - 1] for i in range(1, n)]
    rr[0] = rr[1]
    out = []
    for i in range(n):
        a, b = max(max(LAGS), i - AROUND // 2), min(n - 1, i + AROUND // 2)
        median = statistics.median(rr[a:b + 1])
        out.append(min(statistics.median([abs(rr[j] - rr[j - k]) for j in range(a, b + 1)]) for k in LAGS) / median)
    return out


def rhythm_notes(path):
    """(sample, note) of the rhythm annotations (type 28) of a WFDB annotation file (MIT format)."""
    data = open(path, "rb").read()
    i, t, out, last = 0, 0, [], None
    while i + 1 < len(data):
        word = data[i] | data[i + 1] << 8
        i += 2
        kind, value = word >> 10, word & 0x3FF
        if kind == 0 and value == 0:
            break
        if kind == 59:  # SKIP: a 32-bit interval follows, high half first
            t += (data[i + 2] | data[i + 3] << 8) | ((data[i] | data[i + 1] << 8) << 16)
            i += 4
        elif kind == 63:  # AUX: value bytes of text
            if last == 28:
                out.append((t, data[i:i + value].split(b"\0")[0].decode("latin1")))
            i += value + (value & 1)
        elif kind not in (60, 61, 62):
            t += value
            last = kind
    return out


def listing(directory):
    """{record: (rows, irregularity)} of a --beats folder."""
    out = {}
    for f in sorted(glob.glob(os.path.join(directory, "*.csv"))):
        rows = list(csv.DictReader(open(f)))
        out[os.path.basename(f)[:-4]] = (rows, irregularity([int(r["sample"]) for r in rows]))
    return out


def score(rows, column, threshold):
    judged = [(r, v) for r, v in rows if r["judged"] == "1" and r["reference"]]
    calls = ["N" if r[column] == "S" and v >= threshold else r[column] for r, v in judged]
    total = 0
    figures = []
    for c in "SV":
        tp = sum(1 for (r, _), p in zip(judged, calls) if r["reference"] == c and p == c)
        se = tp / max(1, sum(1 for r, _ in judged if r["reference"] == c))
        ppv = tp / max(1, sum(1 for p in calls if p == c))
        figures.append("%s %.3f / %.3f" % (c, se, ppv))
        total += se + ppv
    return total / 4, ", ".join(figures)


def main(mitdb, directories):
    first = listing(directories[0])
    inside = outside = 0
    at = {t: [0, 0] for t in THRESHOLDS}
    for record, (rows, irr) in first.items():
        notes = rhythm_notes(os.path.join(mitdb, record + ".atr"))
        starts = [s for s, _ in notes]
        for r, v in zip(rows, irr):
            k = bisect.bisect_right(starts, int(r["sample"])) - 1
            fibrillation = k >= 0 and notes[k][1] in ("(AFIB", "(AFL")
            inside += fibrillation
            outside += not fibrillation
            for t in THRESHOLDS:
                if v >= t:
                    at[t][0 if fibrillation else 1] += 1
    print("threshold  AF/flutter beats at or above it (of %d)  other beats (of %d)" % (inside, outside))
    for t in THRESHOLDS:
        print("%9.2f  %.4f  %d (%.3f)" % (t, at[t][0] / inside, at[t][1], at[t][1] / outside))
    for d in directories:
        beats = [(r, v) for rows, irr in listing(d).values() for r, v in zip(rows, irr)]
        for column in ("adapted", "unadapted"):
            print("%s, %s: no rule %.4f (%s)" % (d, column, *score(beats, column, float("inf"))))
            for t in THRESHOLDS:
                print("  %.2f  %.4f (%s)" % (t, *score(beats, column, t)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
