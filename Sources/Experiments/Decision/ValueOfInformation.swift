/// The expected value of perfect information about the key client's response (Raiffa &
/// Schlaifer, *Applied Statistical Decision Theory*, 1961): what knowing its real intention
/// before convening it would be worth.
///
/// Why segments: the response to every policy is decided by one uniform u of the client
/// (comonotone coupling), so perfect information is knowing which piece s of [0, 1) u falls in
/// (`comonotoneSegments`); there each policy P has a fixed outcome k_P(s). Then
///
///     EVPI = Σ_s ℓ_s · max_P mean_r V[P][k_P(s)][r] − max_P mean_r Σ_k p_{P,k} V[P][k][r] ≥ 0,
///
/// with min instead of max and the sign turned for a metric where lower is better, so EVPI ≥ 0
/// either way. It is exactly 0 when one policy is best (by mean) on every piece: the information
/// would not change the choice.
///
/// The interval fixes the selected policies (P*_s per piece, P* overall) and takes the Student-t
/// interval of the per-replication e_r = Σ_s ℓ_s V[P*_s][k(s)][r] − Σ_k p_{P*,k} V[P*][k][r]
/// (negated for lower-is-better), whose mean is the estimate. Two cautions, both stated in the
/// reports: the estimate is biased upward — a maximum of noisy means overstates the maximum of
/// the true means, and the more so with few replications and policies close to each other — and
/// the interval is conditional on the selected policies, so it does not count the uncertainty of
/// the selection itself.
public struct ValueOfInformation: Sendable, Hashable {
    public struct Piece: Sendable, Hashable {
        public var segment: OutcomeSegment
        /// For each policy, the name of its outcome on this piece.
        public var outcomes: [String]
        /// For each policy, mean_r V[P][k_P(s)][r].
        public var means: [Double]
        /// The policy that is best on this piece (the first one on ties).
        public var bestPolicy: String
        var bestIndex: Int
    }

    public var pieces: [Piece]
    /// The best policy by expected value, without the information.
    public var bestPolicy: String
    /// The point estimate (≥ 0).
    public var value: Double
    /// The interval of mean(e_r); its mean equals `value`.
    public var interval: SampleSummary
    /// True when one policy is best on every piece: EVPI is exactly 0.
    public var changesNoChoice: Bool
}

extension DecisionAnalysis {
    public var valueOfInformation: ValueOfInformation {
        let n = replications
        let nd = Double(n)
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / nd }
        func best(_ means: [Double]) -> Int {
            var i = 0
            for j in means.indices where higherIsBetter ? means[j] > means[i] : means[j] < means[i] { i = j }
            return i
        }
        let weighted = policies.map(\.weightedValues)
        let overall = best(weighted.map(mean))
        let segments = comonotoneSegments(probabilities: policies.map(\.probabilities))
        let pieces = segments.map { s in
            let means = policies.indices.map { p in mean(policies[p].outcomes[s.outcomeIndices[p]].values) }
            let b = best(means)
            return ValueOfInformation.Piece(segment: s, outcomes: policies.indices.map { policies[$0].outcomes[s.outcomeIndices[$0]].name },
                                            means: means, bestPolicy: policies[b].policy, bestIndex: b)
        }
        let sign = higherIsBetter ? 1.0 : -1.0
        let same = pieces.allSatisfy { $0.bestIndex == overall }
        var e = [Double](repeating: 0, count: n)
        if !same {
            for r in 0..<n {
                var informed = 0.0
                for piece in pieces {
                    let p = piece.bestIndex
                    informed += piece.segment.length * policies[p].outcomes[piece.segment.outcomeIndices[p]].values[r]
                }
                e[r] = sign * (informed - weighted[overall][r])
            }
        }
        let summary = SampleSummary(e, confidence: confidence)
        return ValueOfInformation(pieces: pieces, bestPolicy: policies[overall].policy, value: same ? 0 : summary.mean,
                                  interval: summary, changesNoChoice: same)
    }
}
