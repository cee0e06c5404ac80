import Foundation
import CompanyModel

/// What `bigclient check` prints for a valid scenario: its size, then per policy the offered
/// load, the capacity, the utilisation and the key client's shares, the key client staying.
/// The warnings (utilisation ≥ 1 among them) are the scenario's own (`Scenario.warnings`),
/// which `run`, `sweep` and `breakeven` print too. `warmup` is the warm-up check's line
/// (`WarmupCheck.summary`), printed under the simulation settings it judges.
public enum CheckReport {
    public static func render(path: String, scenario: Scenario, sweepSummary: String?, warmup: String? = nil) -> String {
        var lines = [
            "\(path): valid scenario '\(scenario.name)'",
            "  \(scenario.technicians.count) technicians, \(scenario.clients.values.reduce(0) { $0 + $1.count }) clients in \(scenario.clients.count) groups, policies: \(scenario.policyNames.joined(separator: ", ")) (baseline \(scenario.baseline))",
            "  horizon \(format(scenario.simulation.horizonDays)) days, warm-up \(format(scenario.simulation.warmupDays)) days, decision day \(format(scenario.simulation.effectiveDecisionDay)), \(scenario.simulation.replications) replications, seed \(scenario.simulation.seed)",
        ] + (warmup.map { ["  " + $0] } ?? []) + [
            "",
            "  Per policy after the decision day, if the key client stays (its volume the mean over the outcomes in which it stays):",
            "  policy            offered h/week  capacity h/week  utilisation  key share of demand  key share of revenue",
        ]
        for name in scenario.policyNames {
            guard let f = scenario.figures(for: name) else { continue }
            lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "  %14.4g  %15.4g  %11.3g  %19.1f%%  %20.1f%%", f.offeredHoursPerWeek, f.capacityHoursPerWeek,
                         f.utilisation, 100 * f.keyShareOfDemand, 100 * f.keyShareOfRevenue))
        }
        let baseline = scenario.policies[scenario.baseline]!
        var negotiation: [String] = []
        for name in scenario.policyNames where name != scenario.baseline {
            guard let policy = scenario.policies[name] else { continue }
            let changed = policy.keyClientTerms.differences(from: baseline.keyClientTerms)
            guard !changed.isEmpty, let response = policy.response else { continue }
            let outcomes = response.outcomes.map { "\($0.name) \(format(100 * $0.probability)) %" }.joined(separator: ", ")
            negotiation.append("  \(name): changes \(changed.joined(separator: ", ")); the key client responds: \(outcomes)")
        }
        if !negotiation.isEmpty {
            lines += ["", "  The key client's terms, against the baseline's (the status quo):"] + negotiation
        }
        if let sweepSummary { lines += ["", sweepSummary] }
        lines.append("")
        lines.append("  Key-client share of revenue vs. concentration thresholds: 10 % disclosure (IFRS 8, ASC 280), 20–25 % lender flag, ≈ 30 % economic dependence.")
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
