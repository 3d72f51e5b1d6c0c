#!/usr/bin/env bash
# Runs the lines of a queue file one at a time, each with one PyTorch thread: two lanes side by
# side use both cores better than one run with two threads (see README, "More machines").
# A line is "NAME COMMAND..."; its output goes to NAME.log beside the queue, and QUEUE.done
# records start, end, exit code and wall seconds. The first line is taken off before it runs,
# so the queue can be edited while a lane works through it.
#   usage: bench/lane.sh QUEUE        (run it with nohup in the background)
set -u
q="$(realpath "$1")"
cd "$(dirname "$q")"
export ECGBEATS_JAVA_OPTS="${ECGBEATS_JAVA_OPTS:--Xmx7g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"
while true; do
  line="$(head -n1 "$q" 2>/dev/null || true)"
  [ -z "$line" ] && break
  sed -i 1d "$q"
  name="${line%% *}"; cmd="${line#* }"
  echo "$(date -Is) START $name: $cmd" >> "$q.done"
  start=$(date +%s)
  bash -c "$cmd" > "$name.log" 2>&1; rc=$?
  echo "$(date -Is) END $name rc=$rc wall=$(( $(date +%s) - start ))s" >> "$q.done"
done
