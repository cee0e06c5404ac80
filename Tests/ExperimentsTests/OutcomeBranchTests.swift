import Foundation
import Testing
import CompanyModel
import Experiments

/// Outcome branches (conditional Monte Carlo): every outcome of the key client's response is
/// simulated on the replication's streams, and the replication's value is their
/// probability-weighted mean. These tests check the three things that make that sound: the
/// branches share their history, each branch is a run that sampling could have produced, and
/// the weighted mean estimates what sampling estimates.
@Suite("Outcome branches")
struct OutcomeBranchTests {
    /// The default company and policies (indulge; standard, to which the key client responds
    /// "leaves" 0.35 / "reducesVolume" 0.65), shortened for debug builds.
    static func scenario(response: String? = nil) throws -> Scenario {
        var text = "{ simulation: { horizonDays: 200, warmupDays: 50, replications: 10 }"
        if let response {
            text += """
            , policies: { indulge: { keyClientTerms: { priority: "preemptive", acceptRush: true, discount: 0.15,
                meetingManagerHours: 3, meetingTechnicianHours: 1 }, overtimeTrigger: "keyAtRisk", restDayOvertime: true },
              standard: { discipline: "edd", overtimeTrigger: "backlog", response: \(response) } }, baseline: "indulge"
            """
        }
        return try ScenarioReader.read(text: text + " }", fileName: "branches.json5")
    }

    @Test("the branches of a replication share the history before the decision day, and the baseline's")
    func sharedHistory() throws {
        let s = try Self.scenario()
        let standard = try CompanySimulation(scenario: s, policy: "standard")
        let baseline = try CompanySimulation(scenario: s, policy: "indulge")
        let decisionHours = s.simulation.effectiveDecisionDay * 24
        func history(_ log: [TraceRecord]) -> [TraceRecord] { log.filter { $0.timeHours < decisionHours } }
        #expect(standard.outcomes.map(\.name) == ["leaves", "reducesVolume"])
        let reference = history(baseline.trace(replication: 3).log)
        #expect(reference.count > 500)
        for k in standard.outcomes.indices {
            let log = standard.trace(replication: 3, outcome: k).log
            #expect(history(log) == reference)
            // After the decision the branches part: the response is the first thing that differs.
            #expect(log.count != reference.count)
        }
        let leaves = standard.trace(replication: 3, outcome: 0).log
        #expect(leaves.contains { if case .clientLost(.respondedToTerms) = $0.kind { true } else { false } })
        let stays = standard.trace(replication: 3, outcome: 1).log
        #expect(stays.contains { if case .keyClientResponds(outcome: "reducesVolume", _, _) = $0.kind { true } else { false } })
    }

    @Test("a sampled run is exactly the branch of the outcome the client drew")
    func sampledRunIsABranch() throws {
        let s = try Self.scenario()
        let standard = try CompanySimulation(scenario: s, policy: "standard")
        var drawn = Set<Int>()
        for r in 0..<8 {
            let sampled = standard.run(replication: r)
            let k = try #require(sampled.outcome)
            drawn.insert(k)
            let branch = standard.run(replication: r, outcome: k)
            // Bit for bit (an undefined metric is NaN in both, and NaN ≠ NaN).
            #expect(branch.values.map(\.bitPattern) == sampled.values.map(\.bitPattern))
            #expect(branch.status == sampled.status && branch.outcome == sampled.outcome)
        }
        // With p = 0.35 the chance that 8 draws all give one outcome is 0.35⁸ + 0.65⁸ < 0.033;
        // the seed is fixed, so this checks that both branches were met.
        #expect(drawn == [0, 1])
    }

