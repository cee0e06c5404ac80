import Foundation
import CompanyModel

/// The report `bigclient run` prints: the set-up, one table per policy compared with the
/// baseline, and a plain-language conclusion.
public enum TextReport {
    /// The metric column's width: the longest business metric's name and two spaces.
    static let nameWidth = (Metric.businessCases.map(\.name.count).max() ?? 22) + 2

    static func tenths(_ ratio: Double) -> String {
        ratio.isFinite ? String(format: "%.1f %%", ratio * 100) : "undefined"
    }

    public static func render(_ outcome: ExperimentOutcome, materiality: Double = defaultMateriality) -> String {
        let s = outcome.scenario
        let confidence = Int((outcome.settings.confidence * 100).rounded())
        let window = s.simulation.horizonDays - s.simulation.effectiveDecisionDay
        var lines: [String] = []
        lines.append("\(s.name): \(count(outcome.replications, "replication")) per policy, seed \(outcome.settings.seed), \(confidence) % confidence")
        lines.append("Baseline '\(outcome.baseline)' until day \(number(s.simulation.effectiveDecisionDay)), then each policy; measured over days \(number(s.simulation.effectiveDecisionDay))–\(number(s.simulation.horizonDays)) (\(number(window)) days).")
        if outcome.stop != .replicationCount { lines.append("Stopped: \(outcome.stop.rawValue).") }
        if outcome.stop == .maximumReached, let target = outcome.settings.precision, case .relativeHalfWidth = target.goal {
            for reached in outcome.precisionReached(target) {
                let needed = reached.replicationsNeeded.map { "about \(number(Double($0))) replications would be needed" }
                    ?? "the difference is zero or undefined, so no number of replications meets a relative target"
                lines.append("Precision reached for '\(reached.policy)': half-width \(tenths(reached.ratio)) of the mean \(target.metric.name) difference (the target is \(tenths(target.halfWidthRatioBound))); \(needed).")
            }
        }
        for p in outcome.policies.indices where outcome.runawayCount(policy: p) > 0 {
            lines.append("Warning: \(count(outcome.runawayCount(policy: p), "replication")) of '\(outcome.policies[p])' stopped early as runaway (backlog beyond \(s.simulation.maxBacklogOrders) orders); their metrics cover less time.")
        }
        if outcome.policies.count > 1, outcome.excludedRunawayCount > 0 {
            lines.append("The comparisons and the decision leave out the \(count(outcome.excludedRunawayCount, "replication")) in which a run stopped as runaway: they are over the other \(outcome.replications - outcome.excludedRunawayCount).")
        }
        if outcome.policies.count == 1 {
            lines.append("")
            lines.append(pad("metric", nameWidth) + pad("mean [\(confidence) % CI]", 36) + pad("p5", 14) + pad("p50", 14) + "p95")
            for metric in Metric.businessCases {
                let values = outcome.values(policy: 0, metric: metric)
                lines.append(pad(metric.name, nameWidth) + pad(interval(outcome.summary(policy: 0, metric: metric), metric), 36)
                             + pad(measure(percentile(values, 0.05), metric), 14) + pad(measure(percentile(values, 0.5), metric), 14)
                             + measure(percentile(values, 0.95), metric))
            }
        }
        for p in outcome.policies.indices.dropFirst() {
            let name = outcome.policies[p]
            lines.append("")
            lines.append(pad("metric", nameWidth) + pad("\(outcome.baseline) (baseline)", 34) + pad(name, 34)
                         + pad("\(name) − \(outcome.baseline)", 36) + pad("better/tied/worse", 19) + "verdict")
            for metric in Metric.businessCases {
                let c = outcome.comparison(policy: p, metric: metric)
                lines.append(pad(metric.name, nameWidth)
                             + pad(interval(outcome.summary(policy: 0, metric: metric), metric), 34)
                             + pad(interval(outcome.summary(policy: p, metric: metric), metric), 34)
                             + pad(interval(c.differences, metric, difference: true), 36)
                             + pad(shares(c), 19)
                             + (c.verdict == .notApplicable ? "—" : c.verdict.rawValue))
            }
            lines.append("")
            lines.append(conclusion(outcome, policy: p, materiality: materiality))
        }
        if outcome.policies.count > 1 { lines += decisionSection(outcome) }
        lines.append("")
        lines.append("Intervals are Student-t intervals over independent replications; differences are paired (common random numbers). A verdict is 'better' or 'worse' only when the interval excludes 0; with many metrics, expect about one in twenty to say so by chance.")
        return lines.joined(separator: "\n")
    }

