import CompanyModel

/// The replications of every policy, and the statistics computed from them.
///
/// Everything here is computed from the per-replication values alone, in a fixed order, so
/// the same replications always give the same summaries — whether they were run on one thread,
/// on two, or on several machines and merged.
public struct ExperimentOutcome: Sendable {
    public let scenario: Scenario
    public let settings: ExperimentSettings
    /// results[p][r]: policy p (settings.policies order, baseline first), replication r; the
    /// outcome-weighted values.
    public let results: [[ReplicationResult]]
    /// branches[p][r]: the key client's response outcomes of that replication, each with its
    /// probability and run (one `status-quo` branch of probability 1 for a policy it does not
    /// respond to; one drawn branch of probability 1 with `--sample-outcomes`).
    public let branches: [[[OutcomeBranch]]]
    public let stop: Experiment.StopReason
    public let wallSeconds: Double

    /// `branches` nil: every result is its replication's single `status-quo` branch.
    public init(scenario: Scenario, settings: ExperimentSettings, results: [[ReplicationResult]],
                branches: [[[OutcomeBranch]]]? = nil, stop: Experiment.StopReason, wallSeconds: Double) {
        self.scenario = scenario
        self.settings = settings
        self.results = results
        self.branches = branches ?? results.map { $0.map { [OutcomeBranch(name: KeyClientOutcome.statusQuoName, probability: 1, result: $0)] } }
        self.stop = stop
        self.wallSeconds = wallSeconds
        let allBranches = self.branches
        comparableReplications = (0..<(results.first?.count ?? 0)).filter { r in
            results.indices.allSatisfy { p in results[p][r].status != .runaway && allBranches[p][r].allSatisfy { $0.result.status != .runaway } }
        }
    }

    public var policies: [String] { settings.policies }
    public var baseline: String { settings.policies[0] }
    public var replications: Int { results.first?.count ?? 0 }
    /// Events simulated: every branch that was run counts (a replication's weighted `events`
    /// would hide the branches' work); the branches of a replication whose key client was gone
    /// before the decision day are one run, copied, and count once.
    public var totalEvents: Double {
        var total = 0.0
        for policy in branches {
            for replication in policy {
                guard let first = replication.first else { continue }
                total += first.result[.keyClientPresent] == 0 && first.result.outcome != nil
                    ? first.result[.events] : replication.reduce(0) { $0 + $1.result[.events] }
            }
        }
        return total
    }

    public func values(policy: Int, metric: Metric) -> [Double] { results[policy].map { $0[metric] } }

    public func summary(policy: Int, metric: Metric) -> SampleSummary {
        SampleSummary(values(policy: policy, metric: metric), confidence: settings.confidence)
    }

    /// The replications that comparisons use: those in which no run — no policy, no outcome
    /// branch — stopped as a runaway.
    ///
    /// Why: a runaway's window is cut short, so its totals (salaries, revenue, overtime) are
    /// not comparable with a full run's; pooled, 26 truncated `indulge` replications once made
    /// `standard`'s salary cost look "worse" by 190 k€. One rule for every comparison and the
    /// decision: the same replications everywhere, so the figures agree with one another.
    /// The per-policy summaries (`summary.csv`) keep every replication, runaways counted in
    /// their status column.
    /// Computed once, when the outcome is made: every comparison asks for it.
    public let comparableReplications: [Int]

    /// Replications left out of the comparisons because a run stopped as a runaway.
    public var excludedRunawayCount: Int { replications - comparableReplications.count }

    public func comparison(policy: Int, metric: Metric) -> PairedComparison {
        let kept = comparableReplications
        var c = paired(kept.map { results[policy][$0][metric] }, kept.map { results[0][$0][metric] }, metric: metric)
        c.excludedRunaways = replications - kept.count
        return c
    }

    /// The paired comparison of `policy` against `baseline` values of `metric`, by the metric's
    /// direction, at the experiment's confidence.
    func paired(_ policy: [Double], _ baseline: [Double], metric: Metric) -> PairedComparison {
        let direction: Bool? = switch metric.direction {
        case .higherIsBetter: true
        case .lowerIsBetter: false
        case .neutral: nil
        }
        return PairedComparison(policy: policy, baseline: baseline, higherIsBetter: direction, confidence: settings.confidence)
    }

