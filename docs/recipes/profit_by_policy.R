#!/usr/bin/env Rscript
# Profit per policy and paired differences from a bigclient result folder (base R + ggplot2).
#
#   Rscript docs/recipes/profit_by_policy.R [RESULT_DIR] [OUT_DIR]
#
# RESULT_DIR defaults to results/example; OUT_DIR defaults to this script's folder.
# Writes profit_by_policy_r.png (mean profit with its CI, from summary.csv) and
# paired_differences_r.png (forest plot of the money metrics, from comparison.csv).
suppressPackageStartupMessages(library(ggplot2))

args <- commandArgs(trailingOnly = TRUE)
results <- if (length(args) >= 1) args[1] else "results/example"
# The default output folder is this script's: found from Rscript's --file= argument, or the
# working directory when there is none (source() in an R session).
script <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
out <- if (length(args) >= 2) args[2] else if (length(script) == 1) dirname(normalizePath(script)) else getwd()
for (name in c("summary.csv", "comparison.csv", "run.json")) {
  if (!file.exists(file.path(results, name))) stop(sprintf("%s has no %s: give a bigclient result folder", results, name))
}
dir.create(out, recursive = TRUE, showWarnings = FALSE)  # a fresh output folder

# Plain read.csv: "." decimals (an excel-eu folder: read.csv2). na.strings = "": an empty
# cell, and nothing else, is NA, so text such as the verdict "n/a" stays text. UTF-8 for the
# notes' "€" and "–".
read <- function(name) read.csv(file.path(results, name), encoding = "UTF-8", na.strings = "", stringsAsFactors = FALSE)
summary <- read("summary.csv")
comparison <- read("comparison.csv")
# The confidence level of the intervals, from run.json (base R has no JSON reader).
run <- readLines(file.path(results, "run.json"), encoding = "UTF-8")
level <- as.numeric(sub('.*: *([0-9.]+).*', "\\1", grep('"confidence"', run, value = TRUE)))

# 1. Mean profit per policy with its confidence interval (point 0; a sweep: choose the point).
profit <- subset(summary, metric == "profit_eur" & point == 0)
profit$policy <- factor(profit$policy, levels = profit$policy)  # keep the file's order, baseline first
p <- ggplot(profit, aes(policy, mean / 1000)) +
  geom_col(fill = "#4c72b0", width = 0.6) +
  geom_errorbar(aes(ymin = ci_low / 1000, ymax = ci_high / 1000), width = 0.15) +
  geom_hline(yintercept = 0) +
  labs(x = NULL, y = "profit over the measurement window (k EUR)",
       title = sprintf("Mean profit per policy, %g %% CI (n = %d each)", 100 * level, profit$n[1])) +
  theme_minimal(base_size = 13)
ggsave(file.path(out, "profit_by_policy_r.png"), p, width = 8, height = 5, dpi = 100)

# 2. Forest plot: paired difference (policy - baseline) of every money metric, with its CI.
#    All in the same unit (EUR); colour = verdict, which already accounts for the metric's
#    direction (for a cost, a negative difference is "better").
money <- subset(comparison, grepl("_eur$", metric) & point == 0 & outcome == "all")
money$metric <- factor(money$metric, levels = rev(unique(money$metric)))  # profit on top
money$label <- paste(money$policy, "vs", money$baseline)
f <- ggplot(money, aes(mean_diff / 1000, metric, colour = verdict)) +
  geom_vline(xintercept = 0, linetype = "dashed") +
  geom_errorbar(aes(xmin = ci_low / 1000, xmax = ci_high / 1000), width = 0.25, orientation = "y") +
  geom_point(size = 2.5) +
  facet_wrap(~label) +
  scale_colour_manual(values = c("better" = "#2a9d4b", "worse" = "#c0392b",
                                 "no clear difference" = "grey45", "n/a" = "black")) +
  labs(x = "paired difference of the means (k EUR)", y = NULL,
       title = sprintf("Paired differences of the money metrics, %g %% CI", 100 * level)) +
  theme_minimal(base_size = 13) + theme(legend.position = "bottom")
ggsave(file.path(out, "paired_differences_r.png"), f, width = 8, height = 5, dpi = 100)
cat("wrote", file.path(out, "profit_by_policy_r.png"), "and", file.path(out, "paired_differences_r.png"), "\n")
