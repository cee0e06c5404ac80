import Foundation
import CompanyModel

/// A Monte Carlo experiment held in memory: every policy run on the same replication seeds
/// (common random numbers), in parallel through the `ReplicationScheduler`, with an optional
/// sequential precision rule. (`run` and `sweep` go through `SweepRunner`, which writes rows
/// as they finish; this is for `breakeven`, `bench` and library users.)
///
/// ```swift
/// let settings = ExperimentSettings(scenario: scenario, jobs: 2)
/// let outcome = try Experiment.run(scenario: scenario, settings: settings)
/// outcome.comparison(policy: "standard", metric: .profitEur).differences   // mean ± half-width
/// ```
public enum Experiment {
    public enum Failure: Error, CustomStringConvertible {
        case policy(CompanySimulation.Failure)
        /// The stop request was honoured; nothing is kept.
        case interrupted

        public var description: String {
            switch self {
            case .policy(let failure): failure.description
            case .interrupted: "interrupted"
            }
        }
    }

    public static func run(scenario: Scenario, settings: ExperimentSettings,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           progress: (@Sendable (ReplicationScheduler.Progress) -> Void)? = nil) throws(Failure) -> ExperimentOutcome {
        var models: [CompanySimulation] = []
        for name in settings.policies {
            do { models.append(try CompanySimulation(scenario: scenario, policy: name)) } catch { throw .policy(error) }
        }
        let scheduler = ReplicationScheduler(jobs: settings.jobs, shouldStop: shouldStop, progress: progress)
        let start = Date()
        var results = [[ReplicationResult]](repeating: [], count: models.count)
        var branches = [[[OutcomeBranch]]](repeating: [], count: models.count)
        let allModels = models
        let (_, stop) = try PrecisionTarget.iterate(initial: settings.replications, target: settings.precision) {
            (planned: Int) throws(Failure) -> ExperimentOutcome in
            // Tasks run replication by replication, every policy in turn.
            let first = results[0].count
            let count = (planned - first) * allModels.count
            var batch = [[OutcomeBranch]?](repeating: nil, count: count)
            let finished = scheduler.run(count: count, alreadyDone: first * allModels.count, planned: planned * allModels.count,
                                         work: { index, stop in
                                             allModels[index % allModels.count].branches(replication: first + index / allModels.count,
                                                                                         seed: settings.seed, timeseries: settings.timeseries,
                                                                                         mode: settings.outcomeMode, shouldStop: stop)
                                         },
                                         sink: { index, result in batch[index] = result; return true })
            guard finished == count else { throw .interrupted }
            for (index, branch) in batch.enumerated() {
                results[index % allModels.count].append(OutcomeBranch.weighted(branch!))
                branches[index % allModels.count].append(branch!)
            }
            return ExperimentOutcome(scenario: scenario, settings: settings, results: results, branches: branches,
                                     stop: .replicationCount, wallSeconds: 0)
        }
        return ExperimentOutcome(scenario: scenario, settings: settings, results: results, branches: branches, stop: stop,
                                 wallSeconds: Date().timeIntervalSince(start))
    }

    public enum StopReason: String, Sendable {
        case replicationCount = "replication count"
        case precisionReached = "precision reached"
        case maximumReached = "maximum replications reached before the precision target"
    }
}

extension PrecisionTarget {
    /// The sequential rule, shared by every experiment: `batch(planned)` makes replications
    /// `0..<planned` of every policy available and returns their outcome; then the target is
    /// tested, and if unmet another batch is asked for — half again as many, at least 10,
    /// never past the cap. Deterministic: the same results ask for the same batches, so a
    /// resumed run repeats the uninterrupted one's decisions.
    ///
    /// Without a target, one batch of `initial`.
    static func iterate<E: Error>(initial: Int, target: PrecisionTarget?,
                                  batch: (Int) throws(E) -> ExperimentOutcome) throws(E) -> (ExperimentOutcome, Experiment.StopReason) {
        var planned = initial
        while true {
            let outcome = try batch(planned)
            guard let target else { return (outcome, .replicationCount) }
            if outcome.meetsPrecision(target) { return (outcome, .precisionReached) }
            if planned >= target.maxReplications { return (outcome, .maximumReached) }
            planned = min(target.maxReplications, planned + max(10, planned / 2))
        }
    }
}
