import Foundation

extension Distribution {
    /// The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS241 (PPND16).
    ///
    /// Why this algorithm: normal, truncated normal, lognormal and the normal deviate inside the
    /// gamma sampler are all drawn by inversion of one uniform, so the quantile must be accurate
    /// far into the tails. AS241 is a set of three rational minimax approximations (central
    /// region |p − ½| ≤ 0.425, then in r = √(−log min(p, 1−p)) for r ≤ 5 and r > 5) with a
    /// relative accuracy of about 1e-16, for p down to the smallest normal doubles.
    ///
    /// Reference: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
    /// distribution", Applied Statistics 37(3), 477–484, 1988.
    ///
    /// - Returns: −∞ for p ≤ 0, +∞ for p ≥ 1, NaN for NaN.
    /// - Complexity: O(1), no allocation; one `log` and one `sqrt` outside the central region.
    @inlinable
    public static func standardNormalQuantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = ((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                + 1.3314166789178437745e2) * r + 3.3871328727963666080e0
            let denominator = ((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                + 4.2313330701600911252e1) * r + 1.0
            return q * numerator / denominator
        }
        // Tail: r = √(−log(tail probability)); 1 − p is exact here since p > 0.5 − 0.425.
        var r = q < 0 ? p : 1 - p
        if r <= 0 { return q < 0 ? -.infinity : .infinity }
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let numerator = ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                + 4.63033784615654529590e0) * r + 1.42343711074968357734e0
            let denominator = ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                + 2.05319162663775882187e0) * r + 1.0
            value = numerator / denominator
        } else {
            r -= 5
            let numerator = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                + 5.46378491116411436990e0) * r + 6.65790464350110377720e0
            let denominator = ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }

    /// The standard normal distribution function Φ(x) = ½·erfc(−x/√2).
    ///
    /// Why `erfc` rather than `erf`: the complement keeps full relative precision in the lower
    /// tail (Φ(−8) ≈ 6e-16 is returned to ~1 ulp instead of rounding to 0 or to noise).
    public static func standardNormalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x * 0.70710678118654752440)
    }

    /// The standard normal upper tail Q(x) = 1 − Φ(x) = ½·erfc(x/√2), precise for large x.
    static func standardNormalUpperTail(_ x: Double) -> Double {
        0.5 * erfc(x * 0.70710678118654752440)
    }

    /// The standard normal density φ(x).
    static func standardNormalDensity(_ x: Double) -> Double {
        exp(-0.5 * x * x) * 0.39894228040143267794
    }
}
