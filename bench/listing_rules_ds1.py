"""Three more rules on top of the adapted calls, tried on DS1's records only and not kept (docs/results.md, the
Tried table): each applied before `--af-rule` (0.12) and the guarded early rule (0.9), which this script applies
as bench/early_rule_ds1.py does (the early rule only after a labelled adaptation).

  af-guard   the fibrillation rule kept off for a patient with at least N labelled S beats in an irregular rhythm
  prior      S (or V) calls kept only at a probability of at least T in a patient whose labelled beats hold at
             most N S (V) beats (N "any": every patient); the others become the more probable of the remaining classes
  shape-v    S calls whose first K samples correlate below T with the record's median beat become V

Reads beat listings written by `evaluate --adapt ... --af-rule=off --adapt-set early_rule=0 --adapt-set s_floor=0
--beats DIR` (the listings of the Tried table's rows predate the S floor); shape-v
needs the shape_20 and shape_40 columns, which only the build of commit aab8df8 wrote (ShapeMatch). Prints the DS1
score (mean of S Se, S +P, V Se, V +P over the judged beats) for each setting, and what shape-v moved.

    python3 bench/listing_rules_ds1.py DIR [DIR ...]      (a DIR whose name holds "unsup": no early rule)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import af_rule_ds1  # noqa: E402
import early_rule_ds1  # noqa: E402

AF_THRESHOLD = 0.12
EARLY_SHARE = 0.9


def others(row, excluded):
    p = {c: float(row["p_" + c]) for c in "NSVFQ" if c != excluded}
    return max(p, key=p.get)


def score(listing, labelled, change=lambda record_rows, row, call: call, af_applies=lambda rows, irr: True):
    """The DS1 score with `change` applied to each judged call before the two rules, and what it moved."""
    calls, refs, moved = [], [], {}
    for record, (rows, irregularity) in sorted(listing.items()):
        median = early_rule_ds1.local_median([int(r["sample"]) for r in rows])

        def on_time(r, m):
            return float(r["pre_rr_local"]) >= EARLY_SHARE and m >= early_rule_ds1.RATE_LIMIT

        early = labelled and not any(r["labelled"] == "1" and r["reference"] == "S" and on_time(r, m)
                                     for r, m in zip(rows, median))
        af = af_applies(rows, irregularity)
        for r, ir, m in zip(rows, irregularity, median):
            if r["judged"] != "1" or not r["reference"]:
                continue
            call = change(rows, r, r["adapted"])
            if call != r["adapted"]:
                moved[r["reference"]] = moved.get(r["reference"], 0) + 1
            if af and call == "S" and ir >= AF_THRESHOLD:
                call = "N"
            if early and call == "S" and on_time(r, m):
                call = "N"
            calls.append(call)
            refs.append(r["reference"])
    return "%.4f (%s)" % early_rule_ds1.ds1_score(refs, calls), moved


_COUNTS = {}


def labelled_count(rows, cls):
    key = (id(rows), cls)
    if key not in _COUNTS:
        _COUNTS[key] = sum(1 for r in rows if r["labelled"] == "1" and r["reference"] == cls)
    return _COUNTS[key]


def main(directories):
    for d in directories:
        listing = af_rule_ds1.listing(d)
        labelled = "unsup" not in os.path.basename(os.path.normpath(d))
        print("%s: as the defaults decide %s" % (d, score(listing, labelled)[0]))
        for n in (1, 2, 3):
            def af_applies(rows, irr, n=n):
                return sum(1 for r, i in zip(rows, irr)
                           if r["labelled"] == "1" and r["reference"] == "S" and i >= AF_THRESHOLD) < n
            print("  af-guard N %d: %s" % (n, score(listing, labelled, af_applies=af_applies)[0]))
        for cls in "SV":
            for most in (0, 1, None):
                for t in (0.6, 0.8, 0.9, 0.95, 0.99):
                    def prior(rows, r, call, cls=cls, most=most, t=t):
                        if call == cls and float(r["p_" + cls]) < t and (most is None
                                                                         or labelled_count(rows, cls) <= most):
                            return others(r, cls)
                        return call
                    print("  prior %s N %s T %.2f: %s" % (cls, "any" if most is None else most, t,
                                                        score(listing, labelled, prior)[0]))
        if "shape_40" not in listing[next(iter(listing))][0][0]:
            continue
        for k in ("shape_20", "shape_40"):
            for t in (0.0, 0.3, 0.5, 0.7, 0.8):
                def shape_v(rows, r, call, k=k, t=t):
                    return "V" if call == "S" and float(r[k]) < t else call
                figures, moved = score(listing, labelled, shape_v)
                print("  shape-v %s T %.1f: %s, moved (by reference) %s" % (k, t, figures, moved))


if __name__ == "__main__":
    main(sys.argv[1:])