    /// The side effects the conclusion may name (staff, clients, punctuality).
    static let sideEffects: [Metric] = [.burnoutEpisodes, .sickLeaveEpisodes, .resignations, .overtimeHours, .otherOnTimeRate,
                                        .clientsLost, .accountManagerAbuseIncidents, .accountManagerMeanStress]

    /// The smallest change the conclusion calls a side effect, as a share of the baseline's
    /// mean: below it a difference, however clear, is not worth a manager's attention
    /// ("burn-outs −0.044" was listed). `run --materiality` sets it.
    public static let defaultMateriality = 0.05

    /// Whether a clear difference is large enough to name: |difference| ≥ materiality ×
    /// |baseline mean| (for a baseline mean of 0, any difference).
    static func isMaterial(_ difference: Double, baseline: Double, metric: Metric, materiality: Double) -> Bool {
        guard baseline.isFinite, baseline != 0 else { return difference != 0 }
        return abs(difference) >= materiality * abs(baseline)
    }

    /// One paragraph in plain words for policy `p` against the baseline; side effects smaller
    /// than `materiality` (`isMaterial`) are not named.
    public static func conclusion(_ outcome: ExperimentOutcome, policy p: Int, materiality: Double = defaultMateriality) -> String {
        let name = outcome.policies[p]
        let confidence = Int((outcome.settings.confidence * 100).rounded())
        let policy = outcome.scenario.policies[name]
        let profit = outcome.comparison(policy: p, metric: .profitEur)
        let d = profit.differences
        let what = policy?.keyClientTerms == .standard ? "Enforcing the standard terms (policy '\(name)')" : "Policy '\(name)'"
        let scenario = outcome.scenario.simulation
        let days = scenario.horizonDays - scenario.effectiveDecisionDay
        let perYear = days > 0 ? " (\(euros(d.mean * 365 / days, signed: true)) a year)" : ""
        let ci = "\(confidence) % CI \(euros(d.lower, signed: true)) to \(euros(d.upper, signed: true))"
        var text: String
        switch profit.verdict {
        case .better, .worse:
            // The verb says the direction only when the interval does.
            let verb = d.mean >= 0 ? "raised" : "lowered"
            text = "\(what) \(verb) profit by \(euros(abs(d.mean))) over the \(number(days)) measured days\(perYear) compared with '\(outcome.baseline)' (\(ci)): a clear \(d.mean >= 0 ? "gain" : "loss") at this confidence."
        default:
            text = "\(what) changed profit by \(euros(d.mean, signed: true)) over the \(number(days)) measured days\(perYear) compared with '\(outcome.baseline)' (\(ci)): not a clear difference at this confidence (more replications, or it is small)."
        }
        if !profit.shareBetter.isNaN {
            text += " It did better in \(percent(profit.shareBetter))"
            text += profit.shareTied > 0 ? ", as well in \(percent(profit.shareTied)) and worse in \(percent(profit.shareWorse)) of replications."
                : " and worse in \(percent(profit.shareWorse)) of replications."
        }
        let left = outcome.summary(policy: p, metric: .keyClientLost).mean
        if outcome.outcomeNames(policy: p) != [KeyClientOutcome.statusQuoName], !left.isNaN {
            text += outcome.settings.outcomeMode == .sampled
                ? " The key client was lost (its response, or churn later) in \(percent(left)) of replications."
                : " The key client is lost (its response, or churn later) with probability \(percent(left))."
        }
        var effects: [String] = []
        for metric in sideEffects {
            let c = outcome.comparison(policy: p, metric: metric)
            guard c.verdict == .better || c.verdict == .worse else { continue }
            let base = outcome.summary(policy: 0, metric: metric).mean
            guard isMaterial(c.differences.mean, baseline: base, metric: metric, materiality: materiality) else { continue }
            let label = metric.name.replacingOccurrences(of: "_", with: " ")
            let size = metric.isShare ? "\(percentage(abs(c.differences.mean), signed: false)) points"
                : measure(abs(c.differences.mean), metric) + (base != 0 && base.isFinite ? " (\(percent(abs(c.differences.mean / base))))" : "")
            effects.append("\(label) \(c.differences.mean >= 0 ? "rose" : "fell") by \(size)")
        }
        if !effects.isEmpty { text += " Clear side effects: " + effects.joined(separator: "; ") + "." }
        return text
    }

