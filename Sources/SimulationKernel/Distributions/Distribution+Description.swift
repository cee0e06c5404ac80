extension Distribution: CustomStringConvertible {
    /// The family: `"constant"`, `"uniform"`, `"triangular"`, `"exponential"`, `"normal"`,
    /// `"lognormal"`, `"gamma"`, `"erlang"`, `"empirical"`, `"bernoulli"` or `"poisson"` — the
    /// factory's name, as used in input files and in ``DistributionError/distribution``.
    public var name: String {
        switch kind {
        case .constant: return "constant"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .exponential: return "exponential"
        case .normal, .truncatedNormal: return "normal"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .erlang: return "erlang"
        case .empirical: return "empirical"
        case .bernoulli: return "bernoulli"
        case .poisson: return "poisson"
        }
    }

    /// The factory call that builds this distribution, e.g. `lognormal(mean: 19, sd: 15)`;
    /// integral values print without a decimal point, others as Swift prints a `Double`.
    public var description: String {
        let f = Self.format
        switch kind {
        case .constant(let value):
            return "constant(\(f(value)))"
        case .uniform(let min, let max):
            return "uniform(min: \(f(min)), max: \(f(max)))"
        case .triangular(let min, let mode, let max, _):
            return "triangular(min: \(f(min)), mode: \(f(mode)), max: \(f(max)))"
        case .exponential(let mean):
            return "exponential(mean: \(f(mean)))"
        case .normal(let mean, let sd):
            return "normal(mean: \(f(mean)), sd: \(f(sd)))"
        case .truncatedNormal(let truncated):
            return "normal(mean: \(f(truncated.mean)), sd: \(f(truncated.sd)), truncatedAtZero: true)"
        case .lognormal(let mean, let sd, _, _):
            return "lognormal(mean: \(f(mean)), sd: \(f(sd)))"
        case .gamma(let mean, let sd, _):
            return "gamma(mean: \(f(mean)), sd: \(f(sd)))"
        case .erlang(let mean, let shape, _):
            return "erlang(mean: \(f(mean)), shape: \(shape))"
        case .empirical(let table):
            let values = table.values.map(f).joined(separator: ", ")
            let weights = table.weights.map(f).joined(separator: ", ")
            return "empirical(values: [\(values)], weights: [\(weights)])"
        case .bernoulli(let probability):
            return "bernoulli(probability: \(f(probability)))"
        case .poisson(let sampler):
            return "poisson(mean: \(f(sampler.mean)))"
        }
    }

    /// `19.0` → `"19"`, `0.25` → `"0.25"`.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
