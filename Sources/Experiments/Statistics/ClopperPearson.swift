/// The Clopper–Pearson ("exact") interval for a binomial proportion: k successes in n trials.
///
/// Why this interval: the probability of doing worse than the baseline is often near 0 or 1
/// on a few dozen replications, where the t interval collapses to a point and the normal
/// approximation leaves [0, 1]; Clopper–Pearson keeps its coverage of at least the nominal
/// level for every p (Clopper & Pearson 1934; Brown, Cai & DasGupta 2001, Stat. Sci. 16:101).
///
/// The bounds are the quantiles of beta distributions, lower = B⁻¹(α/2; k, n − k + 1) and
/// upper = B⁻¹(1 − α/2; k + 1, n − k), found by bisection on the regularised incomplete beta
/// function (monotone in x), to 1e-12. k may be fractional (a weighted count, `PolicyRisk`):
/// the same formulas, with 0 and n keeping their closed forms.
public func clopperPearson(successes k: Double, trials n: Int, confidence: Double) -> (lower: Double, upper: Double) {
    guard n > 0, k >= 0, k <= Double(n) else { return (.nan, .nan) }
    let alpha = 1 - confidence
    let nd = Double(n)
    let lower = k <= 0 ? 0 : betaQuantile(alpha / 2, a: k, b: nd - k + 1)
    let upper = k >= nd ? 1 : betaQuantile(1 - alpha / 2, a: k + 1, b: nd - k)
    return (lower, upper)
}

/// The x in [0, 1] where the regularised incomplete beta I_x(a, b) equals `p`, by bisection.
func betaQuantile(_ p: Double, a: Double, b: Double) -> Double {
    var low = 0.0, high = 1.0
    for _ in 0..<200 {
        let mid = (low + high) / 2
        if regularizedIncompleteBeta(x: mid, a: a, b: b) < p { low = mid } else { high = mid }
        if high - low < 1e-12 { break }
    }
    return (low + high) / 2
}
