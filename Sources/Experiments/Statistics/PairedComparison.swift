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

/// Welch's interval for the difference of means of two independent samples with unequal
/// variances: (Ȳ₁ − Ȳ₂) ± t(1 − α/2, ν) √(S₁²/n₁ + S₂²/n₂), with the Welch–Satterthwaite
/// degrees of freedom ν = (S₁²/n₁ + S₂²/n₂)² / [(S₁²/n₁)²/(n₁−1) + (S₂²/n₂)²/(n₂−1)].
/// For comparing runs that do not share random numbers (e.g. different scenarios).
public struct WelchComparison: Sendable, Hashable {
    public var difference: Double
    public var degreesOfFreedom: Double
    public var halfWidth: Double
    public var lower: Double { difference - halfWidth }
    public var upper: Double { difference + halfWidth }

    public init(_ first: [Double], _ second: [Double], confidence: Double) {
        let a = SampleSummary(first, confidence: confidence), b = SampleSummary(second, confidence: confidence)
        difference = a.mean - b.mean
        let va = a.standardDeviation * a.standardDeviation / Double(a.n)
        let vb = b.standardDeviation * b.standardDeviation / Double(b.n)
        degreesOfFreedom = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        halfWidth = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: degreesOfFreedom) * (va + vb).squareRoot()
    }
}
