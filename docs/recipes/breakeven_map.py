#!/usr/bin/env python3
"""Break-even map of scenarios/sweeps/breakeven-map.json5 (pandas + matplotlib).

    python3 docs/recipes/breakeven_map.py SWEEP_DIR [OUT_PNG]

SWEEP_DIR is the --out folder of the sweep; OUT_PNG defaults to breakeven_map.png next to
this script. Two heatmaps from comparison.csv (metric profit_eur, standard - indulge) over
the probability that the key client leaves (x) and its order rate (y): the mean paired difference,
with its zero contour (the break-even line), and share_better (how often standard wins).
"""
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
from matplotlib.colors import TwoSlopeNorm
import pandas as pd

sweep = Path(sys.argv[1])
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "breakeven_map.png"
plan = json.loads((sweep / "sweep.json").read_text())
X = "policies.standard.response.leaves.probability"
Y = "clients.key.ordersPerWeek"

# Only an empty cell is undefined (NaN): keep_default_na=False keeps text such as the verdict "n/a" as text.
cmp = pd.read_csv(sweep / "comparison.csv", keep_default_na=False, na_values=[""])
cmp = cmp[(cmp.metric == "profit_eur") & (cmp.policy == "standard") & (cmp.outcome == "all")]
diff = cmp.pivot(index=Y, columns=X, values="mean_diff") / 1000  # k EUR; rows y, columns x
share = cmp.pivot(index=Y, columns=X, values="share_better")
clear = cmp.pivot(index=Y, columns=X, values="verdict") != "no clear difference"
xs, ys = diff.columns.to_numpy(), diff.index.to_numpy()

# Key client's share of demand (scenario header): each key order ~18 h, regular clients 216 h/week.
share_of_demand = 18 * ys / (216 + 18 * ys)
ylabels = [f"{o:g}/wk ({s:.0%})" for o, s in zip(ys, share_of_demand)]

fig, axes = plt.subplots(1, 2, figsize=(8, 5), dpi=100, sharey=True)
ax = axes[0]
lim = abs(diff.to_numpy()).max()
im = ax.pcolormesh(xs, ys, diff, cmap="RdBu", norm=TwoSlopeNorm(0, -lim, lim), shading="nearest")
ax.contour(xs, ys, diff, levels=[0], colors="black", linewidths=2)  # break-even line
for (i, y) in enumerate(ys):  # the value in each cell; in brackets when the 95 % CI contains 0
    for (j, x) in enumerate(xs):
        v = diff.iat[i, j]
        ax.text(x, y, f"{v:+.0f}" if clear.iat[i, j] else f"({v:+.0f})", ha="center", va="center",
                fontsize=7, color="white" if abs(v) > 0.6 * lim else "black")
fig.colorbar(im, ax=ax, orientation="horizontal", pad=0.14, label="profit standard - indulge (k EUR)")
ax.set_title("mean profit difference\n(black line: break-even)", fontsize=10)

ax = axes[1]
im = ax.pcolormesh(xs, ys, share, cmap="RdBu", vmin=0, vmax=1, shading="nearest")  # same colours: blue = standard wins
ax.contour(xs, ys, share, levels=[0.5], colors="black", linewidths=1, linestyles="--")
for (i, y) in enumerate(ys):
    for (j, x) in enumerate(xs):
        v = share.iat[i, j]
        ax.text(x, y, f"{v:.0%}", ha="center", va="center", fontsize=7, color="white" if abs(v - 0.5) > 0.3 else "black")
fig.colorbar(im, ax=ax, orientation="horizontal", pad=0.14, label="share of replications where standard wins")
ax.set_title("share_better\n(dashed: 50 %)", fontsize=10)

for ax in axes:
    ax.set_xticks(xs, [f"{x:.2f}" for x in xs], fontsize=8)
    ax.set_xlabel("probability that the key client leaves")
axes[0].set_yticks(ys, ylabels, fontsize=8)
axes[0].set_ylabel("key client's orders/week (share of demand)")
fig.suptitle(f"{plan['scenarioName']}: enforce standard terms or keep indulging? "
             f"({plan['replications']} replications per point)", fontsize=11)
fig.tight_layout()
out.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(out)
print("wrote", out)
