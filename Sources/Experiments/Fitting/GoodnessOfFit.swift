import Foundation
import SimulationKernel

/// How well a fitted distribution matches its sample: the Kolmogorov–Smirnov and
/// Anderson–Darling statistics, with p-values by parametric bootstrap.
///
/// Why the bootstrap: the tabulated critical values of both tests assume the distribution was
/// specified before seeing the data. With parameters estimated from the same sample the fitted
/// CDF is pulled towards the data, the statistics are smaller than the tables expect, and the
/// tabulated p-values are far too large (Lilliefors 1967). The parametric bootstrap draws B
/// samples of the same size from the fitted distribution, **refits the family on each**, and
/// recomputes the statistic against the refitted CDF, so the reference distribution includes
/// the effect of estimation (Stute, González Manteiga & Presedo Quindimil, Metrika 40,
/// 243–256, 1993; Davison & Hinkley, *Bootstrap Methods and their Application*, 1997, §4.2).
/// The p-value is p = (1 + #{T* ≥ T})/(B + 1), which is never 0 and is a valid Monte Carlo
/// p-value (Davison & Hinkley eq. 4.11).
///
/// Deterministic: resample b is drawn from `RandomStream(masterSeed: seed, replication: b,
/// streamID: 0)`, so the same sample, family and seed give the same p-values on any machine.
/// A resample whose refit fails (it has no spread, say) counts as exceeding the observed
/// statistic: this can only raise p, never make a poor fit look better.
///
/// ```swift
/// let fit = try FittedFamily.lognormal.fit(hours)
/// let test = GoodnessOfFit.test(fit, sample: hours)     // B = 200
/// if test.andersonDarlingPValue < 0.05 { … }
/// ```
public struct GoodnessOfFit: Sendable, Hashable {
    /// Kolmogorov–Smirnov D = supₓ |Fₙ(x) − F(x)| against the fitted CDF.
    public let kolmogorovSmirnov: Double
    /// Anderson–Darling A², which weights the tails more than D.
    public let andersonDarling: Double
    public let kolmogorovSmirnovPValue: Double
    public let andersonDarlingPValue: Double
    /// B, the number of bootstrap resamples.
    public let resamples: Int
    /// Resamples whose refit failed (counted as exceedances).
    public let failedRefits: Int

    /// The default number of resamples: p-values to about ±0.02 near 0.05 (binomial standard
    /// error √(0.05·0.95/200) ≈ 0.015); about 1.5 s for the gamma (the slowest refit and CDF)
    /// at n = 2,000 in a debug build.
    public static let defaultResamples = 200
    /// The default seed of the bootstrap's streams.
    public static let defaultSeed: UInt64 = 20_250_617

    /// The statistics of `fit` on `sample` and their bootstrap p-values.
    ///
    /// - Precondition: `fit` was fitted on `sample` (same size), and `resamples ≥ 1`.
    /// - Complexity: O(B · (n log n + the family's fit)), sequential.
    public static func test(_ fit: DistributionFit, sample: [Double],
                            resamples: Int = defaultResamples, seed: UInt64 = defaultSeed) -> GoodnessOfFit {
        precondition(resamples >= 1, "the bootstrap needs at least one resample (got \(resamples))")
        precondition(sample.count == fit.sampleSize, "the fit used \(fit.sampleSize) observations, the sample has \(sample.count)")
        let observed = statistics(sample, fit.distribution)
        var ksExceed = 0
        var adExceed = 0
        var failed = 0
        var resample = [Double](repeating: 0, count: sample.count)
        for b in 0..<resamples {
            var stream = RandomStream(masterSeed: seed, replication: b, streamID: 0)
            for i in resample.indices { resample[i] = fit.distribution.sample(using: &stream) }
            guard let refit = try? fit.family.fit(resample) else {
                failed += 1
                ksExceed += 1
                adExceed += 1
                continue
            }
            let star = statistics(resample, refit.distribution)
            if star.ks >= observed.ks { ksExceed += 1 }
            if star.ad >= observed.ad { adExceed += 1 }
        }
        let denominator = Double(resamples + 1)
        return GoodnessOfFit(
            kolmogorovSmirnov: observed.ks, andersonDarling: observed.ad,
            kolmogorovSmirnovPValue: Double(1 + ksExceed) / denominator,
            andersonDarlingPValue: Double(1 + adExceed) / denominator,
            resamples: resamples, failedRefits: failed)
    }

    /// Both statistics, sorting once.
    static func statistics(_ sample: [Double], _ distribution: Distribution) -> (ks: Double, ad: Double) {
        let cdf = sample.sorted().map { distribution.cdf($0) }
        return (kolmogorovSmirnov(sortedCDF: cdf), andersonDarling(sortedCDF: cdf))
    }

    /// D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n) (Kolmogorov 1933; Smirnov 1948).
    public static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        kolmogorovSmirnov(sortedCDF: sample.sorted().map(cdf))
    }

    /// A² = −n − (1/n)·Σᵢ (2i − 1)·[log F(x₍ᵢ₎) + log(1 − F(x₍ₙ₊₁₋ᵢ₎))] (Anderson & Darling,
    /// JASA 49, 765–769, 1954; Stephens, JASA 69, 730–737, 1974).
    ///
    /// F is clamped to [1e-300, 1 − 2⁻⁵³] so that a point on the edge of a fitted support (the
    /// extremes of a uniform fit, where F is exactly 0 or 1) or far in a tail adds a large but
    /// finite, fixed amount instead of ∞; the bootstrap reproduces the same clamp on every
    /// resample, so p-values are unaffected.
    public static func andersonDarling(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        andersonDarling(sortedCDF: sample.sorted().map(cdf))
    }

    static func kolmogorovSmirnov(sortedCDF u: [Double]) -> Double {
        let n = Double(u.count)
        var d = 0.0
        for (i, f) in u.enumerated() {
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    static func andersonDarling(sortedCDF u: [Double]) -> Double {
        let count = u.count
        let n = Double(count)
        let low = 1e-300
        let high = 1 - 0x1p-53
        var sum = 0.0
        for i in 0..<count {
            let lower = min(high, max(low, u[i]))
            let upper = min(high, max(low, u[count - 1 - i]))
            sum += Double(2 * i + 1) * (log(lower) + log1p(-upper))
        }
        return -n - sum / n
    }
}
