import Foundation

extension Distribution {
    /// The distribution function P(X ≤ x), for continuous and discrete families alike
    /// (right-continuous steps for constant, empirical, bernoulli and poisson).
    ///
    /// Why it is here: goodness-of-fit tests of the samplers, and reporting of service levels
    /// ("P(repair ≤ 24 h)") from the model's inputs. Computed from the mathematics: Φ from
    /// `erfc`, the gamma and Erlang from the regularised incomplete gamma P(α, x/θ), the
    /// Poisson from Q(⌊x⌋ + 1, mean) = P(X ≤ ⌊x⌋).
    ///
    /// - Returns: a value in [0, 1]; NaN for NaN.
    /// - Complexity: O(1) for most families, O(log n) for empirical, O(√shape) iterations for
    ///   gamma, erlang and poisson.
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        switch kind {
        case .constant(let value):
            return x < value ? 0 : 1

        case .uniform(let min, let max):
            if x >= max { return 1 }
            if x <= min { return 0 }
            return (x - min) / (max - min)

        case .triangular(let min, let mode, let max, let modeCDF):
            if x >= max { return 1 }
            if x <= min { return 0 }
            if x <= mode {
                let t = (x - min) / (mode - min)
                return modeCDF * t * t
            }
            let t = (max - x) / (max - mode)
            return 1 - (1 - modeCDF) * t * t

        case .exponential(let mean):
            return x <= 0 ? 0 : -expm1(-x / mean)

        case .normal(let mean, let sd):
            if sd == 0 { return x < mean ? 0 : 1 }
            return Distribution.standardNormalCDF((x - mean) / sd)

        case .truncatedNormal(let truncated):
            return truncated.cdf(x)

        case .lognormal(let mean, _, let mu, let sigma):
            if x <= 0 { return 0 }
            if sigma == 0 { return x < mean ? 0 : 1 }
            return Distribution.standardNormalCDF((log(x) - mu) / sigma)

        case .gamma(_, _, let sampler):
            return SpecialFunctions.regularizedGammaP(sampler.shape, x / sampler.scale)

        case .erlang(_, let shape, let scale):
            return SpecialFunctions.regularizedGammaP(Double(shape), x / scale)

        case .empirical(let table):
            return table.cdf(x)

        case .bernoulli(let probability):
            if x < 0 { return 0 }
            return x < 1 ? 1 - probability : 1

        case .poisson(let sampler):
            if x < 0 { return 0 }
            if sampler.mean == 0 { return 1 }
            return SpecialFunctions.regularizedGammaQ(x.rounded(.down) + 1, sampler.mean)
        }
    }
}
