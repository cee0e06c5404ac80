import Foundation
import SimulationKernel

/// The maximum-likelihood fit of a normal truncated at 0, `{ type: "normal", mean, sd,
/// truncatedAtZero: true }`, whose parameters are the parent normal's μ and σ.
///
/// ln L(μ, σ) = −n·log σ − (n/2)·log 2π − Σ(xᵢ − μ)²/(2σ²) − n·log Φ(μ/σ), which depends on
/// the data only through Σx and Σx², so each evaluation costs O(1). There is no closed form;
/// the maximum is found by Nelder–Mead on (μ, log σ) (log σ keeps σ > 0), in units of the
/// sample mean so that the simplex's steps and tolerance do not depend on the data's units,
/// started at the sample mean and sd. μ is kept ≥ −30σ, the kernel's bound; when the
/// optimum lies on that bound (data shaped like an exponential, for which the truncated
/// normal's likelihood keeps rising as μ → −∞), the fit is returned there without standard
/// errors.
///
/// Standard errors: the inverse of the observed information −∇² ln L at the estimate, by
/// central differences (Efron & Hinkley, Biometrika 65, 457–483, 1978, on observed versus
/// expected information). Reference for the likelihood: Cohen, *Truncated and Censored
/// Samples*, 1991, ch. 2.
enum TruncatedNormalFit {
    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.truncatedNormal.validate(sample, nonNegative: true)
        let n = Double(sample.count)
        let scale = sample.reduce(0, +) / n
        guard scale > 0 else { throw FitError(family: .truncatedNormal, reason: .noSpread) }
        let y = sample.map { $0 / scale }
        let sum = y.reduce(0, +)
        let sumSquares = y.reduce(0) { $0 + $1 * $1 }
        let variance = (sumSquares - sum * sum / n) / (n - 1)
        guard variance > 0 else { throw FitError(family: .truncatedNormal, reason: .noSpread) }

        let bound = 30.0
        // ln L in the scaled units, without the constant −(n/2)·log 2π − n·log(scale).
        func logLikelihood(_ m: Double, _ s: Double) -> Double {
            guard s > 0, m >= -bound * s else { return -.infinity }
            let quadratic = (sumSquares - 2 * m * sum + n * m * m) / (2 * s * s)
            return -n * log(s) - quadratic - n * log(Distribution.standardNormalCDF(m / s))
        }
        let start = [1.0, 0.5 * log(variance)]
        let result = nelderMeadMinimum(start: start, step: [0.2 * variance.squareRoot(), 0.2]) { p in
            -logLikelihood(p[0], exp(p[1]))
        }
        guard result.converged, result.value.isFinite else {
            throw FitError(family: .truncatedNormal, reason: .didNotConverge(detail: "Nelder–Mead on (μ, log σ)"))
        }
        let m = result.point[0]
        let s = exp(result.point[1])
        let onBound = m <= -(bound - 1e-6) * s
        let covariance = onBound ? nil : inverseObservedInformation(m, s, logLikelihood)

        let mean = m * scale
        let sd = s * scale
        let constant = -n / 2 * log(2 * Double.pi) - n * log(scale)
        let distribution = try FitError.make(.truncatedNormal) { () throws(DistributionError) in
            try .normal(mean: max(mean, -bound * sd), sd: sd, truncatedAtZero: true)
        }
        return DistributionFit(
            family: .truncatedNormal, distribution: distribution,
            logLikelihood: logLikelihood(m, s) + constant,
            parameters: [
                FittedParameter(name: "mean", estimate: mean, standardError: covariance.map { $0.mm.squareRoot() * scale } ?? .nan),
                FittedParameter(name: "sd", estimate: sd, standardError: covariance.map { $0.ss.squareRoot() * scale } ?? .nan),
            ],
            parameterCount: 2, sampleSize: sample.count)
    }

    /// (−∇² ln L)⁻¹ at (m, s) by central differences with steps 1e-4·s; nil unless the
    /// information is positive definite.
    private static func inverseObservedInformation(
        _ m: Double, _ s: Double, _ f: (Double, Double) -> Double
    ) -> (mm: Double, ss: Double)? {
        let h = 1e-4 * s
        let f0 = f(m, s)
        let dmm = (f(m + h, s) - 2 * f0 + f(m - h, s)) / (h * h)
        let dss = (f(m, s + h) - 2 * f0 + f(m, s - h)) / (h * h)
        let dms = (f(m + h, s + h) - f(m + h, s - h) - f(m - h, s + h) + f(m - h, s - h)) / (4 * h * h)
        // Information matrix J = −H; its inverse's diagonal.
        let a = -dmm, b = -dms, c = -dss
        let determinant = a * c - b * b
        guard a > 0, c > 0, determinant > 0, determinant.isFinite else { return nil }
        return (mm: c / determinant, ss: a / determinant)
    }
}
