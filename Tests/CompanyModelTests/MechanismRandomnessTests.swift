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

    /// The arrivals of one group's clients, by (ordinal in the group, time, details): client
    /// indices are positions (groups in name order), the ordinal is what the streams follow.
    static func arrivals(of group: String, in scenario: Scenario) throws -> [[String]] {
        let names = scenario.clientGroupNames
        var first = 0
        for name in names where name < group { first += scenario.clients[name]!.count }
        let count = scenario.clients[group]!.count
        return try MechanismTrace(scenario).named("arrival")
            .filter { (first..<(first + count)).contains($0.client) }
            .map { ["\($0.client - first)", "\($0.timeHours)", $0.details] }
    }

    @Test("a group's orders follow its name and ordinals: renaming another group or changing its count changes none of them")
    func clientStreamsFollowStableNames() throws {
        var scenario = TestScenarios.calm(technicians: 3, regularClients: 4, horizonDays: 70)
        scenario.clients["regular"]!.workHours = try .exponential(mean: 5)
        var other = scenario.clients["regular"]!
        other.count = 3
        scenario.clients["other"] = other
        let reference = try Self.arrivals(of: "regular", in: scenario)
        #expect(reference.count > 60)
        #expect(Set(reference.map { $0[0] }).count == 4, "every regular client orders")

        var moreOthers = scenario
        moreOthers.clients["other"]!.count = 6   // shifts the regular clients' positions by 3
        #expect(try Self.arrivals(of: "regular", in: moreOthers) == reference)

        var renamed = scenario
        renamed.clients["aardvark"] = renamed.clients.removeValue(forKey: "other")   // now sorts first
        #expect(try Self.arrivals(of: "regular", in: renamed) == reference)
        // The renamed group's own clients read other numbers (its name is its key).
        #expect(try Self.arrivals(of: "aardvark", in: renamed) != (try Self.arrivals(of: "other", in: scenario)))
    }

    @Test("the same leave has the same length under two policies, even when earlier leaves differ")
    func leaveLengthsFollowTheDayTheLeaveStarts() throws {
        // Many technicians, frequent stress-driven leaves, and a studied policy that raises
        // stress (overtime every evening): the histories diverge after the decision day, so a
        // technician can have had a different number of leaves by the time it falls ill on the
        // same day under both policies. Before leave lengths were keyed by the start day, the
        // n-th leave of a slot read the n-th length, and such a leave got another length.
        var scenario = TestScenarios.calm(technicians: 12, keyOrdersPerWeek: 40, regularClients: 10, regularOrdersPerWeek: 8,
                                          horizonDays: 200, decisionDay: 30)
        scenario.technicians.sickLeave.baseDailyHazard = 0.01
        scenario.technicians.sickLeave.stressSensitivity = 2
        scenario.technicians.sickLeave.durationDays = try .lognormal(mean: 8, sd: 6)
        var heavy = TestScenarios.indulge()
        heavy.overtimeTrigger = .backlog
        heavy.backlogThresholdDays = 0
        heavy.restDayOvertime = true
        scenario.policies["heavy"] = heavy
        var common = 0, commonAfterDifferentHistories = 0
        for replication in 0..<3 {
            func leaves(_ policy: String) throws -> [[Double]: (length: String, earlier: Int)] {
                var byStart: [[Double]: (length: String, earlier: Int)] = [:]
                var seen: [Int: Int] = [:]
                for record in try MechanismTrace(scenario, policy: policy, replication: replication).named("sick leave") {
                    byStart[[Double(record.technician), record.timeHours]] = (record.details, seen[record.technician, default: 0])
                    seen[record.technician, default: 0] += 1
                }
                return byStart
            }
            let base = try leaves("base"), other = try leaves("heavy")
            for (start, leave) in base {
                guard let same = other[start] else { continue }
                common += 1
                #expect(same.length == leave.length, "technician \(Int(start[0])) falls ill at \(start[1]) h under both policies")
                if same.earlier != leave.earlier { commonAfterDifferentHistories += 1 }
            }
        }
        #expect(common > 20)
        #expect(commonAfterDifferentHistories > 0, "the case the keyed lengths exist for occurs")
    }
}
