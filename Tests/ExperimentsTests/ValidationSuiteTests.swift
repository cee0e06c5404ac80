import Foundation
import Testing
import CompanyModel
import Experiments
import SimulationKernel

/// `ValidationSuite`, the logic of `bigclient validate`: it passes on the shipped validation
/// scenarios, fails when a theoretical value is wrong, and derives its theory correctly.
///
/// Horizons are scaled down (debug builds are slow); the intervals are wider, but they are
/// still Bonferroni intervals at 1 − 0.01/k, so a correct model fails at most 1 seed in 100;
/// the seeds are fixed, so the outcome is deterministic.
@Suite("Validation suite (bigclient validate)")
struct ValidationSuiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("scenarios/validation").path

    @Test("the shipped validation scenarios pass every check (10 replications, horizons × 0.1)")
    func shippedCasesPass() throws {
        let cases = try ValidationSuite.standardCases(directory: Self.directory, horizonScale: 0.1)
        #expect(cases.count == 9, "7 files + churn + sick leave")
        let report = try #require(ValidationSuite.run(cases, replications: 10, seed: 1, jobs: 2))
        #expect(report.checkCount == cases.reduce(0) { $0 + $1.checks.count })
        #expect(report.checkCount >= 50)
        #expect(abs(report.perCheckConfidence - (1 - 0.01 / Double(report.checkCount))) < 1e-15)
        for result in report.results {
            #expect(result.summary.confidence == report.perCheckConfidence)
            #expect(result.summary.n == 10, "\(result.caseName) \(result.check.quantity): every replication defined")
            #expect(result.passed, "\(result.caseName) \(result.check.quantity): \(result.summary.mean) ± \(result.summary.halfWidth), theory \(result.check.theory)")
        }
        #expect(report.passed && !report.failed)
        let text = report.render()
        #expect(text.contains("Bonferroni over all k = \(report.checkCount) checks"))
        #expect(text.contains("Result: PASS"))
        #expect(!text.contains("FAIL"))
    }

    @Test("a deliberately wrong theoretical value makes the validation fail")
    func wrongTheoryFails() throws {
        var cases = try ValidationSuite.standardCases(directory: Self.directory, horizonScale: 0.1)
            .filter { $0.name == "mm1-priority" || $0.name == "churn" }
        #expect(cases.count == 2)
        let index = try #require(cases[0].checks.firstIndex { $0.quantity == "key wait Wq (h)" })
        cases[0].checks[index].theory *= 1.5          // 1.714 h instead of Cobham's 1.142857 h
        cases[1].checks[0].theory += 40               // 40 more clients lost than the geometric law says
        let report = try #require(ValidationSuite.run(cases, replications: 10, seed: 1, jobs: 2))
        #expect(report.failed && !report.passed)
        let failed = report.failures.map { "\($0.caseName): \($0.check.quantity)" }
        #expect(failed == ["mm1-priority: key wait Wq (h)", "churn: clients lost of 201"], "\(failed)")
        let text = report.render()
        #expect(text.contains("FAIL"))
        #expect(text.contains("Result: FAIL — 2 of \(report.checkCount) checks"))
    }

    @Test("the theory derived from each file equals the textbook value its comments state")
    func theoryMatchesTheFiles() throws {
        let cases = try ValidationSuite.standardCases(directory: Self.directory)
        func theory(_ name: String, _ quantity: String) throws -> Double {
            let c = try #require(cases.first { $0.name == name }, "\(name)")
            return try #require(c.checks.first { $0.quantity == quantity }, "\(name) \(quantity)").theory
        }
        // Published values (STATISTICS.md, the files' headers), to 6 decimals.
        let expected: [(String, String, Double)] = [
            ("mmc-fifo", "key wait Wq (h)", 0.444444), ("mmc-fifo", "mean number in system L", 2.888889),
            ("mmc-priority", "key wait Wq (h)", 1.427924), ("mmc-priority", "other wait Wq (h)", 5.711697),
            ("mmc-priority", "mean number in system L", 7.070943),
            ("mm1-priority", "key wait Wq (h)", 1.142857), ("mm1-priority", "other wait Wq (h)", 5.714286),
            ("mm1-preemptive", "key wait Wq (h)", 0.428571), ("mm1-preemptive", "key time in system T (h)", 1.428571),
            ("mm1-preemptive", "other time in system T (h)", 7.142857), ("mm1-preemptive", "mean number in system L", 4.0),
            ("md1", "other wait Wq (h)", 2.0), ("mg1-erlang2", "other wait Wq (h)", 3.0), ("mg1-lognormal", "other wait Wq (h)", 4.0),
            ("mg1-lognormal", "mean number in system L", 4.0),
        ]
        for (name, quantity, value) in expected {
            #expect(abs(try theory(name, quantity) - value) < 1e-6, "\(name) \(quantity)")
        }
        // Deliveries: λ × window hours (md1: 0.8/h over 1,800 days).
        #expect(abs(try theory("md1", "deliveries in window") - 0.8 * 1_800 * 24) < 1e-6)
        let models = Dictionary(uniqueKeysWithValues: cases.map { ($0.name, $0.model) })
        #expect(models["md1"]!.hasPrefix("M/D/1 FIFO"))
        #expect(models["mg1-erlang2"]!.hasPrefix("M/E2/1 FIFO"))
        #expect(models["mg1-lognormal"]!.hasPrefix("M/G/1 FIFO"))
        #expect(models["mmc-priority"]!.hasPrefix("M/M/8 non-preemptive priority"))
    }

    @Test("churn and sick-leave cases: the scenario is changed as stated and the theory follows it")
    func hazardCases() throws {
        let cases = try ValidationSuite.standardCases(directory: Self.directory)
        let churn = try #require(cases.first { $0.name == "churn" })
        #expect(churn.scenario.newClients.baseRatePerMonth == 0)
        #expect(churn.scenario.simulation.effectiveDecisionDay == 0)
        #expect(churn.scenario.clients.values.allSatisfy { $0.churn.baseMonthly == 0.03 && $0.churn.sensitivity == 0 })
        // 740 days = 24.3 months of 730 h: 24 month ends; 201 clients.
        #expect(abs(churn.checks[0].theory - 201 * (1 - pow(0.97, 24))) < 1e-9)
        let sick = try #require(cases.first { $0.name == "sick-leave" })
        #expect(sick.scenario.technicians.count == 20)
        #expect(sick.scenario.technicians.sickLeave.stressSensitivity == 0)
        #expect(sick.scenario.technicians.burnout.baseDailyHazard == 0 && sick.scenario.technicians.resignation.baseDailyHazard == 0)
        // Far from the start, episodes per technician-night approach h/(1 + d·h).
        let h = -expm1(-0.01)
        let perNight = sick.checks[0].theory / 20 / 740
        #expect(abs(perNight - h / (1 + 5 * h)) / (h / (1 + 5 * h)) < 0.01)
    }

    @Test("sick-leave renewal expectations: small cases by hand, the long-run limit, and no hazard")
    func renewalExpectations() {
        let h = 0.1
        let one = HazardTheory.sickLeaveExpectations(dailyProbability: h, leaveDays: 2, dayEnds: 1)
        #expect(abs(one.episodes - h) < 1e-15 && abs(one.absentDays - h) < 1e-15)
        // Two nights, d = 2: a leave on night 1 is absent on nights 1 and 2; a leave on night 2 only counts night 2.
        let two = HazardTheory.sickLeaveExpectations(dailyProbability: h, leaveDays: 2, dayEnds: 2)
        #expect(abs(two.episodes - (h + (1 - h) * h)) < 1e-15)
        #expect(abs(two.absentDays - (2 * h + (1 - h) * h)) < 1e-15)
        // Three nights, d = 1: back the night after, with no draw that night.
        let three = HazardTheory.sickLeaveExpectations(dailyProbability: h, leaveDays: 1, dayEnds: 3)
        // P(present and drawing) by night: 1, 1 − h, (1 − h)² + h.
        #expect(abs(three.episodes - h * (1 + (1 - h) + (1 - h) * (1 - h) + h)) < 1e-15)
        let long = HazardTheory.sickLeaveExpectations(dailyProbability: 0.02, leaveDays: 7, dayEnds: 200_000)
        #expect(abs(long.absentDays / 200_000 - HazardTheory.stationaryAbsentFraction(dailyProbability: 0.02, leaveDays: 7)) < 1e-4)
        let none = HazardTheory.sickLeaveExpectations(dailyProbability: 0, leaveDays: 5, dayEnds: 100)
        #expect(none.episodes == 0 && none.absentDays == 0)
        #expect(abs(HazardTheory.expectedClientsLost(clients: 4, monthlyProbability: 0.5, months: 2) - 3) < 1e-15)
    }

    @Test("a scenario outside the supported reductions is refused with the reason")
    func unsuitableScenario() throws {
        var s = try ScenarioReader.load(contentsOf: Self.directory + "/mmc-fifo.json5")
        s.clients["regular"]!.workHours = try .lognormal(mean: 1, sd: 1)
        #expect(throws: ValidationSetupError.self) { try ValidationSuite.queueingCase(name: "x", source: "x", scenario: s) }
        #expect(throws: ValidationSetupError.self) {
            try ValidationSuite.standardCases(directory: Self.root.appendingPathComponent("no-such-directory").path)
        }
    }

    @Test("Little's residual from one replication's metrics")
    func littleResidual() {
        var values = [Double](repeating: .nan, count: Metric.allCases.count)
        values[Metric.meanBacklogOrders.rawValue] = 4
        values[Metric.throughputOrders.rawValue] = 800
        values[Metric.keyMeanFlowHours.rawValue] = 2
        values[Metric.otherMeanFlowHours.rawValue] = 6
        let result = ReplicationResult(values: values, status: .ok)
        // λ̂ = 800 / 1000 h, W̄ = 0.25·2 + 0.75·6 = 5 h → λ̂W̄ = 4.
        let residual = ValidationObservable.littleResidual(keyShare: 0.25, windowHours: 1_000).value(in: result)
        #expect(abs(residual) < 1e-12)
    }
}
