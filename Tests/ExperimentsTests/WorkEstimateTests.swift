import Testing
import CompanyModel
@testable import Experiments

@Suite("Work estimate")
struct WorkEstimateTests {
    static func scenario(_ text: String) throws -> Scenario {
        try ScenarioReader.decode(try ScenarioReader.parse(text: text, fileName: "t.json5"), fileName: "t.json5")
    }

    @Test("technician-days are counted: ten times the staff costs about ten times the daily work")
    func technicianDays() throws {
        let small = try Self.scenario("{ simulation: { horizonDays: 36500 }, technicians: { count: 1000 } }")
        let large = try Self.scenario("{ simulation: { horizonDays: 36500 }, technicians: { count: 10000 } }")
        let a = WorkEstimate(scenarios: [small], policies: small.policyNames, replications: 1)
        let b = WorkEstimate(scenarios: [large], policies: large.policyNames, replications: 1)
        // 10,000 technicians for a century: 3.65e8 technician-days per policy.
        #expect(b.coreSeconds >= 2 * 3.65e8 * WorkEstimate.secondsPerTechnicianDay)
        #expect(b.coreSeconds / a.coreSeconds > 5)
    }

    @Test("an overloaded company is counted only until the runaway limit")
    func runawayCap() throws {
        let overloaded = try Self.scenario("{ simulation: { horizonDays: 36500 }, clients: { key: { count: 1, isKeyClient: true, ordersPerWeek: 1 }, regular: { count: 10, ordersPerWeek: 1000 } } }")
        let estimate = WorkEstimate(scenarios: [overloaded], policies: [overloaded.baseline], replications: 1)
        let uncapped = 10 * 1000 * 36500.0 / 7 * WorkEstimate.secondsPerOrder
        #expect(estimate.coreSeconds < uncapped / 100, "\(estimate.coreSeconds) s")
    }

    @Test("replications, policies and points multiply; the threshold decides confirmation")
    func scaling() throws {
        let base = try Self.scenario("{}")
        let one = WorkEstimate(scenarios: [base], policies: [base.baseline], replications: 10, outcomeMode: .sampled)
        let more = WorkEstimate(scenarios: [base, base], policies: base.policyNames, replications: 30, outcomeMode: .sampled)
        #expect(abs(more.coreSeconds / one.coreSeconds - Double(2 * base.policyNames.count * 3)) < 1e-9)
        // With outcome branches, 'standard' (leaves / reducesVolume) is simulated twice per
        // replication, 'indulge' once: 3 runs instead of 2.
        let branched = WorkEstimate(scenarios: [base, base], policies: base.policyNames, replications: 30)
        #expect(abs(branched.coreSeconds / more.coreSeconds - 1.5) < 1e-9)
        #expect(!one.needsConfirmation())
        #expect(one.needsConfirmation(thresholdCoreSeconds: one.coreSeconds / 2))
        #expect(WorkEstimate.duration(7_200) == "2.0 core-hours" && WorkEstimate.duration(90) == "1.5 core-minutes")
    }
}

@Suite("Work estimate: memory")
struct WorkEstimateMemoryTests {
    @Test("memory grows with replications, and --timeseries adds the weeks of every replication")
    func memory() throws {
        let scenario = try ScenarioReader.read(text: "{ simulation: { horizonDays: 700 } }", fileName: "memory.json5")
        let plain = WorkEstimate(scenarios: [scenario], policies: scenario.policyNames, replications: 1_000, outcomeMode: .sampled)
        let series = WorkEstimate(scenarios: [scenario], policies: scenario.policyNames, replications: 1_000, timeseries: true,
                                  outcomeMode: .sampled)
        let policies = Double(scenario.policyNames.count)
        #expect(plain.memoryBytes == WorkEstimate.baseBytes + 1_000 * policies * WorkEstimate.bytesPerResult)
        #expect(series.memoryBytes - plain.memoryBytes == 1_000 * policies * 100 * WorkEstimate.bytesPerWeek)
        #expect(series.exceedsMemory(of: series.memoryBytes - 1) && !series.exceedsMemory(of: series.memoryBytes))
        #expect(series.summary.contains("MB of memory"), "\(series.summary)")
    }
}
