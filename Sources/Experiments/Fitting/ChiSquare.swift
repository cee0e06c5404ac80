import SimulationKernel

/// The chi-square distribution with ν degrees of freedom: CDF, upper tail and quantile.
///
/// Why from the incomplete gamma: χ²_ν is the gamma with shape ν/2 and scale 2, so
/// P(χ² ≤ x) = P(ν/2, x/2), the kernel's regularised incomplete gamma function
/// (`SpecialFunctions`), and the upper tail is Q(ν/2, x/2) computed directly, without the
/// cancellation of 1 − P for small p-values. The quantile inverts the CDF by bisection on a
/// bracket grown from [0, ν + 10√ν + 10]; the CDF is monotone, so bisection cannot fail, and
/// 200 halvings reach the spacing of doubles.
public enum ChiSquare {
    /// P(χ²_ν ≤ x).
    public static func cdf(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "chi-square needs ν > 0 (got \(nu))")
        return SpecialFunctions.regularizedGammaP(nu / 2, x / 2)
    }

    /// P(χ²_ν > x).
    public static func upperTail(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "chi-square needs ν > 0 (got \(nu))")
        return SpecialFunctions.regularizedGammaQ(nu / 2, x / 2)
    }

    /// The p-quantile, p in [0, 1): the x with P(χ²_ν ≤ x) = p.
    ///
    /// - Complexity: at most ~250 incomplete-gamma evaluations.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "chi-square needs ν > 0 (got \(nu))")
        precondition(p >= 0 && p < 1, "chi-square quantile needs p in [0, 1) (got \(p))")
        if p == 0 { return 0 }
        var low = 0.0
        var high = nu + 10 * nu.squareRoot() + 10
        while cdf(high, degreesOfFreedom: nu) < p { low = high; high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cdf(middle, degreesOfFreedom: nu) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
