import Foundation

/// Log-gamma and the regularised incomplete gamma functions, for the distribution functions of
/// the gamma, Erlang and Poisson distributions.
///
/// Public so that the input-modelling fits (Experiments/Fitting) and their chi-square quantiles use
/// these same functions rather than a second copy.
///
/// Why our own: Foundation has `lgamma` but on Linux it writes the global `signgam`, a data race
/// when replications run on several threads; and the incomplete gamma function is not in libm.
public enum SpecialFunctions {
    /// log Γ(x) for x > 0, by Lanczos' approximation (g = 7, 9 coefficients; relative error of
    /// Γ about 1e-15), with the reflection formula below ½.
    ///
    /// Reference: C. Lanczos, "A precision approximation of the gamma function", SIAM Journal on
    /// Numerical Analysis B 1, 86–96, 1964; coefficients as tabulated by P. Godfrey.
    public static func logGamma(_ x: Double) -> Double {
        if x < 0.5 {
            // Γ(x)Γ(1 − x) = π / sin(πx); here 0 < x < ½ so sin(πx) > 0.
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let y = x - 1
        var series = 0.99999999999980993
        series += 676.5203681218851 / (y + 1)
        series += -1259.1392167224028 / (y + 2)
        series += 771.32342877765313 / (y + 3)
        series += -176.61502916214059 / (y + 4)
        series += 12.507343278686905 / (y + 5)
        series += -0.13857109526572012 / (y + 6)
        series += 9.9843695780195716e-6 / (y + 7)
        series += 1.5056327351493116e-7 / (y + 8)
        let t = y + 7.5
        return 0.91893853320467274178 + (y + 0.5) * log(t) - t + log(series)
    }

    /// The regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), a > 0.
    ///
    /// Why two expansions: the power series Σ xⁿ/(a(a+1)…(a+n)) converges fast for x < a + 1
    /// and the continued fraction for Q = 1 − P (evaluated by the modified Lentz method)
    /// converges fast for x ≥ a + 1; each is used where the other is slow, and the complement is
    /// taken only where it does not cancel. Both follow the mathematics as presented in Press et
    /// al., *Numerical Recipes*, 3rd ed., §6.2.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        if x.isNaN || a.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        if x < a + 1 {
            return gammaSeries(a, x)
        }
        return 1 - gammaContinuedFraction(a, x)
    }

    /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), a > 0.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        if x.isNaN || a.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        if x < a + 1 {
            return 1 - gammaSeries(a, x)
        }
        return gammaContinuedFraction(a, x)
    }

    /// log of the common prefactor xᵃ·e⁻ˣ/Γ(a).
    private static func logPrefactor(_ a: Double, _ x: Double) -> Double {
        a * log(x) - x - logGamma(a)
    }

    /// P(a, x) by its series; for x < a + 1 the terms decrease after at most a few, and about
    /// 9·√a terms reach double precision even for large a.
    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        let limit = 1_000 + Int(10 * a.squareRoot())
        for _ in 0..<limit {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return Swift.min(1, sum * exp(logPrefactor(a, x)))
    }

    /// Q(a, x) by its continued fraction 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(…))),
    /// modified Lentz evaluation.
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        let limit = 1_000 + Int(10 * a.squareRoot())
        for i in 1...limit {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 4e-16 { break }
        }
        return Swift.min(1, Swift.max(0, exp(logPrefactor(a, x)) * h))
    }
}
