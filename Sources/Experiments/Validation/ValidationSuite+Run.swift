import Foundation
import CompanyModel

extension ValidationSuite {
    /// Runs `replications` independent replications of every case (baseline policy, master
    /// seed `seed`, replications 0…n−1, on `jobs` threads; the numbers do not depend on `jobs`)
    /// and compares each check's mean with its theory.
    ///
    /// Bonferroni: with k checks in all, each interval is built at confidence 1 − α/k, so the
    /// probability that a correct model fails at least one check is at most α. The correction
    /// holds whatever the dependence between checks (several come from the same replications,
    /// and the cases share the seed).
    ///
    /// - Precondition: `replications ≥ 2`, 0 < α < 1, and each case's baseline policy exists.
    /// - Returns: nil when `shouldStop` asked to stop (a check needs all its replications).
    public static func run(_ cases: [ValidationCase], replications: Int = defaultReplications, seed: UInt64 = 1,
                           jobs: Int = ProcessInfo.processInfo.activeProcessorCount, alpha: Double = defaultAlpha,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           progress: (@Sendable (ReplicationScheduler.Progress) -> Void)? = nil) -> ValidationReport? {
        precondition(replications >= 2, "validation needs at least 2 replications for an interval")
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        let models = cases.map { c -> CompanySimulation in
            guard let model = try? CompanySimulation(scenario: c.scenario, policy: c.scenario.baseline) else {
                preconditionFailure("validation case \(c.name): baseline policy '\(c.scenario.baseline)' missing")
            }
            return model
        }
        // Task i: replication i mod n of case i div n.
        let count = cases.count * replications
        let start = Date()
        var outputs = [ReplicationResult?](repeating: nil, count: count)
        let scheduler = ReplicationScheduler(jobs: jobs, shouldStop: shouldStop, progress: progress)
        let finished = scheduler.run(count: count, work: { index, stop in
            models[index / replications].run(replication: index % replications, seed: seed, timeseries: false, shouldStop: stop)
        }, sink: { index, result in outputs[index] = result; return true })
        guard finished == count else { return nil }
        let seconds = Date().timeIntervalSince(start)

        let k = cases.reduce(0) { $0 + $1.checks.count }
        let confidence = 1 - alpha / Double(max(k, 1))
        var results: [ValidationResult] = []
        var events = 0.0
        for (c, validationCase) in cases.enumerated() {
            let runs = outputs[(c * replications)..<((c + 1) * replications)].map { $0! }
            events += runs.reduce(0) { $0 + $1[.events] }
            let runaways = runs.filter { $0.status != .ok }.count
            for check in validationCase.checks {
                let values = runs.map { check.observable.value(in: $0) }
                results.append(ValidationResult(caseName: validationCase.name, check: check,
                                                summary: SampleSummary(values, confidence: confidence), runaways: runaways))
            }
        }
        return ValidationReport(cases: cases.map { ($0.name, $0.model, $0.source) }, results: results, alpha: alpha,
                                replications: replications, seed: seed, events: events, wallSeconds: seconds)
    }
}
