"""The early rule on DS1's records, unguarded and guarded by the labelled beats (docs/results.md, the twelfth and
eighteenth looks); never on DS2's.

Reads beat listings written by `evaluate --adapt ... --af-rule=off --beats DIR` (as bench/af_rule_ds1.py does, with its
`--adapt-set` settings),
applies `--af-rule` at its chosen threshold (0.12) and then turns N the S calls that did not come early: pre-RR at
least P of the median of the 10 intervals around the beat (the listing's pre_rr_local) in a rhythm whose median
interval is at least R seconds (R 0.6: slower than 100 a minute). Guarded, a record keeps its S calls when one of
its labelled S beats is itself one the rule would turn N. Prints, for each listing, the DS1 score (mean of S Se,
S +P, V Se, V +P over the judged beats) of the adapted calls, the S beats the rule turned N and the records the
guard left alone.

    python3 bench/early_rule_ds1.py DIR [DIR ...]

The median interval is computed here as ecgbeats.data.beat.RrFeatures computes it (a check: the listings'
figures at P 0.9 equal those of `bench/adapt_ds1.sh ... --adapt-set early_rule=0.9`).
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import af_rule_ds1  # noqa: E402

AF_THRESHOLD = 0.12
SHARES = (0.85, 0.90, 0.95, 1.00)
RATE_LIMIT = 0.6
AROUND = 10


def local_median(peaks, frequency=360.0):
    """The median of the AROUND intervals centred on each beat, in seconds."""
    n = len(peaks)
    pre = [0.0] + [(peaks[i] - peaks[i - 1]) / frequency for i in range(1, n)]
    pre[0] = pre[1]
    return [statistics.median(pre[max(1, i - AROUND // 2 + 1):min(n - 1, i + AROUND // 2) + 1]) for i in range(n)]


def score(listing, share, guarded):
    calls, refs, lost, left = [], [], 0, []
    for record, (rows, irregularity) in sorted(listing.items()):
        median = local_median([int(r["sample"]) for r in rows])

        def on_time(r, m):
            return float(r["pre_rr_local"]) >= share and m >= RATE_LIMIT

        applies = not (guarded and any(r["labelled"] == "1" and r["reference"] == "S" and on_time(r, m)
                                       for r, m in zip(rows, median)))
        if not applies:
            left.append(record)
        for r, ir, m in zip(rows, irregularity, median):
            if r["judged"] != "1" or not r["reference"]:
                continue
            call = r["adapted"]
            if call == "S" and ir >= AF_THRESHOLD:
                call = "N"
            if applies and call == "S" and on_time(r, m):
                call = "N"
                lost += r["reference"] == "S"
            calls.append(call)
            refs.append(r["reference"])
    return (*ds1_score(refs, calls), lost, ",".join(left))


def ds1_score(refs, calls):
    """The DS1 score (mean of S Se, S +P, V Se, V +P) of the calls against the references, and the four as text."""
    total, figures = 0, []
    for c in "SV":
        tp = sum(1 for t, p in zip(refs, calls) if t == c and p == c)
        se, ppv = tp / max(1, refs.count(c)), tp / max(1, calls.count(c))
        figures.append("%s %.3f / %.3f" % (c, se, ppv))
        total += se + ppv
    return total / 4, ", ".join(figures)


def main(directories):
    for d in directories:
        listing = af_rule_ds1.listing(d)
        print("%s, --af-rule only: %.4f (%s)" % (d, *score(listing, float("inf"), False)[:2]))
        for share in SHARES:
            for guarded in (False, True):
                print("  P %.2f %-9s %.4f (%s), S beats turned N %d, left alone: %s"
                      % (share, "guarded" if guarded else "always", *score(listing, share, guarded)))


if __name__ == "__main__":
    main(sys.argv[1:])
