import Foundation

/// Student's t distribution: the CDF and its inverse, for confidence intervals on means.
///
/// F(t; ν) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (symmetric for t < 0). The quantile inverts
/// it by bisection to full double precision, which is plenty fast for the handful of quantiles
/// a report needs. Checked against the published values t(0.975, 9) = 2.262157,
/// t(0.975, 19) = 2.093024, t(0.995, 19) = 2.860935.
public enum StudentT {
    /// P(T ≤ t) for T with `degreesOfFreedom` ν > 0.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student t needs ν > 0 (got \(nu))")
        if t.isNaN { return .nan }
        let tail = 0.5 * regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The p-quantile: the t with P(T ≤ t) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1 && nu > 0, "Student t quantile needs 0 < p < 1 and ν > 0 (got p = \(p), ν = \(nu))")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        var low = 0.0, high = 1.0
        while cdf(high, degreesOfFreedom: nu) < p { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            if cdf(mid, degreesOfFreedom: nu) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
