#!/usr/bin/env bash
# The rhythm mechanism on a small inter-patient set, in minutes: trains cnn2d on DS1 records
# 118, 209 and 220 (record 223, held out whole, is the validation), tests on the unseen DS2
# records 222 and 232 (together 1,590 S beats), and prints S and V recall and precision on test
# for each configuration. Batch 32, 3 epochs, class weights, seed 42. Needs python3 (reads metrics.json).
#   usage: bench/rhythm_small.sh MITDB_DIR OUT_DIR ["--set hidden=16 --set features=rr_norm" ...]
# Without configurations it runs hidden 16 and 128, each without features, with rr, with rr_norm,
# and with rr_norm joined at the trunk (rhythm_join=trunk, the first design).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$1"; out="$2"; shift 2
mkdir -p "$out"
data="$out/small-inter.ecgb"
[ -f "$data" ] || "$here/ecgbeats" data build --source "$src" --protocol inter \
  --records 118,209,220,223,222,232 --seed 1 --out "$data" > "$out/build.txt"
configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
  for h in 16 128; do
    for f in none rr rr_norm; do configs+=("--set hidden=$h --set features=$f"); done
    configs+=("--set hidden=$h --set features=rr_norm --set rhythm_join=trunk")
  done
fi
for c in "${configs[@]}"; do
  run="$out/run-$(echo "$c" | tr -c 'a-z0-9_\n' '-' | tr -s '-')"
  rm -rf "$run"
  start=$(date +%s)
  # shellcheck disable=SC2086
  "$here/ecgbeats" train --data "$data" --model cnn2d --set batch=32 --epochs 3 --class-weights $c \
    --out "$run" > "$run.log" 2>&1
  python3 - "$run/metrics.json" "$c" "$(( $(date +%s) - start ))" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
pc = m["per_class"]
print(f"{sys.argv[2]:45}  S Se {pc['S']['recall']:.3f} +P {pc['S']['precision']:.3f}  "
      f"V Se {pc['V']['recall']:.3f} +P {pc['V']['precision']:.3f}  acc {m['accuracy']:.3f}  {sys.argv[3]} s")
PY
done
