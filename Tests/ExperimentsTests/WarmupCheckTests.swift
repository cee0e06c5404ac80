import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// The warm-up check: what it says for a given starting state, a short horizon, a pilot that
/// settles in time and one that does not.
@Suite("Warm-up check")
struct WarmupCheckTests {
    static func smallShop() throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioReader.load(contentsOf: root.appendingPathComponent("scenarios/small-shop.json5").path)
    }

    @Test("a given starting state is named, and no pilot is run")
    func startingStateGiven() throws {
        var scenario = try Self.smallShop()
        scenario.startingState.stress = 0.5
        scenario.startingState.backlogDays = 4
        scenario.startingState.satisfaction = 0.85
        let check = try #require(WarmupCheck.run(scenario: scenario))
        #expect(check.summary == "starting state: given (stress 0.5, backlog 4 days, satisfaction 0.85)")
        #expect(check.warning(file: "x.json5", scenario: scenario) == nil)
    }

    @Test("a horizon under 10 weeks is not checked, and says why")
    func shortHorizon() throws {
        var scenario = try Self.smallShop()
        scenario.simulation.horizonDays = 60
        scenario.simulation.warmupDays = 14
        let check = try #require(WarmupCheck.run(scenario: scenario))
        #expect(check.summary.hasPrefix("warm-up: not checked: the horizon has 8 whole weeks"), "\(check.summary)")
    }

    @Test("the pilot of a small shop settles before its decision day, and the pilot is the same on 1 and 2 threads")
    func pilotSettles() throws {
        // The shipped small shop's stress takes more than a year to settle (office-hour orders,
        // overtime sized to need, clients drifting away): its file's warm-up of 70 weeks covers it.
        let scenario = try Self.smallShop()
        let one = try #require(WarmupCheck.run(scenario: scenario, jobs: 1))
        let two = try #require(WarmupCheck.run(scenario: scenario, jobs: 2))
        #expect(one.finding == two.finding)
        guard case .checked(let pilot) = one.finding else {
            Issue.record("expected a pilot: \(one.summary)")
            return
        }
        #expect(pilot.replications == 10)
        #expect(pilot.isAdequate, "\(one.summary)")
        #expect(one.summary.hasPrefix("warm-up: 70 weeks; MSER-5 on a 10-replication pilot of the baseline: stress "), "\(one.summary)")
        #expect(one.summary.contains(" — adequate"), "\(one.summary)")
    }

    static func pilot(stressBatches: Int, backlogBatches: Int, keyClientAbsent: Int = 0) -> WarmupCheck {
        WarmupCheck(finding: .checked(.init(
            replications: 10,
            stress: MSER.Truncation(batches: stressBatches, batchCount: 20, statistic: []),
            backlog: MSER.Truncation(batches: backlogBatches, batchCount: 20, statistic: []),
            decisionWeeks: 13, keyClientAbsent: keyClientAbsent, runaways: 0)))
    }

    @Test("a decision day before the company settles is a warning that says what to raise it to")
    func tooEarly() throws {
        var scenario = try Self.smallShop()
        scenario.simulation.warmupDays = 91
        let check = Self.pilot(stressBatches: 1, backlogBatches: 4, keyClientAbsent: 2)
        #expect(check.summary == "warm-up: 13 weeks; MSER-5 on a 10-replication pilot of the baseline: stress settles after 5 weeks, "
                + "backlog settles after 20 weeks — too short; the key client was gone before the decision day in 2 of 10 pilot replications")
        let warning = try #require(check.warning(file: "x.json5", scenario: scenario))
        #expect(warning.hasPrefix("warning: x.json5: simulation.warmupDays: the decision day comes before the company settles: "), "\(warning)")
        #expect(warning.contains("raise simulation.warmupDays to 140 or give a startingState"), "\(warning)")
        #expect(Self.pilot(stressBatches: 2, backlogBatches: 0).warning(file: "x.json5", scenario: scenario) == nil)
    }

    @Test("a series with no stable level is said so")
    func noStableLevel() throws {
        let check = Self.pilot(stressBatches: 0, backlogBatches: 10)
        #expect(check.summary.contains("backlog does not settle within the horizon (MSER-5 stops at its limit, 50 weeks: no stable level)"))
        #expect(check.warning(file: "x.json5", scenario: try Self.smallShop()) != nil)
    }

    @Test("the weekly series are averaged over the replications that have the week")
    func averaging() {
        #expect(WarmupCheck.averaged([[1, 2, 3], [3, .nan], [5]]) == [3, 2, 3])
        #expect(WarmupCheck.averaged([]) == [])
    }
}
