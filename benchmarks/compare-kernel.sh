#!/usr/bin/env bash
# Runs the two-class M/M/8 priority benchmark (1,000,000 simulated days, ~12 M events) with
# bigclient's kernel and with the plain C program, alternately, N times each, and prints the
# events per second of every run plus the median. Usage: benchmarks/compare-kernel.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build -c release >/dev/null
cc -O2 -o .build/priority_mm8 benchmarks/c/priority_mm8.c -lm
swift_rates=() c_rates=()
for _ in $(seq "$runs"); do
  swift_rates+=("$(.build/release/bigclient bench --kernel-only --hold-events 0 | awk '/M\/M\/8,/{print $NF}')")
  c_rates+=("$(.build/priority_mm8 | awk '{print $6}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "bigclient kernel events/s: ${swift_rates[*]}  (median $(median "${swift_rates[@]}"))"
echo "plain C     events/s:      ${c_rates[*]}  (median $(median "${c_rates[@]}"))"
