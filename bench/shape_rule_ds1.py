"""The shape rule on DS1's records, never on DS2's (docs/results.md, "A nineteenth look").

Reads beat listings written by `evaluate --adapt ... --af-rule=off --adapt-set early_rule=0 --beats DIR` (the network's
calls, before any rule; bench/adapt_ds1.sh ... --beats DIR) and applies, in order: the shape rule (a V call whose
first K samples correlate at least T with the record's median beat, the listing's shape_K, becomes the more
probable of N and S), `--af-rule` at 0.12, and for a labelled protocol the early rule at 0.9 guarded by the labelled
S beats (bench/early_rule_ds1.py). Prints for each listing and column (adapted, unadapted) the DS1 score (mean of
S Se, S +P, V Se, V +P over the judged beats) without the shape rule and at each K and T, with the V beats it
lost and the other beats it took from V.

    python3 bench/shape_rule_ds1.py DIR [DIR ...]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import af_rule_ds1  # noqa: E402
import early_rule_ds1  # noqa: E402

AF_THRESHOLD = 0.12
EARLY_SHARE = 0.9
SAMPLES = (20, 40)
THRESHOLDS = (0.90, 0.95, 0.97, 0.98, 0.99)


def score(listing, column, k, t):
    calls, refs, lost, taken = [], [], 0, 0
    for record, (rows, irregularity) in sorted(listing.items()):
        median = early_rule_ds1.local_median([int(r["sample"]) for r in rows])

        def on_time(r, m):
            return float(r["pre_rr_local"]) >= EARLY_SHARE and m >= early_rule_ds1.RATE_LIMIT

        labelled = any(r["labelled"] == "1" for r in rows)
        early = labelled and column == "adapted" and not any(
            r["labelled"] == "1" and r["reference"] == "S" and on_time(r, m) for r, m in zip(rows, median))
        for r, ir, m in zip(rows, irregularity, median):
            if r["judged"] != "1" or not r["reference"]:
                continue
            call = r[column]
            if k and call == "V" and float(r["shape_%d" % k]) >= t:
                # the listing holds the adapted run's probabilities only
                call = "N" if column != "adapted" or float(r["p_N"]) >= float(r["p_S"]) else "S"
                lost += r["reference"] == "V"
                taken += r["reference"] != "V"
            if call == "S" and ir >= AF_THRESHOLD:
                call = "N"
            if early and call == "S" and on_time(r, m):
                call = "N"
            calls.append(call)
            refs.append(r["reference"])
    total, figures = 0, []
    for c in "SV":
        tp = sum(1 for a, b in zip(refs, calls) if a == c and b == c)
        se, ppv = tp / max(1, refs.count(c)), tp / max(1, calls.count(c))
        figures.append("%s %.3f / %.3f" % (c, se, ppv))
        total += se + ppv
    return total / 4, ", ".join(figures), lost, taken


def main(directories):
    for d in directories:
        listing = af_rule_ds1.listing(d)
        for column in ("adapted", "unadapted"):
            print("%s, %s, no shape rule: %.4f (%s)" % (d, column, *score(listing, column, 0, 0)[:2]))
            for k in SAMPLES:
                for t in THRESHOLDS:
                    print("  K %d, T %.2f: %.4f (%s), V beats lost %d, other beats taken from V %d"
                          % (k, t, *score(listing, column, k, t)))


if __name__ == "__main__":
    main(sys.argv[1:])
