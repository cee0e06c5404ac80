import SimulationKernel

/// Every family fitted on one sample, best first by AIC, with the families that could not be
/// fitted and why, and the sample's own quantiles as the non-parametric option.
///
/// Why AIC and not the goodness-of-fit p-values: the p-values answer "is this family
/// implausible?", not "which is best?", and a large sample rejects every family. AIC
/// compares families with different numbers of parameters on one scale; a difference under
/// about 2 is not worth choosing on (Burnham & Anderson 2002, §2.6), which is why
/// ``Entry/deltaAIC`` is given. The empirical table is always available: it reproduces the
/// data and nothing beyond them (no values outside the observed range).
///
/// ```swift
/// let ranking = FitRanking(hours)
/// for entry in ranking.entries { print(entry.fit.distribution, entry.deltaAIC) }
/// ```
public struct FitRanking: Sendable {
    public struct Entry: Sendable, Hashable {
        public let fit: DistributionFit
        /// AIC − the smallest AIC of the ranking (0 for the first).
        public let deltaAIC: Double
    }

    /// Fitted families, smallest AIC first (ties keep the order of ``FittedFamily/allCases``).
    public let entries: [Entry]
    /// Families that could not be fitted, in the order asked, with the reason.
    public let skipped: [FitError]
    /// The sample's quantiles, the non-parametric option.
    public let empirical: EmpiricalQuantiles

    /// Fits each of `families` to `sample`.
    ///
    /// - Complexity: O(n log n) per family, plus O(n) Nelder–Mead evaluations' worth of setup
    ///   for the truncated normal (each evaluation is O(1)).
    public init(_ sample: [Double], families: [FittedFamily] = FittedFamily.allCases) {
        var fits: [DistributionFit] = []
        var skipped: [FitError] = []
        for family in families {
            do {
                fits.append(try family.fit(sample))
            } catch {
                skipped.append(error)
            }
        }
        // A stable sort by AIC (index as tie-breaker), so the ranking is deterministic.
        let ordered = fits.enumerated().sorted { ($0.element.aic, $0.offset) < ($1.element.aic, $1.offset) }.map(\.element)
        let best = ordered.first?.aic ?? .nan
        entries = ordered.map { Entry(fit: $0, deltaAIC: $0.aic - best) }
        self.skipped = skipped
        empirical = EmpiricalQuantiles(sample)
    }
}

/// The quantiles of a sample (Hyndman & Fan definition 7, as ``percentile(_:_:)``), and the
/// sample as a kernel `empirical` distribution with equal weights.
public struct EmpiricalQuantiles: Sendable, Hashable {
    /// The probabilities tabulated by default: the extremes, the deciles' tails, the quartiles.
    public static let defaultProbabilities: [Double] = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1]

    public let sampleSize: Int
    public let probabilities: [Double]
    /// quantiles[i] is the probabilities[i]-quantile; NaN for an empty sample.
    public let quantiles: [Double]
    /// The finite observations, sorted.
    public let sortedSample: [Double]

    public init(_ sample: [Double], probabilities: [Double] = defaultProbabilities) {
        let sorted = sample.filter(\.isFinite).sorted()
        sortedSample = sorted
        sampleSize = sorted.count
        self.probabilities = probabilities
        quantiles = probabilities.map { percentile(sorted, $0) }
    }

    /// The sample as `empirical(values:weights:)`, each observation with weight 1 (equal
    /// values pool their weights); nil for an empty sample.
    public var distribution: Distribution? {
        try? Distribution.empirical(values: sortedSample, weights: [Double](repeating: 1, count: sortedSample.count))
    }
}
