/// A probability distribution for one input of the model: a service time, a delay, a count.
///
/// Why a value type with a closed set of cases: every parameter set is validated once, when the
/// model is read, by a throwing factory (`try .lognormal(mean: 19, sd: 15)`), and the derived
/// constants each sampler needs (log-scale parameters, Marsaglia–Tsang's `d` and `c`, the
/// empirical cumulative weights, PTRS's hat constants, …) are computed there and stored inside,
/// so `sample(using:)` on the hot path is a `switch`, a few flops and no allocation. Parameters
/// are those a modeller states: the mean and standard deviation *of the variable*, never of its
/// logarithm or a rate.
///
/// ```swift
/// let repair = try Distribution.lognormal(mean: 19, sd: 15)
/// var stream = RandomStream(masterSeed: 42, replication: 0, streamID: 7)
/// let hours = repair.sample(using: &stream)
/// ```
///
/// ## Uniforms consumed per sample
///
/// Common random numbers compare policies on the same uniforms, which stay aligned only if each
/// draw consumes a known number of them. Inversion (one uniform, output non-decreasing in it) is
/// used wherever it is exact and cheap, so that swapping one inversion distribution for another,
/// or changing its parameters, keeps every later draw of the stream in step.
///
/// | Distribution                         | Method                                   | Uniforms     |
/// |--------------------------------------|------------------------------------------|--------------|
/// | `constant`                           | one uniform drawn and discarded          | 1            |
/// | `uniform`                            | inversion                                | 1            |
/// | `triangular`                         | inversion                                | 1            |
/// | `exponential`                        | inversion                                | 1            |
/// | `normal` (also `truncatedAtZero`)    | inversion, Wichura's AS241               | 1            |
/// | `lognormal`                          | exp of the normal by inversion           | 1            |
/// | `gamma`, shape ≥ 1                   | Marsaglia–Tsang rejection                | 2 per trial, variable (≥ 2) |
/// | `gamma`, shape < 1                   | Marsaglia–Tsang on shape + 1, then boost | the above + 1 (≥ 3) |
/// | `erlang(shape: k)`                   | −(mean/k)·log(product of k uniforms)     | k            |
/// | `empirical`                          | inversion, binary search                 | 1            |
/// | `bernoulli`                          | inversion                                | 1            |
/// | `poisson`, mean ≤ 30                 | sequential inversion                     | 1            |
/// | `poisson`, mean > 30                 | Hörmann's PTRS rejection                 | 2 per trial, variable (≥ 2) |
///
/// Degenerate parameter sets (`sd: 0`, `poisson(mean: 0)`, `uniform(min: x, max: x)`) keep
/// the count of their family, for the same reason.
public struct Distribution: Sendable, Hashable {
    /// The family and its validated, precomputed parameters.
    @usableFromInline let kind: Kind

    @usableFromInline init(kind: Kind) { self.kind = kind }

    /// One case per family. Payloads hold what sampling needs precomputed; they are derived
    /// only from the user's parameters, so the synthesised equality is equality of parameters.
    @usableFromInline
    enum Kind: Sendable, Hashable {
        case constant(value: Double)
        case uniform(min: Double, max: Double)
        /// `modeCDF` = F(mode) = (mode − min)/(max − min), 0 when min == max.
        case triangular(min: Double, mode: Double, max: Double, modeCDF: Double)
        case exponential(mean: Double)
        case normal(mean: Double, sd: Double)
        case truncatedNormal(TruncatedNormal)
        /// `mu`, `sigma`: parameters of the underlying normal, log X ~ N(mu, sigma²).
        case lognormal(mean: Double, sd: Double, mu: Double, sigma: Double)
        case gamma(mean: Double, sd: Double, sampler: MarsagliaTsang)
        /// `scale` = mean / shape.
        case erlang(mean: Double, shape: Int, scale: Double)
        /// Boxed (`indirect`): the table's arrays are the only references in a distribution, and
        /// one box keeps the other cases' copies simple.
        indirect case empirical(EmpiricalTable)
        case bernoulli(probability: Double)
        case poisson(PoissonSampler)
    }
}
