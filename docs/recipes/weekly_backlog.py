#!/usr/bin/env python3
"""Mean weekly backlog per policy from timeseries.csv (pandas + matplotlib).

    python3 docs/recipes/weekly_backlog.py [RESULT_DIR] [OUT_PNG]

RESULT_DIR defaults to results/example (it must have been run with --timeseries);
OUT_PNG defaults to weekly_backlog.png next to this script.
"""
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

results = Path(sys.argv[1] if len(sys.argv) > 1 else "results/example")
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "weekly_backlog.png"
run = json.loads((results / "run.json").read_text())

# One row per (point, policy, replication, week); week 0 starts on day 0, warm-up included.
# Only an empty cell is undefined (NaN): keep_default_na=False keeps text such as the verdict "n/a" as text.
ts = pd.read_csv(results / "timeseries.csv", keep_default_na=False, na_values=[""])
ts = ts[ts.point == 0]  # a sweep: choose the point
weekly = ts.groupby(["policy", "week"]).backlog_orders
mean = weekly.mean().unstack("policy")  # rows: week, columns: policy
low, high = weekly.quantile(0.1).unstack("policy"), weekly.quantile(0.9).unstack("policy")

fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
for policy in ts.policy.unique():  # file order: baseline first
    line, = ax.plot(mean.index, mean[policy], label=f"{policy} (mean)")
    ax.fill_between(mean.index, low[policy], high[policy], color=line.get_color(), alpha=0.15)
# The policies are identical until the decision day (common random numbers).
ax.axvline(run["decisionDay"] / 7, color="grey", linestyle="--", linewidth=1)
ax.text(run["decisionDay"] / 7, ax.get_ylim()[1] * 0.95, " decision day", color="grey", va="top")
ax.set_xlabel("week")
ax.set_ylabel("orders in the system (time average over the week)")
ax.set_title(f"{run['scenarioName']}: weekly backlog, mean and 10-90 % of "
             f"{run['replications']} replications")
ax.legend()
fig.tight_layout()
out.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(out)
print("wrote", out)
