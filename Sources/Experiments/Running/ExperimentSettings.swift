import CompanyModel

/// How to run an experiment: which policies, how many replications, which seed, how many
/// threads, and optionally a precision target that adds replications until it is met.
public struct ExperimentSettings: Sendable, Hashable {
    /// Policies to run; the scenario's baseline is always included and comes first.
    public var policies: [String]
    /// Replications per policy (the initial number when a precision target is set).
    public var replications: Int
    public var seed: UInt64
    public var confidence: Double
    /// Worker threads; results do not depend on it.
    public var jobs: Int
    public var timeseries: Bool
    public var precision: PrecisionTarget?
    /// Outcome branches (the default) or one sampled outcome per replication.
    public var outcomeMode: OutcomeMode

    public init(scenario: Scenario, policies: [String]? = nil, replications: Int? = nil, seed: UInt64? = nil,
                confidence: Double? = nil, jobs: Int = 1, timeseries: Bool = false, precision: PrecisionTarget? = nil,
                outcomeMode: OutcomeMode = .branches) {
        let requested = policies ?? scenario.policyNames
        self.policies = [scenario.baseline] + requested.filter { $0 != scenario.baseline }.uniqued()
        self.replications = replications ?? scenario.simulation.replications
        self.seed = seed ?? scenario.simulation.seed
        self.confidence = confidence ?? scenario.simulation.confidence
        self.jobs = max(1, jobs)
        self.timeseries = timeseries
        self.precision = precision
        self.outcomeMode = outcomeMode
    }
}

/// A sequential stopping rule: replications are added, in batches, until its goal is met or
/// `maxReplications` is reached (and the report says which).
///
/// - Relative precision (Law & Kelton §9.4.1, `run --precision`): the confidence interval of
///   `metric`'s paired difference (each policy against the baseline) has half-width h with
///   h/|D̄| ≤ γ/(1 + γ), where γ = `relative`; then the relative error of D̄ is at most γ at the
///   stated confidence.
/// - The best of k (`run --select-best --indifference EUR`): Kim and Nelson's procedure
///   (`BestSelection`) on `metric` has one survivor; its first stage is `firstStage`
///   replications.
public struct PrecisionTarget: Sendable, Hashable {
    public enum Goal: Sendable, Hashable {
        case relativeHalfWidth(Double)
        case selectBest(indifference: Double, firstStage: Int)
    }

    public var metric: Metric
    public var goal: Goal
    public var maxReplications: Int

    public init(metric: Metric, relative: Double, maxReplications: Int) {
        self.metric = metric
        self.goal = .relativeHalfWidth(relative)
        self.maxReplications = maxReplications
    }

    public init(selectingBestBy metric: Metric, indifference: Double, firstStage: Int, maxReplications: Int) {
        self.metric = metric
        self.goal = .selectBest(indifference: indifference, firstStage: firstStage)
        self.maxReplications = maxReplications
    }

    /// γ of a relative-precision target (NaN for a selection).
    public var relative: Double {
        if case .relativeHalfWidth(let r) = goal { return r }
        return .nan
    }

    /// The bound on h/|D̄| that guarantees relative error γ.
    public var halfWidthRatioBound: Double { relative / (1 + relative) }

    /// The rule in a few words, as `sweep.json` and `run.json` record it.
    public func described(initial: Int) -> String {
        switch goal {
        case .relativeHalfWidth(let r): "\(metric.name) \(r) from \(initial)"
        case .selectBest(let delta, let n0): "select-best \(metric.name) indifference \(delta) from \(n0)"
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
