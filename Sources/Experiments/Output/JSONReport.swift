import Foundation
import CompanyModel

/// The same content as the text report, as JSON (`--format json`). Undefined values are null.
public enum JSONReport {
    struct Estimate: Encodable {
        var value: Double?
        var ciLow: Double?
        var ciHigh: Double?
    }
    struct Interval: Encodable {
        var n: Int
        var mean: Double?
        var sd: Double?
        var ciLow: Double?
        var ciHigh: Double?
    }
    struct PolicyMetric: Encodable {
        var metric: String
        var summary: Interval
        var p5: Double?
        var p50: Double?
        var p95: Double?
    }
    struct Comparison: Encodable {
        var metric: String
        var difference: Interval
        var shareBetter: Double?
        var shareTied: Double?
        var shareWorse: Double?
        var probabilityWorse: Estimate?
        var shortfallP10: Estimate?
        var runawaysExcluded: Int
        var verdict: String
    }
    struct PolicyBlock: Encodable {
        var policy: String
        var isBaseline: Bool
        var runaway: Int
        var metrics: [PolicyMetric]
        var comparison: [Comparison]?
        var conclusion: String?
    }
    struct DecisionRow: Encodable {
        var figure: String
        var policy: String?
        var outcome: String?
        var value: Double?
        var ciLow: Double?
        var ciHigh: Double?
        var note: String?
    }
    struct Report: Encodable {
        var scenario: String
        var replications: Int
        var seed: UInt64
        var confidence: Double
        var baseline: String
        var decisionDay: Double
        var horizonDays: Double
        var stoppedBecause: String
        var policies: [PolicyBlock]
        /// The rows of `decision.csv`.
        var decision: [DecisionRow]
        var outcomes: String
    }

    public static func render(_ outcome: ExperimentOutcome, materiality: Double = TextReport.defaultMateriality) -> String {
        func value(_ x: Double) -> Double? { x.isFinite ? x : nil }
        func estimate(_ e: DownsideRisk.Estimate) -> Estimate {
            Estimate(value: value(e.value), ciLow: value(e.lower), ciHigh: value(e.upper))
        }
        func interval(_ s: SampleSummary) -> Interval {
            Interval(n: s.n, mean: value(s.mean), sd: value(s.standardDeviation), ciLow: value(s.lower), ciHigh: value(s.upper))
        }
        let blocks = outcome.policies.indices.map { p in
            PolicyBlock(
                policy: outcome.policies[p], isBaseline: p == 0, runaway: outcome.runawayCount(policy: p),
                metrics: Metric.allCases.map { m in
                    let values = outcome.values(policy: p, metric: m)
                    return PolicyMetric(metric: m.name, summary: interval(outcome.summary(policy: p, metric: m)),
                                        p5: value(percentile(values, 0.05)), p50: value(percentile(values, 0.5)),
                                        p95: value(percentile(values, 0.95)))
                },
                comparison: p == 0 ? nil : Metric.allCases.map { m in
                    let c = outcome.comparison(policy: p, metric: m)
                    let risk = outcome.risk(policy: p, outcome: nil, metric: m)
                    return Comparison(metric: m.name, difference: interval(c.differences), shareBetter: value(c.shareBetter),
                                      shareTied: value(c.shareTied), shareWorse: value(c.shareWorse),
                                      probabilityWorse: risk.map { estimate($0.probabilityWorse) },
                                      shortfallP10: risk.flatMap { $0.shortfall.value.isNaN ? nil : estimate($0.shortfall) },
                                      runawaysExcluded: c.excludedRunaways, verdict: c.verdict.rawValue)
                },
                conclusion: p == 0 ? nil : TextReport.conclusion(outcome, policy: p, materiality: materiality))
        }
        let report = Report(scenario: outcome.scenario.name, replications: outcome.replications, seed: outcome.settings.seed,
                            confidence: outcome.settings.confidence, baseline: outcome.baseline,
                            decisionDay: outcome.scenario.simulation.effectiveDecisionDay,
                            horizonDays: outcome.scenario.simulation.horizonDays, stoppedBecause: outcome.stop.rawValue,
                            policies: blocks,
                            decision: DecisionFigures(outcome).rows.map {
                                DecisionRow(figure: $0.figure, policy: $0.policy.isEmpty ? nil : $0.policy,
                                            outcome: $0.outcome.isEmpty ? nil : $0.outcome, value: value($0.value),
                                            ciLow: value($0.ciLow), ciHigh: value($0.ciHigh), note: $0.note.isEmpty ? nil : $0.note)
                            },
                            outcomes: outcome.settings.outcomeMode.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(report), as: UTF8.self)) ?? "{}"
    }
}
