# Mean profit per policy with its confidence interval, from summary.csv (gnuplot >= 5.4).
#
#   gnuplot -c docs/recipes/profit_by_policy.gp [RESULT_DIR] [OUT_PNG]
#
# RESULT_DIR defaults to results/example; OUT_PNG to profit_by_policy_gnuplot.png next
# to this script. Pure gnuplot (no awk or shell pipe), so it also works on Windows.
dir = ARGC >= 1 ? ARG1 : "results/example"
here = ARG0[1:strstrt(ARG0, "profit_by_policy.gp") - 1]
out = ARGC >= 2 ? ARG2 : here . "profit_by_policy_gnuplot.png"

set datafile separator comma
set datafile columnheaders        # columns by name: robust to the swept-parameter columns

# summary.csv is tidy (one row per point, policy and metric): copy the profit rows of
# point 0 (a sweep: choose the point) into a datablock: policy, mean, ci_low, ci_high in k EUR.
set table $profit separator comma
plot dir . "/summary.csv" using (strcol("policy")):(column("mean")/1000):(column("ci_low")/1000):(column("ci_high")/1000) \
     with table if (strcol("metric") eq "profit_eur" && column("point") == 0)
unset table
unset datafile columnheaders      # the datablock has no header row

set terminal pngcairo size 800,500 font "sans,11"
set output out
set title "Mean profit per policy with its confidence interval"
set ylabel "profit over the measurement window (k EUR)"
set style fill solid 0.8 noborder
set boxwidth 0.6
set xzeroaxis lt -1
set grid ytics
stats $profit using 3 nooutput     # the lowest ci_low, and the number of policies
set yrange [(STATS_min < 0 ? STATS_min : 0):*]   # bars start at 0
set offsets 0, 0, graph 0.05, graph 0.05   # room for the error-bar caps
set xrange [-0.6:STATS_records - 0.4]
unset key
# column 0 is the row number: one bar per policy, baseline first, labelled by column 1.
plot $profit using 0:2:xtic(1) with boxes lc rgb "#4c72b0", \
     ''      using 0:2:3:4 with yerrorbars lc rgb "black" pt -1 lw 1.5
