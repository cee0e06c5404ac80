/// Which outcomes of the key client's response a policy can bring: the one rule, used by the
/// engine (which branch to apply) and by the experiments (which branches to run).
extension Scenario {
    /// The outcomes of the key client's response to policy `name` that can happen (positive
    /// probability), harshest first; empty when its terms are the baseline's (the baseline
    /// itself, a policy that changes only operations, or one whose response is then unused).
    public func responseOutcomes(policy name: String) -> [KeyClientOutcome] {
        guard let policy = policies[name], let baseline = policies[self.baseline],
              policy.keyClientTerms != baseline.keyClientTerms else { return [] }
        return policy.response?.possibleOutcomes ?? []
    }
}
