import Foundation

/// A confidence set for a ratio of means θ = E[X]/E[Y] from paired observations, by Fieller's
/// theorem (E. C. Fieller, "Some problems in interval estimation", *J. R. Statist. Soc. B*
/// 16 (1954) 175–185).
///
/// Why Fieller and not the delta method: a break-even probability is such a ratio, and its
/// denominator can be close to 0 relative to its noise; then the ratio's distribution is far
/// from normal and the delta method's symmetric interval is wrong. Fieller's set is exact for
/// normal means and honest about it: it is the set of θ for which the paired mean of X − θY is
/// not significantly different from 0,
///
///     (x̄ − θȳ)² ≤ t² · (s_xx − 2θ s_xy + θ² s_yy) / n,   t = t(1 − α/2, n − 1),
///
/// i.e. a θ² − 2b θ + c ≤ 0 with g = t²/n, a = ȳ² − g s_yy, b = x̄ȳ − g s_xy, c = x̄² − g s_xx.
/// When ȳ is clearly non-zero (a > 0) the set is a bounded interval around x̄/ȳ; otherwise it is
/// the complement of an interval or the whole line — the data do not pin the ratio down.
public struct FiellerRatio: Sendable, Hashable {
    public enum ConfidenceSet: Sendable, Hashable {
        /// [lower, upper].
        case interval(Double, Double)
        /// (−∞, lower] ∪ [upper, ∞).
        case complement(Double, Double)
        /// [bound, ∞).
        case atLeast(Double)
        /// (−∞, bound].
        case atMost(Double)
        case wholeLine
        case empty

        public func contains(_ theta: Double) -> Bool {
            switch self {
            case .interval(let l, let u): return theta >= l && theta <= u
            case .complement(let l, let u): return theta <= l || theta >= u
            case .atLeast(let l): return theta >= l
            case .atMost(let u): return theta <= u
            case .wholeLine: return true
            case .empty: return false
            }
        }

        /// The set intersected with `range` as disjoint closed intervals (in increasing order),
        /// and whether anything of the set lay outside `range`.
        public func clipped(to range: ClosedRange<Double>) -> (pieces: [ClosedRange<Double>], wasClipped: Bool) {
            let lo = range.lowerBound, hi = range.upperBound
            func piece(_ l: Double, _ u: Double) -> [ClosedRange<Double>] {
                let a = max(l, lo), b = min(u, hi)
                return a <= b ? [a...b] : []
            }
            switch self {
            case .interval(let l, let u): return (piece(l, u), l < lo || u > hi)
            case .complement(let l, let u): return (piece(-.infinity, l) + piece(u, .infinity), true)
            case .atLeast(let l): return (piece(l, .infinity), true)
            case .atMost(let u): return (piece(-.infinity, u), true)
            case .wholeLine: return ([range], true)
            case .empty: return ([], false)
            }
        }
    }

    public var n: Int
    public var confidence: Double
    /// x̄/ȳ (±∞ or NaN when ȳ = 0).
    public var estimate: Double
    public var set: ConfidenceSet
    /// The t quantile used, t(1 − α/2, n − 1).
    public var t: Double

    /// `numerator` x_r and `denominator` y_r are paired by index; pairs with a NaN are dropped.
    /// Needs at least 2 pairs for a set (otherwise `set` is `.wholeLine`).
    public init(numerator: [Double], denominator: [Double], confidence: Double) {
        precondition(numerator.count == denominator.count, "Fieller needs paired data (\(numerator.count) vs \(denominator.count))")
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1) (got \(confidence))")
        let pairs = zip(numerator, denominator).filter { !$0.0.isNaN && !$0.1.isNaN }
        n = pairs.count
        self.confidence = confidence
        let nd = Double(n)
        let xm = pairs.reduce(0) { $0 + $1.0 } / nd
        let ym = pairs.reduce(0) { $0 + $1.1 } / nd
        estimate = n > 0 ? xm / ym : .nan
        guard n >= 2 else {
            t = .nan
            set = .wholeLine
            return
        }
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxx += (x - xm) * (x - xm)
            sxy += (x - xm) * (y - ym)
            syy += (y - ym) * (y - ym)
        }
        sxx /= nd - 1; sxy /= nd - 1; syy /= nd - 1
        t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: nd - 1)
        let g = t * t / nd
        set = Self.solve(a: ym * ym - g * syy, b: xm * ym - g * sxy, c: xm * xm - g * sxx)
    }

    /// The set {θ : aθ² − 2bθ + c ≤ 0}, with the roots computed without cancellation
    /// (one root from the larger-magnitude sum, the other from the product c/a).
    static func solve(a: Double, b: Double, c: Double) -> ConfidenceSet {
        if a == 0 {
            if b > 0 { return .atLeast(c / (2 * b)) }
            if b < 0 { return .atMost(c / (2 * b)) }
            return c <= 0 ? .wholeLine : .empty
        }
        let discriminant = b * b - a * c
        if a < 0 && discriminant <= 0 { return .wholeLine }
        // With a > 0 the set holds x̄/ȳ, so the discriminant is ≥ 0 but for rounding.
        let root = max(discriminant, 0).squareRoot()
        let s = b >= 0 ? b + root : b - root
        var r1 = s / a
        var r2 = s != 0 ? c / s : r1
        if r1 > r2 { swap(&r1, &r2) }
        return a > 0 ? .interval(r1, r2) : .complement(r1, r2)
    }
}
