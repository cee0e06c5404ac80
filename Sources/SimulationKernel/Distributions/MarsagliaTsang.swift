import Foundation

/// Gamma(shape α, scale θ) variates by Marsaglia and Tsang's squeeze-and-reject method.
///
/// Why this method: no inversion of the incomplete gamma function is cheap enough for the hot
/// path, and Marsaglia–Tsang is simple, exact and fast for every α: with d = α − ⅓ and
/// c = 1/√(9d), X = d·(1 + cZ)³ for a normal Z is accepted with probability ≥ 0.95 (→ 1 as α
/// grows), mostly by the cheap squeeze u < 1 − 0.0331·Z⁴. For α < 1 it draws Gamma(α + 1) and
/// multiplies by U^(1/α) (the "boost" of section 6 of the paper).
///
/// Reference: G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables",
/// ACM Transactions on Mathematical Software 26(3), 363–372, 2000.
///
/// Uniforms per draw: variable. Each trial takes one uniform for Z (by inversion, AS241) and,
/// unless 1 + cZ ≤ 0, one for the acceptance test; α < 1 adds one uniform for the boost.
@usableFromInline
struct MarsagliaTsang: Sendable, Hashable {
    /// α, the shape of the target distribution.
    @usableFromInline let shape: Double
    /// θ, the scale of the target distribution.
    @usableFromInline let scale: Double
    /// d = α′ − ⅓ with α′ = α, or α + 1 when boosting.
    @usableFromInline let d: Double
    /// c = 1/√(9d).
    @usableFromInline let c: Double
    /// 1/α, the boost exponent (used only when α < 1).
    @usableFromInline let inverseShape: Double
    /// log Γ(α), kept for the distribution function.
    let logGammaShape: Double

    init(shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
        d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        inverseShape = 1 / shape
        logGammaShape = SpecialFunctions.logGamma(shape)
    }

    /// - Complexity: O(1) expected (≤ 1.05 trials on average), no allocation.
    @inlinable
    func sample<S: UniformRandomSource>(using source: inout S) -> Double {
        var draw: Double
        while true {
            let z = Distribution.standardNormalQuantile(source.nextUniform())
            var v = 1 + c * z
            if v <= 0 { continue }
            v = v * v * v
            let u = source.nextUniform()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 {
                draw = d * v
                break
            }
            if log(u) < 0.5 * z2 + d * (1 - v + log(v)) {
                draw = d * v
                break
            }
        }
        if shape < 1 {
            // U^(1/α) via exp(log(U)/α); may underflow to 0 for tiny α, which is the honest
            // answer at double precision (the mass below the smallest double is that large).
            draw *= exp(log(source.nextUniform()) * inverseShape)
        }
        return draw * scale
    }
}
