import Foundation

extension Distribution {
    /// One draw, using the uniforms of `source`.
    ///
    /// Why generic and inlinable: the model calls this millions of times with a `RandomStream`;
    /// specialised into the caller it is a `switch` plus the sampler's arithmetic, with no
    /// allocation, no dispatch and no locking. All constants were computed by the factory.
    ///
    /// Methods and uniforms consumed (see the table on ``Distribution``):
    /// - constant: 1 (discarded) · uniform, triangular, exponential, normal, truncated normal,
    ///   lognormal, empirical, bernoulli, poisson with mean ≤ 30: exactly 1, by inversion, and
    ///   the result is non-decreasing in the uniform.
    /// - erlang: exactly `shape`.
    /// - gamma: variable, ≥ 2 (≥ 3 for shape < 1) · poisson with mean > 30: variable, ≥ 2.
    ///
    /// - Complexity: O(1) for most families; O(log n) for an empirical table of n values;
    ///   O(shape) for erlang; O(mean) for poisson with mean ≤ 30; O(1) expected for gamma and
    ///   for poisson with mean > 30 (rejection). Never allocates.
    /// The same draw as `sample(using:)`, for a distribution stored in place (an element of
    /// an `OwnedArray`, say). Declared `mutating` only so that Swift passes the stored value by
    /// address: calling `sample` on an element read through a pointer copies the distribution
    /// first, through its value witness, which cost about 130 instructions per draw (6 % of an
    /// order-heavy model run, docs/performance.md). It never changes `self`.
    @inlinable
    public mutating func sampleInPlace<S: UniformRandomSource>(using source: inout S) -> Double {
        sample(using: &source)
    }

    @inlinable
    public func sample<S: UniformRandomSource>(using source: inout S) -> Double {
        switch kind {
        case .constant(let value):
            _ = source.nextUniform()
            return value

        case .uniform(let min, let max):
            return min + (max - min) * source.nextUniform()

        case .triangular(let min, _, let max, let modeCDF):
            // F(x) = modeCDF·((x − min)/(mode − min))² left of the mode, and the mirror image on
            // the right; inverted in scaled form so that (max − min)² never overflows.
            let u = source.nextUniform()
            let width = max - min
            if u < modeCDF {
                return min + width * (u * modeCDF).squareRoot()
            }
            return max - width * ((1 - u) * (1 - modeCDF)).squareRoot()

        case .exponential(let mean):
            // −mean·log(1 − u): increasing in u, and log1p keeps precision for small u.
            return -mean * log1p(-source.nextUniform())

        case .normal(let mean, let sd):
            return mean + sd * Distribution.standardNormalQuantile(source.nextUniform())

        case .truncatedNormal(let truncated):
            return truncated.value(at: source.nextUniform())

        case .lognormal(_, _, let mu, let sigma):
            return exp(mu + sigma * Distribution.standardNormalQuantile(source.nextUniform()))

        case .gamma(_, _, let sampler):
            return sampler.sample(using: &source)

        case .erlang(_, let shape, let scale):
            // Sum of `shape` exponentials as one log of a product: one `log` per ~30 uniforms
            // instead of one each. The product is folded into a running log before it can
            // underflow (MRG32k3a's factors are ≥ 2.3e-10; a tiny factor from another source
            // goes straight to the log).
            var product = 1.0
            var logSum = 0.0
            for _ in 0..<shape {
                let u = source.nextUniform()
                if u < 1e-20 {
                    logSum += log(u)
                    continue
                }
                product *= u
                if product < 1e-280 {
                    logSum += log(product)
                    product = 1
                }
            }
            return -scale * (logSum + log(product))

        case .empirical(let table):
            return table.value(at: source.nextUniform())

        case .bernoulli(let probability):
            return source.nextUniform() > 1 - probability ? 1 : 0

        case .poisson(let sampler):
            return sampler.sample(using: &source)
        }
    }
}
