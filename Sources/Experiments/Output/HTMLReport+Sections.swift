import CompanyModel

extension HTMLReport {
    /// The page's per-point sections, for the focus point.
    struct Page {
        let tables: ResultTables
        let manifest: SweepManifest
        let focus: ResultTables.Point
        /// The focus point's decision figures, computed once for every section that reads them.
        let figures: DecisionFigures
        var outcome: ExperimentOutcome { focus.outcome }
        var baseline: String { outcome.baseline }
        var confidence: Int { Int((outcome.settings.confidence * 100).rounded()) }

        /// "At point 0 (technicians.count = 4): " for a sweep, "" for a run.
        var focusNote: [String] {
            guard !tables.parameterNames.isEmpty else { return [] }
            let values = zip(tables.parameterNames, focus.parameterValues).map { "\($0) = \($1)" }.joined(separator: ", ")
            let which = manifest.design == SweepDesign.oat.rawValue ? "the base point of the one-at-a-time design" : "the first point of the sweep"
            return [paragraph("This section is for point \(focus.index) (\(values)), \(which); the sweep section shows every point.", note: true)]
        }

        var studied: Range<Int> { outcome.policies.indices.dropFirst() }

        func onlyBaseline() -> String { paragraph("Only the baseline '\(baseline)' was simulated: there is nothing to compare it with.") }

        // MARK: recommendation

        func recommendation() -> String {
            var body = focusNote
            if outcome.policies.count == 1 {
                body.append("<p class=\"lead\">Only the baseline <strong class=\"policy\">\(HTMLText.escape(baseline))</strong> was simulated: there is nothing to choose between.</p>")
            } else if let row = figures.rows.first(where: { $0.figure == "recommended_policy" }) {
                body.append("<p class=\"lead\">Recommended policy: <strong class=\"policy\">\(HTMLText.escape(row.policy))</strong></p>")
                body.append(paragraph(figures.recommendation?.text ?? "'\(row.policy)' has the best expected profit; \(row.note)."))
            }
            if tables.points.count > 1, outcome.policies.count > 1 {
                body.append("<h3>Recommended policy at each point</h3>")
                body.append(table(tables.parameterNames + ["recommended policy", "its expected profit difference against '\(baseline)'"],
                                  tables.points.map { point in
                    let figures = DecisionFigures(point.outcome)
                    let best = figures.rows.first { $0.figure == "recommended_policy" }?.policy ?? ""
                    let difference = point.outcome.comparison(policy: best, metric: .profitEur)
                    return point.parameterValues.map { Cell(text: $0) } + [Cell(text: best),
                        .number(best == point.outcome.baseline ? "(the baseline)" : difference.map { HTMLText.euros($0.differences, signed: true) } ?? "—")]
                }))
            }
            return section("recommendation", "Recommendation", body)
        }

        // MARK: profit-distribution

        func profitDistribution() -> String {
            let rows = outcome.policies.indices.map { p in
                let values = outcome.values(policy: p, metric: .profitEur)
                let s = outcome.summary(policy: p, metric: .profitEur)
                return HTMLChart.Row(label: outcome.policies[p] + (p == 0 ? " (baseline)" : ""),
                                     detail: "mean \(HTMLText.euros(s.mean))", dots: values, mean: s.mean, lower: s.lower,
                                     upper: s.upper, marks: [(percentile(values, 0.05), "p5"), (percentile(values, 0.5), "p50"),
                                                             (percentile(values, 0.95), "p95")],
                                     colour: HTMLChart.colour(p))
            }
            let chart = HTMLChart.rows(rows, label: "profit_eur per replication, by policy", axisTitle: "profit over the measured period (€)",
                                       zero: false, format: { HTMLText.number($0) })
            let summary = table(["policy", "mean [\(confidence) % CI]", "p5", "p50", "p95", "replications"],
                                outcome.policies.indices.map { p in
                let values = outcome.values(policy: p, metric: .profitEur)
                return [Cell(text: outcome.policies[p]), .number(HTMLText.euros(outcome.summary(policy: p, metric: .profitEur))),
                        .number(HTMLText.euros(percentile(values, 0.05))), .number(HTMLText.euros(percentile(values, 0.5))),
                        .number(HTMLText.euros(percentile(values, 0.95))), .number(String(values.count))]
            })
            return section("profit-distribution", "Profit by policy", focusNote + [
                paragraph("Each dot is one replication's profit (profit_eur); the open circle is the mean with its \(confidence) % interval, the ticks the 5th, 50th and 95th percentiles."),
                chart, summary])
        }

        // MARK: difference-by-outcome

