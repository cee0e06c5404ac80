#!/usr/bin/env bash
# Writes the outputs that a pure performance change must leave unchanged, so that a change can
# be checked bit for bit against the commit before it:
#
#   replications.csv, summary.csv and comparison.csv of the four shipped scenarios (30
#   replications each) and of the M/M/8 benchmark scenario (2 replications), the event log of
#   `bigclient trace scenarios/historic-client.json5`, and `bigclient validate`'s report (its
#   "events in … s" timing line left out).
#
# Usage:
#   benchmarks/results-fingerprint.sh DIR              write the outputs of the current release build into DIR
#   benchmarks/results-fingerprint.sh DIR --compare REF   …then compare DIR with an earlier REF; exit 1 on a difference
#
# Typical use: run it into /tmp/before, make the change, run it into /tmp/after --compare /tmp/before.
# It builds the release binary first (swift build -c release). About 10 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 DIR [--compare REF]" >&2; exit 64; }
out=$1
ref=""
if [ $# -ge 3 ] && [ "$2" = "--compare" ]; then ref=$3; fi

swift build -c release >/dev/null
bigclient=.build/release/bigclient
rm -rf "$out"
mkdir -p "$out"
for s in historic-client small-shop priority-for-a-fee extra-technician; do
  "$bigclient" run "scenarios/$s.json5" --replications 30 --quiet --yes --out "$out/$s" >/dev/null
done
"$bigclient" run scenarios/benchmark/mm8-priority.json5 --replications 2 --quiet --out "$out/mm8" >/dev/null
"$bigclient" trace scenarios/historic-client.json5 > "$out/trace.txt"
"$bigclient" validate 2>&1 | grep -v "events in" > "$out/validate.txt" || true
echo "wrote $out"

[ -n "$ref" ] || exit 0
status=0
for f in trace.txt validate.txt; do
  cmp -s "$ref/$f" "$out/$f" || { echo "differs: $f"; status=1; }
done
for d in historic-client small-shop priority-for-a-fee extra-technician mm8; do
  for f in replications.csv summary.csv comparison.csv; do
    cmp -s "$ref/$d/$f" "$out/$d/$f" || { echo "differs: $d/$f"; status=1; }
  done
done
[ $status -eq 0 ] && echo "identical to $ref"
exit $status