    /// The key client's response, policy by policy: the profit difference by outcome, the
    /// break-even probabilities, the value of information and the recommendation, from the
    /// same figures as `decision.csv`.
    static func decisionSection(_ outcome: ExperimentOutcome) -> [String] {
        let figures = DecisionFigures(outcome)
        let confidence = Int((outcome.settings.confidence * 100).rounded())
        var lines = ["", "The key client's response and the decision (profit_eur, policy − '\(outcome.baseline)', \(confidence) % CI):"]
        let mode = outcome.settings.outcomeMode
        lines.append(mode == .branches
            ? "Every outcome of the response was simulated in every replication (outcome branches); 'all' weighs them by their probabilities."
            : "One outcome was drawn per replication (--sample-outcomes); each outcome's line is over the replications that drew it.")
        for p in outcome.policies.indices.dropFirst() {
            let name = outcome.policies[p]
            let rows = figures.rows.filter { $0.policy == name }
            let all = outcome.comparison(policy: p, metric: .profitEur).differences
            if outcome.outcomeNames(policy: p) == [KeyClientOutcome.statusQuoName] {
                lines.append("  \(name): the key client's terms are the baseline's, so it does not respond: \(interval(all, .profitEur, difference: true)) €")
                continue
            }
            lines.append("  \(name):")
            lines.append("    " + pad("all", 22) + interval(all, .profitEur, difference: true) + " €")
            if let present = rows.first(where: { $0.figure == "expected_difference_key_client_present" }) {
                lines.append("    " + pad("key client present", 22)
                             + euros(mean: present.value, lower: present.ciLow, upper: present.ciHigh, signed: true) + "  (\(present.note))")
            }
            for row in rows where row.figure == "conditional_difference" {
                let share = rows.first { ($0.figure == "probability" || $0.figure == "drawn_share") && $0.outcome == row.outcome }?.value ?? .nan
                let label = "\(row.outcome) (\(share.isNaN ? "—" : percent(share)))"
                lines.append("    " + pad(label, 22) + euros(mean: row.value, lower: row.ciLow, upper: row.ciHigh, signed: true)
                             + (row.note.isEmpty ? "" : "  (\(row.note))"))
            }
            if let worse = rows.first(where: { $0.figure == "prob_worse" && $0.outcome == "all" }),
               let tail = rows.first(where: { $0.figure == "shortfall_p10" && $0.outcome == "all" }) {
                var risk = "    risk: profit below '\(outcome.baseline)' with probability \(percent(worse.value))"
                if !worse.ciLow.isNaN { risk += " [\(percent(worse.ciLow)); \(percent(worse.ciHigh))]" }
                risk += "; the worst 10 % of cases average \(euros(mean: tail.value, lower: tail.ciLow, upper: tail.ciHigh, signed: true))"
                lines.append(risk)
            }
            for row in rows where row.figure == "breakeven_probability" {
                let where_ = row.value.isNaN ? "" : " \(percent(row.value))"
                let ci = row.ciLow.isNaN ? "" : " [\(percent(row.ciLow)); \(percent(row.ciHigh))]"
                lines.append("    break-even probability of '\(row.outcome)':\(where_)\(ci) — \(row.note)")
            }
        }
        if let absent = figures.rows.first(where: { $0.figure == "key_client_absent" })?.value, absent > 0 {
            lines.append("The key client had already gone (churned during the warm-up) in \(number(absent)) of \(outcome.replications) replications; it responded to nothing there, and those replications are included (identical in every outcome).")
        }
        if let evpi = figures.rows.first(where: { $0.figure == "evpi" }) {
            lines.append("Value of knowing the key client's real intention before convening it (EVPI): \(euros(mean: evpi.value, lower: evpi.ciLow, upper: evpi.ciHigh)) — \(evpi.note).")
        }
        let pairwise = figures.rows.filter { $0.figure == "pairwise_difference" }
        if !pairwise.isEmpty {
            lines.append("Every pair of studied policies (profit_eur, paired, \(confidence) % CI):")
            for row in pairwise {
                let label = row.note.replacingOccurrences(of: "profit_eur, ", with: "").replacingOccurrences(of: " (paired)", with: "")
                lines.append("    " + pad(label, 30) + euros(mean: row.value, lower: row.ciLow, upper: row.ciHigh, signed: true))
            }
        }
        if let best = figures.rows.first(where: { $0.figure == "selected_best" }) {
            lines.append("Best of \(outcome.policies.count): '\(best.policy)' — \(best.note).")
        } else if let undecided = figures.rows.first(where: { $0.figure == "selection_undecided" }) {
            lines.append("Best of \(outcome.policies.count): not decided after \(number(undecided.value)) replications; \(undecided.policy.split(separator: " ").map { "'\($0)'" }.joined(separator: " and ")) \(undecided.note).")
        }
        for row in figures.rows where row.figure == "selection_eliminated" {
            lines.append("    '\(row.policy)' \(row.note).")
        }
        if let recommendation = figures.recommendation {
            lines.append("")
            lines.append("Decision: " + recommendation.text)
        } else if let best = figures.rows.first(where: { $0.figure == "recommended_policy" }) {
            lines.append("")
            lines.append("Decision: '\(best.policy)' has the best expected profit; \(best.note).")
        }
        return lines
    }

