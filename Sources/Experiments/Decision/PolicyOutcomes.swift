/// One outcome of the key client's response under a policy: its declared probability and the
/// metric's value in every replication, simulated on the same random streams as every other
/// outcome and policy (outcome branches, DESIGN.md §4).
///
/// Why per outcome and not already weighted: the values conditional on each outcome are what
/// make the decision analysis possible at all — "if it leaves …", break-even probabilities and
/// the value of knowing the response all come from them without new simulation.
public struct OutcomeValues: Sendable, Hashable {
    public var name: String
    public var probability: Double
    /// Index r is replication r, the same r for every outcome and policy.
    public var values: [Double]

    public init(name: String, probability: Double, values: [Double]) {
        self.name = name
        self.probability = probability
        self.values = values
    }
}

/// A policy's outcomes in canonical order, harshest first, with probabilities summing to 1.
///
/// The order matters: the client's response is drawn from one uniform u shared by all
/// policies, and outcome k happens when u falls in [c_{k−1}, c_k) of the cumulative
/// probabilities, so listing every policy's outcomes harshest first couples them comonotonically
/// (a client that would leave under mild terms would also leave under harsh ones).
public struct PolicyOutcomes: Sendable, Hashable {
    public var policy: String
    public var outcomes: [OutcomeValues]

    public init(policy: String, outcomes: [OutcomeValues]) {
        self.policy = policy
        self.outcomes = outcomes
    }

    /// Number of replications (every outcome has the same count; checked by `DecisionAnalysis`).
    public var replications: Int { outcomes.first?.values.count ?? 0 }

    public var probabilities: [Double] { outcomes.map(\.probability) }

    /// The replication's value of the policy, Σ_k p_k V[k][r]: the conditional Monte Carlo
    /// estimate, unbiased for the policy's expected value with the coin flip's variance removed.
    public var weightedValues: [Double] {
        (0..<replications).map { r in outcomes.reduce(0.0) { $0 + $1.probability * $1.values[r] } }
    }

    /// Index of the outcome named `name`, if any.
    public func outcomeIndex(_ name: String) -> Int? { outcomes.firstIndex { $0.name == name } }
}
