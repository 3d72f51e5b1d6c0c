#!/bin/bash
# 2 workers x 1 thread against 1 worker x 2 threads, the same 8 random trials, twice each.
# Needs /tmp/intra.ecgb (data build --protocol intra) and /tmp/space.yaml (hidden {4, 8}, lr); FRACTION=0.2 for larger trials.
cd "$(dirname "$0")/.."
for cfg in "2 1" "1 2" "2 1" "1 2"; do
  set -- $cfg
  out=/tmp/scale-$1x$2-$RANDOM
  start=$(date +%s.%N)
  ./ecgbeats tune --data /tmp/intra.ecgb --model cnn2d --space /tmp/space.yaml --search random --trials 8 --epochs 3 \
     --fraction ${FRACTION:-0.02} --workers $1 --worker-threads $2 --status-every 0 --out $out > $out.log 2>&1
  end=$(date +%s.%N)
  echo "workers=$1 threads=$2 wall=$(echo "$end - $start" | bc) s out=$out"
done
