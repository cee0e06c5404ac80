#!/usr/bin/env bash
# The benchmark of issue 6: the two-class M/M/8 non-preemptive priority queue (arrival rates 2
# and 4 per day, exponential work of mean 1 day, 8 servers, waits measured after day 1,000) run
# three ways, one thread each:
#
#   bigclient  the scenario file scenarios/benchmark/mm8-priority.json5, through `bigclient run`
#              (the whole company model, not a kernel fast path). A scenario accepts at most
#              36,500 days, so it runs 28 replications of 36,500 days: 1,022,000 simulated days.
#   C          benchmarks/c/priority_mm8.c (cc -O2), 1,000,000 days.
#   SimPy      benchmarks/simpy/priority_mm8.py, a shorter horizon (default 50,000 days, set
#              SIMPY_DAYS): SimPy is about 100 times slower. Rates are per second, so they
#              compare across horizons; its waits get a wider tolerance (below).
#
# Events are arrivals + completions for all three. bigclient also processes a day-end event per
# simulated day and a month-end per month (its per-day bookkeeping: stress, hazards, pay); they
# are listed separately and left out of its rate, so that every rate counts the same work.
#
# Each program's mean waits must agree with the analytic values (Erlang C and Kleinrock's M/M/c
# priority formula, computed below): within 3 % for the two ≈ 1 M-day runs, within
# 3 % × √(1,000,000 / SIMPY_DAYS) for SimPy. Peak memory is /usr/bin/time's maximum resident set.
#
# Usage: benchmarks/run-all.sh            (SWIFT_SCRATCH=.build, SIMPY_DAYS=50000, REPS=28)
# Requires: swift, cc, python3 with simpy (pip install simpy), GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SWIFT_SCRATCH:-.build}
simpy_days=${SIMPY_DAYS:-50000}
reps=${REPS:-28}
scenario=scenarios/benchmark/mm8-priority.json5

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
python3 -c 'import simpy' 2>/dev/null || { echo "SimPy is required: pip install simpy" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is required" >&2; exit 1; }

echo "building: swift build -c release --scratch-path $scratch; cc -O2 benchmarks/c/priority_mm8.c" >&2
swift build -c release --scratch-path "$scratch" >/dev/null
mkdir -p "$scratch"
cc -O2 -o "$scratch/priority_mm8" benchmarks/c/priority_mm8.c -lm
bigclient="$scratch/release/bigclient"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "running bigclient ($reps × 36,500 days), C (1,000,000 days), SimPy ($simpy_days days)…" >&2
/usr/bin/time -f "%e %M" -o "$tmp/bigclient.time" \
  "$bigclient" run "$scenario" --replications "$reps" --jobs 1 --quiet --out "$tmp/out"
/usr/bin/time -f "%e %M" -o "$tmp/c.time" "$scratch/priority_mm8" 1000000 1000 > "$tmp/c.out"
/usr/bin/time -f "%e %M" -o "$tmp/simpy.time" python3 benchmarks/simpy/priority_mm8.py "$simpy_days" 1000 > "$tmp/simpy.out"

python3 - "$tmp" "$simpy_days" "$reps" <<'PY'
import csv, math, sys
tmp, simpy_days, reps = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])

# Theory (days): Erlang C by the Erlang-B recursion, then Kleinrock's non-preemptive priority waits.
c, rates, mu = 8, (2.0, 4.0), 1.0
a = sum(rates) / mu
b = 1.0
for k in range(1, c + 1):
    b = a * b / (k + a * b)
erlang_c = b / (1 - a / c * (1 - b))
w, sigma_before = [], 0.0
for rate in rates:
    sigma = sigma_before + rate / (c * mu)
    w.append(erlang_c / (c * mu) / ((1 - sigma_before) * (1 - sigma)))
    sigma_before = sigma

def timing(name):
    seconds, kb = open(f"{tmp}/{name}.time").read().split()[-2:]
    return float(seconds), int(kb) / 1024.0

def fields(name):
    parts = open(f"{tmp}/{name}.out").read().split()
    return {parts[i]: float(parts[i + 1]) for i in range(0, len(parts) - 1, 2)}

rows = []
# bigclient: events per replication from replications.csv, minus its own bookkeeping events.
with open(f"{tmp}/out/replications.csv") as f:
    data = list(csv.DictReader(f))
horizon_days, month_hours = 36500, 365 * 24 / 12
bookkeeping_per_rep = horizon_days + int(horizon_days * 24 // month_hours) + 1   # day ends, month ends, decision
all_events = sum(float(r["events"]) for r in data)
events = all_events - len(data) * bookkeeping_per_rep
w1 = sum(float(r["key_mean_wait_hours"]) for r in data) / len(data) / 24
w2 = sum(float(r["other_mean_wait_hours"]) for r in data) / len(data) / 24
seconds, mb = timing("bigclient")
rows.append(("bigclient (scenario)", events, seconds, mb, w1, w2, 0.03,
             f"{len(data)} × 36,500 days; +{len(data) * bookkeeping_per_rep:,.0f} day/month-end events not counted"))
cf = fields("c")
seconds, mb = timing("c")
rows.append(("C (priority_mm8.c)", cf["events"], seconds, mb, cf["wait1"], cf["wait2"], 0.03, "1,000,000 days"))
sf = fields("simpy")
seconds, mb = timing("simpy")
rows.append(("SimPy", sf["events"], seconds, mb, sf["wait1"], sf["wait2"], 0.03 * math.sqrt(1e6 / simpy_days),
             f"{simpy_days:,.0f} days"))

rate = {name: ev / s for name, ev, s, *_ in rows}
c_rate, simpy_rate = rate["C (priority_mm8.c)"], rate["SimPy"]
print(f"Two-class M/M/8 priority, one thread. Theory: Wq1 = {w[0]:.4f} day, Wq2 = {w[1]:.4f} day.")
print("Events = arrivals + completions; seconds = wall time of the process (start-up and output included);")
print("ratios are events/s over C's and over SimPy's.")
print()
header = f"{'program':<22}{'events':>12}{'seconds':>9}{'events/s':>12}{'peak MB':>9}{'÷ C':>9}{'÷ SimPy':>9}  {'Wq1 (d)':>8} {'Wq2 (d)':>8}  waits"
print(header)
failed = False
for name, ev, s, mb, a1, a2, tol, note in rows:
    ok = abs(a1 / w[0] - 1) <= tol and abs(a2 / w[1] - 1) <= tol
    failed |= not ok
    print(f"{name:<22}{ev:>12,.0f}{s:>9.2f}{ev / s:>12,.0f}{mb:>9.1f}{rate[name] / c_rate:>9.3g}{rate[name] / simpy_rate:>9.3g}  "
          f"{a1:>8.4f} {a2:>8.4f}  {'ok' if ok else 'OFF'} (±{100 * tol:.0f} %)  {note}")
if failed:
    print("\nA program's mean waits are off the analytic values by more than the tolerance.")
    sys.exit(1)
PY
