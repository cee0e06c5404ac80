extension Distribution {
    /// The exact mean of the distribution (of the truncated variable for a truncated normal).
    ///
    /// Why exact: tests and output analysis compare simulated averages against it, and
    /// parameters given as means (lognormal, gamma, erlang) are returned as given.
    public var mean: Double {
        switch kind {
        case .constant(let value): return value
        case .uniform(let min, let max): return min + (max - min) / 2
        case .triangular(let min, let mode, let max, _): return (min + mode + max) / 3
        case .exponential(let mean): return mean
        case .normal(let mean, _): return mean
        case .truncatedNormal(let truncated): return truncated.truncatedMean
        case .lognormal(let mean, _, _, _): return mean
        case .gamma(let mean, _, _): return mean
        case .erlang(let mean, _, _): return mean
        case .empirical(let table): return table.mean
        case .bernoulli(let probability): return probability
        case .poisson(let sampler): return sampler.mean
        }
    }

    /// The exact variance (of the truncated variable for a truncated normal:
    /// sd²·(1 + aλ − λ²) with a = −mean/sd and λ = φ(a)/(1 − Φ(a))).
    public var variance: Double {
        switch kind {
        case .constant: return 0
        case .uniform(let min, let max): return (max - min) * (max - min) / 12
        case .triangular(let min, let mode, let max, _):
            return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18
        case .exponential(let mean): return mean * mean
        case .normal(_, let sd): return sd * sd
        case .truncatedNormal(let truncated): return truncated.truncatedVariance
        case .lognormal(_, let sd, _, _): return sd * sd
        case .gamma(_, let sd, _): return sd * sd
        case .erlang(let mean, let shape, _): return mean * mean / Double(shape)
        case .empirical(let table): return table.variance
        case .bernoulli(let probability): return probability * (1 - probability)
        case .poisson(let sampler): return sampler.mean
        }
    }

    /// The standard deviation, √variance.
    public var standardDeviation: Double { variance.squareRoot() }
}
