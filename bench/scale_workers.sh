#!/bin/bash
# 2 workers x 1 thread against 1 worker x 2 threads, the same 8 random trials, twice each.
#   usage: bench/scale_workers.sh DATASET.ecgb [SPACE.yaml]     (FRACTION=0.2 for larger trials)
# Without a space file, hidden {4, 8} and a log-uniform lr are searched.
set -eu
data="$(realpath "${1:?usage: bench/scale_workers.sh DATASET.ecgb [SPACE.yaml]}")"
work="$(mktemp -d)"
if [ $# -ge 2 ]; then
  space="$(realpath "$2")"
else
  space="$work/space.yaml"
  printf 'hidden: {choice: [4, 8]}\nlr: {loguniform: [0.0003, 0.003]}\n' > "$space"
fi
cd "$(dirname "$0")/.."
for cfg in "2 1" "1 2" "2 1" "1 2"; do
  set -- $cfg
  out="$work/scale-$1x$2-$RANDOM"
  start=$(date +%s.%N)
  ./ecgbeats tune --data "$data" --model cnn2d --space "$space" --search random --trials 8 --epochs 3 \
     --fraction "${FRACTION:-0.02}" --workers "$1" --worker-threads "$2" --status-every 0 --out "$out" > "$out.log" 2>&1
  end=$(date +%s.%N)
  echo "workers=$1 threads=$2 wall=$(echo "$end - $start" | bc) s out=$out"
done
