#!/bin/sh
# Re-draws every recipe picture in docs/recipes/ from a result folder (default results/example).
# Run from the repository root after regenerating results/example:  sh docs/recipes/make_all.sh
set -e
dir=${1:-results/example}
here=$(dirname "$0")
python3 "$here/profit_by_policy.py" "$dir" "$here"
python3 "$here/weekly_backlog.py" "$dir" "$here/weekly_backlog.png"
Rscript "$here/profit_by_policy.R" "$dir" "$here"
gnuplot -c "$here/profit_by_policy.gp" "$dir" "$here/profit_by_policy_gnuplot.png"