        func differenceByOutcome() -> String {
            guard !studied.isEmpty else { return section("difference-by-outcome", "Profit difference by the key client's response", [onlyBaseline()]) }
            var body = focusNote
            body.append(paragraph("The profit difference against '\(baseline)' (policy − baseline, paired by replication) over all outcomes of the key client's response weighed by their probabilities, then if the client responds in each way; bars are \(confidence) % intervals."))
            var rows: [HTMLChart.Row] = []
            for p in studied {
                let name = outcome.policies[p]
                let all = outcome.comparison(policy: p, metric: .profitEur).differences
                rows.append(HTMLChart.Row(label: "\(name): all", detail: HTMLText.euros(all, signed: true), mean: all.mean,
                                          lower: all.lower, upper: all.upper, colour: HTMLChart.colour(p)))
                let names = outcome.outcomeNames(policy: p)
                guard names != [KeyClientOutcome.statusQuoName] else { continue }
                for outcomeName in names {
                    let d = outcome.comparison(policy: p, outcome: outcomeName, metric: .profitEur).differences
                    let share = figures.rows.first { ($0.figure == "probability" || $0.figure == "drawn_share") && $0.policy == name && $0.outcome == outcomeName }?.value ?? .nan
                    rows.append(HTMLChart.Row(label: "\(name): if '\(outcomeName)'",
                                              detail: "probability \(HTMLText.percent(share)); \(HTMLText.euros(d, signed: true))",
                                              mean: d.mean, lower: d.lower, upper: d.upper, colour: HTMLChart.colour(p)))
                }
            }
            body.append(HTMLChart.rows(rows, label: "profit difference against \(baseline), overall and by outcome",
                                       axisTitle: "profit difference against '\(baseline)' (€)", zero: true,
                                       format: { HTMLText.number($0, signed: true) }))
            return section("difference-by-outcome", "Profit difference by the key client's response", body)
        }

        // MARK: risk

        /// One line of the risk table: its label and its value for a policy, from the paired
        /// comparison and the downside (`DownsideRisk`, over the replications and the client's
        /// response). Add a figure here and it appears in the table.
        struct RiskFigure: Sendable {
            var label: String
            var value: @Sendable (_ comparison: PairedComparison, _ risk: DownsideRisk?) -> String
        }

        static func estimate(_ e: DownsideRisk.Estimate?, percent: Bool = false) -> String {
            guard let e, !e.value.isNaN else { return "—" }
            if percent {
                let ci = e.lower.isNaN ? "" : " [\(HTMLText.percent(e.lower)); \(HTMLText.percent(e.upper))]"
                return HTMLText.percent(e.value) + ci
            }
            return e.lower.isNaN ? HTMLText.euros(e.value, signed: true) : HTMLText.euros(mean: e.value, lower: e.lower, upper: e.upper)
        }

        static let riskFigures: [RiskFigure] = [
            RiskFigure(label: "replications better / tied / worse than the baseline") { c, _ in TextReport.shares(c) },
            RiskFigure(label: "probability of a lower profit than the baseline (over the client's response)") { _, r in estimate(r?.probabilityWorse, percent: true) },
            RiskFigure(label: "mean of the worst 10 % of cases (expected shortfall)") { _, r in estimate(r?.shortfall) },
            RiskFigure(label: "p10 of the profit difference") { _, r in estimate(r?.quantiles[0]) },
            RiskFigure(label: "p50 (median) of the profit difference") { _, r in estimate(r?.quantiles[1]) },
            RiskFigure(label: "p90 of the profit difference") { _, r in estimate(r?.quantiles[2]) },
        ]

        /// policy − baseline profit per comparable replication (outcome-weighted; runaways and
        /// pairs with an undefined value dropped, as in every comparison).
        func profitDifferences(_ p: Int) -> [Double] {
            outcome.comparableReplications.map { outcome.results[p][$0][.profitEur] - outcome.results[0][$0][.profitEur] }
                .filter { !$0.isNaN }
        }

        func risk() -> String {
            guard !studied.isEmpty else { return section("risk", "Risk", [onlyBaseline()]) }
            var body = focusNote
            body.append(paragraph("How the profit difference against '\(baseline)' spreads: not only whether a policy is better on average, but how often and by how much it does worse. The probability, the worst 10 % and the quantiles count each outcome of the key client's response with its probability (intervals: Clopper–Pearson for the probability, bootstrap for the others); the dots are the replications, outcomes weighted."))
            let comparisons = studied.map { (outcome.policies[$0], outcome.comparison(policy: $0, metric: .profitEur),
                                             outcome.risk(policy: $0, outcome: nil, metric: .profitEur)) }
            body.append(table(["figure"] + comparisons.map { "\($0.0) − \(baseline)" },
                              Self.riskFigures.map { figure in [Cell(text: figure.label)] + comparisons.map { .number(figure.value($0.1, $0.2)) } }))
            let rows = studied.map { p in
                let d = profitDifferences(p)
                let s = outcome.comparison(policy: p, metric: .profitEur).differences
                return HTMLChart.Row(label: "\(outcome.policies[p]) − \(baseline)", dots: d, mean: s.mean, lower: s.lower, upper: s.upper,
                                     marks: [(percentile(d, 0.05), "p5"), (percentile(d, 0.5), "p50"), (percentile(d, 0.95), "p95")],
                                     colour: HTMLChart.colour(p))
            }
            body.append(HTMLChart.rows(rows, label: "per-replication profit difference against \(baseline)",
                                       axisTitle: "profit difference per replication (€); left of the dashed line: worse than '\(baseline)'",
                                       zero: true, format: { HTMLText.number($0, signed: true) }))
            return section("risk", "Risk", body)
        }

