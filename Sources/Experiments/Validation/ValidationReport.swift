import Foundation
import CompanyModel

/// One check's outcome: the simulated mean with its interval, against the theory.
public struct ValidationResult: Sendable {
    public var caseName: String
    public var check: ValidationCheck
    /// Mean and Student-t interval over the replications, at the report's per-check confidence.
    public var summary: SampleSummary
    /// Replications of the case stopped as runaway (their results are unusable; any fails it).
    public var runaways: Int

    /// The theory lies inside the interval and every replication ran to its horizon.
    public var passed: Bool { runaways == 0 && summary.n >= 2 && summary.contains(check.theory) }

    /// Half-width over |theory|; `nil` for a theory of 0.
    public var relativeHalfWidth: Double? {
        check.theory == 0 ? nil : summary.halfWidth / abs(check.theory)
    }
}

/// The outcome of `ValidationSuite.run`: every check, and the verdict.
public struct ValidationReport: Sendable {
    /// Name, model and source of each case, in run order.
    public var cases: [(name: String, model: String, source: String)]
    public var results: [ValidationResult]
    /// Family-wise error rate: each of the k intervals is built at confidence 1 − α/k.
    public var alpha: Double
    public var replications: Int
    public var seed: UInt64
    /// Events processed in all replications of all cases.
    public var events: Double
    public var wallSeconds: Double

    /// k, the number of simultaneous checks the Bonferroni correction covers.
    public var checkCount: Int { results.count }
    /// 1 − α/k.
    public var perCheckConfidence: Double { 1 - alpha / Double(max(checkCount, 1)) }
    public var failures: [ValidationResult] { results.filter { !$0.passed } }
    public var passed: Bool { !results.isEmpty && failures.isEmpty }
    public var failed: Bool { !passed }
    /// Checks whose interval is wider than 25 % of the theoretical value: they pass, but test
    /// little. More replications (or the full horizons) narrow them.
    public var wideChecks: [ValidationResult] { results.filter { ($0.relativeHalfWidth ?? 0) > 0.25 } }

    /// The report as `bigclient validate` prints it.
    public func render() -> String {
        var lines: [String] = []
        lines.append("Validation: the model, through its ordinary scenario path (ScenarioReader + CompanySimulation, baseline policy),")
        lines.append("against closed-form theory (SimulationKernel's QueueingTheory; HazardTheory for churn and sick leave).")
        lines.append("\(replications) replications per case, seed \(seed), \(cases.count) cases, k = \(checkCount) checks.")
        lines.append(String(format: "Multiple comparisons: Bonferroni over all k = %d checks. Each interval is a Student-t interval at confidence 1 − α/k = 1 − %g/%d = %.6f (α = %g),", checkCount, alpha, checkCount, perCheckConfidence, alpha))
        lines.append(String(format: "so a correct model passes every check with probability at least 1 − α = %g.", 1 - alpha))
        lines.append("")
        lines.append("Cases:")
        for c in cases {
            lines.append("  \(c.name): \(c.model)")
            lines.append("      \(c.source)")
        }
        lines.append("")
        let header = ["case", "quantity", "theory", "simulated mean ± half-width", "interval", "result", "theory from"]
        var rows: [[String]] = [header]
        for r in results {
            let decimals = Self.decimals(for: r)
            let f = "%.\(decimals)f"
            let mean = String(format: f, r.summary.mean)
            let half = String(format: f, r.summary.halfWidth)
            let interval = "[\(String(format: f, r.summary.lower)), \(String(format: f, r.summary.upper))]"
            var verdict = r.passed ? "PASS" : "FAIL"
            if r.runaways > 0 { verdict += " (\(r.runaways) runaway)" }
            rows.append([r.caseName, r.check.quantity, Self.theoryText(r.check.theory), "\(mean) ± \(half)", interval, verdict, r.check.formula])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                // Numbers right-aligned, text left-aligned.
                let numeric = column == 2 && index > 0
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric ? pad + cell : cell + pad
            }
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        lines.append("")
        lines.append("Little's law: the model reports only the total mean number in system (mean_backlog_orders), so L = λW is checked")
        lines.append("overall, per replication, as L − λ̂·W̄ (theory 0): λ̂ = deliveries in the window / window hours, W̄ = the key and other")
        lines.append("mean times in system weighted by their nominal shares of the arrival rate (the model does not report deliveries")
        lines.append("per class). 'mean number in system L' compares L itself with Σ λk·Tk from the theory.")
        lines.append("Churn: N clients, each lost with probability p at each of the m month ends, none joining: E[lost] = N·(1 − (1 − p)^m).")
        lines.append("Sick leave: each night a present technician starts a leave with probability h = 1 − exp(−h0); the leave counts the night")
        lines.append("it starts and the d − 1 next as absent, and the technician is back (no draw) on the d-th. The expected episodes and")
        lines.append("absent days over the window are computed exactly by propagating that chain night by night from 'all present';")
        lines.append("in the long run the absent share tends to d·h/(1 + d·h).")
        lines.append(String(format: "%.0f events in %.1f s.", events, wallSeconds))
        if !wideChecks.isEmpty {
            lines.append("Note: \(wideChecks.count) check(s) have intervals wider than 25 % of the theory; they pass but test little (raise --replications).")
        }
        lines.append("")
        if passed {
            lines.append("Result: PASS — all \(checkCount) checks inside their intervals.")
        } else {
            let names = failures.map { "\($0.caseName): \($0.check.quantity)" }.joined(separator: "; ")
            lines.append("Result: FAIL — \(failures.count) of \(checkCount) checks outside their intervals: \(names).")
        }
        return lines.joined(separator: "\n")
    }

    /// The theory with six significant digits (no exponent for the magnitudes here).
    static func theoryText(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        return String(format: "%.\(min(8, max(0, 5 - magnitude)))f", value)
    }

    /// Enough decimals to show the interval's width with two significant digits (2 to 6).
    static func decimals(for result: ValidationResult) -> Int {
        let scale = result.summary.halfWidth.isFinite && result.summary.halfWidth > 0 ? result.summary.halfWidth : max(abs(result.check.theory), 1e-3)
        return min(6, max(1, 1 - Int(floor(log10(scale)))))
    }
}
