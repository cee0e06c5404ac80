import CompanyModel
import SimulationKernel
import Testing

/// Common random numbers and reproducibility.
@Suite("Mechanism: common random numbers")
struct MechanismRandomnessTests {
    @Test("two policies that differ only after the decision day give identical traces up to it")
    func policiesShareHistoryUntilDecision() throws {
        // The full default company (hazards, stress, churn, new clients, overtime, preemption).
        let scenario = TestScenarios.company(horizonDays: 120, warmupDays: 42)
        let decision = scenario.decisionHours
        for replication in 0..<2 {
            let indulge = try MechanismTrace(scenario, policy: "indulge", replication: replication)
            let standard = try MechanismTrace(scenario, policy: "standard", replication: replication)
            let before = indulge.records.filter { $0.timeHours < decision }
            #expect(before.count > 500)
            #expect(before == standard.records.filter { $0.timeHours < decision })
            // … and they do differ afterwards.
            #expect(indulge.records.filter { $0.timeHours >= decision } != standard.records.filter { $0.timeHours >= decision })
        }
    }

    @Test("work content is drawn at arrival: regular clients' orders are the same under every policy")
    func ordersAreTheSameUnderEveryPolicy() throws {
        var scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 6, regularClients: 5, horizonDays: 56)
        let exponential = try Distribution.exponential(mean: 5)
        scenario.clients["key"]!.workHours = exponential
        scenario.clients["regular"]!.workHours = exponential
        scenario.clients["key"]!.keyClient!.rushFraction = 0.3
        scenario.policies["base"] = TestScenarios.indulge()
        scenario.policies["standard"] = TestScenarios.standard()
        func orders(_ policy: String) throws -> [[String]] {
            try MechanismTrace(scenario, policy: policy).named("arrival")
                .filter { $0.client != 0 }
                .map { ["\($0.timeHours)", "\($0.client)", $0.details] }
        }
        let base = try orders("base")
        #expect(base.count > 50)
        #expect(Set(base.map { $0[2] }).count > 40, "work contents vary")
        #expect(base == (try orders("standard")))
    }

    @Test("the same seed gives identical metrics twice; another seed gives different ones")
    func seedsDetermineResults() throws {
        let scenario = TestScenarios.company(horizonDays: 100, warmupDays: 30)
        let model = try CompanySimulation(scenario: scenario, policy: "standard")
        let first = model.run(replication: 3, seed: 7)
        let again = model.run(replication: 3, seed: 7)
        #expect(sameMetrics(first, again))
        #expect(model.trace(replication: 3, seed: 7).result.values.count == first.values.count)
        #expect(sameMetrics(model.trace(replication: 3, seed: 7).result, first), "tracing changes nothing")
        let otherSeed = model.run(replication: 3, seed: 8)
        #expect(!sameMetrics(first, otherSeed))
        #expect(first[.revenueEur] != otherSeed[.revenueEur])
        let otherReplication = model.run(replication: 4, seed: 7)
        #expect(first[.revenueEur] != otherReplication[.revenueEur])
    }
}