        // MARK: value-of-information

        func valueOfInformation() -> String {
            guard !studied.isEmpty else { return section("value-of-information", "Value of information and break-even", [onlyBaseline()]) }
            var body = focusNote
            if let evpi = figures.rows.first(where: { $0.figure == "evpi" }) {
                body.append("<p class=\"lead\">Knowing the key client's real intention before convening it is worth <strong>\(HTMLText.escape(HTMLText.euros(mean: evpi.value, lower: evpi.ciLow, upper: evpi.ciHigh)))</strong> (expected value of perfect information, \(confidence) % interval).</p>")
                body.append(paragraph(evpi.note, note: true))
            } else {
                body.append(paragraph(outcome.settings.outcomeMode == .sampled
                    ? "The value of information and the break-even probabilities need every outcome of every replication: run without --sample-outcomes."
                    : "The value of information and the break-even probabilities need outcome branches and at least 2 replications."))
            }
            let breakEvens = figures.rows.filter { $0.figure == "breakeven_probability" }
            if breakEvens.isEmpty {
                if figures.rows.contains(where: { $0.figure == "evpi" }) {
                    body.append(paragraph("No policy has a response outcome of probability strictly between 0 and 1, so there is no break-even probability."))
                }
            } else {
                body.append("<h3>Break-even probabilities</h3>")
                body.append(paragraph("The probability of an outcome of the key client's response at which the policy's expected profit equals the baseline's (the other outcomes keeping their relative odds), with its \(confidence) % interval (Fieller); the tick is the declared probability."))
                let rows = breakEvens.map { row in
                    let declared = figures.rows.first { $0.figure == "probability" && $0.policy == row.policy && $0.outcome == row.outcome }?.value ?? .nan
                    return HTMLChart.Row(label: "\(row.policy): '\(row.outcome)'",
                                         detail: row.value.isNaN ? "no crossing" : "break-even \(HTMLText.percent(row.value))",
                                         mean: row.value, lower: row.ciLow, upper: row.ciHigh,
                                         marks: declared.isNaN ? [] : [(declared, "declared")],
                                         colour: HTMLChart.colour(outcome.policies.firstIndex(of: row.policy) ?? 0))
                }
                body.append(HTMLChart.rows(rows, label: "break-even probabilities", axisTitle: "probability of the outcome",
                                           zero: false, format: { HTMLText.percent($0) }, domain: (0, 1)))
                body.append(table(["policy", "outcome", "break-even", "\(confidence) % interval", "reading"], breakEvens.map { row in
                    [Cell(text: row.policy), Cell(text: row.outcome), .number(HTMLText.percent(row.value)),
                     .number(row.ciLow.isNaN ? "—" : "\(HTMLText.percent(row.ciLow)) – \(HTMLText.percent(row.ciHigh))"), Cell(text: row.note)]
                }))
            }
            return section("value-of-information", "Value of information and break-even", body)
        }

        // MARK: side-effects

        func sideEffects() -> String {
            var body = focusNote
            body.append(paragraph("Key staff and client figures: the mean of each policy over the measured period, and for each studied policy the paired difference against '\(baseline)' with its \(confidence) % interval and verdict (by the metric's direction; shares in percent, their differences in percentage points). A clear difference smaller than \(HTMLText.percent(TextReport.defaultMateriality)) of the baseline's mean is marked small: real, but not worth a manager's attention."))
            var header = ["metric", "\(baseline) (baseline)"]
            for p in studied { header += [outcome.policies[p], "\(outcome.policies[p]) − \(baseline)", "verdict"] }
            body.append(table(header, HTMLReport.sideEffects.map { metric in
                let base = outcome.summary(policy: 0, metric: metric)
                var cells = [Cell(text: metric.name), .number(TextReport.interval(base, metric))]
                for p in studied {
                    let c = outcome.comparison(policy: p, metric: metric)
                    var verdict = verdictCell(c)
                    if c.verdict == .better || c.verdict == .worse,
                       !TextReport.isMaterial(c.differences.mean, baseline: base.mean, metric: metric, materiality: TextReport.defaultMateriality) {
                        verdict = Cell(text: "\(c.verdict.rawValue) (small)")
                    }
                    cells += [.number(TextReport.interval(outcome.summary(policy: p, metric: metric), metric)),
                              .number(TextReport.interval(c.differences, metric, difference: true)), verdict]
                }
                return cells
            }))
            return section("side-effects", "Side effects on staff and clients", body)
        }
    }
}