    /// The names of policy p's outcomes, in the order the first replication that has them
    /// lists them (with branches, every replication has every outcome; with sampled outcomes,
    /// each has the one it drew).
    public func outcomeNames(policy p: Int) -> [String] {
        var names: [String] = []
        for branches in self.branches[p] {
            for branch in branches where !names.contains(branch.name) { names.append(branch.name) }
        }
        return names
    }

    /// Policy p against the baseline, conditional on the key client's response being
    /// `outcome`: paired over the replications that have that branch (all of them with
    /// branches; those that drew it with sampled outcomes).
    public func comparison(policy p: Int, outcome: String, metric: Metric) -> PairedComparison {
        var policyValues: [Double] = [], baselineValues: [Double] = []
        let kept = comparableReplications
        for r in kept {
            guard let branch = branches[p][r].first(where: { $0.name == outcome }) else { continue }
            policyValues.append(branch.result[metric])
            baselineValues.append(results[0][r][metric])
        }
        var c = paired(policyValues, baselineValues, metric: metric)
        c.excludedRunaways = replications - kept.count
        return c
    }

    /// The downside of policy p against the baseline on `metric` (`DownsideRisk`), over the
    /// comparable replications: with `outcome` nil, every outcome of the key client's response
    /// with its probability; otherwise that outcome's branch alone (the replications that have
    /// it). Nil for a metric with no better direction. The shortfall and the quantiles (with
    /// their bootstrap intervals) are computed for money metrics only.
    public func risk(policy p: Int, outcome: String?, metric: Metric) -> DownsideRisk? {
        guard metric.direction != .neutral else { return nil }
        let atoms: [[DownsideRisk.Atom]] = comparableReplications.map { r in
            let base = results[0][r][metric]
            let chosen = outcome.map { name in branches[p][r].filter { $0.name == name }.map { ($0, 1.0) } }
                ?? branches[p][r].map { ($0, $0.probability) }
            return chosen.compactMap { branch, weight in
                let d = branch.result[metric] - base
                return d.isNaN ? nil : DownsideRisk.Atom(difference: d, weight: weight)
            }
        }
        return DownsideRisk(replications: atoms, higherIsBetter: metric.direction == .higherIsBetter,
                            confidence: settings.confidence, tail: metric.isMoney)
    }

    /// Replications in which the key client was gone before the decision day (so it
    /// responded to nothing, in any policy).
    public var keyClientAbsentCount: Int {
        results.first?.filter { $0[.keyClientPresent] == 0 }.count ?? 0
    }

    public func comparison(policy name: String, metric: Metric) -> PairedComparison? {
        policies.firstIndex(of: name).map { comparison(policy: $0, metric: metric) }
    }

    /// Whether the precision target holds for every policy against the baseline (or, with the
    /// baseline alone, for the metric's own mean).
    func meetsPrecision(_ target: PrecisionTarget) -> Bool {
        if case .selectBest = target.goal { return bestSelection(target)?.best != nil }
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

    /// Kim and Nelson's selection of the best policy by `target.metric` (`BestSelection`), over
    /// the comparable replications in order; nil unless the target is a selection and there
    /// are at least two policies.
    public func bestSelection(_ target: PrecisionTarget) -> BestSelection? {
        guard case .selectBest(let delta, let n0) = target.goal, policies.count >= 2 else { return nil }
        let kept = comparableReplications
        let sign = target.metric.direction == .lowerIsBetter ? -1.0 : 1.0
        let values = policies.indices.map { p in kept.map { sign * results[p][$0][target.metric] } }
        return BestSelection(policies: policies, values: values, firstStage: max(2, n0), indifference: delta,
                             confidence: settings.confidence)
    }

    /// The same outcome with the wall time of the whole experiment (rebuilt outcomes have 0).
    public func with(jobs: Int, wallSeconds seconds: Double) -> ExperimentOutcome {
        var settings = settings
        settings.jobs = jobs
        return ExperimentOutcome(scenario: scenario, settings: settings, results: results, branches: branches, stop: stop,
                                 wallSeconds: seconds)
    }

    /// Runs that stopped early as runaway, per policy.
    public func runawayCount(policy: Int) -> Int { results[policy].filter { $0.status == .runaway }.count }
}
