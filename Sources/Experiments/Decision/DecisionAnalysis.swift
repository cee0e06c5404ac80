/// The decision analysis of one metric over policies whose key-client response has a discrete
/// distribution of outcomes, every outcome simulated in every replication on common random
/// numbers (DESIGN.md §4, STATISTICS.md "Decision analysis").
///
/// Why one type: the conditional differences, the break-even probabilities and the value of
/// information all read the same table V[policy][outcome][replication]; checking it once here
/// (counts, probabilities, undefined values) lets each piece stay a few lines of mathematics.
///
/// Policy 0 is the baseline. Differences are "policy − baseline", paired by replication, against
/// the baseline's replication value Σ_k p_k V[0][k][r] (the baseline normally has one outcome,
/// 'status-quo', with probability 1). Only complete replications are used — those in which every
/// value of every outcome of every policy is defined — so that all results read the same pairs;
/// `droppedReplications` says how many were left out.
public struct DecisionAnalysis: Sendable {
    public let policies: [PolicyOutcomes]
    public let confidence: Double
    public let higherIsBetter: Bool
    public let droppedReplications: Int

    /// Probabilities may miss 1 by this much (they come from a scenario file's decimals).
    static let probabilityTolerance = 1e-9

    public init(policies: [PolicyOutcomes], confidence: Double, higherIsBetter: Bool = true) {
        precondition(!policies.isEmpty, "decision analysis needs at least the baseline")
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1) (got \(confidence))")
        let n = policies[0].replications
        for p in policies {
            precondition(!p.outcomes.isEmpty, "policy '\(p.policy)' has no outcome")
            for o in p.outcomes {
                precondition(o.values.count == n, "outcome '\(o.name)' of '\(p.policy)' has \(o.values.count) replications, expected \(n)")
                precondition(o.probability >= 0 && o.probability <= 1, "outcome '\(o.name)' of '\(p.policy)' has probability \(o.probability)")
            }
            let total = p.outcomes.reduce(0) { $0 + $1.probability }
            precondition(abs(total - 1) <= Self.probabilityTolerance, "the outcome probabilities of '\(p.policy)' sum to \(total), not 1")
        }
        let complete = (0..<n).filter { r in policies.allSatisfy { p in p.outcomes.allSatisfy { !$0.values[r].isNaN } } }
        droppedReplications = n - complete.count
        self.policies = complete.count == n ? policies : policies.map { p in
            PolicyOutcomes(policy: p.policy, outcomes: p.outcomes.map { o in
                OutcomeValues(name: o.name, probability: o.probability, values: complete.map { o.values[$0] })
            })
        }
        self.confidence = confidence
        self.higherIsBetter = higherIsBetter
    }

    public var baseline: PolicyOutcomes { policies[0] }
    /// Complete replications used.
    public var replications: Int { baseline.replications }

    public func policyIndex(_ name: String) -> Int? { policies.firstIndex { $0.policy == name } }

    func index(_ name: String) -> Int {
        guard let i = policyIndex(name) else { preconditionFailure("no policy '\(name)' in the decision analysis") }
        return i
    }

    func outcome(_ name: String, of p: Int) -> Int {
        guard let k = policies[p].outcomeIndex(name) else { preconditionFailure("policy '\(policies[p].policy)' has no outcome '\(name)'") }
        return k
    }

    /// The baseline's replication values B0_r.
    var baselineValues: [Double] { baseline.weightedValues }

    /// The policy's expected value: the mean and interval of its replication values Σ_k p_k V[k][r].
    public func expectedValue(policy: String) -> SampleSummary {
        SampleSummary(policies[index(policy)].weightedValues, confidence: confidence)
    }
}
