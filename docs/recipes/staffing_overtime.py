#!/usr/bin/env python3
"""Head count x overtime willingness, scenarios/sweeps/staffing-overtime.json5 (pandas + matplotlib).

    python3 docs/recipes/staffing_overtime.py SWEEP_DIR [OUT_PNG]

SWEEP_DIR is the --out folder of the sweep; OUT_PNG defaults to staffing_overtime.png next
to this script. From summary.csv: mean profit (left) and burn-out episodes (right) per
policy against technicians.count, one line per technicians.overtime.baseAcceptance, with
the confidence interval of each mean as a band.
"""
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
import pandas as pd

sweep = Path(sys.argv[1])
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "staffing_overtime.png"
plan = json.loads((sweep / "sweep.json").read_text())
X, LINE = "technicians.count", "technicians.overtime.baseAcceptance"

# Only an empty cell is undefined (NaN): keep_default_na=False keeps text such as the verdict "n/a" as text.
summary = pd.read_csv(sweep / "summary.csv", keep_default_na=False, na_values=[""])  # one row per (point, policy, metric)
acceptances = sorted(summary[LINE].unique())
colours = {"indulge": plt.cm.Reds, "standard": plt.cm.Blues}  # one colour family per policy

fig, axes = plt.subplots(1, 2, figsize=(8, 5), dpi=100)
for ax, metric, scale, label in [(axes[0], "profit_eur", 1000, "mean profit (k EUR)"),
                                 (axes[1], "burnout_episodes", 1, "mean burn-out episodes")]:
    rows = summary[summary.metric == metric]
    for policy in plan["policies"]:  # baseline first
        for k, a in enumerate(acceptances):  # darker = more willing to work overtime
            d = rows[(rows.policy == policy) & (rows[LINE] == a)].sort_values(X)
            colour = colours[policy](0.35 + 0.6 * k / (len(acceptances) - 1))
            ax.plot(d[X], d["mean"] / scale, color=colour, marker="o", markersize=3,
                    label=f"{policy}, {a:g}")
            ax.fill_between(d[X], d.ci_low / scale, d.ci_high / scale, color=colour, alpha=0.08)
    ax.set_xticks(sorted(summary[X].unique()))
    ax.set_xlabel("technicians")
    ax.set_ylabel(label)
    ax.grid(alpha=0.3)
axes[0].axhline(0, color="black", linewidth=0.8)
axes[0].set_title("profit over the measurement window", fontsize=10)
axes[1].set_title("burn-outs over the measurement window", fontsize=10)
handles, labels = axes[0].get_legend_handles_labels()
order = [p * len(acceptances) + k for k in range(len(acceptances)) for p in range(len(plan["policies"]))]
fig.legend([handles[i] for i in order], [labels[i] for i in order], loc="lower center",  # one row per policy
           ncol=len(acceptances), fontsize=7, title="policy, technicians.overtime.baseAcceptance", title_fontsize=7)
fig.suptitle(f"{plan['scenarioName']}: lines = means, bands = {plan['confidence']:.0%} CI "
             f"of each mean ({plan['replications']} replications)", fontsize=11)
fig.tight_layout(rect=(0, 0.13, 1, 1))  # leave room for the legend
out.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(out)
print("wrote", out)