    static func interval(mean: Double, lower: Double, upper: Double, signed: Bool = false) -> String {
        if mean.isNaN { return "—" }
        if lower.isNaN { return number(mean, signed: signed) }
        return "\(number(mean, signed: signed)) [\(number(lower, signed: signed)); \(number(upper, signed: signed))]"
    }

    static func interval(_ s: SampleSummary, signed: Bool = false) -> String {
        if s.n == 0 || s.mean.isNaN { return "—" }
        if s.halfWidth.isNaN { return number(s.mean, signed: signed) }
        return "\(number(s.mean, signed: signed)) [\(number(s.lower, signed: signed)); \(number(s.upper, signed: signed))]"
    }

    /// The one number format of the reports (`run`, `sweep`, `breakeven`, `check`, the
    /// page): thousands grouped from 1,000, whole numbers from 100, then 2 decimals, then 3;
    /// a value that rounds to zero is "0" (never "-0" or "-0.000"); `signed` adds "+".
    static func number(_ x: Double, signed: Bool = false) -> String {
        if x.isNaN { return "—" }
        let magnitude = abs(x)
        var text: String
        if magnitude >= 999.5 { text = grouped(x) }
        else if magnitude >= 100 || x == x.rounded() { text = String(format: "%.0f", x) }
        else if magnitude >= 1 { text = String(format: "%.2f", x) }
        else { text = String(format: "%.3f", x) }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { text.removeFirst() }
        let zero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return (signed && x > 0 && !zero ? "+" : "") + text
    }

