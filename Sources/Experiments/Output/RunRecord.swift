import Foundation

/// `run.json`: what produced the result files, so a result can be traced to its inputs.
public struct RunRecord: Codable, Sendable {
    public var tool: String
    public var version: String
    public var command: [String]
    public var scenarioPath: String
    public var scenarioSHA256: String
    public var scenarioName: String
    public var seed: UInt64
    public var policies: [String]
    public var baseline: String
    public var replications: Int
    public var confidence: Double
    public var horizonDays: Double
    public var warmupDays: Double
    public var decisionDay: Double
    public var maxBacklogOrders: Int
    public var timeseries: Bool
    /// "metric relative max" when a precision target was set.
    public var precisionTarget: String?
    public var jobs: Int
    public var stoppedBecause: String
    public var events: Double
    public var wallSeconds: Double
    /// The dialect of the CSV files (`--csv-dialect`); absent for RFC 4180, the default.
    public var csvDialect: CSVDialect?

    public init(tool: String = "bigclient", version: String, command: [String], scenarioPath: String, scenarioSHA256: String,
                outcome: ExperimentOutcome) {
        self.tool = tool
        self.version = version
        self.command = command
        self.scenarioPath = scenarioPath
        self.scenarioSHA256 = scenarioSHA256
        scenarioName = outcome.scenario.name
        seed = outcome.settings.seed
        policies = outcome.policies
        baseline = outcome.baseline
        replications = outcome.replications
        confidence = outcome.settings.confidence
        horizonDays = outcome.scenario.simulation.horizonDays
        warmupDays = outcome.scenario.simulation.warmupDays
        decisionDay = outcome.scenario.simulation.effectiveDecisionDay
        maxBacklogOrders = outcome.scenario.simulation.maxBacklogOrders
        timeseries = outcome.settings.timeseries
        precisionTarget = outcome.settings.precision.map { target in
            switch target.goal {
            case .relativeHalfWidth(let r): "\(target.metric.name) \(r) max \(target.maxReplications)"
            case .selectBest: "\(target.described(initial: outcome.settings.replications)) max \(target.maxReplications)"
            }
        }
        jobs = outcome.settings.jobs
        stoppedBecause = outcome.stop.rawValue
        events = outcome.totalEvents
        wallSeconds = (outcome.wallSeconds * 1000).rounded() / 1000
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)).map { $0 + "\n" } ?? "{}\n"
    }
}
