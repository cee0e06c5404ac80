import CompanyModel

/// The decision figures of one point, as tidy rows: what `decision.csv` holds, what the JSON
/// report lists and what the text report words. One list, so the three cannot disagree.
///
/// Rows (`figure`, with the policy and the outcome they concern):
/// - `replications`: replications used, and `key_client_absent`: those in which the key client
///   was gone before the decision day (it responded to nothing, in any policy);
/// - per studied policy: `expected_difference` (profit, policy − baseline, all outcomes
///   weighted; and, when some replications lost the key client before the decision day,
///   `expected_difference_key_client_present` over the others), per outcome `probability`
///   (declared; `drawn_share` with sampled outcomes) and `conditional_difference` (if the
///   client responds so), and per outcome of probability in (0, 1) `breakeven_probability`
///   (the probability of that outcome at which the expected difference is 0, the others keeping
///   their relative odds; Fieller interval);
/// - per studied policy, overall (`all`) and per outcome: `prob_worse`, the probability that
///   profit is below the baseline's, and `shortfall_p10`, the mean difference over the worst
///   10 % of cases (`DownsideRisk`); `runaways_excluded` when replications were left out;
/// - with three policies or more (and at most `pairwiseLimit`), `pairwise_difference` for
///   every pair of studied policies (the note names them: first − second);
/// - with `--select-best`, `selected_best` (the policy, and the replications at which Kim and
///   Nelson's procedure stopped) or `selection_undecided` (the survivors at the cap), and a
///   `selection_eliminated` row per eliminated policy;
/// - `evpi`: the expected value of perfect information about the response;
/// - `recommended_policy`: the policy with the best expected profit, with the recommendation in
///   words in `note`.
///
/// With sampled outcomes (`--sample-outcomes`) the conditional differences are over the
/// replications that drew each outcome, and the break-even and EVPI rows are absent (they need
/// every outcome of every replication); the `recommended_policy` note says so.
public struct DecisionFigures: Sendable {
    public struct Row: Sendable, Hashable {
        public var figure: String
        public var policy: String = ""
        public var outcome: String = ""
        public var value: Double = .nan
        public var ciLow: Double = .nan
        public var ciHigh: Double = .nan
        public var note: String = ""
    }

    public var rows: [Row]
    /// The recommendation in words (profit), when there is a policy to compare.
    public var recommendation: DecisionRecommendation?
    public var analysis: DecisionAnalysis?

    /// The figures of `outcome` for profit.
    public init(_ outcome: ExperimentOutcome) {
        var rows: [Row] = []
        let metric = Metric.profitEur
        rows.append(Row(figure: "replications", value: Double(outcome.replications)))
        rows.append(Row(figure: "key_client_absent", value: Double(outcome.keyClientAbsentCount),
                        note: "replications in which the key client was gone before the decision day: it responded to nothing"))
        if outcome.excludedRunawayCount > 0 {
            rows.append(Row(figure: "runaways_excluded", value: Double(outcome.excludedRunawayCount),
                            note: "replications left out of every comparison and of the decision: a run stopped as a runaway (maxBacklogOrders)"))
        }
        let analysis = outcome.policies.count > 1 ? outcome.decisionAnalysis(metric: metric) : nil
        for p in outcome.policies.indices.dropFirst() {
            let name = outcome.policies[p]
            let all = outcome.comparison(policy: p, metric: metric).differences
            rows.append(Row(figure: "expected_difference", policy: name, outcome: "all", value: all.mean, ciLow: all.lower,
                            ciHigh: all.upper, note: "profit_eur, \(name) − \(outcome.baseline)"))
            if outcome.keyClientAbsentCount > 0 {
                // Both readings: all replications (above), and only those in which the key
                // client was there to respond.
                let present = outcome.comparableReplications.filter { outcome.results[0][$0][.keyClientPresent] == 1 }
                let c = outcome.paired(present.map { outcome.results[p][$0][metric] }, present.map { outcome.results[0][$0][metric] },
                                       metric: metric).differences
                rows.append(Row(figure: "expected_difference_key_client_present", policy: name, outcome: "all", value: c.mean,
                                ciLow: c.lower, ciHigh: c.upper,
                                note: "over the \(c.n) replications in which the key client was still there on the decision day"))
            }
            rows += Self.riskRows(outcome.risk(policy: p, outcome: nil, metric: metric), policy: name, outcome: "all")
            let names = outcome.outcomeNames(policy: p)
            guard names != [KeyClientOutcome.statusQuoName] else { continue }
            for outcomeName in names {
                // Figures from the rows alone (never from the scenario file), so that merged
                // shards give the same file as one run.
                let c = outcome.comparison(policy: p, outcome: outcomeName, metric: metric).differences
                if let declared = analysis?.policies[p].outcomes.first(where: { $0.name == outcomeName }) {
                    rows.append(Row(figure: "probability", policy: name, outcome: outcomeName, value: declared.probability,
                                    note: "declared in the scenario"))
                } else {
                    rows.append(Row(figure: "drawn_share", policy: name, outcome: outcomeName,
                                    value: Double(c.n) / Double(max(outcome.replications, 1)),
                                    note: "share of replications that drew it (--sample-outcomes)"))
                }
                rows.append(Row(figure: "conditional_difference", policy: name, outcome: outcomeName, value: c.mean,
                                ciLow: c.lower, ciHigh: c.upper,
                                note: outcome.settings.outcomeMode == .sampled ? "over the \(c.n) replications that drew it" : ""))
                rows += Self.riskRows(outcome.risk(policy: p, outcome: outcomeName, metric: metric), policy: name, outcome: outcomeName)
            }
            guard let analysis else { continue }
            for o in analysis.policies[p].outcomes where o.probability > 0 && o.probability < 1 {
                rows.append(Self.breakEvenRow(analysis.breakEven(policy: name, outcome: o.name)))
            }
        }
        if outcome.policies.count >= 3 && outcome.policies.count <= Self.pairwiseLimit {
            // Every pair, not only against the baseline: which of two studied policies is better
            // is a question too, and the baseline's warm-up stays what it is.
            let kept = outcome.comparableReplications
            for i in outcome.policies.indices.dropFirst() {
                for j in outcome.policies.indices where j > i {
                    let c = outcome.paired(kept.map { outcome.results[i][$0][metric] }, kept.map { outcome.results[j][$0][metric] },
                                           metric: metric).differences
                    rows.append(Row(figure: "pairwise_difference", policy: outcome.policies[i], outcome: "all", value: c.mean,
                                    ciLow: c.lower, ciHigh: c.upper,
                                    note: "profit_eur, \(outcome.policies[i]) − \(outcome.policies[j]) (paired)"))
                }
            }
        }
        if let target = outcome.settings.precision, let selection = outcome.bestSelection(target) {
            if let best = selection.best, let stopped = selection.stoppedAt {
                rows.append(Row(figure: "selected_best", policy: best, value: Double(stopped),
                                note: selection.guarantee + "; stopped after \(stopped) replications"))
            } else {
                rows.append(Row(figure: "selection_undecided", policy: selection.survivors.joined(separator: " "),
                                value: Double(outcome.comparableReplications.count),
                                note: "still in contention at the cap of replications: their expected profits are within the indifference zone, or more replications are needed"))
            }
            for e in selection.eliminations {
                rows.append(Row(figure: "selection_eliminated", policy: e.policy, value: Double(e.replications),
                                note: "eliminated after \(e.replications) replications, below '\(e.by)'"))
            }
        }
        if let analysis {
            let voi = analysis.valueOfInformation
            rows.append(Row(figure: "evpi", value: voi.value, ciLow: voi.interval.lower, ciHigh: voi.interval.upper,
                            note: voi.changesNoChoice
                                ? "knowing the response would not change the choice: '\(voi.bestPolicy)' is best whatever it is"
                                : "an estimate biased upward (a maximum of noisy means), its interval conditional on the policies chosen"))
            let recommendation = analysis.recommendation()
            rows.append(Row(figure: "recommended_policy", policy: recommendation.policy, note: recommendation.text))
            self.recommendation = recommendation
        } else if outcome.policies.count > 1 {
            let best = outcome.policies.indices.max { outcome.summary(policy: $0, metric: metric).mean < outcome.summary(policy: $1, metric: metric).mean }!
            rows.append(Row(figure: "recommended_policy", policy: outcome.policies[best],
                            note: outcome.settings.outcomeMode == .sampled
                                ? "the best expected profit; break-even probabilities and the value of information need outcome branches (run without --sample-outcomes)"
                                : "the best expected profit; break-even probabilities and the value of information need at least 2 replications"))
            recommendation = nil
        } else {
            recommendation = nil
        }
        self.rows = rows
        self.analysis = analysis
    }

