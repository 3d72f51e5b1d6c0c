#!/usr/bin/env bash
# Chooses adaptation settings on DS1, never on DS2: each fold run of a cross-validation (crossval
# --out CV) is adapted to the first 5 minutes of each of the records it was validated on (records
# its training never saw) and judged on the rest of them; the folds' counts are pooled.
#   bench/adapt_ds1.sh CV[,CV2...] MITDB OUT [--adapt-set NAME=VALUE ...]
# Several cross-validations (of the same data and folds, other seeds): each fold's runs adapted and
# classifying as one ensemble.
# Further options go to evaluate: e.g. --af-rule=off for the network's calls before the fibrillation rule (on by
# default since 2026-12-07; the DS1 figures of results.md's first six looks were measured without it).
# ECGBEATS=LAUNCHER runs another build (default: ./ecgbeats); ADAPT=unsupervised (or another --adapt) another protocol. Writes OUT/fold-K.json (evaluate --json) and prints the pooled figures (bench/adapt_pool.py).
set -euo pipefail
cv="$1"; source="$2"; out="$3"; shift 3
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
first="${cv%%,*}"
for fold in "$first"/fold-*/; do
  fold="${fold%/}"; name="$(basename "$fold")"
  records=$(/usr/bin/python3 -c 'import json,sys; c=json.load(open(sys.argv[1]));
print(",".join(str(r) for r in c["data"]["provenance"]["validRecords"]))' "$fold/config.json")
  runs=(); IFS=',' read -ra cvs <<< "$cv"
  for c in "${cvs[@]}"; do runs+=(--run "$c/$name"); done
  "${ECGBEATS:-$here/../ecgbeats}" evaluate "${runs[@]}" --records "$records" --source "$source" --adapt "${ADAPT:-5m}" --json "$@" \
    > "$out/$name.json.tmp"
  mv "$out/$name.json.tmp" "$out/$name.json"
done
/usr/bin/python3 "$here/adapt_pool.py" "$out"/fold-*.json
