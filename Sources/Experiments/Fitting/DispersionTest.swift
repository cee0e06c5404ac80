/// Are weekly counts consistent with a Poisson process? The index-of-dispersion test.
///
/// For n counts with mean x̄ and sample variance s² (divisor n − 1), a Poisson sample has
/// variance equal to its mean, and D = (n − 1)s²/x̄ = Σ(cᵢ − x̄)²/x̄ is approximately χ² with
/// n − 1 degrees of freedom (Fisher 1950; Cochran, Biometrics 10, 417–451, 1954, who found
/// the approximation good for x̄ above about 1 and n ≥ 5). Both sides matter for the model:
/// overdispersion (s²/x̄ > 1) means bursts — batches or a rate that drifts over the weeks —
/// and underdispersion means arrivals more regular than Poisson (scheduled orders). The
/// two-sided p-value is 2·min(P(χ² ≤ D), P(χ² ≥ D)), at most 1.
///
/// ```swift
/// let test = DispersionTest(weeklyCounts: [3, 0, 7, 1, 9, 0, 2, 8])
/// test.ratio          // s²/x̄ ≈ 3.64: bursty
/// test.pValue         // ≈ 0.0013
/// ```
public struct DispersionTest: Sendable, Hashable {
    public let weeks: Int
    public let mean: Double
    /// The sample variance s², divisor n − 1.
    public let variance: Double
    /// s²/x̄: 1 for Poisson counts.
    public let ratio: Double
    /// D = (n − 1)s²/x̄.
    public let statistic: Double
    public let degreesOfFreedom: Int
    /// Two-sided p-value against χ²_{n−1}.
    public let pValue: Double

    /// - Precondition: at least 2 counts, all ≥ 0, not all zero (the mean must be > 0).
    public init(weeklyCounts counts: [Int]) {
        precondition(counts.count >= 2, "the dispersion test needs at least 2 weekly counts (got \(counts.count))")
        precondition(counts.allSatisfy { $0 >= 0 }, "weekly counts must be ≥ 0")
        let n = Double(counts.count)
        let mean = Double(counts.reduce(0, +)) / n
        precondition(mean > 0, "the dispersion test needs at least one event")
        let squares = counts.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        weeks = counts.count
        self.mean = mean
        variance = squares / (n - 1)
        ratio = variance / mean
        statistic = squares / mean
        degreesOfFreedom = counts.count - 1
        let nu = Double(degreesOfFreedom)
        let lowerTail = ChiSquare.cdf(statistic, degreesOfFreedom: nu)
        let upperTail = ChiSquare.upperTail(statistic, degreesOfFreedom: nu)
        pValue = min(1, 2 * min(lowerTail, upperTail))
    }
}
