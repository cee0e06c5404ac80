/// The p-quantile of a sample by linear interpolation between order statistics — Hyndman and
/// Fan's (1996) definition 7, the default of R and NumPy, so users can check our numbers in
/// their own tools: with the sorted sample x₁ ≤ … ≤ xₙ, h = (n − 1)p, the quantile is
/// x_{⌊h⌋+1} + (h − ⌊h⌋)(x_{⌊h⌋+2} − x_{⌊h⌋+1}). NaN values are skipped; an empty sample
/// gives NaN.
public func percentile(_ values: [Double], _ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "percentile needs p in [0, 1] (got \(p))")
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * p
    let below = Int(h.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
}
