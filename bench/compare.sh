#!/usr/bin/env bash
# Throughput of ecgbeats against the PyTorch reference on this machine, interleaved
# (ecgbeats, PyTorch, ecgbeats, PyTorch) because these machines are noisy. Needs Debian's
# PyTorch (apt-get install -y python3-torch) for bench/pytorch_reference.py, our own PyTorch
# version of the two models. Prints the JSON lines, then the ratios of the
# medians per model and phase. ROUNDS (default 2) rounds; INFER_BATCH (default 256) is the
# inference batch of both sides; STEPS (default 30) the timed training steps of both (more steps,
# a longer and steadier measurement); MODELS (default "cnn2d cnngru1d") the models measured.
# Both run on the same number of threads.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference="${TORCH_REFERENCE:-$here/bench/pytorch_reference.py}"
rounds="${ROUNDS:-2}"
infer_batch="${INFER_BATCH:-256}"
steps="${STEPS:-30}"
models="${MODELS:-cnn2d cnngru1d}"
model_options=""
for m in $models; do model_options="$model_options --model $m"; done
# both sides on as many threads: ecgbeats' (ECGBEATS_JAVA_OPTS' num_threads, else one per core);
# Debian's PyTorch would otherwise take its own default, one thread here
threads="$(printf '%s' "${ECGBEATS_JAVA_OPTS:-}" | sed -n 's/.*ai\.djl\.pytorch\.num_threads=\([0-9]*\).*/\1/p')"
threads="${threads:-$(nproc)}"
out="$(mktemp)"
for _ in $(seq "$rounds"); do
  # shellcheck disable=SC2086 # one --model option per word
  "$here/ecgbeats" bench --json --infer-batch "$infer_batch" --steps "$steps" $model_options | tee -a "$out"
  /usr/bin/python3 "$reference" --infer-batch "$infer_batch" --steps "$steps" --threads "$threads" \
    --models "$(printf '%s' "$models" | tr ' ' ',')" | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
key = lambda r: (r["model"], r["phase"], r["batch"])
print("\nmodel     phase  batch  ecgbeats beats/s  pytorch beats/s  ratio")
for k in sorted({key(r) for r in rows}):
    e = statistics.median(r["beats_per_s"] for r in rows if key(r) == k and r["impl"] == "ecgbeats")
    p = statistics.median(r["beats_per_s"] for r in rows if key(r) == k and r["impl"] == "pytorch")
    print(f"{k[0]:9} {k[1]:6} {k[2]:5}  {e:16.1f}  {p:15.1f}  {e / p:5.2f}x")
PY
rm -f "$out"
