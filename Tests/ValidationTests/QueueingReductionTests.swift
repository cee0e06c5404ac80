import Foundation
import Testing
import CompanyModel
import Experiments
import SimulationKernel

/// The company model, configured by the files in `scenarios/validation/` (continuous calendar,
/// no stress, hazards, churn or overtime), must reproduce textbook queueing results.
///
/// Method: 20 independent replications per file give a Student-t interval for each mean; the
/// theoretical value must lie inside it. There are `assertions` such checks in this suite, so
/// each interval is built at confidence 1 − 0.01/assertions (Bonferroni): a correct model
/// fails the suite for at most 1 seed in 100. The seeds are fixed, so the outcome is
/// deterministic; it changes only if the model's behaviour does. A second guard requires the
/// interval to be narrower than 25 % of the value, so a wide interval cannot pass vacuously.
/// Horizons are shortened from the files' (debug builds are slow); `bigclient validate` runs
/// the full ones.
@Suite("Model against queueing theory")
struct QueueingReductionTests {
    static let replications = 20
    static let assertions = 14
    static let confidence = 1 - 0.01 / Double(assertions)

    static func scenario(_ file: String, horizonHours: Double) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var s = try ScenarioReader.load(contentsOf: root.appendingPathComponent("scenarios/validation/\(file)").path)
        s.simulation.horizonDays = horizonHours / 24
        s.simulation.warmupDays = horizonHours / 24 / 10
        s.simulation.decisionDay = nil
        return s
    }

    static func summaries(_ scenario: Scenario, _ metrics: [Metric], seed: UInt64) throws -> [SampleSummary] {
        let model = try CompanySimulation(scenario: scenario, policy: scenario.baseline)
        let runs = (0..<replications).map { model.run(replication: $0, seed: seed) }
        for run in runs { #expect(run.status == .ok) }
        return metrics.map { metric in SampleSummary(runs.map { $0[metric] }, confidence: confidence) }
    }

    static func check(_ summary: SampleSummary, theory: Double, _ label: String) {
        #expect(summary.contains(theory), "\(label): simulated \(summary.mean) ± \(summary.halfWidth), theory \(theory)")
        #expect(summary.halfWidth < 0.25 * theory, "\(label): interval ± \(summary.halfWidth) too wide to test anything")
    }

    @Test("M/M/3 FIFO: both classes wait as Erlang C says (Wq = 0.4444 h)")
    func mmcFIFO() throws {
        let s = try Self.scenario("mmc-fifo.json5", horizonHours: 2_500)
        let theory = QueueingTheory.mmcWait(servers: 3, arrivalRate: 2, serviceRate: 1)
        let waits = try Self.summaries(s, [.keyMeanWaitHours, .otherMeanWaitHours], seed: 101)
        Self.check(waits[0], theory: theory, "key wait")
        Self.check(waits[1], theory: theory, "other wait")
    }

    @Test("M/M/8 with two non-preemptive priority classes: each class's wait")
    func mmcPriority() throws {
        let s = try Self.scenario("mmc-priority.json5", horizonHours: 24 * 400)
        let theory = QueueingTheory.mmcPriorityWaits(servers: 8, arrivalRates: [2.0 / 24, 4.0 / 24], serviceRate: 1.0 / 24)
        let waits = try Self.summaries(s, [.keyMeanWaitHours, .otherMeanWaitHours], seed: 102)
        Self.check(waits[0], theory: theory[0], "key wait")
        Self.check(waits[1], theory: theory[1], "other wait")
    }

    @Test("M/M/1 non-preemptive priority (Cobham): Wq = 1.1429 h and 5.7143 h")
    func mm1Priority() throws {
        let s = try Self.scenario("mm1-priority.json5", horizonHours: 4_000)
        let classes = [QueueingTheory.PriorityClass(arrivalRate: 0.3, meanService: 1, secondMomentService: 2),
                       QueueingTheory.PriorityClass(arrivalRate: 0.5, meanService: 1, secondMomentService: 2)]
        let theory = QueueingTheory.mg1NonPreemptiveWaits(classes)
        let waits = try Self.summaries(s, [.keyMeanWaitHours, .otherMeanWaitHours], seed: 103)
        Self.check(waits[0], theory: theory[0], "key wait")
        Self.check(waits[1], theory: theory[1], "other wait")
    }

    @Test("M/M/1 preemptive-resume priority: time in system 1.4286 h and 7.1429 h")
    func mm1Preemptive() throws {
        let s = try Self.scenario("mm1-preemptive.json5", horizonHours: 4_000)
        let classes = [QueueingTheory.PriorityClass(arrivalRate: 0.3, meanService: 1, secondMomentService: 2),
                       QueueingTheory.PriorityClass(arrivalRate: 0.5, meanService: 1, secondMomentService: 2)]
        let theory = QueueingTheory.mg1PreemptiveResumeSojourns(classes)
        let flows = try Self.summaries(s, [.keyMeanFlowHours, .otherMeanFlowHours], seed: 104)
        Self.check(flows[0], theory: theory[0], "key time in system")
        Self.check(flows[1], theory: theory[1], "other time in system")
    }

    @Test("M/D/1, M/E2/1 and M/G/1 with lognormal work: Pollaczek–Khinchine", arguments: [
        ("md1.json5", 1.0), ("mg1-erlang2.json5", 1.5), ("mg1-lognormal.json5", 2.0),
    ])
    func pollaczekKhinchine(file: String, secondMoment: Double) throws {
        let s = try Self.scenario(file, horizonHours: 4_000)
        let theory = QueueingTheory.pollaczekKhinchineWait(arrivalRate: 0.8, meanService: 1, secondMomentService: secondMoment)
        let waits = try Self.summaries(s, [.keyMeanWaitHours, .otherMeanWaitHours], seed: 105)
        // Both classes are served FIFO together, so either class's mean wait estimates Wq; the
        // pooled check uses the regular class (three times the key client's volume).
        Self.check(waits[1], theory: theory, "\(file) wait")
    }

    @Test("Little's law: time-average orders in system = throughput rate × mean time in system")
    func littlesLaw() throws {
        let s = try Self.scenario("mmc-fifo.json5", horizonHours: 2_500)
        let model = try CompanySimulation(scenario: s, policy: s.baseline)
        for replication in 0..<5 {
            let r = model.run(replication: replication, seed: 106)
            let window = (s.simulation.horizonDays - s.simulation.effectiveDecisionDay) * 24
            let flow = (r[.keyMeanFlowHours] * 0.25 + r[.otherMeanFlowHours] * 0.75)
            let lambdaW = r[.throughputOrders] / window * flow
            // Edge effects (orders present at the window's ends) are O(1/throughput): < 2 %.
            #expect(abs(r[.meanBacklogOrders] - lambdaW) / lambdaW < 0.02, "L = \(r[.meanBacklogOrders]), λW = \(lambdaW)")
        }
    }
}
