"""Chooses the share of `--early-rule` on DS1's records, never on DS2's.

Reads the beat listings of `evaluate --adapt ... --beats DIR` (as bench/af_rule_ds1.py does), applies
`--af-rule` at its chosen threshold (0.12) and then, at each share P and rate limit R, turns N the S calls
whose pre-RR is at least P of the median of the 10 intervals around the beat (the listing's pre_rr_local)
in a rhythm whose median interval is at least R seconds (R 0.6: slower than 100 a minute). Prints, for
each listing, the DS1 score (mean of S Se, S +P, V Se, V +P over the judged beats) of the adapted and the
unadapted calls, and how many beats labelled S the rule turned N.

    python3 bench/early_rule_ds1.py DIR [DIR ...]

The median interval is computed here as ecgbeats.data.beat.RrFeatures computes it (a check: the listings'
figures at the chosen setting equal those of `bench/adapt_ds1.sh ... --af-rule --early-rule`).
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import af_rule_ds1  # noqa: E402

AF_THRESHOLD = 0.12
SHARES = (0.85, 0.90, 0.95, 1.00)
RATE_LIMITS = (0.6, 0.5, 0.0)
AROUND = 10


def local_median(peaks, frequency=360.0):
    """The median of the AROUND intervals centred on each beat, in seconds."""
    n = len(peaks)
    pre = [0.0] + [(peaks[i] - peaks[i - 1]) / frequency for i in range(1, n)]
    pre[0] = pre[1]
    return [statistics.median(pre[max(1, i - AROUND // 2 + 1):min(n - 1, i + AROUND // 2) + 1]) for i in range(n)]


def score(beats, column, share, limit):
    judged = [b for b in beats if b[0]["judged"] == "1" and b[0]["reference"]]
    calls, lost = [], 0
    for r, irregularity, median in judged:
        call = r[column]
        if call == "S" and irregularity >= AF_THRESHOLD:
            call = "N"
        if call == "S" and float(r["pre_rr_local"]) >= share and median >= limit:
            call = "N"
            lost += r["reference"] == "S"
        calls.append(call)
    total, figures = 0, []
    for c in "SV":
        tp = sum(1 for (r, _, _), p in zip(judged, calls) if r["reference"] == c and p == c)
        se = tp / max(1, sum(1 for r, _, _ in judged if r["reference"] == c))
        ppv = tp / max(1, sum(1 for p in calls if p == c))
        figures.append("%s %.3f / %.3f" % (c, se, ppv))
        total += se + ppv
    return total / 4, ", ".join(figures), lost


def main(directories):
    for d in directories:
        beats = []
        for rows, irregularity in af_rule_ds1.listing(d).values():
            beats += zip(rows, irregularity, local_median([int(r["sample"]) for r in rows]))
        for column in ("adapted", "unadapted"):
            print("%s, %s, --af-rule only: %.4f (%s)" % (d, column, *score(beats, column, float("inf"), 0)[:2]))
            for limit in RATE_LIMITS:
                for share in SHARES:
                    print("  R %.1f s, P %.2f: %.4f (%s), S beats turned N %d" % (limit, share, *score(beats, column, share, limit)))


if __name__ == "__main__":
    main(sys.argv[1:])
