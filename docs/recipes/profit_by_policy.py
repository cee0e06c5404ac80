#!/usr/bin/env python3
"""Profit per policy from a bigclient result folder (pandas + matplotlib).

    python3 docs/recipes/profit_by_policy.py [RESULT_DIR] [OUT_DIR]

RESULT_DIR defaults to results/example; OUT_DIR defaults to this script's folder.
Writes profit_by_policy_bar.png (mean profit with its confidence interval, from
summary.csv) and profit_by_policy_box.png (profit of every replication, from
replications.csv).
"""
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
import pandas as pd

results = Path(sys.argv[1] if len(sys.argv) > 1 else "results/example")
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent
out.mkdir(parents=True, exist_ok=True)
run = json.loads((results / "run.json").read_text())
level = f"{run['confidence']:.0%}"

# summary.csv is tidy: one row per (point, policy, metric). Empty cells read as NaN.
# Only an empty cell is undefined (NaN): keep_default_na=False keeps text such as the verdict "n/a" as text.
summary = pd.read_csv(results / "summary.csv", keep_default_na=False, na_values=[""])
profit = summary[(summary.metric == "profit_eur") & (summary.point == 0)]  # a sweep: choose the point
k = 1000  # plot in thousands of euros
errors = [(profit["mean"] - profit.ci_low) / k, (profit.ci_high - profit["mean"]) / k]

fig, ax = plt.subplots(figsize=(8, 5), dpi=100)  # 800 x 500 pixels
ax.bar(profit.policy, profit["mean"] / k, yerr=errors, capsize=8, color="#4c72b0")
ax.axhline(0, color="black", linewidth=0.8)
ax.set_ylabel("profit over the measurement window (k EUR)")
ax.set_title(f"{run['scenarioName']}: mean profit per policy, {level} CI "
             f"({run['replications']} replications)")
fig.tight_layout()
fig.savefig(out / "profit_by_policy_bar.png")

# replications.csv: one row per (point, policy, replication), one column per metric.
reps = pd.read_csv(results / "replications.csv", keep_default_na=False, na_values=[""])
reps = reps[reps.point == 0]
policies = list(profit.policy)  # baseline first, as in the files
groups = [reps.loc[reps.policy == p, "profit_eur"].dropna() / k for p in policies]

fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
ax.boxplot(groups, tick_labels=policies, whis=(5, 95), showfliers=False)  # whiskers: 5th-95th percentile
for i, g in enumerate(groups, start=1):  # every replication as a dot, jittered sideways
    ax.scatter(i + (pd.Series(range(len(g))) % 5 - 2) * 0.04, g, s=14, alpha=0.6, color="#dd8452", zorder=3)
ax.axhline(0, color="black", linewidth=0.8)
ax.set_ylabel("profit of one replication (k EUR)")
ax.set_title(f"{run['scenarioName']}: profit per replication (box: quartiles, whiskers: 5-95 %)")
fig.tight_layout()
fig.savefig(out / "profit_by_policy_box.png")
print("wrote", out / "profit_by_policy_bar.png", "and", out / "profit_by_policy_box.png")
