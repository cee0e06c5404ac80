@testable import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// What happened to whom: overdue orders and satisfaction, work in progress at the horizon,
/// on-time rate and lateness per class, clients gained and active at the end.
@Suite("Mechanism: metrics of what happened to whom")
struct MechanismMetricsTests {
    /// One technician, a key client whose orders take 5000 h (never finished in the horizon)
    /// and rarely come, and one regular client who orders nothing: the key client's first
    /// order is stuck, overdue, from its due date on.
    static func stuckScenario(horizonDays: Double) -> Scenario {
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 0.15, regularClients: 1, regularOrdersPerWeek: 0,
                                          keyWorkHours: 5000, horizonDays: horizonDays, decisionDay: 7)
        scenario.clients["key"]!.churn.toleranceDays = 5
        scenario.clients["key"]!.churn.smoothing = 0.2
        return scenario
    }

    /// The key client's satisfaction once the replication has run to the horizon.
    static func keySatisfaction(_ scenario: Scenario, replication: Int) -> Double {
        var model = CompanyReplication(scenario: scenario, policy: scenario.baseline, seed: scenario.simulation.seed,
                                       replication: replication, trace: false, timeseries: false,
                                       calendar: scenario.calendar.workingCalendar(horizonDays: scenario.simulation.horizonDays)!,
                                       officeHours: scenario.calendar.officeCalendar(horizonDays: scenario.simulation.horizonDays))
        _ = model.run()
        return model.market.clients[0].satisfaction
    }

    @Test("an order stuck overdue lowers its client's satisfaction week by week, before any delivery, by the documented rule")
    func overdueOrderLowersSatisfactionWeekly() throws {
        let weeks = 12
        let longest = Self.stuckScenario(horizonDays: Double(7 * weeks))
        // A replication in which the key client placed exactly one order, early enough to be
        // overdue for several week ends (the first such replication: fixed by the seed).
        var chosen: (replication: Int, due: Double)?
        for replication in 0..<200 {
            let trace = try MechanismTrace(longest, replication: replication)
            let orders = trace.named("arrival").filter { $0.client == 0 }
            guard orders.count == 1, let life = trace.orderLives.first(where: { $0.client == 0 }),
                  life.dueHours < Double(7 * (weeks - 5)) * 24 else { continue }
            #expect(trace.count("deliver") == 0, "nothing is delivered in the set-up")
            chosen = (replication, life.dueHours)
            break
        }
        let (replication, due) = try #require(chosen, "some replication has exactly one early key-client order")

        // By hand: each week end after the due date is one observation at the days overdue so far.
        var expected = 1.0
        for week in 1...weeks {
            let weekEnd = Double(7 * week) * 24
            if weekEnd > due + 1e-9 {
                let score = exp(-((weekEnd - due) / 24) / 5)
                expected += 0.2 * (score - expected)
            }
            let actual = Self.keySatisfaction(Self.stuckScenario(horizonDays: Double(7 * week)), replication: replication)
            // The log writes the due date to 0.01 h: a score moves by at most 0.005/(24 × 5) of
            // itself for it, hence 1e-4.
            #expect(close(actual, expected, tolerance: 1e-4), "week \(week): satisfaction \(actual), by hand \(expected)")
            if weekEnd > due + 7 * 24 {
                let before = Self.keySatisfaction(Self.stuckScenario(horizonDays: Double(7 * (week - 1))), replication: replication)
                #expect(actual < before, "week \(week): satisfaction must fall while the order waits (\(before) → \(actual))")
            }
        }
        #expect(expected < 0.5, "the set-up should make the client clearly unhappy")
    }

    @Test("overdue work drives churn: a client whose orders are stuck leaves although nothing was ever delivered late")
    func overdueWorkDrivesChurn() throws {
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 2, regularClients: 1, regularOrdersPerWeek: 0,
                                          keyWorkHours: 5000, horizonDays: 365, decisionDay: 7)
        scenario.clients["key"]!.churn.sensitivity = 1
        scenario.clients["key"]!.churn.exponent = 1
        let trace = try MechanismTrace(scenario)
        #expect(trace.count("deliver") == 0)
        #expect(trace.named("client lost").contains { $0.client == 0 }, "the key client churns from overdue work alone")
        #expect(trace.result[.keyClientLost] == 1)
    }

    @Test("the rule draws no random number: all policies share the history to the decision day")
    func overdueRuleKeepsTheHistoryShared() throws {
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 3, regularClients: 3, regularOrdersPerWeek: 2,
                                          horizonDays: 120, decisionDay: 60)
        scenario.clients["regular"]!.churn.sensitivity = 0.5
        scenario.clients["key"]!.churn.sensitivity = 0.5
        var more = Policy()
        more.extraTechnicians = 2
        scenario.policies["more"] = more
        let base = try MechanismTrace(scenario, policy: "base"), other = try MechanismTrace(scenario, policy: "more")
        let decision = scenario.decisionHours
        #expect(base.records.filter { $0.timeHours < decision } == other.records.filter { $0.timeHours < decision })
    }

    @Test("work in progress at the horizon is valued at price × share of work done, apart from profit")
    func workInProgressValuedByHand() throws {
        // Continuous duty: one technician works without pause on orders of 30 h, always more
        // waiting, so at the horizon exactly one order is in hand and the rest have not started.
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 8, regularClients: 1, regularOrdersPerWeek: 0,
                                          keyWorkHours: 30, horizonDays: 30, decisionDay: 7)
        scenario.calendar.mode = .continuous
        let trace = try MechanismTrace(scenario)
        let price = scenario.clients["key"]!.priceEurPerHour
        let open = trace.orderLives.filter { $0.delivery == nil }
        #expect(open.count >= 3, "the set-up should leave a queue at the horizon")
        let started = open.filter { !$0.starts.isEmpty }
        try #require(started.count == 1)
        let lastStart = try #require(started[0].starts.last).timeHours
        let doneHours = scenario.horizonHours - lastStart
        #expect(close(trace.result[.wipValueEur], price * doneHours), "\(trace.result[.wipValueEur]) vs \(price) €/h × \(doneHours) h")
        // Profit stays cash: revenue of deliveries only, the open work not in it.
        let delivered = trace.orderLives.filter { ($0.delivery?.timeHours ?? -1) >= scenario.decisionHours }
        #expect(close(trace.result[.revenueEur], price * 30 * Double(delivered.count)))
    }

    @Test("an empty system at the horizon has no work in progress")
    func noOpenOrdersNoWorkInProgress() throws {
        let scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 0, regularClients: 1, regularOrdersPerWeek: 0)
        #expect(try MechanismTrace(scenario).result[.wipValueEur] == 0)
    }

    @Test("on-time rate and lateness per class count the window's deliveries of each class, and pool to the overall ones")
    func perClassOnTimeAndLateness() throws {
        var scenario = TestScenarios.calm(technicians: 2, keyOrdersPerWeek: 6, regularClients: 4, regularOrdersPerWeek: 2,
                                          keyWorkHours: 6, regularWorkHours: 8, horizonDays: 120, decisionDay: 30)
        scenario.clients["key"]!.leadTimeDays = 2
        scenario.clients["regular"]!.leadTimeDays = 4
        let trace = try MechanismTrace(scenario)
        let window = trace.orderLives.filter { ($0.delivery?.timeHours ?? -1) >= scenario.decisionHours }
        func figures(_ lives: [MechanismTrace.OrderLife]) -> (onTime: Double, lateness: Double) {
            let late = lives.map { max(0, ($0.delivery!.timeHours - $0.dueHours) / 24) }
            let onTime = lives.filter { $0.delivery!.timeHours <= $0.dueHours + 1e-9 }.count
            return (Double(onTime) / Double(lives.count), late.reduce(0, +) / Double(lives.count))
        }
        let key = window.filter { $0.client == 0 }, other = window.filter { $0.client != 0 }
        try #require(!key.isEmpty && !other.isEmpty)
        let (keyOnTime, keyLateness) = figures(key), (otherOnTime, otherLateness) = figures(other)
        #expect(keyOnTime < 1 && otherOnTime < 1, "the set-up should make both classes late sometimes")
        #expect(close(trace.result[.keyOnTimeRate], keyOnTime))
        #expect(close(trace.result[.otherOnTimeRate], otherOnTime))
        #expect(close(trace.result[.keyMeanLatenessDays], keyLateness, tolerance: 1e-6))
        #expect(close(trace.result[.otherMeanLatenessDays], otherLateness, tolerance: 1e-6))
        let n = Double(window.count)
        #expect(close(trace.result[.onTimeRate], (keyOnTime * Double(key.count) + otherOnTime * Double(other.count)) / n))
        #expect(close(trace.result[.meanLatenessDays],
                      (keyLateness * Double(key.count) + otherLateness * Double(other.count)) / n, tolerance: 1e-6))
    }

    @Test("a class with no delivery in the window has empty per-class figures")
    func perClassEmptyWithoutDeliveries() throws {
        let scenario = TestScenarios.calm(keyOrdersPerWeek: 0)
        let result = try MechanismTrace(scenario).result
        #expect(result[.keyOnTimeRate].isNaN && result[.keyMeanLatenessDays].isNaN)
        #expect(!result[.otherOnTimeRate].isNaN && !result[.otherMeanLatenessDays].isNaN)
    }

    @Test("clients gained count the window's joiners; active clients at the end are those joined and not lost")
    func clientsGainedAndActiveAtTheEnd() throws {
        var scenario = TestScenarios.calm(regularClients: 6, horizonDays: 300, decisionDay: 60)
        scenario.newClients.baseRatePerMonth = 2
        scenario.clients["regular"]!.churn.baseMonthly = 0.1
        let trace = try MechanismTrace(scenario)
        let decision = scenario.decisionHours
        let gained = trace.count("new client", from: decision)
        #expect(gained >= 3, "the set-up should bring new clients in the window")
        #expect(trace.count("new client") > gained, "and some before it, which do not count")
        #expect(trace.result[.clientsGained] == Double(gained))
        let everyone = 7 + trace.count("new client")
        #expect(trace.result[.activeClientsEnd] == Double(everyone - trace.count("client lost")))
    }
}
