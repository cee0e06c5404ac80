import CompanyModel

/// The replications of every policy, and the statistics computed from them.
///
/// Everything here is computed from the per-replication values alone, in a fixed order, so
/// the same replications always give the same summaries — whether they were run on one thread,
/// on two, or on several machines and merged.
public struct ExperimentOutcome: Sendable {
    public let scenario: Scenario
    public let settings: ExperimentSettings
    /// results[p][r]: policy p (settings.policies order, baseline first), replication r.
    public let results: [[ReplicationResult]]
    public let stop: Experiment.StopReason
    public let wallSeconds: Double

    public var policies: [String] { settings.policies }
    public var baseline: String { settings.policies[0] }
    public var replications: Int { results.first?.count ?? 0 }
    public var totalEvents: Double { results.joined().reduce(0) { $0 + $1[.events] } }

    public func values(policy: Int, metric: Metric) -> [Double] { results[policy].map { $0[metric] } }

    public func summary(policy: Int, metric: Metric) -> SampleSummary {
        SampleSummary(values(policy: policy, metric: metric), confidence: settings.confidence)
    }

    public func comparison(policy: Int, metric: Metric) -> PairedComparison {
        let direction: Bool? = switch metric.direction {
        case .higherIsBetter: true
        case .lowerIsBetter: false
        case .neutral: nil
        }
        return PairedComparison(policy: values(policy: policy, metric: metric), baseline: values(policy: 0, metric: metric),
                                higherIsBetter: direction, confidence: settings.confidence)
    }

    public func comparison(policy name: String, metric: Metric) -> PairedComparison? {
        policies.firstIndex(of: name).map { comparison(policy: $0, metric: metric) }
    }

    /// Whether the precision target holds for every policy against the baseline (or, with the
    /// baseline alone, for the metric's own mean).
    func meetsPrecision(_ target: PrecisionTarget) -> Bool {
        let bound = target.halfWidthRatioBound
        func ok(_ s: SampleSummary) -> Bool {
            s.n >= 2 && !s.halfWidth.isNaN && abs(s.mean) > 0 && s.halfWidth / abs(s.mean) <= bound
        }
        if policies.count == 1 { return ok(summary(policy: 0, metric: target.metric)) }
        return (1..<policies.count).allSatisfy { ok(comparison(policy: $0, metric: target.metric).differences) }
    }

    /// Per policy against the baseline (or the baseline's own mean when it runs alone): the
    /// half-width of `target.metric`'s interval relative to its mean, and the replications the
    /// target would need, from h ∝ 1/√n: n · (ratio / bound)², rounded up (nil when the mean
    /// is zero or undefined).
    public func precisionReached(_ target: PrecisionTarget) -> [(policy: String, ratio: Double, replicationsNeeded: Int?)] {
        func figures(_ s: SampleSummary) -> (Double, Int?) {
            let ratio = s.halfWidth / abs(s.mean)
            guard ratio.isFinite, s.n >= 2 else { return (ratio, nil) }
            let needed = (Double(s.n) * (ratio / target.halfWidthRatioBound) * (ratio / target.halfWidthRatioBound)).rounded(.up)
            return (ratio, needed < 1e9 ? Int(needed) : nil)
        }
        if policies.count == 1 {
            let (ratio, needed) = figures(summary(policy: 0, metric: target.metric))
            return [(baseline, ratio, needed)]
        }
        return (1..<policies.count).map { p in
            let (ratio, needed) = figures(comparison(policy: p, metric: target.metric).differences)
            return (policies[p], ratio, needed)
        }
    }

    /// The same outcome with the wall time of the whole experiment (rebuilt outcomes have 0).
    public func with(jobs: Int, wallSeconds seconds: Double) -> ExperimentOutcome {
        var settings = settings
        settings.jobs = jobs
        return ExperimentOutcome(scenario: scenario, settings: settings, results: results, stop: stop, wallSeconds: seconds)
    }

    /// Runs that stopped early as runaway, per policy.
    public func runawayCount(policy: Int) -> Int { results[policy].filter { $0.status == .runaway }.count }
}
