#!/usr/bin/env bash
# Outcome branches against sampled outcomes: the time, and the replications, each needs to reach
# a 95 % interval of ±5 % of the mean on the default scenario's profit difference
# (standard − indulge), side by side in one run (issue #14's target; docs/performance.md).
#
#   benchmarks/outcome-branches.sh [SCENARIO] [JOBS]
#
# Both runs use `run --precision 0.05 --metric profit_eur` from 50 replications, with a cap of
# 30,000, the same seed and the same number of worker threads (default 2); the precision rule
# is the project's one (half-width ≤ 0.05/1.05 of |mean|, batches of half again). Prints one
# line per mode: replications, wall seconds, the interval, and the ratio sampled / branches.
# About 2 minutes on 2 cores. It builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/historic-client.json5}
jobs=${2:-2}
swift build -c release >/dev/null
bigclient=.build/release/bigclient
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() {  # mode-name, extra flags…
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$bigclient" run "$scenario" --precision 0.05 --metric profit_eur --replications 50 --max-replications 30000 \
    --jobs "$jobs" --quiet --yes --out "$out/$name" "$@" >/dev/null
  end=$(date +%s.%N)
  python3 - "$out/$name" "$name" "$start" "$end" <<'PY'
import csv, sys
folder, name, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
rows = [r for r in csv.DictReader(open(folder + "/comparison.csv"))
        if r["metric"] == "profit_eur" and r.get("outcome", "all") == "all"]
r = rows[0]
print(f"{name:10s} replications {int(r['n']):6d}  wall {end - start:7.1f} s  "
      f"profit difference {float(r['mean_diff']):10.0f} [{float(r['ci_low']):.0f}; {float(r['ci_high']):.0f}]")
open(folder + "/figures", "w").write(f"{int(r['n'])} {end - start}\n")
PY
}

echo "scenario $scenario, $jobs worker threads, target ±5 % of the mean at 95 %"
measure branches
measure sampled --sample-outcomes
read -r nb tb < "$out/branches/figures"
read -r ns ts < "$out/sampled/figures"
python3 -c "print(f'sampled / branches: {${ns}/${nb}:.1f}× the replications, {${ts}/${tb}:.1f}× the time')"
