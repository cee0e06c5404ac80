import CompanyModel

/// The decision analysis of an experiment's branches.
extension ExperimentOutcome {
    /// The decision analysis of `metric` over every policy, from the outcome branches. Nil when
    /// the outcomes were sampled (each replication then has one outcome, and the analysis needs
    /// every outcome of every replication), or when the replications of a policy do not all
    /// have the same outcomes (rows of another run mixed in), or for a metric with no better
    /// direction.
    public func decisionAnalysis(metric: Metric = .profitEur) -> DecisionAnalysis? {
        guard settings.outcomeMode == .branches, metric.direction != .neutral, replications >= 2 else { return nil }
        var policyOutcomes: [PolicyOutcomes] = []
        let kept = comparableReplications
        guard kept.count >= 2 else { return nil }
        for (p, name) in policies.enumerated() {
            guard let first = branches[p].first else { return nil }
            let names = first.map(\.name), probabilities = first.map(\.probability)
            var outcomes = zip(names, probabilities).map { OutcomeValues(name: $0, probability: $1, values: []) }
            for replication in branches[p] {
                guard replication.map(\.name) == names, replication.map(\.probability) == probabilities else { return nil }
            }
            // The comparable replications only (`comparableReplications`: no runaway run).
            for r in kept {
                for (k, branch) in branches[p][r].enumerated() { outcomes[k].values.append(branch.result[metric]) }
            }
            guard abs(probabilities.reduce(0, +) - 1) <= DecisionAnalysis.probabilityTolerance else { return nil }
            policyOutcomes.append(PolicyOutcomes(policy: name, outcomes: outcomes))
        }
        return DecisionAnalysis(policies: policyOutcomes, confidence: settings.confidence,
                                higherIsBetter: metric.direction == .higherIsBetter)
    }
}