    /// A metric's value in its unit: money in whole euros, shares in percent (differences in
    /// percentage points, "pp"), anything else as `number`.
    static func measure(_ x: Double, _ metric: Metric, difference: Bool = false) -> String {
        if x.isNaN { return "—" }
        if metric.isShare { return percentage(x, signed: difference) + (difference ? " pp" : " %") }
        if metric.isMoney { return number(x.rounded(), signed: difference) }
        return number(x, signed: difference)
    }

    /// A metric's value scaled for `interval(mean:lower:upper:)`: shares × 100 (points), money
    /// rounded to whole euros.
    static func measureValue(_ x: Double, _ metric: Metric) -> Double {
        metric.isShare ? (x * 1000).rounded() / 10 : metric.isMoney ? x.rounded() : x
    }

    /// A share in percent with one decimal, without the unit ("87.1"; "+10.4" signed).
    static func percentage(_ x: Double, signed: Bool) -> String {
        var text = String(format: "%.1f", x * 100)
        if text == "-0.0" { text = "0.0" }
        return (signed && x > 0 && text != "0.0" ? "+" : "") + text
    }

    /// A metric's mean and interval in its unit ("87.1 [78.2; 96.1] %", "+10.4 [+2.9; +17.9] pp").
    static func interval(_ s: SampleSummary, _ metric: Metric, difference: Bool = false) -> String {
        if s.n == 0 || s.mean.isNaN { return "—" }
        guard metric.isShare else {
            if s.halfWidth.isNaN { return measure(s.mean, metric, difference: difference) }
            return "\(measure(s.mean, metric, difference: difference)) [\(measure(s.lower, metric, difference: difference)); \(measure(s.upper, metric, difference: difference))]"
        }
        let unit = difference ? " pp" : " %"
        if s.halfWidth.isNaN { return percentage(s.mean, signed: difference) + unit }
        return "\(percentage(s.mean, signed: difference)) [\(percentage(s.lower, signed: difference)); \(percentage(s.upper, signed: difference))]" + unit
    }

    static func grouped(_ x: Double) -> String {
        let digits = String(Int64(abs(x).rounded()))
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (x < 0 ? "-" : "") + String(out.reversed())
    }

    /// Money in whole euros, grouped ("+61,793 €").
    static func euros(_ x: Double, signed: Bool = false) -> String { x.isNaN ? "—" : number(x.rounded(), signed: signed) + " €" }

    /// Money with its interval, in whole euros: "+61,793 [+26,834; +96,752] €" (the amount
    /// alone when the interval is undefined). The one money interval of the reports and the page.
    static func euros(mean: Double, lower: Double, upper: Double, signed: Bool = false) -> String {
        if mean.isNaN { return "—" }
        if lower.isNaN || upper.isNaN { return euros(mean, signed: signed) }
        return interval(mean: mean.rounded(), lower: lower.rounded(), upper: upper.rounded(), signed: signed) + " €"
    }
    /// A share in whole percent, never rounded to 0 % or 100 % when it is not exactly that
    /// ("< 1 %", "> 99 %"): "did better in 100 %" for 99.5 % claimed what did not happen.
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        let whole = wholePercent(x)
        return whole == "<1" ? "< 1 %" : whole == ">99" ? "> 99 %" : whole + " %"
    }

    /// A share in whole percent without the unit, "<1" or ">99" when rounding would reach 0
    /// or 100 without being it: the rule of `percent` and `shares`.
    static func wholePercent(_ x: Double) -> String {
        let whole = Int((x * 100).rounded())
        return whole == 0 && x > 0 ? "<1" : whole == 100 && x < 1 ? ">99" : String(whole)
    }

    /// Better / tied / worse shares in whole percent ("41/55/4 %"), or "—" without a direction.
    static func shares(_ c: PairedComparison) -> String {
        guard !c.shareBetter.isNaN else { return "—" }
        return "\(wholePercent(c.shareBetter))/\(wholePercent(c.shareTied))/\(wholePercent(c.shareWorse)) %"
    }

    /// "1 replication", "3 replications".
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number(Double(n))) \(n == 1 ? noun : plural ?? noun + "s")"
    }
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
