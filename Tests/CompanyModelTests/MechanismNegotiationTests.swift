import CompanyModel
import SimulationKernel
import Testing

/// The decision day's negotiation mechanisms: the response outcomes, the terms they apply, a
/// smaller staff, and a key client gone before the decision.
@Suite("Mechanism: the key client's response")
struct MechanismNegotiationTests {
    /// `calm` with a studied policy 'new' that drops a 10 % discount, with `response`.
    static func negotiating(_ outcomes: [KeyClientOutcome]) -> Scenario {
        var s = TestScenarios.calm(technicians: 3, horizonDays: 84, decisionDay: 28)
        var base = Policy()
        base.keyClientTerms.discount = 0.1
        var studied = Policy()
        studied.response = KeyClientResponse(outcomes: outcomes)
        s.policies = ["base": base, "new": studied]
        return s
    }

    @Test("a studied policy with fewer extra technicians than the baseline lets the difference go on the decision day, latest first")
    func fewerExtraTechniciansAreLetGo() throws {
        var s = TestScenarios.calm(technicians: 3, horizonDays: 84, decisionDay: 28)
        var base = Policy()
        base.extraTechnicians = 2
        s.policies = ["base": base, "lean": Policy()]
        let lean = try MechanismTrace(s, policy: "lean")
        let letGo = lean.named("let go")
        #expect(letGo.map(\.technician) == [4, 3])
        #expect(letGo.allSatisfy { abs($0.timeHours - s.decisionHours) < 1e-9 })
        // Nobody let go works again: no start by them after the decision.
        #expect(!lean.records.contains { $0.event == "start" && $0.timeHours > s.decisionHours && $0.technician >= 3 })
        // The baseline keeps all five; the lean team's salary is that of three.
        let kept = try MechanismTrace(s)
        #expect(kept.count("let go") == 0)
        #expect(abs(lean.result[.salaryCostEur] / kept.result[.salaryCostEur] - 3.0 / 5.0) < 1e-9)
    }

    @Test("each outcome does what it says: leaves at once, leaves later, reduces volume, accepts; orders carry the new terms")
    func outcomesApply() throws {
        var stays = KeyClientOutcome(kind: .reducesVolume, probability: 0.25)
        stays.volumeFactor = 0.5
        var later = KeyClientOutcome(kind: .leavesLater, probability: 0.25)
        later.months = 1
        let s = Self.negotiating([KeyClientOutcome(kind: .leaves, probability: 0.25), later, stays,
                                  KeyClientOutcome(kind: .accepts, probability: 0.25)])
        let model = try CompanySimulation(scenario: s, policy: "new")
        #expect(model.outcomes.map(\.name) == ["leaves", "leavesLater", "reducesVolume", "accepts"])
        let key = try #require(s.clientGroupNames.firstIndex(of: "key"))
        func keyArrivals(_ log: [TraceRecord], from: Double, to: Double) -> Int {
            log.filter { if case .arrival = $0.kind { $0.client == key && $0.timeHours >= from && $0.timeHours < to } else { false } }.count
        }
        let month = 365.0 * 24 / 12
        let d = s.decisionHours, end = s.horizonHours
        let leaves = model.trace(replication: 0, outcome: 0)
        #expect(keyArrivals(leaves.log, from: d, to: end) == 0)
        #expect(leaves.result[.keyClientLost] == 1)
        let laterLog = model.trace(replication: 0, outcome: 1)
        #expect(keyArrivals(laterLog.log, from: d, to: d + month) > 0)
        #expect(keyArrivals(laterLog.log, from: d + month, to: end) == 0)
        let reduced = model.trace(replication: 0, outcome: 2), accepted = model.trace(replication: 0, outcome: 3)
        #expect(reduced.result[.keyClientLost] == 0 && accepted.result[.keyClientLost] == 0)
        // Half the rate on the same arrival stream: every gap after the decision doubles, so the
        // orders of the whole window at half rate are those of its first half at full rate (±1:
        // the gap that straddles the decision day is drawn at the old rate).
        let full = keyArrivals(accepted.log, from: d, to: d + (end - d) / 2), half = keyArrivals(reduced.log, from: d, to: end)
        #expect(full >= 10)
        #expect(abs(half - full) <= 1)
        // The discount is gone for orders placed after the decision. Against the baseline (the
        // 10 % discount throughout) on the same streams, the same orders are delivered at the
        // same times (nothing else differs), so materials, which follow the list price, are
        // equal, and revenue is higher, by at most the discount on every key order.
        let base = try CompanySimulation(scenario: s, policy: "base").run(replication: 0)
        #expect(accepted.result[.materialsCostEur] == base[.materialsCostEur])
        #expect(accepted.result[.throughputOrders] == base[.throughputOrders])
        #expect(accepted.result[.revenueEur] > base[.revenueEur])
        #expect(accepted.result[.revenueEur] <= base[.revenueEur] / 0.9 + 1e-6)
    }

    @Test("a key client gone before the decision day responds to nothing: every branch is the same run, and it is counted")
    func absentKeyClient() throws {
        var s = Self.negotiating([KeyClientOutcome(kind: .leaves, probability: 0.5), KeyClientOutcome(kind: .accepts, probability: 0.5)])
        // It churns for sure at the first month end (day 30.4), before the decision (day 40).
        s.clients["key"]!.churn.baseMonthly = 1
        s.simulation.warmupDays = 40
        s.simulation.decisionDay = 40
        let model = try CompanySimulation(scenario: s, policy: "new")
        let leaves = model.run(replication: 0, outcome: 0), accepts = model.run(replication: 0, outcome: 1)
        #expect(leaves[.keyClientPresent] == 0)
        #expect(leaves.values.map(\.bitPattern) == accepts.values.map(\.bitPattern))
        let present = TestScenarios.calm(technicians: 3, horizonDays: 84, decisionDay: 28)
        #expect(try CompanySimulation(scenario: present, policy: "base").run(replication: 0)[.keyClientPresent] == 1)
    }
}