    @Test("the branch-weighted mean estimates what sampling estimates (paired, n = 40, 99.9 % band)")
    func unbiased() throws {
        let s = try Self.scenario()
        let n = 40
        let branched = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: n, jobs: 2))
        let sampled = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: n, jobs: 2,
                                                                                    outcomeMode: .sampled))
        // The baseline runs alike in both modes.
        #expect(branched.values(policy: 0, metric: .profitEur) == sampled.values(policy: 0, metric: .profitEur))
        // Per replication, e = sampled − weighted has mean 0 exactly when the weighting is the
        // response's distribution (the sampled value is one branch, drawn with its probability).
        // |ē| ≤ t(0.9995, n − 1) · s/√n fails with probability 0.001 under that hypothesis.
        let e = zip(sampled.values(policy: 1, metric: .profitEur), branched.values(policy: 1, metric: .profitEur)).map { $0 - $1 }
        let summary = SampleSummary(e, confidence: 0.999)
        #expect(summary.standardDeviation > 0)
        #expect(abs(summary.mean) <= summary.halfWidth)
        // And the branches are what was weighted: Σ p_k v_k, for every metric and replication.
        for (r, branches) in branched.branches[1].enumerated() {
            #expect(abs(branches.map(\.probability).reduce(0, +) - 1) < 1e-12)
            for metric in [Metric.profitEur, .overtimeHours, .keyClientLost] {
                let weighted = branches.reduce(0) { $0 + $1.probability * $1.result[metric] }
                #expect(abs(weighted - branched.results[1][r][metric]) <= 1e-9 * max(1, abs(weighted)))
            }
        }
    }

    @Test("with probability 1 on one outcome, branches and sampling write identical files")
    func certainOutcomeGivesIdenticalFiles() throws {
        let s = try Self.scenario(response: "{ accepts: { probability: 1, abuseFactor: 0.5 } }")
        let a = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 6, jobs: 2, timeseries: true))
        let b = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 6, jobs: 1, timeseries: true,
                                                                              outcomeMode: .sampled))
        let x = ExperimentTests.tables(a), y = ExperimentTests.tables(b)
        #expect(x.replicationsCSV == y.replicationsCSV)
        #expect(x.outcomesCSV(shouldStop: { false }) == y.outcomesCSV(shouldStop: { false }))
        #expect(x.timeseriesCSV == y.timeseriesCSV)
        #expect(x.outcomesCSV(shouldStop: { false })!.contains(",standard,0,accepts,1,"))
    }

    @Test("outcomes.csv: per (policy, replication) the probabilities sum to 1 and weight up to replications.csv")
    func outcomesFileAgreesWithReplications() throws {
        let s = try Self.scenario(response: "{ leaves: { probability: 0.2 }, leavesLater: { probability: 0.3, months: 2 }, accepts: { probability: 0.5, abuseFactor: 0.3 } }")
        let outcome = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 5, jobs: 2))
        let tables = ExperimentTests.tables(outcome)
        let outcomes = try CSVReader.records(Array(tables.outcomesCSV(shouldStop: { false })!.utf8)).records
        let replications = try CSVReader.records(Array(tables.replicationsCSV.utf8)).records
        let header = outcomes[0], repHeader = replications[0]
        let profit = header.firstIndex(of: "profit_eur")!, repProfit = repHeader.firstIndex(of: "profit_eur")!
        var sums: [String: (probability: Double, profit: Double)] = [:]
        var names: Set<String> = []
        for row in outcomes.dropFirst() {
            let key = row[1] + "/" + row[2]
            let p = Double(row[4])!
            names.insert(row[3])
            sums[key, default: (0, 0)].probability += p
            sums[key, default: (0, 0)].profit += p * Double(row[profit])!
        }
        #expect(names == ["status-quo", "leaves", "leavesLater", "accepts"])
        #expect(sums.count == replications.count - 1)
        for row in replications.dropFirst() {
            let sum = try #require(sums[row[1] + "/" + row[2]])
            #expect(abs(sum.probability - 1) < 1e-12)
            let written = Double(row[repProfit])!
            #expect(abs(sum.profit - written) <= 1e-9 * max(1, abs(written)))
        }
    }

    @Test("leavesLater: the key client leaves the stated months after the decision, not before")
    func leavesLater() throws {
        let s = try Self.scenario(response: "{ leavesLater: { probability: 1, months: 3 } }")
        let standard = try CompanySimulation(scenario: s, policy: "standard")
        let log = standard.trace(replication: 0).log
        let decision = s.simulation.effectiveDecisionDay * 24
        let left = log.filter { if case .clientLost(.respondedToTerms) = $0.kind { true } else { false } }
        #expect(left.count == 1)
        let expected = decision + 3 * 365 * 24 / 12
        #expect(abs((left.first?.timeHours ?? 0) - expected) < 1e-6)
    }
}