    /// The most policies whose every pair is listed (`pairwise_difference`): 12 policies are
    /// 55 pairs of studied ones; a thousand would be half a million lines no one reads.
    public static let pairwiseLimit = 12

    /// `prob_worse` and `shortfall_p10` of profit, from the policy's downside (`DownsideRisk`).
    static func riskRows(_ risk: DownsideRisk?, policy: String, outcome: String) -> [Row] {
        guard let risk, risk.n > 0 else { return [] }
        let w = risk.probabilityWorse, s = risk.shortfall
        return [Row(figure: "prob_worse", policy: policy, outcome: outcome, value: w.value, ciLow: w.lower, ciHigh: w.upper,
                    note: "probability that profit_eur is below the baseline's (Clopper–Pearson interval)"),
                Row(figure: "shortfall_p10", policy: policy, outcome: outcome, value: s.value, ciLow: s.lower, ciHigh: s.upper,
                    note: "mean profit_eur difference over the worst 10 % of cases (bootstrap interval)")]
    }

    static func breakEvenRow(_ be: OutcomeBreakEven) -> Row {
        var row = Row(figure: "breakeven_probability", policy: be.policy, outcome: be.outcome)
        if be.interval.count == 1 { row.ciLow = be.interval[0].lowerBound; row.ciHigh = be.interval[0].upperBound }
        var notes: [String] = []
        switch be.answer {
        case .crossing(let q, let betterBelow):
            row.value = q
            notes.append("\(be.policy) is better than the baseline while the probability of '\(be.outcome)' is \(betterBelow ? "below" : "above") it")
        case .alwaysBetter: notes.append("better than the baseline whatever the probability of '\(be.outcome)' (by the means)")
        case .alwaysWorse: notes.append("worse than the baseline whatever the probability of '\(be.outcome)' (by the means)")
        case .noDifference: notes.append("no difference whatever the probability")
        case .noOtherOutcome: notes.append("no other outcome")
        }
        if be.interval.count > 1 {
            notes.append("confidence set " + be.interval.map { "[\(CSVFormat.number($0.lowerBound)), \(CSVFormat.number($0.upperBound))]" }.joined(separator: " ∪ "))
        } else if be.interval.isEmpty, case .crossing = be.answer {
            notes.append("no confidence interval within [0, 1]")
        }
        if case .interval = be.confidenceSet {
            if be.intervalWasClipped { notes.append("interval cut to [0, 1]") }
        } else if !be.interval.isEmpty {
            notes.append("the data do not bound the interval (Fieller)")
        }
        row.note = notes.joined(separator: "; ")
        return row
    }
}
