/// The paired difference of a policy against the baseline over the same replications.
///
/// Why paired: under common random numbers, replication r of both policies saw the same
/// random inputs, so D_r = Y_policy,r − Y_baseline,r removes the shared noise and
/// Var(D̄) = Var(Ȳ₁) + Var(Ȳ₂) − 2 Cov(Ȳ₁, Ȳ₂) is far smaller than for independent runs. The
/// interval is D̄ ± t(1 − α/2, n − 1) · S_D/√n (Law & Kelton §10.2.1). Replications where
/// either value is undefined are dropped from the pairs.
public struct PairedComparison: Sendable, Hashable {
    public var differences: SampleSummary
    /// Shares of the pairs in which the policy did better than the baseline, exactly as well
    /// (the same value: e.g. a metric neither policy moves), and worse, by the metric's
    /// direction; they sum to 1. NaN for metrics without a direction, or without pairs.
    ///
    /// Why three shares, not one with ties counted half: on a metric that rarely moves
    /// (`key_client_lost`), "better in 38 %" hid 3 % better, 70 % tied and 27 % worse.
    public var shareBetter: Double
    public var shareTied: Double
    public var shareWorse: Double
    /// Pairs left out because a run of the pair stopped as a runaway (its window was cut
    /// short, so its totals are not comparable with a full run's): set by the caller that
    /// formed the pairs (`ExperimentOutcome`).
    public var excludedRunaways = 0

    public enum Verdict: String, Sendable {
        case better, worse
        case noClearDifference = "no clear difference"
        case notApplicable = "n/a"
    }

    /// Better or worse when the interval excludes 0, by the direction of the metric.
    public var verdict: Verdict

    /// `higherIsBetter`: `true`, `false`, or `nil` for metrics with no better direction.
    public init(policy: [Double], baseline: [Double], higherIsBetter: Bool?, confidence: Double) {
        precondition(policy.count == baseline.count, "paired comparison needs equal counts (\(policy.count) vs \(baseline.count))")
        var diffs: [Double] = []
        diffs.reserveCapacity(policy.count)
        for (a, b) in zip(policy, baseline) where !a.isNaN && !b.isNaN { diffs.append(a - b) }
        differences = SampleSummary(diffs, confidence: confidence)
        guard let higherIsBetter, !diffs.isEmpty else {
            shareBetter = .nan
            shareTied = .nan
            shareWorse = .nan
            verdict = higherIsBetter == nil ? .notApplicable : .noClearDifference
            return
        }
        var better = 0, tied = 0
        for d in diffs {
            if d == 0 { tied += 1 } else if (d > 0) == higherIsBetter { better += 1 }
        }
        let count = Double(diffs.count)
        shareBetter = Double(better) / count
        shareTied = Double(tied) / count
        shareWorse = Double(diffs.count - better - tied) / count
        if differences.n < 2 || differences.halfWidth.isNaN {
            verdict = .noClearDifference
        } else if differences.lower > 0 {
            verdict = higherIsBetter ? .better : .worse
        } else if differences.upper < 0 {
            verdict = higherIsBetter ? .worse : .better
        } else {
            verdict = .noClearDifference
        }
    }
}
