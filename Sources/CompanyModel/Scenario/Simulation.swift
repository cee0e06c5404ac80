// The `simulation` section of a scenario file, read by ScenarioFile/ScenarioReader+Simulation.swift.

/// How to simulate: horizon, warm-up, decision day, replications and seed.
public struct SimulationSettings: Sendable, Hashable {
    /// Simulated length of one replication, in days from day 0 (`calendar.startDate`).
    /// 1095: a year of the status quo (the warm-up), then two years after the decision.
    public var horizonDays: Double = 1095
    /// Days simulated before measurement starts. Metrics cover [decision day, horizon].
    /// 364 (52 weeks): every replication starts empty and calm, and on the default company
    /// stress and backlog settle within the first year (MSER-5, `bigclient check`).
    public var warmupDays: Double = 364
    /// Day the studied policy replaces the baseline; `nil` means the end of the warm-up.
    public var decisionDay: Double? = nil
    /// Replications per policy (Monte Carlo), for `run`.
    public var replications: Int = 100
    /// Master seed of all random streams, at most `RandomStream.maxMasterSeed` (2^40 − 1).
    public var seed: UInt64 = 1
    /// Confidence level of the intervals; the reader accepts [0.5, 0.9999].
    public var confidence: Double = 0.95
    /// A replication whose backlog exceeds this many orders is stopped as unstable (runaway).
    public var maxBacklogOrders: Int = 20_000

    public init() {}

    /// The decision day actually used.
    public var effectiveDecisionDay: Double { decisionDay ?? warmupDays }
}
