import Foundation
import CompanyModel

/// The sweep's report: one line per point and policy for the chosen metric.
public enum SweepReport {
    public static func render(_ outcome: SweepRunner.Outcome, plan: SweepPlan, metric: Metric, directory: String) -> String {
        let m = outcome.manifest
        var lines = ["\(m.scenarioName): sweep of \(m.parameterNames.joined(separator: ", ")) (\(m.design), \(TextReport.count(m.pointValues.count, "point"))) × \(TextReport.count(m.policies.count, "policy", plural: "policies")) × \(TextReport.count(m.replications, "replication")), seed \(m.seed), shard \(m.shard)"]
        if outcome.tasksResumed > 0 { lines.append("Resumed: \(outcome.tasksResumed) tasks were already done; \(outcome.tasksRun) run now.") }
        guard let tables = outcome.tables else {
            lines.append("Shard written to \(ScenarioError.printable(directory))/ — merge all shards with 'bigclient merge DIR... --out DIR'.")
            return lines.joined(separator: "\n")
        }
        lines.append("")
        let confidence = Int((m.confidence * 100).rounded())
        lines.append(m.parameterNames.map { $0.padding(toLength: max(14, $0.count + 2), withPad: " ", startingAt: 0) }.joined()
                     + "policy".padding(toLength: 14, withPad: " ", startingAt: 0)
                     + "\(metric.name) difference [\(confidence) % CI]".padding(toLength: 44, withPad: " ", startingAt: 0)
                     + "better/tied/worse  verdict")
        for point in tables.points {
            for p in point.outcome.policies.indices.dropFirst() {
                let c = point.outcome.comparison(policy: p, metric: metric)
                let d = c.differences
                let cells = zip(m.parameterNames, point.parameterValues).map { name, value in
                    value.padding(toLength: max(14, name.count + 2), withPad: " ", startingAt: 0)
                }.joined()
                let interval = TextReport.interval(d, metric, difference: true) + (metric.isMoney && d.n > 0 ? " €" : "")
                let share = TextReport.shares(c)
                lines.append(cells + point.outcome.policies[p].padding(toLength: 14, withPad: " ", startingAt: 0)
                             + interval.padding(toLength: 44, withPad: " ", startingAt: 0)
                             + share.padding(toLength: 19, withPad: " ", startingAt: 0) + c.verdict.rawValue)
            }
        }
        lines.append("")
        lines.append("Results: \(ScenarioError.printable(directory))/ (replications.csv, outcomes.csv, summary.csv, comparison.csv, decision.csv, sweep.json); comparison.csv has the difference by outcome of the key client's response, decision.csv the break-even probabilities and the value of information at every point")
        return lines.joined(separator: "\n")
    }
}
