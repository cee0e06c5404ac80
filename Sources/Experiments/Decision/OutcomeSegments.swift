/// A piece [lower, upper) of the client's intention u ∈ [0, 1) on which every policy's outcome
/// is fixed.
///
/// Why segments: the client's response to every policy is decided by the same uniform u
/// (comonotone coupling), so "knowing its real intention" means knowing u, and what can be known
/// is only which piece of [0, 1) it falls in — the pieces cut by the union of all policies'
/// cumulative probabilities. With P1: leaves 0.35 / reduces 0.65 and P2: leaves 0.1 / accepts
/// 0.9, the pieces are [0, 0.1), [0.1, 0.35), [0.35, 1).
public struct OutcomeSegment: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    /// For each policy (in the order given), the index of the outcome that happens on the piece.
    public var outcomeIndices: [Int]

    /// The probability that u falls in the piece.
    public var length: Double { upper - lower }
}

/// Cuts [0, 1) at the cumulative probabilities of every policy's outcomes (each list in
/// canonical order, summing to 1). Pieces of zero length (shared breakpoints, zero-probability
/// outcomes) are left out; the last cumulative probability is taken as exactly 1 so rounding
/// leaves no sliver at the end.
public func comonotoneSegments(probabilities: [[Double]]) -> [OutcomeSegment] {
    let cumulative: [[Double]] = probabilities.map { ps in
        var running = 0.0
        var c = ps.map { running += $0; return running }
        if !c.isEmpty { c[c.count - 1] = 1 }
        return c
    }
    let cuts = Set(cumulative.flatMap { $0 } + [0]).filter { $0 >= 0 && $0 <= 1 }.sorted()
    var segments: [OutcomeSegment] = []
    for (lower, upper) in zip(cuts, cuts.dropFirst()) where upper > lower {
        // The midpoint decides: outcome k is the first with u < c_k.
        let u = (lower + upper) / 2
        let indices = cumulative.map { c in c.firstIndex { u < $0 } ?? (c.count - 1) }
        segments.append(OutcomeSegment(lower: lower, upper: upper, outcomeIndices: indices))
    }
    return segments
}
