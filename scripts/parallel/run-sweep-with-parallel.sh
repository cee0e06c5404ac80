#!/usr/bin/env bash
# The GNU parallel recipe of docs/scaling.md, tested: run a sweep as N shards with GNU
# parallel on this machine, merge them, and check the result equals a single run byte for byte.
# Usage: scripts/parallel/run-sweep-with-parallel.sh [BIGCLIENT_BINARY] [SHARDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/release/bigclient}")
shards=${2:-4}
if ! command -v parallel >/dev/null; then
  echo "installing GNU parallel from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends parallel >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends parallel >/dev/null; }
fi
work=$(mktemp -d /tmp/bigclient-parallel.XXXXXX)
trap 'rm -rf "$work"' EXIT
sweep=(sweep scenarios/sweeps/breakeven-map.json5 --replications 4 --horizon-days 180 --warmup-days 30 --jobs 1 --quiet)

"$binary" "${sweep[@]}" --out "$work/single"
# The recipe: one job per shard, as many at a time as there are cores.
parallel --will-cite --halt now,fail=1 "$binary" "${sweep[@]}" --shard {}/"$shards" --out "$work/shard-{}" ::: $(seq "$shards")
"$binary" merge "$work"/shard-* --out "$work/merged"
for f in replications.csv summary.csv comparison.csv sweep.json report.html; do
  cmp "$work/single/$f" "$work/merged/$f"
done
echo "parallel: $shards shards merged equal the single run, byte for byte"
