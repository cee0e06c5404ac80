import Foundation
import CompanyModel

/// A Monte Carlo experiment: every policy run on the same replication seeds (common random
/// numbers), in parallel, with an optional sequential precision rule.
///
/// ```swift
/// let settings = ExperimentSettings(scenario: scenario, jobs: 2)
/// let outcome = try Experiment.run(scenario: scenario, settings: settings)
/// outcome.comparison(policy: "standard", metric: .profitEur).differences   // mean ± half-width
/// ```
public enum Experiment {
    /// Progress of a running experiment, for a progress line.
    public struct Progress: Sendable {
        public var replicationsDone: Int
        public var replicationsPlanned: Int
        public var seconds: Double
    }

    public static func run(scenario: Scenario, settings: ExperimentSettings,
                           progress: (@Sendable (Progress) -> Void)? = nil) throws(CompanySimulation.Failure) -> ExperimentOutcome {
        var models: [CompanySimulation] = []
        for name in settings.policies { models.append(try CompanySimulation(scenario: scenario, policy: name)) }
        let runner = ParallelReplications(models: models, seed: settings.seed, timeseries: settings.timeseries)
        let start = Date()
        var results = [[ReplicationResult]](repeating: [], count: models.count)
        var planned = settings.replications
        var stop = StopReason.replicationCount

        while true {
            let first = results[0].count
            let tasks = (first..<planned).flatMap { r in models.indices.map { ParallelReplications.Task(policy: $0, replication: r) } }
            let before = first * models.count
            let total = planned * models.count
            let batch = runner.run(tasks, jobs: settings.jobs) { done in
                progress?(Progress(replicationsDone: before + done, replicationsPlanned: total, seconds: Date().timeIntervalSince(start)))
            }
            for (task, result) in zip(tasks, batch) { results[task.policy].append(result) }

            guard let target = settings.precision else { break }
            let outcome = ExperimentOutcome(scenario: scenario, settings: settings, results: results, stop: stop, wallSeconds: 0)
            if outcome.meetsPrecision(target) { stop = .precisionReached; break }
            if planned >= target.maxReplications { stop = .maximumReached; break }
            // Deterministic batches: half again as many, at least 10, never past the cap.
            planned = min(target.maxReplications, planned + max(10, planned / 2))
        }
        return ExperimentOutcome(scenario: scenario, settings: settings, results: results, stop: stop,
                                 wallSeconds: Date().timeIntervalSince(start))
    }

    public enum StopReason: String, Sendable {
        case replicationCount = "replication count"
        case precisionReached = "precision reached"
        case maximumReached = "maximum replications reached before the precision target"
    }
}
