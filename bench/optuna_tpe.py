#!/usr/bin/python3
"""Optuna's TPESampler (defaults) on the functions of `ecgbeats tune-bench`, for comparison.

apt-get install -y python3-optuna; then /usr/bin/python3 bench/optuna_tpe.py [--trials 60] [--seeds 10]
Prints one JSON object per function, the fields of `ecgbeats tune-bench --json`.

--fix-logpdf: Optuna 3.1's truncated-normal log density omits -log(scale) (optuna/samplers/_tpe/
_truncnorm.py, logpdf), which weighs each Parzen kernel by its bandwidth; this flag adds the term
back, to compare the algorithm as published."""
import argparse, json, math, statistics
import numpy as np
import optuna

def branin(t):
    x1, x2 = t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)
    b, c, r = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - r) * math.cos(x1) + 10

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]

def hartmann6(t):
    x = [t.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))

def mixed(t):
    kind = {"a": 1.0, "b": 0.5, "c": 0.0, "d": 2.0}[t.suggest_categorical("kind", ["a", "b", "c", "d"])]
    n, m = t.suggest_int("n", 0, 20), t.suggest_categorical("m", [1, 2, 3, 4, 5])
    lr = math.log10(t.suggest_float("rate", 1e-4, 1, log=True)) + 2
    return kind + (n - 7) ** 2 / 10 + abs(m - 3) / 2 + lr * lr

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=60)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--fix-logpdf", action="store_true")
    a = ap.parse_args()
    if a.fix_logpdf:
        from optuna.samplers._tpe import _truncnorm
        unscaled = _truncnorm.logpdf
        _truncnorm.logpdf = lambda x, lo, hi, loc=0, scale=1: unscaled(x, lo, hi, loc, scale) - np.log(scale)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, f in [("branin", branin), ("hartmann6", hartmann6), ("mixed", mixed)]:
        best = []
        for s in range(a.seeds):
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=s))
            study.optimize(f, n_trials=a.trials)
            best.append(study.best_value)
        print(json.dumps({"function": name, "search": "optuna-tpe" + ("-fixed" if a.fix_logpdf else ""), "trials": a.trials, "seeds": a.seeds,
                          "best_mean": statistics.mean(best), "best_median": statistics.median(best),
                          "best_per_seed": best}))
