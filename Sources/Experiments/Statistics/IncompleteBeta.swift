import Foundation
import SimulationKernel

/// The regularised incomplete beta function I_x(a, b), the CDF behind Student's t.
///
/// Computed from its continued fraction (modified Lentz's method), using the symmetry
/// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly — the method of
/// Press et al., *Numerical Recipes* §6.4, written from the mathematics. Accurate to about
/// 1e-14 for the parameters used here (a, b ≥ 0.5).
func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
    precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0 (got \(a), \(b))")
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    // The kernel's log-gamma, not libm's `lgamma`: that writes the global `signgam` (a data
    // race across threads on Linux), and its last bits may differ between C libraries, which
    // would move an interval's last digit from one machine to another.
    let logGamma = SpecialFunctions.logGamma
    let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x)
    let front = exp(logFront)
    if x < (a + 1) / (a + b + 2) {
        return front * betaContinuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - front * betaContinuedFraction(x: 1 - x, a: b, b: a) / b
}

private func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
        let m = Double(m), m2 = 2 * m
        var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d; if abs(d) < tiny { d = tiny }
        c = 1 + aa / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d; if abs(d) < tiny { d = tiny }
        c = 1 + aa / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15 { break }
    }
    return h
}
