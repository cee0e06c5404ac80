/// A source of uniform numbers in the open interval (0, 1), on top of raw random bits.
///
/// Why a separate requirement: inversion sampling (exponential, normal via its quantile,
/// empirical, …) needs a uniform that is never exactly 0 or 1, and MRG32k3a produces exactly
/// that natively. Distributions take `inout some UniformRandomSource`, so tests can drive them
/// with any generator and the model's code specialises to `RandomStream` with no dispatch.
public protocol UniformRandomSource: RandomNumberGenerator {
    /// The next uniform number in the open interval (0, 1).
    mutating func nextUniform() -> Double
}

extension RandomStream: UniformRandomSource {}
