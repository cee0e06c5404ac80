#!/usr/bin/env python3
"""Tornado chart of scenarios/sweeps/tornado.json5, an "oat" sweep (pandas + matplotlib).

    python3 docs/recipes/tornado.py SWEEP_DIR [OUT_PNG]

SWEEP_DIR is the --out folder of the sweep; OUT_PNG defaults to tornado.png next to this
script. Bars, from comparison.csv: the profit difference (standard - indulge) when one
parameter alone is at its low or its high value; the centre line is the base point
(point 0). Parameters are sorted by swing (|high - low|), the largest on top. Whiskers, from
replications.csv: an approximate 95 % interval of each bar's length, i.e. of the change from
the base, paired by replication (every point uses the same random numbers).
"""
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
import pandas as pd

sweep = Path(sys.argv[1])
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "tornado.png"
plan = json.loads((sweep / "sweep.json").read_text())
params = plan["parameterNames"]  # the leading columns of every file
k = 1000  # k EUR

# Only an empty cell is undefined (NaN): keep_default_na=False keeps text such as the verdict "n/a" as text.
cmp = pd.read_csv(sweep / "comparison.csv", keep_default_na=False, na_values=[""])
cmp = cmp[(cmp.metric == "profit_eur") & (cmp.policy == "standard") & (cmp.outcome == "all")].set_index("point")
base = cmp.loc[0]

# Per-replication paired difference D = standard - indulge at every point, for the whiskers.
reps = pd.read_csv(sweep / "replications.csv", keep_default_na=False, na_values=[""])
wide = reps.pivot_table(index=["point", "replication"], columns="policy", values="profit_eur")
D = (wide["standard"] - wide[base.baseline]).unstack("point")  # rows: replication, columns: point

# In an oat design every point but 0 moves exactly one parameter: find which, and whether low or high.
rows = []
for point, r in cmp.drop(index=0).iterrows():
    name = next(p for p in params if r[p] != base[p])
    change = D[point] - D[0]
    rows.append(dict(param=name, side="low" if r[name] < base[name] else "high", value=r[name],
                     diff=r.mean_diff / k, half=1.96 * change.std() / len(change) ** 0.5 / k))
bars = pd.DataFrame(rows).pivot(index="param", columns="side")
swing = (bars["diff", "high"] - bars["diff", "low"]).abs()
bars = bars.loc[swing.sort_values().index]  # barh draws bottom-up: the largest swing ends on top

centre = base.mean_diff / k
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
for y, (param, b) in enumerate(bars.iterrows()):
    for side, dy, colour in [("low", 0.18, "#dd8452"), ("high", -0.18, "#4c72b0")]:  # low above high
        d = b["diff", side]
        ax.barh(y + dy, d - centre, left=centre, height=0.34, color=colour,
                label=f"parameter at its {side} value" if y == 0 else None)
        ax.errorbar(d, y + dy, xerr=b["half", side], color="black", capsize=2, linewidth=0.8)
        right = d >= centre  # write the parameter's value beyond the end of its bar
        ax.text(d + (1 if right else -1) * (b["half", side] + 5), y + dy, f"{b['value', side]:g}",
                fontsize=7, ha="left" if right else "right", va="center")
ax.axvline(centre, color="black", linewidth=1.2)
ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")  # break-even
ax.set_yticks(range(len(bars)), [".".join(p.split(".")[-2:]) for p in bars.index], fontsize=8)  # short names
ax.set_xlabel("profit difference standard - indulge (k EUR); solid line: base point, dotted: 0")
fig.suptitle(f"{plan['scenarioName']}: profit difference with one parameter moved at a time\n"
             f"(base {centre:+.0f} k EUR, {plan['replications']} replications; whiskers: ~95 % CI of "
             f"each change from the base)", fontsize=10)
ax.legend(loc="lower right", fontsize=7)
fig.tight_layout()
out.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(out)
print("wrote", out)
