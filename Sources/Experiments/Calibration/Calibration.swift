import Foundation
import CompanyModel

/// The model's status quo set beside the firm's: the baseline policy run over the observed
/// period, and for each observed KPI the simulated mean with its interval, the range single
/// replications cover, and whether the observation is plausible under the model.
///
/// Why: a what-if answer is only credible if the model's status quo reproduces the firm's
/// observed one. The firm is one history, so the question is not whether its figure equals
/// the simulated mean, but whether a single replication could plausibly have produced it:
/// the observation is compared with the spread of single replications, not with the mean's
/// interval (which shrinks as replications grow).
///
/// The rule: with K KPIs and confidence 1 − α, a KPI is flagged when its observation lies
/// outside the central 1 − α/K range of the replications' values (empirical quantiles, the
/// same definition as `summary.csv`'s percentiles). Bonferroni: if the model is right, the
/// chance that any of the K is flagged is at most about α (up to the quantiles' estimation
/// error, small at the default 200 replications). A flag says "look here", not "the model is
/// wrong": a firm can be unusual.
public struct Calibration: Sendable {
    public struct Row: Sendable {
        public var kpi: ObservedKPI
        public var observed: Double
        public var simulated: SampleSummary
        /// The central range of single replications (1 − α/K).
        public var low: Double
        public var high: Double
        /// Share of replications below the observation (its place in the simulated spread).
        public var rank: Double
        public var plausible: Bool { observed >= low && observed <= high }
    }

    public var rows: [Row]
    public var replications: Int
    /// Days measured (the observed period), after the scenario's warm-up.
    public var windowDays: Double
    /// Coverage of each KPI's central range, 1 − α/K.
    public var rangeCoverage: Double
    public var policy: String

    public static let defaultReplications = 200

    /// Runs the scenario's baseline over `days` measured days after its decision day (nil:
    /// the scenario's own window) and compares with `observed`.
    public static func run(scenario: Scenario, observed: [(kpi: ObservedKPI, value: Double)], days: Double?,
                           replications: Int, seed: UInt64, confidence: Double, jobs: Int,
                           shouldStop: @escaping @Sendable () -> Bool = { false }) throws(Experiment.Failure) -> Calibration {
        var s = scenario
        let start = s.simulation.effectiveDecisionDay
        let window = days ?? (s.simulation.horizonDays - start)
        s.simulation.horizonDays = start + window
        let settings = ExperimentSettings(scenario: s, policies: [s.baseline], replications: replications, seed: seed,
                                          confidence: confidence, jobs: jobs)
        let outcome = try Experiment.run(scenario: s, settings: settings, shouldStop: shouldStop)
        let coverage = 1 - (1 - confidence) / Double(max(observed.count, 1))
        let rows = observed.map { kpi, value in
            let values = outcome.results[0].map { kpi.value(of: $0, windowDays: window, technicians: s.technicians.count) }
                .filter { !$0.isNaN }
            let below = values.filter { $0 < value }.count
            return Row(kpi: kpi, observed: value, simulated: SampleSummary(values, confidence: confidence),
                       low: percentile(values, (1 - coverage) / 2), high: percentile(values, 1 - (1 - coverage) / 2),
                       rank: values.isEmpty ? .nan : Double(below) / Double(values.count))
        }
        return Calibration(rows: rows, replications: outcome.replications, windowDays: window, rangeCoverage: coverage,
                           policy: s.baseline)
    }

    /// The table `bigclient calibrate` prints.
    public func render(scenarioName: String, confidence: Double) -> String {
        let level = Int((confidence * 100).rounded())
        var lines = ["\(scenarioName): the baseline '\(policy)' over \(TextReport.number(windowDays)) measured days after the warm-up, \(TextReport.count(replications, "replication"))",
                     "A KPI is flagged when the observation lies outside the central \(String(format: "%.1f", rangeCoverage * 100)) % of single replications (\(level) % over all \(rows.count), Bonferroni).", ""]
        lines.append(TextReport.pad("kpi", 36) + TextReport.pad("observed", 12) + TextReport.pad("simulated mean [\(level) % CI]", 30)
                     + TextReport.pad("single replications", 24) + TextReport.pad("rank", 8) + "verdict")
        for row in rows {
            lines.append(TextReport.pad(row.kpi.name, 36) + TextReport.pad(TextReport.number(row.observed), 12)
                         + TextReport.pad(TextReport.interval(row.simulated), 30)
                         + TextReport.pad("\(TextReport.number(row.low)) – \(TextReport.number(row.high))", 24)
                         + TextReport.pad(TextReport.percent(row.rank), 8) + (row.plausible ? "plausible" : "FLAGGED"))
        }
        let flagged = rows.filter { !$0.plausible }
        lines.append("")
        lines.append(flagged.isEmpty
            ? "Every observed KPI is within what the model's status quo produces."
            : "Flagged: \(flagged.map(\.kpi.name).joined(separator: ", ")) — the model's status quo rarely produces these values: check the inputs that drive them (docs/model.md, \"Calibration\") before trusting a what-if answer.")
        return lines.joined(separator: "\n")
    }
}
