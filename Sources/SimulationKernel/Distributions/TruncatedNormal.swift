import Foundation

/// A normal N(mean, sd²) conditioned on being ≥ 0, sampled by inversion with one uniform.
///
/// Why inversion rather than "redraw while negative": rejection consumes a variable number of
/// uniforms, which breaks common random numbers, and loops for long when most of the mass is
/// negative. Inversion restricted to the tail maps u ∈ (0, 1) onto the standardised truncation
/// region Z ≥ a, a = −mean/sd, through either of two equivalent forms:
///
/// - lower side: u′ = Φ(a) + u·(1 − Φ(a)), Z = Φ⁻¹(u′), used while u′ ≤ ½;
/// - upper side: Z = −Φ⁻¹((1 − u)·Q(a)), Q(a) = 1 − Φ(a), used when u′ > ½.
///
/// Each form is evaluated only where its argument is the smaller tail probability, so that
/// neither rounds to 1 (u′ would, for u within an ulp of 1) nor loses relative precision in
/// the far tail (for mean ≪ 0, Φ(a) rounds to 1 but Q(a) from `erfc` does not). The draw is
/// non-decreasing in u (up to an ulp where the forms meet).
@usableFromInline
struct TruncatedNormal: Sendable, Hashable {
    /// Mean and standard deviation of the parent normal, as the user gave them.
    @usableFromInline let mean: Double
    @usableFromInline let sd: Double
    /// Standardised truncation point a = −mean/sd (−∞ when sd == 0).
    @usableFromInline let lower: Double
    /// Φ(a), the parent's mass below zero.
    @usableFromInline let massBelow: Double
    /// Q(a) = 1 − Φ(a), the parent's mass above zero, computed directly (not as 1 − Φ(a)).
    @usableFromInline let massAbove: Double

    /// The parent's mean must not lie more than this many sd below zero: beyond it, the mass
    /// left is under 1e-197 and the parameter set is almost surely a mistake.
    static let maxStandardisedTruncation = 30.0

    init(mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
        if sd == 0 {
            lower = -.infinity
            massBelow = 0
            massAbove = 1
        } else {
            let a = -mean / sd
            lower = a
            massBelow = Distribution.standardNormalCDF(a)
            massAbove = Distribution.standardNormalUpperTail(a)
        }
    }

    /// One draw from the uniform `u` ∈ (0, 1).
    @inlinable
    func value(at u: Double) -> Double {
        let lowerSide = massBelow + u * massAbove
        let z: Double
        if lowerSide <= 0.5 {
            z = Distribution.standardNormalQuantile(lowerSide)
        } else {
            z = -Distribution.standardNormalQuantile((1 - u) * massAbove)
        }
        // Rounding in the last ulp can fall just below the truncation point: clamp to support.
        return Swift.max(0, mean + sd * Swift.max(z, lower))
    }

    /// Inverse Mills ratio λ = φ(a)/Q(a): the mean of the standard normal conditioned on Z ≥ a.
    var inverseMillsRatio: Double {
        Distribution.standardNormalDensity(lower) / massAbove
    }

    /// E[X] = mean + sd·λ.
    var truncatedMean: Double {
        sd == 0 ? mean : mean + sd * inverseMillsRatio
    }

    /// Var[X] = sd²·(1 + aλ − λ²). For a ≫ 0 the bracket tends to 1/a² by cancellation, so its
    /// relative error grows like a⁴·ε: ≈ 1e-10 at the largest accepted a = 30.
    var truncatedVariance: Double {
        if sd == 0 { return 0 }
        let lambda = inverseMillsRatio
        return sd * sd * Swift.max(0, 1 + lower * lambda - lambda * lambda)
    }

    /// P(X ≤ x) = (Φ(z) − Φ(a))/Q(a), z = (x − mean)/sd, or equivalently 1 − Q(z)/Q(a),
    /// whichever does not cancel.
    func cdf(_ x: Double) -> Double {
        if x < 0 { return 0 }
        if sd == 0 { return x < mean ? 0 : 1 }
        let z = (x - mean) / sd
        let value = z <= 0
            ? (Distribution.standardNormalCDF(z) - massBelow) / massAbove
            : 1 - Distribution.standardNormalUpperTail(z) / massAbove
        return Swift.min(1, Swift.max(0, value))
    }
}
