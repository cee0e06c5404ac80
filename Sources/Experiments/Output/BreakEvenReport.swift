import Foundation
import CompanyModel

/// The text `bigclient breakeven` prints: where the difference crosses zero, the interval in
/// which it cannot be told from zero, and every evaluation of the search.
public enum BreakEvenReport {
    public static func render(_ result: BreakEven, scenario: Scenario, path: String, range: ClosedRange<Double>, metric: Metric,
                              policy: String) -> String {
        var lines = ["\(scenario.name): break-even of \(path) in [\(fmt(range.lowerBound)), \(fmt(range.upperBound))] for \(metric.name), '\(policy)' − '\(scenario.baseline)'"]
        lines.append(result.method == .closedForm
            ? "Closed form: one run with every outcome of the key client's response simulated; the difference is linear in the outcome's probability (the other outcomes keep their relative odds), and the interval is Fieller's."
            : "Bisection: every evaluation runs the same replications (common random numbers) at a new value.")
        lines.append("")
        switch result.answer {
        case .crossing(let estimate, let low, let high):
            lines.append("The difference crosses zero at \(path) ≈ \(fmt(estimate)).")
            lines.append("It is not distinguishable from zero for \(path) between \(low.map(fmt) ?? "the range's start (\(fmt(range.lowerBound)))") and \(high.map(fmt) ?? "the range's end (\(fmt(range.upperBound)))").")
        case .noCrossing(let a, let b):
            lines.append("No crossing in the range: the mean difference is \(money(a.mean, metric)) at \(fmt(a.value)) and \(money(b.mean, metric)) at \(fmt(b.value)) (same sign).")
        }
        lines.append("")
        lines.append("value".padding(toLength: 16, withPad: " ", startingAt: 0) + "difference [CI]")
        for e in result.evaluations {
            lines.append(fmt(e.value).padding(toLength: 16, withPad: " ", startingAt: 0)
                         + TextReport.interval(mean: TextReport.measureValue(e.mean, metric), lower: TextReport.measureValue(e.lower, metric),
                                               upper: TextReport.measureValue(e.upper, metric), signed: true)
                         + (metric.isMoney ? " €" : metric.isShare ? " pp" : ""))
        }
        return lines.joined(separator: "\n")
    }

    /// `breakeven.csv`: the answer (`estimate` with its interval, or `no_crossing`), then every
    /// evaluation of the difference, one row each.
    public static func csv(_ result: BreakEven, scenario: Scenario, path: String, metric: Metric, policy: String) -> String {
        var text = CSVFormat.row(["parameter", "policy", "baseline", "metric", "method", "kind", "value", "mean_diff", "ci_low", "ci_high"])
        let fixed = [CSVFormat.text(path), CSVFormat.text(policy), CSVFormat.text(scenario.baseline), metric.name, result.method.rawValue]
        switch result.answer {
        case .crossing(let estimate, let low, let high):
            text += CSVFormat.row(fixed + ["estimate", CSVFormat.number(estimate), "", CSVFormat.number(low ?? .nan), CSVFormat.number(high ?? .nan)])
        case .noCrossing:
            text += CSVFormat.row(fixed + ["no_crossing", "", "", "", ""])
        }
        for e in result.evaluations {
            text += CSVFormat.row(fixed + ["evaluation"] + [e.value, e.mean, e.lower, e.upper].map(CSVFormat.number))
        }
        return text
    }

    /// A swept parameter's value: up to 6 significant digits, as the user wrote it.
    static func fmt(_ x: Double) -> String { String(format: "%.6g", x) }

    /// A difference of the metric in the reports' one format, with its unit.
    static func money(_ x: Double, _ metric: Metric) -> String {
        TextReport.measure(x, metric, difference: true) + (metric.isMoney ? " €" : "")
    }
}
