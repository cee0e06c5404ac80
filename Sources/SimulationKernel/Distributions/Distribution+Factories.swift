import Foundation

/// The throwing factories: the only way to build a `Distribution`, so that every value that
/// exists has valid parameters and its sampling constants precomputed.
///
/// Validation rules common to all: NaN and infinities are rejected everywhere. Degenerate
/// spreads are accepted where the distribution degenerates sensibly to a point — `sd: 0` for
/// `normal` and `lognormal`, `min == max` for `uniform` and `triangular`, `mean: 0` for
/// `poisson`, probability 0 or 1 for `bernoulli` — and rejected where it does not: `gamma`
/// needs sd > 0 (its shape (mean/sd)² would be infinite).
extension Distribution {
    /// Always `value`.
    ///
    /// Uniforms per draw: 1, drawn and discarded, so that a constant can stand in for any
    /// inversion-based distribution without shifting the rest of its stream.
    public static func constant(_ value: Double) throws(DistributionError) -> Distribution {
        try require(value.isFinite, "constant", "value", value, "finite")
        return Distribution(kind: .constant(value: value))
    }

    /// Uniform on [min, max]; `min == max` is allowed (a point).
    ///
    /// Uniforms per draw: 1 (inversion).
    public static func uniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
        try require(min.isFinite, "uniform", "min", min, "finite")
        try require(max.isFinite, "uniform", "max", max, "finite")
        try require(max >= min, "uniform", "max", max, "≥ min (\(min))")
        try require((max - min).isFinite, "uniform", "max", max, "within a finite distance of min (\(min))")
        return Distribution(kind: .uniform(min: min, max: max))
    }

    /// Triangular on [min, max] with peak at `mode`; `min == max` is allowed (a point), and the
    /// mode may equal either end.
    ///
    /// Uniforms per draw: 1 (inversion).
    public static func triangular(min: Double, mode: Double, max: Double) throws(DistributionError) -> Distribution {
        try require(min.isFinite, "triangular", "min", min, "finite")
        try require(mode.isFinite, "triangular", "mode", mode, "finite")
        try require(max.isFinite, "triangular", "max", max, "finite")
        try require(max >= min, "triangular", "max", max, "≥ min (\(min))")
        try require((max - min).isFinite, "triangular", "max", max, "within a finite distance of min (\(min))")
        try require(mode >= min && mode <= max, "triangular", "mode", mode, "within [min, max] = [\(min), \(max)]")
        let modeCDF = max > min ? (mode - min) / (max - min) : 0
        return Distribution(kind: .triangular(min: min, mode: mode, max: max, modeCDF: modeCDF))
    }

    /// Exponential with the given mean (= 1/rate).
    ///
    /// Uniforms per draw: 1 (inversion).
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "exponential", "mean", mean, "> 0 and finite")
        return Distribution(kind: .exponential(mean: mean))
    }

    /// Normal N(mean, sd²), or, with `truncatedAtZero`, that normal conditioned on being ≥ 0
    /// (not clipped: the mass below zero is redistributed proportionally, and ``mean`` and
    /// ``variance`` are those of the truncated variable). `sd: 0` is allowed (a point).
    ///
    /// With truncation, the mean must be ≥ −30·sd: further below zero, the mass that remains is
    /// under 1e-197 and the parameters are surely a mistake.
    ///
    /// Uniforms per draw: 1 (inversion), truncated or not.
    public static func normal(mean: Double, sd: Double, truncatedAtZero: Bool = false) throws(DistributionError) -> Distribution {
        try require(mean.isFinite, "normal", "mean", mean, "finite")
        try require(sd >= 0 && sd.isFinite, "normal", "sd", sd, "≥ 0 and finite")
        guard truncatedAtZero else {
            return Distribution(kind: .normal(mean: mean, sd: sd))
        }
        let bound = -TruncatedNormal.maxStandardisedTruncation * sd + 0  // + 0 turns −0.0 into 0.0
        try require(mean >= bound, "normal", "mean", mean, "≥ −30·sd = \(bound) when truncatedAtZero")
        return Distribution(kind: .truncatedNormal(TruncatedNormal(mean: mean, sd: sd)))
    }

    /// Lognormal with the given mean and standard deviation *of the variable itself*.
    ///
    /// Why this parameterisation: data and experts give the mean and spread of durations, not of
    /// their logarithms. They map to log X ~ N(μ, σ²) with σ² = log(1 + sd²/mean²) and
    /// μ = log(mean) − σ²/2. `sd: 0` is allowed (the point `mean`).
    ///
    /// Uniforms per draw: 1 (inversion of the underlying normal).
    public static func lognormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "lognormal", "mean", mean, "> 0 and finite")
        try require(sd >= 0 && sd.isFinite, "lognormal", "sd", sd, "≥ 0 and finite")
        let ratio = sd / mean
        let sigma2 = log1p(ratio * ratio)
        let mu = log(mean) - sigma2 / 2
        try require(sigma2.isFinite && mu.isFinite, "lognormal", "sd", sd,
                    "small enough relative to mean (\(mean)) for log(1 + sd²/mean²) to be finite")
        return Distribution(kind: .lognormal(mean: mean, sd: sd, mu: mu, sigma: sigma2.squareRoot()))
    }

    /// Gamma with the given mean and standard deviation: shape α = (mean/sd)², scale
    /// θ = sd²/mean. sd must be > 0.
    ///
    /// Uniforms per draw: variable (Marsaglia–Tsang rejection, ≥ 2; ≥ 3 when α < 1).
    public static func gamma(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "gamma", "mean", mean, "> 0 and finite")
        try require(sd > 0 && sd.isFinite, "gamma", "sd", sd, "> 0 and finite")
        let cv = sd / mean
        let shape = 1 / (cv * cv)
        let scale = sd * cv
        try require(shape > 0 && shape.isFinite && scale > 0 && scale.isFinite, "gamma", "sd", sd,
                    "such that shape (mean/sd)² and scale sd²/mean are positive and finite (mean \(mean))")
        return Distribution(kind: .gamma(mean: mean, sd: sd, sampler: MarsagliaTsang(shape: shape, scale: scale)))
    }

    /// Erlang: the sum of `shape` independent exponentials, with total mean `mean`
    /// (each phase has mean mean/shape).
    ///
    /// Uniforms per draw: exactly `shape`.
    public static func erlang(mean: Double, shape: Int) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "erlang", "mean", mean, "> 0 and finite")
        guard shape >= 1 else {
            throw DistributionError(distribution: "erlang", parameter: "shape", value: "\(shape)", requirement: "an integer ≥ 1")
        }
        return Distribution(kind: .erlang(mean: mean, shape: shape, scale: mean / Double(shape)))
    }

    /// Discrete empirical: `values[i]` with probability `weights[i] / Σ weights`.
    ///
    /// Weights need not sum to 1; zero weights are allowed (never drawn) but not all of them.
    /// Values need not be sorted or distinct (equal values pool their weights).
    ///
    /// Uniforms per draw: 1 (inversion by binary search on the sorted cumulative weights).
    public static func empirical(values: [Double], weights: [Double]) throws(DistributionError) -> Distribution {
        guard !values.isEmpty else {
            throw DistributionError(distribution: "empirical", parameter: "values", value: "0 values", requirement: "non-empty")
        }
        guard weights.count == values.count else {
            throw DistributionError(distribution: "empirical", parameter: "weights", value: "\(weights.count) weights",
                                    requirement: "as many as values (\(values.count))")
        }
        for (index, value) in values.enumerated() {
            try require(value.isFinite, "empirical", "values[\(index)]", value, "finite")
        }
        for (index, weight) in weights.enumerated() {
            try require(weight >= 0 && weight.isFinite, "empirical", "weights[\(index)]", weight, "≥ 0 and finite")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else {
            throw DistributionError(distribution: "empirical", parameter: "weights", value: "all zero", requirement: "non-negative with a positive sum")
        }
        try require(total.isFinite, "empirical", "weights", total, "of finite sum")
        return Distribution(kind: .empirical(EmpiricalTable(values: values, weights: weights)))
    }

    /// 1 with the given probability, else 0. Probabilities 0 and 1 are allowed.
    ///
    /// Uniforms per draw: 1 (inversion: 1 when u > 1 − probability).
    public static func bernoulli(probability: Double) throws(DistributionError) -> Distribution {
        try require(probability >= 0 && probability <= 1, "bernoulli", "probability", probability, "in [0, 1]")
        return Distribution(kind: .bernoulli(probability: probability))
    }

    /// Poisson with the given mean; samples are non-negative integers as `Double`.
    /// `mean: 0` is allowed (always 0).
    ///
    /// Uniforms per draw: 1 for mean ≤ 30 (sequential inversion); variable, ≥ 2, above (PTRS).
    public static func poisson(mean: Double) throws(DistributionError) -> Distribution {
        try require(mean >= 0 && mean.isFinite, "poisson", "mean", mean, "≥ 0 and finite")
        return Distribution(kind: .poisson(PoissonSampler(mean: mean)))
    }

    /// Throws unless `condition` holds. NaN fails every comparison, so `x > 0` also rejects NaN.
    private static func require(_ condition: Bool, _ distribution: String, _ parameter: String, _ value: Double,
                                _ requirement: String) throws(DistributionError) {
        guard condition else {
            throw DistributionError(distribution: distribution, parameter: parameter, value: value, requirement: requirement)
        }
    }
}
