/// The paired difference of a policy against the baseline over the same replications.
///
/// Why paired: under common random numbers, replication r of both policies saw the same
/// random inputs, so D_r = Y_policy,r − Y_baseline,r removes the shared noise and
/// Var(D̄) = Var(Ȳ₁) + Var(Ȳ₂) − 2 Cov(Ȳ₁, Ȳ₂) is far smaller than for independent runs. The
/// interval is D̄ ± t(1 − α/2, n − 1) · S_D/√n (Law & Kelton §10.2.1). Replications where
/// either value is undefined are dropped from the pairs.
public struct PairedComparison: Sendable, Hashable {
    public var differences: SampleSummary
    /// Share of the pairs in which the policy did better than the baseline (ties count half),
    /// by the metric's direction; NaN for metrics without one.
    public var shareBetter: Double

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
        guard let higherIsBetter else {
            shareBetter = .nan
            verdict = .notApplicable
            return
        }
        if diffs.isEmpty {
            shareBetter = .nan
        } else {
            let wins = diffs.reduce(0.0) { $0 + ($1 == 0 ? 0.5 : (($1 > 0) == higherIsBetter ? 1 : 0)) }
            shareBetter = wins / Double(diffs.count)
        }
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
