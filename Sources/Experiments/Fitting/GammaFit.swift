import Foundation
import SimulationKernel

/// The gamma and Erlang maximum-likelihood fits.
///
/// With shape α and scale θ, the scale's likelihood equation gives θ = x̄/α, and the shape
/// solves log α − ψ(α) = s, where s = log x̄ − mean(log xᵢ) > 0 (by Jensen, 0 only for a
/// constant sample). The left side decreases from +∞ to 0, so the root is unique; Newton's
/// method on it, with the derivative 1/α − ψ′(α), is started from the Minka/Thom
/// approximation α₀ = (3 − s + √((s − 3)² + 24s))/(12s) (Thom 1958; Minka, "Estimating a
/// gamma distribution", 2002), which is within 1.5 % of the root, and converges in 3–4 steps.
///
/// ln L = n·[(α − 1)·mean(log x) − α − α·log θ − log Γ(α)].
///
/// Standard errors: in the parameters (α, mean μ = αθ) the Fisher information per observation
/// is diagonal, I_αα = ψ′(α) − 1/α and I_μμ = α/μ², so SE(μ̂) = μ/√(nα) = sd/√n,
/// SE(α̂) = 1/√(n(ψ′(α) − 1/α)), and by the delta method on sd = μ/√α,
/// Var ŝd ≈ Var μ̂/α + μ²/(4α³)·Var α̂ (Johnson, Kotz & Balakrishnan, *Continuous Univariate
/// Distributions* 1, 2nd ed., ch. 17 §7).
enum GammaFit {
    /// The sufficient statistics of a positive sample: mean and mean of the logarithms.
    struct Statistics {
        let n: Double
        let mean: Double
        let meanLog: Double
        /// s = log x̄ − mean(log x) ≥ 0.
        var s: Double { log(mean) - meanLog }

        init(_ sample: [Double]) {
            n = Double(sample.count)
            mean = sample.reduce(0, +) / n
            meanLog = sample.reduce(0) { $0 + log($1) } / n
        }

        /// ln L at shape α with the scale at its MLE x̄/α (the profile likelihood, concave in α).
        func profileLogLikelihood(shape alpha: Double) -> Double {
            let theta = mean / alpha
            return n * ((alpha - 1) * meanLog - alpha - alpha * log(theta) - SpecialFunctions.logGamma(alpha))
        }
    }

    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.gamma.validate(sample, positive: true)
        let stats = Statistics(sample)
        let alpha = try shape(stats, family: .gamma)
        let n = stats.n
        let mean = stats.mean
        let sd = mean / alpha.squareRoot()
        let shapeVariance = 1 / (n * (Digamma.trigamma(alpha) - 1 / alpha))
        let meanVariance = mean * mean / (n * alpha)
        let sdSE = (meanVariance / alpha + mean * mean / (4 * alpha * alpha * alpha) * shapeVariance).squareRoot()
        let distribution = try FitError.make(.gamma) { () throws(DistributionError) in try .gamma(mean: mean, sd: sd) }
        return DistributionFit(
            family: .gamma, distribution: distribution,
            logLikelihood: stats.profileLogLikelihood(shape: alpha),
            parameters: [
                FittedParameter(name: "mean", estimate: mean, standardError: meanVariance.squareRoot()),
                FittedParameter(name: "sd", estimate: sd, standardError: sdSE),
                FittedParameter(name: "shape", estimate: alpha, standardError: shapeVariance.squareRoot()),
            ],
            parameterCount: 2, sampleSize: sample.count)
    }

    /// The Erlang fit: the gamma with an integer shape k ≥ 1. For a given k the mean's MLE is
    /// still x̄, and the profile likelihood is concave in the shape (its second derivative is
    /// n(1/α − ψ′(α)) < 0), so the best integer is ⌊α̂⌋ or ⌈α̂⌉ of the gamma fit: both are
    /// evaluated and the better kept. k counts 2 parameters in AIC (the shape is estimated,
    /// from a discrete set); the shape has no standard error, the mean has x̄/√(nk).
    static func fitErlang(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.erlang.validate(sample, positive: true)
        let stats = Statistics(sample)
        let alpha = try shape(stats, family: .erlang)
        let below = max(1, alpha.rounded(.down))
        let above = max(1, alpha.rounded(.up))
        let candidates = below == above ? [below] : [below, above]
        let best = candidates.max { stats.profileLogLikelihood(shape: $0) < stats.profileLogLikelihood(shape: $1) }!
        guard best <= Double(Int32.max) else {
            throw FitError(family: .erlang, reason: .invalidParameters(detail: "shape \(best) is too large for an Erlang"))
        }
        let k = Int(best)
        let mean = stats.mean
        let distribution = try FitError.make(.erlang) { () throws(DistributionError) in try .erlang(mean: mean, shape: k) }
        return DistributionFit(
            family: .erlang, distribution: distribution,
            logLikelihood: stats.profileLogLikelihood(shape: best),
            parameters: [
                FittedParameter(name: "mean", estimate: mean, standardError: mean / (stats.n * best).squareRoot()),
                FittedParameter(name: "shape", estimate: best),
            ],
            parameterCount: 2, sampleSize: sample.count)
    }

    /// The shape's MLE by Newton's method from the Minka/Thom start. log α − ψ(α) − s is
    /// convex and decreasing, so after at most one step every iterate lies left of the root and
    /// they increase to it; a first step that would leave (0, ∞) is replaced by α/2.
    static func shape(_ stats: Statistics, family: FittedFamily) throws(FitError) -> Double {
        let s = stats.s
        guard s > 1e-300, s.isFinite else { throw FitError(family: family, reason: .noSpread) }
        var alpha = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<100 {
            let f = Digamma.logMinusDigamma(alpha) - s
            let slope = 1 / alpha - Digamma.trigamma(alpha)
            var next = alpha - f / slope
            if next <= 0 { next = alpha / 2 }
            if abs(next - alpha) <= 1e-14 * alpha {
                return next
            }
            alpha = next
        }
        // Newton on a convex, decreasing function converges monotonically; not reaching 1e-14
        // in 100 steps only happens at the edge of double precision, where α is as good as it gets.
        guard alpha.isFinite, alpha > 0 else {
            throw FitError(family: family, reason: .didNotConverge(detail: "gamma shape from s = \(s)"))
        }
        return alpha
    }
}
