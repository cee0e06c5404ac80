/// A policy against the baseline, overall and conditional on each of its outcomes.
///
/// Why conditional: "if it leaves, profit falls by …; if it stays, it rises by …" is what a
/// manager weighs, and with every outcome simulated in every replication each conditional
/// difference V[P][k][r] − B0_r is an ordinary paired sample with its own interval.
public struct PolicyDifferences: Sendable, Hashable {
    public struct Conditional: Sendable, Hashable {
        public var outcome: String
        public var probability: Double
        public var comparison: PairedComparison
    }

    public var policy: String
    /// The probability-weighted difference Σ_k p_k V[P][k][r] − B0_r.
    public var weighted: PairedComparison
    /// One per outcome of the policy, in canonical order.
    public var conditional: [Conditional]
}

extension DecisionAnalysis {
    /// The policy's differences against the baseline.
    public func differences(policy: String) -> PolicyDifferences {
        let p = policies[index(policy)]
        let base = baselineValues
        return PolicyDifferences(
            policy: p.policy,
            weighted: PairedComparison(policy: p.weightedValues, baseline: base, higherIsBetter: higherIsBetter, confidence: confidence),
            conditional: p.outcomes.map {
                .init(outcome: $0.name, probability: $0.probability,
                      comparison: PairedComparison(policy: $0.values, baseline: base, higherIsBetter: higherIsBetter, confidence: confidence))
            })
    }

    /// The differences of every studied policy (all but the baseline), in order.
    public var allDifferences: [PolicyDifferences] { policies.dropFirst().map { differences(policy: $0.policy) } }
}
